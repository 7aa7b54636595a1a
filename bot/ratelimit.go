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

// rateLimiter counts commands in a sliding window. One over the limit is
// told once to slow down, then ignored until the window has room, so a
// flood costs one message, not one per command.
//
// A private chat is one person: its commands are counted together. In a
// group each member is counted on their own, so that one member's flood
// silences that member and not the group; the group as a whole has a
// higher cap besides, so that many members together cannot make the bot
// flood the group either.
type rateLimiter struct {
	mu         sync.Mutex
	limit      int // per private chat, and per member of a group
	groupLimit int // per group, all members together
	window     time.Duration
	now        func() time.Time
	windows    map[limitKey]*chatWindow
	sweep      time.Time
}

// limitKey is whose commands a window counts: a private chat's (user ==
// chat), a group member's, or a whole group's (user 0, which no Telegram
// user has).
type limitKey struct{ chat, user int64 }

type chatWindow struct {
	times  []time.Time
	warned bool
}

func newRateLimiter(limit, groupLimit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, groupLimit: groupLimit, window: window, now: now,
		windows: map[limitKey]*chatWindow{}}
}

// allow decides on a command from userID in chatID. In a private chat the
// two are the same id.
func (l *rateLimiter) allow(chatID, userID int64) limitVerdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.forgetIdle(now)
	member := l.windowOf(limitKey{chatID, userID}, now)
	if member.full(l.limit) {
		return member.over()
	}
	if chatID != userID {
		group := l.windowOf(limitKey{chat: chatID}, now)
		if group.full(l.groupLimit) {
			return group.over()
		}
		group.add(now)
	}
	member.add(now)
	return limitAllow
}

// windowOf is key's window with the times that left it dropped.
func (l *rateLimiter) windowOf(key limitKey, now time.Time) *chatWindow {
	w := l.windows[key]
	if w == nil {
		w = &chatWindow{}
		l.windows[key] = w
	}
	keep := w.times[:0]
	for _, t := range w.times {
		if now.Sub(t) < l.window {
			keep = append(keep, t)
		}
	}
	w.times = keep
	return w
}

func (w *chatWindow) full(limit int) bool { return len(w.times) >= limit }

// over is the verdict on a command past the limit: a warning the first
// time, silence after.
func (w *chatWindow) over() limitVerdict {
	if w.warned {
		return limitDrop
	}
	w.warned = true
	return limitRefuse
}

func (w *chatWindow) add(now time.Time) {
	w.warned = false
	w.times = append(w.times, now)
}

// forgetIdle drops windows with no command in them, so memory follows the
// number of active chats and members, not of all ever seen.
func (l *rateLimiter) forgetIdle(now time.Time) {
	if now.Sub(l.sweep) < l.window {
		return
	}
	l.sweep = now
	for key, w := range l.windows {
		if len(w.times) == 0 || now.Sub(w.times[len(w.times)-1]) >= l.window {
			delete(l.windows, key)
		}
	}
}
