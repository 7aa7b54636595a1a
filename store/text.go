package store

import (
	"strings"
	"unicode/utf8"
)

// noNUL makes user text storable: PostgreSQL's text cannot hold NUL, and
// refuses it and invalid UTF-8 with an error (22021) that fails the whole
// command. The bot strips these and other invisible characters where it
// parses commands; the store drops them again on every method that takes
// text a user typed, so that no other path (a saved query, a callback, a
// future caller) can turn a stray byte into an error.
func noNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) { // nearly always: spare the copy
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
