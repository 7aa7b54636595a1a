package digest

import (
	"cmp"
	"context"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// window holds, for one digest pass, the releases its digests may draw on:
// those that arrived in (lo, hi] and were published on or after since. It
// indexes them by entity, by the keyword queries they match and by the
// releases each is the same story as, so that building a chat's digest is a
// few map lookups instead of a query, and the work every chat shares (a
// day's releases read, parsed, matched against each distinct keyword and
// compared with each other) is done once a pass, not once a chat.
//
// It grows on demand: downward when a chat's cursor is older than any seen
// before, upward never within a pass (the pass's horizon is fixed), and by
// keyword when a batch brings a query not seen before.
type window struct {
	st    windowStore
	log   *slog.Logger
	since time.Time // releases published before this date are not held

	// mu guards what follows: cover writes, building a chat reads.
	mu       sync.RWMutex
	loaded   bool
	lo, hi   int64 // arrival_seq range held: (lo, hi]
	rels     []store.DigestRelease
	shingles [][]int64
	at       map[int64]int32    // release id → index in rels
	byEntity map[int64][]int32  // entity id → releases
	hits     map[string][]int32 // keyword match query → releases it matches
	same     [][]int32          // per release: the others it is the same story as
	tellings *tellings          // the releases by shingle, to fill same; a telling's story is its index
	cross    [][]int32          // per release: those in another language it reports the same event as
	events   *events            // the releases by fingerprint, to fill cross
	rank     []int32            // per release: its place newest first (a digest's order)
	byRank   []int32            // the releases newest first

	items *itemCache // the items rendered from rels (safe for concurrent use)
}

// windowStore is what a window reads.
type windowStore interface {
	DigestReleasesIn(ctx context.Context, fromSeq, toSeq int64, since time.Time) ([]store.DigestRelease, error)
	KeywordHits(ctx context.Context, queries []string, fromSeq, toSeq int64, since time.Time) (map[string][]int64, error)
}

// newWindow returns an empty window of the releases published on or after
// since.
func newWindow(st windowStore, since time.Time, threshold float64, log *slog.Logger) *window {
	return &window{st: st, log: log, since: since,
		at: map[int64]int32{}, byEntity: map[int64][]int32{}, hits: map[string][]int32{}, tellings: newTellings(threshold),
		events: newEvents(textmatch.DefaultEventSimilarity), items: newItemCache()}
}

// coverChats makes the window hold what the digests of chats as of toSeq
// may draw on: the arrivals after the oldest of their cursors and
// subscriptions, and the matches of their keywords.
func (w *window) coverChats(ctx context.Context, chats []store.BatchChat, toSeq int64) error {
	lo, queries := toSeq, []string(nil)
	for _, c := range chats {
		for _, s := range c.Subscriptions {
			lo = min(lo, max(c.Cursor, s.AfterSeq))
			if s.Kind == store.SubKeyword {
				queries = append(queries, s.MatchQuery)
			}
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cover(ctx, lo, toSeq, queries)
}

// cover makes the window hold every release in (lo, hi] and the matches of
// every query in queries.
func (w *window) cover(ctx context.Context, lo, hi int64, queries []string) error {
	if lo >= hi {
		return w.match(ctx, queries)
	}
	if !w.loaded {
		if err := w.load(ctx, lo, hi); err != nil {
			return err
		}
		w.loaded, w.lo, w.hi = true, lo, hi
	}
	if lo < w.lo {
		if err := w.load(ctx, lo, w.lo); err != nil {
			return err
		}
		w.lo = lo
	}
	if hi > w.hi {
		if err := w.load(ctx, w.hi, hi); err != nil {
			return err
		}
		w.hi = hi
	}
	return w.match(ctx, queries)
}

// load adds the releases of (lo, hi], with the matches of the queries
// already known among them.
func (w *window) load(ctx context.Context, lo, hi int64) error {
	rels, err := w.st.DigestReleasesIn(ctx, lo, hi, w.since)
	if err != nil {
		return err
	}
	first := int32(len(w.rels))
	fps := fingerprints(rels)
	for n, r := range rels {
		i := int32(len(w.rels))
		w.rels = append(w.rels, r)
		w.at[r.ID] = i
		if r.Entity != nil {
			w.byEntity[r.Entity.ID] = append(w.byEntity[r.Entity.ID], i)
		}
		sh := shinglesOf(r)
		w.rels[i].Body = "" // no longer needed: a digest shows no body
		w.shingles = append(w.shingles, sh)
		w.same = append(w.same, nil)
		w.compare(i)
		w.cross = append(w.cross, nil)
		w.events.add(fps[n], r.Lang, func(j int32) {
			w.cross[i] = append(w.cross[i], j)
			w.cross[j] = append(w.cross[j], i)
		})
	}
	w.order()
	if len(w.hits) == 0 || len(rels) == 0 {
		return nil
	}
	known := make([]string, 0, len(w.hits))
	for q := range w.hits {
		known = append(known, q)
	}
	found, err := w.keywordHits(ctx, known, lo, hi)
	if err != nil {
		return err
	}
	for q, ids := range found {
		w.hits[q] = w.indices(ids, w.hits[q], first)
	}
	return nil
}

// fingerprints are the releases' cross-language fingerprints, computed on
// every core: a day of 3,000 releases takes seconds of CPU.
func fingerprints(rels []store.DigestRelease) [][]string {
	fps := make([][]string, len(rels))
	workers := min(runtime.GOMAXPROCS(0), len(rels))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(rels); i += workers {
				fps[i] = textmatch.Fingerprint(rels[i].Title, rels[i].Body)
			}
		})
	}
	wg.Wait()
	return fps
}

