package store_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
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
		got, err := st.FindEntities(ctx, tt.text, tt.match, 5)
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
