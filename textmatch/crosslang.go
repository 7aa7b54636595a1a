package textmatch

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Cross-language duplicates: the same event told in Kazakh, Russian and
// English shares almost no words, but it shares what no language
// translates: its numbers (265 houses, 2,5 млрд / 2.5 billion, 95%), its
// dates (26 қараша = 26 ноября = 26 November = 26.11.2025), its places
// (places.tsv: Шымкент = Shymkent, Венгрия = Мажарстан = Hungary), the
// names of its people (Сыздықбеков = Сыздыкбеков = Syzdykbekov, as
// Canonical spells them) and its links. Fingerprint collects these as
// features and EventSimilarity weighs what two fingerprints share.

// Feature kinds, the first byte of a feature.
const (
	featNumber = 'n' // a number of two or more digits (not a year), or with a decimal part
	featDate   = 'd' // a day of a month: d:11-26
	featPlace  = 'p' // a places.tsv id
	featName   = 'w' // the start of a capitalised word's canonical skeleton
	featLink   = 'u' // a link in the text
)

// featureWeight is how much a shared feature of each kind says that two
// releases report one event: a number or a link is rarely shared by
// chance, a name less rarely, a place or a day often (one akimat's releases
// of one week share both).
var featureWeight = map[byte]float64{featNumber: 3, featLink: 3, featName: 2, featDate: 1, featPlace: 1}

// nameKeyRunes is how much of a name's skeleton a feature keeps: enough
// to tell names apart, short enough that inflection (Сыздықбековтың,
// Сыздыкбекова) falls after it.
const nameKeyRunes = 6

// commonNames are name keys that releases of every event capitalise: the
// country, the head of state (releases of every kind cite the President's
// instructions), the offices of the state and the words of their titles, which
// English capitalises (Deputy Foreign Minister, State Secretary, Ministry of
// Water Resources and Irrigation) and Kazakh sometimes (Сыртқы істер
// министрі). They say nothing of which event a release reports, and a
// telling in another language has none of them.
var commonNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		kazaks kazak respub republ prezid presid minist memlek govkz akimat akim ukimet pravit govern
		parlam majili senat sirtk kasim kassim jomart tokaev
		deput first vice state secret affair foreig embass ambass consul genera perman missio counci
		chairm chair head depart commit agency office nation intern univer instit econom cooper trade
		trad integr interg water resour irriga agricu health educat scienc energi energy financ justic
		defenc defens emerge transp digita cultur inform touris ecolog labour labor social develo
		region distri city mayor centre center studies words`) {
		commonNames[w] = true
		commonNames[nameKeyOf(w)] = true
	}
}

// demonymEndings are what English adds to a place's name to make its
// adjective (Latvian, Hungarian, Turkish): a capitalised word that is a
// place's key and one of them counts as the place.
var demonymEndings = []string{"ian", "an", "ish", "ese", "i", "n"}

// demonymPlace is the place a capitalised English adjective names, or -1.
func demonymPlace(canon string) int {
	for _, e := range demonymEndings {
		stem, ok := strings.CutSuffix(canon, e)
		if !ok || len(stem) < MinPrefixRunes {
			continue
		}
		for _, f := range places.byFirst[stem] {
			if len(f.keys) == 1 && !f.oneWay {
				return f.place
			}
		}
	}
	return -1
}

// DefaultEventSimilarity is EventSimilarity's threshold for one event. On
// the labelled pairs of testdata/eval/crosslang.jsonl and the fixture
// (crosslang_test.go) every pair of tellings of one event scores at least
// 0.562 (a two-line English telling of the Riga consultations) and every
// pair of different events at most 0.267 (the Kyzylzhar-2 water supply and
// the Kyzylzhar-2 school: one microdistrict, mayor and day); 0.41 sits in
// the middle of that gap. Folding two events into one hides one of them,
// which is worse than showing one twice.
const DefaultEventSimilarity = 0.41

// MinEventWeight is the least weight two fingerprints must share before
// they are taken for one event: a place and a day alone are an akimat's
// every release of that day.
const MinEventWeight = 6

var (
	linkPattern = regexp.MustCompile(`\bhttps?://[^\s<>"«»]+|\bwww\.[^\s<>"«»]+`)
	datePattern = regexp.MustCompile(`\b([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)\b`)
)

// Fingerprint returns the sorted, distinct language-independent features
// of a release's title and body.
func Fingerprint(title, body string) []string {
	var f []string
	text := title + "\n" + body
	// Most releases have no link, and the pattern's search cost a fifth of
	// a fingerprint.
	if strings.Contains(text, "http") || strings.Contains(text, "www.") {
		text = linkPattern.ReplaceAllStringFunc(text, func(l string) string {
			l = strings.ToLower(strings.TrimRight(l, ".,;:)!?"))
			l = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://"), "www.")
			if u, _, _ := strings.Cut(l, "?"); u != "" {
				f = append(f, string(featLink)+":"+strings.TrimRight(u, "/"))
			}
			return " . "
		})
	}
	text = datePattern.ReplaceAllStringFunc(text, func(d string) string {
		m := datePattern.FindStringSubmatch(d)
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
			f = append(f, dateFeature(month, day))
		}
		return " "
	})
	lines := strings.SplitN(text, "\n", 2)
	f = appendTokenFeatures(f, textTokens(lines[0]), titleCased(lines[0]))
	if len(lines) > 1 {
		f = appendTokenFeatures(f, textTokens(lines[1]), false)
	}
	slices.Sort(f)
	return slices.Compact(f)
}

