package bot

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Callback data formats (at most 64 bytes each):
//
//	p:QID:OFFSET        a page of a saved /latest or /search query
//	se:ENTITY[:SUB]     follow an entity (instead of keyword subscription SUB)
//	sw:ENTITY           follow the entity's slug as a keyword
//	us:SUB              stop following SUB
//	cat                 the catalogue's kinds
//	cat:KIND:OFFSET     a page of the catalogue
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
	if b.limiter.allow(chatID) != limitAllow {
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgSlowDown))
		return
	}
	parts := strings.Split(q.Data, ":")
	ids := make([]int64, 0, len(parts))
	for _, p := range parts[1:] {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil {
			ids = append(ids, n)
		}
	}
	err = b.dispatchCallback(ctx, c, msgID, parts, ids)
	if errors.Is(err, errBadCallback) || errors.Is(err, store.ErrNotFound) {
		b.answer(ctx, q, tgtext.Tr(c.lang, tgtext.MsgExpired))
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

var errBadCallback = errors.New("bot: malformed callback data")

func (b *Bot) dispatchCallback(ctx context.Context, c chatCtx, msgID int, parts []string, ids []int64) error {
	switch {
	case parts[0] == "p" && len(ids) == 2:
		command, arg, err := b.st.Query(ctx, c.chat.ID, ids[0])
		if err != nil {
			return err
		}
		html, kb, err := b.page(ctx, c, ids[0], command, arg, int(max(0, ids[1])))
		if err != nil {
			return err
		}
		b.edit(ctx, c, msgID, html, kb)
		return nil
	case parts[0] == "se" && len(ids) >= 1:
		ent, err := b.st.EntityByID(ctx, ids[0])
		if err != nil {
			return err
		}
		if err := b.subscribeEntity(ctx, c, ent, false); err != nil {
			return err
		}
		if len(ids) == 2 { // instead of the keyword: drop it, quietly
			if _, err := b.st.RemoveSubscription(ctx, c.chat.ID, ids[1]); err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		return nil
	case parts[0] == "sw" && len(ids) == 1:
		ent, err := b.st.EntityByID(ctx, ids[0])
		if err != nil {
			return err
		}
		return b.subscribeKeyword(ctx, c, ent.Slug)
	case parts[0] == "us" && len(ids) == 1:
		if err := b.unsubscribe(ctx, c, ids[0]); err != nil {
			return err
		}
		html, kb, err := b.unsubscribeList(ctx, c)
		if err != nil {
			return err
		}
		b.edit(ctx, c, msgID, html, kb)
		return nil
	case parts[0] == "cat" && len(parts) == 1:
		html, kb, err := b.catalogueKinds(ctx, c)
		if err != nil {
			return err
		}
		b.edit(ctx, c, msgID, html, kb)
		return nil
	case parts[0] == "cat" && len(parts) == 3 && len(ids) == 1:
		html, kb, err := b.cataloguePage(ctx, c, parts[1], int(max(0, ids[0])))
		if err != nil {
			return err
		}
		b.edit(ctx, c, msgID, html, kb)
		return nil
	}
	return errBadCallback
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
