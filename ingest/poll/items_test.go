package poll_test

import (
	"context"
	"fmt"
	"hash/crc32"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// feedServer serves fixed documents by path, with an ETag, and records the
// If-None-Match of each request.
type feedServer struct {
	*httptest.Server
	mu   sync.Mutex
	docs map[string]doc
	inm  []string
}

type doc struct {
	ctype string
	body  []byte
}

func newFeedServer(t *testing.T) *feedServer {
	s := &feedServer{docs: map[string]doc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		d, ok := s.docs[r.URL.Path]
		s.inm = append(s.inm, r.Header.Get("If-None-Match"))
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%08x"`, crc32.ChecksumIEEE(d.body))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", d.ctype)
		w.Write(d.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) set(path, ctype string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = doc{ctype, body}
}

func rssDoc(items string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>` + items + `</channel></rss>`)
}

func TestGovkzItemsAreValidated(t *testing.T) {
	srv := newFeedServer(t)
	const body = "<description>&lt;p&gt;Шымкентте жаңа саябақ ашылды, онда бес мың ағаш отырғызылды.&lt;/p&gt;</description>"
	link := func(id string) string {
		return "<link>https://www.gov.kz/memleket/entities/shymkent/press/news/details/" + id + "?lang=kk</link>"
	}
	srv.set("/api/v1/public/rss/shymkent/news/kk", "application/rss+xml", rssDoc(``+
		`<item><title>Жақсы</title>`+link("4001")+body+`<pubDate>Tue, 09 Jun 2026 11:48:00 +0500</pubDate></item>`+
		`<item><title>Тек guid</title>`+body+`<guid isPermaLink="false">4002</guid><pubDate>Tue, 09 Jun 2026 10:00:00 +0500</pubDate></item>`+
		`<item><title>Салыстырмалы сілтеме</title><link>/memleket/entities/shymkent/press/news/details/4003?lang=kk</link>`+body+`</item>`+
		`<item><title>Басқа сайт</title><link>https://example.org/news/1</link>`+body+`<pubDate>Tue, 09 Jun 2026 10:00:00 +0500</pubDate></item>`+
		`<item><title> </title>`+link("4004")+`<description> </description><pubDate>Tue, 09 Jun 2026 10:00:00 +0500</pubDate></item>`+
		`<item><title>Ескі</title>`+link("4005")+body+`<pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate></item>`+
		`<item><title>Болашақ</title>`+link("4006")+body+`<pubDate>Mon, 01 Jan 2035 00:00:00 +0500</pubDate></item>`+
		`<item><title>Оқылмайтын күн</title>`+link("4007")+body+`<pubDate>вчера</pubDate></item>`+
		`<item><title>Жақсы</title>`+link("4001")+body+`<pubDate>Tue, 09 Jun 2026 11:48:00 +0500</pubDate></item>`))
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := poll.Options{BaseURL: srv.URL, Entities: []string{"shymkent"}, Langs: []string{"kk"}, Clock: clk.Now}
	p := newPoller(t, st, o)
	r := pass(t, p)["shymkent/kk"]
	want := "3 new, 0 updated, 0 known, 6 skipped (1 duplicate in answer, 1 empty, 1 no release link, 3 bad date)"
	if r.Err != nil || r.Summary() != want {
		t.Fatalf("poll: %s\nwant  %s", r.Summary(), want)
	}
	var got []struct {
		ID        int64     `db:"govkz_id"`
		URL       string    `db:"url"`
		Published time.Time `db:"published_on"`
		Lang      string    `db:"lang"`
	}
	st.DB().Select(&got, `SELECT govkz_id, url, published_on, lang FROM releases ORDER BY govkz_id`)
	if len(got) != 3 || got[1].URL != "https://www.gov.kz/memleket/entities/shymkent/press/news/details/4002" {
		t.Fatalf("stored %+v", got)
	}
	if d := got[2].Published.Format(time.DateOnly); d != "2026-06-10" {
		t.Errorf("an item without a date is dated %s, want the day it was seen, 2026-06-10", d)
	}
	if got[0].Lang != "kk" {
		t.Errorf("lang = %q, want kk", got[0].Lang)
	}
}

