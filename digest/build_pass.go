package digest

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// batchSize bounds one query's chats; a pass repeats until none is left.
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
// time. One chat's failure or panic is logged and counted, and the others
// are still built.
func (b *Builder) RunPass(ctx context.Context, now time.Time) (PassStats, error) {
	start := time.Now()
	var st PassStats
	if err := b.scheduleNew(ctx, now); err != nil {
		return st, err
	}
	// Keyset paging by id: every due chat is tried once per pass, even one
	// that fails or that another process holds. Paging starts below every
	// id: groups and supergroups have negative ids.
	after := int64(math.MinInt64)
	for ctx.Err() == nil {
		ids, err := b.st.DueChats(ctx, now, after, batchSize)
		if err != nil {
			return st, err
		}
		for _, id := range ids {
			st.Due++
			began := time.Now()
			out, err := b.buildChat(ctx, id, now)
			if err == nil {
				b.opts.Metrics.DigestBuilt(time.Since(began))
			}
			switch {
			case err != nil:
				st.Failed++
				b.log.Error("Could not build a digest", slog.Int64("chat_id", id), slog.String("error", err.Error()))
			case out.DigestID != 0:
				st.Built++
				st.Parts += out.Parts
			}
		}
		if len(ids) < batchSize {
			break
		}
		after = ids[len(ids)-1]
	}
	st.Duration = time.Since(start)
	return st, ctx.Err()
}

// buildChat builds one chat's digest, turning a panic into an error.
func (b *Builder) buildChat(ctx context.Context, chatID int64, now time.Time) (out store.DigestOutcome, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("Panic while building a digest", slog.Int64("chat_id", chatID),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("digest: panic: %v", v)
		}
	}()
	if b.beforeChat != nil {
		b.beforeChat(chatID)
	}
	return b.st.BuildDigest(ctx, chatID, now, func(ctx context.Context, src *store.DigestSource) (store.DigestPlan, error) {
		d, err := b.compose(ctx, src, now)
		if err != nil {
			return store.DigestPlan{}, err
		}
		plan := store.DigestPlan{Next: NextRun(now, src.Chat.Time, chatZone(src.Chat.TimeZone))}
		if d.Items() == 0 {
			return plan, nil
		}
		for _, p := range Render(d) {
			plan.Parts = append(plan.Parts, p.HTML)
		}
		plan.Items = d.Items()
		return plan, nil
	})
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
