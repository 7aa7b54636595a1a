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

// Limits of a tsvector, as PostgreSQL applies them: longer words are not
// indexed, positions stop at the largest, to_tsvector keeps a word's first
// 255 positions and || lets it have 256.
const (
	maxLexemeBytes   = 2047
	maxPosition      = 16383
	maxPositions     = 255
	maxJoinPositions = 256
)

// The weights of releases.canon: a word of the title counts most when
// /search ranks (store.Search), one of the text of other language versions
// least. The body is left at the default weight, D, which is also the
// weight of every word of a vector stored before weights (migration
// 00015): Search ranks D as a body word.
const (
	weightTitle = 'A'
	weightOther = 'C'
)

// vectorPos is a position of a word in a tsvector, with its weight (0 for
// the default, D).
type vectorPos struct {
	at     int
	weight byte
}

// CanonVector is the tsvector, in PostgreSQL's text form, of the release's
// canonical text, its title's words weighted A and its other versions' C:
//
//	setweight(to_tsvector('simple', newsbot_canonical(title)), 'A') ||
//	to_tsvector('simple', newsbot_canonical(body)) ||
//	setweight(to_tsvector('simple', newsbot_canonical(other)), 'C')
//
// which is what the writers store in releases.canon and the trigger of
// migration 00015 computes for those that do not. Canonical text is words
// of a-z and 0-9 separated by single spaces, which the default text search
// parser reads as they are, so each part's vector is its words with their
// positions; || then shifts the next part's positions by the largest one so
// far (store's tests check the whole against PostgreSQL on real releases and
// at the limits).
func CanonVector(title, body, other string) string {
	joined := map[string][]vectorPos{}
	shift := 0
	for _, part := range []struct {
		text   string
		weight byte
	}{{title, weightTitle}, {body, 0}, {other, weightOther}} {
		for w, ps := range partVector(part.text, part.weight) {
			dst := joined[w]
			for _, p := range ps {
				if len(dst) >= maxJoinPositions || len(dst) > 0 && dst[len(dst)-1].at == maxPosition {
					break
				}
				dst = append(dst, vectorPos{min(p.at+shift, maxPosition), p.weight})
			}
			joined[w] = dst
		}
		for _, ps := range joined {
			shift = max(shift, ps[len(ps)-1].at)
		}
	}
	return vectorText(joined)
}

// partVector is to_tsvector('simple', newsbot_canonical(text)), its
// positions weighted weight: each word's first maxPositions positions,
// those past the largest kept as the largest, once.
func partVector(text string, weight byte) map[string][]vectorPos {
	positions := map[string][]vectorPos{}
	pos := 0
	for _, w := range strings.Fields(textmatch.Canonical(text)) {
		if len(w) > maxLexemeBytes {
			continue
		}
		pos++
		p, at := positions[w], min(pos, maxPosition)
		if len(p) < maxPositions && (len(p) == 0 || p[len(p)-1].at != at) {
			positions[w] = append(p, vectorPos{at, weight})
		}
	}
	return positions
}

// vectorText is a tsvector's text form: its words in order, each with its
// positions.
func vectorText(positions map[string][]vectorPos) string {
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
			b.WriteString(strconv.Itoa(p.at))
			if p.weight != 0 {
				b.WriteByte(p.weight)
			}
		}
	}
	return b.String()
}
