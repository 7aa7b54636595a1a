package bot_test

import (
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// sendMember writes text as member userID in chatID (a group when negative) and
// returns the bot's messages there that are new because of it.
func (h *harness) sendMember(chatID, userID int64, text string) []fakebotapi.Message {
	h.t.Helper()
	before := h.snapshot(chatID)
	h.wait(h.fake.SendText(chatID, user(userID, "en"), text))
	return h.changedSince(chatID, before)
}

// In a group the rate limit counts each member's commands: one member's
// flood gets that member one warning and then silence, while the others are
// still answered, up to a higher cap for the whole group.
func TestOneMembersFloodDoesNotSilenceTheGroup(t *testing.T) {
	h := newHarness(t, func(o *bot.Options) {
		o.CommandsPerMinute = 5
		o.GroupCommandsPerMinute = 8
	})
	const group = -7001
	for range 5 {
		mustContain(t, h.one(h.sendMember(group, 71, "/help")).Plain, "Commands")
	}
	mustContain(t, h.one(h.sendMember(group, 71, "/help")).Plain, "Please wait a minute")
	if got := h.sendMember(group, 71, "/help"); len(got) != 0 {
		t.Errorf("the flooding member got %d more answers after the warning, want none", len(got))
	}
	// Another member is answered as if nothing happened…
	for range 3 {
		mustContain(t, h.one(h.sendMember(group, 72, "/help")).Plain, "Commands")
	}
	// …until the group as a whole reaches its cap (5 + 3 = 8).
	mustContain(t, h.one(h.sendMember(group, 73, "/help")).Plain, "Please wait a minute")
	if got := h.sendMember(group, 74, "/help"); len(got) != 0 {
		t.Errorf("after the group's warning another member got %d answers, want none", len(got))
	}
	// A private chat is its own: the flood in the group does not touch it.
	mustContain(t, h.one(h.sendMember(71, 71, "/help")).Plain, "Commands")

	h.now = h.now.Add(61 * time.Second)
	mustContain(t, h.one(h.sendMember(group, 71, "/help")).Plain, "Commands")
	mustContain(t, h.one(h.sendMember(group, 74, "/help")).Plain, "Commands")
}
