package textmatch

import "unicode"

// caseTableSize bounds the runes whose lower case and kind are looked up in
// a table rather than in the unicode package's ranges: Latin and Cyrillic,
// what nearly every release is written in.
const caseTableSize = 0x500

var (
	lowerRunes   [caseTableSize]rune // unicode.ToLower
	shingleRunes [caseTableSize]bool // isShingleRune
)

func init() {
	for r := range rune(caseTableSize) {
		lowerRunes[r] = unicode.ToLower(r)
		shingleRunes[r] = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
	}
}

// lowerRune is unicode.ToLower(r).
func lowerRune(r rune) rune {
	if r >= 0 && r < caseTableSize {
		return lowerRunes[r]
	}
	return unicode.ToLower(r)
}
