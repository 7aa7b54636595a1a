package poll

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// govkzSite is where release links point, whatever base URL the requests
// go to: a relative link in a mirror's feed is still a gov.kz release.
var govkzSite = &url.URL{Scheme: "https", Host: "www.gov.kz"}

// govkz reads gov.kz entities, by RSS or by the JSON list API.
type govkz struct {
	base    string
	primary string
	get     *getter
	api     *govkzAPI
	clock   func() time.Time
}

func newGovkz(o Options, g *getter, st Store) *govkz {
	return &govkz{
		base: o.BaseURL, primary: o.Primary, get: g, clock: o.Clock,
		api: &govkzAPI{base: o.BaseURL, get: g, known: st.KnownVersions, clock: o.Clock,
			ticket: &ticket{base: o.BaseURL, get: g}},
	}
}

// fetch polls the source with the primary method, and with the other one
// when the primary fails. Both failing is the source's failure, naming both.
func (g *govkz) fetch(ctx context.Context, src store.Source) (fetched, error) {
	methods := []string{MethodRSS, MethodAPI}
	if g.primary == MethodAPI {
		methods = []string{MethodAPI, MethodRSS}
	}
	var errs methodErrors
	for _, m := range methods {
		f, err := g.fetchWith(ctx, m, src)
		if err == nil {
			if len(errs.errs) > 0 {
				f.note = errs.methods[0] + ": " + errs.errs[0].Error() + "; used " + m
			}
			return f, nil
		}
		if ctx.Err() != nil {
			return fetched{}, ctx.Err()
		}
		errs.methods, errs.errs = append(errs.methods, m), append(errs.errs, err)
	}
	return fetched{}, &errs
}

// methodErrors are the failures of each method tried on a source, in the
// order tried; they stay errors, so that a caller can tell a host that
// was down from one that answered badly.
type methodErrors struct {
	methods []string
	errs    []error
}

func (m *methodErrors) Error() string {
	parts := make([]string, len(m.errs))
	for i, err := range m.errs {
		parts[i] = m.methods[i] + ": " + err.Error()
	}
	return strings.Join(parts, "; ")
}

func (m *methodErrors) Unwrap() []error { return m.errs }

func (g *govkz) fetchWith(ctx context.Context, method string, src store.Source) (fetched, error) {
	if method == MethodAPI {
		// The feed's validators stay for the next RSS request.
		f, err := g.api.fetch(ctx, src)
		f.etag, f.lastModified = src.ETag, src.LastModified
		return f, err
	}
	return g.rss(ctx, src)
}

// rss reads GET /api/v1/public/rss/<entity>/news/<lang>. The item shape is
// unconfirmed: the release is found from the link, another link, or a GUID
// that is a release URL or a bare release id.
func (g *govkz) rss(ctx context.Context, src store.Source) (fetched, error) {
	u := g.base + "/api/v1/public/rss/" + url.PathEscape(src.EntitySlug) + "/news/" + src.Lang
	a, err := g.get.getFeed(ctx, u, src.ETag, src.LastModified)
	if err != nil {
		return fetched{}, err
	}
	if a.status == 304 {
		return notModified(MethodRSS, a, src.ETag, src.LastModified), nil
	}
	feed, err := parseFeed(a)
	if err != nil {
		return fetched{}, err
	}
	b, now := newBatch(), g.clock()
	for _, it := range feed.Items {
		c := itemCandidate(it)
		c.ref, c.lang = rssRef(itemLinks(it, govkzSite), it.GUID, src.EntitySlug), src.Lang
		if c.ref.Slug == src.EntitySlug {
			// The channel's title, presumably the organisation's name
			// (unconfirmed); it only names an entity the store does not know.
			c.entityName = feed.Title
		}
		b.add(c, true, now)
	}
	if n := len(feed.Items); n > 0 && b.skipped[SkipNoLink] == n {
		// Items of a shape we do not know: a failure, so that the API is
		// tried, rather than a success that stores nothing, ever.
		return fetched{}, fmt.Errorf("none of the %d items links a gov.kz release", n)
	}
	return fetched{method: MethodRSS, batch: b,
		etag: a.header.Get("ETag"), lastModified: a.header.Get("Last-Modified")}, nil
}

// rssRef finds the gov.kz release of an RSS item.
func rssRef(links []string, guid, slug string) ingest.GovkzRef {
	if ref, ok := firstGovkz(links); ok {
		return ref
	}
	if id, err := strconv.ParseInt(strings.TrimSpace(guid), 10, 64); err == nil && id > 0 {
		return ingest.GovkzRef{Slug: slug, ID: id, URL: ingest.CanonicalURL(slug, id)}
	}
	return ingest.GovkzRef{}
}
