package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/oldmatches"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// TestSearchFindsOldMatchesByEveryPath: queries whose matches are all
// older than the newest releases /search walks first are found in the GIN
// index, whatever part of the query it is searched for (its required
// words, or the conjuncts the word statistics pick once ANALYZE has
// counted them), exactly: none lost, none added.
func TestSearchFindsOldMatchesByEveryPath(t *testing.T) {
	ctx := context.Background()
	url := testdb.URL(t)
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old := day.AddDate(0, -3, 0)
	var rels []store.NewRelease
	for _, o := range oldmatches.Archive() {
		r := rel("turkistan", int64(len(rels)+1), o.Title, o.Body)
		r.ContentHash = fmt.Sprintf("hash-%d", len(rels))
		r.Lang = "kk"
		r.PublishedOn = old.AddDate(0, 0, o.Day)
		rels = append(rels, r)
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	check := func(st *store.Store, when string) {
		for _, c := range oldmatches.Cases {
			q, err := textmatch.ParseSearch(c.Typed)
			if err != nil {
				t.Fatal(err)
			}
			got, err := st.Search(ctx, store.SearchQuery{Match: q.Match}, 0, 10)
			if err != nil {
				t.Fatalf("%s: %q: %v", when, c.Typed, err)
			}
			var titles []string
			for _, r := range got {
				titles = append(titles, r.Title)
			}
			slices.Sort(titles)
			want := slices.Sorted(slices.Values(c.Want))
			if !slices.Equal(titles, want) {
				t.Errorf("%s: Search(%q) = %q, want %q", when, c.Typed, titles, want)
			}
		}
	}
	check(st, "before ANALYZE")
	if _, err := st.DB().ExecContext(ctx, `ANALYZE releases`); err != nil {
		t.Fatal(err)
	}
	// A new store reads the statistics (one keeps them ten minutes).
	counted, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer counted.Close()
	check(counted, "after ANALYZE")
}
