package textmatch

import "testing"

func TestQueryTermsCountsEveryOperand(t *testing.T) {
	for q, want := range map[string]int{
		"":                           0,
		"hospital":                   1,
		"hospital -school":           2,
		"water OR su OR вода":        3,
		`"water supply" Kyzylzhar-2`: 4,
		`бала OR мектеп -"су құбыры"`: 4,
	} {
		if got := QueryTerms(SearchQuery(q)); got != want {
			t.Errorf("QueryTerms(SearchQuery(%q) = %q) = %d, want %d", q, SearchQuery(q), got, want)
		}
	}
}

// A place expands to its other names, so the query holds more operands than
// were typed: that is why the /search cap counts TypedTerms instead.
func TestQueryTermsOfAPlaceCountItsNames(t *testing.T) {
	if got := QueryTerms(SearchQuery("Shymkent")); got < 2 {
		t.Errorf("QueryTerms(SearchQuery(Shymkent) = %q) = %d, want its other names too", SearchQuery("Shymkent"), got)
	}
	if got := TypedTerms("Shymkent"); got != 1 {
		t.Errorf("TypedTerms(Shymkent) = %d, want 1", got)
	}
}

func TestTypedTermsCountWhatWasTyped(t *testing.T) {
	for q, want := range map[string]int{
		"Шымкентте су":               2,
		`"water supply" OR Будапешт`: 3,
		"-Astana Kyzylzhar-2":        3,
		"😀 OR":                       0,
	} {
		if got := TypedTerms(q); got != want {
			t.Errorf("TypedTerms(%q) = %d, want %d", q, got, want)
		}
	}
}
