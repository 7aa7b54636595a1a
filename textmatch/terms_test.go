package textmatch

import "testing"

func TestQueryTermsCountsEveryOperand(t *testing.T) {
	for q, want := range map[string]int{
		"":                           0,
		"Shymkent":                   1,
		"Shymkent -Almaty":           2,
		"water OR su OR вода":        3,
		`"water supply" Kyzylzhar-2`: 4,
		`Шымкент OR Астана -"су құбыры"`: 4,
	} {
		if got := QueryTerms(SearchQuery(q)); got != want {
			t.Errorf("QueryTerms(SearchQuery(%q) = %q) = %d, want %d", q, SearchQuery(q), got, want)
		}
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
