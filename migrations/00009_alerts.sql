-- +goose Up
-- Instant alerts. A subscription is delivered in the morning digest, at
-- once as an alert, or both.
ALTER TABLE subscriptions ADD COLUMN delivery text NOT NULL DEFAULT 'digest'
    CHECK (delivery IN ('digest', 'instant', 'both'));

-- Quiet hours, in the chat's zone: alerts wait from quiet_from to quiet_to
-- (both NULL: never quiet).
ALTER TABLE chats ADD COLUMN quiet_from time DEFAULT '22:00';
ALTER TABLE chats ADD COLUMN quiet_to time DEFAULT '08:00';
ALTER TABLE chats ADD CONSTRAINT chats_quiet_check CHECK ((quiet_from IS NULL) = (quiet_to IS NULL));

-- An alert message is a one-part "digest" of kind 'alert': it goes through
-- the same outbox, pacing and error handling.
ALTER TABLE digests ADD COLUMN kind text NOT NULL DEFAULT 'digest' CHECK (kind IN ('digest', 'alert'));
-- The outbox carries the kind and, for an alert, when its first release
-- arrived, for the arrival-to-delivery histogram.
ALTER TABLE outbox ADD COLUMN kind text NOT NULL DEFAULT 'digest';
ALTER TABLE outbox ADD COLUMN arrived_at timestamptz;

-- alerts: which release a chat is to be alerted of, and what became of it:
-- pending (waiting: the minute's limit, quiet hours, the day's cap),
-- queued (in an alert message), folded (a digest came first and holds it),
-- failed (the alert message could not be delivered; the digest offers it).
-- The key makes an alert once per chat and release, whatever the replicas.
CREATE TABLE alerts (
    chat_id     bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    release_id  bigint NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    arrival_seq bigint NOT NULL,
    arrived_at  timestamptz NOT NULL,
    matched_at  timestamptz NOT NULL, -- by the alert pass's clock
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'queued', 'folded', 'failed')),
    digest_id   bigint REFERENCES digests (id) ON DELETE SET NULL,
    queued_at   timestamptz,
    PRIMARY KEY (chat_id, release_id)
);
CREATE INDEX alerts_pending_idx ON alerts (chat_id) WHERE status = 'pending';
CREATE INDEX alerts_queued_idx ON alerts (chat_id, queued_at) WHERE status = 'queued';

-- alert_cursor is the arrival sequence up to which releases were matched
-- against instant subscriptions. It starts at the newest release: what was
-- stored before alerts existed is not news.
CREATE TABLE alert_cursor (
    id       int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    last_seq bigint NOT NULL
);
INSERT INTO alert_cursor (last_seq) SELECT coalesce(max(arrival_seq), 0) FROM releases;

-- +goose Down
DROP TABLE alert_cursor;
DROP TABLE alerts;
ALTER TABLE outbox DROP COLUMN arrived_at;
ALTER TABLE outbox DROP COLUMN kind;
ALTER TABLE digests DROP COLUMN kind;
ALTER TABLE chats DROP CONSTRAINT chats_quiet_check;
ALTER TABLE chats DROP COLUMN quiet_to;
ALTER TABLE chats DROP COLUMN quiet_from;
ALTER TABLE subscriptions DROP COLUMN delivery;
