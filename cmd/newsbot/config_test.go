package main

import (
	"strings"
	"testing"
)

func TestConfigValidate(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name      string
		getenv    func(string) string
		needToken bool
		wantErr   string // "" for valid; otherwise the setting the message must name
	}{
		{"defaults", env(), false, ""},
		{"serve without token", env(), true, "TELEGRAM_BOT_TOKEN is not set"},
		{"malformed token", env("TELEGRAM_BOT_TOKEN", "hello"), true, "TELEGRAM_BOT_TOKEN does not look like"},
		{"good token", env("TELEGRAM_BOT_TOKEN", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), true, ""},
		{"mysql url", env("DATABASE_URL", "mysql://root@localhost/x"), false, "DATABASE_URL"},
		{"no database name", env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432"), false, "DATABASE_URL"},
		{"bad api url", env("TELEGRAM_API_URL", "api.telegram.org"), false, "TELEGRAM_API_URL"},
		{"bad http addr", env("HTTP_ADDR", "8080"), false, "HTTP_ADDR"},
		{"good http addr", env("HTTP_ADDR", ":8080"), false, ""},
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
