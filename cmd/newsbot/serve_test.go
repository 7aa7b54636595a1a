package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestServeEndToEnd runs "newsbot serve" against a fake Bot API, talks to
// it as Telegram users would, then stops it with a request still in hand.
func TestServeEndToEnd(t *testing.T) {
	fake := fakebotapi.New(fakebotapi.WithPollWait(100 * time.Millisecond))
	defer fake.Close()
	addr := freeAddr(t)
	env := map[string]string{
		"DATABASE_URL":       testdb.URL(t),
		"TELEGRAM_BOT_TOKEN": "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
		"TELEGRAM_API_URL":   fake.URL(),
		"HTTP_ADDR":          addr,
		"POLL_INTERVAL":      "off", // no gov.kz here
	}
	if _, err := runCmd(t, env, "", "import", fixture); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] },
			strings.NewReader(""), io.Discard, io.Discard)
	}()

	say := func(chat int64, lang, text string) fakebotapi.Message {
		t.Helper()
		n := len(fake.Messages(chat))
		fake.SendText(chat, fakebotapi.User{ID: chat, LanguageCode: lang}, text)
		wctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		msgs, err := fake.WaitMessages(wctx, chat, n+1)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		return msgs[n]
	}
	conversation := []struct {
		chat       int64
		lang, text string
		want       string
	}{
		{1, "kk", "/start", "Сәлеметсіз бе!"},
		{2, "ru", "/start", "Здравствуйте!"},
		{3, "en", "/start", "Hello!"},
		{3, "en", "/subscribe shymkent", "You now follow Akimat of Shymkent city"},
		{2, "ru", "/subscribe mfa-budapest", "Вы подписались: Посольство Республики Казахстан в Венгрии"},
		{1, "kk", "/subscribe Шымкент", "«Шымкент» кілт сөзі"},
		{2, "ru", "/latest", "Water Governance"},
		{3, "en", "/search Kyzylzhar", "From deficit to development"},
	}
	for _, step := range conversation {
		if got := say(step.chat, step.lang, step.text); !strings.Contains(got.Plain, step.want) {
			t.Errorf("%s (%s): got %q, want it to contain %q", step.text, step.lang, got.Plain, step.want)
		}
	}

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}

	// Stop while an answer is on its way: the update in hand must finish.
	held, release := make(chan struct{}), make(chan struct{})
	fake.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if c.Is("sendMessage") && c.ChatID() == 77 {
			close(held)
			<-release
		}
		return nil
	})
	fake.SendText(77, fakebotapi.User{ID: 77, LanguageCode: "en"}, "/help")
	select {
	case <-held:
	case <-time.After(20 * time.Second):
		t.Fatal("the /help answer never started")
	}
	stop()
	time.AfterFunc(300*time.Millisecond, func() { close(release) })
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if msgs := fake.Messages(77); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Commands") {
		t.Errorf("the answer in hand at shutdown was lost: %+v", msgs)
	}
	for _, a := range fake.SendAttempts() {
		if a.Code != 200 {
			t.Errorf("Telegram refused a message: %d %s", a.Code, a.Description)
		}
	}
}
