package bot_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// One button makes a new subscription alert at once; /subscriptions shows
// each mode with a button to change it; /alerts lists the instant ones and
// sets the quiet hours.
func TestSwitchASubscriptionToInstantAlerts(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	const chat = 801
	confirm := h.one(h.send(chat, "en", "/subscribe shymkent"))
	_, ans := h.press(chat, "en", confirm.MessageID, buttonData(t, confirm, "Alert me at once"))
	if ans.Text != "Akimat of Shymkent city: 🔔 at once." {
		t.Errorf("toast %q", ans.Text)
	}
	subs, _ := h.st.Subscriptions(ctx, chat)
	if len(subs) != 1 || subs[0].Delivery != store.DeliverInstant {
		t.Fatalf("subscriptions after the press: %+v", subs)
	}
	list := h.one(h.send(chat, "en", "/subscriptions"))
	mustContain(t, list.Plain, "Akimat of Shymkent city (shymkent) — 🔔 at once", "Tap a subscription")
	msgs, _ := h.press(chat, "en", list.MessageID, buttonData(t, list, "Akimat of Shymkent"))
	mustContain(t, h.one(msgs).Plain, "— 🔔📰 at once and in the digest")
	if subs, _ := h.st.Subscriptions(ctx, chat); subs[0].Delivery != store.DeliverBoth {
		t.Errorf("second press: %s, want both", subs[0].Delivery)
	}

	mustContain(t, h.one(h.send(chat, "en", "/alerts")).Plain, "Subscriptions that alert you at once",
		"Akimat of Shymkent city — 🔔📰", "Quiet hours: 22:00–08:00 (Asia/Almaty)", "20 a day")
	mustContain(t, h.one(h.send(chat, "en", "/alerts quiet 23:30-6:45")).Plain, "Quiet hours: 23:30–06:45")
	mustContain(t, h.one(h.send(chat, "en", "/alerts quiet off")).Plain, "No quiet hours")
	if q, _ := h.st.ChatQuietHours(ctx, chat); q.From != "" {
		t.Errorf("quiet hours after off: %+v", q)
	}
	mustContain(t, h.one(h.send(chat, "en", "/alerts quiet soon")).Plain, "Give quiet hours as /alerts quiet 23:00-07:00")
	mustContain(t, h.one(h.send(802, "ru", "/alerts")).Plain, "Подписок с мгновенными уведомлениями нет")
}

// Changing a mode is a change like any other: a group member cannot.
func TestGroupMemberCannotChangeAMode(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.fake.SetMember(group, groupAdmin, fakebotapi.Member{Status: fakebotapi.StatusAdministrator})
	confirm := h.one(h.sendAs(group, user(groupAdmin, "en"), "/subscribe shymkent"))
	if ans := h.pressAs(group, user(groupMember, "en"), confirm.MessageID, buttonData(t, confirm, "Alert me")); !ans.ShowAlert {
		t.Errorf("member's press answered %+v, want a refusal", ans)
	}
	adminsOnly(t, h.sendAs(group, user(groupMember, "en"), "/alerts quiet off"), "en")
	if subs, _ := h.st.Subscriptions(ctx, group); subs[0].Delivery != store.DeliverDigest {
		t.Errorf("a member changed the mode to %s", subs[0].Delivery)
	}
}
