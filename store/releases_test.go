package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

var day = time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)

func rel(slug string, id int64, title, body string) store.NewRelease {
	return store.NewRelease{
		EntitySlug: slug, GovkzID: id, ContentHash: strings.Repeat("0", 63) + string(rune('a'+id%6)),
		Title: title, Body: body, Lang: "en", PublishedOn: day,
	}
}

func TestImportIdentity(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	first := []store.NewRelease{
		rel("shymkent", 1, "Water in Kyzylzhar-2", "Drinking water reached 265 houses."),
		rel("mfa", 1, "Same id, other entity", "Identity is entity plus id."),
		{ContentHash: "hash-a", Title: "No source", Body: "A story without a URL.", PublishedOn: day},
	}
	got, err := st.ImportReleases(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportResult{New: 3}); got != want {
		t.Fatalf("first import = %+v, want %+v", got, want)
	}
	again := append(first, rel("shymkent", 2, "New one", "Another release."))
	got, err = st.ImportReleases(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportResult{New: 1, Known: 3}); got != want {
		t.Fatalf("second import = %+v, want %+v", got, want)
	}
	// An entity seen in data but not in the catalogue is created, named by its slug.
	e, err := st.EntityBySlug(ctx, "SHYMKENT")
	if err != nil || e.NameEN != "shymkent" || e.InCatalogue {
		t.Fatalf("EntityBySlug = %+v, %v; want an entity named by its slug", e, err)
	}
}

func TestDatabaseRefusesDuplicates(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if _, err := st.ImportReleases(ctx, []store.NewRelease{rel("mod", 7, "t", "b")}); err != nil {
		t.Fatal(err)
	}
	// Bypassing Go: the unique index itself must refuse the same (entity, id).
	_, err := st.DB().ExecContext(ctx, `INSERT INTO releases (entity_id, govkz_id, content_hash, published_on)
		SELECT id, 7, 'other', '2025-11-26' FROM entities WHERE slug = 'mod'`)
	if err == nil || !strings.Contains(err.Error(), "releases_govkz_key") {
		t.Fatalf("duplicate release insert error = %v, want unique violation", err)
	}
	if _, err := st.TouchChat(ctx, 42, "private", "en"); err != nil {
		t.Fatal(err)
	}
	add := `INSERT INTO subscriptions (chat_id, kind, value, normalized) VALUES (42, 'keyword', 'x', 'water')`
	if _, err := st.DB().ExecContext(ctx, add); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, add); err == nil {
		t.Fatal("duplicate subscription was accepted by the database")
	}
}

