package digest

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Digests rendered through one batch's cache are the digests rendered
// alone, whatever the releases' numbers, groups, languages and "also"
// lines, and the cache renders each distinct item once.
func TestItemCacheRendersWhatRenderDoes(t *testing.T) {
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	city := &store.Entity{ID: 7, Slug: "shymkent", NameRU: "Акимат города Шымкент", NameEN: "Akimat of Shymkent"}
	mfa := &store.Entity{ID: 8, Slug: "mfa", NameEN: "Ministry of Foreign Affairs <MFA>"}
	rel := func(id int64, e *store.Entity) store.Release {
		return store.Release{ID: id, Title: "Release & <news> " + string(rune('A'+id)), Entity: e, PublishedOn: day,
			URL: "https://www.gov.kz/memleket/entities/" + e.Slug + "/press/news/details/1" + string(rune('0'+id))}
	}
	also := []tgtext.AlsoIn{{Lang: "kk", URL: "https://www.gov.kz/memleket/entities/shymkent/press/news/details/99", Source: "Шымкент"}}
	digests := []Digest{
		{Lang: "ru", Date: day, Groups: []Group{
			{Title: "Шымкент", EntityID: 7, Items: []Item{{Release: rel(1, city)}, {Release: rel(2, city), AlsoIn: also}}},
			{Title: "вода", Keyword: true, Items: []Item{{Release: rel(3, mfa), Also: []string{"Акимат"}}}},
		}},
		// The same releases in another order, group and language, and with
		// other "also" lines: numbers and options differ.
		{Lang: "en", Date: day, More: 2, Groups: []Group{
			{Title: "water", Keyword: true, Items: []Item{{Release: rel(2, city)}, {Release: rel(1, city)}}},
			{Title: "MFA", EntityID: 8, Items: []Item{{Release: rel(3, mfa)}}},
		}},
		{Lang: "ru", Date: day, Groups: []Group{
			{Title: "вода", Keyword: true, Items: []Item{{Release: rel(3, mfa), Also: []string{"Акимат"}},
				{Release: rel(1, city)}, {Release: rel(2, city), AlsoIn: also}}},
		}},
	}
	cache := newItemCache()
	rendered := 0
	for range 2 {
		for i, d := range digests {
			rendered += d.Items()
			if got, want := renderWith(d, cache), Render(d); !reflect.DeepEqual(got, want) {
				t.Errorf("digest %d through the cache:\n%q\nwant\n%q", i, got, want)
			}
		}
	}
	if len(cache.m) >= rendered || len(cache.m) != 8 {
		t.Errorf("the cache holds %d items after rendering %d; want the 8 distinct ones", len(cache.m), rendered)
	}
}
