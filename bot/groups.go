package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/internal/redact"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// mayChange reports whether user may change c.chat's settings now, and when
// not, tells them why: in a message, or in an alert on the button q when the
// change came from one. In a private chat anyone may; in a group, its
// creator and administrators (an anonymous administrator writes as the
// group itself); in a channel, its administrators, while the bot may post.
func (b *Bot) mayChange(ctx context.Context, c chatCtx, user int64, anonymous bool, q *models.CallbackQuery) bool {
	refuse := func(text string) bool {
		if q != nil {
			b.refuse(ctx, q, text)
		} else {
			b.reply(ctx, c, text, nil)
		}
		return false
	}
	switch models.ChatType(c.chat.Type) {
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		if anonymous {
			return true
		}
		ok, err := b.isAdmin(ctx, c.chat.ID, user)
		if err != nil {
			b.log.Warn("Could not check a member's rights", slog.Int64("chat_id", c.chat.ID),
				slog.String("error", b.redacted(err)))
			return refuse(tgtext.Tr(c.lang, tgtext.MsgRightsUnknown))
		}
		if !ok {
			return refuse(tgtext.Tr(c.lang, tgtext.MsgAdminsOnly))
		}
		return true
	case models.ChatTypeChannel:
		title := channelTitle(c.chat)
		if q == nil {
			title = tgtext.Esc(title) // alerts are plain text, messages HTML
		}
		switch problem, err := b.channelProblem(ctx, c.chat.ID, user); {
		case err != nil:
			b.log.Warn("Could not check rights in a channel", slog.Int64("chat_id", c.chat.ID),
				slog.String("error", b.redacted(err)))
			return refuse(tgtext.Tr(c.lang, tgtext.MsgRightsUnknown))
		case problem != (tgtext.Text{}):
			return refuse(tgtext.Tr(c.lang, problem, title))
		}
		return true
	}
	return true
}

// channelProblem is what stops user from setting up channel: the bot may
// not post there (tgtext.MsgChannelBotCannotPost), or the user is not one of
// its administrators (tgtext.MsgChannelNotAdmin); the zero Text when nothing.
// An error means Telegram could not be asked.
func (b *Bot) channelProblem(ctx context.Context, channel, user int64) (tgtext.Text, error) {
	bot, err := b.memberStatus(ctx, channel, b.botID, member.mayPost)
	if refusedByTelegram(err) {
		// "member list is inaccessible", "chat not found", "bot is not a
		// member": the bot is not an administrator there.
		return tgtext.MsgChannelBotCannotPost, nil
	}
	if err != nil {
		return tgtext.Text{}, err
	}
	if !bot.mayPost() {
		return tgtext.MsgChannelBotCannotPost, nil
	}
	ok, err := b.isAdmin(ctx, channel, user)
	if refusedByTelegram(err) || (err == nil && !ok) {
		return tgtext.MsgChannelNotAdmin, nil
	}
	return tgtext.Text{}, err
}

// refusedByTelegram reports whether Telegram answered, with a 400 or a 403,
// rather than could not be reached.
func refusedByTelegram(err error) bool {
	return errors.Is(err, tgbot.ErrorBadRequest) || errors.Is(err, tgbot.ErrorForbidden)
}

func (b *Bot) redacted(err error) string { return redact.Token(err.Error(), b.opts.Token) }

