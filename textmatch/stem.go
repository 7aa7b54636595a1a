package textmatch

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Inflection: a query word typed with a Kazakh case, possessive or plural
// ending (Шымкентте, облысының, мектептерде, Almatyda), a Russian ending
// that prefix matching alone does not absorb (Шымкентом, Бурлинского) or an
// English possessive (Shymkent's) should find what its stem finds. The
// stem is a prefix of the word, so matching by it only ever adds hits; the
// rules are there to keep what it adds right.
//
// Kazakh endings follow the stem they are attached to, and that is what
// tells a Kazakh ending from the end of a Russian word: the ending's vowel
// agrees with the stem's last vowel (back а о ұ ы, front ә е ө ү і), and its
// first consonant with the stem's last sound (Шымкентте, Алматыда,
// Қазақстанның, Оралдың, Шымкенттің). So «проекте» may lose «те» (after к,
// front е), but «команде» may not lose «де» (back а, front ending), nor
// «работа» «та» (т never follows a vowel), nor «поддержка» «ка» (after ж
// the dative is ға/ге). On top of that a stem must keep MinStemRunes
// letters, and a word ending in -стан keeps it (Қазақстан, Туркестан are
// not «Қазақс» + «тан»). Latin words go through the Kazakh rules only when
// they have a letter of the 2021 alphabet English has not (Budapeştte):
// English words end in -ter, -da, -men too. Place names are looked up with
// every candidate stem whatever its length (Оралда → Орал): the table
// confirms them (see places.go).
//
// How well the rules do is measured, not guessed: TestStemRules runs them
// over every word of the evaluation corpus and the fixture.

// MinStemRunes is the shortest stem the general rules leave: «Канада» must
// not become «Кана» (канал), «қалада» stays as it is.
const MinStemRunes = 5

// The classes of the sound an ending follows, as kazakhEndings name them:
//
//	v  a vowel (а, е, ы, и, …)
//	s  a sonorant: л р у й
//	n  a nasal: м н ң
//	z  a voiced consonant: ж з, and б в г д ғ, which also count as k
//	   (Тоқаевтың: a final в sounds voiceless)
//	k  a voiceless consonant: к қ п с т ф х һ ц ч ш щ
//	p  a third-person possessive ы/і after a consonant: облыс-ы-нда
//	l  what -лар/-лер follows: vowels and р у й (not л: Орал-дар)

// kazakhEnding is one Kazakh ending in its back and front forms (one form
// when it has no vowel to harmonise), and the stems it follows.
type kazakhEnding struct {
	back, front string
	after       string // stem classes, as above
}

// caseEndings are the Kazakh case endings: locative, locative + -ғы,
// genitive, dative, accusative, ablative, instrumental, and the forms after
// a possessive.
var caseEndings = []kazakhEnding{
	{"дағы", "дегі", "vsnz"}, {"тағы", "тегі", "k"}, {"ндағы", "ндегі", "p"},
	{"да", "де", "vsnz"}, {"та", "те", "k"}, {"нда", "нде", "p"},
	{"ның", "нің", "vnp"}, {"дың", "дің", "sz"}, {"тың", "тің", "k"},
	{"ға", "ге", "vsnz"}, {"қа", "ке", "k"}, {"на", "не", "p"},
	{"ды", "ді", "snz"}, {"ты", "ті", "k"},
	{"дан", "ден", "vsz"}, {"нан", "нен", "np"}, {"тан", "тен", "k"},
	{"мен", "мен", "vsnp"}, {"бен", "бен", "nz"}, {"пен", "пен", "k"},
}

// placeCaseEndings are case endings cut only from place names: they end
// too many words that are not inflected so. The accusative -н after a
// possessive (Шымкентін) ends roots (тұрғын, жақын); the accusative -ны/-ні
// after a vowel (Астананы) ends a possessed -н word (науқан-ы is not
// науқа-ны) and Russian participles (рассчитаны).
var placeCaseEndings = append([]kazakhEnding{{"н", "н", "p"}, {"ны", "ні", "v"}}, caseEndings...)

// pluralEndings come before the case endings: мектеп-тер-де.
var pluralEndings = []kazakhEnding{{"лар", "лер", "l"}, {"дар", "дер", "nz"}, {"тар", "тер", "k"}}

