package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/metrics"
	"github.com/newsbot-kz/newsbot/store"
)

// fakeGovkz serves two Shymkent releases and one of the embassy in
// Hungary, in Kazakh and Russian.
func fakeGovkz(t *testing.T) *fakegovkz.Server {
	fake := fakegovkz.New()
	t.Cleanup(fake.Close)
	at := time.Now().Add(-3 * time.Hour)
	fake.SetNews("shymkent", "kk",
		fakegovkz.News{ID: 1002, Title: "Шымкентте жаңа мектеп ашылды", Body: "<p>Шымкент қаласында 1200 орындық жаңа мектеп ашылды.</p>", Created: at},
		fakegovkz.News{ID: 1001, Title: "Қызылжар-2 шағынауданына ауыз су келді", Body: "<p>Қызылжар-2 тұрғындары ауыз сумен қамтылды.</p>", Created: at.Add(-time.Hour)})
	fake.SetNews("shymkent", "ru",
		fakegovkz.News{ID: 1002, Title: "В Шымкенте открылась новая школа", Body: "<p>В Шымкенте открылась новая школа на 1200 мест.</p>", Created: at},
		fakegovkz.News{ID: 1001, Title: "В Кызылжар-2 пришла питьевая вода", Body: "<p>Жители Кызылжар-2 обеспечены питьевой водой.</p>", Created: at.Add(-time.Hour)})
	fake.SetNews("mfa-budapest", "ru",
		fakegovkz.News{ID: 2001, Title: "Встреча в посольстве со студентами", Body: "<p>Посол встретился со студентами в Будапеште.</p>", Created: at})
	fake.SetNews("mfa-budapest", "kk",
		fakegovkz.News{ID: 2001, Title: "Елшілікте студенттермен кездесу", Body: "<p>Елші Будапештте студенттермен кездесті.</p>", Created: at})
	return fake
}

// line finds the printed line of a source and checks it says want.
func line(t *testing.T, out, source, want string) {
	t.Helper()
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(source) + `\s.*$`)
	l := re.FindString(out)
	if !strings.Contains(l, want) {
		t.Errorf("line of %s = %q, want it to say %q\n%s", source, l, want, out)
	}
}

