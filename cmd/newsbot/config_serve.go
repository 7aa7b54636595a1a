package main

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const defaultPollerRetry = 10 * time.Second

// webhookSecretPattern is what Telegram accepts as a secret_token.
var webhookSecretPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// reservedPaths are served by newsbot itself on HTTP_ADDR.
var reservedPaths = []string{"/healthz", "/readyz", "/metrics"}

// loadServe reads the settings of serve: webhook, admins, poller election.
// A malformed one is kept in serveErr for Validate.
func (c *Config) loadServe(getenv func(string) string) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	fail := func(format string, args ...any) {
		if c.serveErr == nil {
			c.serveErr = fmt.Errorf(format, args...)
		}
	}
	c.WebhookURL, c.WebhookSecret = env("TELEGRAM_WEBHOOK_URL"), env("TELEGRAM_WEBHOOK_SECRET")
	for _, field := range splitList(env("ADMIN_CHAT_IDS")) {
		id, err := strconv.ParseInt(field, 10, 64)
		if err != nil || id == 0 {
			fail("ADMIN_CHAT_IDS must list Telegram chat ids (whole numbers, groups negative), like 12345678,-1001234567890; %q is not one", field)
			continue
		}
		c.AdminChatIDs = append(c.AdminChatIDs, id)
	}
	c.PollerRetry = defaultPollerRetry
	if v := env("POLLER_RETRY"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 100*time.Millisecond || d > 30*time.Second {
			fail("POLLER_RETRY must be a duration between 100ms and 30s, like 10s")
		} else {
			c.PollerRetry = d
		}
	}
}

// validateServe checks the webhook settings against each other and HTTP_ADDR.
func (c Config) validateServe() error {
	if c.serveErr != nil {
		return c.serveErr
	}
	if c.WebhookURL == "" {
		if c.WebhookSecret != "" {
			return fmt.Errorf("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set both for webhook mode, or neither for long polling")
		}
		return nil
	}
	u, err := url.Parse(c.WebhookURL)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("TELEGRAM_WEBHOOK_URL must be the public https URL Telegram posts updates to, like https://bot.example.kz/telegram/hook")
	}
	for _, p := range reservedPaths {
		if webhookPath(c.WebhookURL) == p {
			return fmt.Errorf("TELEGRAM_WEBHOOK_URL's path must not be %s, which newsbot serves itself", p)
		}
	}
	if !webhookSecretPattern.MatchString(c.WebhookSecret) {
		return fmt.Errorf("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (e.g. from: openssl rand -hex 32)")
	}
	if c.HTTPAddr == "" {
		return fmt.Errorf("TELEGRAM_WEBHOOK_URL needs HTTP_ADDR, the address the webhook is served on behind your HTTPS proxy, like :8080")
	}
	return nil
}

// webhookPath is the path the webhook is served at: the URL's, "/" when it
// has none.
func webhookPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}
