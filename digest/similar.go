package digest

import (
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// DefaultSimilarity is the Jaccard similarity of two releases' shingles
// (textmatch.Shingles) from which they are taken for one story. On the
// labelled pairs of testdata/similar_pairs.txt every retelling scores at
// least 0.459 and every pair of different stories at most 0.298 (the next
// WTO review under the same chair, sharing its boilerplate); 0.38 sits in
// the middle of that gap. similar_test.go checks precision and recall.
const DefaultSimilarity = 0.38

// MinShingles is how many distinct shingles both releases need before they
// are compared at all: two titles without a body ("Meeting of the
// Ambassador of Kazakhstan with the Minister of ...") share most of their
// few words whatever they report.
const MinShingles = 30

// SameStory reports whether releases with shingles a and b tell the same
// story at this similarity threshold.
func SameStory(a, b []int64, threshold float64) bool {
	if len(a) < MinShingles || len(b) < MinShingles {
		return false
	}
	return textmatch.Jaccard(a, b) >= threshold
}

// storyIndex finds the story an entry is a telling of among those added.
type storyIndex interface {
	firstStory(e entry) int // the lowest story e is the same story as, or -1
	add(e entry, story int) // records e as a telling of story
}

// collapseBy merges each near-duplicate into the first story it matches, in
// the order given, so a story stays where its first telling is (its first
// group, its newest date) and the later tellings become its "also" sources.
// A release is compared with every telling merged so far, not only the
// first: a third that resembles the second is still the same story. idx
// finds the tellings (windowStories, by counting shared shingles: comparing
// each release with every earlier one cost most of a digest pass).
func collapseBy(entries []entry, idx storyIndex, lang string) []entry {
	var kept []entry
	for _, e := range entries {
		if k := idx.firstStory(e); k >= 0 {
			idx.add(e, k)
			kept[k].also = appendUnique(kept[k].also, alsoLabel(kept[k].rel, e.rel, lang))
			continue
		}
		kept = append(kept, e)
		idx.add(e, len(kept)-1)
	}
	return kept
}

// alsoLabel names where else a story was told: the other release's source,
// or its title when it has no source or the same one.
func alsoLabel(kept, dup *store.Release, lang string) string {
	e := dup.Entity
	if e != nil && (kept.Entity == nil || kept.Entity.ID != e.ID) {
		return e.Name(lang)
	}
	return tgtext.DisplayTitle(*dup, lang)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
