package bot

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// unknownSource says, when slug names no source, that it is unknown and
// which slugs are closest to it; unknown is false for a known source.
func (b *Bot) unknownSource(ctx context.Context, c chatCtx, slug string) (html string, unknown bool, err error) {
	_, err = b.st.EntityBySlug(ctx, slug)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return "", false, err
	}
	slugs, err := b.st.EntitySlugs(ctx)
	if err != nil {
		return "", false, err
	}
	html = tgtext.Tr(c.lang, tgtext.MsgUnknownSource, echo(slug))
	if close := closestSlugs(strings.ToLower(slug), slugs, 3); len(close) > 0 {
		html += "\n" + tgtext.Tr(c.lang, tgtext.MsgDidYouMean, tgtext.Esc(strings.Join(close, ", ")))
	} else {
		html += "\n" + tgtext.Tr(c.lang, tgtext.MsgSeeSources)
	}
	return html, true, nil
}

// closestSlugs are up to n slugs within a few edits of typed, or that
// contain it, nearest first.
func closestSlugs(typed string, slugs []string, n int) []string {
	type near struct {
		slug string
		d    int
	}
	maxEdits := max(1, min(3, len(typed)/3))
	var found []near
	for _, s := range slugs {
		d := editDistance(typed, s)
		if len(typed) >= 3 && strings.Contains(s, typed) {
			d = min(d, 1)
		}
		if d <= maxEdits {
			found = append(found, near{s, d})
		}
	}
	slices.SortStableFunc(found, func(a, b near) int { return a.d - b.d })
	out := make([]string, 0, n)
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.slug)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, by bytes (slugs
// are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