// compare records which earlier releases release i is the same story as,
// as SameStory decides, then indexes it for the releases after it.
func (w *window) compare(i int32) {
	w.tellings.each(w.shingles[i], func(t int32) {
		j := int32(w.tellings.story[t])
		w.same[i] = append(w.same[i], j)
		w.same[j] = append(w.same[j], i)
	})
	w.tellings.add(w.shingles[i], int(i))
}

// order ranks the releases in a digest's order: published
// date, then arrival, both newest first.
func (w *window) order() {
	w.byRank = w.byRank[:0]
	for i := range w.rels {
		w.byRank = append(w.byRank, int32(i))
	}
	slices.SortFunc(w.byRank, func(a, b int32) int {
		ra, rb := &w.rels[a], &w.rels[b]
		if c := rb.PublishedOn.Compare(ra.PublishedOn); c != 0 {
			return c
		}
		return cmp.Compare(rb.ArrivalSeq, ra.ArrivalSeq)
	})
	w.rank = slices.Grow(w.rank[:0], len(w.rels))[:len(w.rels)]
	for r, i := range w.byRank {
		w.rank[i] = int32(r)
	}
}

// match finds, over the whole window, the releases of each query not
// matched before.
func (w *window) match(ctx context.Context, queries []string) error {
	var fresh []string
	for _, q := range queries {
		if _, ok := w.hits[q]; !ok && q != "" && !slices.Contains(fresh, q) {
			fresh = append(fresh, q)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	for _, q := range fresh {
		w.hits[q] = nil
	}
	if !w.loaded {
		return nil
	}
	found, err := w.keywordHits(ctx, fresh, w.lo, w.hi)
	if err != nil {
		for _, q := range fresh {
			delete(w.hits, q)
		}
		return err
	}
	for q, ids := range found {
		w.hits[q] = w.indices(ids, nil, 0)
	}
	return nil
}

// keywordHits asks the store for the queries' matches in (lo, hi]. When
// the query fails for a reason other than the context (a match query
// PostgreSQL refuses), each is asked alone, so that one bad query costs
// only its own matches, which the log reports.
func (w *window) keywordHits(ctx context.Context, queries []string, lo, hi int64) (map[string][]int64, error) {
	found, err := w.st.KeywordHits(ctx, queries, lo, hi, w.since)
	if err == nil || ctx.Err() != nil || len(queries) == 1 {
		return found, err
	}
	found = map[string][]int64{}
	for _, q := range queries {
		one, err := w.st.KeywordHits(ctx, []string{q}, lo, hi, w.since)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			w.log.Error("A keyword cannot be matched", slog.String("query", q), slog.String("error", err.Error()))
			continue
		}
		found[q] = one[q]
	}
	return found, nil
}

// indices appends to list the window indices of ids that are at or after
// first.
func (w *window) indices(ids []int64, list []int32, first int32) []int32 {
	for _, id := range ids {
		if i, ok := w.at[id]; ok && i >= first {
			list = append(list, i)
		}
	}
	return list
}

// windowStories is the collapse index of a window: a telling is a window
// release, and the tellings one is the same story as were found when the
// window was loaded.
type windowStories struct {
	w     *window
	story []int32 // per window release: the story it was added to, or -1
}

func (x *windowStories) firstStory(e entry) int {
	best := -1
	for _, j := range x.w.same[e.win] {
		if k := int(x.story[j]); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	return best
}

func (x *windowStories) add(e entry, story int) {
	if len(e.shingles) >= MinShingles {
		x.story[e.win] = int32(story)
	}
}
