package bot_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// stems are the beginnings of every word of the releases fillReleases makes:
// each stem begins hundreds of distinct words, so a query of stems matches
// every release by prefix, through many index entries, and ranks them all.
var stems = []string{"akim", "vodo", "shim", "almat", "astan", "kazak", "respub", "minist", "oblast", "raion",
	"sovet", "prezid", "gosud", "sluj", "stroi", "zdrav", "obraz", "kultur", "sport", "ekonom"}

// slowQuery is a search within the terms cap that is still genuinely slow on
// fillReleases' data: ten prefix words that every release contains.
var slowQuery = strings.Join(stems[:10], " ")

// fillReleases stores n releases of 150 words each, all made of stems, in
// one statement (PostgreSQL computes their search vectors).
func fillReleases(t *testing.T, st *store.Store, n int) {
	t.Helper()
	words := "(ARRAY['" + strings.Join(stems, "','") + "'])"
	_, err := st.DB().Exec(`
		INSERT INTO releases (content_hash, title, body, lang, published_on)
		SELECT md5('fill' || i), 'Release ' || i,
		       (SELECT string_agg(`+words+`[1 + (i * 7 + j * 13) % 20]
		                          || translate(substr(md5(i || '-' || j), 1, 3), '0123456789', 'aeioubcdfg'), ' ')
		        FROM generate_series(1, 150) j),
		       'ru', date '2025-11-26' - i % 300
		FROM generate_series(1, $1) i`, n)
	if err != nil {
		t.Fatal(err)
	}
}

// activeSearches counts the statements of /search and /latest running in the
// test's database, seen from a connection of its own, since the bot's pool
// may be exhausted: every one of them, whether it walks by date, reads the
// GIN index or scores, takes its query through to_tsquery (counting the
// scoring alone, ts_rank_cd, missed a flood whose searches were between
// statements once the index was given less to read).
type activeSearches struct {
	db   *sqlx.DB
	name string
}

