package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// TestEntitiesByKindSortsByNameInTheReadersLanguage: the catalogue lists
// the names a reader sees in the alphabetical order of their language
// (Kazakh letters in their places: Ақтөбе after Абай, Ұлытау after
// Уральск, Іле last), not by slug, and pages through them without
// repeating or skipping one. Entities outside the catalogue come last.
func TestEntitiesByKindSortsByNameInTheReadersLanguage(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	ents := []store.Entity{
		{Slug: "a1", NameKK: "Іле ауданы", NameRU: "Илийский район", NameEN: "Ili district"},
		{Slug: "a2", NameKK: "Ақтөбе", NameRU: "Актобе", NameEN: "Aktobe"},
		{Slug: "a3", NameKK: "Абай", NameRU: "Абай", NameEN: "Abai"},
		{Slug: "a4", NameKK: "Ұлытау", NameRU: "Улытау", NameEN: "Ulytau"},
		{Slug: "a5", NameKK: "Уральск", NameRU: "Уральск", NameEN: "Uralsk"},
		{Slug: "a6", NameKK: "Батыс", NameRU: "Западно-Казахстанская", NameEN: "West Kazakhstan"},
		{Slug: "a7", NameKK: "Шығыс", NameRU: "Ёлкино", NameEN: "East Kazakhstan"},
		{Slug: "a8", NameKK: "Қарағанды", NameRU: "Караганда", NameEN: "Karaganda"},
		{Slug: "a9", NameKK: "Кентау", NameRU: "Кентау", NameEN: "Kentau"},
	}
	for i := range ents {
		ents[i].Kind = store.KindAkimat
	}
	if err := st.SyncCatalogue(ctx, ents); err != nil {
		t.Fatal(err)
	}
	// An entity first seen in a release, not in the catalogue: after them all.
	if _, err := st.ImportReleases(ctx, []store.NewRelease{{EntitySlug: "a0", ContentHash: "h", Title: "t"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE entities SET kind = 'akimat' WHERE slug = 'a0'`); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"kk": {"Абай", "Ақтөбе", "Батыс", "Кентау", "Қарағанды", "Уральск", "Ұлытау", "Шығыс", "Іле ауданы", "a0"},
		"ru": {"Абай", "Актобе", "Ёлкино", "Западно-Казахстанская", "Илийский район", "Караганда", "Кентау", "Улытау", "Уральск", "a0"},
		"en": {"Abai", "Aktobe", "East Kazakhstan", "Ili district", "Karaganda", "Kentau", "Ulytau", "Uralsk", "West Kazakhstan", "a0"},
	}
	for lang, names := range want {
		for _, page := range []int{3, 4, 100} {
			var got []string
			for offset := 0; offset < 20; offset += page {
				part, err := st.EntitiesByKind(ctx, store.KindAkimat, lang, offset, page)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range part {
					got = append(got, e.Name(lang))
				}
			}
			if !slices.Equal(got, names) {
				t.Errorf("%s, pages of %d: got %q, want %q", lang, page, got, names)
			}
		}
	}
	found, err := st.FindEntities(ctx, "а", "", "kk", 20)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range found {
		got = append(got, e.NameKK)
	}
	if wantKK := []string{"Абай", "Ақтөбе", "Батыс", "Кентау", "Қарағанды", "Уральск", "Ұлытау", "Іле ауданы"}; !slices.Equal(got, wantKK) {
		t.Errorf("FindEntities in kk: got %q, want %q", got, wantKK)
	}
}

func TestShortNameDropsTheCountry(t *testing.T) {
	e := store.Entity{Slug: "mfa-budapest",
		NameKK: "Қазақстан Республикасының Венгриядағы елшілігі",
		NameRU: "Посольство Республики Казахстан в Венгрии",
		NameEN: "Embassy of the Republic of Kazakhstan in Hungary"}
	m := store.Entity{Slug: "mod", NameKK: "Қазақстан Республикасы Қорғаныс министрлігі",
		NameRU: "Министерство обороны Республики Казахстан", NameEN: "Ministry of Defence of the Republic of Kazakhstan"}
	a := store.Entity{Slug: "astana", NameKK: "Астана қаласының әкімдігі", NameRU: "Акимат города Астаны", NameEN: "Akimat of Astana city"}
	for _, tt := range []struct {
		e          store.Entity
		lang, want string
	}{
		{e, "kk", "Венгриядағы елшілігі"}, {e, "ru", "Посольство в Венгрии"}, {e, "en", "Embassy in Hungary"},
		{m, "kk", "Қорғаныс министрлігі"}, {m, "ru", "Министерство обороны"}, {m, "en", "Ministry of Defence"},
		{a, "ru", "Акимат города Астаны"}, {store.Entity{Slug: "x"}, "en", "x"},
	} {
		if got := tt.e.ShortName(tt.lang); got != tt.want {
			t.Errorf("%s ShortName(%s) = %q, want %q", tt.e.Slug, tt.lang, got, tt.want)
		}
	}
}
