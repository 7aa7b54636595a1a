package textmatch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchTerms are what a search query looks for (excluded words left
// out), for highlighting: tsquery operands over canonical words, "word:*"
// for a prefix, "word" for the word alone, a place's every form included.
func SearchTerms(q string) []string {
	var terms []string
	for _, tok := range joinPlaces(tokenize(q)) {
		if tok.negated || (tok.text == "OR" && !tok.quoted) {
			continue
		}
		terms = append(terms, phraseLexemes(queryWords(tok.text))...)
	}
	return terms
}

// TermMatches reports whether a canonical word matches a term of
// SearchTerms as the tsquery does: by prefix for "word:*", whole
// otherwise.
func TermMatches(word, term string) bool {
	if p, ok := strings.CutSuffix(term, ":*"); ok {
		return strings.HasPrefix(word, p)
	}
	return word == term
}

// Highlight returns an excerpt of text of about maxWords words around the
// first word matching one of terms, with every matching word wrapped in
// start and stop markers. Words are matched by their canonical form but
// shown as written, so "Shymkent" highlights "Шымкентте" in a Kazakh text.
// With no match it returns the text's first maxWords words.
func Highlight(text string, terms []string, maxWords int, start, stop string) string {
	words := splitWords(text)
	if len(words) == 0 {
		return ""
	}
	matched := make([]bool, len(words))
	first := -1
	for i, w := range words {
		matched[i] = wordMatches(w, terms)
		if matched[i] && first < 0 {
			first = i
		}
	}
	from := 0
	if first > maxWords/3 {
		from = first - maxWords/3
	}
	to := min(len(words), from+maxWords)
	var b strings.Builder
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte(' ')
		}
		if matched[i] {
			lead, core, trail := trimPunct(words[i])
			b.WriteString(lead + start + core + stop + trail)
		} else {
			b.WriteString(words[i])
		}
	}
	return b.String()
}

func wordMatches(w string, terms []string) bool {
	for _, cw := range CanonicalWords(w) {
		for _, t := range terms {
			if TermMatches(cw, t) {
				return true
			}
		}
	}
	return false
}

func splitWords(s string) []string { return strings.Fields(s) }

// trimPunct splits the punctuation around a word off, so that only the word
// is highlighted: «Шымкентте», → «, Шымкентте, »,
func trimPunct(w string) (lead, core, trail string) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	start := strings.IndexFunc(w, isWord)
	if start < 0 {
		return "", w, ""
	}
	end := strings.LastIndexFunc(w, isWord)
	_, size := utf8.DecodeRuneInString(w[end:])
	return w[:start], w[start : end+size], w[end+size:]
}
