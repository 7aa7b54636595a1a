package textmatch_test

import (
	"bytes"
	"testing"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// BenchmarkFingerprint fingerprints the fixture page's releases, as a
// digest pass does each release of its window.
func BenchmarkFingerprint(b *testing.B) {
	rels, _, err := ingest.Parse(newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		r := rels[n%len(rels)]
		textmatch.Fingerprint(r.Title, r.Body)
	}
}
