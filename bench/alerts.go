package bench

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// AlertResult is the latency of instant alerts for a burst of releases.
type AlertResult struct {
	Chats, Instant int           // chats, and those with an instant subscription
	Burst          int           // releases that arrived together
	Matched        int           // alerts recorded (chat and release)
	Messages       int           // alert messages queued
	PassTime       time.Duration // the alert pass: matching and queueing
	PerSecond      int           // the Bot API limit they were sent at
	Sent           int           // messages Telegram took within the run
	P50, P95, Max  time.Duration // arrival to Telegram taking the message
}

// measureAlerts gives every tenth chat's subscriptions instant delivery (no
// quiet hours), imports a burst of new releases, runs one alert pass right
// after, and sends the alert messages at perSecond through the real sender
// to a fake Bot API, measuring each from its release's arrival. The digest
// parts still queued are dropped first: the measure is of alerts alone (in
// serve, digests go first). A production tick adds up to a minute before
// the pass; the figures here start the pass at once.
func measureAlerts(ctx context.Context, st *store.Store, gen *Generator, burst, perSecond int, today time.Time) (AlertResult, error) {
	res := AlertResult{Burst: burst, PerSecond: perSecond}
	db := st.DB()
	for _, q := range []string{
		`UPDATE outbox SET status = 'dropped' WHERE status = 'pending'`,
		`UPDATE subscriptions SET delivery = 'instant' WHERE chat_id % 10 = 0`,
		`UPDATE chats SET quiet_from = NULL, quiet_to = NULL`,
		`UPDATE alert_cursor SET last_seq = (SELECT coalesce(max(arrival_seq), 0) FROM releases)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return res, fmt.Errorf("bench: alerts: %w", err)
		}
	}
	if err := db.GetContext(ctx, &res.Chats, `SELECT count(*) FROM chats`); err != nil {
		return res, err
	}
	if err := db.GetContext(ctx, &res.Instant, `SELECT count(DISTINCT chat_id) FROM subscriptions WHERE delivery = 'instant'`); err != nil {
		return res, err
	}
	var rels []store.NewRelease
	for _, r := range gen.Day(burst, today) {
		rels = append(rels, r.NewRelease)
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		return res, fmt.Errorf("bench: alerts: import the burst: %w", err)
	}
	a := digest.NewAlerter(st, digest.AlertOptions{PerDay: 1000, Logger: slog.New(slog.DiscardHandler)})
	began := time.Now()
	pass, err := a.Run(ctx, time.Now())
	res.PassTime, res.Matched, res.Messages = time.Since(began), pass.Matched, pass.Messages
	if err != nil || pass.Messages == 0 {
		return res, err
	}

	srv := fakebotapi.New(fakebotapi.WithRateLimit(perSecond), fakebotapi.WithMaxCalls(1))
	defer srv.Close()
	tg, err := tgbot.New("1000001:bench-token-aaaaaaaaaaaaaaaaaaaa", tgbot.WithServerURL(srv.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		return res, err
	}
	limit := time.Duration(float64(pass.Messages)/float64(perSecond)*float64(time.Second))*2 + 30*time.Second
	runCtx, stop := context.WithTimeout(ctx, limit)
	defer stop()
	m := &alertDelays{target: pass.Messages, done: stop}
	s := digest.NewSender(st, tg, digest.SenderOptions{GlobalPerSecond: float64(perSecond),
		Logger: slog.New(slog.DiscardHandler), Metrics: m})
	if err := s.Run(runCtx); err != nil {
		return res, err
	}
	d := m.sorted()
	res.Sent = len(d)
	if len(d) > 0 {
		res.P50, res.P95, res.Max = d[len(d)/2], d[len(d)*95/100], d[len(d)-1]
	}
	return res, ctx.Err()
}

// alertDelays is the sender's Metrics: it keeps each alert's delay and ends
// the run when every message went.
type alertDelays struct {
	mu     sync.Mutex
	d      []time.Duration
	target int
	done   func()
}

func (a *alertDelays) AlertSent(d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.d = append(a.d, d)
	if len(a.d) >= a.target {
		a.done()
	}
}
func (a *alertDelays) DigestBuilt(time.Duration)            {}
func (a *alertDelays) DigestPartSent(string, time.Duration) {}
func (a *alertDelays) AlertsQueued(int)                     {}
func (a *alertDelays) AlertsFolded(int)                     {}

func (a *alertDelays) sorted() []time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := slices.Clone(a.d)
	slices.Sort(d)
	return d
}
