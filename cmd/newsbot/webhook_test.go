package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/bot"
)

type handled struct {
	ids  []int64
	fail bool
}

func (h *handled) Handle(_ context.Context, upd *models.Update) error {
	h.ids = append(h.ids, upd.ID)
	if h.fail {
		return bot.ErrUnavailable
	}
	return nil
}

func TestWebhookHandler(t *testing.T) {
	const secret = "s3cr3t-token_X"
	update := `{"update_id":7,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"hi"}}`
	tests := []struct {
		name       string
		method     string
		secret     string
		body       string
		fail       bool
		wantStatus int
		wantIDs    int // updates handed to the bot
	}{
		{"good", "POST", secret, update, false, 200, 1},
		{"no secret", "POST", "", update, false, 401, 0},
		{"wrong secret", "POST", "s3cr3t-token_Y", update, false, 401, 0},
		{"secret prefix", "POST", "s3cr3t", update, false, 401, 0},
		{"bad json", "POST", secret, `{"update_id":`, false, 400, 0},
		{"not processed: Telegram must retry", "POST", secret, update, true, 503, 1},
		{"GET", "GET", secret, "", false, 405, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &handled{fail: tt.fail}
			wh := webhookHandler(h, secret, slog.New(slog.NewTextHandler(io.Discard, nil)))
			req := httptest.NewRequest(tt.method, "/tg/hook", strings.NewReader(tt.body))
			if tt.secret != "" {
				req.Header.Set("X-Telegram-Bot-Api-Secret-Token", tt.secret)
			}
			rec := httptest.NewRecorder()
			wh.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus || len(h.ids) != tt.wantIDs {
				t.Errorf("status %d, %d updates handled; want %d, %d", rec.Code, len(h.ids), tt.wantStatus, tt.wantIDs)
			}
		})
	}
}

// The webhook lives at its own path beside the operators' endpoints.
func TestHTTPHandlerRoutesTheWebhookPath(t *testing.T) {
	h := &handled{}
	wh := webhookHandler(h, "x", slog.New(slog.NewTextHandler(io.Discard, nil)))
	mux := newHTTPHandler(nil, nil, false, "/tg/hook", wh)
	for path, want := range map[string]int{"/tg/hook": 401, "/healthz": 200, "/metrics": 404, "/other": 404} {
		method := http.MethodGet
		if path == "/tg/hook" {
			method = http.MethodPost
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		if rec.Code != want {
			t.Errorf("%s %s = %d, want %d", method, path, rec.Code, want)
		}
	}
}
