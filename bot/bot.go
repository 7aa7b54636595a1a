// Package bot is newsbot's Telegram transport: it turns updates into commands,
// answers them from the store, and renders every reply as Telegram HTML that
// fits Telegram's limits. It speaks Kazakh, Russian and English.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/internal/redact"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Store is what the bot needs of the database.
type Store interface {
	TouchChat(ctx context.Context, id int64, chatType, lang string) (store.Chat, error)
	SetChatLang(ctx context.Context, id int64, lang string) error
	EntityBySlug(ctx context.Context, slug string) (store.Entity, error)
	EntityByID(ctx context.Context, id int64) (store.Entity, error)
	FindEntities(ctx context.Context, text, match string, limit int) ([]store.Entity, error)
	EntitiesByKind(ctx context.Context, kind string, offset, limit int) ([]store.Entity, error)
	EntityCounts(ctx context.Context) (map[string]int, error)
	AddSubscription(ctx context.Context, n store.NewSubscription, max int) (store.Subscription, bool, error)
	RemoveSubscription(ctx context.Context, chatID, id int64) (store.Subscription, error)
	FindSubscription(ctx context.Context, chatID int64, kind, normalized string) (store.Subscription, error)
	Subscriptions(ctx context.Context, chatID int64) ([]store.SubscriptionView, error)
	Latest(ctx context.Context, f store.LatestFilter, offset, limit int) ([]store.Release, error)
	Search(ctx context.Context, q store.SearchQuery, offset, limit int) ([]store.Release, error)
	SaveQuery(ctx context.Context, chatID int64, command, arg string) (int64, error)
	Query(ctx context.Context, chatID, id int64) (command, arg string, err error)
}

// Options configure a Bot.
type Options struct {
	Token     string
	ServerURL string // Bot API server; "" for the public one
	Logger    *slog.Logger
	// CommandsPerMinute is how many commands a chat may send in a minute
	// before being asked to slow down.
	CommandsPerMinute int
	// AfterUpdate, when set, is called after each update has been handled
	// (the console uses it to know when an answer is complete).
	AfterUpdate func(updateID int64)
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Digest answers /digest and /timezone; nil when digests are not served.
	Digest DigestService
	// Metrics counts updates and sent messages; nil for none.
	Metrics Metrics
	// Admins are the chat ids that may use the admin commands (/stats);
	// Stats answers /stats, which is unknown to everyone when nil.
	Admins []int64
	Stats  StatsSource
}

// Bot answers Telegram updates.
type Bot struct {
	st       Store
	tg       *tgbot.Bot
	log      *slog.Logger
	opts     Options
	limiter  *rateLimiter
	inflight sync.WaitGroup
	username string
	retried  retries
}

// New connects to the Bot API (getMe checks the token) and returns a Bot.
func New(ctx context.Context, st Store, opts Options) (*Bot, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.CommandsPerMinute <= 0 {
		opts.CommandsPerMinute = 30
	}
	if opts.Metrics == nil {
		opts.Metrics = noMetrics{}
	}
	b := &Bot{st: st, log: opts.Logger, opts: opts,
		limiter: newRateLimiter(opts.CommandsPerMinute, time.Minute, opts.Now)}
	tgOpts := []tgbot.Option{
		tgbot.WithDefaultHandler(b.handle),
		tgbot.WithErrorsHandler(func(err error) {
			// The library's errors can quote the request URL, which holds
			// the token.
			b.log.Warn("Telegram client error", slog.String("error", redact.Token(err.Error(), opts.Token)))
		}),
		tgbot.WithAllowedUpdates(tgbot.AllowedUpdates{"message", "callback_query"}),
		tgbot.WithSkipGetMe(), // called below, to learn the bot's username
	}
	if opts.ServerURL != "" {
		tgOpts = append(tgOpts, tgbot.WithServerURL(opts.ServerURL))
	}
	tg, err := tgbot.New(opts.Token, tgOpts...)
	if err != nil {
		return nil, fmt.Errorf("bot: connect to the Bot API: %s", redact.Token(err.Error(), opts.Token))
	}
	b.tg = tg
	me, err := tg.GetMe(ctx)
	if err != nil {
		return nil, fmt.Errorf("bot: getMe (is TELEGRAM_BOT_TOKEN right?): %s", redact.Token(err.Error(), opts.Token))
	}
	b.username = me.Username
	return b, nil
}

// Client is the underlying Telegram client, for senders that share it.
func (b *Bot) Client() *tgbot.Bot { return b.tg }

