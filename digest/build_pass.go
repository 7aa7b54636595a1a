package digest

import (
	"context"
	"log/slog"
	"math"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// batchSize bounds the chats of one query and of one batch transaction; a
// pass repeats until none is left.
const batchSize = 500

// PassStats is what one pass did.
type PassStats struct {
	Due      int // chats whose digest time had come
	Built    int // digests queued (chats with something new)
	Parts    int // messages queued
	Failed   int // chats whose build failed; they stay due for the next pass
	Duration time.Duration
}

// RunPass builds the digest of every chat due at now, as if the clock read
// now, and first gives chats new since the last pass their next digest
// time. Chats are built in batches of batchSize, each batch in one
// transaction (store.BuildDigestBatch), from a window of releases read
// once for the pass. A pass covers the releases that had arrived when it
// began; later ones wait for each chat's next digest.
//
// One chat's panic is logged and counted, and the rest of its batch is
// still built; a batch whose transaction fails is counted as failed and
// the pass goes on with the next. Failed chats stay due for the next pass.
func (b *Builder) RunPass(ctx context.Context, now time.Time) (PassStats, error) {
	start := time.Now()
	var st PassStats
	if err := b.scheduleNew(ctx, now); err != nil {
		return st, err
	}
	toSeq, err := b.st.ArrivalHorizon(ctx)
	if err != nil {
		return st, err
	}
	w := newWindow(b.st, windowSince(now, b.opts.MaxAgeDays), b.opts.Similarity, b.log)
	// Keyset paging by id: every due chat is tried once per pass, even one
	// that fails or that another process holds. Paging starts below every
	// id: groups and supergroups have negative ids.
	after := int64(math.MinInt64)
	for ctx.Err() == nil {
		var failed int
		out, err := b.st.BuildDigestBatch(ctx, now, after, batchSize, toSeq,
			func(ctx context.Context, chats []store.BatchChat, toSeq int64) ([]store.BatchPlan, error) {
				plans, f, err := b.planBatch(ctx, w, chats, toSeq, now)
				failed = f
				return plans, err
			})
		st.Due += len(out.Claimed)
		if err != nil {
			if len(out.Claimed) == 0 || ctx.Err() != nil {
				st.Failed += len(out.Claimed)
				st.Duration = time.Since(start)
				return st, err
			}
			st.Failed += len(out.Claimed)
			b.log.Error("Could not build a batch of digests", slog.Int("chats", len(out.Claimed)),
				slog.Int64("first_chat_id", out.Claimed[0]), slog.String("error", err.Error()))
			after = out.LastID
			continue
		}
		if len(out.Claimed) == 0 {
			break
		}
		st.Failed += failed
		for _, o := range out.Built {
			if o.DigestID != 0 {
				st.Built++
				st.Parts += o.Parts
			}
		}
		after = out.LastID
	}
	st.Duration = time.Since(start)
	return st, ctx.Err()
}

// windowSince is the earliest publication date any chat's digest at now
// may hold: MaxAgeDays before the date in the zone furthest behind UTC
// (compose computes each chat's own).
func windowSince(now time.Time, maxAgeDays int) time.Time {
	u := now.UTC()
	return time.Date(u.Year(), u.Month(), u.Day()-maxAgeDays-1, 0, 0, 0, 0, time.UTC)
}

// scheduleNew gives each chat without a next digest time its first one.
func (b *Builder) scheduleNew(ctx context.Context, now time.Time) error {
	for {
		chats, err := b.st.UnscheduledChats(ctx, batchSize)
		if err != nil || len(chats) == 0 {
			return err
		}
		next := make(map[int64]time.Time, len(chats))
		for _, c := range chats {
			next[c.ID] = firstRun(now, c.Time, chatZone(c.TimeZone))
		}
		if err := b.st.ScheduleChats(ctx, next); err != nil {
			return err
		}
		if len(chats) < batchSize {
			return nil
		}
	}
}
