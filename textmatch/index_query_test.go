package textmatch

import (
	"slices"
	"strings"
	"testing"
)

// freqs as ANALYZE might count them at a million releases; a word not
// listed is rare.
func testFreq(operand string) float64 {
	f := map[string]float64{
		"vodosnabjen:*": 0.19, "shimkent:*": 0.04, "chimkent:*": 0.001,
		"sirdar:*": 0.02, "audan:*": 0.3, "sumen:*": 0.05, "jabdikt:*": 0.05,
		"oblis:*": 0.35, "turkistan:*": 0.03, "turkestan:*": 0.01, "region:*": 0.1, "oblast:*": 0.3,
		"kazakstan:*": 0.5, "ontustik:*": 0.01, "iuko:*": 0.001, "oko": 0.001,
		"akmol:*": 0.01, "astan:*": 0.1, "public:*": 0.03, "transport:*": 0.04, "road:*": 0.03, "repair:*": 0.02,
	}[operand]
	if f == 0 {
		return 0.0005
	}
	return f
}

func TestIndexQuery(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		// One conjunct, or every conjunct worth it: the query is searched whole.
		{"vodosnabjen:*", ""},
		{"(public:* <-> transport:*)", ""},
		{"shimkent:* | astan:*", ""},
		{"vodosnabjen:* & (shimkent:* | chimkent:*)", ""},
		// A common prefix beside a rare one is not worth reading.
		{"sirdar:* & audan:*", "sirdar:*"},
		{"sirdar:* & audan:* & sumen:* & jabdikt:*", "sirdar:* & sumen:*"},
		// A region's forms beside a rare word: the rare word alone.
		{"(((turkistan:* | turkestan:*) & oblis:*) | ((turkistan:* <-> oblis:*) | (ontustik:* <-> kazakstan:* <-> oblis:*) | oko | iuko:*)) & auizs:*",
			"auizs:*"},
		{"(((akmol:* | astan:*) & region:*) | (akmol:* <-> region:*)) & road:* & repair:*", "repair:* & road:*"},
		// A phrase is searched by the words of it that are worth reading,
		// as the AND of them would be (the index cannot test adjacency).
		{"(sirdar:* <-> audan:* <-> sumen:* <-> jabdikt:*)", "sirdar:* & sumen:*"},
		{"(vodosnabjen:* <-> (shimkent:* | chimkent:*))", ""},
		{"((((akmol:* | astan:*) <-> region:*) | (akmol:* <-> oblis:*)) <-> road:* <-> repair:*)", "repair:* & road:*"},
		// An exclusion is tested, never searched.
		{"jol & !jondeu:*", "jol"},
		{"!jol", ""},
		{"(!jol <-> jondeu:*) & audan:*", "jondeu:*"}, // jondeu:* after no jol: jondeu:* it holds
		// Not tsquery as SearchQuery writes it.
		{"(aaaa & bbbb", ""},
	} {
		if got := IndexQuery(tc.query, testFreq, testFreq); got != tc.want {
			t.Errorf("IndexQuery(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestIndexQueryIsPartOfTheQuery: what IndexQuery returns is made of the
// query's own words (that every match of the query matches it, the
// database checks: TestRequiredAndIndexQueriesMatchWhatTheQueryMatches).
func TestIndexQueryIsPartOfTheQuery(t *testing.T) {
	for _, typed := range []string{"Түркістан облысы ауызсу", "Батыс Қазақстан облысы жол жөндеу",
		"Сырдария ауданы сумен жабдықтау", "Akmola region road repair", "водоснабжение Шымкент -Алматы",
		"Kyzylorda region investment"} {
		q := SearchQuery(typed)
		got := IndexQuery(q, testFreq, testFreq)
		for _, op := range operandsOf(t, got) {
			if !slices.Contains(operandsOf(t, q), op) {
				t.Errorf("IndexQuery(SearchQuery(%q) = %q) = %q: %q is not in the query", typed, q, got, op)
			}
		}
	}
}

// TestIndexQueryReadsARegionByItsNames: a region's conjunct is searched
// by its names, without the oblast:* beside them, when
// that cuts what the rarer word finds (Kyzylorda region investment: 40,295
// releases hold investment:*, 1,117 of them kizilord:* as well).
func TestIndexQueryReadsARegionByItsNames(t *testing.T) {
	freq := func(op string) float64 {
		if f, ok := map[string]float64{"investment:*": 0.04, "kizilord:*": 0.046, "region:*": 0.04,
			"oblis:*": 0.35, "oblast:*": 0.3, "ak": 0.05}[op]; ok {
			return f
		}
		return 0.001
	}
	q := SearchQuery("Kyzylorda region investment")
	got := IndexQuery(q, freq, freq)
	if !strings.Contains(got, "investment:*") || !strings.Contains(got, "kizilord:*") || strings.Contains(got, "obl") {
		t.Errorf("IndexQuery(%q) = %q, want investment:* and the region's names without oblast:* or oblis:*", q, got)
	}
}

func operandsOf(t *testing.T, tsquery string) []string {
	t.Helper()
	if tsquery == "" {
		return nil
	}
	p := &tsqueryParser{s: tsquery}
	n, ok := p.or()
	if !ok {
		t.Fatalf("%q does not parse", tsquery)
	}
	var ops []string
	var walk func(*tsqueryNode)
	walk = func(n *tsqueryNode) {
		if n.op == 0 {
			ops = append(ops, n.operand)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return ops
}
