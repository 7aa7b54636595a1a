package store

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"time"
)

// releaseRows are the columns of releases as insertRows hands them to
// PostgreSQL, one element a release.
type releaseRows struct {
	rels                                []NewRelease
	govkzIDs                            []sql.NullInt64
	hashes, urls, titles, bodies, langs []string
	days                                []string
	shingles                            []string // bigint[] literals: unnest would flatten an array of arrays
	canons                              []string // tsvector literals (CanonVector)
}

func (r releaseRows) len() int { return len(r.rels) }

// prepareRows computes the columns of rels, its search vectors on every
// core: a release's vector takes Go longer than anything else an import
// does in Go.
func prepareRows(rels []NewRelease) releaseRows {
	n := len(rels)
	rows := releaseRows{
		rels:     rels,
		govkzIDs: make([]sql.NullInt64, n),
		hashes:   make([]string, n), urls: make([]string, n), titles: make([]string, n),
		bodies: make([]string, n), langs: make([]string, n), days: make([]string, n),
		shingles: make([]string, n), canons: make([]string, n),
	}
	workers := min(runtime.GOMAXPROCS(0), max(n/16, 1)) // a few releases are not worth a goroutine
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				r := rels[i]
				rows.govkzIDs[i] = sql.NullInt64{Int64: r.GovkzID, Valid: r.GovkzID > 0}
				rows.hashes[i], rows.urls[i], rows.titles[i], rows.bodies[i], rows.langs[i] =
					r.ContentHash, r.URL, r.Title, r.Body, r.Lang
				rows.days[i] = r.PublishedOn.Format(time.DateOnly)
				rows.shingles[i] = int64sLiteral(r.Shingles)
				rows.canons[i] = CanonVector(r.Title, r.Body, "")
			}
		})
	}
	wg.Wait()
	return rows
}

// prepareChunks prepares rels importChunk at a time, in order, one chunk
// ahead of the reader, until ctx ends; the channel is closed after the last
// chunk or when ctx ends.
func prepareChunks(ctx context.Context, rels []NewRelease) <-chan releaseRows {
	chunks := make(chan releaseRows, 1)
	go func() {
		defer close(chunks)
		for i := 0; i < len(rels); i += importChunk {
			rows := prepareRows(rels[i:min(i+importChunk, len(rels))])
			select {
			case chunks <- rows:
			case <-ctx.Done():
				return
			}
		}
	}()
	return chunks
}
