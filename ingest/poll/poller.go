package poll

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"time"

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

// Preview lists the sources as Sync would leave them, changing nothing:
// what a status command shows.
func (p *Poller) Preview(ctx context.Context) ([]store.Source, error) {
	return p.st.PreviewSources(ctx, p.o.Clock(), p.o.plan(nil))
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
