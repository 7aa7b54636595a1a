package textmatch

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// ShingleWords is k, the number of consecutive words in a shingle. On the
// labelled pairs of digest/testdata/similar_pairs.txt single words separate
// retold stories from different ones best: k=1 leaves a gap from 0.30 (the
// most similar different stories) to 0.46 (the least similar retelling), k=2
// only from 0.20 to 0.24, and with k=3 no threshold separates them. A
// retelling keeps the story's words but not their order, which is what
// longer shingles measure.
const ShingleWords = 1

// Shingles returns the sorted, distinct hashes of the k-word shingles
// (k = ShingleWords) of a release's normalised title and body: lower case,
// NFKC, every run of characters that are not letters or digits a single
// space. The importer stores them with the release (releases.shingles) so
// that a digest compares releases without re-reading their text. A text of
// fewer than k words has none.
func Shingles(title, body string) []int64 {
	words := shingleWords(title + "\n" + body)
	if len(words) < ShingleWords {
		return []int64{}
	}
	out := make([]int64, 0, len(words)-ShingleWords+1)
	for i := 0; i+ShingleWords <= len(words); i++ {
		out = append(out, int64(fnv64a(words[i:i+ShingleWords])))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fnv64a is the 64-bit FNV-1a hash (hash/fnv's New64a) of words joined by
// spaces, without joining them.
func fnv64a(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, w := range words {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

// shingleWords splits normalised text into words: NFKC, lower case rune by
// rune with Go's Unicode tables (which keep Kazakh і distinct from i), and
// anything but letters, digits and marks between words.
func shingleWords(s string) []string {
	s = nfkc(s)
	lowered := make([]byte, 0, len(s))
	var ends []int // where each word of lowered ends; the next begins after a separator
	inWord := false
	for _, r := range s {
		r = lowerRune(r)
		if !isShingleRune(r) {
			if inWord {
				ends = append(ends, len(lowered))
				lowered = append(lowered, ' ')
				inWord = false
			}
			continue
		}
		lowered = utf8.AppendRune(lowered, r)
		inWord = true
	}
	if inWord {
		ends = append(ends, len(lowered))
	}
	text := string(lowered)
	words := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		words[i] = text[start:end]
		start = end + 1
	}
	return words
}

// isShingleRune is a rune of a word, for shingles: a letter, a digit or a
// mark.
func isShingleRune(r rune) bool {
	if r >= 0 && r < caseTableSize {
		return shingleRunes[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Jaccard is |a ∩ b| / |a ∪ b| of two sorted, distinct shingle sets (as
// Shingles returns them); 0 when either is empty, so two texts with nothing
// to compare are never taken for the same story.
func Jaccard(a, b []int64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}
