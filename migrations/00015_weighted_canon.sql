-- +goose Up
-- /search ranked with two vectors: the canonical one it matches with
-- (releases.canon) and a stemmed Russian one (releases.search) that only
-- weighted a title's words above the body's. Computing the stemmed vector
-- was the largest cost of storing a release left (0.2 ms of the ~0.9 ms),
-- its GIN index, never used to find anything, another, and both a third of
-- loading an archive. The canonical vector now carries the weights itself
-- (store.CanonVector: title A, body unmarked D, other versions C), and
-- the stemmed column goes. Vectors stored before keep their words at D,
-- which Search ranks as body words: such a release's title counts as its
-- body until its text is next written.
ALTER TABLE releases DROP COLUMN search;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_release_canon() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.canon IS NULL OR (TG_OP = 'UPDATE' AND NEW.canon IS NOT DISTINCT FROM OLD.canon AND
        (NEW.title, NEW.body, NEW.other_text) IS DISTINCT FROM (OLD.title, OLD.body, OLD.other_text)) THEN
        NEW.canon := setweight(to_tsvector('simple', newsbot_canonical(NEW.title)), 'A') ||
            to_tsvector('simple', newsbot_canonical(NEW.body)) ||
            setweight(to_tsvector('simple', newsbot_canonical(NEW.other_text)), 'C');
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
    IF TG_OP = 'UPDATE' AND NEW.canon IS DISTINCT FROM OLD.canon THEN
        NEW.rematch_seq := nextval('release_arrival_seq');
    END IF;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
ALTER TABLE releases ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('russian', body), 'B') ||
    setweight(to_tsvector('russian', other_text), 'C')) STORED;
CREATE INDEX releases_search_idx ON releases USING gin (search);
