package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// TestFindEntitiesByAliasAndCanonicalMatch: an entity is found by a
// substring of its slug, names or aliases, and by the canonical tsquery
// over them all.
func TestFindEntitiesByAliasAndCanonicalMatch(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{
		{Slug: "mfa-budapest", Kind: store.KindEmbassy, NameKK: "Венгриядағы елшілігі",
			NameRU: "Посольство в Венгрии", NameEN: "Embassy in Hungary", Aliases: "Будапешт; Budapest"},
		{Slug: "mfa-vienna", Kind: store.KindEmbassy, NameKK: "Австриядағы елшілігі",
			NameRU: "Посольство в Австрии", NameEN: "Embassy in Austria"},
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, match, want string }{
		{"mfa-bud", "", "mfa-budapest"},                            // slug substring, as before
		{"Будап", "", "mfa-budapest"},                              // alias substring
		{"Venger", "(vengr:* | hungar:*)", "mfa-budapest"},         // canonical match only
		{"Budapeşt", "(budapesht:* | budapest:*)", "mfa-budapest"}, // alias, canonically
		{"Atlantis", "atlantis:*", ""},
	}
	for _, tt := range tests {
		got, err := st.FindEntities(ctx, tt.text, tt.match, "en", 5)
		if err != nil {
			t.Fatal(err)
		}
		slugs := ""
		for _, e := range got {
			slugs += e.Slug
		}
		if slugs != tt.want {
			t.Errorf("FindEntities(%q, %q) = %q, want %q", tt.text, tt.match, slugs, tt.want)
		}
	}
}

// TestFindEntitiesPutsABodyBeforeItsSubdivisions: within a kind, the
// entities under a parent of their own kind (a city's district akimats)
// come after the others, so that a short list of matches keeps the city's
// own akimat; a parent of another kind (an embassy's ministry) does not
// count.
func TestFindEntitiesPutsABodyBeforeItsSubdivisions(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{
		{Slug: "shymkent-abay", Kind: store.KindAkimat, ParentSlug: "shymkent", NameKK: "Шымкент қаласы Абай ауданының әкімдігі",
			NameRU: "Акимат Абайского района города Шымкент", NameEN: "Akimat of Abay district of Shymkent"},
		{Slug: "shymkent", Kind: store.KindAkimat, NameKK: "Шымкент қаласының әкімдігі",
			NameRU: "Акимат города Шымкент", NameEN: "Akimat of Shymkent city"},
		{Slug: "ontustik", Kind: store.KindAkimat, NameKK: "Түркістан облысының әкімдігі",
			NameRU: "Акимат Туркестанской области", NameEN: "Akimat of Turkistan region", Aliases: "Шымкентская область"},
		{Slug: "mfa", Kind: store.KindMinistry, NameKK: "СІМ", NameRU: "МИД", NameEN: "MFA"},
		{Slug: "mfa-shymkent", Kind: store.KindEmbassy, ParentSlug: "mfa", NameKK: "Шымкент елшілігі",
			NameRU: "Посольство Шымкент", NameEN: "Embassy Shymkent"},
	}); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"kk": "ontustik shymkent shymkent-abay mfa-shymkent",
		"ru": "shymkent ontustik shymkent-abay mfa-shymkent",
	} {
		got, err := st.FindEntities(ctx, "Шымкент", "", lang, 5)
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, e := range got {
			slugs = append(slugs, e.Slug)
		}
		if strings.Join(slugs, " ") != want {
			t.Errorf("FindEntities(Шымкент) in %s = %q, want %q", lang, slugs, want)
		}
	}
}

// TestKeywordHitsAndLatestFindAPlaceByAnyName: the digest's keyword
// matching (KeywordHits, through a subscription's stored query) and
// /latest agree with /search on a place's names in other scripts.
func TestKeywordHitsAndLatestFindAPlaceByAnyName(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	rels := []store.NewRelease{
		digestRel("mfa-budapest", 1, "Курс казахского языка открылся в Будапеште", digestNow),
		digestRel("mfa-budapest", 2, "Мажарстандағы елшілік кездесу өткізді", digestNow),
		digestRel("mfa-vienna", 3, "Embassy in Vienna", digestNow),
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	budapest, hungary := textmatch.KeywordQuery("Budapest"), textmatch.KeywordQuery("Hungary")
	hits, err := st.KeywordHits(ctx, []string{budapest, hungary}, 0, 1<<40, digestNow.AddDate(0, 0, -7))
	if err != nil {
		t.Fatal(err)
	}
	if len(hits[budapest]) != 1 || len(hits[hungary]) != 1 {
		t.Errorf("KeywordHits: Budapest found %v, Hungary found %v; want one release each", hits[budapest], hits[hungary])
	}
	latest, err := st.Latest(ctx, store.LatestFilter{Match: textmatch.KeywordQuery("Венгриядағы")}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) != 1 || latest[0].Title != "Мажарстандағы елшілік кездесу өткізді" {
		t.Errorf("Latest(Венгриядағы) = %+v, want the Мажарстан release", latest)
	}
}
