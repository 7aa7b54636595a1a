package digest

import (
	"slices"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// events indexes the releases of a window by their cross-language
// fingerprints (textmatch.Fingerprint), to find those in another language
// that a new release reports the same event as (textmatch.SameEvent)
// without comparing it with each: an inverted index from feature to the
// releases holding it adds up the weight each earlier release shares with
// the new one, and the weighted Jaccard similarity follows from the
// shared weight and the two totals, as textmatch.EventSimilarity computes
// it.
type events struct {
	threshold float64
	postings  map[string][]int32 // feature → the releases that hold it
	lang      []string           // per release: its language
	total     []float64          // per release: its fingerprint's weight
	shared    []float64          // scratch: weight shared with each release
	touched   []int32            // scratch: releases with a shared feature
}

func newEvents(threshold float64) *events {
	return &events{threshold: threshold, postings: map[string][]int32{}}
}

// add indexes release i (the next index) with fingerprint fp in lang, and
// calls fn with each earlier release in another language of the same
// event.
func (x *events) add(fp []string, lang string, fn func(j int32)) {
	i := int32(len(x.lang))
	total := 0.0
	if !slices.Contains(tgtext.Languages, lang) {
		fp = nil // a language an item cannot name is compared with none
	}
	for _, f := range fp {
		w := textmatch.FeatureWeight(f)
		total += w
		for _, j := range x.postings[f] {
			if x.lang[j] == lang {
				continue
			}
			if x.shared[j] == 0 {
				x.touched = append(x.touched, j)
			}
			x.shared[j] += w
		}
		x.postings[f] = append(x.postings[f], i)
	}
	for _, j := range x.touched {
		shared := x.shared[j]
		x.shared[j] = 0
		if shared >= textmatch.MinEventWeight && shared/(total+x.total[j]-shared) >= x.threshold {
			fn(j)
		}
	}
	x.touched = x.touched[:0]
	x.lang = append(x.lang, lang)
	x.total = append(x.total, total)
	x.shared = append(x.shared, 0)
}

// foldLanguages folds the stories that report one event in different
// languages into one: the story in the chat's language if there is one,
// otherwise the first, which lists the others as "also in <language>".
// cross gives, per window release, the releases in other languages of the
// same event; pos is scratch of the window's size, all -1, left so.
func foldLanguages(stories []entry, cross [][]int32, pos []int32, lang string) []entry {
	linked := false
	for k, e := range stories {
		pos[e.win] = int32(k)
		linked = linked || len(cross[e.win]) > 0
	}
	defer func() {
		for _, e := range stories {
			pos[e.win] = -1
		}
	}()
	if !linked {
		return stories
	}
	folded := make([]bool, len(stories))
	into := make([]int, len(stories)) // per story: the story it is folded into
	for k := range stories {
		if folded[k] || len(cross[stories[k].win]) == 0 {
			continue
		}
		// The stories of this event: k and what its links reach.
		event := []int{k}
		folded[k] = true
		for n := 0; n < len(event); n++ {
			for _, j := range cross[stories[event[n]].win] {
				if o := pos[j]; o >= 0 && !folded[o] {
					folded[o] = true
					event = append(event, int(o))
				}
			}
		}
		keep := event[0]
		for _, o := range event {
			if stories[o].rel.Lang == lang && (stories[keep].rel.Lang != lang || o < keep) {
				keep = o
			}
		}
		for _, o := range event {
			into[o] = keep
		}
		folded[keep] = false
	}
	var out []entry
	for k := range stories {
		if !folded[k] {
			out = append(out, stories[k])
		}
	}
	// The folded stories, in order, onto the one kept.
	for k, e := range stories {
		if !folded[k] {
			continue
		}
		keep := &out[keptIndex(out, stories[into[k]].win)]
		keep.alsoIn = append(keep.alsoIn, alsoIn(keep.rel, e.rel, lang))
		for _, a := range e.also {
			keep.also = appendUnique(keep.also, a)
		}
	}
	return out
}

func keptIndex(out []entry, win int32) int {
	for i := range out {
		if out[i].win == win {
			return i
		}
	}
	panic("digest: a folded story's event has no story kept")
}

// alsoIn is how an item names a release of its event in another
// language: its page, and its source (or its title, when it has none or
// the same as the item's).
func alsoIn(kept, other *store.Release, lang string) tgtext.AlsoIn {
	return tgtext.AlsoIn{Lang: other.Lang, URL: other.URL, Source: alsoLabel(kept, other, lang)}
}
