package poll

import (
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// The two ways of reading a gov.kz entity.
const (
	MethodRSS = "rss" // GET /api/v1/public/rss/<entity>/news/<lang>
	MethodAPI = "api" // the JSON list API, after the cookie-ticket handshake
)

// methodFeed is the method of generic feeds, as recorded in a source's state.
const methodFeed = "feed"

// Defaults of Options.
const (
	DefaultBaseURL  = "https://www.gov.kz"
	DefaultInterval = 10 * time.Minute
	DefaultTimeout  = 30 * time.Second
	DefaultMaxBytes = 5 << 20
	defaultWorkers  = 8
	defaultTick     = 30 * time.Second
)

// KindPrefix marks an entry of Options.Entities that stands for every entity
// of a kind: "kind:embassy".
const KindPrefix = "kind:"

// DefaultEntities are polled when the operator names none: the three cities
// of republican significance, the foreign ministry and every embassy.
var DefaultEntities = []string{"shymkent", "astana", "almaty", "mfa", KindPrefix + store.KindEmbassy}

// DefaultLangs are the languages polled of each gov.kz entity.
var DefaultLangs = []string{"kk", "ru"}

// Options configure a Poller. Zero fields take the defaults above.
type Options struct {
	BaseURL   string   // gov.kz or a mirror of it, without a trailing slash
	Primary   string   // MethodRSS or MethodAPI; the other is the fallback
	Entities  []string // slugs, and KindPrefix+kind for a whole kind
	Langs     []string // kk, ru, en
	Feeds     []store.FeedPlan
	Interval  time.Duration // between two polls of one source
	Timeout   time.Duration // for one request, its whole answer included
	MaxBytes  int64         // the largest answer read
	UserAgent string
	Workers   int           // sources polled at once; requests to one host are fewer (perHost)
	Tick      time.Duration // how often Run looks for due sources
	Logger    *slog.Logger
	Clock     func() time.Time // to allow overriding time for tests
	Rand      func() float64   // in [0, 1), for jitter; fixed in tests
	// Observe, when set, is told the result of every poll made (not of
	// sources another poller held): metrics count fetches with it.
	Observe func(Result)
}

func (o Options) withDefaults() Options {
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	if o.Primary == "" {
		o.Primary = MethodRSS
	}
	if o.Entities == nil {
		o.Entities = DefaultEntities
	}
	if len(o.Langs) == 0 {
		o.Langs = DefaultLangs
	}
	o.Interval = orDefault(o.Interval, DefaultInterval)
	o.Timeout = orDefault(o.Timeout, DefaultTimeout)
	o.MaxBytes = orDefault(o.MaxBytes, DefaultMaxBytes)
	o.Workers = orDefault(o.Workers, defaultWorkers)
	o.Tick = orDefault(o.Tick, defaultTick)
	if o.UserAgent == "" {
		o.UserAgent = "newsbot (+https://github.com/newsbot-kz/newsbot)"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	return o
}

func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// validate checks what withDefaults cannot fix.
func (o Options) validate() error {
	if u, err := url.Parse(o.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("poll: base URL %q is not an http(s) URL", o.BaseURL)
	}
	if o.Primary != MethodRSS && o.Primary != MethodAPI {
		return fmt.Errorf("poll: primary method %q is neither %s nor %s", o.Primary, MethodRSS, MethodAPI)
	}
	for _, l := range o.Langs {
		if !slices.Contains([]string{"kk", "ru", "en"}, l) {
			return fmt.Errorf("poll: language %q is not one of kk, ru, en", l)
		}
	}
	for _, e := range o.Entities {
		if kind, ok := strings.CutPrefix(e, KindPrefix); ok {
			if !slices.Contains([]string{store.KindAkimat, store.KindMinistry, store.KindEmbassy, store.KindOther}, kind) {
				return fmt.Errorf("poll: %q names no entity kind (akimat, ministry, embassy, other)", e)
			}
		} else if !ingest.ValidSlug(e) {
			return fmt.Errorf("poll: %q is not an entity slug", e)
		}
	}
	return nil
}

// plan is what the poller keeps in the sources table: the configured
// entities and kinds, every entity a chat follows, extra entities named for
// one pass, and the feeds.
func (o Options) plan(extra []string) store.SourcePlan {
	p := store.SourcePlan{Langs: o.Langs, Subscribed: true, Feeds: o.Feeds}
	for _, e := range o.Entities {
		if kind, ok := strings.CutPrefix(e, KindPrefix); ok {
			p.Kinds = append(p.Kinds, kind)
		} else {
			p.Slugs = append(p.Slugs, e)
		}
	}
	p.Slugs = append(p.Slugs, extra...)
	return p
}
