package fakebotapi

import "time"

// Option configures a Server.
type Option func(*config)

type config struct {
	username  string
	firstName string
	pollWait  time.Duration
	now       func() time.Time
	maxCalls  int
	perSecond int
	chatMax   int
	chatPer   time.Duration
	onEvent   func(Event)
}

func defaultConfig() config {
	return config{
		username:  "newsbot_test_bot",
		firstName: "NewsBot",
		pollWait:  time.Second,
		now:       time.Now,
		maxCalls:  10000,
	}
}

// WithUsername sets the bot's username, without "@" (default "newsbot_test_bot").
func WithUsername(name string) Option {
	return func(c *config) { c.username = name }
}

// WithFirstName sets the bot's display name returned by getMe (default "NewsBot").
func WithFirstName(name string) Option {
	return func(c *config) { c.firstName = name }
}

// WithPollWait sets how long getUpdates blocks when no update is queued
// (default 1s). The client's own timeout parameter can only shorten it.
func WithPollWait(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.pollWait = d
		}
	}
}

// WithClock replaces time.Now for message dates, call times and rate
// limiting. Long polling still waits in real time.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithMaxCalls bounds how many requests Calls remembers, oldest forgotten
// first (default 10000; 0 keeps all), so a long console session does not grow
// without limit.
func WithMaxCalls(n int) Option {
	return func(c *config) { c.maxCalls = n }
}

// WithRateLimit limits sendMessage to perSecond accepted messages in any
// sliding second, over all chats (0, the default, means no limit).
func WithRateLimit(perSecond int) Option {
	return func(c *config) { c.perSecond = perSecond }
}

// WithChatRateLimit limits sendMessage to max accepted messages per chat in
// any sliding window of length per (0, the default, means no limit).
func WithChatRateLimit(max int, per time.Duration) Option {
	return func(c *config) { c.chatMax, c.chatPer = max, per }
}

// WithEvents makes the server call fn for every message the bot sends, edits
// or deletes, every callback answer and every chat action, in order, from a
// single goroutine of its own; a slow fn delays later events, never requests.
func WithEvents(fn func(Event)) Option {
	return func(c *config) { c.onEvent = fn }
}
