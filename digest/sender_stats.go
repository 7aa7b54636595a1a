package digest

import (
	"log/slog"
	"sync"
	"time"
)

// SendStats counts what a Drain or a Run pass did. Dropped counts parts of
// chats that blocked the bot; Retried counts parts put back to wait (429,
// 5xx, timeouts, migrations, plain-text resends); PlainResent counts parts
// delivered as plain text after Telegram refused their HTML.
type SendStats struct {
	Sent, Failed, Dropped, Retried, PlainResent int
	Duration                                    time.Duration
}

func (s *Sender) logPass(st SendStats) {
	s.log.Info("Sent digest parts",
		slog.Int("sent", st.Sent), slog.Int("failed", st.Failed),
		slog.Int("dropped", st.Dropped), slog.Int("retried", st.Retried),
		slog.Int("plain_resent", st.PlainResent), slog.Duration("duration", st.Duration))
}

// Metrics receives what building and sending digests do, for monitoring
// (package metrics).
type Metrics interface {
	// DigestBuilt observes the build of one batch of due chats (up to
	// 500), claimed, composed and stored in one transaction.
	DigestBuilt(d time.Duration)
	// DigestPartSent counts one sendMessage call of a part by outcome (ok,
	// too_many_requests, forbidden, rejected, error) and observes its
	// duration.
	DigestPartSent(outcome string, d time.Duration)
	// AlertsQueued and AlertsFolded count releases put in alert messages
	// and held by a digest before their alert went; AlertSent an alert
	// message Telegram took, delay after its first release arrived.
	AlertsQueued(n int)
	AlertsFolded(n int)
	AlertSent(delay time.Duration)
}

type noMetrics struct{}

func (noMetrics) DigestBuilt(time.Duration)            {}
func (noMetrics) AlertsQueued(int)                     {}
func (noMetrics) AlertsFolded(int)                     {}
func (noMetrics) AlertSent(time.Duration)              {}
func (noMetrics) DigestPartSent(string, time.Duration) {}

// metricsOrNone makes a nil Metrics safe to call. A nil pointer in a
// non-nil interface is the caller's own type's business.
func metricsOrNone(m Metrics) Metrics {
	if m == nil {
		return noMetrics{}
	}
	return m
}

// tally is SendStats being counted by concurrent workers.
type tally struct {
	mu sync.Mutex
	s  SendStats
}

func (t *tally) add(f func(s *SendStats)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f(&t.s)
}

func (t *tally) any() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.s != SendStats{}
}

func (t *tally) stats(d time.Duration) SendStats {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.s
	s.Duration = d
	return s
}
