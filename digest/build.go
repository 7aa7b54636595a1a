package digest

import (
	"context"
	"log/slog"
	"time"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Digest is one chat's digest before rendering.
type Digest struct {
	Lang   string
	Date   time.Time // the build time in the chat's zone, for the header
	Groups []Group
	More   int // stories left out over the item limit
	// Undelivered is when a digest Telegram never took was built, in the
	// chat's zone: this one offers its releases again and says so. Zero
	// normally.
	Undelivered time.Time
}

// Items is how many stories the digest shows.
func (d Digest) Items() int {
	n := 0
	for _, g := range d.Groups {
		n += len(g.Items)
	}
	return n
}

// Group is the stories of one subscription.
type Group struct {
	Title    string // the entity's name in the chat's language, or the keyword
	Keyword  bool
	EntityID int64 // the entity of an entity group: its items need not name their source
	Items    []Item
}

// Item is one story: a release, the other sources that told it too, and
// its releases in other languages.
type Item struct {
	Release store.Release
	Also    []string
	AlsoIn  []tgtext.AlsoIn
}

// BuildOptions configure a Builder. Zero fields take their defaults.
type BuildOptions struct {
	MaxAgeDays int     // releases published longer ago are left out; default 7
	MaxItems   int     // stories in one digest before "and N more"; default 30
	Similarity float64 // SameStory's threshold; default DefaultSimilarity
	Logger     *slog.Logger
	Metrics    Metrics // build durations; nil for none
}

func (o BuildOptions) withDefaults() BuildOptions {
	if o.MaxAgeDays <= 0 {
		o.MaxAgeDays = 7
	}
	if o.MaxItems <= 0 {
		o.MaxItems = 30
	}
	if o.Similarity <= 0 {
		o.Similarity = DefaultSimilarity
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	o.Metrics = metricsOrNone(o.Metrics)
	return o
}

// DigestStore is what building and scheduling digests need of the store.
type DigestStore interface {
	DigestChatByID(ctx context.Context, id int64) (store.DigestChat, error)
	UpdateDigestChat(ctx context.Context, id int64, fn func(c *store.DigestChat) error) (store.DigestChat, error)
	ArrivalHorizon(ctx context.Context) (int64, error)
	BuildDigestBatch(ctx context.Context, now time.Time, afterID int64, limit int, toSeq int64,
		build store.DigestBatchFunc) (store.BatchOutcome, error)
	windowStore
	PreviewDigest(ctx context.Context, chatID int64, read func(ctx context.Context, src *store.DigestSource) error) error
}

// Builder builds digests: one chat at a time (Preview) or every chat that
// is due (RunPass).
type Builder struct {
	st   DigestStore
	opts BuildOptions
	log  *slog.Logger
	// beforeChat, when set, runs before each chat's build; tests use it to
	// make one chat's build panic.
	beforeChat func(chatID int64)
}

// NewBuilder returns a Builder of st's digests.
func NewBuilder(st DigestStore, opts BuildOptions) *Builder {
	opts = opts.withDefaults()
	return &Builder{st: st, opts: opts, log: opts.Logger}
}

// undeliveredIn is when c's undelivered digest was built, in c's zone; zero
// when it has none.
func undeliveredIn(c store.DigestChat) time.Time {
	if c.Undelivered == nil {
		return time.Time{}
	}
	return c.Undelivered.In(schedule.Zone(c.TimeZone))
}
