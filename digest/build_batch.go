package digest

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"time"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
)

// chatScratch is memory one chat's build reuses from the last, to spare
// the allocator: per window release, the subscription a chat's digest files
// it under and the story it joined. Both are reset after each chat.
type chatScratch struct {
	group []int32 // per window release: its group, or -1
	story []int32 // per window release: the story it was collapsed into, or -1
	kept  []int32 // per window release: its index among the stories kept, or -1
	keys  []int64 // the releases picked: group << 32 | newest-first rank
}

// grow makes the scratch cover a window of n releases.
func (sc *chatScratch) grow(n int) {
	for len(sc.group) < n {
		sc.group = append(sc.group, -1)
		sc.story = append(sc.story, -1)
		sc.kept = append(sc.kept, -1)
	}
}

// planBatch decides the digests of a batch of claimed chats from the
// pass's window, first growing it to cover what they need. A chat whose
// build fails (a panic) gets no plan, is logged and counted in failed; the
// others are planned.
func (b *Builder) planBatch(ctx context.Context, w *window, chats []store.BatchChat, toSeq int64,
	now time.Time) (plans []store.BatchPlan, failed int, err error) {
	if err := w.coverChats(ctx, chats, toSeq); err != nil {
		return nil, 0, err
	}
	// Other batches may grow the window meanwhile, but not while it is read.
	w.mu.RLock()
	defer w.mu.RUnlock()
	var sc chatScratch
	for _, c := range chats {
		plan, err := b.planChat(w, c, toSeq, now, &sc)
		if err != nil {
			failed++
			b.log.Error("Could not build a digest", slog.Int64("chat_id", c.ID), slog.String("error", err.Error()))
			continue
		}
		plans = append(plans, plan)
	}
	return plans, failed, nil
}

// planChat decides one chat's digest, turning a panic into an error.
func (b *Builder) planChat(w *window, c store.BatchChat, toSeq int64, now time.Time, sc *chatScratch) (plan store.BatchPlan, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("Panic while building a digest", slog.Int64("chat_id", c.ID),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("digest: panic: %v", v)
			*sc = chatScratch{} // it may hold marks of this chat's releases
		}
	}()
	if b.beforeChat != nil {
		b.beforeChat(c.ID)
	}
	d := b.composeFromWindow(w, c, toSeq, now, sc)
	plan = store.BatchPlan{ChatID: c.ID, DigestPlan: store.DigestPlan{Next: schedule.NextRun(now, c.Time, schedule.Zone(c.TimeZone))}}
	if d.Items() == 0 {
		return plan, nil
	}
	for _, p := range renderWith(d, w.items) {
		plan.Parts = append(plan.Parts, p.HTML)
	}
	plan.Items = d.Items()
	return plan, nil
}

// composeFromWindow decides one chat's digest, for a pass and for a preview
// alike: the releases are the window's that arrived after the chat's
// cursor, up to toSeq, and after the subscription they match was made,
// published within MaxAgeDays of the chat's day. Each goes to the first of
// the chat's subscriptions that matches it (entities first), newest first
// within a group; near-duplicates collapse, and so do the stories of one
// event in different languages; the first MaxItems stories are kept and the
// rest counted.
func (b *Builder) composeFromWindow(w *window, c store.BatchChat, toSeq int64, now time.Time, sc *chatScratch) Digest {
	local := now.In(schedule.Zone(c.TimeZone))
	since := time.Date(local.Year(), local.Month(), local.Day()-b.opts.MaxAgeDays, 0, 0, 0, 0, time.UTC)
	sc.grow(len(w.rels))
	keys := sc.keys[:0]
	for g, s := range c.Subscriptions {
		var candidates []int32
		switch {
		case s.Kind == store.SubEntity && s.EntityID != nil:
			candidates = w.byEntity[*s.EntityID]
		case s.Kind == store.SubKeyword && s.MatchQuery != "":
			candidates = w.hits[s.MatchQuery]
		}
		after := max(c.Cursor, s.AfterSeq)
		for _, i := range candidates {
			if sc.group[i] >= 0 {
				continue // an earlier subscription holds it
			}
			r := &w.rels[i]
			if s.Delivery == store.DeliverInstant && c.Alerted[r.ID] {
				continue // it came as an alert; only "both" repeats it here
			}
			if r.ArrivalSeq > after && r.ArrivalSeq <= toSeq && !dayBefore(r.PublishedOn, since) {
				sc.group[i] = int32(g)
				keys = append(keys, int64(g)<<32|int64(w.rank[i]))
			}
		}
	}
	// By group, then newest first.
	slices.Sort(keys)
	entries := make([]entry, len(keys))
	for n, k := range keys {
		i := w.byRank[int32(k)]
		entries[n] = entry{rel: &w.rels[i].Release, group: int(k >> 32), shingles: w.shingles[i], win: i}
		sc.group[i] = -1
	}
	sc.keys = keys
	stories := collapseBy(entries, &windowStories{w: w, story: sc.story}, c.Lang)
	for _, e := range entries {
		sc.story[e.win] = -1
	}
	stories = foldLanguages(stories, w.cross, sc.kept, c.Lang)
	d := digestOf(c.Subscriptions, stories, c.Lang, b.opts)
	d.Date, d.Undelivered = local, undeliveredIn(c.DigestChat)
	return d
}

// dayBefore reports whether day a's date is before b's, each read in its
// own location (a release's published_on is a date without a zone).
func dayBefore(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay < by || ay == by && (am < bm || am == bm && ad < bd)
}
