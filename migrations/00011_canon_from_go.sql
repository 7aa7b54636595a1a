-- +goose Up
-- releases.canon was computed by PostgreSQL, through newsbot_canonical: a
-- translate() over ~200-character lists that cost 1.2 ms a release and
-- bound import at 456 releases/s. Go computes the same text in microseconds
-- (textmatch.Canonical), so the writers now store it themselves. The
-- trigger keeps a writer that does not (an UPDATE of the text in SQL, such
-- as a release's other language versions, or an operator's hand-written
-- INSERT) correct: when canon is missing, or the text changed and canon did
-- not, it computes canon the old way.
ALTER TABLE releases ALTER COLUMN canon DROP EXPRESSION;

-- +goose StatementBegin
CREATE FUNCTION newsbot_release_canon() RETURNS trigger
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

CREATE TRIGGER releases_canon BEFORE INSERT OR UPDATE OF title, body, other_text, canon ON releases
    FOR EACH ROW EXECUTE FUNCTION newsbot_release_canon();

-- +goose Down
DROP TRIGGER releases_canon ON releases;
DROP FUNCTION newsbot_release_canon();
DROP INDEX releases_canon_idx;
ALTER TABLE releases DROP COLUMN canon;
ALTER TABLE releases ADD COLUMN canon tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', newsbot_canonical(title || ' ' || body || ' ' || other_text))) STORED;
CREATE INDEX releases_canon_idx ON releases USING gin (canon);
