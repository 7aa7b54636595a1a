-- +goose Up
-- Entities are the gov.kz organisations that publish releases (akimats,
-- ministries, embassies). The slug is the one in gov.kz URLs, lower case.
CREATE TABLE entities (
    id           bigserial PRIMARY KEY,
    slug         text NOT NULL UNIQUE CHECK (slug = lower(slug) AND slug <> ''),
    kind         text NOT NULL DEFAULT 'other'
                 CHECK (kind IN ('akimat', 'ministry', 'embassy', 'other')),
    name_kk      text NOT NULL DEFAULT '',
    name_ru      text NOT NULL DEFAULT '',
    name_en      text NOT NULL DEFAULT '',
    parent_id    bigint REFERENCES entities (id) ON DELETE SET NULL,
    -- in_catalogue is false for entities first seen in data and created
    -- with their slug as their name.
    in_catalogue boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Arrival order of releases. "New since the last digest" is defined by this
-- sequence, never by the published date. Writers take the arrival lock (see
-- store.lockArrivals) so that sequence order equals commit order.
CREATE SEQUENCE release_arrival_seq;

CREATE TABLE releases (
    id           bigserial PRIMARY KEY,
    arrival_seq  bigint NOT NULL DEFAULT nextval('release_arrival_seq') UNIQUE,
    arrived_at   timestamptz NOT NULL DEFAULT now(),
    entity_id    bigint REFERENCES entities (id),
    govkz_id     bigint CHECK (govkz_id > 0),
    -- content_hash identifies releases whose gov.kz URL is unknown: a hash of
    -- their normalised title and body.
    content_hash text NOT NULL,
    url          text NOT NULL DEFAULT '',
    title        text NOT NULL DEFAULT '',
    body         text NOT NULL DEFAULT '',
    lang         text NOT NULL DEFAULT '' CHECK (lang IN ('', 'kk', 'ru', 'en')),
    published_on date NOT NULL,
    search       tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('russian', title), 'A') ||
                     setweight(to_tsvector('russian', body), 'B')) STORED,
    -- A release with a gov.kz id belongs to an entity.
    CHECK (govkz_id IS NULL OR entity_id IS NOT NULL)
);
-- Identity: (entity, gov.kz id) when the URL is known, otherwise the hash.
CREATE UNIQUE INDEX releases_govkz_key ON releases (entity_id, govkz_id)
    WHERE govkz_id IS NOT NULL;
CREATE UNIQUE INDEX releases_hash_key ON releases (content_hash)
    WHERE govkz_id IS NULL;
CREATE INDEX releases_search_idx ON releases USING gin (search);
CREATE INDEX releases_entity_seq_idx ON releases (entity_id, arrival_seq DESC);
CREATE INDEX releases_published_idx ON releases (published_on DESC, arrival_seq DESC);

CREATE TABLE chats (
    id             bigint PRIMARY KEY, -- the Telegram chat id
    type           text NOT NULL DEFAULT 'private',
    lang           text NOT NULL DEFAULT 'en' CHECK (lang IN ('kk', 'ru', 'en')),
    time_zone      text NOT NULL DEFAULT 'Asia/Almaty',
    digest_time    time NOT NULL DEFAULT '09:00',
    digest_enabled boolean NOT NULL DEFAULT true,
    -- active is false once Telegram answered 403 (blocked, kicked); the chat
    -- becomes active again when its user writes.
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
    id          bigserial PRIMARY KEY,
    chat_id     bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('entity', 'keyword')),
    value       text NOT NULL,   -- as the user typed it (keyword) or the slug
    normalized  text NOT NULL,   -- what uniqueness and matching use
    entity_id   bigint REFERENCES entities (id) ON DELETE CASCADE,
    -- after_seq: the arrival sequence when the subscription was made; a digest
    -- never holds releases that arrived before it.
    after_seq   bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (chat_id, kind, normalized),
    CHECK ((kind = 'entity') = (entity_id IS NOT NULL))
);
CREATE INDEX subscriptions_entity_idx ON subscriptions (entity_id) WHERE entity_id IS NOT NULL;

-- queries remembers what a paged answer (/latest, /search, catalogue) was
-- about, so a button's callback_data (64 bytes at most) carries only its id.
CREATE TABLE queries (
    id         bigserial PRIMARY KEY,
    chat_id    bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    command    text NOT NULL,
    arg        text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queries_created_idx ON queries (created_at);

-- +goose Down
DROP TABLE queries;
DROP TABLE subscriptions;
DROP TABLE chats;
DROP TABLE releases;
DROP SEQUENCE release_arrival_seq;
DROP TABLE entities;
