package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

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
	add := func(title, body string, published int) {
		r := rel("turkistan", int64(len(rels)+1), title, body)
		r.ContentHash = fmt.Sprintf("hash-%d", len(rels))
		r.Lang = "kk"
		r.PublishedOn = old.AddDate(0, 0, published)
		rels = append(rels, r)
	}
	// The matches and near misses, oldest; then 3,100 newer releases
	// (more than the first walk reads) holding the common words only.
	add("Түркістан облысы ауызсу", "Түркістан облысының ауылдарына ауызсу жеткізілді.", 0)
	add("Ауызсу жүйесі", "Оңтүстік Қазақстан облысы (қазіргі Түркістан облысы) ауызсу желісі.", 1)
	add("Алматы ауызсу", "Алматы облысында ауызсу құбыры салынды.", 2)
	add("Түркістан облысы жол", "Түркістан облысында жол жөнделді.", 3)
	add("Сырдария ауданы сумен жабдықтау", "Сырдария ауданында сумен жабдықтау жақсарды.", 4)
	add("Сырдария", "Сырдария өзені тасыды.", 5)
	for i := range 3100 {
		add(fmt.Sprintf("Аудан жаңалығы %d", i), "Түркістан облысы, Шымкент қаласы және аудандар әкімдігі хабарлайды. Сумен жабдықтау туралы.", 10+i/100)
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		typed string
		want  []string
	}{
		{"Түркістан облысы ауызсу", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
		{"Сырдария ауданы сумен жабдықтау", []string{"Сырдария ауданы сумен жабдықтау"}},
		{"Сырдария ауданы", []string{"Сырдария ауданы сумен жабдықтау"}},
		{"Түркістан облысы жол", []string{"Түркістан облысы жол"}},
		{"ауызсу -Алматы", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
	}
	check := func(st *store.Store, when string) {
		for _, c := range cases {
			q, err := textmatch.ParseSearch(c.typed)
			if err != nil {
				t.Fatal(err)
			}
			got, err := st.Search(ctx, store.SearchQuery{Match: q.Match}, 0, 10)
			if err != nil {
				t.Fatalf("%s: %q: %v", when, c.typed, err)
			}
			var titles []string
			for _, r := range got {
				titles = append(titles, r.Title)
			}
			slices.Sort(titles)
			want := slices.Sorted(slices.Values(c.want))
			if !slices.Equal(titles, want) {
				t.Errorf("%s: Search(%q) = %q, want %q", when, c.typed, titles, want)
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
