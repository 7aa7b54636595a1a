-- +goose Up
-- /sources finds an entity by any name of the places it serves: the embassy
-- in Hungary by Венгрия, Мажарстан or Будапешт, the akimat of West
-- Kazakhstan by Орал or Уральск. aliases holds those names (from
-- catalogue/entity_places.csv and textmatch/places.tsv, written by
-- SyncCatalogue); canon is slug, names and aliases in canonical form, matched
-- like releases.canon. Numbered 10: 8 and 9 were left to work in progress
-- elsewhere.
ALTER TABLE entities ADD COLUMN aliases text NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN canon tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', newsbot_canonical(
        slug || ' ' || name_kk || ' ' || name_ru || ' ' || name_en || ' ' || aliases))) STORED;

-- +goose Down
ALTER TABLE entities DROP COLUMN canon;
ALTER TABLE entities DROP COLUMN aliases;
