package bench

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/store"
)

// importBatch is how many releases one ImportReleases call stores: a file
// or a few feed pages, as the importer and the poller hand them over.
const importBatch = 100

// ImportResult is import throughput against one INSERT per release.
type ImportResult struct {
	Batched, File, Single             int // releases stored each way
	BatchedTime, FileTime, SingleTime time.Duration
}

// BatchedRate, FileRate and SingleRate are releases stored per second.
func (r ImportResult) BatchedRate() float64 { return rate(r.Batched, r.BatchedTime) }
func (r ImportResult) FileRate() float64    { return rate(r.File, r.FileTime) }
func (r ImportResult) SingleRate() float64  { return rate(r.Single, r.SingleTime) }

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// measureImport stores a day's new releases three ways, each a share of
// them: through store.ImportReleases in calls of importBatch (a feed page
// or a small file each: one transaction and the arrival lock a call), the
// same in one call (a file of the day, as `newsbot import` hands it over),
// and single of them with one autocommit INSERT per release, the baseline.
// All are new arrivals for the digest.
func measureImport(ctx context.Context, st *store.Store, rels []Release, single int) (ImportResult, error) {
	single = min(single, len(rels)/3)
	file := single
	batched := rels[:len(rels)-single-file]
	res := ImportResult{Batched: len(batched), File: file, Single: single}
	start := time.Now()
	for i := 0; i < len(batched); i += importBatch {
		var batch []store.NewRelease
		for _, r := range batched[i:min(i+importBatch, len(batched))] {
			batch = append(batch, r.NewRelease)
		}
		if _, err := st.ImportReleases(ctx, batch); err != nil {
			return res, err
		}
	}
	res.BatchedTime = time.Since(start)
	var whole []store.NewRelease
	for _, r := range rels[len(batched) : len(batched)+file] {
		whole = append(whole, r.NewRelease)
	}
	start = time.Now()
	if _, err := st.ImportReleases(ctx, whole); err != nil {
		return res, err
	}
	res.FileTime = time.Since(start)
	start = time.Now()
	for _, r := range rels[len(batched)+file:] {
		if err := insertOne(ctx, st.DB().DB, r.NewRelease); err != nil {
			return res, err
		}
	}
	res.SingleTime = time.Since(start)
	return res, nil
}

// insertOne is the baseline: one statement, in its own transaction, per
// release.
func insertOne(ctx context.Context, db *sql.DB, r store.NewRelease) error {
	var govkz any
	if r.GovkzID > 0 {
		govkz = r.GovkzID
	}
	_, err := db.ExecContext(ctx, `
		INSERT INTO releases (entity_id, govkz_id, content_hash, url, title, body, lang, published_on, shingles)
		VALUES ((SELECT id FROM entities WHERE slug = $1), $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT DO NOTHING`,
		r.EntitySlug, govkz, r.ContentHash, r.URL, r.Title, r.Body, r.Lang, r.PublishedOn, pq.Int64Array(r.Shingles))
	if err != nil {
		return fmt.Errorf("bench: insert release %s: %w", r.URL, err)
	}
	return nil
}
