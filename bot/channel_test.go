package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

const (
	channelID    = int64(-1001500000001)
	channelTitle = "Shymkent <News>"
	channelUser  = int64(31)
)

// channelSetUp makes a channel where the bot may post and channelUser is
// its creator, unless the test changes that.
func channelSetUp(h *harness) {
	h.fake.SetChat(channelID, "channel", channelTitle)
	h.fake.SetMember(channelID, fakebotapi.BotID(harnessBot), fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: true})
	h.fake.SetMember(channelID, channelUser, fakebotapi.Member{Status: fakebotapi.StatusCreator})
}

// share picks the channel with /channel's button and returns the answer.
func (h *harness) share(lang string) fakebotapi.Message {
	h.t.Helper()
	before := h.snapshot(channelUser)
	h.update(h.fake.ShareChat(channelUser, user(channelUser, lang), 1, channelID))
	return h.one(h.changedSince(channelUser, before))
}

// /channel asks Telegram for a channel where both the user and the bot may
// post, and only such a channel is connected, with the reason when not.
func TestConnectAChannel(t *testing.T) {
	h := newHarness(t)
	channelSetUp(h)
	how := h.one(h.send(channelUser, "en", "/channel"))
	var kb models.ReplyKeyboardMarkup
	if err := json.Unmarshal([]byte(how.ReplyMarkup), &kb); err != nil || len(kb.Keyboard) != 1 || len(kb.Keyboard[0]) != 1 {
		t.Fatalf("/channel keyboard %s (%v), want one request_chat button", how.ReplyMarkup, err)
	}
	req := kb.Keyboard[0][0].RequestChat
	if req == nil || !req.ChatIsChannel || req.RequestID != 1 || !req.RequestTitle ||
		req.BotAdministratorRights == nil || !req.BotAdministratorRights.CanPostMessages ||
		req.UserAdministratorRights == nil || !req.UserAdministratorRights.CanPostMessages {
		t.Errorf("request_chat = %+v, want a channel where user and bot may post", req)
	}

	// The bot was not made an administrator.
	h.fake.SetMember(channelID, fakebotapi.BotID(harnessBot), fakebotapi.Member{Status: fakebotapi.StatusAdministrator})
	mustContain(t, h.share("en").Plain, "I cannot post in the channel “Shymkent <News>”", "right to post")
	// The user is not an administrator of it (Telegram offers only fitting
	// channels, but a client can share any).
	h.fake.SetMember(channelID, fakebotapi.BotID(harnessBot), fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: true})
	h.fake.SetMember(channelID, channelUser, fakebotapi.Member{Status: fakebotapi.StatusMember})
	mustContain(t, h.share("en").Plain, "Only an administrator of the channel “Shymkent <News>”")
	if chans, _ := h.st.ConnectedChannels(context.Background(), channelUser); len(chans) != 0 {
		t.Fatalf("refused channels were connected: %+v", chans)
	}

	h.fake.SetMember(channelID, channelUser, fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: true})
	done := h.share("en")
	mustContain(t, done.Plain, "Connected the channel “Shymkent <News>”")
	if !strings.Contains(done.ReplyMarkup, "remove_keyboard") {
		t.Errorf("the connection answer keeps the channel button: %s", done.ReplyMarkup)
	}

	// Settings commands now act on the channel, each answer naming it.
	got := h.one(h.send(channelUser, "en", "/subscribe shymkent")).Plain
	mustContain(t, got, "📢 Channel “Shymkent <News>”", "You now follow")
	mustContain(t, h.one(h.send(channelUser, "en", "/digest 08:30")).Plain, "📢 Channel", "08:30")
	mustContain(t, h.one(h.send(channelUser, "en", "/language kk")).Plain, "The channel's language is now Kazakh")
	mustContain(t, h.one(h.send(channelUser, "en", "/subscriptions")).Plain, "📢 Channel", "Akimat of Shymkent")
	ctx := context.Background()
	ch, err := h.st.ChatByID(ctx, channelID)
	if err != nil || ch.DigestTime != "08:30" || ch.Lang != "kk" || ch.Type != "channel" {
		t.Errorf("channel = %+v, %v; want 08:30, kk", ch, err)
	}
	if subs, _ := h.st.Subscriptions(ctx, channelID); len(subs) != 1 {
		t.Errorf("channel subscriptions = %+v", subs)
	}
	if subs, _ := h.st.Subscriptions(ctx, channelUser); len(subs) != 0 {
		t.Errorf("the user's own chat got subscriptions: %+v", subs)
	}
	// Reading commands stay the user's own.
	mustContain(t, h.one(h.send(channelUser, "en", "/latest")).Plain, "Newest")

	// "This chat" switches back.
	msgs := h.send(channelUser, "en", "/channel")
	if len(msgs) != 2 {
		t.Fatalf("/channel with a connected channel: %d messages, want the button and the picker", len(msgs))
	}
	picker := msgs[1]
	mustContain(t, picker.Plain, "Settings here now apply to: Shymkent <News>")
	_, ans := h.press(channelUser, "en", picker.MessageID, buttonData(t, picker, "This chat"))
	if ans.Text != "Settings now apply to: this chat" {
		t.Errorf("toast %q", ans.Text)
	}
	if got := h.one(h.send(channelUser, "en", "/subscriptions")).Plain; strings.Contains(got, "📢") {
		t.Errorf("after switching back, /subscriptions still names the channel: %q", got)
	}
	// And back to the channel with its button.
	h.press(channelUser, "en", picker.MessageID, buttonData(t, picker, "Shymkent <News>"))
	mustContain(t, h.one(h.send(channelUser, "en", "/digest")).Plain, "📢 Channel", "08:30")
}

