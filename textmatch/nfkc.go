package textmatch

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isNFKC reports whether s is certainly unchanged by NFKC, looking only at
// which runes it holds: ASCII, the Cyrillic letters (Kazakh's included) and
// the punctuation releases use. None of them has a compatibility mapping,
// a decomposition or a combining class, and no two of them compose, so a
// string of them is its own NFKC (TestIsNFKCAgreesWithNorm checks every
// pair). Nearly every release is such a string, and asking the norm package
// costs as much as the rest of Canonical.
func isNFKC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Cyrillic, U+0400 to U+04FF, is two bytes led by D0 to D3: told
		// apart by its bytes, without decoding (D2 83 to D2 89 are its
		// combining marks, left to the slow path).
		if c >= 0xD0 && c <= 0xD3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0xBF &&
			!(c == 0xD2 && s[i+1] >= 0x83 && s[i+1] <= 0x89) {
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !nfkcStableRune(r) {
			return false
		}
		i += n
	}
	return true
}

// nfkcStableRune is a rune isNFKC accepts (utf8.RuneError, which stands for
// invalid bytes, is not one).
func nfkcStableRune(r rune) bool {
	switch {
	case r >= 0x0400 && r <= 0x0482, r >= 0x048A && r <= 0x04FF: // Cyrillic, without its combining marks
		return true
	}
	switch r {
	case '«', '»', '–', '—', '‘', '’', '“', '”', '„', '•', '°', '§', '©', '®', '±', '×', '·':
		return true
	}
	return false
}

// nfkc is norm.NFKC.String(s), without the cost when isNFKC knows s is
// already NFKC.
func nfkc(s string) string {
	if isNFKC(s) {
		return s
	}
	return norm.NFKC.String(s)
}
