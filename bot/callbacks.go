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
// notice and changes nothing. A press acts on the chat of the message it was
// pressed on, never on the presser's own chat; one that cannot be
// attributed to a chat and a user is refused.
func (b *Bot) onCallback(ctx context.Context, q *models.CallbackQuery) {
	chatID, chatType, msgID := pressedIn(q)
	if chatID == 0 || q.From.ID == 0 {
		b.answer(ctx, q, tgtext.Tr(tgtext.LangFromCode(q.From.LanguageCode), tgtext.MsgExpired))
		return
	}
	chat, err := b.st.TouchChat(ctx, chatID, chatType, tgtext.LangFromCode(q.From.LanguageCode))
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
		err = b.pressed(ctx, c, q, msgID, cb)
	}
	if errors.Is(err, errBadCallback) || errors.Is(err, store.ErrNotFound) {
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgExpired))
		return
	}
	if errors.Is(err, errAnswered) {
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

// errAnswered is a press already answered by its handler (a refusal, a toast).
var errAnswered = errors.New("bot: press refused")

// pressed checks who may press cb where, then acts on it.
func (b *Bot) pressed(ctx context.Context, c chatCtx, q *models.CallbackQuery, msgID int, cb callback) error {
	if cb.settings() && c.chat.ActingChatID != 0 {
		var ok bool
		if c, ok = b.actingOn(ctx, c); !ok {
			b.answer(ctx, q, "")
			return errAnswered
		}
	}
	if cb.changes() && !b.mayChange(ctx, c, q.From.ID, false, q) {
		return errAnswered
	}
	return b.dispatchCallback(ctx, c, press{q: q, msgID: msgID}, cb)
}

// pressedIn is the chat and message a button was pressed on: the message's
// own chat, whether the bot can still see the message or not.
func pressedIn(q *models.CallbackQuery) (chatID int64, chatType string, msgID int) {
	switch {
	case q.Message.Message != nil:
		m := q.Message.Message
		return m.Chat.ID, string(m.Chat.Type), m.ID
	case q.Message.InaccessibleMessage != nil:
		m := q.Message.InaccessibleMessage
		return m.Chat.ID, string(m.Chat.Type), 0
	}
	return 0, "", 0
}

// press is a button press: the query, to answer it, and the message it was
// pressed on (msgID 0 when the message is no longer accessible).
type press struct {
	q     *models.CallbackQuery
	msgID int
}

// callbackHandler acts on a decoded button. A handler that answers the
// query itself returns errAnswered.
type callbackHandler func(b *Bot, ctx context.Context, c chatCtx, p press, cb callback) error

// callbackHandlers maps each kind of button to what pressing it does.
var callbackHandlers = map[callbackKind]callbackHandler{
	cbPage:          (*Bot).onPage,
	cbFollow:        (*Bot).onFollow,
	cbFollowInstead: (*Bot).onFollowInstead,
	cbFollowWord:    (*Bot).onFollowWord,
	cbUnfollow:      (*Bot).onUnfollow,
	cbCatalogue:     (*Bot).onCatalogue,
	cbCataloguePage: (*Bot).onCataloguePage,
	cbActOn:         (*Bot).onActOn,
	cbMode:          (*Bot).onMode,
}

func (b *Bot) dispatchCallback(ctx context.Context, c chatCtx, p press, cb callback) error {
	h, ok := callbackHandlers[cb.kind]
	if !ok {
		return errBadCallback
	}
	return h(b, ctx, c, p, cb)
}

// onPage turns a /latest or /search answer to another page.
func (b *Bot) onPage(ctx context.Context, c chatCtx, p press, cb callback) error {
	command, arg, err := b.st.Query(ctx, c.chat.ID, cb.id)
	if err != nil {
		return err
	}
	html, kb, err := b.page(ctx, c, cb.id, command, arg, cb.offset)
	if err != nil {
		return err
	}
	b.edit(ctx, c, p.msgID, html, kb)
	return nil
}

func (b *Bot) onFollow(ctx context.Context, c chatCtx, p press, cb callback) error {
	ent, err := b.st.EntityByID(ctx, cb.id)
	if err != nil {
		return err
	}
	return b.subscribeEntity(ctx, c, ent, false)
}

// onFollowInstead follows the entity and then drops the keyword subscription
// it replaces, quietly: the keyword may be gone already.
func (b *Bot) onFollowInstead(ctx context.Context, c chatCtx, p press, cb callback) error {
	if err := b.onFollow(ctx, c, p, cb); err != nil {
		return err
	}
	if _, err := b.st.RemoveSubscription(ctx, c.chat.ID, cb.sub); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

func (b *Bot) onFollowWord(ctx context.Context, c chatCtx, p press, cb callback) error {
	ent, err := b.st.EntityByID(ctx, cb.id)
	if err != nil {
		return err
	}
	return b.subscribeKeyword(ctx, c, ent.Slug)
}

// onUnfollow removes a subscription and refreshes the list it was pressed in.
func (b *Bot) onUnfollow(ctx context.Context, c chatCtx, p press, cb callback) error {
	if err := b.unsubscribe(ctx, c, cb.id); err != nil {
		return err
	}
	html, kb, err := b.unsubscribeList(ctx, c)
	if err != nil {
		return err
	}
	b.edit(ctx, c, p.msgID, html, kb)
	return nil
}

func (b *Bot) onCatalogue(ctx context.Context, c chatCtx, p press, _ callback) error {
	html, kb, err := b.catalogueKinds(ctx, c)
	if err != nil {
		return err
	}
	b.edit(ctx, c, p.msgID, html, kb)
	return nil
}

func (b *Bot) onCataloguePage(ctx context.Context, c chatCtx, p press, cb callback) error {
	html, kb, err := b.cataloguePage(ctx, c, cb.section, cb.offset)
	if err != nil {
		return err
	}
	b.edit(ctx, c, p.msgID, html, kb)
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
		ChatID: c.dest(), MessageID: msgID, Text: html, ParseMode: models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
	}
	if kb != nil {
		params.ReplyMarkup = kb
	}
	params.Text = c.heading() + html
	_, err := b.tg.EditMessageText(ctx, params)
	if err == nil || strings.Contains(err.Error(), "message is not modified") {
		return
	}
	b.reply(ctx, c, html, kb)
}

func (b *Bot) answer(ctx context.Context, q *models.CallbackQuery, toast string) {
	b.answerQuery(ctx, q, toast, false)
}

// refuse answers a press with an alert the user must dismiss.
func (b *Bot) refuse(ctx context.Context, q *models.CallbackQuery, text string) {
	b.answerQuery(ctx, q, text, true)
}

func (b *Bot) answerQuery(ctx context.Context, q *models.CallbackQuery, text string, alert bool) {
	if _, err := b.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{
		CallbackQueryID: q.ID, Text: tgtext.Truncate(text, maxCallbackAnswer), ShowAlert: alert,
	}); err != nil {
		b.logSendError(q.From.ID, err)
	}
}

// maxCallbackAnswer is Telegram's limit on a callback answer's text.
const maxCallbackAnswer = 200
