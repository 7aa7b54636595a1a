package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
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
	var b strings.Builder
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

// ContentHash is the identity of a release whose gov.kz URL is unknown: the
// hex SHA-256 of its title and body, lower-cased with whitespace collapsed,
// so that re-wrapped or re-cased copies of one text hash alike.
func ContentHash(title, body string) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	sum := sha256.Sum256([]byte(norm(title) + "\n" + norm(body)))
	return hex.EncodeToString(sum[:])
}
