package textmatch

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MinPrefixRunes is the shortest canonical word that also matches the word
// forms beginning with it (Шымкент → Шымкентте, Almaty → Almaty's). Shorter
// words match only exactly: "su" (water) must not find "sultan".
const MinPrefixRunes = 4

// lexeme is one canonical word as a tsquery operand.
func lexeme(w string) string {
	if p, ok := Prefix(w); ok {
		return p + ":*"
	}
	return w
}

// Prefix is what a canonical query word matches the beginning of, and
// whether it is long enough to match by prefix at all. Russian and Kazakh
// inflection replaces or extends a final vowel (Астана → Астане, Астаны;
// водоснабжение → водоснабжения; Almaty → Алматинской), so trailing vowels
// are dropped from words of more than MinPrefixRunes letters, down to
// MinPrefixRunes.
func Prefix(w string) (string, bool) {
	if utf8.RuneCountInString(w) < MinPrefixRunes {
		return w, false
	}
	for len(w) > MinPrefixRunes && isVowel(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w, true
}

// queryWord is one word of a query: what it matches by itself (its
// inflection taken off, see stem.go), and the canonical forms it may be a
// place form under (see places.go): the word, and every stem it may hide.
type queryWord struct {
	lexeme string   // tsquery operand
	cands  []string // canonical words, the word itself first
}

// queryWords reads text as query words.
func queryWords(text string) []queryWord {
	var out []queryWord
	for _, raw := range rawWords(text) {
		if w, ok := queryWordOf(raw); ok {
			out = append(out, w)
		}
	}
	return out
}

// queryWordOf reads one raw word (lower case, as written) as a query word;
// false for a word with nothing Canonical keeps.
func queryWordOf(raw string) (queryWord, bool) {
	canon := Canonical(raw)
	if canon == "" {
		return queryWord{}, false
	}
	w := queryWord{lexeme: lexeme(canon), cands: []string{canon}}
	// A stem too short to match by prefix would find less than the
	// word (let's is no let + 's: let would match only itself).
	if stem := Canonical(generalStem(raw)); utf8.RuneCountInString(stem) >= MinPrefixRunes {
		w.lexeme = lexeme(stem)
	}
	for _, s := range stemCandidates(raw) {
		if c := Canonical(s); c != "" && !slices.Contains(w.cands, c) {
			w.cands = append(w.cands, c)
		}
	}
	return w, true
}

// phrase is words that must follow each other; a place among them stands
// for the OR of its forms.
func phrase(words []queryWord) string {
	var parts []string
	for _, alts := range phraseParts(words) {
		parts = append(parts, orGroup(alts))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

// phraseLexemes are the tsquery operands phrase(words) looks for, for
// highlighting.
func phraseLexemes(words []queryWord) []string {
	var out []string
	for i := 0; i < len(words); {
		forms, n := places.match(words[i:])
		if n == 0 {
			out = append(out, words[i].lexeme)
			i++
			continue
		}
		for _, f := range forms {
			out = append(out, f.lexemes...)
		}
		for _, w := range words[i : i+n] {
			out = append(out, w.lexeme)
		}
		i += n
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// phraseParts are the positions of a phrase, each with its alternatives:
// a word's own lexeme, or for the words that name a place, the place's
// forms. The words' own phrase stays among them unless the form they
// matched is marked to look for less (see places.go): so a place never
// finds less than its words would.
func phraseParts(words []queryWord) [][]string {
	var parts [][]string
	for i := 0; i < len(words); {
		forms, n := places.match(words[i:])
		if n == 0 {
			parts = append(parts, []string{words[i].lexeme})
			i++
			continue
		}
		var alts []string
		if !forms[0].marked {
			own := make([]string, n)
			for j, w := range words[i : i+n] {
				own[j] = w.lexeme
			}
			alts = append(alts, phraseOf(own))
		}
		for _, f := range forms {
			if q := f.query(); !slices.Contains(alts, q) {
				alts = append(alts, q)
			}
		}
		parts = append(parts, alts)
		i += n
	}
	return parts
}

// phraseOf is lexemes that must follow each other.
func phraseOf(lexemes []string) string {
	if len(lexemes) == 1 {
		return lexemes[0]
	}
	return "(" + strings.Join(lexemes, " <-> ") + ")"
}

// KeywordQuery is the tsquery, in to_tsquery('simple', ...) syntax over
// canonical text, that a keyword subscription matches: its words as a
// phrase, each word matching forms that begin with it (or with its stem),
// a place matching any of its names. "" when the keyword has no word.
func KeywordQuery(keyword string) string {
	words := queryWords(keyword)
	if len(words) == 0 {
		return ""
	}
	return phrase(words)
}

// SearchQuery turns a /search query in web-search syntax — "quoted phrase",
// OR between alternatives, -word or -"phrase" to exclude, otherwise all
// words — into a tsquery over canonical text. Canonical words contain only
// [a-z0-9], so no quoting is needed. "" when nothing searchable is left.
func SearchQuery(q string) string {
	var clauses []string // AND of clauses; a clause is an OR of terms
	var alts []string
	pendingOr := false
	flush := func() {
		if len(alts) > 0 {
			clauses = append(clauses, orGroup(alts))
			alts = nil
		}
	}
	for _, tok := range joinPlaces(tokenize(q)) {
		if tok.text == "OR" && !tok.quoted && !tok.negated {
			pendingOr = len(alts) > 0
			continue
		}
		words := queryWords(tok.text)
		if len(words) == 0 {
			continue
		}
		// A token of several canonical words ("Kyzylzhar-2", or a quoted
		// phrase) must match as a phrase. Words typed apart that name a
		// place (East Kazakhstan, Nur Sultan) are the place, or the words
		// anywhere as before.
		term := phrase(words)
		if len(tok.parts) > 0 {
			var each []string
			for _, part := range tok.parts {
				each = append(each, phrase(queryWords(part)))
			}
			term = "((" + strings.Join(each, " & ") + ") | " + term + ")"
		}
		if tok.negated {
			flush()
			clauses = append(clauses, "!"+term)
			pendingOr = false
			continue
		}
		if !pendingOr {
			flush()
		}
		alts = append(alts, term)
		pendingOr = false
	}
	flush()
	// A query of exclusions only would match nearly everything.
	positive := false
	for _, c := range clauses {
		positive = positive || !strings.HasPrefix(c, "!")
	}
	if !positive {
		return ""
	}
	return strings.Join(clauses, " & ")
}

func orGroup(terms []string) string {
	if len(terms) == 1 {
		return terms[0]
	}
	return "(" + strings.Join(terms, " | ") + ")"
}

type token struct {
	text    string
	quoted  bool
	negated bool
	parts   []string // the words typed apart that joinPlaces made one place
}

// joinPlaces makes one token of consecutive plain words that together are
// exactly the name of a place of several words (East Kazakhstan, Nur
// Sultan, Алматы облысы), longest first.
func joinPlaces(toks []token) []token {
	plain := func(t token) bool { return !t.quoted && !t.negated && t.text != "OR" }
	var out []token
	for i := 0; i < len(toks); {
		joined := false
		for j := min(len(toks), i+maxPlaceWords); j > i+1 && !joined; j-- {
			run := toks[i:j]
			if !slices.ContainsFunc(run, func(t token) bool { return !plain(t) }) {
				var parts []string
				for _, t := range run {
					parts = append(parts, t.text)
				}
				words := queryWords(strings.Join(parts, " "))
				if _, n := places.match(words); n == len(words) && n > 0 {
					out = append(out, token{text: strings.Join(parts, " "), parts: parts})
					i, joined = j, true
				}
			}
		}
		if !joined {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

// maxPlaceWords is the most tokens joinPlaces tries to join.
const maxPlaceWords = 6

// tokenize splits web-search syntax into words and quoted phrases, each
// possibly negated by a leading minus. An unclosed quote runs to the end.
func tokenize(q string) []token {
	var toks []token
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		if isSpaceRune(r) {
			i++
			continue
		}
		neg := false
		if r == '-' && i+1 < len(rs) && !isSpaceRune(rs[i+1]) {
			neg = true
			i++
		}
		if close, ok := closingQuote(rs[i]); ok {
			j := i + 1
			for j < len(rs) && rs[j] != close {
				j++
			}
			toks = append(toks, token{text: string(rs[i+1 : min(j, len(rs))]), quoted: true, negated: neg})
			i = j + 1
			continue
		}
		j := i
		for j < len(rs) && !isSpaceRune(rs[j]) {
			j++
		}
		toks = append(toks, token{text: string(rs[i:j]), negated: neg})
		i = j
	}
	return toks
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' }

func closingQuote(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '«':
		return '»', true
	case '“':
		return '”', true
	case '„':
		return '“', true
	}
	return 0, false
}
