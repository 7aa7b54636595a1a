-- +goose Up
-- /search and /latest walk releases newest first and test each one's
-- canon against the query. Stored the default way, a release's canon
-- (about 2.1 KB, which compresses poorly) went out of line to the TOAST
-- table, and fetching it from there was nearly all of the walk's cost:
-- 4.5 µs a release, against 1.4 µs with canon kept in the row (measured
-- on 40,000 of the bench's newest releases, 178 ms against 57 ms). MAIN
-- keeps it in the row and moves the body out first, which only the few
-- releases shown are read for.
--
-- This applies to releases stored from now on; `VACUUM FULL releases`
-- (which locks the table while it runs) rewrites the older ones.
ALTER TABLE releases ALTER COLUMN canon SET STORAGE MAIN;

-- +goose Down
ALTER TABLE releases ALTER COLUMN canon SET STORAGE EXTENDED;
