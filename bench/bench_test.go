package bench

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/textmatch"
)

func TestBenchKazakhCases(t *testing.T) {
	tests := []struct {
		name          string
		loc, gen, dat string
	}{
		{"Шымкент", "Шымкентте", "Шымкенттің", "Шымкентке"},
		{"Астана", "Астанада", "Астананың", "Астанаға"},
		{"Ақтөбе", "Ақтөбеде", "Ақтөбенің", "Ақтөбеге"},
		{"Павлодар", "Павлодарда", "Павлодардың", "Павлодарға"},
		{"Түркістан", "Түркістанда", "Түркістанның", "Түркістанға"},
		{"Атырау", "Атырауда", "Атыраудың", "Атырауға"},
		{"Семей", "Семейде", "Семейдің", "Семейге"},
		{"Алматы облысы", "Алматы облысында", "Алматы облысының", "Алматы облысына"},
		{"Сырдария ауданы", "Сырдария ауданында", "Сырдария ауданының", "Сырдария ауданына"},
	}
	for _, tt := range tests {
		got := []string{inflectKK(tt.name, kkLoc), inflectKK(tt.name, kkGen), inflectKK(tt.name, kkDat)}
		if want := []string{tt.loc, tt.gen, tt.dat}; !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, want)
		}
	}
}

// The Latin spelling must be one word with the Cyrillic for the matcher, as
// it is for real Latin-script releases.
func TestBenchLatinKazakhIsTheSameWord(t *testing.T) {
	for _, tt := range []struct{ cyr, lat string }{
		{"Шымкент", "Şymkent"}, {"Қызылжар-2", "Qyzyljar-2"}, {"Өскемен", "Öskemen"},
		{"Түркістан облысында", "Türkıstan oblysynda"},
	} {
		if got := toKKLatin(tt.cyr); got != tt.lat {
			t.Errorf("toKKLatin(%q) = %q, want %q", tt.cyr, got, tt.lat)
		}
	}
	for _, p := range places {
		// The 2021 alphabet writes х as h, which the matcher keeps apart
		// from х (→ k): a gap of the matcher, not of the data.
		if strings.ContainsAny(p.kk, "ХхҺһ") {
			continue
		}
		if c, l := textmatch.Canonical(p.kk), textmatch.Canonical(toKKLatin(p.kk)); c != l {
			t.Errorf("%s: canonical %q, its Latin spelling %q", p.kk, c, l)
		}
	}
}

func TestBenchGeneratorIsDeterministicAndRealistic(t *testing.T) {
	day := time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)
	generate := func() ([]Release, []Chat) {
		g, err := NewGenerator(7)
		if err != nil {
			t.Fatal(err)
		}
		return g.Day(400, day), g.Chats(300)
	}
	rels, chats := generate()
	rels2, chats2 := generate()
	if !reflect.DeepEqual(rels, rels2) || !reflect.DeepEqual(chats, chats2) {
		t.Fatal("the same seed made different data")
	}
	langs := map[string]int{}
	for i, r := range rels {
		langs[r.Lang]++
		if r.Title == "" || len([]rune(r.Body)) < 100 || r.ContentHash == "" || len(r.Shingles) == 0 {
			t.Errorf("release %d is incomplete: %+v", i, r.NewRelease)
		}
		if i > 0 && r.ArrivedAt.Before(rels[i-1].ArrivedAt) {
			t.Errorf("release %d arrived before the one made before it", i)
		}
		if r.GovkzID > 0 && !strings.HasSuffix(r.URL, "/press/news/details/"+itoa(r.GovkzID)) {
			t.Errorf("release %d: URL %s does not hold its id %d", i, r.URL, r.GovkzID)
		}
	}
	for _, l := range []string{"kk", "ru", "en"} {
		if langs[l] < 20 {
			t.Errorf("%d releases in %s of 400, want a real share: %v", langs[l], l, langs)
		}
	}
	kinds := map[string]int{}
	for _, c := range chats {
		if n := len(c.Subs); n < 1 || n > 10 {
			t.Errorf("chat %d has %d subscriptions, want 1 to 10", c.ID, n)
		}
		for _, s := range c.Subs {
			kinds[s.Kind]++
			if s.Kind == "keyword" && s.MatchQuery == "" {
				t.Errorf("keyword %q has no query", s.Value)
			}
		}
	}
	if share := float64(kinds["keyword"]) / float64(kinds["keyword"]+kinds["entity"]); share < 0.28 || share > 0.39 {
		t.Errorf("keywords are %.2f of subscriptions, want about a third", share)
	}
}

