package digest

import (
	"context"
	"sync"
	"time"
)

// pacer spaces this process's sends evenly at the global rate and holds
// them all during a global flood-control pause. Per-chat pacing lives in the
// outbox instead (not_before), so that it holds across processes.
//
// A 429 always delays its own chat. It pauses everyone too when another
// chat got a 429 within the last second: Telegram's per-chat limits refuse
// one chat at a time, so 429s for several chats at once mean the global
// limit was hit, and a single chat's long retry_after (a busy group) should
// not stall every other chat.
type pacer struct {
	interval time.Duration

	mu       sync.Mutex
	next     time.Time // the earliest start of the next send
	paused   time.Time // no send starts before this
	lastChat int64     // the chat of the latest 429 ...
	lastAt   time.Time // ... and when it came
}

// pacingSlack is the jitter the pace absorbs. Requests reach Telegram a
// little early or late; spaced exactly at the limit, one that arrives early
// after one that arrived late puts limit+1 messages in a second and draws a
// 429 (about one a second at 30/s, measured by "newsbot bench"). Spreading
// each second's messages over a second and this slack keeps them under the
// limit at 97% of it.
const pacingSlack = 30 * time.Millisecond

func newPacer(perSecond float64) *pacer {
	return &pacer{interval: time.Duration(float64(time.Second+pacingSlack) / perSecond)}
}

// wait blocks until a send may start, or ctx ends.
func (p *pacer) wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		now := time.Now()
		slot := latest(now, p.next, p.paused)
		p.next = slot.Add(p.interval)
		p.mu.Unlock()
		if err := sleepUntil(ctx, slot); err != nil {
			return err
		}
		// A pause that began while this send was waiting for its slot
		// applies to it too.
		p.mu.Lock()
		paused := time.Now().Before(p.paused)
		p.mu.Unlock()
		if !paused {
			return nil
		}
	}
}

// tooMany notes a 429 for chat at now and reports whether it paused
// everyone for wait.
func (p *pacer) tooMany(chat int64, now time.Time, wait time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	global := chat != p.lastChat && now.Sub(p.lastAt) < time.Second
	p.lastChat, p.lastAt = chat, now
	if global {
		p.paused = latest(p.paused, now.Add(wait))
	}
	return global
}

func latest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.After(t) {
			t = u
		}
	}
	return t
}

func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
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
