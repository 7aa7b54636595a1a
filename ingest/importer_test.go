package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func countReleases(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRowContext(context.Background(), `SELECT count(*) FROM releases`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportFixture(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)

	// The same release as the fixture's UAE item, linked in Russian.
	ru := writeFile(t, "mfa.jsonl", `{"url":"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=ru",`+
		`"title":"Казахстан и ОАЭ подтвердили приверженность сотрудничеству","body":"<p>Астана, 25 ноября 2025 года.</p>","published":"2025-11-26"}`+"\n")

	steps := []struct {
		path              string
		wantNew, wantKnow int
	}{
		{fixture, 20, 0},
		{fixture, 0, 20},
		{ru, 0, 1},
	}
	for i, s := range steps {
		sum, err := ImportFile(ctx, st, s.path)
		if err != nil {
			t.Fatalf("import %d (%s): %v", i+1, s.path, err)
		}
		if sum.New != s.wantNew || sum.Known != s.wantKnow || sum.Skipped != 0 {
			t.Errorf("import %d: %s; want %d new, %d known, 0 skipped", i+1, sum, s.wantNew, s.wantKnow)
		}
	}
	if got := countReleases(t, st); got != 20 {
		t.Errorf("%d releases stored, want 20", got)
	}
	var slugs int
	if err := st.DB().QueryRowContext(ctx, `SELECT count(DISTINCT entity_id) FROM releases`).Scan(&slugs); err != nil {
		t.Fatal(err)
	}
	if slugs != 15 {
		t.Errorf("releases of %d entities, want 15", slugs)
	}
}

func TestImportBadFileChangesNothing(t *testing.T) {
	ctx := context.Background()
	const ok = `{"title":"T","published":"2025-11-26"}`
	tests := []struct {
		name, content string
		line          int
	}{
		{"broken.jsonl", ok + "\n" + `{"title":"U","published":"2025-11-26"}` + "\n" + `{"title": "V", "published": ` + "\n", 3},
		{"garbage.txt", "Enbekshi QazaQ\n\nNews\n\n<html>garbage</html>\nTitle 26.11.2025\nBody\nSource : https://www.gov.kz/memleket/entities/mfa/press/news/details/1\n", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := testdb.Open(t)
			if _, err := ImportFile(ctx, st, fixture); err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, tt.name, tt.content)
			_, err := ImportFile(ctx, st, path)
			var perr *ParseError
			if !errors.As(err, &perr) || perr.Line != tt.line || perr.File != path {
				t.Fatalf("got error %v, want a ParseError at %s:%d", err, path, tt.line)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("%s:%d: ", path, tt.line)) {
				t.Errorf("error %q does not start with the file and line", err)
			}
			if got := countReleases(t, st); got != 20 {
				t.Errorf("%d releases stored after the bad file, want the fixture's 20", got)
			}
		})
	}
}

func TestImportMissingFile(t *testing.T) {
	_, err := ImportFile(context.Background(), &fakeStore{}, filepath.Join(t.TempDir(), "nope.txt"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want a not-exist error", err)
	}
}

// fakeStore records what it is handed and treats everything as new.
type fakeStore struct{ got []store.NewRelease }

func (f *fakeStore) ImportReleases(_ context.Context, rels []store.NewRelease) (store.ImportResult, error) {
	f.got = append(f.got, rels...)
	return store.ImportResult{New: len(rels)}, nil
}

func TestImportSkips(t *testing.T) {
	const mfa = "https://www.gov.kz/memleket/entities/mfa/press/news/details/7"
	content := strings.Join([]string{
		`{"url":"` + mfa + `?lang=kk","title":"Kazakh version","published":"2025-11-26"}`,
		`{"published":"2025-11-26"}`, // empty
		`{"url":"` + mfa + `?lang=en","title":"English version","published":"2025-11-26"}`, // same id
		`{"title":"No URL","body":"Same   text","published":"2025-11-26"}`,
		`{"title":"no url","body":"same text","published":"2025-11-27"}`, // same hash
		`{"title":"-","body":"","published":"2025-11-26"}`,               // empty
	}, "\n")
	st := &fakeStore{}
	sum, err := Import(context.Background(), st, "mixed.jsonl", strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sum.String(), "mixed.jsonl: 2 new, 0 already known, 4 skipped (2 empty, 2 duplicate in file)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if len(st.got) != 2 || st.got[0].Title != "Kazakh version" || st.got[1].Title != "No URL" {
		t.Errorf("stored %+v, want the first of each", st.got)
	}
	wantNotes := []string{
		"mixed.jsonl:2: skipped: no title, body nor URL",
		"mixed.jsonl:3: skipped: the same release as line 1",
		"mixed.jsonl:5: skipped: the same release as line 4",
		"mixed.jsonl:6: skipped: no title, body nor URL",
	}
	if strings.Join(sum.Notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(sum.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
}

func TestSummaryString(t *testing.T) {
	tests := []struct {
		sum  Summary
		want string
	}{
		{Summary{File: "enbekshi-news-2025-11-26.txt", New: 20},
			"enbekshi-news-2025-11-26.txt: 20 new, 0 already known, 0 skipped"},
		{Summary{File: "a.jsonl", New: 1, Known: 3, Skipped: 2, SkipReasons: map[string]int{SkipDuplicate: 1, SkipEmpty: 1}},
			"a.jsonl: 1 new, 3 already known, 2 skipped (1 empty, 1 duplicate in file)"},
		{Summary{File: "b", Skipped: 3, SkipReasons: map[string]int{"zeta": 1, SkipDuplicate: 1, "alpha": 1}},
			"b: 0 new, 0 already known, 3 skipped (1 duplicate in file, 1 alpha, 1 zeta)"},
	}
	for _, tt := range tests {
		if got := tt.sum.String(); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}

// TestImportNamesNewEntities: a JSONL release naming an entity the store
// does not know gives it that name (in the release's language); the same
// field for a catalogue entity, or for a release with no entity, changes
// no name.
func TestImportNamesNewEntities(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{{Slug: "mfa", Kind: store.KindMinistry,
		NameKK: "СІМ", NameRU: "МИД", NameEN: "MFA"}}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "named.jsonl",
		`{"url":"https://www.gov.kz/memleket/entities/turkestan-sauran/press/news/details/7001?lang=ru","entity_name":" Акимат <b>Сауранского</b> района ","title":"Новости района","body":"Текст новости района.","published":"2025-11-26"}`+"\n"+
			`{"url":"https://www.gov.kz/memleket/entities/mfa/press/news/details/7002?lang=ru","entity_name":"Министерство иностранных дел","title":"Новости МИД","body":"Текст новости.","published":"2025-11-26"}`+"\n"+
			`{"entity_name":"Nobody","title":"No entity","body":"A release without an entity.","lang":"en","published":"2025-11-26"}`+"\n")
	if _, err := ImportFile(ctx, st, path); err != nil {
		t.Fatal(err)
	}
	e, err := st.EntityBySlug(ctx, "turkestan-sauran")
	if err != nil {
		t.Fatal(err)
	}
	if e.NameRU != "Акимат Сауранского района" || e.Name("kk") != "Акимат Сауранского района" || e.InCatalogue {
		t.Errorf("turkestan-sauran = %+v, want named by the release, outside the catalogue", e)
	}
	if m, _ := st.EntityBySlug(ctx, "mfa"); m.NameRU != "МИД" {
		t.Errorf("mfa renamed to %q", m.NameRU)
	}
	if _, err := st.EntityBySlug(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an entity was made of a release without one: %v", err)
	}
}
