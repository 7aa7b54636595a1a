package digest

import (
	"context"
	"math"
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
	now      clock // the sender's: the pauses it sets are read here
	interval time.Duration
	catchUp  time.Duration // how far behind the schedule a send may start at once

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

func newPacer(perSecond float64, now clock) *pacer {
	interval := time.Duration(float64(time.Second+pacingSlack) / perSecond)
	// A send that starts late (its worker was still busy with the last)
	// would shift every later slot, and the time would be lost for good;
	// at 1000/s that cost a few percent of the limit. Slots up to half the
	// slack's worth of sends behind may be caught up at once: any second
	// then holds at most perSecond/(1+slack) + perSecond×slack/2 + 1 sends,
	// under the limit by the other half of the slack (15 sends at 1000/s).
	// At 30/s that is less than one send, so nothing is caught up.
	catchUp := time.Duration(math.Floor(perSecond*pacingSlack.Seconds()/2)) * interval
	return &pacer{now: now, interval: interval, catchUp: catchUp}
}

// wait takes the next slot a send may start at and blocks until lead
// before it (the time the caller needs to claim a part), or until ctx ends.
// It returns the slot; the caller waits out the rest of the lead after its
// claim (clock.sleepUntil), so that the send itself starts on time:
// requests that start late by a varying claim time bunch up, and a second
// holding one too many draws a 429.
func (p *pacer) wait(ctx context.Context, lead time.Duration) (time.Time, error) {
	for {
		p.mu.Lock()
		// This send cannot start before its claim is done, about now+lead/2
		// (lead is twice a claim's average), so that is what may lag the
		// schedule by at most catchUp: measured from now, a slow claim
		// would let every send behind it start late and crowd one second
		// with more than the limit.
		now := p.now()
		slot := latest(now.Add(lead/2-p.catchUp), p.next, p.paused)
		p.next = slot.Add(p.interval)
		p.mu.Unlock()
		if err := p.now.sleepUntil(ctx, slot.Add(-lead)); err != nil {
			return slot, err
		}
		// A pause that began while this send was waiting for its slot
		// applies to it too.
		p.mu.Lock()
		paused := p.now().Before(p.paused)
		p.mu.Unlock()
		if !paused {
			return slot, nil
		}
	}
}

// giveBack returns a slot no send used (its worker found no part), so that
// idle workers do not push the next real send back. Only the latest slot
// can be returned; an earlier one is simply lost, at one interval's cost.
func (p *pacer) giveBack(slot time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.next.Equal(slot.Add(p.interval)) {
		p.next = slot
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

// claimLead tracks how long claiming a part takes, to start the claim that
// long before the slot. The lead is twice the moving average, at most
// maxClaimLead: the wait after the claim, inside its transaction, is never
// longer than that.
// Before the first claim is timed the lead is the most it may be: the first
// sends, all claimed at once, are the slowest, and a late start there
// crowds the first second.
type claimLead struct {
	mu   sync.Mutex
	avg  time.Duration
	seen bool
}

const maxClaimLead = 50 * time.Millisecond

func (l *claimLead) lead() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.seen {
		return maxClaimLead
	}
	return min(2*l.avg, maxClaimLead)
}

// observe adds one claim's duration to the average (weight 1/8).
func (l *claimLead) observe(d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.seen {
		l.avg, l.seen = d, true
		return
	}
	l.avg += (d - l.avg) / 8
}

func latest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.After(t) {
			t = u
		}
	}
	return t
}
