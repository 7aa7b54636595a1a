package textmatch

import "testing"

func TestRequiredQuery(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		// Nothing to gain: the query is its required words.
		{"vodosnabjen:*", ""},
		{"water:* & suppl:*", ""},
		// A phrase requires its words; the phrase is then tested on them.
		{"(public:* <-> transport:*)", "public:* & transport:*"},
		// A place's ORed forms require nothing; the words beside them do.
		{"(shimkent:* | chimkent:*) & vodosnabjen:*", "vodosnabjen:*"},
		{"(((turkistan:* | turkestan:*) & oblis:*) | ((turkistan:* <-> oblis:*) | oko | iuko:*)) & auizs:*", "auizs:*"},
		// Every alternative of an OR requiring a word requires it.
		{"((a1 & bbbb:*) | (bbbb:* <-> cccc:*)) & dddd", "bbbb:* & dddd"},
		// An excluded word is not required, nor is anything in a pure OR.
		{"jol & !jondeu:*", "jol"},
		{"shimkent:* | astan:*", ""},
		{"!jol", ""},
		// A phrase with an exclusion inside it requires its other words.
		{"(aaaa <-> !bbbb) & cccc", "aaaa & cccc"},
		// Not tsquery as SearchQuery writes it: nothing.
		{"", ""},
		{"(aaaa & bbbb", ""},
		{"aaaa & ", ""},
		{"'quoted' & aaaa", ""},
		{"aaaa bbbb", ""},
	} {
		if got := RequiredQuery(tc.query); got != tc.want {
			t.Errorf("RequiredQuery(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestRequiredQueryOfSearches checks RequiredQuery on what SearchQuery
// writes for queries people type: a region with words beside it keeps the
// words, and the required query is itself a query PostgreSQL reads (its
// operands are the query's own).
func TestRequiredQueryOfSearches(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"Түркістан облысы ауызсу", "auizs:*"},
		{"Батыс Қазақстан облысы жол жөндеу", "jol & jond:*"},
		{"водоснабжение Шымкент", "vodosnabjen:*"},
		{`"public transport"`, "public:* & transport:*"},
		{"Шымкентте OR Астана", ""},
		{"Kyzylzhar", ""},
	} {
		q := SearchQuery(tc.typed)
		if got := RequiredQuery(q); got != tc.want {
			t.Errorf("RequiredQuery(SearchQuery(%q) = %q) = %q, want %q", tc.typed, q, got, tc.want)
		}
	}
}
