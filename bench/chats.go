package bench

import (
	"strings"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
)

// Chat is a generated chat and what it follows.
type Chat struct {
	ID                     int64
	Type, Lang, Zone, Time string
	Subs                   []store.NewSubscription // EntityID unset: Value is the slug
}

// subsPerChat weighs 1 to 10 subscriptions: most chats follow a few things.
var subsPerChat = newWeighted([]float64{22, 18, 15, 12, 9, 7, 6, 5, 3, 3})

// Chats makes n chats with 1 to 10 subscriptions each, a third of them
// keywords, the rest entities, both weighted by popularity.
func (g *Generator) Chats(n int) []Chat {
	follow := make([]float64, len(g.ents))
	for i, e := range g.ents {
		follow[i] = e.follow
	}
	pickEnt := newWeighted(follow)
	pool := keywordPool()
	kw := make([]float64, len(pool))
	for i, k := range pool {
		kw[i] = k.weight
	}
	pickKw := newWeighted(kw)
	out := make([]Chat, n)
	for i := range out {
		c := g.chat(i)
		want := 1 + subsPerChat.pick(g.rng)
		seen := map[string]bool{}
		for len(c.Subs) < want {
			var s store.NewSubscription
			if g.rng.IntN(3) == 0 {
				s = subscriptions.KeywordSubscription(c.ID, pool[pickKw.pick(g.rng)].text)
			} else {
				slug := g.ents[pickEnt.pick(g.rng)].Slug
				s = store.NewSubscription{ChatID: c.ID, Kind: store.SubEntity, Value: slug, Normalized: slug}
			}
			if key := s.Kind + ":" + s.Normalized; !seen[key] {
				seen[key] = true
				c.Subs = append(c.Subs, s)
			}
		}
		out[i] = c
	}
	return out
}

// chat is the i-th chat's settings: mostly private chats in Kazakhstan's
// zone at the default 09:00, in Russian, Kazakh or English.
func (g *Generator) chat(i int) Chat {
	c := Chat{ID: 100_000_000 + int64(i)*97 + g.rng.Int64N(97), Type: "private", Time: "09:00", Zone: "Asia/Almaty"}
	if x := g.rng.IntN(100); x < 7 {
		c.ID, c.Type = -1_001_000_000_000-int64(i), "supergroup"
	}
	c.Lang = [...]string{langKK, langKK, langRU, langRU, langRU, langKK, langEN, langRU, langKK, langEN}[g.rng.IntN(10)]
	if x := g.rng.IntN(100); x < 10 {
		c.Zone = [...]string{"Asia/Aqtobe", "Asia/Oral", "Europe/Budapest", "Europe/London", "Asia/Tokyo",
			"America/New_York", "Europe/Moscow", "Asia/Tashkent", "Asia/Qyzylorda", "Europe/Istanbul"}[x]
	}
	if x := g.rng.IntN(100); x < 20 {
		c.Time = [...]string{"07:00", "07:30", "08:00", "08:30", "18:00", "20:00", "21:00", "12:00", "10:00", "06:45"}[x%10]
	}
	return c
}

type keyword struct {
	text   string
	weight float64
}

// keywordPool is what people follow as keywords: places (in English,
// Russian, Kazakh in both scripts, sometimes lower case), topics in three
// languages, officials' surnames and streets, the popular ones weighing most.
func keywordPool() []keyword {
	var out []keyword
	add := func(w float64, texts ...string) {
		for _, t := range texts {
			out = append(out, keyword{t, w / float64(len(texts))})
		}
	}
	for i, p := range domestic {
		w := 1 / float64(i+2)
		add(w, p.en, p.ru, p.ru, p.kk, toKKLatin(p.kk), strings.ToLower(p.ru))
	}
	for i := range places {
		if p := &places[i]; p.foreign {
			add(0.03, p.en, p.ru)
		}
	}
	for i, t := range topics {
		add(0.6/float64(i+2), t.en, t.ru, t.ru, t.kk)
	}
	for i, o := range officials {
		w := 0.04
		if i == 0 {
			w = 0.3
		}
		add(w, lastWord(o.en), lastWord(o.ru), lastWord(o.kk))
	}
	for _, s := range streets {
		add(0.02, s[0], s[1], s[2])
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}
