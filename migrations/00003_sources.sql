-- +goose Up
-- Sources are what the poller fetches: a gov.kz entity in one language
-- (through its RSS feed or the JSON list API), or a generic RSS/Atom feed
-- named by the operator. key identifies a source whatever the configuration
-- ("govkz:shymkent:kk", "feed:https://example.org/rss"), so a source keeps its
-- state (conditional-request validators, failures) across restarts and
-- configuration changes. A source no longer configured is disabled, not
-- deleted, so its history stays visible in "newsbot sources status".
CREATE TABLE sources (
    id                   bigserial PRIMARY KEY,
    key                  text NOT NULL UNIQUE,
    kind                 text NOT NULL CHECK (kind IN ('govkz', 'feed')),
    entity_id            bigint REFERENCES entities (id) ON DELETE CASCADE,
    lang                 text NOT NULL DEFAULT '' CHECK (lang IN ('', 'kk', 'ru', 'en')),
    url                  text NOT NULL DEFAULT '', -- feeds only: gov.kz URLs follow GOVKZ_BASE_URL
    enabled              boolean NOT NULL DEFAULT true,
    -- Validators of the last feed answer, sent back as If-None-Match and
    -- If-Modified-Since.
    etag                 text NOT NULL DEFAULT '',
    last_modified        text NOT NULL DEFAULT '',
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    last_method          text NOT NULL DEFAULT '', -- rss, api or feed
    last_result          text NOT NULL DEFAULT '', -- "3 new, 17 known", for status
    last_error           text NOT NULL DEFAULT '',
    last_error_at        timestamptz,
    consecutive_failures int NOT NULL DEFAULT 0,
    -- failing_since is the first failure of the current streak; a streak
    -- longer than a day is reported once, and reported_failing remembers it.
    failing_since        timestamptz,
    reported_failing     boolean NOT NULL DEFAULT false,
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    -- A poller claims a source by writing a lease; another poller skips it
    -- until the lease ends, so two processes never fetch one source at once,
    -- and a crashed poller's claim expires by itself.
    lease_token          text,
    lease_until          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'govkz' OR (entity_id IS NOT NULL AND lang <> '' AND url = '')),
    CHECK (kind <> 'feed' OR url <> '')
);
CREATE INDEX sources_due_idx ON sources (next_poll_at) WHERE enabled;

-- +goose Down
DROP TABLE sources;
