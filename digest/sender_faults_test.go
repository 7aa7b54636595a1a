package digest_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// 403: the chat is deactivated and its queued parts dropped; other chats
// are not affected.
func TestForbiddenDeactivatesChat(t *testing.T) {
	e := newOutboxEnv(t)
	e.srv.Block(1)
	blocked := []int64{queue(t, e.st, 1, partTexts(1, 2)...), queue(t, e.st, 1, "a later digest")}
	other := queue(t, e.st, 2, partTexts(2, 2)...)

	stats := e.drain(e.sender(fastOptions(t)))

	for _, id := range blocked {
		for _, p := range parts(t, e.st, id) {
			if p.Status != store.OutboxDropped {
				t.Errorf("blocked chat's part: status %q, want dropped", p.Status)
			}
		}
	}
	for _, p := range parts(t, e.st, other) {
		if p.Status != store.OutboxSent {
			t.Errorf("other chat's part: status %q, want sent", p.Status)
		}
	}
	tests := []struct {
		chat       int64
		wantActive bool
	}{{1, false}, {2, true}}
	for _, tt := range tests {
		c, err := e.st.ChatByID(context.Background(), tt.chat)
		if err != nil {
			t.Fatal(err)
		}
		if c.Active != tt.wantActive {
			t.Errorf("chat %d active = %v, want %v", tt.chat, c.Active, tt.wantActive)
		}
	}
	if got := attemptsTo(e.srv, 1); len(got) != 1 {
		t.Errorf("calls to the blocked chat: %v, want one", got)
	}
	if stats.Dropped != 3 || stats.Sent != 2 {
		t.Errorf("stats = %+v, want 3 dropped, 2 sent", stats)
	}
}

// 5xx answers are retried with backoff until RetryFor has passed since the
// first, then given up and recorded.
func TestServerErrors(t *testing.T) {
	tests := []struct {
		name         string
		failures     int // 500s before success; -1: always
		wantStatus   string
		wantAttempts int // -1: as many as the calls, however many RetryFor allowed
		wantCalls    int
	}{
		{"a few, then success", 2, store.OutboxSent, 2, 3},
		{"always", -1, store.OutboxFailed, -1, -1}, // RetryFor is 200ms
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newOutboxEnv(t)
			var calls callCounter
			e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
				if n := calls.next(c.ChatID()); tt.failures < 0 || n <= tt.failures {
					return fakebotapi.ServerError()
				}
				return nil
			})
			id := queue(t, e.st, 1, "one part")

			e.drain(e.sender(fastOptions(t)))

			got := parts(t, e.st, id)[0]
			answers := attemptsTo(e.srv, 1)
			wantAttempts, wantCalls := tt.wantAttempts, tt.wantCalls
			if wantAttempts < 0 {
				// 10 ms doubling within 200 ms: a handful of calls, each counted.
				wantAttempts, wantCalls = len(answers), len(answers)
				if len(answers) < 3 {
					t.Errorf("%d calls before giving up, want retries throughout RetryFor", len(answers))
				}
			}
			if got.Status != tt.wantStatus || got.Attempts != wantAttempts {
				t.Errorf("part: status %q, attempts %d; want %q, %d",
					got.Status, got.Attempts, tt.wantStatus, wantAttempts)
			}
			if tt.failures < 0 && !strings.Contains(got.LastError, "500") {
				t.Errorf("last_error = %q, want the 500 recorded", got.LastError)
			}
			if len(answers) != wantCalls {
				t.Errorf("calls: %v, want %d", answers, wantCalls)
			}
		})
	}
}

// A request that hangs times out and is retried.
func TestHungRequestIsRetried(t *testing.T) {
	e := newOutboxEnv(t)
	var calls callCounter
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if c.Is("sendMessage") && calls.next(c.ChatID()) == 1 {
			return fakebotapi.Hang()
		}
		return nil
	})
	id := queue(t, e.st, 1, "one part")
	opts := fastOptions(t)
	opts.RequestTimeout = 200 * time.Millisecond

	stats := e.drain(e.sender(opts))

	if got, want := attemptsTo(e.srv, 1), []int{0, http.StatusOK}; !slices.Equal(got, want) {
		t.Errorf("calls: %v, want %v (hung, then sent)", got, want)
	}
	if got := parts(t, e.st, id)[0]; got.Status != store.OutboxSent || got.Attempts != 1 {
		t.Errorf("part: %+v, want sent after one failed attempt", got)
	}
	if stats.Sent != 1 || stats.Retried != 1 {
		t.Errorf("stats = %+v, want 1 sent, 1 retried", stats)
	}
}

// HTML Telegram refuses is resent once as plain text.
func TestBadHTMLResentAsPlainText(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		refuseAll  bool
		wantStatus string
		wantPlain  string // the message delivered; "" for none
	}{
		{"plain text accepted", "<b>Budget</b> <<2025>> & more &amp; <a href=\"https://gov.kz\">link</a>",
			false, store.OutboxSent, "Budget <<2025>> & more & link"},
		{"plain text refused too", "<b>x</b> & y", true, store.OutboxFailed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newOutboxEnv(t)
			if tt.refuseAll {
				e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
					return &fakebotapi.APIError{Code: 400, Description: "Bad Request: can't parse entities: test"}
				})
			}
			id := queue(t, e.st, 1, tt.text)

			stats := e.drain(e.sender(fastOptions(t)))

			got := parts(t, e.st, id)[0]
			if got.Status != tt.wantStatus || !got.PlainText {
				t.Errorf("part: status %q, plain_text %v; want %q, true", got.Status, got.PlainText, tt.wantStatus)
			}
			if calls := attemptsTo(e.srv, 1); len(calls) != 2 {
				t.Errorf("calls: %v, want two (HTML, then plain)", calls)
			}
			msgs := e.srv.Messages(1)
			switch {
			case tt.wantPlain == "" && len(msgs) != 0:
				t.Errorf("messages: %+v, want none", msgs)
			case tt.wantPlain != "" && (len(msgs) != 1 || msgs[0].Text != tt.wantPlain || msgs[0].ParseMode != ""):
				t.Errorf("messages: %+v, want one plain %q", msgs, tt.wantPlain)
			case tt.wantPlain != "" && stats.PlainResent != 1:
				t.Errorf("stats = %+v, want 1 plain resent", stats)
			}
		})
	}
}

// An error that quotes the bot token (as an error page quoting the request
// path does) is recorded without it.
func TestRecordedErrorsHideTheToken(t *testing.T) {
	e := newOutboxEnv(t)
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		return &fakebotapi.APIError{Code: 400, Description: "Bad Request: no route for /bot" + c.Token + "/sendMessage"}
	})
	id := queue(t, e.st, 1, "one part")

	e.drain(e.sender(fastOptions(t)))

	got := parts(t, e.st, id)[0]
	if got.Status != store.OutboxFailed || !strings.Contains(got.LastError, "/bot<token>/sendMessage") {
		t.Fatalf("part: status %q, last_error %q; want failed with the token replaced", got.Status, got.LastError)
	}
	if strings.Contains(got.LastError, "123:test") {
		t.Errorf("last_error holds the token: %q", got.LastError)
	}
}
