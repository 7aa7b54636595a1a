package fakebotapi

import (
	"errors"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// getChatMember answers through the real client with the statuses set, and a
// channel refuses the bot's messages and member lookups until it may post.
func TestMembersAndChannels(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	const group, channel = int64(-5), int64(-1001000000005)

	m, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: group, UserID: 7})
	if err != nil || m.Type != models.ChatMemberTypeMember {
		t.Fatalf("unset user in a group: %+v, %v; want a member", m, err)
	}
	srv.SetMember(group, 7, Member{Status: StatusAdministrator})
	if m, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: group, UserID: 7}); err != nil ||
		m.Administrator == nil || m.Administrator.User.ID != 7 {
		t.Errorf("administrator: %+v, %v", m, err)
	}

	srv.SetChat(channel, "channel", "News")
	if _, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: channel, UserID: 7}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("members of a channel where the bot is not an administrator: %v, want 400", err)
	}
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: channel, Text: "hi"}); !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("posting in a channel the bot is not in: %v, want 403", err)
	}
	srv.SetMember(channel, BotID(testToken), Member{Status: StatusAdministrator})
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: channel, Text: "hi"}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("posting without can_post_messages: %v, want 400", err)
	}
	srv.SetMember(channel, BotID(testToken), Member{Status: StatusAdministrator, CanPostMessages: true})
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: channel, Text: "hi"}); err != nil {
		t.Errorf("posting as an administrator who may post: %v", err)
	}
	me, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: channel, UserID: BotID(testToken)})
	if err != nil || me.Administrator == nil || !me.Administrator.CanPostMessages || !me.Administrator.User.IsBot {
		t.Errorf("the bot in its channel: %+v, %v", me, err)
	}
}
