package metrics_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/metrics"
)

type depth struct {
	n   int
	err error
}

func (d depth) PendingParts(context.Context) (int, error) { return d.n, d.err }
func (d depth) ReleaseCount(context.Context) (int, error) { return 10 * d.n, d.err }

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("GET /metrics = %d", rec.Code)
	}
	return rec.Body.String()
}

func TestEveryMetricIsExposed(t *testing.T) {
	m := metrics.New(depth{n: 7}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	m.UpdateReceived("start")
	m.ReplySent(metrics.OutcomeOK)
	m.ReplySent(metrics.OutcomeTooManyRequests)
	m.DigestPartSent(metrics.OutcomeTooManyRequests, 20*time.Millisecond)
	m.DigestBuilt(3 * time.Millisecond)
	m.Fetched("govkz:shymkent:kk", "ok")
	m.ReleasesStored(3)
	m.SetLeader(true)
	body := scrape(t, m)
	for _, want := range []string{
		`newsbot_updates_total{command="start"} 1`,
		`newsbot_messages_sent_total{kind="reply",outcome="ok"} 1`,
		`newsbot_messages_sent_total{kind="digest",outcome="too_many_requests"} 1`,
		`newsbot_telegram_429_total 2`,
		`newsbot_digest_build_seconds_count 1`,
		`newsbot_digest_send_seconds_count 1`,
		`newsbot_fetches_total{outcome="ok",source="govkz:shymkent:kk"} 1`,
		`newsbot_releases_stored_total 3`,
		`newsbot_poller_leader 1`,
		`newsbot_outbox_depth 7`,
		`newsbot_releases 70`,
		`go_goroutines`,
		`process_cpu_seconds_total`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// A database that does not answer leaves the gauge out instead of failing
// the scrape or reporting an empty outbox.
func TestOutboxDepthLeftOutWhenTheDatabaseIsDown(t *testing.T) {
	m := metrics.New(depth{err: errors.New("connection refused")}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	body := scrape(t, m)
	if strings.Contains(body, "newsbot_outbox_depth ") {
		t.Errorf("outbox depth reported while the database is down:\n%s", body)
	}
	if !strings.Contains(body, "newsbot_poller_leader 0") {
		t.Error("the other metrics are missing")
	}
}

func TestNilMetricsDoNothing(t *testing.T) {
	var m *metrics.Metrics
	m.UpdateReceived("start")
	m.ReplySent(metrics.OutcomeOK)
	m.DigestPartSent(metrics.OutcomeOK, time.Second)
	m.DigestBuilt(time.Second)
	m.Fetched("x", "ok")
	m.ReleasesStored(1)
	m.SetLeader(true)
	if m.Registry() != nil {
		t.Error("a nil Metrics has a registry")
	}
}
