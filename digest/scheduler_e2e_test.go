package digest_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// TestDigestRunDeliversEachChatItsDigestOnce is "newsbot digest run --now"
// end to end: a pass as if the clock read 09:00 in Almaty, then Drain
// through the real go-telegram/bot client against the fake Bot API.
func TestDigestRunDeliversEachChatItsDigestOnce(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	tg, err := tgbot.New("4242:digest-e2e-token", tgbot.WithServerURL(fake.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	sender := digest.NewSender(e.st, tg, digest.SenderOptions{
		PerChatInterval: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	run := func(now time.Time) digest.SendStats {
		t.Helper()
		e.pass(now)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stats, _, err := sender.Drain(ctx, time.Now().Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}

	e.chat(1, "kk")
	e.follow(1, "word:Shymkent")
	e.chat(2, "ru")
	e.follow(2, "mfa-budapest")
	e.chat(3, "en")
	e.follow(3, "shymkent")
	e.chat(4, "en") // lives in Budapest: 09:00 there is 13:00 in Almaty
	e.follow(4, "mfa-budapest")
	if _, err := digest.NewService(e.st, e.b, func() time.Time { return fixtureDay.Add(-time.Hour) }).SetZone(e.ctx, 4, "Budapest"); err != nil {
		t.Fatal(err)
	}
	e.importFixture()
	e.importReleases(akimatKyzylzhar, akimatEntrepreneurs)
	for i := range 30 { // a long digest for the akimat's followers, of 30 different stories
		var words []string
		for w := range 20 {
			words = append(words, fmt.Sprintf("story%dword%d", i, w))
		}
		e.importReleases(release("shymkent", int64(910000+i), fixtureDay,
			"<b>"+strings.Join(words, " ")+" & more</b>", "A long day at the akimat."))
	}

	stats := run(fixtureDay)
	queued := map[int64][]string{1: e.queued(1), 2: e.queued(2), 3: e.queued(3), 4: e.queued(4)}
	if len(queued[1]) != 1 || len(queued[2]) != 1 || len(queued[3]) < 2 || len(queued[4]) != 0 {
		t.Fatalf("parts queued per chat: %d %d %d %d, want 1, 1, several, none",
			len(queued[1]), len(queued[2]), len(queued[3]), len(queued[4]))
	}
	if want := 2 + len(queued[3]); stats.Sent != want || stats.Failed+stats.Dropped != 0 {
		t.Errorf("first run: %+v, want %d sent", stats, want)
	}
	// Each chat got its parts once, in order, as HTML.
	for chat, parts := range queued {
		msgs := fake.Messages(chat)
		if len(msgs) != len(parts) {
			t.Errorf("chat %d got %d messages, want %d", chat, len(msgs), len(parts))
			continue
		}
		for i, m := range msgs {
			if m.Plain != parts[i] || m.ParseMode != "HTML" {
				t.Errorf("chat %d message %d is not part %d:\n%.100s", chat, i+1, i+1, m.Plain)
			}
		}
	}
	if last := queued[3][len(queued[3])-1]; !strings.HasSuffix(last, "…and 2 more releases — /latest") {
		t.Errorf("the akimat's last part should close the digest:\n%s", last)
	}

	// A second pass a minute later sends nothing; Budapest's morning comes.
	if stats := run(fixtureDay.Add(time.Minute)); stats.Sent != 0 {
		t.Errorf("second run sent %d messages, want none", stats.Sent)
	}
	if stats := run(almaty(2025, 11, 26, 13, 0)); stats.Sent != 1 || len(fake.Messages(4)) != 1 {
		t.Errorf("at 09:00 in Budapest: %+v, want chat 4's digest", stats)
	}
	for _, a := range fake.SendAttempts() {
		if a.Code != 200 {
			t.Errorf("Telegram refused a message to chat %d: %d %s", a.ChatID, a.Code, a.Description)
		}
	}
}
