package store

import (
	"regexp"
	"time"
)

// Entity kinds.
const (
	KindAkimat   = "akimat"
	KindMinistry = "ministry"
	KindEmbassy  = "embassy"
	KindOther    = "other"
)

// Subscription kinds.
const (
	SubEntity  = "entity"
	SubKeyword = "keyword"
)

// Entity is a gov.kz organisation.
type Entity struct {
	ID          int64  `db:"id"`
	Slug        string `db:"slug"`
	Kind        string `db:"kind"`
	NameKK      string `db:"name_kk"`
	NameRU      string `db:"name_ru"`
	NameEN      string `db:"name_en"`
	ParentSlug  string `db:"parent_slug"`
	InCatalogue bool   `db:"in_catalogue"`
	// Aliases are other names /sources finds the entity by (the names of
	// the places it serves, "; "-separated); written by SyncCatalogue,
	// not read back.
	Aliases string `db:"-"`
	// SlugInferred is set for a catalogue entity whose slug follows its
	// siblings' pattern without being attested: it is not polled as part
	// of a whole kind (store.SourcePlan.Kinds). Written by SyncCatalogue.
	SlugInferred bool `db:"-"`
}

// Name is the entity's name in lang, falling back to the other languages and
// finally to the slug.
func (e Entity) Name(lang string) string {
	order := map[string][]string{
		"kk": {e.NameKK, e.NameRU, e.NameEN},
		"ru": {e.NameRU, e.NameKK, e.NameEN},
	}[lang]
	if order == nil {
		order = []string{e.NameEN, e.NameRU, e.NameKK}
	}
	for _, n := range order {
		if n != "" {
			return n
		}
	}
	return e.Slug
}

// countryQualifier is what names of Kazakhstan's own bodies say of the
// country, in each language: "Қазақстан Республикасының Венгриядағы
// елшілігі", "Посольство Республики Казахстан в Венгрии", "Embassy of the
// Republic of Kazakhstan in Hungary". The same pattern, a POSIX ARE as
// well as Go's, drops it in SQL (shortNameSQL), for sorting by ShortName.
const countryQualifier = `^Қазақстан Республикасы(ның)? | Республики Казахстан| of the Republic of Kazakhstan`

var countryQualifierRE = regexp.MustCompile(countryQualifier)

// ShortName is Name without the country a Kazakhstani body's name says it
// belongs to ("Embassy in Hungary", "Венгриядағы елшілігі", "Министерство
// обороны"): what a button has room for, where every name would start
// alike and lose its end to the button's width.
func (e Entity) ShortName(lang string) string {
	if short := countryQualifierRE.ReplaceAllString(e.Name(lang), ""); short != "" {
		return short
	}
	return e.Name(lang)
}

// NewRelease is a release as the importer hands it to the store.
type NewRelease struct {
	EntitySlug string // "" when the source is unknown
	// EntityName is the organisation's name as the release's own metadata
	// gives it (a JSONL "entity_name", a feed's title), in Lang; "" when
	// it gives none. It names an entity first seen here (resolveEntities);
	// a catalogue entity keeps the catalogue's names.
	EntityName  string
	GovkzID     int64  // 0 when the URL is unknown
	ContentHash string // always set; identity when GovkzID is 0
	URL         string // canonical gov.kz URL, "" when unknown
	Title       string
	Body        string // plain text, paragraphs separated by a blank line
	Lang        string // "kk", "ru", "en" or ""
	PublishedOn time.Time
	// Shingles are the release's text shingles for near-duplicate detection
	// (textmatch.Shingles); nil stores none, and the digest computes them.
	Shingles []int64
}

// Release is a stored release with its entity's names.
type Release struct {
	ID          int64     `db:"id"`
	ArrivalSeq  int64     `db:"arrival_seq"`
	ArrivedAt   time.Time `db:"arrived_at"`
	GovkzID     *int64    `db:"govkz_id"`
	URL         string    `db:"url"`
	Title       string    `db:"title"`
	Body        string    `db:"body"`
	Lang        string    `db:"lang"`
	PublishedOn time.Time `db:"published_on"`
	Entity      *Entity   `db:"-"`
	// Snippet is set by Search: a short excerpt around the matched words.
	Snippet string `db:"snippet"`
}

// Chat is a Telegram chat that talked to the bot.
type Chat struct {
	ID            int64     `db:"id"`
	Type          string    `db:"type"`
	Lang          string    `db:"lang"`
	TimeZone      string    `db:"time_zone"`
	DigestTime    string    `db:"digest_time"` // "HH:MM"
	DigestEnabled bool      `db:"digest_enabled"`
	Active        bool      `db:"active"`
	CreatedAt     time.Time `db:"created_at"`
	Title         string    `db:"title"` // a group's or channel's title, as last seen
	// ActingChatID is, for a private chat, the channel its settings commands
	// apply to; 0 when they apply to the chat itself.
	ActingChatID int64 `db:"acting_chat_id"`
}

// Subscription is one rule of a chat: an entity or a keyword.
type Subscription struct {
	ID         int64     `db:"id"`
	ChatID     int64     `db:"chat_id"`
	Kind       string    `db:"kind"`
	Value      string    `db:"value"`
	Normalized string    `db:"normalized"`
	EntityID   *int64    `db:"entity_id"`
	MatchQuery string    `db:"match_query"`
	AfterSeq   int64     `db:"after_seq"`
	CreatedAt  time.Time `db:"created_at"`
	Delivery   string    `db:"delivery"` // DeliverDigest, DeliverInstant or DeliverBoth
}

// Delivery modes of a subscription.
const (
	DeliverDigest  = "digest"  // in the morning digest (the default)
	DeliverInstant = "instant" // as an alert when it arrives; in the digest only if no alert went
	DeliverBoth    = "both"    // as an alert, and in the digest as well
)

// Alerts reports whether the mode sends alerts.
func Alerts(delivery string) bool { return delivery == DeliverInstant || delivery == DeliverBoth }