// TestFetchAcceptance is the acceptance, through the binary's run.
func TestFetchAcceptance(t *testing.T) {
	fake := fakeGovkz(t)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": fake.URL()}
	args := []string{"fetch", "--entity", "shymkent", "--entity", "mfa-budapest"}

	out, err := runCmd(t, env, "", args...)
	if err != nil {
		t.Fatalf("first fetch: %v\n%s", err, out)
	}
	line(t, out, "shymkent/kk", "rss")
	line(t, out, "shymkent/kk", "new, ")
	line(t, out, "mfa-budapest/ru", "rss")
	if !strings.Contains(out, "4 sources polled: 3 new, 3 new language versions, 0 updated, 0 failed") {
		t.Errorf("summary of the first fetch:\n%s", out)
	}
	countRows := func(q string) int {
		st, err := store.Open(context.Background(), env["DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var n int
		st.DB().Get(&n, q)
		return n
	}
	if n := countRows(`SELECT count(*) FROM releases`); n != 3 {
		t.Errorf("%d releases stored, want 3", n)
	}

	before := len(fake.Requests())
	out, err = runCmd(t, env, "", args...)
	if err != nil {
		t.Fatalf("second fetch: %v\n%s", err, out)
	}
	for _, s := range []string{"shymkent/kk", "shymkent/ru", "mfa-budapest/kk", "mfa-budapest/ru"} {
		line(t, out, s, "not modified")
	}
	for _, r := range fake.Requests()[before:] {
		if r.Header.Get("If-None-Match") == "" || r.Header.Get("If-Modified-Since") == "" {
			t.Errorf("second fetch of %s/%s was not conditional", r.Entity, r.Lang)
		}
	}
	if n := countRows(`SELECT count(*) FROM releases`); n != 3 {
		t.Errorf("%d releases after the second fetch, want still 3", n)
	}

	// The embassy breaks; a new Shymkent release is still stored.
	fake.SetFault("", "mfa-budapest", fakegovkz.Status500)
	fake.SetNews("shymkent", "ru", fakegovkz.News{ID: 1003, Title: "В Шымкенте открыли парк",
		Body: "<p>В Шымкенте открыли новый парк.</p>", Created: time.Now().Add(-time.Hour)})
	out, err = runCmd(t, env, "", args...)
	if err == nil || !strings.Contains(err.Error(), "2 of 4 sources failed") {
		t.Errorf("fetch with a broken entity: error %v, want 2 of 4 sources failed", err)
	}
	line(t, out, "mfa-budapest/kk", "error: rss: HTTP 500 Internal Server Error; api: HTTP 500")
	line(t, out, "shymkent/ru", "1 new")
	if n := countRows(`SELECT count(*) FROM releases WHERE govkz_id = 1003`); n != 1 {
		t.Errorf("the new Shymkent release was not stored next to the broken embassy")
	}

	out, err = runCmd(t, env, "", "sources", "status")
	if err != nil {
		t.Fatal(err)
	}
	line(t, out, "shymkent/ru", "ok (rss)")
	line(t, out, "shymkent/ru", "  in ")
	line(t, out, "mfa-budapest/ru", "failing (1 in a row)")
	line(t, out, "mfa-budapest/ru", "HTTP 500")
	line(t, out, "astana/kk", "not polled yet") // configured by default, never fetched here
}

func TestFetchDueSources(t *testing.T) {
	fake := fakeGovkz(t)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": fake.URL(),
		"POLL_ENTITIES": "shymkent", "POLL_LANGS": "ru"}
	out, err := runCmd(t, env, "", "fetch")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	line(t, out, "shymkent/ru", "2 new")
	if strings.Contains(out, "mfa-budapest") || strings.Contains(out, "shymkent/kk") {
		t.Errorf("fetch polled sources that are not configured:\n%s", out)
	}
	out, err = runCmd(t, env, "", "fetch")
	if err != nil || !strings.Contains(out, "no source is due") {
		t.Errorf("fetch right after a fetch = %q, %v; want nothing due", out, err)
	}
}

func TestFetchUsage(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://nobody@127.0.0.1:1/x"}
	for _, args := range [][]string{{"fetch", "shymkent"}, {"fetch", "--bogus"}, {"fetch", "--entity"}, {"sources", "frob"}} {
		_, err := runCmd(t, env, "", args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("newsbot %q = %v, want a usage error", args, err)
		}
	}
	if _, err := runCmd(t, map[string]string{"POLL_LANGS": "de"}, "", "fetch"); err == nil || !strings.Contains(err.Error(), "POLL_LANGS") {
		t.Errorf("fetch with POLL_LANGS=de: %v, want an error naming it", err)
	}
}

func TestStartPolling(t *testing.T) {
	fake := fakeGovkz(t)
	cfg := LoadConfig(func(k string) string {
		return map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": fake.URL(), "POLL_ENTITIES": "mfa-budapest"}[k]
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := metrics.New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	wait := startPolling(ctx, cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)), m)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var n int
		st.DB().Get(&n, `SELECT count(*) FROM releases`)
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve's poller stored nothing within 20s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	done := make(chan struct{})
	go func() { wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the poller did not stop after its context ended")
	}
	if got := fetchesCounted(t, m); got == 0 {
		t.Error("newsbot_fetches_total counted no fetch")
	}
	cfg.PollInterval = 0
	startPolling(context.Background(), cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)() // off: returns at once
}

// fetchesCounted sums newsbot_fetches_total over its labels.
func fetchesCounted(t *testing.T, m *metrics.Metrics) float64 {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, f := range families {
		if f.GetName() == "newsbot_fetches_total" {
			for _, mt := range f.GetMetric() {
				sum += mt.GetCounter().GetValue()
			}
		}
	}
	return sum
}