// russianEndings are the Russian case endings that end in a consonant or
// leave one behind, which dropping final vowels (Prefix) does not undo:
// Шымкентом, Бурлинского, школами; longest first. -ов/-ев are left: they
// end surnames (Токаев). -им only after -ск/-цк, which stay: it ends names
// (Рахим, Максим).
// The adjective endings -ому/-ему/-ого/-его need a stem of five letters
// (систему is систем-у, not сист-ему).
var russianEndings = []struct {
	ending, keep string
	min          int
}{
	{"ского", "ск", 4}, {"цкого", "цк", 4}, {"ским", "ск", 4}, {"цким", "цк", 4},
	{"ому", "", 5}, {"ему", "", 5}, {"ого", "", 5}, {"его", "", 5},
	{"ыми", "", 4}, {"ими", "", 4}, {"ами", "", 4}, {"ями", "", 4},
	{"ом", "", 4}, {"ем", "", 4}, {"ам", "", 4}, {"ям", "", 4}, {"ах", "", 4}, {"ях", "", 4},
	{"ым", "", 4}, {"ых", "", 4}, {"их", "", 4},
}

// cyrillic vowel classes for harmony.
const (
	backVowels    = "аоұыяё"
	frontVowels   = "әеөүіэ"
	neutralVowels = "иую"
	kazakhOnly    = "әғқңөұүһі"
	kazakhLatin   = "äğñöūüşı"
)

// generalStem is the stem of a raw (lower-case, as written) word the
// general rules are confident of, or the word itself. A Cyrillic word
// without a Kazakh letter may be Russian (команда is not коман + да), so
// its stem must be a letter longer.
func generalStem(w string) string {
	if s, ok := cutPossessive(w); ok {
		return s
	}
	if isCyrillic(w) || strings.ContainsAny(w, kazakhLatin) {
		min := MinStemRunes
		if !strings.ContainsAny(w, kazakhOnly+kazakhLatin) {
			min++
		}
		if s := cutKazakh(w, min, false); s != w {
			return s
		}
	}
	if isCyrillic(w) {
		return cutRussian(w)
	}
	return w
}

// stemCandidates are every stem a place name may hide under: what the
// Kazakh rules leave at any length, with the ending's first consonant kept
// too (Будапештегі is Будапешт + (т)егі written with one т), what the
// Russian rules leave, and the word without an English possessive.
func stemCandidates(w string) []string {
	var out []string
	if s, ok := cutPossessive(w); ok {
		out = append(out, s)
	}
	for _, stem := range kazakhStems(w, 3, true) {
		out = append(out, stem)
		if r, _ := utf8.DecodeRuneInString(w[len(stem):]); strings.ContainsRune("дтdt", r) {
			out = append(out, stem+string(r))
		}
	}
	if s := cutRussian(w); s != w {
		out = append(out, s)
	}
	return out
}

// cutPossessive takes an English possessive off: Shymkent's, Almaty’s.
func cutPossessive(w string) (string, bool) {
	for _, p := range []string{"'s", "’s", "ʼs"} {
		if s, ok := strings.CutSuffix(w, p); ok && s != "" {
			return s, true
		}
	}
	return w, false
}

// cutKazakh is the shortest of kazakhStems, or w.
func cutKazakh(w string, minRunes int, places bool) string {
	stems := kazakhStems(w, minRunes, places)
	if len(stems) == 0 {
		return w
	}
	return stems[len(stems)-1]
}

// kazakhStems are the stems w leaves as its Kazakh endings come off from
// the outside in: a case ending, then a plural (with the possessive ы/і
// between them: жұмыс-тар-ы-нда), each stem keeping minRunes letters. With
// places, the endings too often the end of a root count as well.
func kazakhStems(w string, minRunes int, places bool) []string {
	if strings.HasSuffix(w, "стан") || strings.HasSuffix(w, "stan") {
		return nil
	}
	var stems []string
	cases := caseEndings
	if places {
		cases = placeCaseEndings
	}
	if e, ok := kazakhCut(w, minRunes, cases); ok {
		w = w[:len(w)-len(e)]
		stems = append(stems, w)
	}
	for _, s := range []string{w, trimPossessive(w)} {
		if e, ok := kazakhCut(s, minRunes, pluralEndings); ok && s != "" {
			return append(stems, s[:len(s)-len(e)])
		}
	}
	return stems
}

// trimPossessive drops a final possessive ы/і (or "" when there is none).
func trimPossessive(w string) string {
	for _, p := range []string{"ы", "і", "y", "ı", "i"} {
		if s, ok := strings.CutSuffix(w, p); ok {
			return s
		}
	}
	return ""
}

// kazakhCut is the longest of endings w may lose.
func kazakhCut(w string, minRunes int, endings []kazakhEnding) (string, bool) {
	best := ""
	for _, e := range endings {
		for _, form := range endingForms(e, !isCyrillic(w)) {
			if len(form) <= len(best) || !strings.HasSuffix(w, form) {
				continue
			}
			stem := w[:len(w)-len(form)]
			if utf8.RuneCountInString(stem) < minRunes || !follows(stem, form, e) {
				continue
			}
			best = form
		}
	}
	return best, best != ""
}

