package poll_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestFailingSourceBacksOffAndIsReportedOnce polls a broken source each
// time it falls due, for two days.
func TestFailingSourceBacksOffAndIsReportedOnce(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	fake.SetFault("", "mfa", fakegovkz.Status500)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	log := &logs{}
	o := options(fake, clk, "mfa")
	o.Langs = []string{"ru"}
	o.Logger = slog.New(log)
	p := newPoller(t, st, o)

	var waits []time.Duration
	for clk.Now().Before(t0.Add(48 * time.Hour)) {
		got := pass(t, p)
		if r := got["mfa/ru"]; r.Err == nil {
			t.Fatalf("poll at %s: %s; want a failure", clk.Now(), r.Summary())
		}
		var next time.Time
		st.DB().Get(&next, `SELECT next_poll_at FROM sources`)
		waits = append(waits, next.Sub(clk.Now()))
		clk.Add(next.Sub(clk.Now()))
	}
	want := []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, 80 * time.Minute,
		160 * time.Minute, 320 * time.Minute, 6 * time.Hour, 6 * time.Hour}
	for i, w := range want {
		if i >= len(waits) || waits[i] != w {
			t.Fatalf("waits after each failure = %v, want %v then 6h", waits, want)
		}
	}
	for _, w := range waits {
		if w > 6*time.Hour {
			t.Fatalf("a wait of %s: the backoff is not capped at 6h", w)
		}
	}
	if n := log.count(slog.LevelWarn, "Source failing for a day"); n != 1 {
		t.Errorf("%d warnings about the failing source over two days, want exactly 1", n)
	}
	if n := count(t, st, `SELECT count(*) FROM sources WHERE reported_failing AND failing_since = $1`, t0); n != 1 {
		t.Errorf("the source is not marked reported, failing since the first failure")
	}

	// Recovery resets the streak and says so once.
	fake.SetFault("", "mfa", fakegovkz.OK)
	fake.SetNews("mfa", "ru", news(3001, "Брифинг МИД", "<p>Официальный представитель МИД провёл брифинг.</p>", 1))
	clk.Add(6 * time.Hour)
	if r := pass(t, p)["mfa/ru"]; r.Err != nil || r.Saved.New != 1 {
		t.Fatalf("poll after recovery: %s", r.Summary())
	}
	if n := log.count(slog.LevelInfo, "Source recovered"); n != 1 {
		t.Errorf("%d recovery messages, want 1", n)
	}
	if n := count(t, st, `SELECT count(*) FROM sources WHERE consecutive_failures = 0
		AND NOT reported_failing AND failing_since IS NULL AND next_poll_at = $1`, clk.Now().Add(10*time.Minute)); n != 1 {
		t.Errorf("after recovery the source is not back on its 10-minute interval")
	}
}

// TestJitterSpreadsPolls checks that the interval is jittered within ±10%.
func TestJitterSpreadsPolls(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	for _, r := range []float64{0, 0.999} {
		o := options(fake, clk, "shymkent")
		o.Langs = []string{"kk"}
		o.Rand = func() float64 { return r }
		if _, err := newPoller(t, st, o).Pass(context.Background(), []string{"shymkent"}); err != nil {
			t.Fatal(err)
		}
		var next time.Time
		st.DB().Get(&next, `SELECT next_poll_at FROM sources`)
		if d := next.Sub(clk.Now()); d < 9*time.Minute || d > 11*time.Minute || d == 10*time.Minute {
			t.Errorf("with rand %v the next poll is in %s, want jittered within 9–11 min", r, d)
		}
	}
}
