package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

const (
	group       = int64(-4001)
	groupAdmin  = int64(11)
	groupMember = int64(12)
	harnessBot  = "4242:test-token-abcdefghijklmnopqrstuvwxyz" // the harness's token
)

// sendAs writes text as from in chat and returns the bot's new messages
// there.
func (h *harness) sendAs(chat int64, from fakebotapi.User, text string) []fakebotapi.Message {
	h.t.Helper()
	before := h.snapshot(chat)
	h.wait(h.fake.SendText(chat, from, text))
	return h.changedSince(chat, before)
}

// update waits for the updates ids, queued together, to be handled: the
// client handles them concurrently, in any order.
func (h *harness) update(ids ...int64) {
	h.t.Helper()
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	timeout := time.After(15 * time.Second)
	for len(want) > 0 {
		select {
		case id := <-h.handled:
			delete(want, id)
		case <-timeout:
			h.t.Fatalf("updates %v were not handled in time", ids)
		}
	}
}

// pressAs presses a button of message msgID in chat as from.
func (h *harness) pressAs(chat int64, from fakebotapi.User, msgID int64, data string) fakebotapi.CallbackAnswer {
	h.t.Helper()
	qid := h.fake.Press(chat, from, msgID, data)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ans, err := h.fake.WaitAnswer(ctx, qid)
	if err != nil {
		h.t.Fatalf("press %q was not answered: %v", data, err)
	}
	h.drainHandled()
	return ans
}

// groupState is what a member must not be able to change.
type groupState struct {
	subs            []string
	lang, zone, at  string
	enabled, active bool
	digestCursor    int64
}

func (h *harness) groupState(chat int64) groupState {
	h.t.Helper()
	ctx := context.Background()
	c, err := h.st.ChatByID(ctx, chat)
	if err != nil {
		h.t.Fatal(err)
	}
	subs, err := h.st.Subscriptions(ctx, chat)
	if err != nil {
		h.t.Fatal(err)
	}
	s := groupState{lang: c.Lang, zone: c.TimeZone, at: c.DigestTime, enabled: c.DigestEnabled, active: c.Active}
	for _, sub := range subs {
		s.subs = append(s.subs, sub.Kind+":"+sub.Value)
	}
	var cursor int64
	if err := h.st.DB().Get(&cursor, `SELECT digest_cursor FROM chats WHERE id = $1`, chat); err != nil {
		h.t.Fatal(err)
	}
	s.digestCursor = cursor
	return s
}

func (s groupState) String() string {
	return strings.Join(s.subs, ",") + " " + s.lang + " " + s.zone + " " + s.at
}

func adminsOnly(t *testing.T, msgs []fakebotapi.Message, lang string) {
	t.Helper()
	want := map[string]string{
		"en": "Only the group's administrators can change its settings.",
		"ru": "Менять настройки группы могут только её администраторы.",
		"kk": "Топтың баптауларын тек оның әкімшілері өзгерте алады.",
	}[lang]
	if len(msgs) != 1 || msgs[0].Plain != want {
		var got []string
		for _, m := range msgs {
			got = append(got, m.Plain)
		}
		t.Errorf("answers %q, want the refusal %q", got, want)
	}
}