func dateFeature(month, day int) string {
	return string(featDate) + ":" + strconv.Itoa(month) + "-" + strconv.Itoa(day)
}

// textToken is one word or number of a text as written (NFKC), with what
// precedes it.
type textToken struct {
	text    string // as written, case kept
	sep     string // the characters between it and the textToken before
	initial bool   // first of its sentence
}

func textTokens(s string) []textToken {
	var out []textToken
	var b strings.Builder
	sep, initial := "", true
	flush := func() {
		if b.Len() == 0 {
			return
		}
		out = append(out, textToken{text: b.String(), sep: sep, initial: initial})
		b.Reset()
		sep, initial = "", false
	}
	for _, r := range nfkc(s) {
		if isWordRune(unicode.ToLower(r)) {
			// Digits and letters are tokens of their own (265-үй).
			if b.Len() > 0 && isDigit(r) != isDigit(lastRune(b.String())) {
				flush()
			}
			b.WriteRune(r)
			continue
		}
		flush()
		sep += string(r)
		if strings.ContainsRune(".!?\n:;–—•", r) {
			initial = true
		}
	}
	flush()
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// titleCased reports whether a title capitalises most of its words, as
// English titles do: its capitals then mark no names.
func titleCased(s string) bool {
	words, caps := 0, 0
	for _, t := range textTokens(s) {
		if utf8.RuneCountInString(t.text) < 4 || isDigit(lastRune(t.text)) {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*2 > words
}

// appendTokenFeatures adds the numbers, days, places and names of tokens.
func appendTokenFeatures(f []string, toks []textToken, noNames bool) []string {
	// Numbers: digit groups of thousands joined (3 600, 1 200 000, 3,600),
	// a decimal part kept (2,5 and 2.5 alike).
	var words []textToken // the letter tokens, for places and names
	used := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isDigit(lastRune(t.text)) {
			continue
		}
		num, j := t.text, i
		for len(t.text) <= 3 && j+1 < len(toks) && isThousands(toks[j+1]) {
			num += toks[j+1].text
			j++
		}
		if j+1 < len(toks) && (toks[j+1].sep == "," || toks[j+1].sep == ".") && isDigit(lastRune(toks[j+1].text)) &&
			len(toks[j+1].text) != 3 {
			num += "." + toks[j+1].text
			j++
		}
		for k := i; k <= j; k++ {
			used[k] = true
		}
		// A day next to a month is a date.
		if day, err := strconv.Atoi(num); err == nil && day >= 1 && day <= 31 && i == j {
			if m := monthOf(toks, j+1); m > 0 {
				f = append(f, dateFeature(m, day))
				used[j+1] = true
				i = j
				continue
			}
			if m := monthOf(toks, i-1); m > 0 && !used[i-1] {
				f = append(f, dateFeature(m, day))
				used[i-1] = true
				i = j
				continue
			}
		}
		i = j
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			continue
		}
		// 150 мың = 150 тысяч = 150,000; 2,5 млрд = 2.5 billion.
		if j+1 < len(toks) && !isDigit(lastRune(toks[j+1].text)) {
			if scale := scaleWords[strings.ToLower(toks[j+1].text)]; scale > 0 {
				v *= scale
				used[j+1] = true
			}
		}
		if v == float64(int64(v)) && (v < 10 || v >= 1900 && v <= 2100) {
			continue // one digit: too common; a year: every release has one
		}
		f = append(f, string(featNumber)+":"+strconv.FormatFloat(v, 'g', 6, 64))
	}
	for i, t := range toks {
		if !used[i] && !isDigit(lastRune(t.text)) {
			words = append(words, t)
		}
	}
	// Places, then names among the words no place took.
	qw := make([]queryWord, 0, len(words))
	keep := make([]textToken, 0, len(words))
	for _, t := range words {
		raw := strings.ToLower(t.text)
		canon := Canonical(raw)
		if canon == "" {
			continue
		}
		// Stemming is most of the cost: only a word that may be (a word
		// of) a place needs its stems.
		w := queryWord{cands: []string{canon}}
		if mayBePlace(canon) {
			w, _ = queryWordOf(raw)
		}
		qw = append(qw, w)
		keep = append(keep, t)
	}
	for i := 0; i < len(qw); {
		if forms, n := places.match(qw[i:]); n > 0 {
			for _, fm := range forms {
				if id := places.places[fm.place].ID; id != "kazakhstan" {
					f = append(f, string(featPlace)+":"+id)
				}
			}
			i += n
			continue
		}
		if t := keep[i]; !noNames && !t.initial {
			if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsUpper(r) && !isAllCaps(t.text) {
				if p := demonymPlace(qw[i].cands[0]); p >= 0 {
					if id := places.places[p].ID; id != "kazakhstan" {
						f = append(f, string(featPlace)+":"+id)
					}
				} else if key := nameKey(qw[i].cands[0]); key != "" {
					f = append(f, string(featName)+":"+key)
				}
			}
		}
		i++
	}
	return f
}

// placeKeys are the keys of every word of every place form.
var placeKeys = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	for _, forms := range places.forms {
		for _, f := range forms {
			for _, k := range f.keys {
				keys[k] = true
			}
		}
	}
	return keys
})

