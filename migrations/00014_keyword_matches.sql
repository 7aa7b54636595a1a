-- +goose Up
-- Each subscribed keyword's matches, found once per release instead of on
-- every /latest. A chat following a keyword that matches a few releases a
-- month made /latest take the keyword's whole GIN match and sort it (49 ms
-- for 4,388 matches, seconds for a phrase of common words) on every tap; now
-- it reads the first rows of one index range. The digest and the alerts
-- match only the new day's releases and keep doing so.
--
-- keyword_queries holds every distinct match_query of a keyword
-- subscription (store.MatchKeywords keeps it in step with subscriptions).
-- A query's matches are stored once it is backfilled: the newest
-- keywordMatchCap matches of the archive; complete says the backfill found
-- fewer, i.e. all of them. From then on every pass adds the matches of the
-- releases that arrived, or whose text changed, up to the pass's horizon.
CREATE TABLE keyword_queries (
    id          bigserial PRIMARY KEY,
    match_query text NOT NULL UNIQUE,
    backfilled  boolean NOT NULL DEFAULT false,
    complete    boolean NOT NULL DEFAULT false
);

CREATE TABLE keyword_matches (
    query_id     bigint NOT NULL REFERENCES keyword_queries (id) ON DELETE CASCADE,
    release_id   bigint NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    published_on date NOT NULL,
    arrival_seq  bigint NOT NULL,
    PRIMARY KEY (query_id, published_on, arrival_seq) -- read backwards: newest first
);
-- For deleting a release's matches when its text changes (and the cascade).
CREATE INDEX keyword_matches_release_idx ON keyword_matches (release_id);

-- The arrival sequence up to which every backfilled query's matches are
-- stored: /latest reads the table for what is below it and matches the
-- few releases above it itself.
CREATE TABLE keyword_match_cursor (last_seq bigint NOT NULL);
INSERT INTO keyword_match_cursor VALUES (0);

-- A release whose canonical text changes after it arrived (a language
-- version added, an edit) is matched again: the trigger gives it a number
-- from the arrival sequence, above every arrival so far, without changing
-- its arrival (no digest sends it again). NULL for a release never changed,
-- so an insert touches neither the column nor its partial index.
ALTER TABLE releases ADD COLUMN rematch_seq bigint;
CREATE INDEX releases_rematch_idx ON releases (rematch_seq) WHERE rematch_seq IS NOT NULL;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_release_canon() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.canon IS NULL OR (TG_OP = 'UPDATE' AND NEW.canon IS NOT DISTINCT FROM OLD.canon AND
        (NEW.title, NEW.body, NEW.other_text) IS DISTINCT FROM (OLD.title, OLD.body, OLD.other_text)) THEN
        NEW.canon := to_tsvector('simple', newsbot_canonical(NEW.title || ' ' || NEW.body || ' ' || NEW.other_text));
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.canon IS DISTINCT FROM OLD.canon THEN
        NEW.rematch_seq := nextval('release_arrival_seq');
    END IF;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_release_canon() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.canon IS NULL OR (TG_OP = 'UPDATE' AND NEW.canon IS NOT DISTINCT FROM OLD.canon AND
        (NEW.title, NEW.body, NEW.other_text) IS DISTINCT FROM (OLD.title, OLD.body, OLD.other_text)) THEN
        NEW.canon := to_tsvector('simple', newsbot_canonical(NEW.title || ' ' || NEW.body || ' ' || NEW.other_text));
    END IF;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
DROP INDEX releases_rematch_idx;
ALTER TABLE releases DROP COLUMN rematch_seq;
DROP TABLE keyword_match_cursor;
DROP TABLE keyword_matches;
DROP TABLE keyword_queries;
