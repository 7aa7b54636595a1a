package digest

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Instant alerts: the scheduler's tick, after the digest pass, runs an alert
// pass. It matches what arrived since the last one against the instant
// subscriptions, then queues at most one alert message per chat, through the
// same outbox as digests (and so the same pacing, 429, 403 and migration
// handling). A chat waits while it is in its quiet hours, within a minute of
// its last alert, or past its day's cap; a digest that comes first holds
// what waits (store.BuildDigestBatch folds it).

// AlertOptions configure an Alerter. Zero fields take their defaults.
type AlertOptions struct {
	// PerDay is how many alert messages a chat gets in 24 hours before
	// the rest wait for its digest; 20 by default.
	PerDay  int
	Logger  *slog.Logger
	Metrics Metrics
}

// AlertStore is what alert passes need of the store.
type AlertStore interface {
	WithAlertLock(ctx context.Context, fn func(ctx context.Context) error) (bool, error)
	MatchAlerts(ctx context.Context, now time.Time, limit int) (int, bool, error)
	PendingAlertChats(ctx context.Context, now time.Time) ([]store.AlertChat, error)
	QueueAlerts(ctx context.Context, msgs []store.AlertMessage, now time.Time) (int, error)
}

// Alerter runs alert passes.
type Alerter struct {
	st   AlertStore
	opts AlertOptions
}

// NewAlerter returns an Alerter over st.
func NewAlerter(st AlertStore, opts AlertOptions) *Alerter {
	if opts.PerDay <= 0 {
		opts.PerDay = 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	opts.Metrics = metricsOrNone(opts.Metrics)
	return &Alerter{st: st, opts: opts}
}

// AlertStats is what one alert pass did.
type AlertStats struct {
	Matched  int // alerts recorded (chat and release)
	Messages int // alert messages queued
	Releases int // releases in them
	Skipped  bool
}

// matchBatch is how many arrived releases one statement matches.
const matchBatch = 1000

// alertGap is how soon after a chat's last alert message the next may be
// queued: a minute, less the jitter of the scheduler's tick.
const alertGap = 50 * time.Second

// Run is one alert pass as of now. Another process's pass in progress makes
// it skip: the next tick comes in a minute.
func (a *Alerter) Run(ctx context.Context, now time.Time) (AlertStats, error) {
	var st AlertStats
	ran, err := a.st.WithAlertLock(ctx, func(ctx context.Context) error {
		for {
			n, more, err := a.st.MatchAlerts(ctx, now, matchBatch)
			st.Matched += n
			if err != nil {
				return err
			}
			if !more {
				break
			}
		}
		chats, err := a.st.PendingAlertChats(ctx, now)
		if err != nil {
			return err
		}
		var msgs []store.AlertMessage
		for _, c := range chats {
			if m, ok := a.decide(c, now); ok {
				msgs = append(msgs, m)
				st.Releases += len(m.Releases)
			}
		}
		if len(msgs) == 0 {
			return nil
		}
		st.Messages, err = a.st.QueueAlerts(ctx, msgs, now)
		return err
	})
	st.Skipped = !ran && err == nil
	if err != nil {
		return st, fmt.Errorf("digest: alert pass: %w", err)
	}
	a.opts.Metrics.AlertsQueued(st.Releases)
	return st, nil
}

// decide is the alert message chat c gets now, if any: one release when one
// or two arrived together (the second comes a minute later), all of them in
// one bundle when three or more wait, or when they have waited (quiet hours,
// the minute's limit).
func (a *Alerter) decide(c store.AlertChat, now time.Time) (store.AlertMessage, bool) {
	switch {
	case len(c.Pending) == 0, c.SentToday >= a.opts.PerDay, quiet(c, now):
		return store.AlertMessage{}, false
	case c.LastAlertAt != nil && now.Sub(*c.LastAlertAt) < alertGap:
		return store.AlertMessage{}, false
	}
	rels := c.Pending[:1]
	if len(c.Pending) >= 3 || (len(c.Pending) == 2 && now.Sub(c.WaitingSince) > 2*time.Minute) {
		rels = c.Pending[:min(len(c.Pending), tgtext.MaxAlertItems)]
	}
	block, n := tgtext.Alert(rels, c.Lang)
	m := store.AlertMessage{ChatID: c.ID, Text: block.HTML}
	for _, r := range rels[:n] {
		m.Releases = append(m.Releases, r.ID)
	}
	return m, n > 0
}

// quiet reports whether now falls in c's quiet hours, in c's zone.
func quiet(c store.AlertChat, now time.Time) bool {
	from, okFrom := minuteOfDay(c.QuietFrom)
	to, okTo := minuteOfDay(c.QuietTo)
	if !okFrom || !okTo || from == to {
		return false
	}
	local := now.In(schedule.Zone(c.TimeZone))
	t := local.Hour()*60 + local.Minute()
	if from < to {
		return t >= from && t < to
	}
	return t >= from || t < to // over midnight: 22:00–08:00
}

// minuteOfDay reads "HH:MM" as minutes after midnight.
func minuteOfDay(clock string) (int, bool) {
	hm, err := schedule.ParseClock(clock)
	if err != nil {
		return 0, false
	}
	h, _ := strconv.Atoi(hm[:2])
	m, _ := strconv.Atoi(hm[3:])
	return h*60 + m, true
}
