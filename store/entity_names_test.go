package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// TestEntityNamedByTheReleasesMetadata: an entity first seen in a release
// that names it takes that name in the release's language, the other
// languages falling back to it; a later name in another language fills
// that language; a release without a name, or a name for a catalogue
// entity, changes nothing.
func TestEntityNamedByTheReleasesMetadata(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{{Slug: "mfa", Kind: store.KindMinistry,
		NameKK: "Сыртқы істер министрлігі", NameRU: "МИД", NameEN: "Ministry of Foreign Affairs"}}); err != nil {
		t.Fatal(err)
	}
	named := func(slug string, id int64, lang, name string) store.NewRelease {
		r := rel(slug, id, "Title "+slug, "Body of a release.")
		r.ContentHash, r.Lang, r.EntityName = slug+string(rune('a'+id)), lang, name
		return r
	}
	names := func(slug string) [3]string {
		t.Helper()
		e, err := st.EntityBySlug(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		return [3]string{e.Name("kk"), e.Name("ru"), e.Name("en")}
	}
	steps := []struct {
		rels []store.NewRelease
		slug string
		want [3]string // as a kk, ru and en reader sees it
	}{
		{[]store.NewRelease{named("akimat-x", 1, "ru", "  Акимат   района X ")}, "akimat-x",
			[3]string{"Акимат района X", "Акимат района X", "Акимат района X"}},
		{[]store.NewRelease{named("akimat-x", 2, "kk", "X ауданының әкімдігі"), named("akimat-x", 3, "kk", "")}, "akimat-x",
			[3]string{"X ауданының әкімдігі", "Акимат района X", "Акимат района X"}},
		{[]store.NewRelease{named("akimat-x", 4, "ru", "Другое имя")}, "akimat-x", // a name, once set, stays
			[3]string{"X ауданының әкімдігі", "Акимат района X", "Акимат района X"}},
		// First seen without a name (slug as name), then named in English.
		{[]store.NewRelease{named("unnamed", 1, "en", "")}, "unnamed", [3]string{"unnamed", "unnamed", "unnamed"}},
		{[]store.NewRelease{named("unnamed", 2, "en", "Akimat of Y")}, "unnamed",
			[3]string{"Akimat of Y", "Akimat of Y", "Akimat of Y"}},
		// No language: the name in every language.
		{[]store.NewRelease{named("nolang", 1, "", "Z")}, "nolang", [3]string{"Z", "Z", "Z"}},
		// A name that is the slug is none.
		{[]store.NewRelease{named("slugname", 1, "ru", "SlugName")}, "slugname", [3]string{"slugname", "slugname", "slugname"}},
		// A paragraph is no name.
		{[]store.NewRelease{named("long", 1, "en", strings.Repeat("word ", 100))}, "long", [3]string{"long", "long", "long"}},
		// The catalogue's names win.
		{[]store.NewRelease{named("mfa", 1, "ru", "Министерство иностранных дел РК")}, "mfa",
			[3]string{"Сыртқы істер министрлігі", "МИД", "Ministry of Foreign Affairs"}},
	}
	for i, s := range steps {
		if _, err := st.ImportReleases(ctx, s.rels); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got := names(s.slug); got != s.want {
			t.Errorf("step %d: %s is named %q, want %q", i, s.slug, got, s.want)
		}
	}
	if e, _ := st.EntityBySlug(ctx, "akimat-x"); e.InCatalogue || e.NameEN != "" {
		t.Errorf("akimat-x = %+v, want outside the catalogue with no English name of its own", e)
	}
	// Found by its name.
	found, err := st.FindEntities(ctx, "района X", "", "ru", 5)
	if err != nil || len(found) != 1 || found[0].Slug != "akimat-x" {
		t.Errorf("FindEntities(района X) = %+v, %v", found, err)
	}
}

// An import names its entities as importing its releases one at a time
// would: the entities are resolved for the whole file in one statement,
// and whatever mix of named and unnamed releases, languages and catalogue
// entities the file holds, the names come out the same.
func TestEntitiesNamedInOneImportAsOneByOne(t *testing.T) {
	ctx := context.Background()
	catalogue := []store.Entity{{Slug: "mfa", Kind: store.KindMinistry,
		NameKK: "Сыртқы істер министрлігі", NameRU: "МИД", NameEN: "Ministry of Foreign Affairs"}}
	slugs := []string{"mfa", "akimat-a", "akimat-b", "akimat-c"}
	langs := []string{"kk", "ru", "en", ""}
	names := []string{"", "", "Акимат", "Әкімдік", "Akimat", "akimat-b"}
	var rels []store.NewRelease
	for i := range 60 {
		// A fixed, varied sequence: every slug meets every language and
		// name, in different orders.
		r := rel(slugs[i%len(slugs)], int64(i+1), "Title", "Body of a release.")
		r.ContentHash = "h" + string(rune('A'+i))
		r.Lang, r.EntityName = langs[(i/len(slugs))%len(langs)], names[(i*7/3)%len(names)]
		rels = append(rels, r)
	}
	stored := func(oneByOne bool) map[string][3]string {
		st := testdb.Open(t)
		if err := st.SyncCatalogue(ctx, catalogue); err != nil {
			t.Fatal(err)
		}
		if oneByOne {
			for _, r := range rels {
				if _, err := st.ImportReleases(ctx, []store.NewRelease{r}); err != nil {
					t.Fatal(err)
				}
			}
		} else if _, err := st.ImportReleases(ctx, rels); err != nil {
			t.Fatal(err)
		}
		got := map[string][3]string{}
		for _, slug := range slugs {
			e, err := st.EntityBySlug(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			got[slug] = [3]string{e.NameKK, e.NameRU, e.NameEN}
		}
		return got
	}
	one, all := stored(true), stored(false)
	for _, slug := range slugs {
		if one[slug] != all[slug] {
			t.Errorf("%s: named %q by one import, %q by one import a release", slug, all[slug], one[slug])
		}
	}
	if one["mfa"] != [3]string{"Сыртқы істер министрлігі", "МИД", "Ministry of Foreign Affairs"} {
		t.Errorf("the catalogue entity was renamed: %q", one["mfa"])
	}
	if one["akimat-a"] == [3]string{"akimat-a", "akimat-a", "akimat-a"} {
		t.Errorf("akimat-a kept its slug for a name: the test names nothing")
	}
}
