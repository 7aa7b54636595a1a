package tgtext

import (
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxMessageLength is Telegram's limit on a message's text after entity
// parsing, in UTF-16 code units.
const MaxMessageLength = 4096

// Budgets, in runes, that keep any one item far below a message's limit, so
// a message always has room for several.
const (
	MaxTitleRunes   = 200
	MaxSourceRunes  = 90
	MaxSnippetRunes = 220
)

// Esc escapes text for Telegram's HTML parse mode.
func Esc(s string) string { return html.EscapeString(s) }

// Truncate cuts s to at most n runes at a word boundary, adding "…".
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n { // most are: spare the copy
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:-—") + "…"
}

// UTF16Len is the length Telegram counts.
func UTF16Len(s string) int {
	// Counted rune by rune: converting to []rune and encoding allocated
	// twice per call, a tenth of a digest pass.
	n := 0
	for _, r := range s {
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++ // as utf16.Encode counts an invalid rune: one U+FFFD
		}
	}
	return n
}
