package digest

import (
	"context"
	"time"
)

// clock is how the sender and its pacer read the time (SenderOptions.Now),
// so that sending can be tested at any hour of any day. Every reading goes
// through it: the "now" a part is claimed and recorded at, the deadline of a
// Drain, the pace's slots and flood-control pauses, and the durations
// logged and measured. They must all be on one clock: a 429's pause is set
// from the recorded now and read by the pacer, so a pacer on the real clock
// beside an injected one would wait out the difference.
//
// Waits stay on real timers: Telegram counts its limits in real seconds, and
// a wait until t on the clock lasts t minus the clock's now, real time. A
// clock that moves at the real pace (the real time shifted, say) keeps the
// pace exact; under a frozen one each pacing slot lies one interval further
// ahead of "now" than the last, so a test that freezes the clock should send
// only a few parts.
type clock func() time.Time

func (c clock) since(t time.Time) time.Duration { return c().Sub(t) }
func (c clock) until(t time.Time) time.Duration { return t.Sub(c()) }

// sleepUntil waits until the clock reads t, or until ctx ends.
func (c clock) sleepUntil(ctx context.Context, t time.Time) error {
	d := c.until(t)
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
