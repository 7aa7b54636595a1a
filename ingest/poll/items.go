package poll

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// Reasons an item of an answer is not stored.
const (
	SkipEmpty     = "empty"               // neither title nor body
	SkipNoLink    = "no release link"     // a gov.kz item without a gov.kz release URL
	SkipBadDate   = "bad date"            // before 2000, or days in the future
	SkipMalformed = "malformed item"      // an item the parser could not read
	SkipDuplicate = "duplicate in answer" // the same release twice in one answer
)

// oldestDate is the earliest publication date believed: gov.kz and the
// sites we read did not publish before it, so an earlier one is a parse
// error (a zero or epoch timestamp).
var oldestDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// trustDetectionFrom is the body length, in characters, from which the
// detected language overrides the one the source declares: gov.kz serves a
// release in another language when it lacks a translation, and a long text
// does not leave the detector in doubt, while a short one can.
const trustDetectionFrom = 200

// candidate is an item as a source gave it, before validation.
type candidate struct {
	ref       ingest.GovkzRef // the gov.kz release, when the item is one
	link      string          // the item's own page, for items of other sites
	title     string          // HTML or plain text
	body      string          // HTML or plain text
	lang      string          // declared by the source, "" when it does not say
	published time.Time       // zero when the item has no date
	badDate   bool            // a date was given but could not be read
	// entityName names the release's entity (the feed's title, for an item
	// of the feed's own entity); "" when the source does not say.
	entityName string
}

// batch is the valid releases of one answer and the items skipped.
type batch struct {
	rels    []store.NewRelease
	skipped map[string]int
	seen    map[string]bool
}

func newBatch() *batch {
	return &batch{skipped: map[string]int{}, seen: map[string]bool{}}
}

func (b *batch) skip(reason string) { b.skipped[reason]++ }

// add validates c and keeps it as a release. govkz requires a gov.kz
// release URL, as every item of a gov.kz source has; now dates items that
// have no date of their own (seen today, published today at the latest).
func (b *batch) add(c candidate, govkz bool, now time.Time) {
	if govkz && c.ref.ID == 0 {
		b.skip(SkipNoLink)
		return
	}
	title, body := ingest.HTMLToText(c.title), ingest.HTMLToText(c.body)
	day := ingest.PublishedDay(now)
	if !c.published.IsZero() {
		day = ingest.PublishedDay(c.published)
	}
	if c.badDate || day.Before(oldestDate) || day.After(ingest.PublishedDay(now).AddDate(0, 0, 2)) {
		b.skip(SkipBadDate)
		return
	}
	r := ingest.Release(c.ref, title, body, chooseLang(c.lang, title, body), day)
	if r.Title == "" && r.Body == "" {
		b.skip(SkipEmpty)
		return
	}
	if r.GovkzID == 0 {
		r.URL = c.link
	}
	if r.EntitySlug != "" {
		r.EntityName = ingest.HTMLToText(c.entityName)
	}
	key := "hash:" + r.ContentHash
	switch {
	case r.GovkzID > 0:
		key = fmt.Sprintf("govkz:%s/%d", r.EntitySlug, r.GovkzID)
	case r.URL != "":
		key = "url:" + r.URL
	}
	if b.seen[key] {
		b.skip(SkipDuplicate)
		return
	}
	b.seen[key] = true
	b.rels = append(b.rels, r)
}

// oldestFirst orders the releases for storing: sources list the newest
// first, and arrival order should follow publication (see ingest.Import).
func (b *batch) oldestFirst() []store.NewRelease {
	rels := slices.Clone(b.rels)
	slices.Reverse(rels)
	slices.SortStableFunc(rels, func(x, y store.NewRelease) int { return x.PublishedOn.Compare(y.PublishedOn) })
	return rels
}

// chooseLang is the language of an item: the one its source declares,
// unless a long text is detected as another; detected when undeclared.
func chooseLang(declared, title, body string) string {
	detected := ingest.DetectLang(title, body)
	switch {
	case declared == "":
		return detected
	case detected != "" && detected != declared && utf8.RuneCountInString(body) >= trustDetectionFrom:
		return detected
	}
	return declared
}
