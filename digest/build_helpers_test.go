package digest_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // zones resolve whatever the machine's zone database says

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// digestEnv is a fresh database with the catalogue, and a Builder on it.
type digestEnv struct {
	t   *testing.T
	ctx context.Context
	st  *store.Store
	b   *digest.Builder
	// subscribedAt is when follow subscribes, which schedules a chat's first
	// digest: by default the start of the fixture's day, so the first one
	// is due at 09:00 that day.
	subscribedAt time.Time
}

func newDigestEnv(t *testing.T, opts digest.BuildOptions) *digestEnv {
	t.Helper()
	return newDigestEnvWith(t, testdb.Open(t), opts)
}

// newDigestEnvOn is a digestEnv on the database at url, which other stores
// (other "processes") may share.
func newDigestEnvOn(t *testing.T, url string) *digestEnv {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newDigestEnvWith(t, st, digest.BuildOptions{})
}

func newDigestEnvWith(t *testing.T, st *store.Store, opts digest.BuildOptions) *digestEnv {
	t.Helper()
	e := &digestEnv{t: t, ctx: context.Background(), st: st, subscribedAt: almaty(2025, 11, 26, 0, 0)}
	ents, err := catalogue.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SyncCatalogue(e.ctx, ents); err != nil {
		t.Fatal(err)
	}
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	e.b = digest.NewBuilder(e.st, opts)
	return e
}

// almaty is a wall-clock time in Kazakhstan (UTC+5).
func almaty(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.FixedZone("Almaty", 5*3600))
}

// fixtureDay is the morning of the fixture's newest releases.
var fixtureDay = almaty(2025, 11, 26, 9, 0)

func (e *digestEnv) chat(id int64, lang string) {
	e.t.Helper()
	if _, err := e.st.TouchChat(e.ctx, id, "private", lang); err != nil {
		e.t.Fatal(err)
	}
}

// follow subscribes chat to an entity slug, or to a keyword when the
// argument starts with "word:".
func (e *digestEnv) follow(chat int64, what ...string) {
	e.t.Helper()
	for _, w := range what {
		n := store.NewSubscription{ChatID: chat}
		if kw, ok := strings.CutPrefix(w, "word:"); ok {
			n = subscriptions.KeywordSubscription(chat, kw)
		} else {
			ent, err := e.st.EntityBySlug(e.ctx, w)
			if err != nil {
				e.t.Fatalf("entity %s: %v", w, err)
			}
			n.Kind, n.Value, n.Normalized, n.EntityID = store.SubEntity, ent.Slug, ent.Slug, ent.ID
		}
		n.At = e.subscribedAt
		if _, _, err := e.st.AddSubscription(e.ctx, n, subscriptions.MaxPerChat); err != nil {
			e.t.Fatal(err)
		}
	}
}

func (e *digestEnv) importFixture() {
	e.t.Helper()
	rels, _, err := ingest.Parse(newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		e.t.Fatal(err)
	}
	e.importReleases(rels...)
}

func (e *digestEnv) importReleases(rels ...store.NewRelease) {
	e.t.Helper()
	if _, err := e.st.ImportReleases(e.ctx, rels); err != nil {
		e.t.Fatal(err)
	}
}

// release is a release of entity slug published on day, with its shingles
// computed as ingest stores them.
func release(slug string, id int64, day time.Time, title, body string) store.NewRelease {
	return store.NewRelease{
		EntitySlug: slug, GovkzID: id, ContentHash: slug + title,
		URL:   "https://www.gov.kz/memleket/entities/" + slug + "/press/news/details/" + strconv.FormatInt(id, 10),
		Title: title, Body: body, Lang: "en", PublishedOn: day, Shingles: textmatch.Shingles(title, body),
	}
}

func (e *digestEnv) pass(now time.Time) digest.PassStats {
	e.t.Helper()
	st, err := e.b.RunPass(e.ctx, now)
	if err != nil {
		e.t.Fatal(err)
	}
	return st
}

// queued returns the chat's queued parts, oldest digest first, as the plain
// text a reader sees; every part must be HTML Telegram accepts.
func (e *digestEnv) queued(chat int64) []string {
	e.t.Helper()
	var texts []string
	err := e.st.DB().SelectContext(e.ctx, &texts,
		`SELECT text FROM outbox WHERE chat_id = $1 ORDER BY digest_id, part`, chat)
	if err != nil {
		e.t.Fatal(err)
	}
	for i, html := range texts {
		plain, err := fakebotapi.ParseHTML(html)
		if err != nil {
			e.t.Fatalf("part %d of chat %d: %v\n%s", i+1, chat, err, html)
		}
		if n := fakebotapi.TextLength(plain); n > 4096 {
			e.t.Fatalf("part %d of chat %d has %d characters", i+1, chat, n)
		}
		texts[i] = plain
	}
	return texts
}

func (e *digestEnv) digests(chat int64) int {
	e.t.Helper()
	var n int
	if err := e.st.DB().GetContext(e.ctx, &n, `SELECT count(*) FROM digests WHERE chat_id = $1`, chat); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func (e *digestEnv) settings(chat int64) store.DigestChat {
	e.t.Helper()
	c, err := e.st.DigestChatByID(e.ctx, chat)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}
