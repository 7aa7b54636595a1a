package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// onCallback answers a button press. Data that does not decode, like a
// button whose query or subscription is gone, gets the polite list-expired
// notice and changes nothing.
func (b *Bot) onCallback(ctx context.Context, q *models.CallbackQuery) {
	chatID, msgID := q.From.ID, 0
	if m := q.Message.Message; m != nil {
		chatID, msgID = m.Chat.ID, m.ID
	}
	chat, err := b.st.TouchChat(ctx, chatID, chatTypeOf(q), tgtext.LangFromCode(q.From.LanguageCode))
	if err != nil {
		b.log.Error("Could not record chat", slog.Int64("chat_id", chatID), slog.String("error", err.Error()))
		b.answer(ctx, q, tgtext.Tr(tgtext.LangFromCode(q.From.LanguageCode), tgtext.MsgInternalError))
		return
	}
	c := chatCtx{chat: chat, lang: chat.Lang}
	if b.limiter.allow(chatID, q.From.ID) != limitAllow {
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgSlowDown))
		return
	}
	cb, err := decodeCallback(q.Data)
	if err == nil {
		err = b.dispatchCallback(ctx, c, msgID, cb)
	}
	if errors.Is(err, errBadCallback) || errors.Is(err, store.ErrNotFound) {
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgExpired))
		return
	}
	if toast, ok := refusalToast(c.lang, err); ok { // busy or too slow: said politely (heavy.go)
		b.answer(ctx, q, toast)
		return
	}
	if err != nil {
		b.log.Error("Callback failed", slog.String("data", q.Data), slog.Int64("chat_id", chatID),
			slog.String("error", err.Error()))
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgInternalError))
		return
	}
	b.answer(ctx, q, "")
}

// callbackHandler acts on a decoded button of the message msgID (0 when the
// message is no longer accessible).
type callbackHandler func(b *Bot, ctx context.Context, c chatCtx, msgID int, cb callback) error

// callbackHandlers maps each kind of button to what pressing it does.
var callbackHandlers = map[callbackKind]callbackHandler{
	cbPage:          (*Bot).onPage,
	cbFollow:        (*Bot).onFollow,
	cbFollowInstead: (*Bot).onFollowInstead,
	cbFollowWord:    (*Bot).onFollowWord,
	cbUnfollow:      (*Bot).onUnfollow,
	cbCatalogue:     (*Bot).onCatalogue,
	cbCataloguePage: (*Bot).onCataloguePage,
}

func (b *Bot) dispatchCallback(ctx context.Context, c chatCtx, msgID int, cb callback) error {
	h, ok := callbackHandlers[cb.kind]
	if !ok {
		return errBadCallback
	}
	return h(b, ctx, c, msgID, cb)
}

// onPage turns a /latest or /search answer to another page.
func (b *Bot) onPage(ctx context.Context, c chatCtx, msgID int, cb callback) error {
	command, arg, err := b.st.Query(ctx, c.chat.ID, cb.id)
	if err != nil {
		return err
	}
	html, kb, err := b.page(ctx, c, cb.id, command, arg, cb.offset)
	if err != nil {
		return err
	}
	b.edit(ctx, c, msgID, html, kb)
	return nil
}

func (b *Bot) onFollow(ctx context.Context, c chatCtx, _ int, cb callback) error {
	ent, err := b.st.EntityByID(ctx, cb.id)
	if err != nil {
		return err
	}
	return b.subscribeEntity(ctx, c, ent, false)
}

// onFollowInstead follows the entity and then drops the keyword subscription
// it replaces, quietly: the keyword may be gone already.
func (b *Bot) onFollowInstead(ctx context.Context, c chatCtx, msgID int, cb callback) error {
	if err := b.onFollow(ctx, c, msgID, cb); err != nil {
		return err
	}
	if _, err := b.st.RemoveSubscription(ctx, c.chat.ID, cb.sub); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

func (b *Bot) onFollowWord(ctx context.Context, c chatCtx, _ int, cb callback) error {
	ent, err := b.st.EntityByID(ctx, cb.id)
	if err != nil {
		return err
	}
	return b.subscribeKeyword(ctx, c, ent.Slug)
}

// onUnfollow removes a subscription and refreshes the list it was pressed in.
func (b *Bot) onUnfollow(ctx context.Context, c chatCtx, msgID int, cb callback) error {
	if err := b.unsubscribe(ctx, c, cb.id); err != nil {
		return err
	}
	html, kb, err := b.unsubscribeList(ctx, c)
	if err != nil {
		return err
	}
	b.edit(ctx, c, msgID, html, kb)
	return nil
}

func (b *Bot) onCatalogue(ctx context.Context, c chatCtx, msgID int, _ callback) error {
	html, kb, err := b.catalogueKinds(ctx, c)
	if err != nil {
		return err
	}
	b.edit(ctx, c, msgID, html, kb)
	return nil
}

func (b *Bot) onCataloguePage(ctx context.Context, c chatCtx, msgID int, cb callback) error {
	html, kb, err := b.cataloguePage(ctx, c, cb.section, cb.offset)
	if err != nil {
		return err
	}
	b.edit(ctx, c, msgID, html, kb)
	return nil
}

// edit replaces a message's text and buttons; when the message cannot be
// edited (too old, or unknown), the page is sent as a new message.
func (b *Bot) edit(ctx context.Context, c chatCtx, msgID int, html string, kb *models.InlineKeyboardMarkup) {
	if msgID == 0 {
		b.reply(ctx, c, html, kb)
		return
	}
	params := &tgbot.EditMessageTextParams{
		ChatID: c.chat.ID, MessageID: msgID, Text: html, ParseMode: models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
	}
	if kb != nil {
		params.ReplyMarkup = kb
	}
	_, err := b.tg.EditMessageText(ctx, params)
	if err == nil || strings.Contains(err.Error(), "message is not modified") {
		return
	}
	b.reply(ctx, c, html, kb)
}

func (b *Bot) answer(ctx context.Context, q *models.CallbackQuery, toast string) {
	if _, err := b.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{
		CallbackQueryID: q.ID, Text: toast,
	}); err != nil {
		b.logSendError(q.From.ID, err)
	}
}

func chatTypeOf(q *models.CallbackQuery) string {
	if m := q.Message.Message; m != nil {
		return string(m.Chat.Type)
	}
	return string(models.ChatTypePrivate)
}
