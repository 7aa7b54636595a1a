package poll_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestBrokenSourcesHoldUpNoOther gives one entity each broken answer, on
// both RSS and the API, next to a healthy one.
func TestBrokenSourcesHoldUpNoOther(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	broken := []struct {
		entity string
		fault  fakegovkz.Fault
		want   string // in the error, for both methods
	}{
		{"broken-500", fakegovkz.Status500, "HTTP 500"},
		{"broken-html", fakegovkz.HTMLPage, "not "},
		{"broken-truncated", fakegovkz.Truncated, ""}, // unexpected EOF, or a cut UTF-8 sequence
		{"broken-encoding", fakegovkz.WrongEncoding, "not valid UTF-8"},
		{"broken-oversized", fakegovkz.Oversized, "abandoned"}, // too large, or too slow under -race
		{"broken-hang", fakegovkz.Hang, "no complete answer within"},
	}
	entities := []string{"shymkent"}
	for _, b := range broken {
		// Russian text, so that the windows-1251 bytes differ from UTF-8.
		fake.SetNews(b.entity, "ru", news(9001, "Новости "+b.entity, "<p>Текст новости на русском языке.</p>", 1))
		fake.SetNews(b.entity, "kk", news(9001, "Жаңалықтар "+b.entity, "<p>Қазақ тіліндегі жаңалық мәтіні.</p>", 1))
		fake.SetFault("", b.entity, b.fault)
		entities = append(entities, b.entity)
	}
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := options(fake, clk, entities...)
	o.Timeout = 300 * time.Millisecond
	o.Workers = 8
	start := time.Now()
	got := pass(t, newPoller(t, st, o))
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the pass took %s: a hanging source held it up", took)
	}
	for _, lang := range []string{"kk", "ru"} {
		if r := got["shymkent/"+lang]; r.Err != nil || r.Saved.New+r.Saved.Versions != 2 {
			t.Errorf("shymkent/%s: %s; want its two releases stored", lang, r.Summary())
		}
		for _, b := range broken {
			r := got[b.entity+"/"+lang]
			if r.Err == nil {
				t.Errorf("%s/%s: %s; want an error", b.entity, lang, r.Summary())
				continue
			}
			msg := r.Err.Error()
			if !strings.Contains(msg, "rss: ") || !strings.Contains(msg, "api: ") || (b.want != "" && strings.Count(msg, b.want) < 2) {
				t.Errorf("%s/%s error %q: want both methods failing with %q", b.entity, lang, msg, b.want)
			}
		}
	}
	if n := count(t, st, `SELECT count(*) FROM releases r JOIN entities e ON e.id = r.entity_id
		WHERE e.slug LIKE 'broken-%'`); n != 0 {
		t.Errorf("%d releases of broken sources were stored, want none", n)
	}
	if n := count(t, st, `SELECT count(*) FROM sources WHERE key LIKE 'govkz:broken-%'
		AND consecutive_failures = 1 AND last_error <> '' AND next_poll_at > $1`, t0); n != 12 {
		t.Errorf("%d broken sources recorded their failure and a later poll, want 12", n)
	}
}

func TestFallbackToTheAPIWhenRSSFails(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	fake.SetFault("rss", "shymkent", fakegovkz.Status500)
	st := testdb.Open(t)
	got := pass(t, newPoller(t, st, options(fake, &clock{t: t0}, "shymkent")))
	for _, lang := range []string{"kk", "ru"} {
		r := got["shymkent/"+lang]
		if r.Err != nil || r.Method != "api" || !strings.Contains(r.Note, "rss: HTTP 500") {
			t.Errorf("shymkent/%s: method %q, %s; want stored through the API, noting the RSS failure", lang, r.Method, r.Summary())
		}
	}
	if n := count(t, st, `SELECT count(*) FROM releases`); n != 2 {
		t.Errorf("%d releases, want 2", n)
	}
	// The handshake came first, with what the API requires, and the list
	// requests carried its cookie and the language.
	reqs := fake.Requests()
	var tickets int
	sawList := false
	for _, r := range reqs {
		switch r.Endpoint {
		case "ticket":
			tickets++
			if sawList {
				t.Errorf("a handshake after the first list request: the ticket was not kept")
			}
			if r.Header.Get("Origin") != "https://www.gov.kz" || r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("handshake headers: %v", r.Header)
			}
		case "api":
			sawList = true
			if tickets == 0 || !strings.Contains(r.Header.Get("Cookie"), "k6=") || r.Status != 200 {
				t.Errorf("list request without the ticket: cookie %q, status %d", r.Header.Get("Cookie"), r.Status)
			}
		}
	}
	if tickets != 1 {
		t.Errorf("%d handshakes, want 1 shared by both languages", tickets)
	}
}