// Rights are checked again on every change: an admin demoted in the channel
// (a chat_member update) is refused; a forged button for someone else's
// channel changes nothing.
func TestChannelChangesNeedRightsEachTime(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	channelSetUp(h)
	h.share("ru")
	mustContain(t, h.one(h.send(channelUser, "ru", "/subscribe shymkent")).Plain, "Вы подписались")
	h.update(h.fake.ChangeMember(channelID, user(99, "ru"), channelUser, fakebotapi.Member{Status: fakebotapi.StatusMember}))
	mustContain(t, h.one(h.send(channelUser, "ru", "/unsubscribe shymkent")).Plain,
		"📢 Канал «Shymkent <News>»", "Подключать канал «Shymkent <News>» и менять его настройки может только его администратор")
	if subs, _ := h.st.Subscriptions(ctx, channelID); len(subs) != 1 {
		t.Errorf("a demoted admin changed the channel: %+v", subs)
	}
	// Another user presses "act on" that channel with forged data.
	const stranger = int64(32)
	h.send(stranger, "ru", "/start")
	_, ans := h.press(stranger, "ru", 1, "ch:1001500000001")
	if !strings.Contains(ans.Text, "устарел") {
		t.Errorf("forged act-on answered %+v, want the expired notice", ans)
	}
	if c, _ := h.st.ChatByID(ctx, stranger); c.ActingChatID != 0 {
		t.Errorf("a stranger acts on the channel")
	}
}

// The bot demoted in the channel: the channel is deactivated and the user
// who connected it is told once; promoted again, the channel is active.
func TestChannelLostIsToldOnce(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	channelSetUp(h)
	h.share("kk")
	h.send(channelUser, "kk", "/subscribe shymkent")
	before := len(h.fake.Messages(channelUser))
	for i := 0; i < 2; i++ {
		h.update(h.fake.ChangeBotMember(channelID, user(channelUser, "kk"), harnessBot,
			fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: false}))
	}
	msgs := h.fake.Messages(channelUser)[before:]
	if len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "«Shymkent <News>» арнасында енді жариялай алмаймын") {
		t.Fatalf("told %d times: %+v; want once", len(msgs), msgs)
	}
	if c, _ := h.st.ChatByID(ctx, channelID); c.Active {
		t.Error("the channel is active after the bot lost the right to post")
	}
	h.update(h.fake.ChangeBotMember(channelID, user(channelUser, "kk"), harnessBot,
		fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: true}))
	if c, _ := h.st.ChatByID(ctx, channelID); !c.Active {
		t.Error("the channel is not active after the bot may post again")
	}
	if subs, _ := h.st.Subscriptions(ctx, channelID); len(subs) != 1 {
		t.Errorf("subscriptions after the loss: %+v", subs)
	}
}

// /channel is for private chats.
func TestChannelCommandInAGroup(t *testing.T) {
	h := newHarness(t)
	mustContain(t, h.one(h.sendAs(group, user(groupAdmin, "en"), "/channel")).Plain, "private chat")
}
