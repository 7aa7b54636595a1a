package main

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// The webhook's address is public: it must not tell the world how many
// chats there are and what fails. Metrics live on METRICS_ADDR, health on
// both, so a load balancer and a scraper each find theirs.
func TestWebhookServeKeepsMetricsOffThePublicAddress(t *testing.T) {
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	const hookURL = "https://bot.example.kz/tg/hook"
	public, private := freeAddr(t), freeAddr(t)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL": fake.URL(), "HTTP_ADDR": public, "METRICS_ADDR": private, "POLL_INTERVAL": "off",
		"TELEGRAM_WEBHOOK_URL": hookURL, "TELEGRAM_WEBHOOK_SECRET": "metrics-test-secret"}
	s := startServe(t, env)
	waitFor(t, "serve registered its webhook", func() bool { return fake.Webhook().URL == hookURL })
	waitFor(t, "METRICS_ADDR answers", func() bool { return status("http://"+private+"/healthz") == 200 })
	if got := status("http://" + public + "/metrics"); got != 404 {
		t.Errorf("/metrics on the webhook's address = %d, want 404", got)
	}
	if got := metric(private, "newsbot_poller_leader"); got < 0 {
		t.Errorf("METRICS_ADDR has no newsbot_poller_leader sample")
	}
	for _, addr := range []string{public, private} {
		if got := status("http://" + addr + "/readyz"); got != 200 {
			t.Errorf("/readyz on %s = %d, want 200", addr, got)
		}
	}
	s.stopServe(t)
}

// A client with the right secret that sends its body a byte at a time is
// cut at the read timeout, and its update is never handled.
func TestSlowWebhookBodyIsCut(t *testing.T) {
	h := &handled{}
	const secret = "slow-body-secret"
	wh := webhookHandler(h, secret, slog.New(slog.NewTextHandler(io.Discard, nil)))
	addr := freeAddr(t)
	limits := httpTimeouts{header: 200 * time.Millisecond, read: 500 * time.Millisecond, write: time.Second, idle: time.Second}
	stop, err := startHTTP("HTTP_ADDR", addr, newHTTPHandler(nil, nil, false, "/tg/hook", wh), limits, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"update_id":7,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"/start"}}`
	fmt.Fprintf(conn, "POST /tg/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", secret, len(body))
	start := time.Now()
	cut := make(chan time.Duration, 1)
	go func() { // the server's answer or its closing the connection
		bufio.NewReader(conn).ReadString('\n')
		cut <- time.Since(start)
	}()
	var sent int
dribble:
	for sent < len(body) {
		select {
		case d := <-cut:
			cut <- d
			break dribble
		case <-time.After(100 * time.Millisecond):
			if _, err := conn.Write([]byte(body[sent : sent+1])); err != nil {
				break dribble
			}
			sent++
		}
	}
	d := <-cut
	if sent == len(body) {
		t.Fatalf("the whole body (%d bytes, sent over %s) was read: the read timeout did not cut it", sent, d)
	}
	if len(h.ids) != 0 {
		t.Errorf("%d updates handled from a body that never arrived whole", len(h.ids))
	}
	t.Logf("cut after %s with %d of %d bytes sent", d, sent, len(body))
}
