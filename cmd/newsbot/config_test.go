package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name      string
		getenv    func(string) string
		needToken bool
		wantErr   string // "" for valid; otherwise the setting the message must name
	}{
		{"defaults", envOf(), false, ""},
		{"serve without token", envOf(), true, "TELEGRAM_BOT_TOKEN is not set"},
		{"malformed token", envOf("TELEGRAM_BOT_TOKEN", "hello"), true, "TELEGRAM_BOT_TOKEN does not look like"},
		{"good token", envOf("TELEGRAM_BOT_TOKEN", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), true, ""},
		{"mysql url", envOf("DATABASE_URL", "mysql://root@localhost/x"), false, "DATABASE_URL"},
		{"no database name", envOf("DATABASE_URL", "postgres://postgres@127.0.0.1:5432"), false, "DATABASE_URL"},
		{"bad api url", envOf("TELEGRAM_API_URL", "api.telegram.org"), false, "TELEGRAM_API_URL"},
		{"bad http addr", envOf("HTTP_ADDR", "8080"), false, "HTTP_ADDR"},
		{"good http addr", envOf("HTTP_ADDR", ":8080"), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := LoadConfig(tt.getenv).Validate(tt.needToken)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate() = %v, want an error naming %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error should be one line: %q", err)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c := LoadConfig(func(string) string { return "" })
	if c.DatabaseURL != "postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable" {
		t.Errorf("default DATABASE_URL = %q", c.DatabaseURL)
	}
	if c.TelegramAPIURL != "https://api.telegram.org" {
		t.Errorf("default TELEGRAM_API_URL = %q", c.TelegramAPIURL)
	}
}

func TestPollConfig(t *testing.T) {
	c := LoadConfig(envOf())
	if c.GovkzBaseURL != "https://www.gov.kz" || c.GovkzPrimary != "rss" || c.PollInterval != 10*time.Minute ||
		c.FetchTimeout != 30*time.Second || strings.Join(c.PollLangs, ",") != "kk,ru" ||
		strings.Join(c.PollEntities, ",") != "shymkent,astana,almaty,mfa,kind:embassy" || len(c.Feeds) != 0 {
		t.Errorf("polling defaults: %+v", c)
	}
	feedsFile := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(feedsFile, []byte("# regional sites\nhttps://example.org/rss.xml\nalmaty=https://almaty.example/atom?x=1 # the akimat's own site\n"), 0o644)
	c = LoadConfig(envOf("GOVKZ_BASE_URL", "http://127.0.0.1:8099/", "GOVKZ_PRIMARY", "API", "POLL_ENTITIES", "none",
		"POLL_LANGS", "ru", "POLL_INTERVAL", "off", "FETCH_TIMEOUT", "5s",
		"FEEDS", "shymkent=https://shymkent.example/rss, https://other.example/feed", "FEEDS_FILE", feedsFile))
	if err := c.Validate(false); err != nil {
		t.Fatal(err)
	}
	if c.GovkzBaseURL != "http://127.0.0.1:8099" || c.GovkzPrimary != "api" || len(c.PollEntities) != 0 ||
		c.PollInterval != 0 || c.FetchTimeout != 5*time.Second || len(c.Feeds) != 4 ||
		c.Feeds[0] != (store.FeedPlan{URL: "https://shymkent.example/rss", EntitySlug: "shymkent"}) ||
		c.Feeds[3] != (store.FeedPlan{URL: "https://almaty.example/atom?x=1", EntitySlug: "almaty"}) {
		t.Errorf("polling settings: %+v", c)
	}
	bad := []struct{ key, value string }{
		{"GOVKZ_BASE_URL", "www.gov.kz"},
		{"GOVKZ_PRIMARY", "html"},
		{"POLL_ENTITIES", "shymkent,mfa/budapest"},
		{"POLL_ENTITIES", "kind:planet"},
		{"POLL_ENTITIES", "shymkent,nosuch"},
		{"POLL_LANGS", "kk,de"},
		{"POLL_INTERVAL", "10"},
		{"POLL_INTERVAL", "5s"},
		{"FETCH_TIMEOUT", "1h"},
		{"FEEDS", "ftp://example.org/rss"},
		{"FEEDS", "Bad Slug=https://example.org/rss"},
		{"FEEDS_FILE", "/nonexistent/feeds.txt"},
	}
	for _, b := range bad {
		err := LoadConfig(envOf(b.key, b.value)).Validate(false)
		if err == nil || !strings.Contains(err.Error(), strings.TrimSuffix(b.key, "_FILE")) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s=%q: Validate() = %v, want one line naming %s", b.key, b.value, err, b.key)
		}
	}
}

// envOf is a getenv over the given key, value pairs.
func envOf(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}
