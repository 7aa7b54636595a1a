package poll_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

func TestPollStoresThenAsksConditionally(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	budapest(fake)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	p := newPoller(t, st, options(fake, clk, "shymkent", "mfa-budapest"))

	got := pass(t, p)
	for _, name := range []string{"shymkent/kk", "shymkent/ru", "mfa-budapest/kk", "mfa-budapest/ru"} {
		if r, ok := got[name]; !ok || r.Err != nil || r.Method != "rss" {
			t.Errorf("%s: %+v, want a successful RSS poll", name, r)
		}
	}
	// kk and ru of one id are one release with two versions.
	if n := count(t, st, `SELECT count(*) FROM releases`); n != 3 {
		t.Errorf("%d releases stored, want 3 (two of Shymkent, one of the embassy)", n)
	}
	if n := count(t, st, `SELECT count(*) FROM release_versions`); n != 6 {
		t.Errorf("%d language versions stored, want 6", n)
	}
	if n := count(t, st, `SELECT count(*) FROM releases WHERE url = $1`,
		"https://www.gov.kz/memleket/entities/shymkent/press/news/details/1002"); n != 1 {
		t.Errorf("release 1002 stored %d times under its canonical URL, want once", n)
	}
	for _, r := range fake.Requests() {
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			t.Errorf("first poll of %s/%s was conditional", r.Entity, r.Lang)
		}
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "newsbot/") {
			t.Errorf("User-Agent = %q, want one naming the bot", ua)
		}
	}

	// Nothing is due before the interval has passed.
	if got := pass(t, p); len(got) != 0 {
		t.Fatalf("a second pass at once polled %d sources, want none due", len(got))
	}
	clk.Add(11 * time.Minute)
	before := len(fake.Requests())
	got = pass(t, p)
	if len(got) != 4 {
		t.Fatalf("after the interval %d sources were polled, want 4", len(got))
	}
	for name, r := range got {
		if !r.NotModified || r.Err != nil {
			t.Errorf("%s: %s, want not modified", name, r.Summary())
		}
	}
	for _, r := range fake.Requests()[before:] {
		if r.Header.Get("If-None-Match") == "" || r.Header.Get("If-Modified-Since") == "" || r.Status != 304 {
			t.Errorf("second poll of %s/%s: If-None-Match %q, If-Modified-Since %q, status %d; want both and 304",
				r.Entity, r.Lang, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.Status)
		}
	}
	if n := count(t, st, `SELECT count(*) FROM releases`); n != 3 {
		t.Errorf("%d releases after the second poll, want still 3", n)
	}
}

func TestEditUpdatesTextWithoutNewArrival(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	p := newPoller(t, st, options(fake, clk, "shymkent"))
	pass(t, p)
	var seq int64
	st.DB().Get(&seq, `SELECT arrival_seq FROM releases WHERE govkz_id = 1002`)

	fake.SetNews("shymkent", "ru",
		news(1002, "В Шымкенте открылась новая школа на 1200 мест", "<p>В Шымкенте открылась новая школа на 1200 мест. В школе есть современные лаборатории.</p>", 2),
		news(1001, "В микрорайон Кызылжар-2 пришла питьевая вода", "<p>Жители микрорайона Кызылжар-2 Шымкента обеспечены питьевой водой.</p>", 30))
	clk.Add(11 * time.Minute)
	got := pass(t, p)
	if r := got["shymkent/ru"]; r.Saved != (store.SaveResult{Updated: 1, Known: 1}) {
		t.Fatalf("poll after the edit: %s; want 1 updated, 1 known", r.Summary())
	}
	var after int64
	st.DB().Get(&after, `SELECT arrival_seq FROM releases WHERE govkz_id = 1002`)
	if after != seq {
		t.Errorf("the edit changed arrival_seq from %d to %d: it would be sent again", seq, after)
	}
	rels, err := st.Latest(context.Background(), store.LatestFilter{Lang: "ru"}, 0, 1)
	if err != nil || len(rels) != 1 || rels[0].Title != "В Шымкенте открылась новая школа на 1200 мест" {
		t.Fatalf("Latest in ru = %+v, %v; want the edited title", rels, err)
	}
	kk, _ := st.Latest(context.Background(), store.LatestFilter{Lang: "kk"}, 0, 1)
	if len(kk) != 1 || kk[0].Title != "Шымкентте жаңа мектеп ашылды" {
		t.Errorf("Latest in kk = %+v; want the Kazakh version", kk)
	}
}
