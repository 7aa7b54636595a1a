package digest

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// memWindowStore serves releases from memory by arrival range, as the
// store does; a keyword "query" matches releases whose title holds it.
type memWindowStore struct {
	rels  []store.DigestRelease
	reads [][2]int64 // the ranges read
}

func (m *memWindowStore) DigestReleasesIn(_ context.Context, from, to int64, _ time.Time) ([]store.DigestRelease, error) {
	m.reads = append(m.reads, [2]int64{from, to})
	var out []store.DigestRelease
	for _, r := range m.rels {
		if r.ArrivalSeq > from && r.ArrivalSeq <= to {
			out = append(out, r)
		}
	}
	return out, nil
}

func (m *memWindowStore) KeywordHits(_ context.Context, queries []string, from, to int64, _ time.Time) (map[string][]int64, error) {
	hits := map[string][]int64{}
	for _, q := range queries {
		for _, r := range m.rels {
			if r.ArrivalSeq > from && r.ArrivalSeq <= to && strings.Contains(r.Title, q) {
				hits[q] = append(hits[q], r.ID)
			}
		}
	}
	return hits, nil
}

// A window grown downward by a later batch (a chat with an older cursor)
// holds the older releases too: read once, matched against the keywords
// already known, and compared with the releases already held.
func TestWindowGrowsDownward(t *testing.T) {
	story := "the akimat of shymkent said on tuesday that builders finished repairing the main water supply " +
		"network in kyzylzhar district where two hundred sixty five homes now receive clean drinking water " +
		"around the clock and gas pipes reached every street before winter according to deputy mayor"
	day := time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)
	m := &memWindowStore{}
	for seq := int64(1); seq <= 6; seq++ {
		title := "water news"
		if seq%2 == 0 {
			title = "roads news"
		}
		body := "release " + strings.Repeat(title+" ", int(seq))
		if seq == 2 || seq == 5 { // one story told twice, across the two reads
			body = story
		}
		m.rels = append(m.rels, store.DigestRelease{
			Release:  store.Release{ID: 100 + seq, ArrivalSeq: seq, Title: title, PublishedOn: day},
			Shingles: textmatch.Shingles(title, body)})
	}
	w := newWindow(m, day, DefaultSimilarity, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	if err := w.cover(ctx, 3, 6, []string{"water"}); err != nil {
		t.Fatal(err)
	}
	if err := w.cover(ctx, 1, 6, []string{"water", "roads"}); err != nil {
		t.Fatal(err)
	}
	if err := w.cover(ctx, 1, 6, []string{"roads"}); err != nil {
		t.Fatal(err)
	}
	if want := [][2]int64{{3, 6}, {1, 3}}; !slices.Equal(m.reads, want) {
		t.Errorf("ranges read %v, want %v: each arrival once", m.reads, want)
	}
	ids := func(list []int32) []int64 {
		var out []int64
		for _, i := range list {
			out = append(out, w.rels[i].ID)
		}
		slices.Sort(out)
		return out
	}
	if got := ids(w.hits["water"]); !slices.Equal(got, []int64{103, 105}) {
		t.Errorf("water matches %v, want 103 and 105 (1 is not after the lowest cursor, 1)", got)
	}
	if got := ids(w.hits["roads"]); !slices.Equal(got, []int64{102, 104, 106}) {
		t.Errorf("roads matches %v, want 102, 104, 106", got)
	}
	two, five := w.at[102], w.at[105]
	if !slices.Contains(w.same[two], five) || !slices.Contains(w.same[five], two) {
		t.Errorf("releases 2 and 5 tell one story but are not each other's same (%v, %v)", w.same[two], w.same[five])
	}
	var newest []int64
	for _, i := range w.byRank {
		newest = append(newest, w.rels[i].ArrivalSeq)
	}
	if !slices.Equal(newest, []int64{6, 5, 4, 3, 2}) {
		t.Errorf("newest first: %v", newest)
	}
}
