package digest_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/golden"
)

// TestGoldenDigests renders, through a real pass, the digest of a chat in
// each language that follows two entities, an embassy and two keywords over
// the fixture, and compares the queued HTML with testdata/digest_LANG.golden
// (go test ./digest -update rewrites them).
func TestGoldenDigests(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{MaxItems: 12})
	langs := []string{"kk", "ru", "en"}
	for i, lang := range langs {
		e.chat(int64(i+1), lang)
		e.follow(int64(i+1), "shymkent", "mfa-budapest", "mfa", "word:Shymkent", "word:Kazakhstan")
	}
	e.importFixture()
	e.importReleases(akimatKyzylzhar, akimatEntrepreneurs)
	e.pass(fixtureDay)
	for i, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			var parts []string
			err := e.st.DB().Select(&parts, `SELECT text FROM outbox WHERE chat_id = $1 ORDER BY part`, i+1)
			if err != nil || len(parts) == 0 {
				t.Fatalf("no parts queued (%v)", err)
			}
			var got strings.Builder
			for n, p := range parts {
				plain, err := fakebotapi.ParseHTML(p)
				if err != nil {
					t.Errorf("part %d: %v", n+1, err)
				}
				if l := fakebotapi.TextLength(plain); l > 4096 {
					t.Errorf("part %d: %d characters", n+1, l)
				}
				fmt.Fprintf(&got, "===== part %d of %d: %d characters =====\n%s\n", n+1, len(parts), fakebotapi.TextLength(plain), p)
			}
			golden.Compare(t, filepath.Join("testdata", "digest_"+lang+".golden"), got.String())
		})
	}
}
