package textmatch

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
