package poll

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

const (
	apiPageSize = 20
	// maxAPIPages bounds one poll: the first poll of an entity stores its
	// hundred newest releases, not its whole history.
	maxAPIPages = 5
)

// govkzAPI reads the JSON list API of the gov.kz web app.
type govkzAPI struct {
	base   string
	get    *getter
	ticket *ticket
	known  func(ctx context.Context, slug, lang string, ids []int64) ([]int64, error)
	clock  func() time.Time
}

// fetch pages through the entity's news, newest first, until an empty or
// short page, a page of releases already stored in this language, or
// maxAPIPages. Every item read is kept, known ones too, so that an edit of
// a recent release is seen. A failing later page keeps the pages before it.
func (a *govkzAPI) fetch(ctx context.Context, src store.Source) (fetched, error) {
	b, now := newBatch(), a.clock()
	seen := map[int64]bool{}
	f := fetched{method: MethodAPI, batch: b}
	for page := 1; page <= maxAPIPages; page++ {
		items, err := a.page(ctx, src, page)
		if err != nil && page == 1 {
			return fetched{}, err
		}
		if err != nil {
			f.note = fmt.Sprintf("page %d: %v; kept pages 1-%d", page, err, page-1)
			break
		}
		var ids []int64
		for _, raw := range items {
			c, id, ok := apiCandidate(raw, src)
			if !ok {
				b.skip(SkipMalformed)
				continue
			}
			if !seen[id] {
				ids = append(ids, id)
			}
			seen[id] = true
			b.add(c, true, now)
		}
		if len(items) < apiPageSize || len(ids) == 0 { // the last page, or one repeated
			break
		}
		known, err := a.known(ctx, src.EntitySlug, src.Lang, ids)
		if err != nil {
			return fetched{}, err
		}
		if len(known) == len(ids) {
			break
		}
	}
	return f, nil
}

// page fetches one page, renewing the ticket once when it is refused.
func (a *govkzAPI) page(ctx context.Context, src store.Source, page int) ([]map[string]any, error) {
	for attempt := 0; ; attempt++ {
		gen, err := a.ticket.current(ctx)
		if err != nil {
			return nil, err
		}
		ans, err := a.list(ctx, src, page)
		if err != nil {
			return nil, err
		}
		if notAllowed(ans) && attempt == 0 {
			if err := a.ticket.renew(ctx, gen); err != nil {
				return nil, err
			}
			continue
		}
		if ans.status != http.StatusOK {
			if notAllowed(ans) {
				return nil, fmt.Errorf("%w (notAllowed even with a fresh ticket)", unexpected(ans))
			}
			return nil, unexpected(ans)
		}
		return decodeList(ans)
	}
}

func (a *govkzAPI) list(ctx context.Context, src store.Source, page int) (*answer, error) {
	// Written out rather than url.Values-encoded, to keep the colons as the
	// web app sends them; slugs need no escaping beyond PathEscape.
	u := fmt.Sprintf("%s/api/v1/public/content-manager/news?projects=eq:%s&sort-by=created_date:DESC&page=%d&size=%d",
		a.base, url.PathEscape(src.EntitySlug), page, apiPageSize)
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Language", src.Lang)
	return a.get.do(ctx, req)
}
