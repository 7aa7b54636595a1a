package bench

import (
	"context"
	"database/sql"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/store"
)

// copyChunk is how many releases one COPY transaction holds.
const copyChunk = 5000

// copyWorkers is how many COPY streams run at once, each completing its
// releases' text and search vectors in Go while PostgreSQL parses and
// stores the last chunk: one per core.
const copyWorkers = 2

// loadArchive bulk-loads the generated archive: the same rows the importer
// would store, written with COPY rather than through ImportReleases (which
// stays the measured path, see measureImport). Ids and arrival sequence
// numbers are given explicitly so that arrival order is generation order
// whichever stream stores a row; the sequences are moved past them at the
// end. The releases' secondary indexes are dropped first and rebuilt at the
// end, as any bulk load does.
// The time the index builds and the vacuum took goes into facts.
func loadArchive(ctx context.Context, db *sql.DB, gen *Generator, n int, lastDay time.Time, facts *DataFacts) (int64, error) {
	ents, err := entityIDs(ctx, db)
	if err != nil {
		return 0, err
	}
	// Loading allocates a great deal that lives one chunk: collecting it
	// less often saves a tenth of the load, and the memory is there.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defs, err := dropReleaseIndexes(ctx, db)
	if err != nil {
		return 0, err
	}
	chunks := make(chan []Release, copyWorkers)
	errs := make(chan error, copyWorkers+1)
	var wg sync.WaitGroup
	var firstID int64 = 1
	for range copyWorkers {
		wg.Go(func() {
			for c := range chunks {
				if err := copyReleases(ctx, db, ents, c); err != nil {
					errs <- err
					for range chunks { // drain so the generator ends
					}
					return
				}
			}
		})
	}
	var id int64
	var chunk []Release
	genErr := gen.archive(n, lastDay, true, func(r Release) error {
		chunk = append(chunk, r)
		if len(chunk) == copyChunk {
			chunks <- withIDs(chunk, firstID+id)
			id += int64(len(chunk))
			chunk = nil
		}
		return ctx.Err()
	})
	if len(chunk) > 0 && genErr == nil {
		chunks <- withIDs(chunk, firstID+id)
		id += int64(len(chunk))
	}
	close(chunks)
	wg.Wait()
	close(errs)
	if genErr != nil {
		return 0, genErr
	}
	if err := <-errs; err != nil {
		return 0, err
	}
	if err := finishLoad(ctx, db, defs, id, facts); err != nil {
		return 0, err
	}
	return id, nil
}

func withIDs(rels []Release, first int64) []Release {
	for i := range rels {
		rels[i].seq = first + int64(i)
	}
	return rels
}

func entityIDs(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT slug, id FROM entities`)
	if err != nil {
		return nil, fmt.Errorf("bench: entities: %w", err)
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var slug string
		var id int64
		if err := rows.Scan(&slug, &id); err != nil {
			return nil, err
		}
		ids[slug] = id
	}
	return ids, rows.Err()
}

// copyReleases stores one chunk, and the language versions of its releases
// that have two, in one transaction.
func copyReleases(ctx context.Context, db *sql.DB, ents map[string]int64, rels []Release) error {
	for i := range rels {
		rels[i].complete()
	}
	return inTx(ctx, db, func(tx *sql.Tx) error {
		err := copyRows(ctx, tx, `COPY releases (id, arrival_seq, arrived_at, entity_id, govkz_id,
			content_hash, url, title, body, lang, published_on, shingles, other_text, canon) FROM STDIN`,
			len(rels), func(i int) []any {
				r := rels[i]
				var ent, govkz any
				if r.EntitySlug != "" {
					ent = ents[r.EntitySlug]
				}
				if r.GovkzID > 0 {
					govkz = r.GovkzID
				}
				other := ""
				if r.Other != nil {
					other = r.Other.Title + "\n\n" + r.Other.Body
				}
				return []any{r.seq, r.seq, r.ArrivedAt, ent, govkz, r.ContentHash, r.URL, r.Title,
					r.Body, r.Lang, r.PublishedOn.Format(time.DateOnly), pq.Int64Array(r.Shingles), other,
					store.CanonVector(r.Title, r.Body, other)}
			})
		if err != nil {
			return err
		}
		var versions [][]any
		for _, r := range rels {
			if r.Other != nil {
				versions = append(versions,
					[]any{r.seq, r.Lang, r.Title, r.Body, r.ContentHash},
					[]any{r.seq, r.Other.Lang, r.Other.Title, r.Other.Body, r.Other.ContentHash})
			}
		}
		return copyRows(ctx, tx, `COPY release_versions (release_id, lang, title, body, content_hash) FROM STDIN`,
			len(versions), func(i int) []any { return versions[i] })
	})
}

// copyRows runs one COPY of n rows.
func copyRows(ctx context.Context, tx *sql.Tx, query string, n int, row func(i int) []any) error {
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return fmt.Errorf("bench: %s: %w", strings.Fields(query)[1], err)
	}
	defer stmt.Close()
	for i := range n {
		if _, err := stmt.ExecContext(ctx, row(i)...); err != nil {
			return fmt.Errorf("bench: copy into %s: %w", strings.Fields(query)[1], err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("bench: copy into %s: %w", strings.Fields(query)[1], err)
	}
	return nil
}

func inTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