func watchSearches(t *testing.T, st *store.Store) activeSearches {
	t.Helper()
	var name string
	if err := st.DB().Get(&name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	db, err := sqlx.Open("postgres", testdb.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return activeSearches{db: db, name: name}
}

func (a activeSearches) count(t *testing.T) int {
	t.Helper()
	var n int
	if err := a.db.Get(&n, `SELECT count(*) FROM pg_stat_activity
		WHERE datname = $1 AND state = 'active' AND query LIKE '%to_tsquery(%' AND pid <> pg_backend_pid()`, a.name); err != nil {
		t.Fatal(err)
	}
	return n
}

func (a activeSearches) waitFor(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for a.count(t) < n {
		if time.Now().After(deadline) {
			t.Fatalf("fewer than %d searches ever ran at once", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// floodChats is how many other chats search at once in the flood: enough
// that the flood outlasts the five /start timed during it on a fast
// machine (with twenty, it was sometimes over before them).
const floodChats = 60

// A flood of searches — twenty at once from one chat, and one from each of
// floodChats other chats, more than the pool has connections — does not slow
// anyone else's /start: it is answered while the searches still run, in
// well under 100 ms. Before the limits, /start waited seconds for a
// connection.
func TestSearchFloodDoesNotStarveOtherChats(t *testing.T) {
	h := newHarness(t)
	fillReleases(t, h.st, 3000)
	searches := watchSearches(t, h.st)

	// How long one search takes alone, for the report and to check that the
	// test's premise holds on this machine: a search is slow.
	began := time.Now()
	mustContain(t, h.one(h.send(400, "en", "/search "+slowQuery)).Plain, "Results for")
	alone := time.Since(began)

	for range 20 {
		h.fake.SendText(500, user(500, "en"), "/search "+slowQuery)
	}
	for chat := int64(501); chat <= 500+floodChats; chat++ {
		h.fake.SendText(chat, user(chat, "en"), "/search "+slowQuery)
	}
	searches.waitFor(t, 2)

	var took []time.Duration
	for chat := int64(900); chat < 905; chat++ {
		began := time.Now()
		mustContain(t, h.one(h.send(chat, "en", "/start")).Plain, "Hello!")
		took = append(took, time.Since(began))
	}
	running := searches.count(t)
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	t.Logf("one search alone: %v; /start during the flood: median %v, slowest %v; searches still running after: %d",
		alone, took[2], took[4], running)
	if running == 0 {
		t.Fatalf("the flood was over before /start was timed (a search alone took %v): the test proves nothing", alone)
	}
	if took[2] > 100*time.Millisecond {
		t.Errorf("/start took %v (median of 5) during a search flood, want under 100ms", took[2])
	}

	// One search at a time per chat: chat 500's others were told to wait.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	msgs, err := h.fake.WaitMessages(ctx, 500, 20)
	if err != nil {
		t.Fatal(err)
	}
	waiting := 0
	for _, m := range msgs {
		if strings.Contains(m.Plain, "still working on your previous request") {
			waiting++
		}
	}
	if waiting < 15 {
		t.Errorf("%d of chat 500's 20 simultaneous searches were told to wait, want nearly all", waiting)
	}
	for chat := int64(501); chat <= 500+floodChats; chat++ {
		if _, err := h.fake.WaitMessages(ctx, chat, 1); err != nil {
			t.Fatalf("chat %d's search was never answered: %v", chat, err)
		}
	}
}

// A search that runs past the statement timeout is stopped there, and the
// user is asked, in their language, to narrow it; so is a /latest of a chat
// whose keywords make it slow.
func TestSlowQueriesStopAtTheTimeout(t *testing.T) {
	// /search reads at most its newest matches and /latest a few hundred
	// releases a keyword, so no query here is slow in itself any more: the
	// timeout is made smaller than what they take instead.
	const timeout = time.Millisecond
	h := newHarness(t, func(o *bot.Options) { o.QueryTimeout = timeout })
	fillReleases(t, h.st, 3000)
	ctx := context.Background()
	q, err := textmatch.ParseSearch(slowQuery)
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	if _, err := h.st.Search(ctx, store.SearchQuery{Match: q.Match}, 0, 6); err != nil {
		t.Fatal(err)
	}
	alone := time.Since(began)
	if alone < 2*timeout {
		t.Fatalf("the slow search took only %v here, not enough above the %v timeout to test it", alone, timeout)
	}

	want := map[string]string{
		"kk": "Іздеу тым ұзаққа созылды",
		"ru": "Поиск занял слишком много времени",
		"en": "That search took too long",
	}
	for i, lang := range []string{"kk", "ru", "en"} {
		began := time.Now()
		m := h.one(h.send(int64(410+i), lang, "/search "+slowQuery))
		mustContain(t, m.Plain, want[lang])
		if took := time.Since(began); took > alone {
			t.Errorf("the timeout answer took %v, longer than the search itself (%v)", took, alone)
		}
	}

	// A page button of a slow search says so in a notification, and leaves
	// the list it is on as it was.
	list := h.one(h.send(413, "en", "/search Shymkent"))
	qid, err := h.st.SaveQuery(ctx, 413, "search", slowQuery)
	if err != nil {
		t.Fatal(err)
	}
	edited, ans := h.press(413, "en", list.MessageID, fmt.Sprintf("p:%d:5", qid))
	if len(edited) != 0 || !strings.Contains(ans.Text, "That search took too long") {
		t.Errorf("a page of a slow search: %d messages changed, notification %q", len(edited), ans.Text)
	}

	// A chat following fifty words that no release has: /latest looks for
	// each, and the query's time is the whole /latest's, not each word's.
	chat := int64(420)
	h.send(chat, "en", "/start")
	for i := range subscriptions.MaxPerChat {
		n := subscriptions.KeywordSubscription(chat, "nomatch"+string(rune('a'+i%26))+string(rune('a'+i/26))+" akim")
		if _, _, err := h.st.AddSubscription(ctx, n, subscriptions.MaxPerChat); err != nil {
			t.Fatal(err)
		}
	}
	mustContain(t, h.one(h.send(chat, "en", "/latest")).Plain, "took too long")
	// A light command right after is answered as usual.
	mustContain(t, h.one(h.send(chat, "en", "/help")).Plain, "Commands")
}

// A search of more terms than the cap is refused with a message naming the
// limit; a search at the cap runs.
func TestSearchTermsAreCapped(t *testing.T) {
	h := newHarness(t)
	words := func(n int, sep string) string {
		var w []string
		for i := range n {
			w = append(w, "zzword"+string(rune('a'+i))+"x") // in no release

		}
		return strings.Join(w, sep)
	}
	max := bot.MaxSearchTerms
	want := map[string]string{
		"kk": "ең көбі 10 сөз",
		"ru": "не больше 10 слов",
		"en": "at most 10 words",
	}
	for i, lang := range []string{"kk", "ru", "en"} {
		chat := int64(430 + i)
		mustContain(t, h.one(h.send(chat, lang, "/search "+words(max+1, " OR "))).Plain, want[lang])
		mustContain(t, h.one(h.send(chat, lang, "/search "+words(max+1, " "))).Plain, want[lang])
		mustContain(t, h.one(h.send(chat, lang, `/search "`+words(max-1, " ")+`" -Kyzylzhar -Shymkent`)).Plain, want[lang])
	}
	mustContain(t, h.one(h.send(433, "en", "/search "+words(max, " OR "))).Plain, "Nothing found for")
	mustContain(t, h.one(h.send(433, "en", "/search Kyzylzhar OR Shymkent -Almaty")).Plain, "Results for")
}
