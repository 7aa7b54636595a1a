-- +goose Up
-- Matching across scripts and spellings (Шымкент, Shymkent, Şymkent): the
-- canonical Latin skeleton of a text, as subscriptions.Canonical computes it
-- in Go. This function is generated from the Go tables
-- (subscriptions.SQLCanonicalFunction); a test checks both agree letter by
-- letter and on real releases.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_canonical(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(replace(replace(regexp_replace(translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(translate(lower(normalize(t, NFKC) COLLATE "C"), 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸĀĂĄĆČĎĐĒĖĘĚĞĪĮĶĹĻĽŁŃŅŇŌŐŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁІҒҚҢҮҰҺӘӨİ', 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįķĺļľłńņňōőŕřśşšţťūůűųźżžșțабвгдежзийклмнопрстуфхцчшщъыьэюяёіғқңүұһәөi'), 'ç', 'ch'), 'ş', 'sh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'), 'ё', 'io'), 'qyàáâãäåèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįıķĺļľłńņňōőŕřśšţťūůűųźżžșțабвгдежзийклмнопрстуфхыэіғқңүұһәө''ʼъь’', 'kiaaaaaaeeeeiiiinoooooouuuuiiaaaccddeeeegiiikllllnnnoorrssttuuuuzzzstabvgdejziiklmnoprstufkieigknuuhao'), '[^a-z0-9]+', ' ', 'g'), 'kh', 'k'), 'zh', 'j'), '(?<![^ aeiou])i(?=e)', '', 'g'));
-- +goose StatementEnd

-- canon indexes every language version of a release (title, body and the
-- other versions' text) in canonical form; the database keeps it current.
-- Keyword subscriptions, /latest KEYWORD and /search match against it by
-- prefix; the stemmed search column stays, for ranking.
ALTER TABLE releases ADD COLUMN canon tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', newsbot_canonical(title || ' ' || body || ' ' || other_text))) STORED;
CREATE INDEX releases_canon_idx ON releases USING gin (canon);

-- match_query is a keyword subscription's tsquery over canonical text
-- (subscriptions.KeywordQuery), computed in Go when the subscription is made.
ALTER TABLE subscriptions ADD COLUMN match_query text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE subscriptions DROP COLUMN match_query;
DROP INDEX releases_canon_idx;
ALTER TABLE releases DROP COLUMN canon;
DROP FUNCTION newsbot_canonical(text);
