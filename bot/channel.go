package bot

import (
	"context"
	"errors"
	"log/slog"
	"strconv"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// A channel is set up from its administrator's private chat: /channel asks
// Telegram to let them pick a channel where both of them hold the right to
// post, the bot checks those rights itself when the channel is shared, and
// from then on the private chat's settings commands act on the channel
// (chats.acting_chat_id) until the user picks "this chat" again.

// channelRequestID marks the request_chat button of /channel, so that a
// chat_shared message is known to answer it.
const channelRequestID = 1

// maxChannelTitle bounds a channel's title where answers name it.
const maxChannelTitle = 60

// channelTitle is how a channel is named in answers.
func channelTitle(c store.Chat) string {
	if c.Title == "" {
		return strconv.FormatInt(c.ID, 10)
	}
	return tgtext.Truncate(c.Title, maxChannelTitle)
}

// postRights are the administrator rights a channel's digest needs, of the
// bot and so (Telegram requires a superset) of the user who connects it.
func postRights() *models.ChatAdministratorRights {
	return &models.ChatAdministratorRights{CanPostMessages: true}
}

func (b *Bot) cmdChannel(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	if c.chat.Type != string(models.ChatTypePrivate) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgChannelPrivateOnly), nil)
		return nil
	}
	pick := &models.ReplyKeyboardMarkup{
		Keyboard: [][]models.KeyboardButton{{{
			Text: tgtext.Tr(c.lang, tgtext.BtnPickChannel),
			RequestChat: &models.KeyboardButtonRequestChat{
				RequestID: channelRequestID, ChatIsChannel: true,
				UserAdministratorRights: postRights(), BotAdministratorRights: postRights(),
				RequestTitle: true,
			},
		}}},
		ResizeKeyboard: true, OneTimeKeyboard: true,
	}
	// The picker is read before the button to share a channel is sent: read
	// after, it could already list a channel shared at once, beside "this
	// chat" still marked as what the settings apply to.
	html, kb, err := b.channelPicker(ctx, c)
	if err != nil {
		return err
	}
	b.send(ctx, c.chat.ID, tgtext.Tr(c.lang, tgtext.MsgChannelHow), pick, false)
	if kb != nil {
		b.reply(ctx, c, html, kb)
	}
	return nil
}

// channelPicker lists the channels the user connected, and "this chat", to
// choose what the settings commands act on; no keyboard when there is
// nothing to choose.
func (b *Bot) channelPicker(ctx context.Context, c chatCtx) (string, *models.InlineKeyboardMarkup, error) {
	chans, err := b.st.ConnectedChannels(ctx, c.chat.ID)
	if err != nil {
		return "", nil, err
	}
	current := tgtext.Tr(c.lang, tgtext.TxtThisChat)
	var rows [][]models.InlineKeyboardButton
	for _, ch := range chans {
		label := "📢 " + channelTitle(ch)
		if ch.ID == c.chat.ActingChatID {
			label, current = "✓ "+label, channelTitle(ch)
		}
		rows = append(rows, row(button(label, actOnCallback(ch.ID))))
	}
	if len(rows) == 0 && c.chat.ActingChatID == 0 {
		return "", nil, nil
	}
	this := tgtext.Tr(c.lang, tgtext.BtnThisChat)
	if c.chat.ActingChatID == 0 {
		this = "✓ " + this
	}
	rows = append(rows, row(button(this, actOnCallback(0))))
	return tgtext.Tr(c.lang, tgtext.MsgChannelPick, tgtext.Esc(current)), keyboard(rows...), nil
}

// onActOn is a press in the picker: settings commands act on the chosen
// channel (one the user connected) or on the private chat again.
func (b *Bot) onActOn(ctx context.Context, c chatCtx, p press, cb callback) error {
	if c.chat.Type != string(models.ChatTypePrivate) || c.chat.ID != p.q.From.ID {
		return errBadCallback
	}
	channelID := -cb.id
	if err := b.st.ActOn(ctx, c.chat.ID, channelID); err != nil {
		return err
	}
	c.chat.ActingChatID = channelID
	name := tgtext.Tr(c.lang, tgtext.TxtThisChat)
	if channelID != 0 {
		ch, err := b.st.ChatByID(ctx, channelID)
		if err != nil {
			return err
		}
		name = channelTitle(ch)
	}
	html, kb, err := b.channelPicker(ctx, c)
	if err != nil {
		return err
	}
	if kb != nil {
		b.edit(ctx, c, p.msgID, html, kb)
	}
	b.answer(ctx, p.q, tgtext.Tr(c.lang, tgtext.MsgActingOnToast, name))
	return errAnswered
}

// onChatShared connects the channel the user picked with /channel, once
// Telegram confirms that the bot may post there and the user administers it.
func (b *Bot) onChatShared(ctx context.Context, c chatCtx, from *models.User, shared *models.ChatShared) {
	if shared.RequestID != channelRequestID {
		return
	}
	title := shared.Title
	named := store.Chat{ID: shared.ChatID, Title: title}
	problem, err := b.channelProblem(ctx, shared.ChatID, from.ID)
	switch {
	case err != nil:
		b.log.Warn("Could not check rights in a shared channel", slog.Int64("chat_id", shared.ChatID),
			slog.String("error", b.redacted(err)))
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgRightsUnknown), nil)
		return
	case problem != (tgtext.Text{}):
		b.reply(ctx, c, tgtext.Tr(c.lang, problem, tgtext.Esc(channelTitle(named))), nil)
		return
	}
	ch, err := b.st.ConnectChannel(ctx, shared.ChatID, title, c.chat.ID, c.lang)
	if err != nil {
		b.log.Error("Could not connect a channel", slog.Int64("chat_id", shared.ChatID), slog.String("error", err.Error()))
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgInternalError), nil)
		return
	}
	b.send(ctx, c.chat.ID, tgtext.Tr(c.lang, tgtext.MsgChannelConnected, tgtext.Esc(channelTitle(ch))),
		&models.ReplyKeyboardRemove{RemoveKeyboard: true}, false)
}

// actingOn is c turned to the channel its private chat acts on. A channel
// that is gone, or that the user no longer connects, sends the chat back to
// itself and says so (ok false: the command is not run).
func (b *Bot) actingOn(ctx context.Context, c chatCtx) (chatCtx, bool) {
	ch, err := b.st.ChatByID(ctx, c.chat.ActingChatID)
	if err == nil {
		var connected bool
		if connected, err = b.st.IsConnector(ctx, ch.ID, c.chat.ID); err == nil && !connected {
			err = store.ErrNotFound
		}
	}
	switch {
	case err == nil:
		return chatCtx{chat: ch, lang: c.lang, from: c.chat}, true
	case errors.Is(err, store.ErrNotFound):
		if err := b.st.ActOn(ctx, c.chat.ID, 0); err != nil && !errors.Is(err, store.ErrNotFound) {
			b.log.Error("Could not reset a chat's channel", slog.Int64("chat_id", c.chat.ID), slog.String("error", err.Error()))
		}
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgChannelGone), nil)
	default:
		b.log.Error("Could not load a chat's channel", slog.Int64("chat_id", c.chat.ID), slog.String("error", err.Error()))
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgInternalError), nil)
	}
	return c, false
}