// endingForms are the spellings of an ending: Cyrillic, or its 2021 Latin
// transliterations (with the ASCII letters people type for ğ, ñ, ı). They
// are spelt once (the fingerprint of every release of a digest's window
// stems its words).
func endingForms(e kazakhEnding, latin bool) []string {
	if f, ok := spelledEndings()[endingSpelling{e, latin}]; ok {
		return f
	}
	return spellEnding(e, latin)
}

type endingSpelling struct {
	e     kazakhEnding
	latin bool
}

var spelledEndings = sync.OnceValue(func() map[endingSpelling][]string {
	m := map[endingSpelling][]string{}
	for _, list := range [][]kazakhEnding{caseEndings, placeCaseEndings, pluralEndings} {
		for _, e := range list {
			for _, latin := range []bool{false, true} {
				m[endingSpelling{e, latin}] = spellEnding(e, latin)
			}
		}
	}
	return m
})

func spellEnding(e kazakhEnding, latin bool) []string {
	forms := []string{e.back}
	if e.front != e.back {
		forms = append(forms, e.front)
	}
	if !latin {
		return forms
	}
	var out []string
	for _, f := range forms {
		l := latinEnding.Replace(f)
		out = append(out, l, asciiEnding.Replace(l))
		if strings.Contains(l, "ı") {
			out = append(out, strings.ReplaceAll(l, "ı", "i"))
		}
	}
	return out
}

var (
	latinEnding = strings.NewReplacer("а", "a", "е", "e", "ы", "y", "і", "ı", "ғ", "ğ", "қ", "q", "ң", "ñ",
		"д", "d", "т", "t", "н", "n", "л", "l", "р", "r", "м", "m", "б", "b", "п", "p", "к", "k", "г", "g")
	asciiEnding = strings.NewReplacer("ğ", "g", "ñ", "n", "ı", "i", "q", "k")
)

// follows reports whether ending form of e may follow stem: its first
// consonant agrees with the stem's last sound, and its vowel with the
// stem's last vowel (Cyrillic only: the Latin skeleton of a vowel does not
// say whether it is back or front).
func follows(stem, form string, e kazakhEnding) bool {
	if !strings.ContainsAny(stemClasses(stem), e.after) {
		return false
	}
	if !isCyrillic(stem) || e.front == e.back {
		return true
	}
	v := lastVowel(stem)
	switch {
	case v == 0:
		return false
	case strings.ContainsRune(neutralVowels, v):
		return true
	case strings.ContainsRune(backVowels, v):
		return form == e.back
	default:
		return form == e.front
	}
}

// stemClasses are the classes of the sound a stem ends with (see the
// constants): a stem ending in ы/і after a consonant is possessed and ends
// in a vowel; a final б в г д takes either consonant.
func stemClasses(stem string) string {
	s := strings.TrimRight(stem, "ьъ'’")
	last, size := utf8.DecodeLastRuneInString(s)
	if size == 0 {
		return ""
	}
	before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	switch {
	case strings.ContainsRune("ыі", last) && size < len(s) && !isVowelRune(before):
		return "pvl"
	case (last == 'у' || last == 'u' || last == 'w') && isVowelRune(before):
		return "sl"
	case isVowelRune(last):
		return "vl"
	case last == 'л' || last == 'l':
		return "s"
	case strings.ContainsRune("рйr", last):
		return "sl"
	case strings.ContainsRune("мнңmnñ", last):
		return "n"
	case strings.ContainsRune("жзjz", last):
		return "z"
	case strings.ContainsRune("бвгдғbvgdğ", last):
		return "zk"
	case strings.ContainsRune("кқпстфхһцчшщkqpstfhşcç", last):
		return "k"
	}
	return ""
}

func isVowelRune(r rune) bool {
	return strings.ContainsRune(backVowels+frontVowels+neutralVowels+"эaäeıioöuūüy", r)
}

// lastVowel is the vowel harmony reads. The е of a surname's -ев does not
// count: Тоқаевтың, Ашықбаевқа.
func lastVowel(s string) rune {
	if t, ok := strings.CutSuffix(s, "ев"); ok && t != "" {
		s = t
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if strings.ContainsRune(backVowels+frontVowels+neutralVowels, r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return 0
}

// cutRussian takes off one Russian ending of russianEndings from a word
// with no Kazakh letter (шақырым, a kilometre, is no Russian -ым).
func cutRussian(w string) string {
	if strings.ContainsAny(w, kazakhOnly) {
		return w
	}
	for _, e := range russianEndings {
		s, ok := strings.CutSuffix(w, e.ending)
		if ok && utf8.RuneCountInString(strings.TrimRight(s, "ьъ"))+utf8.RuneCountInString(e.keep) >= e.min {
			return s + e.keep
		}
	}
	return w
}

func isCyrillic(w string) bool {
	for _, r := range w {
		if r >= 0x400 && r <= 0x4FF {
			return true
		}
	}
	return false
}
