package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/go-telegram/bot/models"
)

// secretHeader is the header Telegram sends the webhook's secret_token in.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook body; real updates are a few kilobytes.
const maxUpdateBytes = 1 << 20

// updateHandler is what the webhook needs of the bot.
type updateHandler interface {
	Handle(ctx context.Context, upd *models.Update) error
}

// webhookHandler receives Telegram's updates. Unlike the library's handler,
// which only logs a wrong secret and answers 200, it refuses a request
// without the right secret (401) before reading it. It answers only after
// the update was handled: 200 when done, 503 when the bot could not process
// it (database down), so that Telegram delivers it again, as it does when
// the process dies mid-update and never answers.
func webhookHandler(b updateHandler, secret string, log *slog.Logger) http.Handler {
	want := sha256.Sum256([]byte(secret))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		// Hashing first makes the comparison constant-time in the length too.
		got := sha256.Sum256([]byte(r.Header.Get(secretHeader)))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			log.Warn("Webhook request without the right secret", slog.String("remote_addr", r.RemoteAddr))
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var upd models.Update
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes)).Decode(&upd); err != nil {
			log.Warn("Webhook request is not an update", slog.String("error", err.Error()))
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		if err := b.Handle(r.Context(), &upd); err != nil {
			http.Error(w, "try again later", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
