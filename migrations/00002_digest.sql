-- +goose Up
-- The daily digest. A chat's digest_cursor is the arrival sequence up to
-- which releases have been considered for it; next_digest_at is the stored
-- time of its next digest (computed from digest_time and time_zone), so a
-- process that was down sends one catch-up digest, not one per missed day.
ALTER TABLE chats
    ADD COLUMN digest_cursor  bigint NOT NULL DEFAULT 0,
    ADD COLUMN next_digest_at timestamptz,
    ADD COLUMN last_digest_at timestamptz;
CREATE INDEX chats_due_idx ON chats (next_digest_at)
    WHERE digest_enabled AND active;

-- Near-duplicate detection: hashed word shingles of the release's normalised
-- text, computed at ingest, compared with Jaccard similarity when a digest is
-- built.
ALTER TABLE releases ADD COLUMN shingles bigint[] NOT NULL DEFAULT '{}';

CREATE TABLE digests (
    id         bigserial PRIMARY KEY,
    chat_id    bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    built_at   timestamptz NOT NULL DEFAULT now(),
    from_seq   bigint NOT NULL, -- releases after this arrival sequence ...
    to_seq     bigint NOT NULL, -- ... up to and including this one
    items      int NOT NULL,
    parts      int NOT NULL
);
CREATE INDEX digests_chat_idx ON digests (chat_id, built_at DESC);

-- The outbox: message parts waiting to be sent. A sender claims a part with
-- FOR UPDATE SKIP LOCKED and holds the row lock while it calls Telegram, so
-- two senders never send the same part and a crash leaves the part pending.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    digest_id   bigint NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    chat_id     bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    part        int NOT NULL,
    text        text NOT NULL,           -- Telegram HTML, at most 4096 visible characters
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
    attempts    int NOT NULL DEFAULT 0,
    not_before  timestamptz NOT NULL DEFAULT now(),
    plain_text  boolean NOT NULL DEFAULT false, -- resend without parse mode
    last_error  text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    UNIQUE (digest_id, part)
);
CREATE INDEX outbox_pending_idx ON outbox (not_before, id) WHERE status = 'pending';
CREATE INDEX outbox_chat_idx ON outbox (chat_id) WHERE status = 'pending';

-- +goose Down
DROP TABLE outbox;
DROP TABLE digests;
ALTER TABLE releases DROP COLUMN shingles;
DROP INDEX chats_due_idx;
ALTER TABLE chats DROP COLUMN digest_cursor, DROP COLUMN next_digest_at, DROP COLUMN last_digest_at;
