package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// An administrator connects their channel from a private chat a minute
// before the digest time they give it: the channel's digest arrives in the
// channel at that minute, written for readers (no buttons), and nothing
// goes to the private chat. The bot is then demoted: its admin is told, and
// the next digest run sends nothing there.
func TestChannelConnectedFromAPrivateChatGetsItsDigest(t *testing.T) {
	t.Parallel()
	const channel, title = int64(-1002000000001), "Budapest diaspora"
	d := newDigestServe(t)
	fake, u := d.fake, d.user
	botID := fakebotapi.BotID(d.env["TELEGRAM_BOT_TOKEN"])
	fake.SetChat(channel, "channel", title)
	fake.SetMember(channel, botID, fakebotapi.Member{Status: fakebotapi.StatusAdministrator, CanPostMessages: true})
	fake.SetMember(channel, u.chat, fakebotapi.Member{Status: fakebotapi.StatusCreator})
	srv := startProc(t, d.bin, d.env, "serve")

	u.say("/start")
	u.say("/channel")
	n := len(fake.Messages(u.chat))
	fake.ShareChat(u.chat, fakebotapi.User{ID: u.chat, LanguageCode: "en"}, 1, channel)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	msgs, err := fake.WaitMessages(ctx, u.chat, n+1)
	if err != nil || !strings.Contains(msgs[n].Plain, "Connected the channel") {
		t.Fatalf("sharing the channel: %v %+v", err, msgs)
	}
	at := untilMinute(20 * time.Second)
	u.setUp(at) // /timezone UTC, /digest HH:MM, /subscribe mfa-budapest: all for the channel
	d.importRelease("ForTheChannel", 9500, at)

	waitFor(t, "the channel's digest arrives", func() bool { return len(digestMessages(fake, channel)) > 0 })
	got := digestMessages(fake, channel)[0]
	t.Logf("connected before %s; the channel's digest came at %s", at.Format(time.TimeOnly), got.Time.Format("15:04:05.000"))
	if got.Time.Before(at) || got.Time.After(at.Add(30*time.Second)) {
		t.Errorf("channel digest sent at %s, want at the %s tick", got.Time.Format(time.TimeOnly), at.Format(time.TimeOnly))
	}
	if !strings.Contains(got.Plain, "ForTheChannel 1") || got.Keyboard != nil || got.ReplyMarkup != "" {
		t.Errorf("channel digest %q with markup %q, want the release and no buttons", got.Plain, got.ReplyMarkup)
	}
	if n := len(digestMessages(fake, u.chat)); n != 0 {
		t.Errorf("%d digests went to the private chat, want none", n)
	}

	// Demoted: told once in the private chat, and nothing more is sent.
	n = len(fake.Messages(u.chat))
	ctx, cancel = context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	fake.ChangeBotMember(channel, fakebotapi.User{ID: u.chat}, d.env["TELEGRAM_BOT_TOKEN"], fakebotapi.Member{Status: fakebotapi.StatusMember})
	if msgs, err := fake.WaitMessages(ctx, u.chat, n+1); err != nil || !strings.Contains(msgs[n].Plain, "can no longer post") {
		t.Fatalf("after the demotion: %v %+v", err, msgs)
	}
	srv.kill(t)
	sent := len(fake.Calls("sendMessage"))
	d.importRelease("AfterDemotion", 9600, time.Now().Add(time.Hour))
	tomorrow := at.Add(24 * time.Hour).Format(time.RFC3339)
	if out, _, err := runBin(t, d.bin, d.env, 2*time.Minute, "digest", "run", "--now", tomorrow); err != nil {
		t.Fatalf("digest run: %v\n%s", err, out)
	}
	for _, c := range fake.Calls("sendMessage")[sent:] {
		if c.ChatID() == channel {
			t.Errorf("after the demotion, a message was sent to the channel: %q", c.Fields["text"])
		}
	}
}