// mayBePlace reports whether a canonical word begins with a place form's
// word, as every inflected form of one does (a key shorter than
// MinPrefixRunes is a word matched only as itself).
func mayBePlace(canon string) bool {
	keys := placeKeys()
	if keys[canon] {
		return true
	}
	for n := MinPrefixRunes; n < len(canon); n++ {
		if keys[canon[:n]] {
			return true
		}
	}
	return false
}

// isThousands reports whether t continues a number as its next group of
// thousands: three digits after one space or a comma.
func isThousands(t textToken) bool {
	return len(t.text) == 3 && isDigit(lastRune(t.text)) &&
		(t.sep == " " || t.sep == "\u00a0" || t.sep == "\u202f" || t.sep == ",")
}

func isAllCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameKey is the feature of a name's canonical skeleton, or "" for one too
// short or too common to tell events apart.
func nameKey(canon string) string {
	if utf8.RuneCountInString(canon) < 4 {
		return ""
	}
	if key := nameKeyOf(canon); !commonNames[key] {
		return key
	}
	return ""
}

// nameFolds are what Canonical keeps apart but the Latin spellings of
// foreign names do not: š and č are one letter (Pelšs, Пелшс → pelss).
var nameFolds = strings.NewReplacer("sh", "s", "ch", "c")

func nameKeyOf(canon string) string {
	key, _ := Prefix(nameFolds.Replace(canon))
	if len(key) > nameKeyRunes {
		key = key[:nameKeyRunes]
	}
	return key
}

// scaleWords are the words after a number that multiply it, lower case.
var scaleWords = map[string]float64{
	"мың": 1e3, "mıñ": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "thousand": 1e3,
	"млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "mln": 1e6, "million": 1e6,
	"млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "mlrd": 1e9, "billion": 1e9, "bln": 1e9, "bn": 1e9,
	"трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12, "trln": 1e12, "trillion": 1e12,
}

// months are the canonical beginnings of the month names, kk, ru and en.
var months = [][]string{
	{"kantar", "ianvar", "januar"},
	{"akpan", "fevral", "februar"},
	{"nauriz", "mart", "march"},
	{"sauir", "aprel", "april"},
	{"mamir", "mai", "mai"},
	{"mausim", "iiun", "june"},
	{"shilde", "iiul", "juli"},
	{"tamiz", "avgust", "august"},
	{"kirkuiek", "sentiabr", "septemb"},
	{"kazan", "oktiabr", "octob"},
	{"karasha", "noiabr", "novemb"},
	{"jeltoksan", "dekabr", "decemb"},
}

// monthOf is the month (1–12) textToken i names, or 0.
func monthOf(toks []textToken, i int) int {
	if i < 0 || i >= len(toks) {
		return 0
	}
	w := Canonical(toks[i].text)
	for m, names := range months {
		for _, n := range names {
			// мая, май, May, and not maine or mail
			if w == n || strings.HasPrefix(w, n) && (len(n) > 3 || len(w) <= 4) {
				return m + 1
			}
		}
	}
	return 0
}

// EventSimilarity is the weighted Jaccard similarity of two fingerprints
// (as Fingerprint returns them), and the weight they share.
func EventSimilarity(a, b []string) (sim, shared float64) {
	var union float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			union += featureWeight[a[i][0]]
			i++
		case i >= len(a) || b[j] < a[i]:
			union += featureWeight[b[j][0]]
			j++
		default:
			w := featureWeight[a[i][0]]
			shared += w
			union += w
			i++
			j++
		}
	}
	if union == 0 {
		return 0, 0
	}
	return shared / union, shared
}

// FeatureWeight is the weight of one feature of a fingerprint.
func FeatureWeight(f string) float64 { return featureWeight[f[0]] }

// SameEvent reports whether fingerprints a and b report one event at this
// similarity threshold: enough shared weight, and a share of it.
func SameEvent(a, b []string, threshold float64) bool {
	sim, shared := EventSimilarity(a, b)
	return shared >= MinEventWeight && sim >= threshold
}
