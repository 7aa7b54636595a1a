package store

import (
	"os"
	"testing"
)

// BenchmarkCanonVector computes the search vector of the real aggregator
// page's text, a release's worth (title and body) at a time, as every
// writer does for each release it stores (no database needed):
// go test ./store -run - -bench CanonVector
func BenchmarkCanonVector(b *testing.B) {
	page, err := os.ReadFile("../testdata/enbekshi-news-2025-11-26.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(page)
	const release = 2500 // bytes
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for i := 0; i < len(text); i += release {
			body := text[i:min(i+release, len(text))]
			CanonVector(body[:min(120, len(body))], body, "")
		}
	}
}
