package main

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// Config is everything newsbot reads from the environment.
type Config struct {
	DatabaseURL    string // DATABASE_URL
	TelegramToken  string // TELEGRAM_BOT_TOKEN
	TelegramAPIURL string // TELEGRAM_API_URL
	HTTPAddr       string // HTTP_ADDR: health endpoints; "" for none
}

const (
	defaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable"
	defaultAPIURL      = "https://api.telegram.org"
)

// LoadConfig reads the configuration through getenv, applying defaults.
func LoadConfig(getenv func(string) string) Config {
	c := Config{
		DatabaseURL:    strings.TrimSpace(getenv("DATABASE_URL")),
		TelegramToken:  strings.TrimSpace(getenv("TELEGRAM_BOT_TOKEN")),
		TelegramAPIURL: strings.TrimSpace(getenv("TELEGRAM_API_URL")),
		HTTPAddr:       strings.TrimSpace(getenv("HTTP_ADDR")),
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = defaultDatabaseURL
	}
	if c.TelegramAPIURL == "" {
		c.TelegramAPIURL = defaultAPIURL
	}
	return c
}

var tokenPattern = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]{20,}$`)

// Validate says, in one line an operator understands, what is wrong. The
// token is checked only when needToken (serve).
func (c Config) Validate(needToken bool) error {
	u, err := url.Parse(c.DatabaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || strings.Trim(u.Path, "/") == "" {
		return fmt.Errorf("DATABASE_URL must be a URL like postgres://user@host:5432/newsbot?sslmode=disable")
	}
	u, err = url.Parse(c.TelegramAPIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("TELEGRAM_API_URL must be an http(s) URL of a Bot API server, like %s", defaultAPIURL)
	}
	if c.HTTPAddr != "" {
		if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil || port == "" {
			return fmt.Errorf("HTTP_ADDR must be host:port, like :8080 or 127.0.0.1:8080")
		}
	}
	if needToken {
		if c.TelegramToken == "" {
			return fmt.Errorf("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather (or try the bot without one: newsbot console)")
		}
		if !tokenPattern.MatchString(c.TelegramToken) {
			return fmt.Errorf("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, like 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11)")
		}
	}
	return nil
}
