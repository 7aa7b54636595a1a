package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/internal/redact"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// ErrUnavailable means an update could not be processed at all (its chat
// could not be recorded: the database is down) and nothing was done, so
// delivering it again is safe. In webhook mode it becomes a non-200 answer,
// and Telegram delivers the update again later.
var ErrUnavailable = errors.New("bot: update not processed")

// allowedUpdates are the update types the bot asks Telegram for, in both
// long polling and webhook mode.
// chat_member tells which admins were demoted (it comes only to bots that
// are administrators); my_chat_member, that the bot was added or removed.
var allowedUpdates = []string{"message", "callback_query", "my_chat_member", "chat_member"}

// Poll long-polls Telegram until ctx ends: the elected poller's loop. It
// removes any webhook first (Telegram refuses getUpdates while one is set),
// keeping the updates it holds. It may be called again after it returned;
// it does not wait for updates in hand (see Wait).
func (b *Bot) Poll(ctx context.Context) {
	if _, err := b.tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{DropPendingUpdates: false}); err != nil && ctx.Err() == nil {
		b.log.Warn("Could not remove the webhook", slog.String("error", redact.Token(err.Error(), b.opts.Token)))
	}
	b.tg.Start(ctx)
}

// SetWebhook asks Telegram to deliver updates to url with the secret in
// the X-Telegram-Bot-Api-Secret-Token header. Updates Telegram holds are
// kept.
func (b *Bot) SetWebhook(ctx context.Context, url, secret string) error {
	_, err := b.tg.SetWebhook(ctx, &tgbot.SetWebhookParams{
		URL: url, SecretToken: secret, AllowedUpdates: allowedUpdates, DropPendingUpdates: false,
	})
	if err != nil {
		return fmt.Errorf("bot: setWebhook: %s", redact.Token(err.Error(), b.opts.Token))
	}
	return nil
}

// Wait waits for the updates in hand to be answered.
func (b *Bot) Wait() { b.inflight.Wait() }

// apologise tells the user, once per update, that the bot cannot answer
// now. A webhook update that failed comes again; the user is not told twice.
// In groups the bot apologises only for commands addressed to it.
func (b *Bot) apologise(ctx context.Context, updateID int64, m *models.Message) {
	if m.From == nil || !b.retried.first(updateID) {
		return
	}
	if m.Chat.Type != models.ChatTypePrivate {
		if cmd, _, isCmd := parseCommand(m, b.username); !isCmd || cmd == "" {
			return
		}
	}
	b.send(ctx, m.Chat.ID, tgtext.Tr(tgtext.LangFromCode(m.From.LanguageCode), tgtext.MsgInternalError), nil, false)
}

// retries remembers the updates the bot already apologised for. It forgets
// everything past a bound: at worst a user is told twice.
type retries struct {
	mu   sync.Mutex
	seen map[int64]struct{}
}

const maxRetries = 4096

// first reports whether id is seen for the first time, and notes it.
func (r *retries) first(id int64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[id]; ok {
		return false
	}
	if r.seen == nil || len(r.seen) >= maxRetries {
		r.seen = map[int64]struct{}{}
	}
	r.seen[id] = struct{}{}
	return true
}
