package poll

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/newsbot-kz/newsbot/store"
)

// poll fetches one claimed source within its budget, stores what it brought
// and records the poll, releasing the claim. A source whose host is down is
// not polled: its result has Down set and the caller still holds the claim.
func (p *Poller) poll(ctx context.Context, src store.Source) Result {
	if d := hostsOf(ctx).downFor(p.hostOf(src)); d != nil {
		return Result{Source: src, Down: d}
	}
	sctx, cancel := context.WithTimeout(ctx, p.budget())
	f, err := p.fetch(sctx, src)
	if err != nil && ctx.Err() == nil && errors.Is(sctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("no result within %s, abandoned", p.budget())
	}
	cancel()
	if d := notTried(err); d != nil && ctx.Err() == nil {
		// The host went down while this source waited for its turn.
		return Result{Source: src, Down: d}
	}
	res := Result{Source: src, Method: f.method, NotModified: f.notModified, Note: f.note, Err: err}
	if err == nil && f.batch != nil {
		res.Skipped = f.batch.skipped
		res.Saved, res.Err = p.st.SaveFetched(ctx, f.batch.oldestFirst())
	}
	if ctx.Err() != nil {
		// Shutting down: not the source's failure. It stays due.
		p.release(src)
		res.Err = ctx.Err()
		return res
	}
	p.finish(ctx, src, res, f)
	return res
}

// notTried is the HostDown that kept every request of a poll from being
// made, or nil when one was made (or the poll did not fail).
func notTried(err error) *HostDown {
	var me *methodErrors
	if errors.As(err, &me) {
		var d *HostDown
		for _, e := range me.errs {
			if d = notTried(e); d == nil {
				return nil
			}
		}
		return d
	}
	var d *HostDown
	if errors.As(err, &d) {
		return d
	}
	return nil
}

func (p *Poller) fetch(ctx context.Context, src store.Source) (fetched, error) {
	if src.Kind == store.SourceFeed {
		return p.feeds.fetch(ctx, src)
	}
	return p.govkz.fetch(ctx, src)
}

// finish records the poll: the next poll (the interval after a success,
// the backoff after a failure, both jittered), the validators, and the
// failure streak, which is reported once when it reaches a day.
func (p *Poller) finish(ctx context.Context, src store.Source, res Result, f fetched) {
	now := p.o.Clock()
	o := store.PollOutcome{SourceID: src.ID, Token: src.LeaseToken, At: now, Method: res.Method}
	if o.Method == "" {
		o.Method = p.o.Primary
		if src.Kind == store.SourceFeed {
			o.Method = methodFeed
		}
	}
	attrs := []any{slog.String("source", src.Name()), slog.String("method", o.Method)}
	if res.Err == nil {
		o.NextPollAt = now.Add(jittered(p.o.Interval, p.o.Rand()))
		o.Result, o.ETag, o.LastModified = res.Summary(), f.etag, f.lastModified
		p.logSuccess(src, res, attrs)
	} else {
		o.Err = res.Err.Error()
		o.Failures = src.ConsecutiveFailures + 1
		o.FailingSince = now
		if src.FailingSince != nil {
			o.FailingSince = *src.FailingSince
		}
		o.NextPollAt = now.Add(backoff(p.o.Interval, o.Failures, p.o.Rand()))
		o.ReportedFailing = src.ReportedFailing
		attrs = append(attrs, slog.Int("failures", o.Failures), slog.String("error", o.Err))
		if !o.ReportedFailing && now.Sub(o.FailingSince) >= reportAfter {
			o.ReportedFailing = true
			p.log.Warn("Source failing for a day", append(attrs, slog.Time("failing_since", o.FailingSince))...)
		} else {
			p.log.Debug("Source poll failed", append(attrs, slog.Time("next_poll_at", o.NextPollAt))...)
		}
	}
	if err := p.st.FinishPoll(ctx, o); err != nil {
		p.log.Error("Recording a poll failed", slog.String("source", src.Name()), slog.String("error", err.Error()))
	}
}

// logSuccess logs what a poll stored at Info, an uneventful poll at Debug,
// and the end of a failure streak that was reported.
func (p *Poller) logSuccess(src store.Source, res Result, attrs []any) {
	if src.ReportedFailing {
		p.log.Info("Source recovered", append(attrs, slog.Int("failures", src.ConsecutiveFailures))...)
	}
	attrs = append(attrs, slog.String("result", res.Summary()))
	if res.Saved.New+res.Saved.Versions+res.Saved.Updated > 0 {
		p.log.Info("Source polled", attrs...)
		return
	}
	p.log.Debug("Source polled", attrs...)
}
