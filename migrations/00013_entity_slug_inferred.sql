-- +goose Up
-- slug_inferred marks a catalogue entity whose gov.kz slug follows the
-- pattern of its siblings (mfa-<city>, astana-<district>) without being
-- attested (catalogue/entities.csv, evidence "INFERRED: ..."). Such an
-- entity is listed and can be followed, and is polled when followed or
-- named in POLL_ENTITIES, but not as part of a whole kind (kind:embassy):
-- a wrong slug would otherwise be polled, failing, by every deployment.
ALTER TABLE entities ADD COLUMN slug_inferred boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE entities DROP COLUMN slug_inferred;
