package main

import (
	"bufio"
	"cmp"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/store"
)

// Config is everything newsbot reads from the environment.
type Config struct {
	DatabaseURL    string // DATABASE_URL
	TelegramToken  string // TELEGRAM_BOT_TOKEN
	TelegramAPIURL string // TELEGRAM_API_URL
	HTTPAddr       string // HTTP_ADDR: health endpoints, metrics, webhook; "" for none
	// METRICS_ADDR: health endpoints and metrics on an address of their own,
	// off the public webhook listener; "" for HTTP_ADDR when no webhook.
	MetricsAddr string

	// Serving (serve): see config_serve.go.
	WebhookURL    string        // TELEGRAM_WEBHOOK_URL; "" for long polling
	WebhookSecret string        // TELEGRAM_WEBHOOK_SECRET
	AdminChatIDs  []int64       // ADMIN_CHAT_IDS
	PollerRetry   time.Duration // POLLER_RETRY: how often a replica tries to become the poller
	// serveErr is the first malformed serving setting, reported by Validate.
	serveErr error

	// Polling the sources (fetch, serve).
	GovkzBaseURL string           // GOVKZ_BASE_URL
	GovkzPrimary string           // GOVKZ_PRIMARY: rss or api
	PollEntities []string         // POLL_ENTITIES: slugs and kind:KIND; empty for none
	PollLangs    []string         // POLL_LANGS
	PollInterval time.Duration    // POLL_INTERVAL; 0 when off (serve does not poll)
	FetchTimeout time.Duration    // FETCH_TIMEOUT, per request
	Feeds        []store.FeedPlan // FEEDS and FEEDS_FILE
	// pollErr is the first malformed polling setting, reported by Validate.
	pollErr error

	Digest DigestConfig // DIGEST_MAX_AGE_DAYS, DIGEST_MAX_ITEMS, SEND_RATE, SEND_CHAT_INTERVAL
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
		MetricsAddr:    strings.TrimSpace(getenv("METRICS_ADDR")),
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = defaultDatabaseURL
	}
	if c.TelegramAPIURL == "" {
		c.TelegramAPIURL = defaultAPIURL
	}
	c.loadPolling(getenv)
	c.loadServe(getenv)
	c.Digest = loadDigestConfig(getenv)
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
	for _, a := range [...]struct{ name, addr string }{{"HTTP_ADDR", c.HTTPAddr}, {"METRICS_ADDR", c.MetricsAddr}} {
		name, addr := a.name, a.addr
		if addr == "" {
			continue
		}
		if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
			return fmt.Errorf("%s must be host:port, like :8080 or 127.0.0.1:8080", name)
		}
	}
	if c.pollErr != nil {
		return c.pollErr
	}
	if c.Digest.err != nil {
		return c.Digest.err
	}
	if err := c.validateServe(); err != nil {
		return err
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

// loadPolling reads the polling settings. A malformed one is kept in
// pollErr for Validate, which names it; the others still load.
func (c *Config) loadPolling(getenv func(string) string) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	fail := func(format string, args ...any) {
		if c.pollErr == nil {
			c.pollErr = fmt.Errorf(format, args...)
		}
	}
	c.GovkzBaseURL = strings.TrimRight(cmp.Or(env("GOVKZ_BASE_URL"), poll.DefaultBaseURL), "/")
	if u, err := url.Parse(c.GovkzBaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fail("GOVKZ_BASE_URL must be an http(s) URL like %s", poll.DefaultBaseURL)
	}
	c.GovkzPrimary = strings.ToLower(cmp.Or(env("GOVKZ_PRIMARY"), poll.MethodRSS))
	if c.GovkzPrimary != poll.MethodRSS && c.GovkzPrimary != poll.MethodAPI {
		fail("GOVKZ_PRIMARY must be rss or api (the other one is the fallback)")
	}
	c.PollEntities = slices.Clone(poll.DefaultEntities)
	if v := strings.ToLower(env("POLL_ENTITIES")); v == "none" {
		c.PollEntities = []string{}
	} else if v != "" {
		c.PollEntities = splitList(v)
	}
	known, err := catalogueSlugs()
	if err != nil {
		fail("%v", err)
	}
	for _, e := range c.PollEntities {
		kind, isKind := strings.CutPrefix(e, poll.KindPrefix)
		switch {
		case isKind && !slices.Contains([]string{store.KindAkimat, store.KindMinistry, store.KindEmbassy, store.KindOther}, kind) ||
			!isKind && !ingest.ValidSlug(e):
			fail("POLL_ENTITIES: %q is neither an entity slug nor kind:akimat|ministry|embassy|other", e)
		case !isKind && known != nil && !known[e]:
			// A typo would otherwise become a public source of its own,
			// which chats could find and follow.
			fail("POLL_ENTITIES: %q is not an entity of the catalogue (gov.kz slugs such as shymkent or mfa-budapest)", e)
		}
	}
	c.PollLangs = slices.Clone(poll.DefaultLangs)
	if v := env("POLL_LANGS"); v != "" {
		c.PollLangs = splitList(strings.ToLower(v))
	}
	for _, l := range c.PollLangs {
		if l != "kk" && l != "ru" && l != "en" {
			fail("POLL_LANGS must list kk, ru and/or en, like kk,ru")
		}
	}
	c.PollInterval = c.duration(env("POLL_INTERVAL"), "POLL_INTERVAL", poll.DefaultInterval, time.Minute, 24*time.Hour, true)
	c.FetchTimeout = c.duration(env("FETCH_TIMEOUT"), "FETCH_TIMEOUT", poll.DefaultTimeout, time.Second, 5*time.Minute, false)
	c.loadFeeds(env("FEEDS"), env("FEEDS_FILE"))
}

