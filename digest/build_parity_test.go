package digest_test

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// A pass builds digests in batches from a window of releases read once
// (build_batch.go); Preview composes one chat's digest with its own query
// (DigestSource.Releases), as /digest shows it. The two must agree, byte for
// byte, for every chat: whatever its language, zone, cursor, subscriptions
// and the moment each was made. This test gives 120 chats random
// combinations of those over the fixture, the evaluation corpus and the
// labelled near-duplicates, then compares each chat's preview with what the
// pass queued.
func TestPassQueuesWhatPreviewShows(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{MaxItems: 12})
	rng := rand.New(rand.NewPCG(7, 11))
	entities := []string{"shymkent", "almaty", "mfa", "mfa-budapest", "water", "almobl", "astana", "ontustik",
		"dsm", "mangystau-aktau", "edu", "sko", "aktobe", "mfa-geneva", "mfa-wto", "mod", "kyzylorda-syrdarya"}
	keywords := []string{"Shymkent", "Шымкент", "Kyzylzhar", "Қызылжар-2", "water supply", "водоснабжение", "су",
		"Almaty", "Astana", "Астана", "Tokayev", "Тоқаев", "Budapest", "Sultan", "Aktau", "students"}
	zones := []string{"Asia/Almaty", "Asia/Aqtobe", "Europe/Budapest", "Pacific/Kiritimati", "Pacific/Pago_Pago",
		"America/New_York"}
	const chats = 120
	subscribeSome := func(id int64, n int) {
		for range n {
			if rng.IntN(3) == 0 {
				e.follow(id, "word:"+keywords[rng.IntN(len(keywords))])
			} else {
				e.follow(id, entities[rng.IntN(len(entities))])
			}
		}
	}
	for id := int64(1); id <= chats; id++ {
		e.chat(id, []string{"kk", "ru", "en"}[rng.IntN(3)])
		zone := zones[rng.IntN(len(zones))]
		if _, err := e.st.UpdateDigestChat(e.ctx, id, func(c *store.DigestChat) error {
			c.TimeZone, c.Time = zone, strconv.Itoa(6+rng.IntN(4))+":"+[]string{"00", "30"}[rng.IntN(2)]
			if len(c.Time) == 4 {
				c.Time = "0" + c.Time
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		subscribeSome(id, 1+rng.IntN(4))
	}
	// First the corpus, and a pass two days before: cursors move for the
	// chats it builds. Then more subscriptions, made after the corpus
	// arrived, and the fixture and the labelled retellings.
	e.importFile("../testdata/eval/corpus.jsonl")
	e.pass(fixtureDay.AddDate(0, 0, -2))
	for id := int64(1); id <= chats; id += 2 {
		subscribeSome(id, 1+rng.IntN(3))
	}
	e.importFixture()
	e.importRetellings()

	now := fixtureDay.AddDate(0, 0, 2)
	previews := map[int64][]digest.Part{}
	nonEmpty, withAlso := 0, 0
	for id := int64(1); id <= chats; id++ {
		parts, err := e.b.Preview(e.ctx, id, now)
		if err != nil {
			t.Fatal(err)
		}
		previews[id] = parts
		if len(parts) > 0 {
			nonEmpty++
		}
	}
	st := e.pass(now)
	if st.Due != chats || st.Failed != 0 || st.Built != nonEmpty {
		t.Errorf("pass = %+v; want %d due, none failed, %d built (the chats whose preview is not empty)", st, chats, nonEmpty)
	}
	for id := int64(1); id <= chats; id++ {
		var got []string
		if err := e.st.DB().SelectContext(e.ctx, &got, `SELECT o.text FROM outbox o JOIN digests d ON d.id = o.digest_id
			WHERE o.chat_id = $1 AND d.built_at = $2 ORDER BY o.part`, id, now); err != nil {
			t.Fatal(err)
		}
		want := previews[id]
		if len(got) != len(want) {
			t.Errorf("chat %d: the pass queued %d parts, the preview shows %d", id, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i].HTML {
				t.Errorf("chat %d, part %d: the pass queued\n%s\nthe preview shows\n%s", id, i+1, got[i], want[i].HTML)
			}
			if containsAlso(got[i]) {
				withAlso++
			}
		}
	}
	t.Logf("%d of %d chats had a digest; %d parts told a story twice", nonEmpty, chats, withAlso)
	// The comparison means something only if the data exercised it.
	if nonEmpty < chats/2 || withAlso == 0 {
		t.Errorf("%d of %d chats had a digest and %d parts told a story twice; the data no longer exercises the build",
			nonEmpty, chats, withAlso)
	}
}

func (e *digestEnv) importFile(path string) {
	e.t.Helper()
	f, err := os.Open(path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer f.Close()
	rels, _, err := ingest.Parse(path, f)
	if err != nil {
		e.t.Fatal(err)
	}
	e.importReleases(rels...)
}

// importRetellings imports the written sides of the labelled near-duplicate
// pairs as releases of the ministry and two embassies, published on the
// fixture's day: stories retold by several sources.
func (e *digestEnv) importRetellings() {
	e.t.Helper()
	var rels []store.NewRelease
	slugs := []string{"mfa", "mfa-budapest", "mfa-geneva"}
	for i, p := range loadSimilarPairs(e.t) {
		for j, side := range []store.NewRelease{p.a, p.b} {
			if side.URL != "" || side.Title == "" { // fixture items are already in
				continue
			}
			slug := slugs[(i+j)%len(slugs)]
			rels = append(rels, release(slug, int64(8_000_000+2*i+j), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC),
				side.Title, side.Body))
		}
	}
	e.importReleases(rels...)
}

// containsAlso reports whether a part names, in any language, another
// source of one of its stories.
func containsAlso(html string) bool {
	for _, s := range []string{"сондай-ақ: ", "также: ", "also: "} {
		if strings.Contains(html, s) {
			return true
		}
	}
	return false
}
