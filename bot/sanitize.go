package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText removes from user text what must never be stored or shown:
//   - NUL, which PostgreSQL refuses (error 22021, failing the command),
//     and every other C0 and C1 control but newline and tab: terminal
//     escapes, bells;
//   - format characters (Unicode category Cf): bidi overrides and isolates
//     (U+202A–U+202E, U+2066–U+2069), which reorder the text around them, so
//     a keyword could make a group's list show a name it is not; zero-width
//     spaces and joiners (U+200B–U+200D), marks (U+200E, U+200F), the BOM
//     (U+FEFF), the soft hyphen (U+00AD) and tag characters, which make two
//     words that look the same differ, or split one word in two for
//     matching.
//
// Removing the zero-width joiner and non-joiner loses nothing in Kazakh,
// Russian or English; in an emoji sequence it leaves the emoji side by side.
// Invalid UTF-8 becomes U+FFFD. Commands' arguments pass through it once,
// where they are parsed (parseCommand).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, unwanted) < 0 { // nearly always: spare the copy
		return s
	}
	return strings.Map(func(r rune) rune {
		if unwanted(r) {
			return -1
		}
		return r
	}, s)
}

func unwanted(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
