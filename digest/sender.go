package digest

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/newsbot-kz/newsbot/store"
)

// minPoll is the shortest wait between two passes.
const minPoll = 50 * time.Millisecond

// SenderOptions configures a Sender. Zero fields take their defaults.
type SenderOptions struct {
	// GlobalPerSecond is the overall pace, default 30. Above 30 Telegram only
	// accepts paid broadcasts (up to 1000/s), so the sender then sets
	// allow_paid_broadcast, which costs Telegram Stars.
	GlobalPerSecond float64
	PerChatInterval time.Duration // min gap between two messages to one chat, default 1s
	// RetryFor is how long a part keeps being retried through transient
	// failures (5xx, timeouts, network) before it is given up, default 6h:
	// an outage of Telegram or of the network should delay a digest, not
	// lose it. A part given up offers its releases to the next digest.
	RetryFor       time.Duration
	Backoff        time.Duration // first retry delay for 5xx/timeouts, doubling, default 2s
	MaxBackoff     time.Duration // longest delay between two retries, default 5m
	MaxMoves       int           // group-to-supergroup moves of one part before it is given up, default 6
	RequestTimeout time.Duration // per sendMessage call, default 15s
	Workers        int           // concurrent sends, default 8 (16 above 500/s); also the duplicate bound of a kill
	Logger         *slog.Logger
	Metrics        Metrics // outcomes and durations of sends; nil for none
	// Now is the clock the sender and its pacer read (time.Now by default);
	// Drain's deadline is on it. Waits still take real time (see clock).
	Now func() time.Time
}

