package digest

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/newsbot-kz/newsbot/store"
)

// collapse is collapseBy with a tellings index of its own, as the window
// keeps one per pass.
func collapse(entries []entry, threshold float64, lang string) []entry {
	return collapseBy(entries, shingleStories{newTellings(threshold)}, lang)
}

// shingleStories indexes entries by their shingles.
type shingleStories struct{ *tellings }

func (x shingleStories) firstStory(e entry) int { return x.tellings.firstStory(e.shingles) }
func (x shingleStories) add(e entry, story int) { x.tellings.add(e.shingles, story) }

// collapseEveryPair is collapse as it was first written: each release
// compared with every telling of every story so far. The index must give
// the same stories, in the same order, with the same "also" sources.
func collapseEveryPair(entries []entry, threshold float64, lang string) []entry {
	var kept []entry
	var tellings [][][]int64
next:
	for _, e := range entries {
		for k := range kept {
			for _, sh := range tellings[k] {
				if SameStory(e.shingles, sh, threshold) {
					tellings[k] = append(tellings[k], e.shingles)
					kept[k].also = appendUnique(kept[k].also, alsoLabel(kept[k].rel, e.rel, lang))
					continue next
				}
			}
		}
		kept = append(kept, e)
		tellings = append(tellings, [][]int64{e.shingles})
	}
	return kept
}

func TestCollapseWithTheIndexEqualsComparingEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	merged, chained := 0, 0 // rounds with a merge; with a story of three tellings or more
	for round := range 300 {
		entries := randomEntries(rng, 1+rng.IntN(80))
		threshold := []float64{DefaultSimilarity, 0.2, 0.5, 0.9}[round%4]
		got := collapse(cloneEntries(entries), threshold, "en")
		want := collapseEveryPair(cloneEntries(entries), threshold, "en")
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (threshold %v): collapse differs from comparing every pair:\ngot  %v\nwant %v",
				round, threshold, summary(got), summary(want))
		}
		if len(want) < len(entries) {
			merged++
		}
		for _, e := range want {
			if len(e.also) >= 2 {
				chained++
				break
			}
		}
	}
	// The draw must exercise what it checks.
	if merged < 100 || chained < 30 {
		t.Errorf("only %d rounds merged and %d had a story told three times: the test data is too easy", merged, chained)
	}
}

// randomEntries are releases drawn as retellings of a few stories: each
// takes most of its story's words and some of a shared vocabulary, so that
// near-duplicates, chains of them and unrelated stories all occur, with
// sizes on both sides of MinShingles.
func randomEntries(rng *rand.Rand, n int) []entry {
	stories := make([][]int64, 1+rng.IntN(6))
	for i := range stories {
		for range 20 + rng.IntN(60) {
			stories[i] = append(stories[i], rng.Int64N(400))
		}
	}
	out := make([]entry, n)
	for i := range out {
		var sh []int64
		for _, w := range stories[rng.IntN(len(stories))] {
			if rng.IntN(10) < 7 {
				sh = append(sh, w)
			}
		}
		for range rng.IntN(30) {
			sh = append(sh, rng.Int64N(400))
		}
		slices.Sort(sh)
		sh = slices.Compact(sh)
		id := int64(i + 1)
		ent := &store.Entity{ID: int64(rng.IntN(4)), NameEN: "entity " + strconv.Itoa(rng.IntN(4))}
		out[i] = entry{rel: &store.Release{ID: id, Title: "release " + strconv.Itoa(i), Entity: ent},
			group: rng.IntN(3), shingles: sh}
	}
	return out
}

func cloneEntries(es []entry) []entry {
	out := slices.Clone(es)
	for i := range out {
		out[i].also = slices.Clone(out[i].also)
	}
	return out
}

func summary(es []entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.rel.Title+" also "+strconv.Itoa(len(e.also)))
	}
	return out
}
