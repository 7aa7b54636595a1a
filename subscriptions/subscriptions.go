// Package subscriptions owns the rules of subscribing: how a /subscribe
// argument is read (entity slug or keyword), how keywords are normalised so
// that duplicates are caught, and the limits a chat must respect. How a
// keyword matches releases is package textmatch's.
package subscriptions

import (
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// Limits.
const (
	MinKeywordRunes = 2
	MaxKeywordRunes = 64
	MaxPerChat      = 50
)

// Argument errors, for the bot to explain in the user's language.
var (
	ErrEmpty    = errors.New("subscriptions: empty argument")
	ErrTooShort = errors.New("subscriptions: keyword too short")
	ErrTooLong  = errors.New("subscriptions: keyword too long")
	ErrNoWords  = errors.New("subscriptions: keyword has no letter or digit")
)

// Arg is a parsed /subscribe or /unsubscribe argument.
type Arg struct {
	Text   string // as typed, without surrounding quotes, spaces tidied
	Quoted bool   // a quoted argument is always a keyword
}

// quotePairs are the quotes people type on phones and desktops, in Kazakh,
// Russian and English layouts.
var quotePairs = [][2]string{{`"`, `"`}, {`'`, `'`}, {"«", "»"}, {"“", "”"}, {"„", "“"}, {"‘", "’"}}

// ParseArg reads the argument of /subscribe: surrounding quotes are removed
// and remembered, white space is collapsed, and the length limits are
// checked on the keyword.
func ParseArg(raw string) (Arg, error) {
	s := collapseSpace(norm.NFKC.String(raw))
	arg := Arg{Text: s}
	for _, q := range quotePairs {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			arg = Arg{Text: collapseSpace(s[len(q[0]) : len(s)-len(q[1])]), Quoted: true}
			break
		}
	}
	n := utf8.RuneCountInString(arg.Text)
	// No letters is the reason given before the length, so that 😀 and
	// 😀😀 are refused alike.
	switch {
	case n == 0:
		return arg, ErrEmpty
	case n <= MaxKeywordRunes && textmatch.Canonical(arg.Text) == "":
		return arg, ErrNoWords
	case n < MinKeywordRunes:
		return arg, ErrTooShort
	case n > MaxKeywordRunes:
		return arg, ErrTooLong
	}
	return arg, nil
}

// Normalize is the form of a keyword that uniqueness uses: its canonical
// form, so that Шымкент and Shymkent, which match the same releases, are one
// subscription. "" when the keyword has no letter or digit.
func Normalize(keyword string) string { return textmatch.Canonical(keyword) }

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// KeywordSubscription is the subscription of chatID to keyword, with the
// normalised form that uniqueness uses and the query that matching uses.
func KeywordSubscription(chatID int64, keyword string) store.NewSubscription {
	return store.NewSubscription{
		ChatID: chatID, Kind: store.SubKeyword, Value: keyword,
		Normalized: Normalize(keyword), MatchQuery: textmatch.KeywordQuery(keyword),
	}
}