func TestGenericFeeds(t *testing.T) {
	srv := newFeedServer(t)
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru-RU"><title>Акимат города Алматы</title><id>urn:x</id><updated>2026-06-09T10:00:00Z</updated>
<entry><title>Новый парк в Алматы</title><link href="https://almaty.example/news/1"/><id>urn:1</id>
<updated>2026-06-09T10:00:00+05:00</updated><content type="html">&lt;p&gt;В Алматы открыли новый парк.&lt;/p&gt;</content></entry>
<entry><title>Брифинг МИД</title><link href="https://www.gov.kz/memleket/entities/mfa/press/news/details/8001?lang=ru"/><id>urn:2</id>
<updated>2026-06-09T09:00:00+05:00</updated><summary>Официальный представитель МИД провёл брифинг.</summary></entry>
</feed>`
	srv.set("/almaty.atom", "application/atom+xml", []byte(atom))
	cp1251, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Новости</title><item><title>Новости региона</title><link>https://region.example/2</link>
<description>Текст в кодировке windows-1251.</description><pubDate>Tue, 09 Jun 2026 08:00:00 +0500</pubDate></item></channel></rss>`)
	srv.set("/cp1251.xml", "text/xml", []byte(cp1251))
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := poll.Options{Entities: []string{}, Langs: []string{"kk"}, Clock: clk.Now, Feeds: []store.FeedPlan{
		{URL: srv.URL + "/almaty.atom", EntitySlug: "almaty"}, {URL: srv.URL + "/cp1251.xml"}}}
	p := newPoller(t, st, o)
	got := pass(t, p)
	for name, r := range got {
		if r.Err != nil || r.Method != "feed" {
			t.Errorf("%s: %s", name, r.Summary())
		}
	}
	type row struct {
		Slug  *string `db:"slug"`
		URL   string  `db:"url"`
		Title string  `db:"title"`
		Lang  string  `db:"lang"`
	}
	var rows []row
	st.DB().Select(&rows, `SELECT e.slug, r.url, r.title, r.lang FROM releases r
		LEFT JOIN entities e ON e.id = r.entity_id ORDER BY r.url`)
	if len(rows) != 3 {
		t.Fatalf("stored %+v, want 3 releases", rows)
	}
	if rows[0].URL != "https://almaty.example/news/1" || rows[0].Slug == nil || *rows[0].Slug != "almaty" || rows[0].Lang != "ru" {
		t.Errorf("the Almaty item: %+v; want filed under almaty by its link, in ru", rows[0])
	}
	if rows[1].URL != "https://region.example/2" || rows[1].Title != "Новости региона" || rows[1].Slug != nil {
		t.Errorf("the windows-1251 item: %+v; want its title decoded", rows[1])
	}
	if rows[2].Slug == nil || *rows[2].Slug != "mfa" {
		t.Errorf("the gov.kz item: %+v; want filed under mfa by its URL", rows[2])
	}
	// The feed's title names the feed's entity, which the store knew by its
	// slug only, in the feed's language; not the entity of a gov.kz link.
	ctx := context.Background()
	if e, err := st.EntityBySlug(ctx, "almaty"); err != nil || e.NameRU != "Акимат города Алматы" || e.Name("kk") != "Акимат города Алматы" {
		t.Errorf("almaty = %+v, %v; want named by the feed's title in ru", e, err)
	}
	if e, err := st.EntityBySlug(ctx, "mfa"); err != nil || e.Name("ru") != "mfa" {
		t.Errorf("mfa = %+v, %v; want still named by its slug", e, err)
	}

	// Unchanged feeds answer 304 to the validators; an edited item updates
	// its release.
	clk.Add(11 * time.Minute)
	for _, r := range pass(t, p) {
		if !r.NotModified {
			t.Errorf("%s second poll: %s, want not modified", r.Source.Name(), r.Summary())
		}
	}
	srv.set("/almaty.atom", "application/atom+xml", []byte(strings.Replace(atom, "Новый парк в Алматы", "Новый парк открыт в Алматы", 1)))
	clk.Add(11 * time.Minute)
	if r := pass(t, p)[srv.URL+"/almaty.atom"]; r.Saved != (store.SaveResult{Updated: 1, Known: 1}) {
		t.Errorf("after the edit: %s, want 1 updated, 1 known", r.Summary())
	}
	if n := count(t, st, `SELECT count(*) FROM releases`); n != 3 {
		t.Errorf("%d releases after the edit, want still 3", n)
	}
}

// TestUnknownRSSShapeFallsBack: a feed whose items link no gov.kz release
// is a failure of RSS, so the API gets its turn, rather than a success
// that never stores anything.
func TestUnknownRSSShapeFallsBack(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/api/v1/public/rss/mfa/news/ru", "application/rss+xml", rssDoc(
		`<item><title>Брифинг</title><link>https://example.org/1</link><description>Текст.</description></item>`))
	st := testdb.Open(t)
	o := poll.Options{BaseURL: srv.URL, Entities: []string{"mfa"}, Langs: []string{"ru"}, Clock: (&clock{t: t0}).Now}
	r := pass(t, newPoller(t, st, o))["mfa/ru"]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "rss: none of the 1 items links a gov.kz release; api: ") {
		t.Fatalf("poll: %s; want RSS failed and the API tried", r.Summary())
	}
}