// Run registers the command menu and long-polls until ctx ends, then waits
// for the updates in hand to be answered.
func (b *Bot) Run(ctx context.Context) error {
	if err := b.RegisterCommands(ctx); err != nil {
		b.log.Warn("Could not register the command menu", slog.String("error", err.Error()))
	}
	b.tg.Start(ctx)
	b.inflight.Wait()
	return nil
}

// Handle processes one update as if it came from Telegram (webhook mode and
// tests). It returns an error wrapping ErrUnavailable when the update could
// not be processed at all and is safe to deliver again.
func (b *Bot) Handle(ctx context.Context, upd *models.Update) error { return b.process(ctx, upd) }

// handle is how long polling hands over updates. A failed update is not
// delivered again (the library confirms it by offset), so its chat got an
// apology instead.
func (b *Bot) handle(parent context.Context, _ *tgbot.Bot, upd *models.Update) {
	b.process(parent, upd)
}

// process is the single entry point of every update. It runs on its own
// context so that shutting down lets the update in hand finish, and it
// recovers from panics so that no update can stop the bot.
func (b *Bot) process(parent context.Context, upd *models.Update) (err error) {
	b.opts.Metrics.UpdateReceived(b.updateLabel(upd))
	b.inflight.Add(1)
	defer b.inflight.Done()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), 30*time.Second)
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("Panic while handling an update", slog.Int64("update_id", upd.ID),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
		}
		if b.opts.AfterUpdate != nil {
			b.opts.AfterUpdate(upd.ID)
		}
	}()
	switch {
	case upd.Message != nil:
		if err = b.onMessage(ctx, upd.Message); err != nil {
			b.apologise(ctx, upd.ID, upd.Message)
		}
	case upd.CallbackQuery != nil:
		b.onCallback(ctx, upd.CallbackQuery)
	}
	return err
}

// chatCtx is what every handler knows about the chat it answers.
type chatCtx struct {
	chat store.Chat
	lang string
}

// onMessage answers a message. Its only error is ErrUnavailable: the chat
// could not be recorded, so nothing was done and the message may come again.
func (b *Bot) onMessage(ctx context.Context, m *models.Message) error {
	if m.From == nil || m.From.IsBot {
		return nil
	}
	chat, err := b.st.TouchChat(ctx, m.Chat.ID, string(m.Chat.Type), tgtext.LangFromCode(m.From.LanguageCode))
	if err != nil {
		b.log.Error("Could not record chat", slog.Int64("chat_id", m.Chat.ID), slog.String("error", err.Error()))
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	b.onCommand(ctx, chatCtx{chat: chat, lang: chat.Lang}, m)
	return nil
}

func (b *Bot) onCommand(ctx context.Context, c chatCtx, m *models.Message) {
	cmd, args, isCmd := parseCommand(m, b.username)
	if !isCmd {
		// In groups the bot speaks only when spoken to.
		if m.Chat.Type == models.ChatTypePrivate {
			b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgUnknown), nil)
		}
		return
	}
	if cmd == "" { // a command addressed to another bot
		return
	}
	switch b.limiter.allow(m.Chat.ID) {
	case limitRefuse:
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgSlowDown), nil)
		return
	case limitDrop:
		return
	}
	h, ok := commands[cmd]
	if !ok {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgUnknown), nil)
		return
	}
	if err := h(b, ctx, c, args, m.From); err != nil {
		b.log.Error("Command failed", slog.String("command", cmd), slog.Int64("chat_id", m.Chat.ID),
			slog.String("error", err.Error()))
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgInternalError), nil)
	}
}

// reply sends an HTML message to the chat with link previews off.
func (b *Bot) reply(ctx context.Context, c chatCtx, htmlText string, kb *models.InlineKeyboardMarkup) {
	b.send(ctx, c.chat.ID, htmlText, kb, false)
}

func (b *Bot) send(ctx context.Context, chatID int64, htmlText string, kb *models.InlineKeyboardMarkup, preview bool) {
	params := &tgbot.SendMessageParams{
		ChatID:             chatID,
		Text:               htmlText,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
	}
	if preview {
		params.LinkPreviewOptions = nil
	}
	if kb != nil {
		params.ReplyMarkup = kb
	}
	_, err := b.tg.SendMessage(ctx, params)
	b.opts.Metrics.ReplySent(sendOutcome(err))
	if err != nil {
		b.logSendError(chatID, err)
	}
}

func (b *Bot) logSendError(chatID int64, err error) {
	level := slog.LevelError
	if errors.Is(err, tgbot.ErrorForbidden) {
		level = slog.LevelInfo // the user blocked the bot: nothing to fix here
	}
	b.log.Log(context.Background(), level, "Could not send a message",
		slog.Int64("chat_id", chatID), slog.String("error", redact.Token(err.Error(), b.opts.Token)))
}
