package textmatch_test

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// Thresholds the matcher must keep on the labelled evaluation set
// (testdata/eval): micro-averaged over every (query, release) pair.
const (
	minRecall    = 0.95
	minPrecision = 0.95
)

// TestEvaluation runs the labelled queries of testdata/eval/queries.tsv
// through the same path as /search (ParseSearch, then store.Search) over
// the fixture and testdata/eval/corpus.jsonl, and fails when precision or
// recall falls below the thresholds. Every miss and every false hit is
// logged.
func TestEvaluation(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for _, f := range []string{"../testdata/enbekshi-news-2025-11-26.txt", "../testdata/eval/corpus.jsonl"} {
		if _, err := ingest.ImportFile(ctx, st, f); err != nil {
			t.Fatal(err)
		}
	}
	queries := readQueries(t, "../testdata/eval/queries.tsv")
	if len(queries) < 40 {
		t.Fatalf("only %d labelled queries, want at least 40", len(queries))
	}
	var tp, fp, fn int
	byLang := map[string]*counts{}
	for _, q := range queries {
		lang := q.lang()
		if byLang[lang] == nil {
			byLang[lang] = &counts{}
		}
		c := byLang[lang]
		c.queries++
		got := searchLabels(t, st, q.query)
		for _, l := range got {
			if slices.Contains(q.want, l) {
				tp++
				c.tp++
			} else {
				fp++
				c.fp++
				t.Logf("false hit: %q found %s (%s)", q.query, l, q.note)
			}
		}
		for _, l := range q.want {
			if !slices.Contains(got, l) {
				fn++
				c.fn++
				t.Logf("miss: %q did not find %s (%s)", q.query, l, q.note)
			}
		}
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		c := byLang[l]
		t.Logf("%-12s %3d queries: %3d right, %2d false, %2d missed: precision %.3f, recall %.3f",
			l, c.queries, c.tp, c.fp, c.fn, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
	}
	precision := ratio(tp, tp+fp)
	recall := ratio(tp, tp+fn)
	t.Logf("%d queries: %d hits right, %d false hits, %d misses: precision %.3f, recall %.3f",
		len(queries), tp, fp, fn, precision, recall)
	if precision < minPrecision || recall < minRecall {
		t.Errorf("precision %.3f (want ≥ %.2f), recall %.3f (want ≥ %.2f)", precision, minPrecision, recall, minRecall)
	}
}

type labelled struct {
	query, note string
	want        []string
}

// lang is the language and script tag the note starts with ([kk-Cyrl]).
func (q labelled) lang() string {
	if end := strings.Index(q.note, "]"); strings.HasPrefix(q.note, "[") && end > 0 {
		return q.note[:end+1]
	}
	return "[?]"
}

type counts struct{ queries, tp, fp, fn int }

func ratio(a, b int) float64 { return float64(a) / float64(max(1, b)) }

func readQueries(t *testing.T, path string) []labelled {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if n == 0 || len(cols) < 2 || strings.TrimSpace(cols[0]) == "" {
			continue // header, blank
		}
		q := labelled{query: cols[0]}
		if len(cols) > 2 {
			q.note = cols[2]
		}
		for _, l := range strings.Split(cols[1], ",") {
			if l = strings.TrimSpace(l); l != "" {
				q.want = append(q.want, l)
			}
		}
		out = append(out, q)
	}
	return out
}

// searchLabels runs a query as /search does and labels what it finds.
func searchLabels(t *testing.T, st *store.Store, query string) []string {
	q, err := textmatch.ParseSearch(query)
	if err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	if q.Match == "" {
		return nil
	}
	rels, err := st.Search(context.Background(), store.SearchQuery{
		Match: q.Match, EntitySlug: q.Entity, Since: q.Since}, 0, 1000)
	if err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	labels := make([]string, 0, len(rels))
	for _, r := range rels {
		labels = append(labels, label(r))
	}
	return labels
}

func label(r store.Release) string {
	switch {
	case r.GovkzID != nil && r.Entity != nil:
		return r.Entity.Slug + "/" + strconv.FormatInt(*r.GovkzID, 10)
	case strings.HasPrefix(r.Title, "Kyzylzhar-2 microdistrict in Shymkent"):
		return "hash:kyzylzhar-engineering"
	case strings.HasPrefix(r.Title, "From deficit to development"):
		return "hash:kyzylzhar-deficit"
	}
	return "hash:" + r.Title
}
