package digest

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/newsbot-kz/newsbot/store"
)

// Notifier is told when parts were queued: the Sender.
type Notifier interface{ Notify() }

// SchedulerOptions configure a Scheduler. Zero fields take their defaults.
type SchedulerOptions struct {
	Spec   string           // when passes run, in cron syntax; default every minute
	Now    func() time.Time // the clock passes read; time.Now by default
	Logger *slog.Logger
	// Alerts, when set, runs an alert pass after each digest pass: digests
	// come first, and one that came due folds what was waiting to alert.
	Alerts *Alerter
	// Keywords, when set, brings the keyword index up to date after the
	// alert pass (store.MatchKeywords): what arrived is in it within the
	// minute, and /latest matches the rest itself.
	Keywords KeywordIndexer
}

// KeywordIndexer keeps /latest's keyword index up to date: the store.
type KeywordIndexer interface {
	MatchKeywords(ctx context.Context) (store.KeywordMatchStats, error)
}

// Scheduler runs a digest pass on a cron schedule, every minute by default.
// Due chats are found by their stored next digest time, so a pass after
// downtime sends each missed digest once, and a pass that outlasts its
// minute makes the next tick skip rather than pile up.
type Scheduler struct {
	b     *Builder
	n     Notifier
	opts  SchedulerOptions
	cron  *cron.Cron
	first sync.WaitGroup // the pass at Start
}

// NewScheduler returns a Scheduler of b's passes that tells n (which may be
// nil) when parts were queued.
func NewScheduler(b *Builder, n Notifier, opts SchedulerOptions) *Scheduler {
	if opts.Spec == "" {
		opts.Spec = "* * * * *"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	l := cronLogger{opts.Logger}
	c := cron.New(cron.WithLogger(l), cron.WithChain(cron.Recover(l), cron.SkipIfStillRunning(l)))
	return &Scheduler{b: b, n: n, opts: opts, cron: c}
}

// Start runs a pass at once, then passes on the schedule in the
// background until Stop; ctx is the passes' context. The first pass sends
// at once what came due while no process ran (a restart at 10:00 sends the
// 09:00 digests then, not at the next tick). A tick during it may run a
// second pass beside it: passes claim chats with SKIP LOCKED, as replicas
// do, so no chat is built twice.
func (s *Scheduler) Start(ctx context.Context) error {
	if _, err := s.cron.AddFunc(s.opts.Spec, func() { s.Tick(ctx) }); err != nil {
		return fmt.Errorf("digest: schedule %q: %w", s.opts.Spec, err)
	}
	s.first.Go(func() { s.Tick(ctx) })
	s.cron.Start()
	return nil
}

// Stop stops the schedule and waits for a running pass to end.
func (s *Scheduler) Stop() {
	<-s.cron.Stop().Done()
	s.first.Wait()
}

// Tick runs one pass at the clock's time, wakes the sender when it queued
// parts, and logs what it did: one line a pass.
func (s *Scheduler) Tick(ctx context.Context) PassStats {
	st, err := s.b.RunPass(ctx, s.opts.Now())
	if st.Parts > 0 && s.n != nil {
		s.n.Notify()
	}
	attrs := []any{slog.Int("chats_due", st.Due), slog.Int("digests_built", st.Built),
		slog.Int("parts_queued", st.Parts), slog.Int("failed", st.Failed), slog.Duration("duration", st.Duration)}
	switch {
	case err != nil:
		s.opts.Logger.Error("Digest pass failed", append(attrs, slog.String("error", err.Error()))...)
	case st.Due > 0 || st.Failed > 0:
		s.opts.Logger.Info("Digest pass", attrs...)
	default:
		s.opts.Logger.Debug("Digest pass", attrs...)
	}
	if s.opts.Alerts != nil {
		s.alertPass(ctx)
	}
	if s.opts.Keywords != nil {
		s.keywordPass(ctx)
	}
	return st
}

// keywordPass brings the keyword index up to date and logs what it did
// when it did something.
func (s *Scheduler) keywordPass(ctx context.Context) {
	st, err := s.opts.Keywords.MatchKeywords(ctx)
	attrs := []any{slog.Int("matched", st.Matched), slog.Int("backfilled", st.Backfilled),
		slog.Int("left", st.Left), slog.Int("dropped", st.Dropped)}
	switch {
	case err != nil:
		s.opts.Logger.Error("Keyword index pass failed", append(attrs, slog.String("error", err.Error()))...)
	case st.Backfilled > 0 || st.Dropped > 0 || st.Left > 0:
		s.opts.Logger.Info("Keyword index pass", attrs...)
	}
}

// alertPass runs one alert pass, wakes the sender when it queued messages,
// and logs what it did.
func (s *Scheduler) alertPass(ctx context.Context) {
	st, err := s.opts.Alerts.Run(ctx, s.opts.Now())
	if st.Messages > 0 && s.n != nil {
		s.n.Notify()
	}
	attrs := []any{slog.Int("alerts_matched", st.Matched), slog.Int("messages_queued", st.Messages),
		slog.Int("releases", st.Releases)}
	switch {
	case err != nil:
		s.opts.Logger.Error("Alert pass failed", append(attrs, slog.String("error", err.Error()))...)
	case st.Messages > 0 || st.Matched > 0:
		s.opts.Logger.Info("Alert pass", attrs...)
	}
}

// cronLogger sends cron's own messages (a recovered panic, a skipped tick)
// to slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("Cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("Cron: "+msg, append(kv, slog.String("error", err.Error()))...)
}