func TestArrivalOrderFollowsImports(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for i := int64(1); i <= 3; i++ {
		if _, err := st.ImportReleases(ctx, []store.NewRelease{rel("shymkent", i, "t", "b")}); err != nil {
			t.Fatal(err)
		}
	}
	var seqs []int64
	if err := st.DB().SelectContext(ctx, &seqs, `SELECT arrival_seq FROM releases ORDER BY govkz_id`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(seqs); i++ {
		if seqs[i] <= seqs[i-1] {
			t.Fatalf("arrival sequence %v is not increasing with import order", seqs)
		}
	}
}

func TestSubscriptionLimitAndDuplicates(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if _, err := st.TouchChat(ctx, 7, "private", "ru"); err != nil {
		t.Fatal(err)
	}
	sub := func(word string) (bool, error) {
		_, created, err := st.AddSubscription(ctx, store.NewSubscription{
			ChatID: 7, Kind: store.SubKeyword, Value: word, Normalized: strings.ToLower(word)}, 3)
		return created, err
	}
	for _, w := range []string{"Water", "gas", "roads"} {
		if created, err := sub(w); err != nil || !created {
			t.Fatalf("subscribe %q = %v, %v", w, created, err)
		}
	}
	if created, err := sub("WATER"); err != nil || created {
		t.Fatalf("duplicate keyword: created=%v err=%v, want not created and no error", created, err)
	}
	if _, err := sub("schools"); !errors.Is(err, store.ErrTooManySubscriptions) {
		t.Fatalf("fourth subscription error = %v, want ErrTooManySubscriptions", err)
	}
	subs, err := st.Subscriptions(ctx, 7)
	if err != nil || len(subs) != 3 {
		t.Fatalf("Subscriptions = %d, %v; want 3", len(subs), err)
	}
}

func TestLatestAndSearch(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	older := rel("mfa-budapest", 10, "Water Governance in Hungary", "Students met the ambassador in Budapest.")
	older.PublishedOn = day.AddDate(0, 0, -1)
	_, err := st.ImportReleases(ctx, []store.NewRelease{
		older,
		rel("shymkent", 11, "Kyzylzhar-2 gets water supply", "The water supply network of Shymkent reached Kyzylzhar-2."),
		rel("shymkent", 12, "Roads repaired", "Asphalt on twelve streets of Shymkent."),
	})
	if err != nil {
		t.Fatal(err)
	}
	titles := func(rels []store.Release) []string {
		var out []string
		for _, r := range rels {
			out = append(out, r.Title)
		}
		return out
	}
	shym, err := st.EntityBySlug(ctx, "shymkent")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter store.LatestFilter
		want   []string
	}{
		{"everything, newest first", store.LatestFilter{}, []string{"Roads repaired", "Kyzylzhar-2 gets water supply", "Water Governance in Hungary"}},
		{"entity", store.LatestFilter{EntityID: shym.ID}, []string{"Roads repaired", "Kyzylzhar-2 gets water supply"}},
		{"phrase keyword", store.LatestFilter{Match: textmatch.KeywordQuery("water supply")}, []string{"Kyzylzhar-2 gets water supply"}},
		{"keyword in another script", store.LatestFilter{Match: textmatch.KeywordQuery("Шымкент")}, []string{"Roads repaired", "Kyzylzhar-2 gets water supply"}},
	}
	for _, tt := range tests {
		got, err := st.Latest(ctx, tt.filter, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(titles(got), "|"); g != strings.Join(tt.want, "|") {
			t.Errorf("%s: Latest = %q, want %q", tt.name, g, strings.Join(tt.want, "|"))
		}
	}
	got, err := st.Search(ctx, store.SearchQuery{Match: textmatch.SearchQuery("water -Hungary")}, 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Title != "Kyzylzhar-2 gets water supply" {
		t.Fatalf("Search(water -Hungary) = %q", titles(got))
	}
	if got[0].Entity == nil || got[0].Entity.Slug != "shymkent" {
		t.Errorf("search result entity = %+v, want shymkent", got[0].Entity)
	}
	filters := []struct {
		name string
		q    store.SearchQuery
		want []string
	}{
		{"entity", store.SearchQuery{Match: "water:*", EntitySlug: "MFA-Budapest"}, []string{"Water Governance in Hungary"}},
		{"since", store.SearchQuery{Match: "water:*", Since: day}, []string{"Kyzylzhar-2 gets water supply"}},
		{"Cyrillic query, Latin text", store.SearchQuery{Match: textmatch.SearchQuery("Шымкент")}, []string{"Kyzylzhar-2 gets water supply", "Roads repaired"}},
		{"Russian exonym is the same place", store.SearchQuery{Match: textmatch.SearchQuery("Будапешт")}, []string{"Water Governance in Hungary"}},
		{"Kazakh exonym of the country", store.SearchQuery{Match: textmatch.SearchQuery("Мажарстан")}, []string{"Water Governance in Hungary"}},
	}
	for _, f := range filters {
		got, err := st.Search(ctx, f.q, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		g := titles(got)
		slices.Sort(g)
		if strings.Join(g, "|") != strings.Join(f.want, "|") {
			t.Errorf("%s: Search = %q, want %q", f.name, g, f.want)
		}
	}
}
