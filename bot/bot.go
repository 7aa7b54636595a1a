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
	EntitySlugs(ctx context.Context) ([]string, error)
	FindEntities(ctx context.Context, text, match, lang string, limit int) ([]store.Entity, error)
	EntitiesNamed(ctx context.Context, match, lang string, most int) ([]store.Entity, error)
	EntitiesByKind(ctx context.Context, kind, lang string, offset, limit int) ([]store.Entity, error)
	EntityCounts(ctx context.Context) (map[string]int, error)
	AddSubscription(ctx context.Context, n store.NewSubscription, max int) (store.Subscription, bool, error)
	RemoveSubscription(ctx context.Context, chatID, id int64) (store.Subscription, error)
	FindSubscription(ctx context.Context, chatID int64, kind, normalized string) (store.Subscription, error)
	Subscriptions(ctx context.Context, chatID int64) ([]store.SubscriptionView, error)
	ChatByID(ctx context.Context, id int64) (store.Chat, error)
	DeactivateChat(ctx context.Context, id int64) (int, error)
	MigrateChat(ctx context.Context, oldID, newID int64) error
	SetDelivery(ctx context.Context, chatID, subID int64, delivery string) (store.Subscription, error)
	ChatQuietHours(ctx context.Context, chatID int64) (store.QuietHours, error)
	SetQuietHours(ctx context.Context, chatID int64, q store.QuietHours) error
	ConnectChannel(ctx context.Context, channelID int64, title string, userID int64, lang string) (store.Chat, error)
	ActOn(ctx context.Context, userID, channelID int64) error
	ConnectedChannels(ctx context.Context, userID int64) ([]store.Chat, error)
	IsConnector(ctx context.Context, channelID, userID int64) (bool, error)
	LoseChannel(ctx context.Context, channelID int64) ([]store.Chat, error)
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
	Limits // what one user may cost the others (limits.go)
	// AlertsPerDay is the day's cap on a chat's alert messages, as the
	// alert passes apply it; shown by /alerts. 20 when 0.
	AlertsPerDay int
}

// Bot answers Telegram updates.
type Bot struct {
	st       Store
	tg       *tgbot.Bot
	log      *slog.Logger
	opts     Options
	limiter  *rateLimiter
	heavy    *heavyLimiter
	inflight sync.WaitGroup
	username string
	botID    int64 // the bot's own user id, for getChatMember
	retried  retries
	members  *memberCache
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
	if opts.AlertsPerDay <= 0 {
		opts.AlertsPerDay = 20
	}
	opts.Limits = opts.Limits.withDefaults(opts.CommandsPerMinute)
	b := &Bot{st: st, log: opts.Logger, opts: opts, heavy: newHeavyLimiter(opts.HeavyQueries),
		limiter: newRateLimiter(opts.CommandsPerMinute, opts.GroupCommandsPerMinute, time.Minute, opts.Now),
		members: newMemberCache(opts.Now)}
	tgOpts := []tgbot.Option{
		tgbot.WithDefaultHandler(b.handle),
		tgbot.WithErrorsHandler(func(err error) {
			// The library's errors can quote the request URL, which holds
			// the token.
			b.log.Warn("Telegram client error", slog.String("error", redact.Token(err.Error(), opts.Token)))
		}),
		tgbot.WithAllowedUpdates(allowedUpdates),
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
	b.username, b.botID = me.Username, me.ID
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
	case upd.MyChatMember != nil:
		err = b.onMyChatMember(ctx, upd.MyChatMember)
	case upd.ChatMember != nil:
		b.onChatMember(upd.ChatMember)
	}
	// Channel posts are not commands: nobody in a channel talks to the bot.
	return err
}

// chatCtx is what every handler knows about the chat it answers.
type chatCtx struct {
	// chat is the chat whose settings and subscriptions are read and changed.
	chat store.Chat
	// lang is the language answers are written in.
	lang string
	// from is the private chat that acts on chat, a channel (see /channel):
	// answers go there, headed by the channel's name. Zero otherwise.
	from store.Chat
}