func TestBenchArchiveSpreadsOverTwoYearsDensestAtTheEnd(t *testing.T) {
	last := time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)
	counts := dayCounts(100_000, last)
	total := 0
	for _, c := range counts {
		total += c
	}
	if total != 100_000 || len(counts) != archiveDays {
		t.Fatalf("%d releases over %d days", total, len(counts))
	}
	if first, lastWeek := counts[3], counts[archiveDays-3]; lastWeek < 2*first {
		t.Errorf("a day of the last week has %d, of the first %d: want the end denser", lastWeek, first)
	}
}

func TestBenchQueriesParseAndHitTheBaseline(t *testing.T) {
	g, err := NewGenerator(1)
	if err != nil {
		t.Fatal(err)
	}
	qs := searchQueries(g.rng, 200, g.ents, time.Now())
	for _, q := range qs {
		s, err := textmatch.ParseSearch(q)
		if err != nil || s.Match == "" {
			t.Errorf("query %q does not parse: %+v, %v", q, s, err)
		}
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(qs)))); n < 150 {
		t.Errorf("only %d distinct queries of 200", n)
	}
	where, args := ilikeWhere(`"water supply" Astana OR Almaty -road 50%`)
	want := `(r.title ILIKE $1 OR r.body ILIKE $1 OR r.other_text ILIKE $1) AND ` +
		`((r.title ILIKE $2 OR r.body ILIKE $2 OR r.other_text ILIKE $2) OR (r.title ILIKE $3 OR r.body ILIKE $3 OR r.other_text ILIKE $3)) AND ` +
		`NOT (r.title ILIKE $4 OR r.body ILIKE $4 OR r.other_text ILIKE $4) AND (r.title ILIKE $5 OR r.body ILIKE $5 OR r.other_text ILIKE $5)`
	wantArgs := []any{"%water supply%", "%Astana%", "%Almaty%", "%road%", `%50\%%`}
	if where != want || !reflect.DeepEqual(args, wantArgs) {
		t.Errorf("ilikeWhere = %s %q\nwant %s %q", where, args, want, wantArgs)
	}
}

func TestBenchReportFormats(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{num(1_000_000), "1,000,000"}, {num(-1234), "-1,234"}, {num(12), "12"},
		{dur(1500 * time.Microsecond), "1.5 ms"}, {dur(12300 * time.Millisecond), "12.3 s"},
		{dur(312 * time.Second), "5m12s"}, {bytesIEC(3 << 20), "3.0 MiB"}, {pct(0.0123), "1.23%"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	ds := []time.Duration{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}
	if p50, p95 := percentile(ds, 50), percentile(ds, 95); p50 != 5 || p95 != 10 {
		t.Errorf("p50 %v, p95 %v; want 5, 10", p50, p95)
	}
	if got := skewed(rand.New(rand.NewPCG(1, 1)), 1); got != 0 {
		t.Errorf("skewed over one = %d", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// The loader's archive, its text completed by the workers, is the archive:
// deferring ingest.Release changes no release, no count and no draw of the
// generator's randomness.
func TestDeferredTextMakesTheSameArchive(t *testing.T) {
	archive := func(deferText bool) ([]Release, Counts) {
		gen, err := NewGenerator(7)
		if err != nil {
			t.Fatal(err)
		}
		var rels []Release
		err = gen.archive(3000, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), deferText, func(r Release) error {
			r.complete()
			rels = append(rels, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return rels, gen.Made
	}
	want, wantMade := archive(false)
	got, gotMade := archive(true)
	if !reflect.DeepEqual(got, want) {
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("release %d differs:\n%+v\nwant\n%+v", i, got[i], want[i])
			}
		}
		t.Fatalf("%d releases, want %d", len(got), len(want))
	}
	if !reflect.DeepEqual(gotMade, wantMade) {
		t.Errorf("counts %+v, want %+v", gotMade, wantMade)
	}
	if wantMade.Versions == 0 || wantMade.NoLink == 0 {
		t.Errorf("counts %+v: the archive has no language versions or no unlinked releases to compare", wantMade)
	}
}
