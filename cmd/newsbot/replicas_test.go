package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// countingProxy is one replica's way to the shared fake Bot API: it counts
// the digest parts that replica sent, and may hold them back until another
// replica has sent one (so that "both deliver" does not depend on timing).
type countingProxy struct {
	srv   *httptest.Server
	mu    sync.Mutex
	sent  int // sendMessage calls that reached the fake
	polls int // getUpdates calls
	held  int // sendMessage calls waiting for `after`
	after *countingProxy
}

func newCountingProxy(t *testing.T, fake *fakebotapi.Server, after *countingProxy) *countingProxy {
	p := &countingProxy{after: after}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/getUpdates") {
			p.mu.Lock()
			p.polls++
			p.mu.Unlock()
		}
		if strings.HasSuffix(r.URL.Path, "/sendMessage") {
			p.waitForOther(r.Context())
			p.mu.Lock()
			p.sent++
			p.mu.Unlock()
		}
		fake.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *countingProxy) waitForOther(ctx context.Context) {
	if p.after == nil {
		return
	}
	p.mu.Lock()
	p.held++
	p.mu.Unlock()
	deadline := time.Now().Add(90 * time.Second)
	for p.after.count() == 0 && ctx.Err() == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *countingProxy) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent
}

func (p *countingProxy) getUpdates() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.polls
}

func (p *countingProxy) waiting() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.held
}

// TestTwoReplicasOnePollerBothDeliver is the acceptance: two
// "newsbot serve" processes on one database with long polling, against one
// Bot API token. It proves that exactly one polls (its newsbot_poller_leader
// is 1, the other's 0, and each command is answered once), that both send
// digest parts, that no digest part goes out twice, and that after the
// poller is killed with SIGKILL the other becomes the poller by itself,
// within a minute, and answers commands. POLLER_RETRY is 300ms so that the
// test takes seconds; the default 10s gives 10-15 s.
func TestTwoReplicasOnePollerBothDeliver(t *testing.T) {
	bin := buildBinary(t)
	fake := fakebotapi.New(fakebotapi.WithPollWait(200 * time.Millisecond))
	t.Cleanup(fake.Close)
	dbURL := testdb.URL(t)
	const chats = 24
	queueDigests(t, dbURL, chats)

	b := newCountingProxy(t, fake, nil)
	a := newCountingProxy(t, fake, b) // a's parts wait until b has sent one
	replica := func(p *countingProxy) (*proc, string) {
		addr := freeAddr(t)
		return startProc(t, bin, map[string]string{"DATABASE_URL": dbURL, "TELEGRAM_BOT_TOKEN": testToken,
			"TELEGRAM_API_URL": p.srv.URL, "HTTP_ADDR": addr, "POLLER_RETRY": "300ms", "POLL_INTERVAL": "off"},
			"serve"), addr
	}
	procA, addrA := replica(a)
	waitFor(t, "replica A holds digest parts", func() bool { return a.waiting() > 0 })
	procB, addrB := replica(b)
	leaders := func() (float64, float64) {
		return metric(addrA, "newsbot_poller_leader"), metric(addrB, "newsbot_poller_leader")
	}
	waitFor(t, "one replica is the poller", func() bool {
		la, lb := leaders()
		return la >= 0 && lb >= 0 && la+lb == 1
	})

	// Each command is answered once: one poller.
	for chat := int64(500); chat < 505; chat++ {
		fake.SendText(chat, fakebotapi.User{ID: chat, LanguageCode: "en"}, "/start")
	}
	waitFor(t, "every digest part is sent and every command answered", func() bool {
		return pending(t, dbURL) == 0 && len(fake.Messages(504)) > 0
	})
	if la, lb := leaders(); la+lb != 1 {
		t.Errorf("leader gauges A=%v B=%v, want exactly one poller", la, lb)
	}
	for chat := int64(500); chat < 505; chat++ {
		if n := len(fake.Messages(chat)); n != 1 {
			t.Errorf("chat %d got %d answers to one /start, want 1", chat, n)
		}
	}
	if a.count() == 0 || b.count() == 0 {
		t.Errorf("replica A sent %d messages, B %d; want both to deliver", a.count(), b.count())
	}
	parts := queuedParts(t, dbURL)
	for chat := int64(1); chat <= chats; chat++ {
		if got, want := len(fake.Messages(chat)), len(parts[chat]); got != want {
			t.Errorf("chat %d got %d digest messages, want %d: no digest twice", chat, got, want)
		}
	}

	// Only the poller ever called getUpdates.
	poller, other, otherAddr, otherProxy, pollerProxy := procA, procB, addrB, b, a
	if la, _ := leaders(); la != 1 {
		poller, other, otherAddr, otherProxy, pollerProxy = procB, procA, addrA, a, b
	}
	if otherProxy.getUpdates() != 0 || pollerProxy.getUpdates() == 0 {
		t.Errorf("getUpdates calls: poller %d, other %d; want only the poller's", pollerProxy.getUpdates(), otherProxy.getUpdates())
	}

	// Kill the poller: the other takes over.
	poller.kill(t)
	killed := time.Now()
	waitFor(t, "the other replica becomes the poller", func() bool {
		return metric(otherAddr, "newsbot_poller_leader") == 1
	})
	if d := time.Since(killed); d > time.Minute {
		t.Errorf("polling moved %s after the kill, want within a minute", d)
	}
	fake.SendText(600, fakebotapi.User{ID: 600, LanguageCode: "en"}, "/help")
	waitFor(t, "the new poller answers", func() bool { return len(fake.Messages(600)) == 1 })
	if !strings.Contains(other.log.String(), `"msg":"Became the poller"`) {
		t.Errorf("%s did not log becoming the poller:\n%s", other, other.log)
	}
	for _, p := range []*proc{procA, procB} {
		if strings.Contains(p.log.String(), testToken) {
			t.Errorf("%s logged the bot token", p)
		}
	}
}

// queueDigests makes chats follow a source, imports the fixture and builds
// their digests, as a pass would: the parts wait in the outbox.
func queueDigests(t *testing.T, dbURL string, chats int64) {
	t.Helper()
	env := map[string]string{"DATABASE_URL": dbURL}
	if _, err := runCmd(t, env, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	for chat := int64(1); chat <= chats; chat++ {
		digestFollow(t, dbURL, chat, "mfa-budapest", fixtureSubscribed)
	}
	if _, err := runCmd(t, env, "", "import", fixture); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2025, 11, 26, 9, 0, 0, 0, time.FixedZone("Asia/Almaty", 5*3600))
	pass, err := digest.NewBuilder(st, digest.BuildOptions{}).RunPass(ctx, now)
	if err != nil || pass.Built != int(chats) {
		t.Fatalf("digest pass: %+v, %v; want %d digests", pass, err, chats)
	}
}

func pending(t *testing.T, dbURL string) int {
	st, err := store.Open(context.Background(), dbURL)
	if err != nil {
		return -1
	}
	defer st.Close()
	n, err := st.PendingParts(context.Background())
	if err != nil {
		return -1
	}
	return n
}
