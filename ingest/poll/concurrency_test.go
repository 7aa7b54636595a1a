package poll_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestTwoPollersNeverFetchOneSourceAtOnce runs two pollers (two serve
// processes, in effect) on one database at once, due passes and forced
// ones, against a slow fake.
func TestTwoPollersNeverFetchOneSourceAtOnce(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	fake.SetDelay(30 * time.Millisecond)
	entities := []string{"shymkent", "mfa-budapest", "astana", "almaty", "mfa", "mfa-tokyo"}
	for i, e := range entities {
		fake.SetNews(e, "kk", news(int64(7000+i), "Жаңалық "+e, "<p>Қазақ тіліндегі жаңалық мәтіні.</p>", 1))
		fake.SetNews(e, "ru", news(int64(7000+i), "Новость "+e, "<p>Текст новости на русском языке.</p>", 1))
	}
	st := testdb.Open(t)
	clk := &clock{t: t0}
	var pollers []*poll.Poller
	for range 2 {
		o := options(fake, clk, entities...)
		o.Workers = 4
		pollers = append(pollers, newPoller(t, st, o))
	}
	run := func(entities []string) [][]poll.Result {
		results := make([][]poll.Result, len(pollers))
		var wg sync.WaitGroup
		for i, p := range pollers {
			wg.Go(func() {
				r, err := p.Pass(context.Background(), entities)
				if err != nil {
					t.Error(err)
				}
				results[i] = r
			})
		}
		wg.Wait()
		return results
	}

	polled := map[string]int{}
	for _, rs := range run(nil) {
		for _, r := range rs {
			if r.Err != nil {
				t.Errorf("%s: %s", r.Source.Name(), r.Summary())
			}
			polled[r.Source.Name()]++
		}
	}
	if len(polled) != 12 {
		t.Errorf("%d sources polled, want all 12", len(polled))
	}
	for name, n := range polled {
		if n != 1 {
			t.Errorf("%s was polled %d times in one round of two pollers, want once", name, n)
		}
	}
	// Forced passes over the same entities: each source is polled by one
	// poller, the other finds it busy or polls it after.
	for _, rs := range run(entities) {
		for _, r := range rs {
			if r.Err != nil {
				t.Errorf("forced %s: %s", r.Source.Name(), r.Summary())
			}
		}
	}
	for _, e := range entities {
		for _, lang := range []string{"kk", "ru"} {
			if n := fake.MaxInFlight(e, lang); n != 1 {
				t.Errorf("%s/%s had %d requests in flight at once, want 1", e, lang, n)
			}
		}
	}
	if n := count(t, st, `SELECT count(*) FROM releases`); n != 6 {
		t.Errorf("%d releases, want 6", n)
	}
}
