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

var (
	outboxDepthDesc = prometheus.NewDesc("newsbot_outbox_depth",
		"Digest parts waiting in the outbox (pending, due or not), read from the database at scrape time.", nil, nil)
	releasesDesc = prometheus.NewDesc("newsbot_releases",
		"Releases in the database, counted at scrape time.", nil, nil)
)

// dbGauges is a collector that reads its values from the database when
// scraped, so every replica reports the one shared database as it is now.
type dbGauges struct {
	g   Gauges
	log *slog.Logger
}

func (o dbGauges) Describe(ch chan<- *prometheus.Desc) {
	ch <- outboxDepthDesc
	ch <- releasesDesc
}

func (o dbGauges) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	for _, q := range []struct {
		desc *prometheus.Desc
		read func(context.Context) (int, error)
	}{{outboxDepthDesc, o.g.PendingParts}, {releasesDesc, o.g.ReleaseCount}} {
		n, err := q.read(ctx)
		if err != nil {
			// Left out rather than reported as 0, which would look healthy.
			o.log.Warn("Could not read a gauge from the database for metrics", slog.String("error", err.Error()))
			return
		}
		ch <- prometheus.MustNewConstMetric(q.desc, prometheus.GaugeValue, float64(n))
	}
}

// slogPrinter lets promhttp report its errors through slog.
type slogPrinter struct{ log *slog.Logger }

func (p slogPrinter) Println(v ...any) {
	p.log.Warn("Metrics scrape error", slog.Any("detail", v))
}
