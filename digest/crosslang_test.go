package digest_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/golden"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// labelledRelease is a release of testdata/eval/crosslang.jsonl, the
// labelled set of the cross-language signal, as the importer stores it,
// from source slug.
func labelledRelease(t *testing.T, event, lang, slug string, day time.Time) store.NewRelease {
	t.Helper()
	f, err := os.Open("../testdata/eval/crosslang.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct{ Event, Lang, URL, Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Event == event && r.Lang == lang {
			id, err := strconv.ParseInt(r.URL[strings.LastIndex(r.URL, "/")+1:], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			rel := release(slug, id, day, r.Title, r.Body)
			rel.URL = r.URL
			rel.Lang = lang
			return rel
		}
	}
	t.Fatalf("crosslang.jsonl has no %s release of %s", lang, event)
	return store.NewRelease{}
}

// TestGoldenCrossLanguageDuplicates: the Kyzylzhar-2 water supply told in
// Kazakh by the Shymkent akimat and in Russian by the Ministry of Water
// Resources (no shared gov.kz id, no shared word) is one item, in the
// chat's language where it has one, naming the other as "also in
// <language>"; the Ministry of Education's Russian release on the new
// Kyzylzhar-2 school (the same microdistrict, mayor and day: a hard
// negative) stays an item of its own. testdata/crosslang_LANG.golden hold
// the parts (go test ./digest -update rewrites them).
func TestGoldenCrossLanguageDuplicates(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	kk := labelledRelease(t, "shymkent-kyzylzhar-water", "kk", "shymkent", fixtureDay)
	ru := labelledRelease(t, "shymkent-kyzylzhar-water", "ru", "water", fixtureDay)
	school := labelledRelease(t, "shymkent-kyzylzhar-school", "ru", "edu", fixtureDay)
	if !textmatch.SameEvent(textmatch.Fingerprint(kk.Title, kk.Body), textmatch.Fingerprint(ru.Title, ru.Body), textmatch.DefaultEventSimilarity) {
		t.Fatal("the two tellings are not one event")
	}
	langs := []string{"kk", "ru", "en"}
	for i, lang := range langs {
		e.chat(int64(i+1), lang)
		e.follow(int64(i+1), "shymkent", "water", "edu")
	}
	e.importReleases(kk, ru, school)
	e.pass(fixtureDay)
	// What each chat must read, once: the item kept, its "also in" line,
	// the school.
	want := map[string][]string{
		"kk": {"1. " + kk.Title, "сондай-ақ орыс тілінде: Қазақстан Республикасы Су ресурстары және ирригация министрлігі", "2. " + school.Title},
		"ru": {"1. " + ru.Title, "также на казахском: Акимат города Шымкент", "2. " + school.Title},
		"en": {"1. " + kk.Title, "also in Russian: Ministry of Water Resources and Irrigation of the Republic of Kazakhstan", "2. " + school.Title},
	}
	for i, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			plain := strings.Join(e.queued(int64(i+1)), "")
			for _, w := range want[lang] {
				if strings.Count(plain, w) != 1 {
					t.Errorf("%q not once in:\n%s", w, plain)
				}
			}
			if strings.Contains(plain, "3. ") {
				t.Errorf("more than two items:\n%s", plain)
			}
			var parts []string
			if err := e.st.DB().Select(&parts, `SELECT text FROM outbox WHERE chat_id = $1 ORDER BY part`, i+1); err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for n, p := range parts {
				plain, err := fakebotapi.ParseHTML(p)
				if err != nil {
					t.Errorf("part %d: %v", n+1, err)
				}
				fmt.Fprintf(&got, "===== part %d of %d: %d characters =====\n%s\n", n+1, len(parts), fakebotapi.TextLength(plain), p)
			}
			golden.Compare(t, filepath.Join("testdata", "crosslang_"+lang+".golden"), got.String())
		})
	}
}
