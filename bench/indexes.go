package bench

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// indexDef is a secondary index of releases, to rebuild after a bulk load.
type indexDef struct{ name, def string }

// dropReleaseIndexes drops the indexes of releases that no constraint owns
// (the GIN indexes of search and canon, the identity and listing indexes)
// and returns their definitions. Building a GIN index once over a million
// rows is many times faster than growing it row by row.
func dropReleaseIndexes(ctx context.Context, db *sql.DB) ([]indexDef, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT i.relname, pg_get_indexdef(i.oid)
		FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
		WHERE x.indrelid = 'releases'::regclass
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
		ORDER BY i.relname`)
	if err != nil {
		return nil, fmt.Errorf("bench: indexes of releases: %w", err)
	}
	var defs []indexDef
	for rows.Next() {
		var d indexDef
		if err := rows.Scan(&d.name, &d.def); err != nil {
			rows.Close()
			return nil, err
		}
		defs = append(defs, d)
	}
	rows.Close()
	for _, d := range defs {
		if _, err := db.ExecContext(ctx, `DROP INDEX `+d.name); err != nil {
			return nil, fmt.Errorf("bench: drop index %s: %w", d.name, err)
		}
	}
	return defs, rows.Err()
}

// finishLoad rebuilds the dropped indexes, one per core at a time, the GIN
// ones first, moves the id and arrival sequences past the loaded
// rows, and vacuums and analyses, so that autovacuum does not wake up in
// the middle of a measurement and the planner knows the data.
func finishLoad(ctx context.Context, db *sql.DB, defs []indexDef, last int64, facts *DataFacts) error {
	start := time.Now()
	// The GIN index takes longest: started first, it is built while the
	// B-trees are built one after another beside it.
	slices.SortStableFunc(defs, func(a, b indexDef) int {
		return cmp.Compare(isGIN(b), isGIN(a))
	})
	if err := buildIndexes(ctx, db, defs); err != nil {
		return err
	}
	facts.IndexTime = time.Since(start)
	start = time.Now()
	defer func() { facts.VacuumTime = time.Since(start) }()
	for _, q := range []string{
		fmt.Sprintf(`SELECT setval('releases_id_seq', %d)`, max(last, 1)),
		fmt.Sprintf(`SELECT setval('release_arrival_seq', %d)`, max(last, 1)),
		`VACUUM ANALYZE releases`, `VACUUM ANALYZE release_versions`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("bench: %s: %w", q, err)
		}
	}
	return nil
}

// isGIN is 1 for a GIN index, 0 for another, to sort by.
func isGIN(d indexDef) int {
	if strings.Contains(d.def, "USING gin") {
		return 1
	}
	return 0
}

// buildIndexes creates the indexes, copyWorkers at a time, in their order, each in its own
// transaction with enough maintenance memory to sort in one pass.
func buildIndexes(ctx context.Context, db *sql.DB, defs []indexDef) error {
	sem := make(chan struct{}, copyWorkers)
	var wg sync.WaitGroup
	errs := make([]error, len(defs))
	for i, d := range defs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = inTx(ctx, db, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '1GB'`); err != nil {
					return err
				}
				_, err := tx.ExecContext(ctx, d.def)
				return err
			})
			if errs[i] != nil {
				errs[i] = fmt.Errorf("bench: build index %s: %w", d.name, errs[i])
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
