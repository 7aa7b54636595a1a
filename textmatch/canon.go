package textmatch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
//
// Kazakh 2021 Latin: ä a, ğ g, q k, ñ n, ö o, ū u, ü u, ş sh, ı i, y i;
// other accented Latin letters lose their accent (é e, ç ch).
//
// The database computes the same form with the SQL function
// newsbot_canonical (migrations/00005_canonical.sql), generated from these
// tables by SQLCanonicalFunction; a test checks that both agree.
//
// The skeleton is for matching only, never shown. Words are compared by
// prefix (see Prefix), so inflected forms match: Шымкентте → shimkentte
// begins with shimkent.
func Canonical(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKC.String(s) {
		r = unicode.ToLower(r)
		if t, ok := multiRune[r]; ok {
			b.WriteString(t)
			continue
		}
		if t, ok := oneRune[r]; ok {
			r = t
		}
		switch {
		case r == dropRune:
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(spellingFolds.Replace(b.String()))
	for i, w := range words {
		words[i] = foldIotation(w)
	}
	return strings.Join(words, " ")
}

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
	'ş': "sh", 'ç': "ch",
}

// spellingFolds makes English digraphs agree with the transliteration.
var spellingFolds = strings.NewReplacer("kh", "k", "zh", "j")

// foldIotation drops the i of "ie" at the start of a word or after a vowel,
// looking at the word as it was (not as already folded).
func foldIotation(w string) string {
	if !strings.Contains(w, "ie") {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] == 'i' && i+1 < len(w) && w[i+1] == 'e' && (i == 0 || isVowel(w[i-1])) {
			continue
		}
		b.WriteByte(w[i])
	}
	return b.String()
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
