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
	var v vectorBuilder
	v.ids = make(map[string]int, 256)
	for _, part := range []struct {
		text   string
		weight byte
	}{{title, weightTitle}, {body, 0}, {other, weightOther}} {
		v.addPart(part.text, part.weight)
	}
	return v.text()
}

// vectorBuilder joins the parts' vectors word by word as they are read:
// one map lookup a word, and all positions in one slice, where a map per
// part, a slice per word and a merge of them cost three quarters of an
// import's Go time.
type vectorBuilder struct {
	ids   map[string]int // word → index in words
	words []string
	// positions are the whole vector's positions, of all words, in the
	// order they were added (which is each word's order of positions).
	positions []wordPos
	// count and last are each word's number of positions and last
	// position in the whole vector; partCount and partLast the same in the
	// part being read, as to_tsvector keeps them.
	count, last, partCount, partLast []int
	shift                            int // the largest position before this part
}

// wordPos is a position of the word words[id].
type wordPos struct {
	id int
	vectorPos
}

// addPart adds to_tsvector('simple', newsbot_canonical(text)), its positions
// weighted weight, with ||: each word's first maxPositions positions (those
// past the largest kept as the largest, once), shifted by the largest
// position so far, a word keeping at most maxJoinPositions in all and none
// after one at the largest.
func (v *vectorBuilder) addPart(text string, weight byte) {
	clear(v.partCount)
	largest, pos := v.shift, 0
	for w := range strings.FieldsSeq(textmatch.Canonical(text)) {
		if len(w) > maxLexemeBytes {
			continue
		}
		pos++
		id, ok := v.ids[w]
		if !ok {
			id = len(v.words)
			v.ids[w] = id
			v.words = append(v.words, w)
			v.count, v.last = append(v.count, 0), append(v.last, 0)
			v.partCount, v.partLast = append(v.partCount, 0), append(v.partLast, 0)
		}
		at := min(pos, maxPosition)
		if n := v.partCount[id]; n >= maxPositions || n > 0 && v.partLast[id] == at {
			continue // not in this part's vector
		}
		v.partCount[id]++
		v.partLast[id] = at
		if n := v.count[id]; n >= maxJoinPositions || n > 0 && v.last[id] == maxPosition {
			continue // cut by ||
		}
		shifted := min(at+v.shift, maxPosition)
		v.positions = append(v.positions, wordPos{id, vectorPos{shifted, weight}})
		v.count[id]++
		v.last[id] = shifted
		largest = max(largest, shifted)
	}
	v.shift = largest
}

// text is the vector's text form: its words in order, each with its
// positions.
func (v *vectorBuilder) text() string {
	// Each word's positions, together: start[id] is where they begin.
	start := make([]int, len(v.words)+1)
	for id, n := range v.count {
		start[id+1] = start[id] + n
	}
	byWord := make([]vectorPos, len(v.positions))
	next := slices.Clone(start[:len(v.words)])
	for _, p := range v.positions {
		byWord[next[p.id]] = p.vectorPos
		next[p.id]++
	}
	lexemes := make([]string, 0, len(v.words))
	for id, w := range v.words {
		if v.count[id] > 0 {
			lexemes = append(lexemes, w)
		}
	}
	slices.Sort(lexemes) // tsvector order: by bytes, then by length, which plain order is for a-z0-9
	b := make([]byte, 0, 4*len(v.positions)+8*len(lexemes))
	for i, w := range lexemes {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
		b = append(b, ':')
		id := v.ids[w]
		for j, p := range byWord[start[id]:start[id+1]] {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(p.at), 10)
			if p.weight != 0 {
				b = append(b, p.weight)
			}
		}
	}
	return string(b)
}