// A member's changes in a group are refused and change nothing; reading is
// for everyone; an admin's changes and an anonymous admin's succeed.
func TestInAGroupOnlyAdminsChangeSettings(t *testing.T) {
	h := newHarness(t)
	admin, member := user(groupAdmin, "en"), user(groupMember, "en")
	h.fake.SetMember(group, groupAdmin, fakebotapi.Member{Status: fakebotapi.StatusAdministrator})
	mustContain(t, h.one(h.sendAs(group, admin, "/subscribe shymkent")).Plain, "You now follow")
	list := h.one(h.sendAs(group, admin, "/unsubscribe"))
	before := h.groupState(group)

	for _, cmd := range []string{
		"/subscribe mfa-budapest", `/subscribe "water supply"`, "/unsubscribe shymkent", "/unsubscribe",
		"/digest 07:00", "/digest off", "/timezone Europe/Budapest", "/language ru",
		"/subscribe@newsbot_test_bot astana",
	} {
		adminsOnly(t, h.sendAs(group, member, cmd), "en")
	}
	// A button the admin was shown, pressed by a member.
	ans := h.pressAs(group, member, list.MessageID, buttonData(t, list, "Shymkent"))
	if !ans.ShowAlert || ans.Text != "Only the group's administrators can change its settings." {
		t.Errorf("member's press answered %+v, want the refusal as an alert", ans)
	}
	// A forged button for a catalogue entity.
	if ans := h.pressAs(group, member, list.MessageID, "se:1"); !ans.ShowAlert {
		t.Errorf("member's forged follow answered %+v, want a refusal", ans)
	}
	if after := h.groupState(group); after.String() != before.String() || after.digestCursor != before.digestCursor {
		t.Errorf("a member changed the group: %v → %v", before, after)
	}

	// Reading is for everyone.
	for cmd, want := range map[string]string{
		"/subscriptions": "Akimat of Shymkent", "/digest": "09:00", "/help": "/subscribe",
		"/latest": "Newest", "/search Shymkent": "Shymkent", "/sources embassy": "Hungary",
	} {
		mustContain(t, h.one(h.sendAs(group, member, cmd)).Plain, want)
	}
	// Commands for another bot are not answered at all.
	if msgs := h.sendAs(group, member, "/latest@other_bot"); len(msgs) != 0 {
		t.Errorf("a command for another bot was answered: %q", msgs[0].Plain)
	}

	// The admin's press and an anonymous admin's command succeed.
	if ans := h.pressAs(group, admin, list.MessageID, buttonData(t, list, "Shymkent")); ans.ShowAlert {
		t.Errorf("admin's press refused: %+v", ans)
	}
	before = h.groupState(group)
	h.update(h.fake.SendAsChat(group, "/digest 07:30"))
	if after := h.groupState(group); after.at != "07:30" || len(after.subs) != 0 {
		t.Errorf("after the admin's press and the anonymous admin's /digest 07:30: %v (before %v)", after, before)
	}
}

// Rights are asked at the moment of the change: a member promoted a moment
// ago may change at once, and an admin demoted (Telegram says so in a
// chat_member update) may not, although the bot had just asked about them.
func TestGroupRightsFollowPromotionAndDemotion(t *testing.T) {
	h := newHarness(t)
	u := user(groupMember, "ru")
	adminsOnly(t, h.sendAs(group, u, "/subscribe shymkent"), "ru")
	h.fake.SetMember(group, groupMember, fakebotapi.Member{Status: fakebotapi.StatusAdministrator})
	mustContain(t, h.one(h.sendAs(group, u, "/subscribe shymkent")).Plain, "Вы подписались")
	calls := len(h.fake.Calls("getChatMember"))
	h.sendAs(group, u, "/digest 08:00")
	if n := len(h.fake.Calls("getChatMember")); n != calls {
		t.Errorf("an admin's second change asked Telegram again (%d calls, want %d): answers are kept for a while", n, calls)
	}
	h.update(h.fake.ChangeMember(group, user(groupAdmin, "ru"), groupMember, fakebotapi.Member{Status: fakebotapi.StatusMember}))
	adminsOnly(t, h.sendAs(group, u, "/unsubscribe shymkent"), "ru")
	if st := h.groupState(group); len(st.subs) != 1 || st.at != "08:00" {
		t.Errorf("group after the demoted admin's try: %v", st)
	}
}

// Removed from a group, the bot deactivates it at once and drops what it
// had queued; added back, it greets the group, whose subscriptions are kept.
func TestBotRemovedFromAGroupAndAddedBack(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	admin := user(groupAdmin, "kk")
	h.update(h.fake.ChangeBotMember(group, admin, harnessBot, fakebotapi.Member{Status: fakebotapi.StatusMember}))
	greeting := h.fake.Messages(group)
	if len(greeting) != 1 || !strings.Contains(greeting[0].Plain, "Топ әкімшісі баптай алады") {
		t.Fatalf("greeting when added: %+v", greeting)
	}
	h.fake.SetMember(group, groupAdmin, fakebotapi.Member{Status: fakebotapi.StatusCreator})
	h.sendAs(group, admin, "/subscribe shymkent")
	// Promoted to administrator: no second greeting.
	h.update(h.fake.ChangeBotMember(group, admin, harnessBot, fakebotapi.Member{Status: fakebotapi.StatusAdministrator}))
	for _, q := range []string{
		`INSERT INTO digests (id, chat_id, from_seq, to_seq, items, parts) VALUES (1, $1, 0, 0, 1, 1)`,
		`INSERT INTO outbox (digest_id, chat_id, part, text) VALUES (1, $1, 1, 'queued')`,
	} {
		if _, err := h.st.DB().Exec(q, group); err != nil {
			t.Fatal(err)
		}
	}
	h.update(h.fake.ChangeBotMember(group, admin, harnessBot, fakebotapi.Member{Status: fakebotapi.StatusKicked}))
	st := h.groupState(group)
	if st.active {
		t.Error("the group is active after the bot was removed")
	}
	var pending int
	if err := h.st.DB().Get(&pending, `SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'pending'`, group); err != nil || pending != 0 {
		t.Errorf("%d parts still queued for the group (%v)", pending, err)
	}
	due, err := h.st.DB().Query(`SELECT id FROM chats WHERE digest_enabled AND active AND id = $1`, group)
	if err != nil {
		t.Fatal(err)
	}
	if due.Next() {
		t.Error("the removed group would be in the next pass")
	}
	due.Close()

	h.update(h.fake.ChangeBotMember(group, admin, harnessBot, fakebotapi.Member{Status: fakebotapi.StatusMember}))
	c, err := h.st.ChatByID(ctx, group)
	if err != nil || !c.Active {
		t.Errorf("the group is not active again after the bot was added back: %+v %v", c, err)
	}
	msgs := h.fake.Messages(group)
	last := msgs[len(msgs)-1]
	if len(msgs) != 3 || !strings.Contains(last.Plain, "Топтың жазылымдары сақталған") {
		t.Errorf("messages after being added back: %d, last %q; want a second greeting that says the subscriptions are kept", len(msgs), last.Plain)
	}
	if st := h.groupState(group); len(st.subs) != 1 {
		t.Errorf("subscriptions after re-adding: %v", st.subs)
	}
}

