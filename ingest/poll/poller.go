package poll

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// Poller polls the sources of one database.
type Poller struct {
	st    Store
	o     Options
	govkz *govkz
	feeds *feeds
	log   *slog.Logger
}

// New makes a poller over st. Options left zero take their defaults.
func New(st Store, o Options) (*Poller, error) {
	o = o.withDefaults()
	if err := o.validate(); err != nil {
		return nil, err
	}
	g := newGetter(o)
	return &Poller{st: st, o: o, govkz: newGovkz(o, g, st), feeds: &feeds{get: g, clock: o.Clock}, log: o.Logger}, nil
}

// budget is the longest one poll of a source may take: every request of a
// full API paging and of the fallback, with room to spare.
func (p *Poller) budget() time.Duration { return p.o.Timeout * (maxAPIPages + 4) }

// lease outlasts the budget, so that a lease never runs out while its
// holder is still fetching: two pollers never fetch one source at once.
func (p *Poller) lease() time.Duration { return p.budget() + time.Minute }

// Run polls due sources every tick until ctx ends. Errors are logged: a
// database that is briefly away only delays polling.
func (p *Poller) Run(ctx context.Context) {
	p.log.Info("Polling sources", slog.Duration("interval", p.o.Interval),
		slog.String("primary", p.o.Primary), slog.String("langs", strings.Join(p.o.Langs, ",")))
	t := time.NewTicker(p.o.Tick)
	defer t.Stop()
	for {
		if _, err := p.Pass(ctx, nil); err != nil && ctx.Err() == nil {
			p.log.Error("Polling pass failed", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Sync brings the sources table up to date with the configuration (and
// the entities chats follow) without polling.
func (p *Poller) Sync(ctx context.Context) error {
	return p.st.SyncSources(ctx, p.o.Clock(), p.o.plan(nil))
}

// Pass brings the sources table up to date with the configuration and
// polls once: with no entities, every due source; otherwise every source of
// those entities, due or not (sources of unknown slugs are created). It
// returns a result per source, sorted by source.
func (p *Poller) Pass(ctx context.Context, entities []string) ([]Result, error) {
	for _, e := range entities {
		if !ingest.ValidSlug(e) {
			return nil, fmt.Errorf("poll: %q is not an entity slug", e)
		}
	}
	if err := p.st.SyncSources(ctx, p.o.Clock(), p.o.plan(entities)); err != nil {
		return nil, err
	}
	if len(entities) == 0 {
		return p.pollDue(ctx), nil
	}
	srcs, err := p.st.SourcesOfEntities(ctx, entities)
	if err != nil {
		return nil, err
	}
	return p.pollThese(ctx, srcs), nil
}

// pollDue has the workers claim and poll due sources until none is left.
// A source is polled once a pass: one whose poll could not be recorded
// stays due, and must not be polled again and again.
func (p *Poller) pollDue(ctx context.Context) []Result {
	var mu sync.Mutex
	var results []Result
	polled := map[int64]bool{}
	var wg sync.WaitGroup
	for range p.o.Workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				now, token := p.o.Clock(), newToken()
				src, err := p.st.ClaimDueSource(ctx, now, now.Add(p.lease()), token)
				if err != nil {
					if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
						p.log.Error("Claiming a source failed", slog.String("error", err.Error()))
					}
					return
				}
				mu.Lock()
				again := polled[src.ID]
				polled[src.ID] = true
				mu.Unlock()
				if again {
					p.release(src)
					return
				}
				r := p.observed(p.poll(ctx, src))
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.SortFunc(results, func(a, b Result) int { return strings.Compare(a.Source.Key, b.Source.Key) })
	return results
}

// pollThese claims and polls the given sources, due or not; one another
// poller holds is reported busy and left to it.
func (p *Poller) pollThese(ctx context.Context, srcs []store.Source) []Result {
	results := make([]Result, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(p.o.Workers, len(srcs)) {
		wg.Go(func() {
			for i := range next {
				results[i] = p.claimAndPoll(ctx, srcs[i])
			}
		})
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func (p *Poller) claimAndPoll(ctx context.Context, src store.Source) Result {
	now := p.o.Clock()
	claimed, err := p.st.ClaimSource(ctx, src.ID, now, now.Add(p.lease()), newToken())
	switch {
	case errors.Is(err, store.ErrSourceBusy):
		return Result{Source: src, Busy: true}
	case err != nil:
		return p.observed(Result{Source: src, Err: err})
	}
	return p.observed(p.poll(ctx, claimed))
}

func (p *Poller) observed(r Result) Result {
	if p.o.Observe != nil {
		p.o.Observe(r)
	}
	return r
}

// release gives a claim back, on a context of its own: it runs when the
// poller's context has ended.
func (p *Poller) release(src store.Source) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.st.ReleaseSource(ctx, src.ID, src.LeaseToken); err != nil {
		p.log.Error("Releasing a source failed", slog.String("source", src.Name()), slog.String("error", err.Error()))
	}
}

// newToken is a claim's token: random, so that only its holder records.
func newToken() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}
