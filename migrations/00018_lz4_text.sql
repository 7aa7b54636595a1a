-- +goose Up
-- A release's body (about 2 KB in the bench's archive) is compressed when
-- its row would pass 2 KB, which with canon kept in the row (00017) is
-- nearly always. PostgreSQL's default method, pglz, took about 20 µs of the
-- 60 µs that storing a release costs before its indexes (4,000 of the
-- bench's releases INSERTed into a copy of the table without indexes: 247
-- ms with pglz, 177 ms with lz4, for the same size on disk). lz4 is used
-- where the server was built with it (Debian's and the official images
-- are); elsewhere the columns keep pglz and the migration says so.
-- canon keeps pglz: it gives up at once on a vector, which lz4 would
-- compress a little and every /search walk would then decompress.
--
-- Rows stored before keep their compression; both are read alike.
-- +goose StatementBegin
DO $$
BEGIN
    ALTER TABLE releases ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN title SET COMPRESSION lz4;
    ALTER TABLE release_versions ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN title SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not supported by this server: release texts stay compressed with pglz';
END
$$;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE releases ALTER COLUMN body SET COMPRESSION default, ALTER COLUMN title SET COMPRESSION default;
ALTER TABLE release_versions ALTER COLUMN body SET COMPRESSION default, ALTER COLUMN title SET COMPRESSION default;
