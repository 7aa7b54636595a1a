package bench

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/store"
)

// entity is a catalogue entity with how much it publishes and how many
// chats follow it.
type entity struct {
	store.Entity
	home    *place  // the place its releases are mostly about; nil for none
	publish float64 // relative number of releases a day
	follow  float64 // relative number of followers
}

// kindByte is the template kind of its releases (see template).
func (e *entity) kindByte() byte {
	switch e.Kind {
	case store.KindMinistry:
		return 'm'
	case store.KindEmbassy:
		return 'e'
	}
	return 'l'
}

// loadEntities reads the catalogue. The capital and the two cities of
// republican significance publish and are followed most, then the regions
// and the ministries; embassies publish little.
func loadEntities() ([]*entity, error) {
	cat, err := catalogue.Load()
	if err != nil {
		return nil, err
	}
	homes := map[string]*place{}
	for i := range places {
		homes[places[i].key] = &places[i]
	}
	out := make([]*entity, 0, len(cat))
	for _, c := range cat {
		e := &entity{Entity: c, home: homes[c.Slug], publish: 1, follow: 1}
		switch {
		case c.Slug == "astana" || c.Slug == "almaty" || c.Slug == "shymkent":
			e.publish, e.follow = 8, 30
		case c.Slug == "mfa":
			e.publish, e.follow = 5, 12
		case c.Kind == store.KindAkimat && c.ParentSlug == "":
			e.publish, e.follow = 4, 6
		case c.Kind == store.KindAkimat:
			e.publish, e.follow = 1.5, 1.5
		case c.Kind == store.KindMinistry:
			e.publish, e.follow = 2.5, 4
		case c.Kind == store.KindEmbassy:
			e.publish, e.follow = 0.6, 0.8
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out, nil
}

// weighted picks indices in proportion to their weights.
type weighted struct{ cum []float64 }

func newWeighted(ws []float64) weighted {
	cum := make([]float64, len(ws))
	total := 0.0
	for i, w := range ws {
		total += w
		cum[i] = total
	}
	return weighted{cum}
}

func (w weighted) pick(rng *rand.Rand) int {
	x := rng.Float64() * w.cum[len(w.cum)-1]
	return sort.SearchFloat64s(w.cum, x)
}

// skewed picks an index below n, low indices more often: the vocabulary
// lists the most frequent names and topics first.
func skewed(rng *rand.Rand, n int) int {
	return min(n-1, int(float64(n)*math.Pow(rng.Float64(), 1.5)))
}

var domestic = func() []*place {
	var out []*place
	for i := range places {
		if !places[i].foreign {
			out = append(out, &places[i])
		}
	}
	return out
}()

func domesticPlace(rng *rand.Rand) *place { return domestic[skewed(rng, len(domestic))] }

// embassyTopics are what embassies write about: consular services, visas,
// trade, investment, tourism, culture, education.
var embassyTopics = []int{26, 27, 28, 15, 7, 20, 18}

func pickTopic(rng *rand.Rand, e *entity) *topic {
	if e != nil && e.Kind == store.KindEmbassy {
		return &topics[embassyTopics[rng.IntN(len(embassyTopics))]]
	}
	for {
		i := skewed(rng, len(topics))
		if i != 26 && i != 27 {
			return &topics[i]
		}
	}
}

// Officials by the kind of entity whose releases name them (indices into
// officials).
var officialsOf = map[string][]int{
	store.KindAkimat:   {4, 5, 6, 10, 11, 0},
	store.KindMinistry: {1, 2, 3, 7, 8, 9, 0},
	store.KindEmbassy:  {2, 3, 0},
}

func pickOfficial(rng *rand.Rand, e *entity) *official {
	if ids, ok := officialsOf[e.Kind]; ok {
		return &officials[ids[rng.IntN(len(ids))]]
	}
	return &officials[rng.IntN(len(officials))]
}
