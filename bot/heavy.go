package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/newsbot-kz/newsbot/tgtext"
)

// MaxSearchTerms is how many words a /search may have, counting each OR
// alternative, the words of phrases and excluded words as typed
// (textmatch.TypedTerms: a place or an inflected word the query expands
// counts once). Ranking costs about as much per word as the first: 40 ORed
// words took 2.4 s over 20,000 releases.
const MaxSearchTerms = 10

// heavyQueueWait is how long a heavy command waits for one of the
// Limits.HeavyQueries slots before the user is told to try again later.
const heavyQueueWait = 10 * time.Second

// heavyLimiter keeps the commands that can take seconds of database time
// (/search, /latest, their pages, /digest now) from crowding out the rest.
//
// A chat runs one at a time. Another from the same chat while one runs is
// refused at once with a polite "one moment" rather than queued behind it:
// a queue would let one chat hold a goroutine and, later, a connection per
// message it sends, and would answer a burst with a burst. In a group the
// members share the chat's turn; a turn lasts a few seconds at most
// (Limits.QueryTimeout).
//
// Across chats at most Limits.HeavyQueries run at once and the others wait
// their turn holding no connection, so the pool always has connections for
// /start, /help and the rest, which then answer at once however many
// searches are queued.
type heavyLimiter struct {
	slots   chan struct{}
	mu      sync.Mutex
	running map[int64]bool // chats with a heavy command running or waiting
}

func newHeavyLimiter(slots int) *heavyLimiter {
	return &heavyLimiter{slots: make(chan struct{}, slots), running: map[int64]bool{}}
}

// refusal is a heavy command turned down politely: its text says why, in
// the user's language. It travels as an error so that it can come back from
// a page through the handlers' error returns, and the command answers with
// it (a button press, with a notification) instead of the apology for an
// internal error.
type refusal struct{ text tgtext.Text }

func (r *refusal) Error() string { return "bot: refused: " + r.text.In("en") }

var (
	errStillWorking = &refusal{tgtext.MsgStillWorking}
	errBusy         = &refusal{tgtext.MsgBusy}
)

// refusalText is the message of a refusal, and whether err is one.
func refusalText(lang string, err error) (string, bool) {
	var r *refusal
	if !errors.As(err, &r) {
		return "", false
	}
	return tgtext.Tr(lang, r.text), true
}

// refusalToast is refusalText cut to what a button's notification holds.
func refusalToast(lang string, err error) (string, bool) {
	text, ok := refusalText(lang, err)
	return tgtext.Truncate(text, 200), ok
}

// runHeavy runs fn as chatID's one heavy command once a slot is free. It
// returns errStillWorking when the chat already has one, and errBusy when
// no slot came free in time.
func (b *Bot) runHeavy(ctx context.Context, chatID int64, fn func(ctx context.Context) error) error {
	l := b.heavy
	l.mu.Lock()
	if l.running[chatID] {
		l.mu.Unlock()
		return errStillWorking
	}
	l.running[chatID] = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.running, chatID)
		l.mu.Unlock()
	}()
	release, ok := l.slot(ctx, heavyQueueWait)
	if !ok {
		b.log.Warn("No slot for a heavy command came free in time", slog.Int64("chat_id", chatID))
		return errBusy
	}
	defer release()
	return fn(ctx)
}

// slot waits up to wait for one of the heavy slots; release gives it back.
func (l *heavyLimiter) slot(ctx context.Context, wait time.Duration) (release func(), ok bool) {
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return func() { <-l.slots }, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

// timedOut is the refusal of a query stopped at Limits.QueryTimeout; it is
// logged as a warning: expected under abuse, nothing to fix.
func (b *Bot) timedOut(c chatCtx, err error, text tgtext.Text) error {
	b.log.Warn("Query stopped at its time limit", slog.Int64("chat_id", c.chat.ID),
		slog.String("error", err.Error()))
	return &refusal{text}
}
