package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestServeConfig(t *testing.T) {
	c := LoadConfig(envOf())
	if c.WebhookURL != "" || c.AdminChatIDs != nil || c.PollerRetry != 10*time.Second {
		t.Errorf("serve defaults: %+v", c)
	}
	c = LoadConfig(envOf("TELEGRAM_WEBHOOK_URL", "https://bot.example.kz/tg/hook", "TELEGRAM_WEBHOOK_SECRET", "s3cr3t_-X",
		"HTTP_ADDR", ":8080", "ADMIN_CHAT_IDS", "12345, -1001234567890", "POLLER_RETRY", "300ms"))
	if err := c.Validate(false); err != nil {
		t.Fatal(err)
	}
	if webhookPath(c.WebhookURL) != "/tg/hook" || !slices.Equal(c.AdminChatIDs, []int64{12345, -1001234567890}) ||
		c.PollerRetry != 300*time.Millisecond {
		t.Errorf("serve settings: %+v", c)
	}
	good := []string{"TELEGRAM_WEBHOOK_URL", "https://bot.example.kz/tg/hook", "TELEGRAM_WEBHOOK_SECRET", "abc", "HTTP_ADDR", ":8080"}
	bad := []struct {
		kv   []string
		want string
	}{
		{[]string{"TELEGRAM_WEBHOOK_URL", "http://bot.example.kz/hook"}, "TELEGRAM_WEBHOOK_URL"},
		{[]string{"TELEGRAM_WEBHOOK_URL", "https:///hook"}, "TELEGRAM_WEBHOOK_URL"},
		{[]string{"TELEGRAM_WEBHOOK_URL", "https://bot.example.kz/metrics"}, "TELEGRAM_WEBHOOK_URL"},
		{[]string{"TELEGRAM_WEBHOOK_SECRET", ""}, "TELEGRAM_WEBHOOK_SECRET"},
		{[]string{"TELEGRAM_WEBHOOK_SECRET", "has space"}, "TELEGRAM_WEBHOOK_SECRET"},
		{[]string{"TELEGRAM_WEBHOOK_SECRET", "ключ"}, "TELEGRAM_WEBHOOK_SECRET"},
		{[]string{"TELEGRAM_WEBHOOK_SECRET", strings.Repeat("a", 257)}, "TELEGRAM_WEBHOOK_SECRET"},
		{[]string{"HTTP_ADDR", ""}, "HTTP_ADDR"},
		{[]string{"TELEGRAM_WEBHOOK_URL", ""}, "TELEGRAM_WEBHOOK_URL is not"}, // a secret alone
		{[]string{"ADMIN_CHAT_IDS", "12345,@admin"}, "ADMIN_CHAT_IDS"},
		{[]string{"ADMIN_CHAT_IDS", "0"}, "ADMIN_CHAT_IDS"},
		{[]string{"POLLER_RETRY", "5m"}, "POLLER_RETRY"},
		{[]string{"POLLER_RETRY", "10"}, "POLLER_RETRY"},
	}
	for _, b := range bad {
		kv := slices.Clone(good)
		for i := 0; i < len(b.kv); i += 2 {
			if j := slices.Index(kv, b.kv[i]); j >= 0 && j%2 == 0 {
				kv[j+1] = b.kv[i+1]
			} else {
				kv = append(kv, b.kv[i], b.kv[i+1])
			}
		}
		err := LoadConfig(envOf(kv...)).Validate(false)
		if err == nil || !strings.Contains(err.Error(), b.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: Validate() = %v, want one line naming %s", b.kv, err, b.want)
		}
	}
	if err := LoadConfig(envOf(good...)).Validate(false); err != nil {
		t.Errorf("the good webhook settings: %v", err)
	}
}