// catalogueSlugs are the slugs of the entities newsbot knows.
func catalogueSlugs() (map[string]bool, error) {
	ents, err := catalogue.Load()
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(ents))
	for _, e := range ents {
		known[e.Slug] = true
	}
	return known, nil
}

// duration parses a duration setting between lo and hi; "off" (when
// allowed) is 0.
func (c *Config) duration(v, name string, def, lo, hi time.Duration, canBeOff bool) time.Duration {
	if v == "" {
		return def
	}
	if canBeOff && (v == "off" || v == "0") {
		return 0
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < lo || d > hi {
		off := ""
		if canBeOff {
			off = ", or off"
		}
		if c.pollErr == nil {
			c.pollErr = fmt.Errorf("%s must be a duration between %s and %s, like %s%s", name, lo, hi, def, off)
		}
		return def
	}
	return d
}

// loadFeeds reads the generic feeds: FEEDS lists them separated by commas
// or spaces, FEEDS_FILE one a line (# starts a comment). Each is a URL, or
// slug=URL to file its releases under that entity.
func (c *Config) loadFeeds(list, file string) {
	entries := splitList(list)
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			c.pollErr = cmp.Or(c.pollErr, fmt.Errorf("FEEDS_FILE: %w", err))
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line, _, _ := strings.Cut(sc.Text(), "#")
			entries = append(entries, splitList(line)...)
		}
	}
	for _, e := range entries {
		feed, err := parseFeedEntry(e)
		if err != nil {
			c.pollErr = cmp.Or(c.pollErr, err)
			continue
		}
		c.Feeds = append(c.Feeds, feed)
	}
}

func parseFeedEntry(e string) (store.FeedPlan, error) {
	var feed store.FeedPlan
	if slug, rest, ok := strings.Cut(e, "="); ok && !strings.Contains(slug, ":") {
		feed.EntitySlug, e = strings.ToLower(slug), rest
		if !ingest.ValidSlug(feed.EntitySlug) {
			return feed, fmt.Errorf("FEEDS: %q is not an entity slug (write slug=URL, or the URL alone)", slug)
		}
	}
	u, err := url.Parse(e)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return feed, fmt.Errorf("FEEDS: %q is not an http(s) URL", e)
	}
	feed.URL = u.String()
	return feed, nil
}

// splitList splits on commas and white space, dropping empty entries.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}
