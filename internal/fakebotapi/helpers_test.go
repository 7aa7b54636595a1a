package fakebotapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

const testToken = "123456:test-token"

// newServer starts a fake closed at the end of the test.
func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv := New(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// newBot is the real client pointed at srv.
func newBot(t *testing.T, srv *Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	opts = append([]bot.Option{
		bot.WithServerURL(srv.URL()),
		bot.WithErrorsHandler(func(error) {}),
	}, opts...)
	b, err := bot.New(testToken, opts...)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

// startBot runs b.Start until the end of the test.
func startBot(t *testing.T, b *bot.Bot) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	done := make(chan struct{})
	go func() {
		b.Start(ctx)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return ctx
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// apiAnswer is a raw Bot API answer.
type apiAnswer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter      int   `json:"retry_after"`
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// post sends a raw request, bypassing the client library.
func post(t *testing.T, srv *Server, method, contentType, body string) (int, apiAnswer) {
	t.Helper()
	resp, err := http.Post(srv.URL()+"/bot"+testToken+"/"+method, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", method, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s answer: %v", method, err)
	}
	var a apiAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatalf("decode %s answer %s: %v", method, data, err)
	}
	return resp.StatusCode, a
}

// postForm sends url-encoded parameters.
func postForm(t *testing.T, srv *Server, method string, params url.Values) (int, apiAnswer) {
	t.Helper()
	return post(t, srv, method, "application/x-www-form-urlencoded", params.Encode())
}

// fakeClock is a settable clock for WithClock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
