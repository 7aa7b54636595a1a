package poll

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// fetched is what one poll of a source brought.
type fetched struct {
	method      string
	batch       *batch // nil when not modified
	notModified bool
	// The validators to send next time.
	etag, lastModified string
	note               string // what went wrong on the way, when it still worked
}

const feedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"

// getFeed fetches a feed conditionally: with the validators of the last
// answer, an unchanged feed costs the server a 304 and us nothing.
func (g *getter) getFeed(ctx context.Context, rawURL, etag, lastModified string) (*answer, error) {
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", feedAccept)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	a, err := g.do(ctx, req)
	if err != nil {
		return nil, err
	}
	if a.status != http.StatusNotModified && (a.status < 200 || a.status > 299) {
		return nil, unexpected(a)
	}
	return a, nil
}

// notModified is the result of a 304: nothing to store, validators kept
// unless the server sent new ones.
func notModified(method string, a *answer, etag, lastModified string) fetched {
	return fetched{
		method: method, notModified: true,
		etag:         cmpOrString(a.header.Get("ETag"), etag),
		lastModified: cmpOrString(a.header.Get("Last-Modified"), lastModified),
	}
}

func cmpOrString(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// parseFeed parses an RSS, Atom (or JSON Feed) answer. Anything else, such
// as an HTML page served in place of the feed, is an error.
func parseFeed(a *answer) (*gofeed.Feed, error) {
	body, err := toUTF8(a.body, a.header.Get("Content-Type"), true)
	if err != nil {
		return nil, err
	}
	if err := checkFeedShape(body); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("not an RSS or Atom feed (%s)", describeBody(a.header.Get("Content-Type"), body))
	}
	if err != nil {
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	return feed, nil
}

// itemCandidate is an item's title, body and date. The body is the fuller
// of content:encoded and description: feeds put the whole text in either. A
// date that is there but cannot be read makes the item's date bad, not
// today's.
func itemCandidate(it *gofeed.Item) candidate {
	c := candidate{title: it.Title, body: it.Description}
	if len(strings.TrimSpace(it.Content)) > len(strings.TrimSpace(c.body)) {
		c.body = it.Content
	}
	switch {
	case it.PublishedParsed != nil:
		c.published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		c.published = *it.UpdatedParsed
	case strings.TrimSpace(it.Published+it.Updated) != "":
		c.badDate = true
	}
	return c
}

// itemLinks are the item's links, resolved against base, the first the
// item's own: link, other links, then a GUID that is an absolute URL (a
// GUID is often a bare id, which resolved would make a link of nothing).
func itemLinks(it *gofeed.Item, base *url.URL) []string {
	var out []string
	add := func(l string, relative bool) {
		u, err := url.Parse(strings.TrimSpace(l))
		if err != nil || l == "" || (!relative && !u.IsAbs()) {
			return
		}
		if u = base.ResolveReference(u); u.Scheme == "http" || u.Scheme == "https" {
			out = append(out, u.String())
		}
	}
	add(it.Link, true)
	for _, l := range it.Links {
		add(l, true)
	}
	add(it.GUID, false)
	return out
}

// checkFeedShape checks a feed's shape as JSON Feed or XML, by its first
// character as gofeed detects it.
func checkFeedShape(body []byte) error {
	if t := bytes.TrimSpace(body); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return checkJSONShape(t)
	}
	return checkXMLShape(body)
}
