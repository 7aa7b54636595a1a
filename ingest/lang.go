package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Letters that Kazakh has and Russian and English lack, in both alphabets
// (Cyrillic, and the 2021 Latin one).
const (
	kazakhCyrillic = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
	kazakhLatin    = "äğñöūüşıÄĞÑÖŪÜŞ"
)

// DetectLang guesses the language of a release from its text: the body when
// it has letters, else the title. It is a small honest heuristic, not a
// classifier: Cyrillic text is Kazakh when Kazakh-only letters make up at
// least 2% of its letters, Russian otherwise; Latin text is English unless
// Kazakh Latin letters pass the same bar. Capitalised words are not counted
// towards Kazakh, because in Russian and English texts those letters come
// in names (Әлихан Бөкейханов, Düsseldorf), unless the text is nothing but
// names. It returns "" when there are no letters.
//
// The ?lang= of a source URL is not used: the aggregator links the original
// in one language and republishes a translation in another.
func DetectLang(title, body string) string {
	if lang := detectText(body); lang != "" {
		return lang
	}
	return detectText(title)
}

func detectText(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	c := countLetters(words, true)
	if c.plain == 0 { // only names, as in a one-word title: count them
		c = countLetters(words, false)
	}
	switch {
	case c.cyr == 0 && c.lat == 0:
		return ""
	case c.cyr >= c.lat && c.cyrKK > 0 && c.cyrKK*50 >= c.cyr:
		return "kk"
	case c.cyr >= c.lat:
		return "ru"
	case c.latKK > 0 && c.latKK*50 >= c.lat:
		return "kk"
	}
	return "en"
}

type letterCounts struct {
	cyr, cyrKK, lat, latKK int
	plain                  int // words that are not names
}

// countLetters counts Cyrillic and Latin letters, and the Kazakh-only ones
// among them, leaving names out of the Kazakh counts when skipNames is set.
func countLetters(words []string, skipNames bool) letterCounts {
	var c letterCounts
	for _, w := range words {
		name := skipNames && isCapitalised(w)
		if !name {
			c.plain++
		}
		for _, r := range w {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				c.cyr++
				if !name && strings.ContainsRune(kazakhCyrillic, r) {
					c.cyrKK++
				}
			case unicode.Is(unicode.Latin, r):
				c.lat++
				if !name && strings.ContainsRune(kazakhLatin, r) {
					c.latKK++
				}
			}
		}
	}
	return c
}

// isCapitalised reports whether w looks like a name: an upper-case letter
// followed by lower-case ones. Words in capitals (headlines) are not names.
func isCapitalised(w string) bool {
	first, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(first) && strings.ContainsFunc(w[size:], unicode.IsLower)
}
