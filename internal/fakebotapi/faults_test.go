package fakebotapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

func TestHookErrorsSurfaceInTheClient(t *testing.T) {
	tests := []struct {
		name  string
		fault *APIError
		check func(t *testing.T, err error)
	}{
		{"too many requests", TooManyRequests(7), func(t *testing.T, err error) {
			var tooMany *bot.TooManyRequestsError
			if !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 {
				t.Errorf("error = %v, want *bot.TooManyRequestsError with RetryAfter 7", err)
			}
		}},
		{"forbidden", Forbidden(), func(t *testing.T, err error) {
			if !errors.Is(err, bot.ErrorForbidden) || !strings.Contains(err.Error(), "bot was blocked by the user") {
				t.Errorf("error = %v, want bot.ErrorForbidden", err)
			}
		}},
		{"migrated", MigrateTo(-1001234), func(t *testing.T, err error) {
			var migrate *bot.MigrateError
			if !errors.As(err, &migrate) || migrate.MigrateToChatID != -1001234 {
				t.Errorf("error = %v, want *bot.MigrateError to -1001234", err)
			}
		}},
		{"server error", ServerError(), func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), "500 Internal Server Error") {
				t.Errorf("error = %v, want a 500", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			b := newBot(t, srv)
			srv.SetHook(func(c Call) *APIError {
				if c.Is("sendMessage") && c.ChatID() == 1 {
					return tt.fault
				}
				return nil
			})
			_, err := b.SendMessage(testContext(t), &bot.SendMessageParams{ChatID: 1, Text: "x"})
			tt.check(t, err)
			if _, err := b.SendMessage(testContext(t), &bot.SendMessageParams{ChatID: 2, Text: "x"}); err != nil {
				t.Errorf("chat 2 is not faulted, got %v", err)
			}
			attempts := srv.SendAttempts()
			if len(attempts) != 2 || attempts[0].Code != tt.fault.Code || attempts[1].Code != http.StatusOK {
				t.Errorf("attempts = %+v, want the fault then a success", attempts)
			}
			if len(srv.Messages(1)) != 0 {
				t.Error("a faulted send was recorded as a message")
			}
		})
	}
}

func TestHookStatusMatchesErrorCode(t *testing.T) {
	srv := newServer(t)
	srv.SetHook(func(Call) *APIError { return TooManyRequests(3) })
	status, a := post(t, srv, "sendMessage", "application/json", `{"chat_id":1,"text":"x"}`)
	if status != http.StatusTooManyRequests || a.ErrorCode != 429 || a.Parameters.RetryAfter != 3 ||
		a.Description != "Too Many Requests: retry after 3" {
		t.Errorf("answer %d %+v, want 429 with retry_after 3", status, a)
	}
}

func TestHangTimesOut(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	srv.SetHook(func(c Call) *APIError {
		if c.Is("sendMessage") {
			return Hang()
		}
		return nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 1, Text: "x"})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("error = %v after %v, want the client's deadline", err, time.Since(start))
	}
}

func TestCloseEndsHungRequests(t *testing.T) {
	srv := New()
	b := newBot(t, srv)
	srv.SetHook(func(c Call) *APIError {
		if c.Is("sendMessage") {
			return Hang()
		}
		return nil
	})
	done := make(chan error, 1)
	go func() {
		_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: 1, Text: "x"})
		done <- err
	}()
	if err := srv.WaitUntil(testContext(t), func() bool { return len(srv.SendAttempts()) == 1 }); err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	go func() {
		srv.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close blocked on a hung request")
	}
	if err := <-done; err == nil {
		t.Error("the hung request succeeded")
	}
}

func TestRateLimits(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	b := newBot(t, srv)
	ctx := testContext(t)
	send := func(chat int64) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat, Text: "x"})
		return err
	}
	retryAfter := func(err error) int {
		var tooMany *bot.TooManyRequestsError
		if errors.As(err, &tooMany) {
			return tooMany.RetryAfter
		}
		return -1
	}

	srv.SetChatRateLimit(1, time.Second)
	srv.SetRateLimit(2)
	steps := []struct {
		advance        time.Duration
		chat           int64
		wantRetryAfter int // 0: sent
	}{
		{0, 1, 0},
		{0, 1, 1},                      // per chat: 1 a second
		{0, 2, 0},                      // another chat is fine
		{0, 3, 1},                      // overall: 2 a second
		{500 * time.Millisecond, 1, 1}, // too early: a violation of retry_after
		{time.Second, 1, 0},            // waited the retry_after of that 429
		{0, 3, 0},
	}
	for i, st := range steps {
		clock.Advance(st.advance)
		err := send(st.chat)
		got := 0
		if err != nil {
			got = retryAfter(err)
		}
		if got != st.wantRetryAfter {
			t.Fatalf("step %d (chat %d): error %v, want retry_after %d", i, st.chat, err, st.wantRetryAfter)
		}
	}
	violations := srv.RetryViolations()
	if len(violations) != 1 || violations[0].ChatID != 1 || !violations[0].Time.Equal(clock.Now().Add(-time.Second)) {
		t.Errorf("RetryViolations = %+v, want the one early retry to chat 1", violations)
	}
}

func TestBlockAndUnblock(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	srv.Block(42)
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 42, Text: "x"}); !errors.Is(err, bot.ErrorForbidden) {
		t.Fatalf("send to a blocked chat: %v, want forbidden", err)
	}
	srv.SendText(42, ann, "/start") // writing to the bot unblocks it
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 42, Text: "x"}); err != nil {
		t.Errorf("send after the user wrote again: %v", err)
	}
}

func TestMigrate(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	srv.Migrate(-5, -1005)
	_, err := b.SendMessage(testContext(t), &bot.SendMessageParams{ChatID: -5, Text: "x"})
	var migrate *bot.MigrateError
	if !errors.As(err, &migrate) || migrate.MigrateToChatID != -1005 {
		t.Errorf("send to a migrated group: %v, want a MigrateError to -1005", err)
	}
}
