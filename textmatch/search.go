package textmatch

import (
	"errors"
	"strings"
	"time"
)

// ErrBadSince is a since: filter that is not a date.
var ErrBadSince = errors.New("textmatch: since: wants YYYY-MM-DD")

// Search is a /search query read for the store: its filters taken out and
// its words turned into a tsquery over canonical text.
type Search struct {
	Words  string    // the query without filters, as typed
	Match  string    // tsquery over canonical text; "" when nothing is searchable
	Terms  []string  // canonical words to highlight
	Entity string    // from entity:SLUG, lower case
	Since  time.Time // from since:YYYY-MM-DD
}

// ParseSearch reads a /search query: web-search syntax ("phrase", OR,
// -exclude) plus the filters entity:SLUG and since:YYYY-MM-DD, anywhere in
// the query. The bot, the command line and the evaluation all use it, so a
// query means the same everywhere.
func ParseSearch(raw string) (Search, error) {
	var s Search
	var words []string
	for _, f := range strings.Fields(raw) {
		key, val, ok := strings.Cut(f, ":")
		switch {
		case ok && strings.EqualFold(key, "entity") && val != "":
			s.Entity = strings.ToLower(val)
		case ok && strings.EqualFold(key, "since"):
			d, err := time.Parse(time.DateOnly, val)
			if err != nil {
				return s, ErrBadSince
			}
			s.Since = d
		default:
			words = append(words, f)
		}
	}
	s.Words = strings.Join(words, " ")
	s.Match = SearchQuery(s.Words)
	s.Terms = SearchTerms(s.Words)
	return s, nil
}
