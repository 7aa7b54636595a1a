package digest

import (
	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
)

// entry is a story on its way into a digest: its item, the group it goes
// to and the shingles it is compared by.
type entry struct {
	item     Item
	group    int
	shingles []int64
	win      int32 // the release's index in the pass's window, when built from one
}

// assemble decides a digest from the chat's subscriptions (in their order:
// entities first) and the releases it may hold (newest first). Each release
// goes to the group of the first subscription it matches, so it appears
// once; near-duplicates collapse; the first o.MaxItems stories are kept and
// the rest counted in More.
func assemble(subs []store.SubscriptionView, rels []store.DigestRelease, lang string, o BuildOptions) Digest {
	return assembleBy(subs, rels, lang, o, nil)
}

// assembleBy is assemble; when w is not nil, rels are w's releases in the
// same order as wins (their indices in w), and the near-duplicates w found
// are collapsed without comparing shingles again.
func assembleBy(subs []store.SubscriptionView, rels []store.DigestRelease, lang string, o BuildOptions, w *windowChat) Digest {
	groups := make([]Group, len(subs))
	rank := make(map[int64]int, len(subs))
	for i, s := range subs {
		rank[s.ID] = i
		groups[i] = groupOf(s, lang)
	}
	byGroup := make([][]entry, len(subs))
	for n, r := range rels {
		g := -1
		for _, id := range r.Subscriptions {
			if i, ok := rank[id]; ok && (g < 0 || i < g) {
				g = i
			}
		}
		if g < 0 { // a subscription removed while the release was read
			continue
		}
		e := entry{item: Item{Release: r.Release}, group: g}
		if w != nil {
			e.win = w.wins[n]
			e.shingles = w.w.shingles[e.win]
		} else {
			e.shingles = shinglesOf(r)
		}
		byGroup[g] = append(byGroup[g], e)
	}
	var ordered []entry
	for _, es := range byGroup {
		ordered = append(ordered, es...)
	}
	var stories []entry
	if w != nil {
		stories = collapseBy(ordered, &windowStories{w: w.w, story: map[int32]int{}}, lang)
	} else {
		stories = collapse(ordered, o.Similarity, lang)
	}
	d := Digest{Lang: lang}
	if len(stories) > o.MaxItems {
		d.More = len(stories) - o.MaxItems
		stories = stories[:o.MaxItems]
	}
	for _, s := range stories {
		groups[s.group].Items = append(groups[s.group].Items, s.item)
	}
	for _, g := range groups {
		if len(g.Items) > 0 {
			d.Groups = append(d.Groups, g)
		}
	}
	return d
}

// groupOf is the empty group of a subscription.
func groupOf(s store.SubscriptionView, lang string) Group {
	if s.Kind == store.SubEntity && s.Entity != nil {
		return Group{Title: s.Entity.Name(lang), EntityID: s.Entity.ID}
	}
	return Group{Title: s.Value, Keyword: true}
}

// shinglesOf are the shingles stored at ingest, or computed now for a
// release stored before they were.
func shinglesOf(r store.DigestRelease) []int64 {
	if len(r.Shingles) > 0 {
		return r.Shingles
	}
	return subscriptions.Shingles(r.Title, r.Body)
}

// displayTitle is the title a reader sees (bot.DisplayTitle).
func displayTitle(r store.Release, lang string) string { return bot.DisplayTitle(r, lang) }
