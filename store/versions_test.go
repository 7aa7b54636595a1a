package store_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

func version(lang, title, body string) store.NewRelease {
	return store.NewRelease{EntitySlug: "shymkent", GovkzID: 77, ContentHash: lang + title + body,
		URL:   "https://www.gov.kz/memleket/entities/shymkent/press/news/details/77",
		Title: title, Body: body, Lang: lang, PublishedOn: day}
}

func TestLanguageVersionsAndEdits(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	save := func(r store.NewRelease, want store.SaveResult) {
		t.Helper()
		got, err := st.SaveFetched(ctx, []store.NewRelease{r})
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("SaveFetched(%s %q) = %+v, want %+v", r.Lang, r.Title, got, want)
		}
	}
	kk := version("kk", "Қызылжар-2 шағынауданына су келді", "Шымкенттегі Қызылжар-2 шағынауданына ауыз су тартылды.")
	ru := version("ru", "В микрорайон Кызылжар-2 пришла вода", "В микрорайон Кызылжар-2 Шымкента провели питьевую воду.")
	save(kk, store.SaveResult{New: 1})
	save(ru, store.SaveResult{Versions: 1})
	save(ru, store.SaveResult{Known: 1})
	var releases, versions int
	var seq int64
	st.DB().Get(&releases, `SELECT count(*) FROM releases`)
	st.DB().Get(&versions, `SELECT count(*) FROM release_versions`)
	st.DB().Get(&seq, `SELECT arrival_seq FROM releases`)
	if releases != 1 || versions != 2 {
		t.Fatalf("%d releases and %d versions, want 1 and 2", releases, versions)
	}
	titleIn := func(lang string) string {
		t.Helper()
		rels, err := st.Latest(ctx, store.LatestFilter{Lang: lang}, 0, 5)
		if err != nil || len(rels) != 1 {
			t.Fatalf("Latest(%s) = %d releases, %v", lang, len(rels), err)
		}
		return rels[0].Title
	}
	if got := titleIn("ru"); got != ru.Title {
		t.Errorf("Latest in ru shows %q, want the ru version", got)
	}
	if got := titleIn("en"); got != kk.Title {
		t.Errorf("Latest in en shows %q, want the text first seen (kk)", got)
	}
	// Found by the words of either version, shown in the reader's language.
	found, err := st.Search(ctx, store.SearchQuery{
		Match: textmatch.SearchQuery("питьевую воду"), Lang: "kk"}, 0, 5)
	if err != nil || len(found) != 1 || found[0].Title != kk.Title {
		t.Fatalf("Search(ru words, kk) = %+v, %v; want the release in kk", found, err)
	}

	// An edit replaces the text of its language and is not a new arrival.
	edited := version("ru", "В микрорайон Кызылжар-2 пришла питьевая вода", ru.Body)
	save(edited, store.SaveResult{Updated: 1})
	if got := titleIn("ru"); got != edited.Title {
		t.Errorf("after the edit Latest in ru shows %q", got)
	}
	kkEdited := version("kk", "Қызылжар-2 шағынауданына ауыз су келді", kk.Body)
	save(kkEdited, store.SaveResult{Updated: 1})
	var title string
	var after int64
	st.DB().Get(&title, `SELECT title FROM releases`)
	st.DB().Get(&after, `SELECT arrival_seq FROM releases`)
	if title != kkEdited.Title || after != seq {
		t.Errorf("after the kk edit the release is %q with arrival_seq %d, want %q and %d", title, after, kkEdited.Title, seq)
	}
	// A summary of the stored body (a feed's description) is not an edit.
	short := version("ru", edited.Title, "В микрорайон Кызылжар-2…")
	save(short, store.SaveResult{Known: 1})
}

func TestImportedReleaseGetsVersionsFromSources(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	en := version("en", "Water reached Kyzylzhar-2", "Drinking water reached Kyzylzhar-2.")
	if _, err := st.ImportReleases(ctx, []store.NewRelease{en}); err != nil {
		t.Fatal(err)
	}
	got, err := st.SaveFetched(ctx, []store.NewRelease{version("ru", "Вода в Кызылжаре-2", "Питьевая вода пришла.")})
	if err != nil || got != (store.SaveResult{Versions: 1}) {
		t.Fatalf("SaveFetched(ru) = %+v, %v; want a new version", got, err)
	}
	got, err = st.SaveFetched(ctx, []store.NewRelease{en})
	if err != nil || got != (store.SaveResult{Known: 1}) {
		t.Fatalf("SaveFetched(the imported en text) = %+v, %v; want known", got, err)
	}
}

func TestIsEdit(t *testing.T) {
	tests := []struct {
		name                   string
		oldT, oldB, newT, newB string
		want                   bool
	}{
		{"same", "T", "Body text.", "T", "Body  text.", false},
		{"new title", "T", "Body", "T2", "Body", true},
		{"new body", "T", "Body one.", "T", "Body two.", true},
		{"summary of the stored body", "T", "First sentence. Second one.", "T", "First sentence…", false},
		{"longer body", "T", "First sentence…", "T", "First sentence. Second one.", true},
	}
	for _, tt := range tests {
		if got := store.IsEdit(tt.oldT, tt.oldB, tt.newT, tt.newB); got != tt.want {
			t.Errorf("%s: IsEdit = %v, want %v", tt.name, got, tt.want)
		}
	}
}
