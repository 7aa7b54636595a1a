package digest

// tellings indexes the releases of one digest by their shingles, to find
// those a new release is the same story as (SameStory) without comparing it
// with each: an inverted index from shingle to the releases holding it
// counts the shingles a new release shares with each earlier one, and the
// Jaccard similarity follows from the counts and the sizes. Shingles are
// distinct (textmatch.Shingles), so the counts are the intersections
// SameStory's Jaccard computes, and the results are the same.
type tellings struct {
	threshold float64
	postings  map[int64][]int32 // shingle → the tellings that hold it
	size      []int             // per telling: how many shingles it has
	story     []int             // per telling: the story it was merged into
	shared    []int32           // scratch: shingles shared with each telling
	touched   []int32           // scratch: tellings with a shared shingle
}

func newTellings(threshold float64) *tellings {
	return &tellings{threshold: threshold, postings: map[int64][]int32{}}
}

// firstStory is the lowest story holding a telling that sh is the same
// story as, or -1.
func (x *tellings) firstStory(sh []int64) int {
	best := -1
	x.each(sh, func(t int32) {
		if best < 0 || x.story[t] < best {
			best = x.story[t]
		}
	})
	return best
}

// each calls fn with every telling that sh is the same story as.
func (x *tellings) each(sh []int64, fn func(t int32)) {
	if len(sh) < MinShingles {
		return // SameStory never holds
	}
	for _, s := range sh {
		for _, t := range x.postings[s] {
			if x.shared[t] == 0 {
				x.touched = append(x.touched, t)
			}
			x.shared[t]++
		}
	}
	for _, t := range x.touched {
		common := int(x.shared[t])
		x.shared[t] = 0
		// As textmatch.Jaccard computes it, to the same float.
		if float64(common)/float64(len(sh)+x.size[t]-common) >= x.threshold {
			fn(t)
		}
	}
	x.touched = x.touched[:0]
}

// add records sh as a telling of story. Releases with fewer than
// MinShingles shingles are never the same story as another, so they are
// left out.
func (x *tellings) add(sh []int64, story int) {
	if len(sh) < MinShingles {
		return
	}
	t := int32(len(x.size))
	x.size = append(x.size, len(sh))
	x.story = append(x.story, story)
	x.shared = append(x.shared, 0)
	for _, s := range sh {
		x.postings[s] = append(x.postings[s], t)
	}
}
