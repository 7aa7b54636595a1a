// Package leader elects, among the replicas serving one Telegram bot, the
// one that long-polls Telegram: the Bot API lets a single client call
// getUpdates for a token (a second one gets 409 Conflict), yet every
// replica runs serve. It is specific to long polling; in webhook mode
// every replica answers Telegram and there is nothing to elect.
//
// The election is a PostgreSQL session advisory lock (store.Lease): the
// replica that holds it polls, and it holds it exactly as long as its
// database session lives.
package leader

import (
	"context"
	"hash/fnv"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/metrics"
	"github.com/newsbot-kz/newsbot/store"
)

// leaseIdle is how long the server keeps a silent poller's session (and
// its lock): a poller cut off from the database on a path the server does
// not notice loses the lock after this, and with the others' retry (at most
// 1.5 × Options.Retry, 45 s by default) polling moves within a minute.
const leaseIdle = 30 * time.Second

// Options configure a Poller.
type Options struct {
	Token   string           // the bot's token: its public part names the lock
	Retry   time.Duration    // POLLER_RETRY: how often a replica campaigns
	Logger  *slog.Logger     // becoming and ceasing to be the poller
	Metrics *metrics.Metrics // the leader gauge; nil for none
}

// Poller makes this process the one that long-polls Telegram while it holds
// a PostgreSQL advisory lock. The others retry every Options.Retry (plus up
// to half again, at random, so they do not knock in step); the poller checks
// its lock twice as often and stops polling as soon as it cannot vouch
// for it.
type Poller struct {
	st    *store.Store
	b     *bot.Bot
	log   *slog.Logger
	m     *metrics.Metrics
	retry time.Duration
	key   int64
}

// New returns the poller of b's token; Run starts it campaigning.
func New(st *store.Store, b *bot.Bot, opts Options) *Poller {
	return &Poller{st: st, b: b, log: opts.Logger, m: opts.Metrics, retry: opts.Retry, key: lockKey(opts.Token)}
}

// lockKey is the advisory lock of the token's poller. It is derived from
// the bot's id (the token's public part), so bots sharing a database each
// elect their own poller.
func lockKey(token string) int64 {
	id, _, _ := strings.Cut(token, ":")
	h := fnv.New64a()
	h.Write([]byte("newsbot poller " + id))
	return int64(h.Sum64())
}

// Run campaigns for the lock, and polls while it holds it, until ctx ends.
// Polling has stopped when it returns.
func (p *Poller) Run(ctx context.Context) {
	for {
		lease, ok, err := p.st.TryLease(ctx, p.key, leaseIdle)
		switch {
		case err != nil && ctx.Err() == nil:
			p.log.Warn("Could not campaign for the poller lock", slog.String("error", err.Error()))
		case ok:
			p.lead(ctx, lease)
		}
		wait := p.retry + rand.N(p.retry/2+1)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// lead polls until ctx ends or the lease is lost; polling has stopped when
// it returns, before the lock is released.
func (p *Poller) lead(ctx context.Context, lease *store.Lease) {
	defer lease.Release()
	p.log.Info("Became the poller", slog.Bool("poller", true))
	p.m.SetLeader(true)
	defer p.m.SetLeader(false)
	pollCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.b.Poll(pollCtx)
	}()
	defer func() { stop(); <-done }()
	tick := time.NewTicker(p.retry / 2)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		cctx, cancel := context.WithTimeout(ctx, max(p.retry, 2*time.Second))
		err := lease.Check(cctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			p.log.Warn("Lost the poller lock; stopped polling", slog.Bool("poller", false),
				slog.String("error", err.Error()))
			return
		}
	}
}
