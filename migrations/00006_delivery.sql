-- +goose Up
-- Digests that are never lost. undelivered_at is the build time of the
-- first digest of the chat that Telegram never took (its cursor was moved
-- back so that the next digest offers those releases again, and says so);
-- the next digest queued clears it.
ALTER TABLE chats ADD COLUMN undelivered_at timestamptz;

-- failing_since is when the current run of transient failures of a part
-- (5xx, timeouts, network) began: the sender gives up only after
-- SEND_RETRY_FOR of them, not after a count of attempts.
ALTER TABLE outbox ADD COLUMN failing_since timestamptz;

-- +goose Down
ALTER TABLE outbox DROP COLUMN failing_since;
ALTER TABLE chats DROP COLUMN undelivered_at;
