package textmatch

import "strings"

// QueryTerms counts the words of a tsquery that SearchQuery or KeywordQuery
// built: every operand, whether ANDed, one of an OR, inside a phrase or
// excluded. PostgreSQL reads each one's index entries (a prefix word's, for
// every word it begins) and ranks every match against all of them, so this
// count, not the query's length in characters, is what a query costs: 40
// ORed words took seconds where one takes milliseconds.
func QueryTerms(tsquery string) int {
	n := 0
	inWord := false
	for i := 0; i < len(tsquery); i++ {
		c := tsquery[i]
		// Canonical words contain only [a-z0-9]; the rest is operators,
		// parentheses, spaces and the ":*" of prefixes.
		w := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if w && !inWord {
			n++
		}
		inWord = w
	}
	return n
}

// TypedTerms counts the words of a /search query as the user typed them:
// every canonical word of every token but the OR operator, quoted,
// alternative or excluded alike. This is what the bot's cap counts: a place
// name or an inflected word that the query expands into its other forms
// (QueryTerms of SearchQuery counts those too) is still one word typed.
func TypedTerms(words string) int {
	n := 0
	for _, f := range strings.Fields(words) {
		if f == "OR" {
			continue
		}
		n += len(strings.Fields(Canonical(f)))
	}
	return n
}
