package textmatch

import (
	"strings"
	"unicode"
)

// Canonical form of text for matching across scripts and spellings.
//
// People write the same name as Шымкент, Shymkent, Şymkent or SHYMKENT, and
// releases come in Kazakh (Cyrillic and the 2021 Latin alphabet), Russian and
// English. Canonical maps all of them to one Latin skeleton:
//
//  1. Unicode NFKC (full-width letters, ligatures, composed accents).
//  2. Lower case, rune by rune (unicode.ToLower, not Turkish-aware: I→i,
//     İ→i; Kazakh і and Latin ı are left as they are at this step).
//  3. Transliteration by the tables below. It folds і/ı with и/i on
//     purpose: English spellings of Kazakh names do not tell them apart
//     (Іле → Ile).
//  4. Anything but a-z and 0-9 separates words.
//  5. Folds that English spellings need: kh→k (Kazakhstan, Қазақстан),
//     zh→j (Zhetysu, Jetisu), and "ie" → "e" at the start of a word or after
//     a vowel (Yerzhan, Ержан; Tokayev, Токаев). y→i is in the table
//     (Shymkent, Şymkent; Almaty, Алматы).
//
// Cyrillic → Latin:
//
//	а a   ә a   б b   в v   г g   ғ g   д d   е e   ё io  ж j   з z
//	и i   й i   і i   к k   қ k   л l   м m   н n   ң n   о o   ө o
//	п p   р r   с s   т t   у u   ұ u   ү u   ф f   х k   һ h   ц ts
//	ч ch  ш sh  щ sh  ъ -   ы i   ь -   э e   ю iu  я ia
//	(Ukrainian and Belarusian) ї i   є ie  ґ g   ў u
//
// Kazakh 2021 Latin: ä a, ğ g, q k, ñ n, ö o, ū u, ü u, ş sh, ı i, y i;
// other accented Latin letters lose their accent (é e, ç ch).
//
// The database computes the same form with the SQL function
// newsbot_canonical (migrations/00005_canonical.sql, last redefined by
// 00016_ukrainian_letters.sql), generated from these
// tables by SQLCanonicalFunction; a test checks that both agree.
//
// The skeleton is for matching only, never shown. Words are compared by
// prefix (see Prefix), so inflected forms match: Шымкентте → shimkentte
// begins with shimkent.
func Canonical(s string) string {
	s = nfkc(s)
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < caseTableSize {
			b = append(b, runeTable[r]...)
			continue
		}
		b = appendCanonicalRune(b, r)
	}
	return foldWords(b)
}

// foldWords is step 5 on b, words of a-z and 0-9 between spaces: each word
// with its digraphs folded (kh→k, zh→j) and then its iotation
// (foldIotation), the words joined by single spaces.
func foldWords(b []byte) string {
	out := make([]byte, 0, len(b))
	var word []byte
	for i := 0; i < len(b); {
		if b[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != ' ' {
			j++
		}
		word = word[:0]
		for k := i; k < j; k++ {
			c := b[k]
			if (c == 'k' || c == 'z') && k+1 < j && b[k+1] == 'h' {
				k++ // kh→k, zh→j
				if c == 'z' {
					c = 'j'
				}
			}
			word = append(word, c)
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = appendFoldedIotation(out, word)
		i = j
	}
	return string(out)
}

// appendCanonicalRune appends what steps 2 to 4 make of r: its Latin
// letters, nothing, or a space.
func appendCanonicalRune(b []byte, r rune) []byte {
	r = unicode.ToLower(r)
	if t, ok := multiRune[r]; ok {
		return append(b, t...)
	}
	if t, ok := oneRune[r]; ok {
		r = t
	}
	switch {
	case r == dropRune:
		return b
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return append(b, byte(r))
	default:
		return append(b, ' ')
	}
}

// runeTable is appendCanonicalRune for the runes below caseTableSize (Latin
// and Cyrillic, what nearly every release is written in), looked up rather
// than worked out: the maps cost a third of canonicalising a release.
var runeTable = func() (t [caseTableSize]string) {
	for r := range rune(caseTableSize) {
		t[r] = string(appendCanonicalRune(nil, r))
	}
	return t
}()

// CanonicalWords is Canonical split into words.
func CanonicalWords(s string) []string { return strings.Fields(Canonical(s)) }

// dropRune marks letters that vanish (hard and soft signs, apostrophes
// inside words).
const dropRune = '\x00'

// oneRune maps a lower-case letter to one Latin letter (or dropRune).
var oneRune = map[rune]rune{
	// Cyrillic, Russian and Kazakh.
	'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e',
	'ж': 'j', 'з': 'z', 'и': 'i', 'й': 'i', 'і': 'i', 'к': 'k', 'қ': 'k', 'л': 'l',
	'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o', 'п': 'p', 'р': 'r', 'с': 's',
	'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'k', 'һ': 'h', 'ы': 'i',
	'э': 'e', 'ъ': dropRune, 'ь': dropRune,
	// Ukrainian and Belarusian letters, for the names of places there
	// (Київ, Україна, Гомель): ї as i (Kyiv), ґ as g, ў as u.
	'ї': 'i', 'ґ': 'g', 'ў': 'u',
	// Kazakh 2021 Latin, and y written for i.
	'ä': 'a', 'ğ': 'g', 'q': 'k', 'ñ': 'n', 'ö': 'o', 'ū': 'u', 'ü': 'u', 'ı': 'i', 'y': 'i',
	// Other accented Latin letters.
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'ć': 'c', 'č': 'c', 'ď': 'd', 'đ': 'd',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ė': 'e', 'ę': 'e', 'ě': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'į': 'i',
	'ķ': 'k', 'ĺ': 'l', 'ļ': 'l', 'ľ': 'l', 'ł': 'l', 'ń': 'n', 'ņ': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o',
	'ŕ': 'r', 'ř': 'r', 'ś': 's', 'š': 's', 'ș': 's', 'ť': 't', 'ţ': 't', 'ț': 't',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ů': 'u', 'ű': 'u', 'ų': 'u', 'ý': 'i', 'ÿ': 'i',
	'ź': 'z', 'ż': 'z', 'ž': 'z',
	// Apostrophes inside words join rather than split (Almaty's → almatis).
	'\'': dropRune, '’': dropRune, 'ʼ': dropRune,
}

// multiRune maps a lower-case letter to several Latin letters.
var multiRune = map[rune]string{
	'ё': "io", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh", 'ю': "iu", 'я': "ia",
	'є': "ie", // Ukrainian, as ye, which y→i and the iotation fold make of it
	'ş': "sh", 'ç': "ch",
}

// appendFoldedIotation appends w without the i of "ie" at the start of the
// word or after a vowel, looking at the word as it was (not as already
// folded).
func appendFoldedIotation(out, w []byte) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] == 'i' && i+1 < len(w) && w[i+1] == 'e' && (i == 0 || isVowel(w[i-1])) {
			continue
		}
		out = append(out, w[i])
	}
	return out
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
