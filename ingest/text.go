package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scrub drops what must not reach the database or a Telegram message:
// control characters (PostgreSQL rejects NUL in text), byte-order marks and
// zero-width spaces left over from copy and paste. Tabs become spaces and
// Unicode line separators become newlines.
func scrub(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r == '\u2028' || r == '\u2029':
			return '\n'
		case r == unicode.ReplacementChar, r == '\ufeff', r == '\u200b':
			return -1
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// oneLine collapses all whitespace, newlines included, into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(scrub(s)), " ")
}

// tidyText tidies plain text into the store's body shape: whitespace
// collapsed within each line, lines kept, paragraphs separated by exactly one
// blank line, nothing blank at either end.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = scrub(strings.ReplaceAll(s, "\r", "\n"))
	// One pass over the runes, where splitting into lines and each line
	// into words took a seventh of an import's time in Go.
	b := make([]byte, 0, len(s))
	var (
		inLine bool // a word of the current line is written
		space  bool // whitespace after the current line's last word
		blank  bool // a blank line since the last line written
	)
	for _, r := range s {
		switch {
		case r == '\n':
			blank = blank || !inLine
			inLine, space = false, false
		case unicode.IsSpace(r):
			space = inLine
		default:
			if !inLine && len(b) > 0 {
				b = append(b, '\n')
				if blank {
					b = append(b, '\n')
				}
			}
			if space {
				b = append(b, ' ')
			}
			if !inLine {
				blank = false
			}
			inLine, space = true, false
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// ContentHash is the identity of a release whose gov.kz URL is unknown: the
// hex SHA-256 of its title and body, lower-cased with whitespace collapsed,
// so that re-wrapped or re-cased copies of one text hash alike.
func ContentHash(title, body string) string {
	b := make([]byte, 0, len(title)+len(body)+1)
	b = appendHashText(b, title)
	b = append(b, '\n')
	b = appendHashText(b, body)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// appendHashText appends strings.ToLower(strings.Join(strings.Fields(s),
// " ")), what ContentHash hashes of a text, in one pass: the hash is the
// identity of stored releases, so it must never change, and the three
// passes were a sixth of an import's time in Go.
func appendHashText(b []byte, s string) []byte {
	start, space := len(b), false
	for _, r := range s {
		if r == ' ' || r >= '\t' && r <= '\r' || r > utf8.RuneSelf && unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if r >= 0x0410 && r <= 0x042F { // А to Я, the Cyrillic capitals most text has
			r += 0x20
		} else {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r) // an invalid byte is U+FFFD, as strings.ToLower makes it
	}
	return b
}
