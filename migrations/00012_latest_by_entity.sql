-- +goose Up
-- /latest of an entity, and each entity of a chat's /latest, reads the
-- entity's newest releases in the order shown (published date, arrival):
-- with this index that is the first rows of one index range, not a sort of
-- all the entity's releases.
CREATE INDEX releases_entity_published_idx ON releases (entity_id, published_on DESC, arrival_seq DESC);

-- +goose Down
DROP INDEX releases_entity_published_idx;
