package poll_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/store"
)

var t0 = time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)

// clock is a settable clock, shared by a test's pollers.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// logs records what a poller logs.
type logs struct {
	mu      sync.Mutex
	records []slog.Record
}

func (l *logs) Enabled(context.Context, slog.Level) bool { return true }
func (l *logs) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, r)
	return nil
}
func (l *logs) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logs) WithGroup(string) slog.Handler      { return l }

func (l *logs) count(level slog.Level, msg string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.records {
		if r.Level == level && r.Message == msg {
			n++
		}
	}
	return n
}

// options are a test poller's options: the fake, the given entities in kk
// and ru, no default entities, a fixed jitter.
func options(fake *fakegovkz.Server, clk *clock, entities ...string) poll.Options {
	return poll.Options{
		BaseURL:   fake.URL(),
		Entities:  entities,
		Langs:     []string{"kk", "ru"},
		Timeout:   2 * time.Second,
		UserAgent: "newsbot/test (+https://github.com/newsbot-kz/newsbot)",
		Clock:     clk.Now,
		Rand:      func() float64 { return 0.5 }, // no jitter: factor 1.0
	}
}

func newPoller(t *testing.T, st poll.Store, o poll.Options) *poll.Poller {
	t.Helper()
	p, err := poll.New(st, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func pass(t *testing.T, p *poll.Poller, entities ...string) map[string]poll.Result {
	t.Helper()
	results, err := p.Pass(context.Background(), entities)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]poll.Result{}
	for _, r := range results {
		out[r.Source.Name()] = r
	}
	return out
}

func news(id int64, title, body string, hoursAgo int) fakegovkz.News {
	return fakegovkz.News{ID: id, Title: title, Body: body, Created: t0.Add(-time.Duration(hoursAgo) * time.Hour)}
}

// shymkent sets two releases of Shymkent in Kazakh and Russian on the fake.
func shymkent(fake *fakegovkz.Server) {
	fake.SetNews("shymkent", "kk",
		news(1002, "Шымкентте жаңа мектеп ашылды", "<p>Шымкент қаласында 1200 орындық жаңа мектеп ашылды. Мектепте заманауи зертханалар бар.</p>", 2),
		news(1001, "Қызылжар-2 шағынауданына ауыз су келді", "<p>Шымкенттегі Қызылжар-2 шағынауданының тұрғындары ауыз сумен қамтылды.</p>", 30))
	fake.SetNews("shymkent", "ru",
		news(1002, "В Шымкенте открылась новая школа", "<p>В Шымкенте открылась новая школа на 1200 мест. В школе есть современные лаборатории.</p>", 2),
		news(1001, "В микрорайон Кызылжар-2 пришла питьевая вода", "<p>Жители микрорайона Кызылжар-2 Шымкента обеспечены питьевой водой.</p>", 30))
}

func budapest(fake *fakegovkz.Server) {
	fake.SetNews("mfa-budapest", "ru",
		news(2001, "Встреча в посольстве со студентами", "<p>Посол встретился с казахстанскими студентами, изучающими управление водными ресурсами в Венгрии.</p>", 5))
	fake.SetNews("mfa-budapest", "kk",
		news(2001, "Елшілікте студенттермен кездесу", "<p>Елші Венгрияда су ресурстарын басқаруды оқып жүрген қазақстандық студенттермен кездесті.</p>", 5))
}

func count(t *testing.T, st *store.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := st.DB().Get(&n, query, args...); err != nil {
		t.Fatal(err)
	}
	return n
}
