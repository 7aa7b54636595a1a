package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// holdingProxy stands between newsbot and the fake Bot API. Once it has
// let `free` sendMessage calls through, it makes each further one reach
// Telegram (the fake records the message) and then withholds the answer
// until the client goes away: the message is delivered, the sender never
// learns it.
type holdingProxy struct {
	fake *fakebotapi.Server
	srv  *httptest.Server
	free int

	mu   sync.Mutex
	sent int
	held int
}

func newHoldingProxy(t *testing.T, fake *fakebotapi.Server, free int) *holdingProxy {
	p := &holdingProxy{fake: fake, free: free}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/sendMessage") {
			fake.ServeHTTP(w, r)
			return
		}
		p.mu.Lock()
		p.sent++
		hold := p.sent > p.free
		p.mu.Unlock()
		if !hold {
			fake.ServeHTTP(w, r)
			return
		}
		fake.ServeHTTP(httptest.NewRecorder(), r)
		p.mu.Lock()
		p.held++
		p.mu.Unlock()
		<-r.Context().Done() // until the client is killed
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *holdingProxy) heldCalls() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.held
}

// TestSIGKILLDuringDigestDelivery proves that killing "newsbot digest run"
// with SIGKILL while messages are in flight loses no digest part: the next
// run delivers every part, and the only duplicates are the parts whose
// message Telegram had accepted without the sender hearing back — at most
// SenderOptions.Workers (8) for one kill, at most one per part, the bound
// digest/sender.go documents.
func TestSIGKILLDuringDigestDelivery(t *testing.T) {
	bin := buildBinary(t)
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	proxy := newHoldingProxy(t, fake, 4)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL": proxy.srv.URL}
	if _, err := runCmd(t, env, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	const chats, workers = 20, 8
	for chat := int64(1); chat <= chats; chat++ {
		digestFollow(t, env["DATABASE_URL"], chat, "mfa-budapest", fixtureSubscribed)
	}
	if _, err := runCmd(t, env, "", "import", fixture); err != nil {
		t.Fatal(err)
	}
	const now = "2025-11-26T09:00:00+05:00"

	first := startProc(t, bin, env, "digest", "run", "--now", now)
	waitFor(t, "every sender worker holds a part in flight", func() bool { return proxy.heldCalls() == workers })
	first.kill(t)

	env["TELEGRAM_API_URL"] = fake.URL()
	second := startProc(t, bin, env, "digest", "run", "--now", now)
	if err := second.cmd.Wait(); err != nil {
		t.Fatalf("the run after the kill: %v\n%s", err, second.log)
	}

	parts := queuedParts(t, env["DATABASE_URL"])
	duplicates := 0
	for chat := int64(1); chat <= chats; chat++ {
		var got []string
		for _, m := range fake.Messages(chat) {
			got = append(got, m.Text)
		}
		distinct := slices.Compact(slices.Clone(got))
		if !slices.Equal(distinct, parts[chat]) {
			t.Errorf("chat %d got %d messages (%d distinct), want its %d parts, in order, each at most twice side by side",
				chat, len(got), len(distinct), len(parts[chat]))
		}
		duplicates += len(got) - len(distinct)
	}
	if duplicates < 1 || duplicates > workers {
		t.Errorf("%d duplicates; want at least 1 (a part was in flight) and at most Workers = %d", duplicates, workers)
	}
	t.Logf("%d parts in flight at the kill, %d duplicates after the second run", workers, duplicates)
}

// queuedParts returns each chat's queued part texts in order, after
// checking that none is left unsent.
func queuedParts(t *testing.T, url string) map[int64][]string {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var rows []struct {
		ChatID int64  `db:"chat_id"`
		Text   string `db:"text"`
		Status string `db:"status"`
	}
	if err := st.DB().Select(&rows, `SELECT chat_id, text, status FROM outbox ORDER BY chat_id, digest_id, part`); err != nil {
		t.Fatal(err)
	}
	parts := map[int64][]string{}
	for _, r := range rows {
		if r.Status != store.OutboxSent {
			t.Errorf("a part of chat %d is %s, want sent", r.ChatID, r.Status)
		}
		parts[r.ChatID] = append(parts[r.ChatID], r.Text)
	}
	return parts
}
