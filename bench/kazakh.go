package bench

import (
	"strings"
	"unicode"
)

// Kazakh case endings follow vowel harmony (the word's last vowel: back
// а о ұ ы, front ә ө ү і е и) and the sound the word ends with, so the
// generated text carries the inflected forms real releases have
// (Шымкентте, Астананың, Павлодарға) and the matcher's prefix rule is
// exercised as it is on real data.

// kkCase is a Kazakh grammatical case the generator inflects place names in.
type kkCase int

const (
	kkNom kkCase = iota
	kkLoc        // -да/-де/-та/-те: "in"
	kkGen        // -ның/-нің/-дың/-дің/-тың/-тің: "of"
	kkDat        // -ға/-ге/-қа/-ке: "to"
)

// inflectKK puts a Kazakh (Cyrillic) name in case c. Names ending in a
// possessive (Алматы облысы, Абай ауданы) take the n-forms: облысында,
// облысының, облысына.
func inflectKK(name string, c kkCase) string {
	if c == kkNom || name == "" {
		return name
	}
	front := frontWord(name)
	pick := func(back, fr string) string {
		if front {
			return fr
		}
		return back
	}
	if possessive(name) {
		return name + [...]string{"", pick("нда", "нде"), pick("ның", "нің"), pick("на", "не")}[c]
	}
	last := lastRune(name)
	switch {
	case isKKVowel(last) || strings.ContainsRune("мнң", last):
		return name + [...]string{"", pick("да", "де"), pick("ның", "нің"), pick("ға", "ге")}[c]
	case strings.ContainsRune("лрйужз", last):
		return name + [...]string{"", pick("да", "де"), pick("дың", "дің"), pick("ға", "ге")}[c]
	default: // voiceless, and voiced stops devoiced at the end of a word
		return name + [...]string{"", pick("та", "те"), pick("тың", "тің"), pick("қа", "ке")}[c]
	}
}

func possessive(name string) bool {
	return strings.HasSuffix(name, " облысы") || strings.HasSuffix(name, " ауданы")
}

// frontWord reports whether the last vowel of the word is a front vowel.
// у and ю are skipped: after а (Атырау) they keep the back series.
func frontWord(name string) bool {
	rs := []rune(strings.ToLower(name))
	for i := len(rs) - 1; i >= 0; i-- {
		switch {
		case strings.ContainsRune("әөүіеиэ", rs[i]):
			return true
		case strings.ContainsRune("аоұыя", rs[i]):
			return false
		}
	}
	return false
}

func isKKVowel(r rune) bool {
	return strings.ContainsRune("аәеоөұүыіиэюя", unicode.ToLower(r))
}

func lastRune(s string) rune {
	rs := []rune(strings.ToLower(s))
	return rs[len(rs)-1]
}

// kkLatin is the Kazakh Latin alphabet of 2021, letter by letter.
var kkLatin = map[rune]string{
	'а': "a", 'ә': "ä", 'б': "b", 'в': "v", 'г': "g", 'ғ': "ğ", 'д': "d", 'е': "e", 'ё': "io",
	'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'қ': "q", 'л': "l", 'м': "m", 'н': "n",
	'ң': "ñ", 'о': "o", 'ө': "ö", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "ū",
	'ү': "ü", 'ф': "f", 'х': "h", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "ş", 'щ': "şş", 'ъ': "",
	'ы': "y", 'і': "ı", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
}

// toKKLatin writes Kazakh Cyrillic text in the 2021 Latin alphabet, as the
// Latin-script Kazakh releases are written (Şymkent, Qazaqstan).
func toKKLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		lat, ok := kkLatin[unicode.ToLower(r)]
		switch {
		case !ok:
			b.WriteRune(r)
		case unicode.IsUpper(r):
			b.WriteString(upperFirst(lat))
		default:
			b.WriteString(lat)
		}
	}
	return b.String()
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
