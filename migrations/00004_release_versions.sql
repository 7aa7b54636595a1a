-- +goose Up
-- The kk, ru and en texts of one gov.kz release are language versions of one
-- release, not three releases. The releases row keeps the text first seen
-- (its lang says which language that is); release_versions holds each
-- language's text as the sources give it, and follows their edits.
CREATE TABLE release_versions (
    release_id   bigint NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    lang         text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    title        text NOT NULL DEFAULT '',
    body         text NOT NULL DEFAULT '',
    content_hash text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (release_id, lang)
);

-- updated_at is set when a source edits a stored release; an edit never
-- changes arrival_seq, so an edited release is not sent again.
ALTER TABLE releases ADD COLUMN updated_at timestamptz;

-- other_text is the text of the release's versions in languages other than
-- its own, so that search and keyword subscriptions find a release by any of
-- its versions through the one search column (and its one index).
ALTER TABLE releases ADD COLUMN other_text text NOT NULL DEFAULT '';
ALTER TABLE releases DROP COLUMN search;
ALTER TABLE releases ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('russian', body), 'B') ||
    setweight(to_tsvector('russian', other_text), 'C')) STORED;
CREATE INDEX releases_search_idx ON releases USING gin (search);

-- Releases of generic feeds (not gov.kz) are identified by their link, so an
-- edited item updates its release instead of arriving again.
CREATE UNIQUE INDEX releases_url_key ON releases (url)
    WHERE govkz_id IS NULL AND url <> '';

-- +goose Down
DROP INDEX releases_url_key;
ALTER TABLE releases DROP COLUMN search;
ALTER TABLE releases ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('russian', body), 'B')) STORED;
CREATE INDEX releases_search_idx ON releases USING gin (search);
ALTER TABLE releases DROP COLUMN other_text;
ALTER TABLE releases DROP COLUMN updated_at;
DROP TABLE release_versions;
