package subscriptions

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Canonical form of text for matching across scripts and spellings.
//
// People write the same name as Шымкент, Shymkent, Şymkent or SHYMKENT, and
// releases come in Kazakh (Cyrillic and the 2021 Latin alphabet), Russian and
// English. Canonical maps all of them to one Latin skeleton, in three steps:
//
//  1. Unicode NFKC (full-width letters, ligatures, composed accents).
//  2. Case folding rune by rune with unicode.ToLower, which is not Turkish
//     aware: I→i, İ→i, and Kazakh і and Latin ı are left as they are (they
//     are not confused with и or i here). The table below then folds them
//     on purpose, because English spellings of Kazakh names do not
//     distinguish them (Іле → Ile).
//  3. Transliteration by the table, then a few folds that English spellings
//     need: kh→k (Kazakhstan, Қазақстан), zh→j (Zhetysu, Jetisu), y→i
//     (Shymkent, Şymkent; Almaty, Алматы), and "ie" → "e" at the start of
//     a word or after a vowel (Yerzhan, Ержан; Tokayev, Токаев).
//
// The table (Cyrillic → Latin):
//
//	а a   ә a   б b   в v   г g   ғ g   д d   е e   ё io  ж j   з z
//	и i   й i   і i   к k   қ k   л l   м m   н n   ң n   о o   ө o
//	п p   р r   с s   т t   у u   ұ u   ү u   ф f   х k   һ h   ц ts
//	ч ch  ш sh  щ sh  ъ -   ы i   ь -   э e   ю iu  я ia
//
// Kazakh 2021 Latin and other letters: ä a, ğ g, q k, ñ n, ö o, ū u, ü u,
// ş sh, ç ch, ı i, y i, j j; any other accented Latin letter loses its
// accent. Digits stay; everything else separates words.
//
// The skeleton is for matching only: it is never shown. Words of it are
// compared by prefix (see KeywordQuery), so inflected forms match:
// Шымкентте → shimkentte begins with shimkent.
func Canonical(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKC.String(s) {
		r = unicode.ToLower(r)
		if t, ok := translit[r]; ok {
			b.WriteString(t)
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteString(stripAccent(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(foldSpellings(b.String()))
	for i, w := range words {
		words[i] = foldIotation(w)
	}
	return strings.Join(words, " ")
}

// foldIotation drops the i of "ie" at the start of a word or after a vowel:
// English writes Е there as "ye" (Yerzhan, Tokayev), transliterated Cyrillic
// has a bare e (Ержан, Токаев).
func foldIotation(w string) string {
	if !strings.Contains(w, "ie") {
		return w
	}
	b := []byte(w)
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == 'i' && i+1 < len(b) && b[i+1] == 'e' && (i == 0 || isVowel(b[i-1])) {
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// CanonicalWords is Canonical split into words.
func CanonicalWords(s string) []string { return strings.Fields(Canonical(s)) }

var translit = map[rune]string{
	'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d", 'е': "e",
	'ё': "io", 'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'і': "i", 'к': "k", 'қ': "k",
	'л': "l", 'м': "m", 'н': "n", 'ң': "n", 'о': "o", 'ө': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ұ': "u", 'ү': "u", 'ф': "f", 'х': "k", 'һ': "h",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e",
	'ю': "iu", 'я': "ia",
	// Kazakh 2021 Latin and neighbours.
	'ä': "a", 'ğ': "g", 'q': "k", 'ñ': "n", 'ö': "o", 'ū': "u", 'ü': "u", 'ş': "sh",
	'ç': "ch", 'ı': "i", 'y': "i",
	// Apostrophes inside words (Kazakh 1993 Latin drafts, English possessives
	// are handled by the prefix match) join rather than split.
	'\'': "", '’': "", 'ʼ': "",
}

// foldSpellings makes English digraphs agree with the transliteration:
// kh→k and zh→j. Done on the whole string after transliteration, so that
// Cyrillic х (→k) and English "kh" end up alike.
func foldSpellings(s string) string {
	if !strings.Contains(s, "h") {
		return s
	}
	return spellingFolds.Replace(s)
}

var spellingFolds = strings.NewReplacer("kh", "k", "zh", "j")

// stripAccent removes diacritics from a Latin letter (é → e); a letter of
// another script is kept as it is.
func stripAccent(r rune) string {
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, d)
		}
	}
	return string(out)
}
