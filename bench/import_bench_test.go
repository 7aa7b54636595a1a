package bench

import (
	"context"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// BenchmarkImportReleases stores generated releases through
// store.ImportReleases, importBatch a call, into an empty database:
// go test ./bench -run - -bench ImportReleases -benchtime 4000x
func BenchmarkImportReleases(b *testing.B) {
	ctx := context.Background()
	st := testdb.Open(b)
	gen, err := NewGenerator(1)
	if err != nil {
		b.Fatal(err)
	}
	rels := gen.Day(b.N, time.Now().UTC().Truncate(24*time.Hour))
	batch := make([]store.NewRelease, 0, importBatch)
	b.ResetTimer()
	for i, r := range rels {
		batch = append(batch, r.NewRelease)
		if len(batch) == importBatch || i == len(rels)-1 {
			if _, err := st.ImportReleases(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "releases/s")
}
