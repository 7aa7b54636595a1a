package digest

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// windowChat is one chat's digest drawn from a window: wins are the
// indices in w of the releases it holds, in the order they are given to
// assembleBy.
type windowChat struct {
	w    *window
	wins []int32
}

// planBatch decides the digests of a batch of claimed chats from the
// pass's window, first growing it to cover what they need. A chat whose
// build fails (a panic) gets no plan, is logged and counted in failed; the
// others are planned.
func (b *Builder) planBatch(ctx context.Context, w *window, chats []store.BatchChat, toSeq int64,
	now time.Time) (plans []store.BatchPlan, failed int, err error) {
	lo, queries := toSeq, []string(nil)
	for _, c := range chats {
		for _, s := range c.Subscriptions {
			lo = min(lo, max(c.Cursor, s.AfterSeq))
			if s.Kind == store.SubKeyword {
				queries = append(queries, s.MatchQuery)
			}
		}
	}
	if err := w.cover(ctx, lo, toSeq, queries); err != nil {
		return nil, 0, err
	}
	for _, c := range chats {
		began := time.Now()
		plan, err := b.planChat(w, c, toSeq, now)
		if err != nil {
			failed++
			b.log.Error("Could not build a digest", slog.Int64("chat_id", c.ID), slog.String("error", err.Error()))
			continue
		}
		b.opts.Metrics.DigestBuilt(time.Since(began))
		plans = append(plans, plan)
	}
	return plans, failed, nil
}

// planChat decides one chat's digest, turning a panic into an error.
func (b *Builder) planChat(w *window, c store.BatchChat, toSeq int64, now time.Time) (plan store.BatchPlan, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("Panic while building a digest", slog.Int64("chat_id", c.ID),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("digest: panic: %v", v)
		}
	}()
	if b.beforeChat != nil {
		b.beforeChat(c.ID)
	}
	d := b.composeFromWindow(w, c, toSeq, now)
	plan = store.BatchPlan{ChatID: c.ID, DigestPlan: store.DigestPlan{Next: NextRun(now, c.Time, chatZone(c.TimeZone))}}
	if d.Items() == 0 {
		return plan, nil
	}
	for _, p := range Render(d) {
		plan.Parts = append(plan.Parts, p.HTML)
	}
	plan.Items = d.Items()
	return plan, nil
}

// composeFromWindow is compose for a chat of a batch: the releases are the
// window's that DigestSource.Releases would return for it (arrived after
// the chat's cursor, up to toSeq, and after the subscription they match
// was made; published within MaxAgeDays of the chat's day), newest first,
// each with the ids of the subscriptions it matches in id order.
func (b *Builder) composeFromWindow(w *window, c store.BatchChat, toSeq int64, now time.Time) Digest {
	local := now.In(chatZone(c.TimeZone))
	since := time.Date(local.Year(), local.Month(), local.Day()-b.opts.MaxAgeDays, 0, 0, 0, 0, time.UTC)
	matched := map[int32][]int64{}
	for _, s := range c.Subscriptions {
		var candidates []int32
		switch {
		case s.Kind == store.SubEntity && s.EntityID != nil:
			candidates = w.byEntity[*s.EntityID]
		case s.Kind == store.SubKeyword && s.MatchQuery != "":
			candidates = w.hits[s.MatchQuery]
		}
		after := max(c.Cursor, s.AfterSeq)
		for _, i := range candidates {
			r := &w.rels[i]
			if r.ArrivalSeq > after && r.ArrivalSeq <= toSeq && !dayBefore(r.PublishedOn, since) {
				matched[i] = append(matched[i], s.ID)
			}
		}
	}
	wc := &windowChat{w: w, wins: make([]int32, 0, len(matched))}
	for i := range matched {
		wc.wins = append(wc.wins, i)
	}
	slices.SortFunc(wc.wins, func(a, b int32) int { return newestFirst(&w.rels[a], &w.rels[b]) })
	rels := make([]store.DigestRelease, len(wc.wins))
	for n, i := range wc.wins {
		subs := matched[i]
		slices.Sort(subs)
		rels[n] = store.DigestRelease{Release: w.rels[i].Release, Subscriptions: subs}
	}
	d := assembleBy(c.Subscriptions, rels, c.Lang, b.opts, wc)
	d.Date = local
	return d
}

// newestFirst orders releases as DigestSource.Releases does: published
// date, then arrival, both newest first.
func newestFirst(a, b *store.DigestRelease) int {
	if c := b.PublishedOn.Compare(a.PublishedOn); c != 0 {
		return c
	}
	return cmp.Compare(b.ArrivalSeq, a.ArrivalSeq)
}

// dayBefore reports whether day a's date is before b's, each read in its
// own location (a release's published_on is a date without a zone).
func dayBefore(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay < by || ay == by && (am < bm || am == bm && ad < bd)
}