func TestAPITicketIsRenewedOnce(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	shymkent(fake)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := options(fake, clk, "shymkent")
	o.Primary = "api"
	p := newPoller(t, st, o)
	pass(t, p)
	fake.ExpireTickets()
	clk.Add(11 * time.Minute)
	got := pass(t, p)
	for name, r := range got {
		if r.Err != nil || r.Method != "api" {
			t.Errorf("%s after the ticket expired: %s", name, r.Summary())
		}
	}
	var tickets, refused int
	for _, r := range fake.Requests() {
		if r.Endpoint == "ticket" {
			tickets++
		}
		if r.Endpoint == "api" && r.Status == 400 {
			refused++
		}
	}
	if tickets != 2 {
		t.Errorf("%d handshakes, want 2 (the first, and one renewal)", tickets)
	}
	if refused == 0 {
		t.Errorf("no list request was refused: the test did not expire the ticket")
	}
}

func TestAPIPagesUntilKnownIDs(t *testing.T) {
	fake := fakegovkz.New()
	defer fake.Close()
	var items []fakegovkz.News
	for i := 45; i >= 1; i-- { // newest first
		items = append(items, news(int64(5000+i), "Жаңалық нөмірі "+strconv.Itoa(i), "<p>Шымкент қаласының жаңалығы, нөмірі "+strconv.Itoa(i)+".</p>", 100-i))
	}
	fake.SetNews("shymkent", "kk", items...)
	st := testdb.Open(t)
	clk := &clock{t: t0}
	o := options(fake, clk, "shymkent")
	o.Primary, o.Langs = "api", []string{"kk"}
	p := newPoller(t, st, o)
	got := pass(t, p)
	if r := got["shymkent/kk"]; r.Saved.New != 45 {
		t.Fatalf("first poll: %s; want 45 new", r.Summary())
	}
	if pages := apiPages(fake); pages != "1,2,3" {
		t.Errorf("first poll read pages %s, want 1,2,3 (the third is short)", pages)
	}
	// Arrival order follows publication: the oldest was stored first.
	var oldest int64
	st.DB().Get(&oldest, `SELECT govkz_id FROM releases ORDER BY arrival_seq LIMIT 1`)
	if oldest != 5001 {
		t.Errorf("first arrival is %d, want the oldest, 5001", oldest)
	}

	fake.SetNews("shymkent", "kk", append([]fakegovkz.News{news(5046, "Жаңа жаңалық", "<p>Шымкентте жаңа саябақ ашылды.</p>", 0)}, items...)...)
	before := len(fake.Requests())
	clk.Add(11 * time.Minute)
	got = pass(t, p)
	if r := got["shymkent/kk"]; r.Saved.New != 1 {
		t.Fatalf("second poll: %s; want 1 new", r.Summary())
	}
	var pages []string
	for _, r := range fake.Requests()[before:] {
		if r.Endpoint == "api" {
			pages = append(pages, r.Page)
		}
	}
	if strings.Join(pages, ",") != "1,2" {
		t.Errorf("second poll read pages %v, want 1 and 2 (the first page of known ids only)", pages)
	}
}

func apiPages(fake *fakegovkz.Server) string {
	var pages []string
	for _, r := range fake.Requests() {
		if r.Endpoint == "api" {
			pages = append(pages, r.Page)
		}
	}
	return strings.Join(pages, ",")
}
