package poll

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// feeds reads the generic RSS/Atom feeds the operator names.
type feeds struct {
	get   *getter
	clock func() time.Time
}

// fetch polls one feed conditionally. An item linking a gov.kz release is
// that release (filed under the entity of its URL); any other item is a
// release of the feed's entity, if it has one, identified by its link. The
// feed's title names the feed's entity when the store does not know it
// (store.NewRelease.EntityName).
func (f *feeds) fetch(ctx context.Context, src store.Source) (fetched, error) {
	a, err := f.get.getFeed(ctx, src.URL, src.ETag, src.LastModified)
	if err != nil {
		return fetched{}, err
	}
	if a.status == 304 {
		return notModified(methodFeed, a, src.ETag, src.LastModified), nil
	}
	feed, err := parseFeed(a)
	if err != nil {
		return fetched{}, err
	}
	base, _ := url.Parse(src.URL)
	lang := feedLang(feed.Language)
	b, now := newBatch(), f.clock()
	for _, it := range feed.Items {
		c := itemCandidate(it)
		c.lang = lang
		links := itemLinks(it, base)
		c.ref = ingest.GovkzRef{Slug: src.EntitySlug}
		if ref, ok := firstGovkz(links); ok {
			c.ref = ref
		} else if len(links) > 0 {
			c.link = links[0]
		}
		if c.ref.Slug == src.EntitySlug {
			c.entityName = feed.Title // the feed's, not the linked entity's
		}
		b.add(c, false, now)
	}
	return fetched{method: methodFeed, batch: b,
		etag: a.header.Get("ETag"), lastModified: a.header.Get("Last-Modified")}, nil
}

func firstGovkz(links []string) (ingest.GovkzRef, bool) {
	for _, l := range links {
		if ref, ok := ingest.ParseGovkzURL(l); ok {
			return ref, true
		}
	}
	return ingest.GovkzRef{}, false
}

// feedLang is the feed's declared language when it is one newsbot knows:
// "ru-RU" is ru, "kz" (a common mistake for Kazakh) is kk.
func feedLang(l string) string {
	l, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(l)), "-")
	l, _, _ = strings.Cut(l, "_")
	switch l {
	case "kk", "kz", "kaz":
		return "kk"
	case "ru", "rus":
		return "ru"
	case "en", "eng":
		return "en"
	}
	return ""
}
