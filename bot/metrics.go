package bot

import (
	"errors"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Metrics receives what the bot does, for monitoring (package metrics).
type Metrics interface {
	// UpdateReceived counts an update by command: a registered command's
	// name, or unknown_command, message, callback or other.
	UpdateReceived(command string)
	// ReplySent counts an answer by outcome: ok, too_many_requests,
	// forbidden, rejected or error.
	ReplySent(outcome string)
}

type noMetrics struct{}

func (noMetrics) UpdateReceived(string) {}
func (noMetrics) ReplySent(string)      {}

// updateLabel names an update for the updates counter. Only registered
// command names are used, so users cannot grow the label set.
func (b *Bot) updateLabel(upd *models.Update) string {
	switch {
	case upd.CallbackQuery != nil:
		return "callback"
	case upd.Message == nil:
		return "other"
	}
	cmd, _, isCmd := parseCommand(upd.Message, b.username)
	if !isCmd {
		return "message"
	}
	if _, ok := commands[cmd]; ok {
		return cmd
	}
	return "unknown_command"
}

// sendOutcome classifies the error of a sendMessage call.
func sendOutcome(err error) string {
	var tooMany *tgbot.TooManyRequestsError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &tooMany):
		return "too_many_requests"
	case errors.Is(err, tgbot.ErrorForbidden):
		return "forbidden"
	case errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound),
		errors.Is(err, tgbot.ErrorConflict), errors.Is(err, tgbot.ErrorUnauthorized):
		return "rejected"
	}
	return "error"
}
