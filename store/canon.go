package store

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot-kz/newsbot/textmatch"
)

// The canonical search vector (releases.canon) is computed here, in Go, by
// every writer: PostgreSQL's twin of textmatch.Canonical costs 1.2 ms a
// release, Go's a few microseconds. Migration 00011 keeps a trigger for a
// writer that leaves it out.

// canonText is the canonical text releases.canon indexes, as the SQL
// newsbot_canonical(title || ' ' || body || ' ' || other_text) gives it.
func canonText(title, body, other string) string {
	return textmatch.Canonical(title + " " + body + " " + other)
}

// Limits of a tsvector, as to_tsvector applies them: longer words are not
// indexed, positions stop at the largest, a word keeps its first 255.
const (
	maxLexemeBytes = 2047
	maxPosition    = 16383
	maxPositions   = 255
)

// CanonVector is the tsvector, in PostgreSQL's text form, of
// to_tsvector('simple', canonText(title, body, other)): what COPY stores
// in releases.canon. Canonical text is words of a-z and 0-9 separated by
// single spaces, which the default text search parser reads as they are,
// so the vector is those words with their positions (store's tests check
// it against to_tsvector on real releases).
func CanonVector(title, body, other string) string {
	words := strings.Fields(canonText(title, body, other))
	positions := map[string][]int{}
	pos := 0
	for _, w := range words {
		if len(w) > maxLexemeBytes {
			continue
		}
		pos++
		p, at := positions[w], min(pos, maxPosition)
		if len(p) < maxPositions && (len(p) == 0 || p[len(p)-1] != at) {
			positions[w] = append(p, at)
		}
	}
	lexemes := make([]string, 0, len(positions))
	for w := range positions {
		lexemes = append(lexemes, w)
	}
	slices.Sort(lexemes) // tsvector order: by bytes, then by length, which plain order is for a-z0-9
	var b strings.Builder
	for i, w := range lexemes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		b.WriteByte(':')
		for j, p := range positions[w] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}
