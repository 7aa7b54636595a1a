package metrics

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// scrapeTimeout bounds the database query of one scrape: a scrape while
// the database is down answers at once without the gauge, not after
// Prometheus gave up.
const scrapeTimeout = 2 * time.Second

var outboxDepthDesc = prometheus.NewDesc("newsbot_outbox_depth",
	"Digest parts waiting in the outbox (pending, due or not), read from the database at scrape time.", nil, nil)

// outboxDepth is a collector that reads the outbox depth when scraped, so
// every replica reports the one shared outbox's depth as it is now.
type outboxDepth struct {
	g   Gauges
	log *slog.Logger
}

func (o outboxDepth) Describe(ch chan<- *prometheus.Desc) { ch <- outboxDepthDesc }

func (o outboxDepth) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	n, err := o.g.PendingParts(ctx)
	if err != nil {
		// Left out rather than reported as 0, which would look healthy.
		o.log.Warn("Could not read the outbox depth for metrics", slog.String("error", err.Error()))
		return
	}
	ch <- prometheus.MustNewConstMetric(outboxDepthDesc, prometheus.GaugeValue, float64(n))
}

// slogPrinter lets promhttp report its errors through slog.
type slogPrinter struct{ log *slog.Logger }

func (p slogPrinter) Println(v ...any) {
	p.log.Warn("Metrics scrape error", slog.Any("detail", v))
}
