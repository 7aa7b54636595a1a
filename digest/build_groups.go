package digest

import (
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// entry is a story on its way into a digest: its release, the other
// sources that told it too (once collapsed), the group it goes to and the
// shingles it is compared by. It points at the release: a chat weighs
// hundreds, and copying each into an Item before knowing which of them the
// digest shows was a large share of a pass.
type entry struct {
	rel      *store.Release
	also     []string
	alsoIn   []tgtext.AlsoIn // the same event in other languages
	group    int
	shingles []int64
	win      int32 // the release's index in the pass's window, when built from one
}

// digestOf lays out the collapsed stories, in order, in their groups: the
// first o.MaxItems of them, the rest counted in More.
func digestOf(subs []store.SubscriptionView, stories []entry, lang string, o BuildOptions) Digest {
	d := Digest{Lang: lang}
	if len(stories) > o.MaxItems {
		d.More = len(stories) - o.MaxItems
		stories = stories[:o.MaxItems]
	}
	groups := make([]Group, len(subs))
	for _, s := range stories {
		groups[s.group].Items = append(groups[s.group].Items, Item{Release: *s.rel, Also: s.also, AlsoIn: s.alsoIn})
	}
	for i, g := range groups {
		if len(g.Items) > 0 {
			items := g.Items
			g = groupOf(subs[i], lang)
			g.Items = items
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
	return textmatch.Shingles(r.Title, r.Body)
}