// dest is the chat answers go to.
func (c chatCtx) dest() int64 {
	if c.actingOnChannel() {
		return c.from.ID
	}
	return c.chat.ID
}

func (c chatCtx) actingOnChannel() bool { return c.from.ID != 0 }

// onMessage answers a message. Its only error is ErrUnavailable: the chat
// could not be recorded or moved, so nothing was done and the message may
// come again.
func (b *Bot) onMessage(ctx context.Context, m *models.Message) error {
	switch {
	case m.MigrateToChatID != 0: // the last message of a group that became a supergroup
		return b.onUpgrade(ctx, m.Chat.ID, m.MigrateToChatID)
	case m.MigrateFromChatID != 0: // the first message of that supergroup
		return b.onUpgrade(ctx, m.MigrateFromChatID, m.Chat.ID)
	}
	if m.From == nil || (m.From.IsBot && !anonymousAdmin(m)) {
		return nil
	}
	chat, err := b.st.TouchChat(ctx, m.Chat.ID, string(m.Chat.Type), tgtext.LangFromCode(m.From.LanguageCode))
	if err != nil {
		b.log.Error("Could not record chat", slog.Int64("chat_id", m.Chat.ID), slog.String("error", err.Error()))
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	c := chatCtx{chat: chat, lang: chat.Lang}
	if m.ChatShared != nil && m.Chat.Type == models.ChatTypePrivate {
		b.onChatShared(ctx, c, m.From, m.ChatShared)
		return nil
	}
	b.onCommand(ctx, c, m)
	return nil
}

// anonymousAdmin reports whether m was sent by an administrator of its group
// on behalf of the group: Telegram then shows the group as the sender.
func anonymousAdmin(m *models.Message) bool {
	return m.SenderChat != nil && m.SenderChat.ID == m.Chat.ID && m.Chat.Type != models.ChatTypeChannel
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
	switch b.limiter.allow(m.Chat.ID, m.From.ID) {
	case limitRefuse:
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgSlowDown), nil)
		return
	case limitDrop:
		return
	}
	spec, ok := commands[cmd]
	if !ok {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgUnknown), nil)
		return
	}
	if spec.settings && c.chat.ActingChatID != 0 {
		if c, ok = b.actingOn(ctx, c); !ok {
			return
		}
	}
	if spec.changes != nil && spec.changes(args) && !b.mayChange(ctx, c, m.From.ID, anonymousAdmin(m), nil) {
		return
	}
	if err := spec.run(b, ctx, c, args, m.From); err != nil {
		b.log.Error("Command failed", slog.String("command", cmd), slog.Int64("chat_id", m.Chat.ID),
			slog.String("error", err.Error()))
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgInternalError), nil)
	}
}

// reply sends an HTML message to the chat with link previews off.
func (b *Bot) reply(ctx context.Context, c chatCtx, htmlText string, kb *models.InlineKeyboardMarkup) {
	var markup models.ReplyMarkup
	if kb != nil {
		markup = kb
	}
	b.send(ctx, c.dest(), c.heading()+htmlText, markup, false)
}

// heading names the channel an answer is about, when the chat acts on one.
func (c chatCtx) heading() string {
	if !c.actingOnChannel() {
		return ""
	}
	return tgtext.Tr(c.lang, tgtext.TxtActingOn, tgtext.Esc(channelTitle(c.chat)))
}

// headingReserve is how much of a message a heading may take: lists that
// fill a message keep it free.
const headingReserve = 100

func (b *Bot) send(ctx context.Context, chatID int64, htmlText string, markup models.ReplyMarkup, preview bool) {
	params := &tgbot.SendMessageParams{
		ChatID:             chatID,
		Text:               htmlText,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
	}
	if preview {
		params.LinkPreviewOptions = nil
	}
	if markup != nil {
		params.ReplyMarkup = markup
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
