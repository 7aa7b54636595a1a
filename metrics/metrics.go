package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Outcomes of a sendMessage call, the values of the outcome label.
const (
	OutcomeOK              = "ok"
	OutcomeTooManyRequests = "too_many_requests" // 429: also counted in newsbot_telegram_429_total
	OutcomeForbidden       = "forbidden"         // 403: blocked, kicked, deactivated
	OutcomeRejected        = "rejected"          // any other 4xx
	OutcomeError           = "error"             // 5xx, timeouts, network
)

// Kinds of message, the values of the kind label.
const (
	KindReply  = "reply"  // an answer to a command
	KindDigest = "digest" // a digest part from the outbox
)

// Gauges is what is read from the database at scrape time.
type Gauges interface {
	PendingParts(ctx context.Context) (int, error)
	ReleaseCount(ctx context.Context) (int, error)
}

// Metrics holds newsbot's collectors and the registry they live in.
type Metrics struct {
	reg         *prometheus.Registry
	updates     *prometheus.CounterVec
	messages    *prometheus.CounterVec
	tooMany     prometheus.Counter
	buildTime   prometheus.Histogram
	sendTime    prometheus.Histogram
	fetches     *prometheus.CounterVec
	releases    prometheus.Counter
	leader      prometheus.Gauge
	alerts      *prometheus.CounterVec
	alertDelay  prometheus.Histogram
	scrapeError *slog.Logger
}

// New registers newsbot's metrics, the Go runtime's and the process's on a
// new registry. g, when not nil, supplies the outbox depth and the release
// count at each scrape.
func New(g Gauges, log *slog.Logger) *Metrics {
	if log == nil {
		log = slog.Default()
	}
	m := &Metrics{reg: prometheus.NewRegistry(), scrapeError: log}
	m.updates = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "newsbot_updates_total",
		Help: "Telegram updates received, by command (a command's name, unknown_command, message, callback or other).",
	}, []string{"command"})
	m.messages = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "newsbot_messages_sent_total",
		Help: "sendMessage calls, by kind (reply or digest) and outcome (ok, too_many_requests, forbidden, rejected, error).",
	}, []string{"kind", "outcome"})
	m.tooMany = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "newsbot_telegram_429_total",
		Help: "Answers 429 Too Many Requests from Telegram.",
	})
	m.buildTime = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "newsbot_digest_build_seconds",
		Help:    "Time to build one batch of digests (up to 500 chats) and queue their parts, in one transaction.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12), // 1ms .. ~60s
	})
	m.sendTime = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "newsbot_digest_send_seconds",
		Help:    "Time of one sendMessage call for a digest part, whatever its outcome.",
		Buckets: prometheus.ExponentialBuckets(0.01, 2, 12), // 10ms .. ~40s
	})
	m.fetches = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "newsbot_fetches_total",
		Help: "Polls of a source, by source key and outcome.",
	}, []string{"source", "outcome"})
	m.releases = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "newsbot_releases_stored_total",
		Help: "Releases this process stored (new releases, not updates of known ones).",
	})
	m.leader = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "newsbot_poller_leader",
		Help: "1 while this process holds the poller lock and long-polls Telegram, else 0.",
	})
	m.alerts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "newsbot_alerts_total",
		Help: "Instant alerts, by what became of them: queued (releases put in alert messages), sent (alert messages Telegram took), folded (releases a digest held before their alert went).",
	}, []string{"event"})
	m.alertDelay = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "newsbot_alert_delay_seconds",
		Help:    "Time from a release's arrival to Telegram taking its alert message (the first release of a bundle).",
		Buckets: []float64{1, 5, 15, 30, 60, 90, 120, 300, 900, 3600, 6 * 3600, 12 * 3600},
	})
	m.reg.MustRegister(m.updates, m.messages, m.tooMany, m.buildTime, m.sendTime,
		m.fetches, m.releases, m.leader, m.alerts, m.alertDelay,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if g != nil {
		m.reg.MustRegister(dbGauges{g: g, log: log})
	}
	return m
}

// Handler serves the registry in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: slogPrinter{m.scrapeError}})
}

// Registry is the registry, for tests and for collectors added elsewhere.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// UpdateReceived counts one update; command is bounded by the caller
// (known command names and a few fixed words), never user text.
func (m *Metrics) UpdateReceived(command string) {
	if m != nil {
		m.updates.WithLabelValues(command).Inc()
	}
}

// ReplySent counts one answer the bot sent, by its outcome.
func (m *Metrics) ReplySent(outcome string) { m.sent(KindReply, outcome) }

// DigestPartSent counts one digest part's sendMessage call and its duration.
func (m *Metrics) DigestPartSent(outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.sent(KindDigest, outcome)
	m.sendTime.Observe(d.Seconds())
}

func (m *Metrics) sent(kind, outcome string) {
	if m == nil {
		return
	}
	m.messages.WithLabelValues(kind, outcome).Inc()
	if outcome == OutcomeTooManyRequests {
		m.tooMany.Inc()
	}
}

// AlertsQueued counts n releases put in alert messages.
func (m *Metrics) AlertsQueued(n int) { m.alertEvent("queued", n) }

// AlertsFolded counts n releases a digest held before their alert went.
func (m *Metrics) AlertsFolded(n int) { m.alertEvent("folded", n) }

// AlertSent counts an alert message Telegram took, delay after its first
// release arrived.
func (m *Metrics) AlertSent(delay time.Duration) {
	if m == nil {
		return
	}
	m.alertEvent("sent", 1)
	m.alertDelay.Observe(delay.Seconds())
}

func (m *Metrics) alertEvent(event string, n int) {
	if m != nil && n > 0 {
		m.alerts.WithLabelValues(event).Add(float64(n))
	}
}

// DigestBuilt observes how long one batch of digests took to build and queue.
func (m *Metrics) DigestBuilt(d time.Duration) {
	if m != nil {
		m.buildTime.Observe(d.Seconds())
	}
}

// Fetched counts one poll of a source. source is the source's key
// ("govkz:shymkent:kk"), outcome a short fixed word such as "ok",
// "not_modified" or "error".
func (m *Metrics) Fetched(source, outcome string) {
	if m != nil {
		m.fetches.WithLabelValues(source, outcome).Inc()
	}
}

// ReleasesStored counts n new releases stored.
func (m *Metrics) ReleasesStored(n int) {
	if m != nil && n > 0 {
		m.releases.Add(float64(n))
	}
}

// SetLeader records whether this process is the elected poller.
func (m *Metrics) SetLeader(leading bool) {
	if m == nil {
		return
	}
	if leading {
		m.leader.Set(1)
	} else {
		m.leader.Set(0)
	}
}
