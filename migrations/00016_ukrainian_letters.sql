-- +goose Up
-- Ukrainian and Belarusian letters (ї, є, ґ, ў) get a Latin form in
-- canonical text, as textmatch.Canonical now gives them, so that Київ finds
-- Kyiv and Україна Ukraina; they were word breaks before. The function is
-- generated from the Go tables (textmatch.SQLCanonicalFunction); a test
-- checks this file holds it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_canonical(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(replace(replace(regexp_replace(translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(translate(lower(normalize(t, NFKC) COLLATE "C"), 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸĀĂĄĆČĎĐĒĖĘĚĞĪĮĶĹĻĽŁŃŅŇŌŐŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁЄІЇЎҐҒҚҢҮҰҺӘӨİ', 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįķĺļľłńņňōőŕřśşšţťūůűųźżžșțабвгдежзийклмнопрстуфхцчшщъыьэюяёєіїўґғқңүұһәөi'), 'ç', 'ch'), 'ş', 'sh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'), 'ё', 'io'), 'є', 'ie'), 'qyàáâãäåèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįıķĺļľłńņňōőŕřśšţťūůűųźżžșțабвгдежзийклмнопрстуфхыэіїўґғқңүұһәө''ʼъь’', 'kiaaaaaaeeeeiiiinoooooouuuuiiaaaccddeeeegiiikllllnnnoorrssttuuuuzzzstabvgdejziiklmnoprstufkieiiuggknuuhao'), '[^a-z0-9]+', ' ', 'g'), 'kh', 'k'), 'zh', 'j'), '(?<![^ aeiou])i(?=e)', '', 'g'));
-- +goose StatementEnd

-- What was computed with the old function, where these letters occur: the
-- entities' generated canon (an UPDATE recomputes it) and the releases'
-- canon (the trigger recomputes a NULL one, with the new function, and
-- gives the release a rematch_seq, so the keyword index matches it again).
UPDATE entities SET aliases = aliases
WHERE (slug || name_kk || name_ru || name_en || aliases) ~ '[ЇїЄєҐґЎў]';
UPDATE releases SET canon = NULL
WHERE (title || body || other_text) ~ '[ЇїЄєҐґЎў]';

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION newsbot_canonical(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(replace(replace(regexp_replace(translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(translate(lower(normalize(t, NFKC) COLLATE "C"), 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸĀĂĄĆČĎĐĒĖĘĚĞĪĮĶĹĻĽŁŃŅŇŌŐŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁІҒҚҢҮҰҺӘӨİ', 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįķĺļľłńņňōőŕřśşšţťūůűųźżžșțабвгдежзийклмнопрстуфхцчшщъыьэюяёіғқңүұһәөi'), 'ç', 'ch'), 'ş', 'sh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'), 'ё', 'io'), 'qyàáâãäåèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįıķĺļľłńņňōőŕřśšţťūůűųźżžșțабвгдежзийклмнопрстуфхыэіғқңүұһәө''ʼъь’', 'kiaaaaaaeeeeiiiinoooooouuuuiiaaaccddeeeegiiikllllnnnoorrssttuuuuzzzstabvgdejziiklmnoprstufkieigknuuhao'), '[^a-z0-9]+', ' ', 'g'), 'kh', 'k'), 'zh', 'j'), '(?<![^ aeiou])i(?=e)', '', 'g'));
-- +goose StatementEnd

UPDATE entities SET aliases = aliases
WHERE (slug || name_kk || name_ru || name_en || aliases) ~ '[ЇїЄєҐґЎў]';
UPDATE releases SET canon = NULL
WHERE (title || body || other_text) ~ '[ЇїЄєҐґЎў]';
