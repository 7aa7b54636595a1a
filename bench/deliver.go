package bench

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// DeliveryResult is the sender's throughput against a Bot API limit.
type DeliveryResult struct {
	Limit    int           // messages a second the fake Bot API accepts
	Target   int           // messages to send: Limit × the run's length, or all queued when fewer
	Sent     int           // accepted by the fake
	TooMany  int           // answered 429
	Span     time.Duration // from the first accepted message to the last
	Duration time.Duration // the whole run, claims and commits included
	CPU      cpuTimes      // used during the run; newsbot's includes the fake Bot API's
}

// Rate is messages accepted per second while sending: Sent-1 intervals
// over Span.
func (r DeliveryResult) Rate() float64 {
	if r.Sent < 2 || r.Span <= 0 {
		return 0
	}
	return float64(r.Sent-1) / r.Span.Seconds()
}

// Share is Rate as a share of Limit.
func (r DeliveryResult) Share() float64 { return r.Rate() / float64(r.Limit) }

// measureDelivery sends queued outbox parts with the real digest.Sender,
// paced at the run's limit, through the real Telegram client to a fake Bot
// API that accepts that many messages in any second and answers 429 beyond,
// until limit × d.For parts were accepted.
func measureDelivery(ctx context.Context, st *store.Store, run Delivery) (DeliveryResult, error) {
	limit, d := run.PerSecond, run.For
	res := DeliveryResult{Limit: limit}
	pending, err := st.PendingParts(ctx)
	if err != nil {
		return res, err
	}
	res.Target = min(pending, int(float64(limit)*d.Seconds()))
	if res.Target == 0 {
		return res, nil
	}
	srv := fakebotapi.New(fakebotapi.WithRateLimit(limit), fakebotapi.WithMaxCalls(1))
	defer srv.Close()
	tg, err := tgbot.New("1000001:bench-token-aaaaaaaaaaaaaaaaaaaa", tgbot.WithServerURL(srv.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		return res, err
	}
	runCtx, stop := context.WithTimeout(ctx, 3*d+30*time.Second)
	defer stop()
	m := &sendCounter{target: int64(res.Target), done: stop}
	s := digest.NewSender(st, tg, digest.SenderOptions{
		GlobalPerSecond: float64(limit), Logger: slog.New(slog.DiscardHandler), Metrics: m})
	start, before := time.Now(), readCPU()
	err = s.Run(runCtx)
	res.Duration, res.CPU = time.Since(start), readCPU().since(before)
	if err != nil {
		return res, err
	}
	var first, last time.Time
	for _, a := range srv.SendAttempts() {
		switch a.Code {
		case http.StatusOK:
			if res.Sent == 0 || a.Time.Before(first) {
				first = a.Time
			}
			if a.Time.After(last) {
				last = a.Time
			}
			res.Sent++
		case http.StatusTooManyRequests:
			res.TooMany++
		}
	}
	res.Span = last.Sub(first)
	return res, ctx.Err()
}

// sendCounter is the sender's Metrics: it counts accepted messages and ends
// the run at the target.
type sendCounter struct {
	sent   atomic.Int64
	target int64
	done   func()
}

func (c *sendCounter) DigestBuilt(time.Duration) {}
func (c *sendCounter) AlertsQueued(int)          {}
func (c *sendCounter) AlertsFolded(int)          {}
func (c *sendCounter) AlertSent(time.Duration)   {}

func (c *sendCounter) DigestPartSent(outcome string, _ time.Duration) {
	if outcome == "ok" && c.sent.Add(1) >= c.target {
		c.done()
	}
}
