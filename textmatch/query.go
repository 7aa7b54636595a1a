package textmatch

import (
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

// phrase is words that must follow each other.
func phrase(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = lexeme(w)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

// KeywordQuery is the tsquery, in to_tsquery('simple', ...) syntax over
// canonical text, that a keyword subscription matches: its canonical words
// as a phrase, each word matching forms that begin with it. "" when the
// keyword has no word.
func KeywordQuery(keyword string) string {
	words := CanonicalWords(keyword)
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
	for _, tok := range tokenize(q) {
		if tok.text == "OR" && !tok.quoted && !tok.negated {
			pendingOr = len(alts) > 0
			continue
		}
		words := CanonicalWords(tok.text)
		if len(words) == 0 {
			continue
		}
		// A token of several canonical words ("Kyzylzhar-2", or a quoted
		// phrase) must match as a phrase.
		term := phrase(words)
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
}

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
