package main

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// TestPostgresRestartUnderWebhookServe proves, in webhook mode, that:
//   - a request without the right secret gets 401 and is not processed;
//   - a good update is answered 200 only after its answer was sent;
//   - while PostgreSQL is down /readyz fails (/healthz does not), and an
//     update answers 503, which makes Telegram deliver it again; its user
//     is told once, not at every redelivery;
//   - once PostgreSQL is back, /readyz recovers, the redelivered update is
//     answered (not lost) and new commands are answered, without a restart
//     of newsbot.
func TestPostgresRestartUnderWebhookServe(t *testing.T) {
	pg := startCluster(t)
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	const secret, hookURL = "fault-test-secret", "https://bot.example.kz/tg/hook"
	addr := freeAddr(t)
	env := map[string]string{"DATABASE_URL": pg.URL("newsbot"), "TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL": fake.URL(), "HTTP_ADDR": addr, "POLL_INTERVAL": "off",
		"TELEGRAM_WEBHOOK_URL": hookURL, "TELEGRAM_WEBHOOK_SECRET": secret}
	s := startServe(t, env)
	hook, readyz := "http://"+addr+"/tg/hook", "http://"+addr+"/readyz"
	waitFor(t, "serve registered its webhook", func() bool { return fake.Webhook().URL == hookURL })
	if w := fake.Webhook(); w.SecretToken != secret || !slices.Equal(w.AllowedUpdates, []string{"message", "callback_query", "my_chat_member", "chat_member"}) {
		t.Errorf("setWebhook got secret %q, allowed_updates %q", w.SecretToken, w.AllowedUpdates)
	}

	if got := deliver(hook, "", textUpdate(1, 10, "en", "/start")); got != 401 {
		t.Errorf("update without the secret: %d, want 401", got)
	}
	if got := deliver(hook, "wrong", textUpdate(1, 10, "en", "/start")); got != 401 {
		t.Errorf("update with a wrong secret: %d, want 401", got)
	}
	if got := post(hook, secret, []byte(`{"update_id":`)); got != 400 {
		t.Errorf("malformed update: %d, want 400", got)
	}
	if got := deliver(hook, secret, textUpdate(2, 10, "en", "/start")); got != 200 {
		t.Fatalf("good update: %d, want 200", got)
	}
	if msgs := fake.Messages(10); len(msgs) != 1 || !strings.HasPrefix(msgs[0].Plain, "Hello!") {
		t.Fatalf("chat 10 got %+v by the time 200 came back, want the welcome (and nothing for the refused requests)", msgs)
	}

	pg.Stop()
	waitFor(t, "/readyz fails with PostgreSQL down", func() bool { return status(readyz) == 503 })
	if got := status("http://" + addr + "/healthz"); got != 200 {
		t.Errorf("/healthz with PostgreSQL down = %d, want 200: the process is alive", got)
	}
	help := textUpdate(3, 11, "ru", "/help")
	for attempt := range 2 { // Telegram's first delivery, and a retry
		if got := deliver(hook, secret, help); got != 503 {
			t.Errorf("attempt %d with PostgreSQL down: %d, want 503 so that Telegram retries", attempt+1, got)
		}
	}
	if msgs := fake.Messages(11); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Извините") {
		t.Errorf("while down, chat 11 got %+v; want one apology in Russian", msgs)
	}

	pg.Start()
	waitFor(t, "/readyz recovers", func() bool { return status(readyz) == 200 })
	// Telegram goes on redelivering until it gets a 200.
	waitFor(t, "the redelivered update is processed", func() bool { return deliver(hook, secret, help) == 200 })
	if msgs := fake.Messages(11); len(msgs) != 2 || !strings.Contains(msgs[1].Plain, "Команды") {
		t.Errorf("after recovery chat 11 got %+v; want the apology, then the help", msgs)
	}
	if got := deliver(hook, secret, textUpdate(4, 12, "kk", "/start")); got != 200 {
		t.Errorf("new command after recovery: %d, want 200", got)
	}
	if msgs := fake.Messages(12); len(msgs) != 1 || !strings.HasPrefix(msgs[0].Plain, "Сәлеметсіз бе!") {
		t.Errorf("new command after recovery: chat 12 got %+v", msgs)
	}
	s.stopServe(t)
	if !strings.Contains(s.log.String(), `"msg":"Webhook request without the right secret"`) {
		t.Error("the refused requests were not logged")
	}
}

// TestPostgresRestartUnderPollingServe proves, in long-polling mode, that
// the poller stops polling when it loses its database (so Telegram keeps
// the updates that arrive meanwhile, instead of handing them to a bot that
// cannot answer), and that once PostgreSQL is back it becomes the poller
// again by itself and answers them.
func TestPostgresRestartUnderPollingServe(t *testing.T) {
	pg := startCluster(t)
	fake := fakebotapi.New(fakebotapi.WithPollWait(200 * time.Millisecond))
	t.Cleanup(fake.Close)
	addr := freeAddr(t)
	env := map[string]string{"DATABASE_URL": pg.URL("newsbot"), "TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL": fake.URL(), "HTTP_ADDR": addr, "POLL_INTERVAL": "off", "POLLER_RETRY": "300ms"}
	startServe(t, env)
	leader := func() float64 { return metric(addr, "newsbot_poller_leader") }
	waitFor(t, "serve becomes the poller", func() bool { return leader() == 1 })
	say := func(chat int64, lang, text, want string) {
		t.Helper()
		n := len(fake.Messages(chat))
		fake.SendText(chat, fakebotapi.User{ID: chat, LanguageCode: lang}, text)
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		msgs, err := fake.WaitMessages(ctx, chat, n+1)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if !strings.Contains(msgs[n].Plain, want) {
			t.Errorf("%s: got %q, want %q", text, msgs[n].Plain, want)
		}
	}
	say(20, "en", "/start", "Hello!")

	pg.Stop()
	waitFor(t, "/readyz fails and the poller steps down", func() bool {
		return status("http://"+addr+"/readyz") == 503 && leader() == 0
	})
	fake.SendText(21, fakebotapi.User{ID: 21, LanguageCode: "en"}, "/help")

	pg.Start()
	waitFor(t, "/readyz recovers", func() bool { return status("http://"+addr+"/readyz") == 200 })
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	msgs, err := fake.WaitMessages(ctx, 21, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Commands") {
		t.Errorf("the update sent while down got %+v; want the help, answered after recovery", msgs)
	}
	say(22, "en", "/start", "Hello!")
}