func (o SenderOptions) withDefaults() SenderOptions {
	if o.GlobalPerSecond <= 0 {
		o.GlobalPerSecond = 30
	}
	if o.PerChatInterval <= 0 {
		o.PerChatInterval = time.Second
	}
	if o.RetryFor <= 0 {
		o.RetryFor = 6 * time.Hour
	}
	if o.MaxMoves <= 0 {
		o.MaxMoves = 6
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Minute
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 15 * time.Second
	}
	// Each worker claims, sends and commits one part at a time, so Workers
	// parts are in flight. At 1000/s, 8 workers leave 8 ms for a whole
	// cycle, which a loaded 2-core machine missed ("newsbot bench": 94.7%
	// of the limit); 16 leave 16 ms.
	if o.Workers <= 0 {
		o.Workers = 8
		if o.GlobalPerSecond > 500 {
			o.Workers = 16
		}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	o.Metrics = metricsOrNone(o.Metrics)
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Sender delivers the outbox's parts to Telegram. Several Senders, in one
// process or many, may share an outbox.
//
// Each part is sent inside the transaction that claimed it
// (store.ClaimPart: FOR UPDATE SKIP LOCKED) and marked sent by that
// transaction's commit, after Telegram accepted it.
//
// Duplicates. A process killed (or cut from its database) after Telegram
// accepted a message but before the commit that marks it sent leaves that
// part pending, and it is sent again after the restart. A part is only sent
// while its row lock is held, and a Sender holds at most Workers parts at a
// time, so one kill causes at most Workers duplicates, at most one per part
// (Senders killed together: the sum of their Workers). A graceful stop (ctx
// ended) commits every answer Telegram gave; only calls cut off in flight,
// whose fate Telegram did not tell, stay pending, within the same bound.
// Apart from kills, a call that timed out after Telegram had delivered the
// message is a duplicate when retried: only when Telegram is slower than
// RequestTimeout, once per such timeout. Telegram has no idempotency key
// for sendMessage, so the bound cannot be zero; marking parts sent before
// calling would lose them instead.
//
// A worker waits for its pacing slot (and out any flood-control pause)
// before it claims a part, so no transaction stays open while it waits:
// between claim and commit there is only the Telegram call.
type Sender struct {
	st   *store.Store
	tg   *tgbot.Bot
	opts SenderOptions
	log  *slog.Logger
	now  clock
	pace *pacer
	lead claimLead // how long a claim takes, to claim just ahead of the slot
	wake chan struct{}
}

// NewSender returns a Sender of st's outbox through tg.
func NewSender(st *store.Store, tg *tgbot.Bot, opts SenderOptions) *Sender {
	opts = opts.withDefaults()
	return &Sender{
		st: st, tg: tg, opts: opts, log: opts.Logger, now: opts.Now,
		pace: newPacer(opts.GlobalPerSecond, opts.Now),
		wake: make(chan struct{}, 1),
	}
}

// Notify tells the sender that parts were queued.
func (s *Sender) Notify() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends due parts until ctx ends, then returns nil. It wakes on Notify,
// when a delayed part falls due, and at least every second.
func (s *Sender) Run(ctx context.Context) error {
	for {
		start := s.now()
		var t tally
		err := s.pass(ctx, forever, &t)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			s.log.Error("Sending the outbox failed", slog.String("error", err.Error()))
		}
		if t.any() {
			s.logPass(t.stats(s.now.since(start)))
		}
		if s.sleep(ctx, forever) != nil {
			return nil
		}
	}
}

// Drain sends until no pending part remains, waiting out the delays of
// parts to retry, or until the deadline, and returns what it did and how
// many parts are still pending (0 unless the deadline came first). After
// the deadline no part is claimed; calls in flight are finished and
// recorded. Parts other processes hold count as pending until they finish.
// The deadline is read on the sender's clock (SenderOptions.Now).
func (s *Sender) Drain(ctx context.Context, deadline time.Time) (SendStats, int, error) {
	start := s.now()
	var t tally
	pending, err := s.drain(ctx, deadline, &t)
	stats := t.stats(s.now.since(start))
	s.logPass(stats)
	if err != nil {
		return stats, pending, fmt.Errorf("digest: drain the outbox: %w", err)
	}
	return stats, pending, nil
}

func (s *Sender) drain(ctx context.Context, deadline time.Time, t *tally) (int, error) {
	for {
		if err := s.pass(ctx, deadline, t); err != nil {
			return 0, err
		}
		n, err := s.st.PendingParts(ctx)
		if err != nil || n == 0 || !s.now().Before(deadline) {
			return n, err
		}
		if err := s.sleep(ctx, deadline); err != nil {
			return n, err
		}
	}
}

// pass sends with Workers workers until none finds a due part or the
// deadline comes. It returns the first error, ctx's when ctx ended.
func (s *Sender) pass(ctx context.Context, deadline time.Time, t *tally) error {
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range s.opts.Workers {
		wg.Go(func() {
			if err := s.work(ctx, deadline, t); err != nil {
				once.Do(func() { first = err })
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return first
}

// work sends parts until none is due or the deadline comes. A panic is
// logged and ends the worker; the part it held stays pending.
func (s *Sender) work(ctx context.Context, deadline time.Time, t *tally) (err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("Panic while sending a part", slog.Any("panic", v),
				slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("digest: panic while sending: %v", v)
		}
	}()
	for s.now().Before(deadline) {
		claimed, err := s.sendOne(ctx, t)
		if err != nil || !claimed {
			return err
		}
	}
	return nil
}

// forever is the deadline of a sender that runs until its ctx ends.
var forever = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// sleep waits for Notify, for the next delayed part to fall due, a second
// or the deadline, whichever comes first. A part already due was held by
// another sender during the pass, or fell due since: look again soon.
func (s *Sender) sleep(ctx context.Context, deadline time.Time) error {
	d := min(time.Second, max(s.now.until(deadline), 0))
	next, ok, err := s.st.NextPartDue(ctx)
	if err != nil && ctx.Err() == nil {
		s.log.Warn("Could not read the outbox", slog.String("error", err.Error()))
	}
	if ok {
		d = min(d, max(s.now.until(next), minPoll))
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.wake:
	case <-timer.C:
	}
	return nil
}
