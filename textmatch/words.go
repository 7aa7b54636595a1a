package textmatch

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// rawWords splits text into its words as Canonical would, but keeps each
// word as written (NFKC, lower case): the inflection rules need the script
// (Kazakh vowel harmony is visible in Cyrillic, lost in the skeleton), and
// an English possessive needs its apostrophe. Canonical of each word is one
// canonical word (or nothing, for a word of apostrophes only).
func rawWords(s string) []string {
	var words []string
	var b strings.Builder
	sep := ""
	flush := func() {
		if b.Len() > 0 {
			// Kazakh writes an ending after an abbreviation or a number
			// with a hyphen (АҚШ-тың, 2025-жылы is not one): the ending
			// is no word of its own.
			if w := b.String(); !(sep == "-" && len(words) > 0 && isBareEnding(w)) {
				words = append(words, w)
			}
			b.Reset()
			sep = ""
		}
	}
	for _, r := range norm.NFKC.String(s) {
		r = unicode.ToLower(r)
		if isWordRune(r) {
			b.WriteRune(r)
		} else {
			flush()
			sep += string(r)
		}
	}
	flush()
	return words
}

// isBareEnding reports whether w is a Kazakh case or plural ending alone.
func isBareEnding(w string) bool {
	for _, list := range [][]kazakhEnding{caseEndings, pluralEndings} {
		for _, e := range list {
			if slices.Contains(endingForms(e, false), w) || slices.Contains(endingForms(e, true), w) {
				return true
			}
		}
	}
	return false
}

// isWordRune is true for the lower-case runes Canonical keeps in a word
// (letters it transliterates, a-z, 0-9) and for those it drops inside one.
func isWordRune(r rune) bool {
	if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
		return true
	}
	if _, ok := multiRune[r]; ok {
		return true
	}
	_, ok := oneRune[r]
	return ok
}
