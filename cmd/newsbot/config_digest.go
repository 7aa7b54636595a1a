package main

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
)

// DigestConfig is what the digest reads from the environment.
type DigestConfig struct {
	MaxAgeDays   int           // DIGEST_MAX_AGE_DAYS: releases published longer ago are left out (7)
	MaxItems     int           // DIGEST_MAX_ITEMS: stories in one digest before "and N more" (30)
	SendRate     float64       // SEND_RATE: messages a second overall (30; paid broadcasts up to 1000)
	ChatInterval time.Duration // SEND_CHAT_INTERVAL: least gap between two messages to one chat (1s)
	RetryFor     time.Duration // SEND_RETRY_FOR: how long a part is retried through 5xx and timeouts (6h)
	AlertsPerDay int           // ALERTS_PER_DAY: alert messages a chat gets in 24 hours before the rest wait for its digest (20)
	err          error         // the first malformed setting, reported by Validate
}

func loadDigestConfig(getenv func(string) string) DigestConfig {
	d := DigestConfig{MaxAgeDays: 7, MaxItems: 30, SendRate: 30, ChatInterval: time.Second, RetryFor: 6 * time.Hour, AlertsPerDay: 20}
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	fail := func(format string, args ...any) {
		if d.err == nil {
			d.err = fmt.Errorf(format, args...)
		}
	}
	if v := env("DIGEST_MAX_AGE_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 365 {
			fail("DIGEST_MAX_AGE_DAYS must be a number of days from 1 to 365")
		}
		d.MaxAgeDays = n
	}
	if v := env("DIGEST_MAX_ITEMS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			fail("DIGEST_MAX_ITEMS must be a number from 1 to 200")
		}
		d.MaxItems = n
	}
	if v := env("SEND_RATE"); v != "" {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r <= 0 || r > 1000 {
			fail("SEND_RATE must be messages per second, above 0 and at most 1000 (above 30 Telegram needs paid broadcasts)")
		}
		d.SendRate = r
	}
	if v := env("SEND_CHAT_INTERVAL"); v != "" {
		iv, err := time.ParseDuration(v)
		if err != nil || iv < 0 || iv > time.Hour {
			fail("SEND_CHAT_INTERVAL must be a duration like 1s or 1500ms, at most 1h")
		}
		d.ChatInterval = iv
	}
	if v := env("SEND_RETRY_FOR"); v != "" {
		rf, err := time.ParseDuration(v)
		if err != nil || rf < time.Minute || rf > 7*24*time.Hour {
			fail("SEND_RETRY_FOR must be a duration like 6h or 90m, from 1m to 168h")
		}
		d.RetryFor = rf
	}
	if v := env("ALERTS_PER_DAY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			fail("ALERTS_PER_DAY must be a number from 1 to 1000")
		}
		d.AlertsPerDay = n
	}
	return d
}

// alertOptions are the alert passes' options from the configuration.
func (d DigestConfig) alertOptions(log *slog.Logger, m digest.Metrics) digest.AlertOptions {
	return digest.AlertOptions{PerDay: d.AlertsPerDay, Logger: log, Metrics: m}
}

// buildOptions are the digest builder's options from the configuration.
func (d DigestConfig) buildOptions(log *slog.Logger, m digest.Metrics) digest.BuildOptions {
	return digest.BuildOptions{MaxAgeDays: d.MaxAgeDays, MaxItems: d.MaxItems, Logger: log, Metrics: m}
}

// senderOptions are the digest sender's options from the configuration.
func (d DigestConfig) senderOptions(log *slog.Logger, m digest.Metrics) digest.SenderOptions {
	return digest.SenderOptions{GlobalPerSecond: d.SendRate, PerChatInterval: d.ChatInterval, RetryFor: d.RetryFor,
		Logger: log, Metrics: m}
}
