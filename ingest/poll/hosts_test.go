package poll_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// slugs are n made-up entity slugs, for passes over many sources.
func slugs(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%d", prefix, i)
	}
	return out
}

// TestNoMoreThanFourRequestsToOneHost polls 24 sources of one slow host
// with 16 workers, due and then forced: the host never sees more than four
// requests at once, and does see several.
func TestNoMoreThanFourRequestsToOneHost(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	fake.SetDelay(40 * time.Millisecond)
	entities := slugs("limit", 12)
	for i, e := range entities {
		fake.SetNews(e, "kk", news(int64(8000+i), "Жаңалық "+e, "<p>Қазақ тіліндегі жаңалық мәтіні.</p>", 1))
		fake.SetNews(e, "ru", news(int64(8000+i), "Новость "+e, "<p>Текст новости на русском языке.</p>", 1))
	}
	st := testdb.Open(t)
	o := options(fake, &clock{t: t0}, entities...)
	o.Workers = 16
	p := newPoller(t, st, o)
	for _, forced := range [][]string{nil, entities} {
		got := pass(t, p, forced...)
		if len(got) != 24 {
			t.Errorf("%d sources polled, want 24", len(got))
		}
		for name, r := range got {
			if r.Err != nil || r.Down != nil {
				t.Errorf("%s: %s", name, r.Summary())
			}
		}
	}
	t.Logf("%d requests in flight at most", fake.MaxInFlightTotal())
	if n := fake.MaxInFlightTotal(); n > 4 || n < 2 {
		t.Errorf("at most %d requests were in flight to the host at once, want 2 to 4", n)
	}
}

// TestSilentHostIsDownForThePass: a host that accepts connections and never
// answers is given up after its first requests time out. Its other sources
// are skipped, not recorded as failures, and stay due; the next pass tries
// the host again.
func TestSilentHostIsDownForThePass(t *testing.T) {
	silent, err := fakegovkz.NewSilent()
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := poll.Options{BaseURL: silent.URL(), Entities: slugs("silent", 15), Langs: []string{"kk", "ru"},
		Timeout: 300 * time.Millisecond, Clock: clk.Now, Rand: func() float64 { return 0.5 }}
	p := newPoller(t, st, o)

	start := time.Now()
	failed, skipped := passOverDownHost(t, p, 30, "connection timed out")
	if took := time.Since(start); took > 3*o.Timeout+2*time.Second {
		t.Errorf("the pass took %s, want about one timeout (%s)", took, o.Timeout)
	}
	if n := count(t, st, `SELECT count(*) FROM sources WHERE consecutive_failures = 1 AND next_poll_at > $1`, t0); n != failed {
		t.Errorf("%d sources recorded a failure, want the %d tried", n, failed)
	}
	if n := count(t, st, `SELECT count(*) FROM sources WHERE consecutive_failures = 0 AND last_poll_at IS NULL
		AND lease_token IS NULL AND next_poll_at <= $1`, t0); n != skipped {
		t.Errorf("%d sources are untouched and due, want the %d skipped", n, skipped)
	}

	accepted := silent.Accepted()
	again, _ := passOverDownHost(t, p, skipped, "connection timed out")
	if silent.Accepted() == accepted || again == 0 {
		t.Error("the next pass did not try the host again")
	}
}

// TestRefusingHostIsDown: a host that refuses connections is down too, and
// said to be.
func TestRefusingHostIsDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there any more
	st := testdb.Open(t)
	o := poll.Options{BaseURL: base, Entities: slugs("refused", 10), Langs: []string{"kk", "ru"},
		Timeout: 2 * time.Second, Clock: (&clock{t: t0}).Now}
	passOverDownHost(t, newPoller(t, st, o), 20, "connection refused")
}

// passOverDownHost runs a due pass over want sources of a host that is
// down, and checks that a few were tried and failed and the others were
// skipped for the reason given.
func passOverDownHost(t *testing.T, p *poll.Poller, want int, reason string) (failed, skipped int) {
	t.Helper()
	results, err := p.Pass(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != want {
		t.Errorf("%d results, want %d", len(results), want)
	}
	for _, r := range results {
		switch {
		case r.Down != nil:
			skipped++
			if r.Failed() || r.Down.Reason != reason || !strings.Contains(r.Summary(), "unreachable: "+reason) {
				t.Errorf("%s: %s (failed %v); want skipped, %s", r.Source.Name(), r.Summary(), r.Failed(), reason)
			}
		case r.Failed():
			failed++
		default:
			t.Errorf("%s: %s; want a failure or a skip", r.Source.Name(), r.Summary())
		}
	}
	t.Logf("%d failed, %d skipped", failed, skipped)
	// Four requests in flight, and maybe one or two sent between the first
	// failure and the third.
	if failed == 0 || failed > 6 || skipped < want-6 {
		t.Errorf("%d failed and %d skipped of %d; want a few tried and the rest skipped", failed, skipped, want)
	}
	return failed, skipped
}