// A group that becomes a supergroup keeps its subscriptions, settings and
// digest cursor under the new id, once, though Telegram says so twice and
// the sender may learn it from a 400 too.
func TestGroupUpgradedToSupergroupKeepsEverythingOnce(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	const super = int64(-1000000004001)
	admin := user(groupAdmin, "ru")
	h.fake.SetMember(group, groupAdmin, fakebotapi.Member{Status: fakebotapi.StatusCreator})
	h.sendAs(group, admin, "/subscribe shymkent")
	h.sendAs(group, admin, "/subscribe «водоснабжение»")
	h.sendAs(group, admin, "/digest 07:15")
	h.sendAs(group, admin, "/timezone Asia/Aqtobe")
	if _, err := h.st.DB().Exec(`UPDATE chats SET digest_cursor = 77 WHERE id = $1`, group); err != nil {
		t.Fatal(err)
	}
	before := h.groupState(group)

	first, second := h.fake.UpgradeGroup(group, super, admin)
	h.update(first, second)
	if err := h.st.MigrateChat(ctx, group, super); err == nil {
		t.Error("a third migration (the sender's 400) found the old group still there")
	}
	after := h.groupState(super)
	if after.String() != before.String() || after.digestCursor != 77 {
		t.Errorf("supergroup = %v cursor %v; want %v cursor 77", after, after.digestCursor, before)
	}
	if _, err := h.st.ChatByID(ctx, group); err == nil {
		t.Error("the old group is still a chat")
	}
	h.fake.SetMember(super, groupAdmin, fakebotapi.Member{Status: fakebotapi.StatusCreator})
	mustContain(t, h.one(h.sendAs(super, admin, "/subscriptions")).Plain, "водоснабжение")
}

// Channel posts are not commands.
func TestChannelPostsAreIgnored(t *testing.T) {
	h := newHarness(t)
	const ch = int64(-1009000)
	h.fake.SetChat(ch, "channel", "News")
	h.update(h.fake.PostToChannel(ch, "/subscribe shymkent"))
	if _, err := h.st.ChatByID(context.Background(), ch); err == nil {
		t.Error("a channel post created a chat")
	}
	if n := len(h.fake.Messages(ch)); n != 0 {
		t.Errorf("%d answers to a channel post", n)
	}
}

// A button on a message the bot can no longer see acts on that message's
// chat, not on the presser's private chat; a press that names no user or no
// chat is refused and creates nothing.
func TestPressesAreAttributedToTheMessagesChat(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	member := user(groupMember, "en")
	// Message 999999 does not exist: Telegram sends it as inaccessible.
	if ans := h.pressAs(group, member, 999999, "se:1"); !ans.ShowAlert {
		t.Errorf("a member's press on an old group message answered %+v, want the admins-only refusal", ans)
	}
	if subs, _ := h.st.Subscriptions(ctx, groupMember); len(subs) != 0 {
		t.Errorf("the press subscribed the member's private chat: %+v", subs)
	}
	id, err := h.fake.SendUpdate(map[string]any{"callback_query": map[string]any{
		"id": "77", "chat_instance": "1", "data": "se:1",
		"from": map[string]any{"id": 0, "is_bot": false, "first_name": "x"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	h.update(id)
	if _, err := h.st.ChatByID(ctx, 0); err == nil {
		t.Error("a press without a chat created chat 0")
	}
}
