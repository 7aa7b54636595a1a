package bench

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// DataFacts describes the data a run measured on.
type DataFacts struct {
	Archive  Counts        // the bulk-loaded releases
	LoadTime time.Duration // to generate and load them, indexes included
	// IndexTime and VacuumTime are the parts of LoadTime spent building the
	// indexes after the rows were in, and vacuuming and analysing.
	IndexTime, VacuumTime time.Duration
	// Read from the database once the new day was imported.
	Releases, Versions   int64
	DatabaseBytes        int64
	Chats, Subscriptions int64
	Keywords, Distinct   int64 // keyword subscriptions, and distinct keywords among them
	NewSinceLastDigest   int64 // releases after the chats' cursor
}

func (d *DataFacts) read(ctx context.Context, db *sql.DB) error {
	err := db.QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM release_versions),
		       pg_database_size(current_database()),
		       (SELECT count(*) FROM chats), (SELECT count(*) FROM subscriptions),
		       (SELECT count(*) FROM subscriptions WHERE kind = 'keyword'),
		       (SELECT count(DISTINCT normalized) FROM subscriptions WHERE kind = 'keyword'),
		       (SELECT count(*) FROM releases WHERE arrival_seq > (SELECT min(digest_cursor) FROM chats))`).
		Scan(&d.Releases, &d.Versions, &d.DatabaseBytes, &d.Chats, &d.Subscriptions, &d.Keywords,
			&d.Distinct, &d.NewSinceLastDigest)
	if err != nil {
		return fmt.Errorf("bench: describe the data: %w", err)
	}
	return nil
}