// onMyChatMember follows the bot's own membership. Added to a group, it
// greets it once with how to set it up (a group it was in before finds its
// subscriptions kept); removed or banned, the group is deactivated at once,
// its queued parts dropped, without waiting for a 403. In a channel, losing
// the right to post deactivates it and tells whoever connected it.
func (b *Bot) onMyChatMember(ctx context.Context, u *models.ChatMemberUpdated) error {
	b.members.forget(u.Chat.ID, b.botID)
	was, now := memberOf(u.OldChatMember), memberOf(u.NewChatMember)
	lang := tgtext.LangFromCode(u.From.LanguageCode)
	var err error
	switch u.Chat.Type {
	case models.ChatTypeChannel:
		err = b.channelRightsChanged(ctx, u.Chat, was, now)
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		switch {
		case !present(was) && present(now):
			err = b.greetGroup(ctx, u.Chat, lang)
		case present(was) && !present(now):
			_, err = b.st.DeactivateChat(ctx, u.Chat.ID)
		}
	case models.ChatTypePrivate:
		// A user who blocks the bot is told apart from one who unblocks it.
		switch {
		case !present(now):
			_, err = b.st.DeactivateChat(ctx, u.Chat.ID)
		case !present(was):
			_, err = b.st.TouchChat(ctx, u.Chat.ID, string(u.Chat.Type), lang)
		}
	}
	if err != nil {
		b.log.Error("Could not follow a membership change", slog.Int64("chat_id", u.Chat.ID),
			slog.String("error", err.Error()))
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return nil
}

// present reports whether a member is in the chat.
func present(m member) bool {
	return m.status != models.ChatMemberTypeLeft && m.status != models.ChatMemberTypeBanned
}

// greetGroup records a group the bot was added to (active again if it was
// there before) and says how to set it up.
func (b *Bot) greetGroup(ctx context.Context, chat models.Chat, lang string) error {
	c, err := b.st.TouchChat(ctx, chat.ID, string(chat.Type), lang)
	if err != nil {
		return err
	}
	text := tgtext.Tr(c.Lang, tgtext.MsgGroupWelcome)
	subs, err := b.st.Subscriptions(ctx, c.ID)
	if err != nil {
		return err
	}
	if len(subs) > 0 {
		text += "\n\n" + tgtext.Tr(c.Lang, tgtext.MsgGroupWelcomeBack)
	}
	b.reply(ctx, chatCtx{chat: c, lang: c.Lang}, text, nil)
	return nil
}

// channelRightsChanged deactivates a known channel where the bot may no
// longer post, telling its connectors once, and makes it active again when
// the right comes back. Channels nobody connected are left alone.
func (b *Bot) channelRightsChanged(ctx context.Context, chat models.Chat, was, now member) error {
	known, err := b.st.ChatByID(ctx, chat.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if now.mayPost() {
		if !was.mayPost() {
			_, err = b.st.TouchChat(ctx, chat.ID, string(models.ChatTypeChannel), known.Lang)
		}
		return err
	}
	tell, err := b.st.LoseChannel(ctx, chat.ID)
	if err != nil {
		return err
	}
	title := chat.Title
	if title == "" {
		title = channelTitle(known)
	}
	for _, u := range tell {
		b.send(ctx, u.ID, tgtext.Tr(u.Lang, tgtext.MsgChannelLost, tgtext.Esc(title)), nil, false)
	}
	return nil
}

// onChatMember forgets what was known of a member whose status changed (the
// bot gets these only where it is an administrator).
func (b *Bot) onChatMember(u *models.ChatMemberUpdated) {
	for _, cm := range []models.ChatMember{u.OldChatMember, u.NewChatMember} {
		if id := memberUserID(cm); id != 0 {
			b.members.forget(u.Chat.ID, id)
		}
	}
}

func memberUserID(cm models.ChatMember) int64 {
	switch {
	case cm.Owner != nil && cm.Owner.User != nil:
		return cm.Owner.User.ID
	case cm.Administrator != nil:
		return cm.Administrator.User.ID
	case cm.Member != nil && cm.Member.User != nil:
		return cm.Member.User.ID
	case cm.Restricted != nil && cm.Restricted.User != nil:
		return cm.Restricted.User.ID
	case cm.Left != nil && cm.Left.User != nil:
		return cm.Left.User.ID
	case cm.Banned != nil && cm.Banned.User != nil:
		return cm.Banned.User.ID
	}
	return 0
}

// onUpgrade moves a group that became a supergroup to its new id, with its
// subscriptions, settings and digest cursor. Telegram says so twice (a
// message in each chat), and the sender may have learnt it from a 400
// already: a group that has moved is not found, which is done.
func (b *Bot) onUpgrade(ctx context.Context, oldID, newID int64) error {
	err := b.st.MigrateChat(ctx, oldID, newID)
	if err == nil || errors.Is(err, store.ErrNotFound) {
		return nil
	}
	b.log.Error("Could not move an upgraded group", slog.Int64("chat_id", oldID),
		slog.Int64("new_chat_id", newID), slog.String("error", err.Error()))
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}
