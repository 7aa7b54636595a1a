package poll

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// Progress hears of a pass as it goes, for a command that shows it. Either
// function may be nil; they are called one at a time.
type Progress struct {
	// Start is told how many sources the pass is about to poll (of due
	// sources, those due when it starts).
	Start func(total int)
	// Done is told each source's result as soon as it has one.
	Done func(Result)
}

// Pass brings the sources table up to date with the configuration and
// polls once: with no entities, every due source; otherwise every source of
// those entities, due or not (sources of unknown slugs are created). It
// returns a result per source, sorted by source.
func (p *Poller) Pass(ctx context.Context, entities []string) ([]Result, error) {
	return p.PassWith(ctx, entities, Progress{})
}

// PassWith is Pass, telling prog of each result as it comes.
//
// Within a pass, at most perHost requests are in flight to one host, and
// a host whose first requests all fail at the network level is down until
// the pass ends: its other sources are not polled (their result says so,
// Down) and stay due, so that the next pass tries the host again.
func (p *Poller) PassWith(ctx context.Context, entities []string, prog Progress) ([]Result, error) {
	for _, e := range entities {
		if !ingest.ValidSlug(e) {
			return nil, fmt.Errorf("poll: %q is not an entity slug", e)
		}
	}
	if err := p.st.SyncSources(ctx, p.o.Clock(), p.o.plan(entities)); err != nil {
		return nil, err
	}
	ctx = withHosts(ctx, newHosts())
	var mu sync.Mutex
	done := func(r Result) {
		if prog.Done != nil {
			mu.Lock()
			defer mu.Unlock()
			prog.Done(r)
		}
	}
	if len(entities) == 0 {
		if prog.Start != nil {
			n, err := p.st.CountDueSources(ctx, p.o.Clock())
			if err != nil {
				return nil, err
			}
			prog.Start(n)
		}
		return p.pollDue(ctx, done), nil
	}
	srcs, err := p.st.SourcesOfEntities(ctx, entities)
	if err != nil {
		return nil, err
	}
	if prog.Start != nil {
		prog.Start(len(srcs))
	}
	return p.pollThese(ctx, srcs, done), nil
}

// pollDue has the workers claim and poll due sources until none is left.
// A source is polled once a pass: one whose poll could not be recorded
// stays due, and must not be polled again and again. The sources of a host
// that is down are held until the pass ends, for the same reason, then
// released, still due.
func (p *Poller) pollDue(ctx context.Context, done func(Result)) []Result {
	var mu sync.Mutex
	var results []Result
	var held []store.Source
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
				r := p.poll(ctx, src)
				mu.Lock()
				if r.Down != nil {
					held = append(held, src)
				} else {
					r = p.observed(r)
				}
				results = append(results, r)
				mu.Unlock()
				done(r)
			}
		})
	}
	wg.Wait()
	for _, src := range held {
		p.release(src)
	}
	slices.SortFunc(results, func(a, b Result) int { return strings.Compare(a.Source.Key, b.Source.Key) })
	return results
}

// pollThese claims and polls the given sources, due or not; one another
// poller holds is reported busy and left to it.
func (p *Poller) pollThese(ctx context.Context, srcs []store.Source, done func(Result)) []Result {
	results := make([]Result, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(p.o.Workers, len(srcs)) {
		wg.Go(func() {
			for i := range next {
				results[i] = p.claimAndPoll(ctx, srcs[i])
				done(results[i])
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
	r := p.poll(ctx, claimed)
	if r.Down != nil {
		p.release(claimed)
		return r
	}
	return p.observed(r)
}

// hostOf is the host a source's requests go to.
func (p *Poller) hostOf(src store.Source) string {
	raw := p.o.BaseURL
	if src.Kind == store.SourceFeed {
		raw = src.URL
	}
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return raw
}
