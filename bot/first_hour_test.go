package bot_test

import "testing"

// A mistyped source in /search is named as unknown, with the closest slugs.
func TestSearchWithAnUnknownSourceSuggestsOne(t *testing.T) {
	h := newHarness(t)
	mustContain(t, h.one(h.send(701, "en", "/search entity:shymkentt вода")).Plain,
		"I do not know the source “shymkentt”.", "Did you mean: shymkent")
	mustContain(t, h.one(h.send(703, "ru", "/search entity:nope вода")).Plain, "Источник «nope» мне неизвестен.")
}

// The same input gets the same reason, whichever command it is given to.
func TestSameBadKeywordSameReason(t *testing.T) {
	h := newHarness(t)
	want := "A keyword needs at least one letter or digit."
	for _, cmd := range []string{"/latest 😀", "/subscribe 😀😀", "/latest 😀😀", "/subscribe 😀"} {
		mustContain(t, h.one(h.send(702, "en", cmd)).Plain, want)
	}
}
