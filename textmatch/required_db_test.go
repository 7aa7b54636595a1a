package textmatch_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// TestRequiredQueryHoldsEveryMatch: on the fixture and the evaluation
// corpus, every release a labelled query (and a few of regions, as typed)
// matches also matches its RequiredQuery, which store.Search tests first,
// and its IndexQuery, which it may search the index for alone. A word it required wrongly would
// lose those releases.
func TestRequiredQueryHoldsEveryMatch(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for _, f := range []string{"../testdata/enbekshi-news-2025-11-26.txt", "../testdata/eval/corpus.jsonl"} {
		if _, err := ingest.ImportFile(ctx, st, f); err != nil {
			t.Fatal(err)
		}
	}
	typed := []string{"Түркістан облысы ауызсу", "Батыс Қазақстан облысы жол", "Akmola region road repair",
		`"Kyzylzhar microdistrict"`, "Шымкент су", "Shymkent water -Almaty"}
	for _, q := range readQueries(t, "../testdata/eval/queries.tsv") {
		typed = append(typed, q.query)
	}
	withRequired, matched := 0, 0
	for _, raw := range typed {
		s, err := textmatch.ParseSearch(raw)
		if err != nil || s.Match == "" {
			continue
		}
		// What the index may be searched for instead of the query: its
		// required words, and its conjuncts chosen by how common their
		// words are, here as if the prefixes were common and the rest rare.
		for _, first := range []string{textmatch.RequiredQuery(s.Match), textmatch.IndexQuery(s.Match, prefixesCommon, prefixesCommon)} {
			if first == "" {
				continue
			}
			withRequired++
			var lost, found int
			if err := st.DB().QueryRowContext(ctx, `
				SELECT count(*) FILTER (WHERE NOT canon @@ to_tsquery('simple', $2)), count(*)
				FROM releases WHERE canon @@ to_tsquery('simple', $1)`, s.Match, first).Scan(&lost, &found); err != nil {
				t.Fatalf("%q: %v", raw, err)
			}
			matched += found
			if lost > 0 {
				t.Errorf("%q: %d of its %d matches lack %q, which the index would be searched for", raw, lost, found, first)
			}
		}
	}
	if withRequired < 5 || matched == 0 {
		t.Errorf("%d queries had required words, matching %d releases: the check checked little", withRequired, matched)
	}
	t.Logf("%d queries with required words, %d matches checked", withRequired, matched)
}

// prefixesCommon takes a prefix operand to be in a third of the releases
// and a whole word in one in a thousand.
func prefixesCommon(operand string) float64 {
	if strings.HasSuffix(operand, ":*") {
		return 0.3
	}
	return 0.001
}
