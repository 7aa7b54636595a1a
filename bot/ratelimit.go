package bot

import (
	"sync"
	"time"
)

type limitVerdict int

const (
	limitAllow  limitVerdict = iota
	limitRefuse              // over the limit: say so, once per window
	limitDrop                // still over the limit: stay silent
)

// rateLimiter counts commands per chat in a sliding window. A chat over the
// limit is told once to slow down, then ignored until the window has room,
// so a flood costs one message, not one per command.
type rateLimiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	now    func() time.Time
	chats  map[int64]*chatWindow
	sweep  time.Time
}

type chatWindow struct {
	times  []time.Time
	warned bool
}

func newRateLimiter(limit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, now: now, chats: map[int64]*chatWindow{}}
}

func (l *rateLimiter) allow(chatID int64) limitVerdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.forgetIdle(now)
	w := l.chats[chatID]
	if w == nil {
		w = &chatWindow{}
		l.chats[chatID] = w
	}
	keep := w.times[:0]
	for _, t := range w.times {
		if now.Sub(t) < l.window {
			keep = append(keep, t)
		}
	}
	w.times = keep
	if len(w.times) >= l.limit {
		if w.warned {
			return limitDrop
		}
		w.warned = true
		return limitRefuse
	}
	w.warned = false
	w.times = append(w.times, now)
	return limitAllow
}

// forgetIdle drops chats with no command in the window, so memory follows
// the number of active chats, not of all chats ever seen.
func (l *rateLimiter) forgetIdle(now time.Time) {
	if now.Sub(l.sweep) < l.window {
		return
	}
	l.sweep = now
	for id, w := range l.chats {
		if len(w.times) == 0 || now.Sub(w.times[len(w.times)-1]) >= l.window {
			delete(l.chats, id)
		}
	}
}
