package textmatch

import (
	"os"
	"testing"
)

// BenchmarkCanonical canonicalises the real aggregator page (Kazakh,
// Russian and English releases), a release's worth at a time, as every
// writer does for each release it stores:
// go test ./textmatch -run - -bench Canonical
func BenchmarkCanonical(b *testing.B) {
	page, err := os.ReadFile("../testdata/enbekshi-news-2025-11-26.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(page)
	const release = 2500 // bytes, about a release's title and body
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for i := 0; i < len(text); i += release {
			Canonical(text[i:min(i+release, len(text))])
		}
	}
}
