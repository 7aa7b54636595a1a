package bench

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// archiveDays is how far back the generated archive reaches.
const archiveDays = 730

// Release is a generated release: what the importer would hand the store,
// its arrival, and, for some gov.kz releases, its version in the other of
// kk and ru (the same story, as gov.kz publishes it in both).
type Release struct {
	store.NewRelease
	ArrivedAt time.Time
	Other     *store.NewRelease
	seq       int64 // id and arrival sequence, when bulk-loaded
	// pending is the text still to go through ingest.Release (complete),
	// when the generator left it to the loader's workers.
	pending *pendingText
}

// pendingText is what ingest.Release is still to make into a Release's
// NewRelease and Other.
type pendingText struct {
	ref                   ingest.GovkzRef
	title, body           string
	other                 string // the other version's language, "" when none
	otherTitle, otherBody string
}

// complete makes r's text into what the importer would store, when the
// generator left that to the caller (Generator.archive).
func (r *Release) complete() {
	p := r.pending
	if p == nil {
		return
	}
	r.NewRelease = ingest.Release(p.ref, p.title, p.body, r.Lang, r.PublishedOn)
	if p.other != "" {
		o := ingest.Release(p.ref, p.otherTitle, p.otherBody, p.other, r.PublishedOn)
		r.Other = &o
	}
	r.pending = nil
}

// Generator makes releases and chats. The same seed makes the same data.
type Generator struct {
	rng    *rand.Rand
	ents   []*entity
	pub    weighted
	govkz  int64           // the last gov.kz id handed out; ids grow with time
	hashes map[string]bool // content hashes of releases without a gov.kz id
	// deferText leaves ingest.Release (most of the cost of a release) to
	// the caller for releases with a gov.kz id, which need no content hash
	// to be told apart: see Release.complete.
	deferText bool
	// Made counts what was generated, for the report.
	Made Counts
}

// Counts describes generated releases.
type Counts struct {
	Releases              int
	Lang                  map[string]int // "kk", "kk-Latn", "ru", "en"
	NoLink, Versions      int            // without a gov.kz link; with a kk/ru version
	TitleRunes, BodyRunes int            // total lengths, in characters
	FirstDay, LastDay     time.Time
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(seed uint64) (*Generator, error) {
	ents, err := loadEntities()
	if err != nil {
		return nil, err
	}
	ws := make([]float64, len(ents))
	for i, e := range ents {
		ws[i] = e.publish
	}
	return &Generator{
		rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), ents: ents,
		pub: newWeighted(ws), govkz: 300_000, hashes: map[string]bool{},
		Made: Counts{Lang: map[string]int{}},
	}, nil
}

// Archive makes n releases published over the archiveDays days up to and
// including lastDay (a day in Kazakhstan), oldest arrival first, calling
// emit for each. Later days have more releases (gov.kz grew), weekends
// fewer, and the last week most.
func (g *Generator) Archive(n int, lastDay time.Time, emit func(Release) error) error {
	return g.archive(n, lastDay, false, emit)
}

// archive is Archive, leaving the releases' text to Release.complete when
// deferText is set: the loader's workers complete them on every core, where
// the generator would on one.
func (g *Generator) archive(n int, lastDay time.Time, deferText bool, emit func(Release) error) error {
	g.deferText = deferText
	defer func() { g.deferText = false }()
	counts := dayCounts(n, lastDay)
	for d, c := range counts {
		day := lastDay.AddDate(0, 0, d-len(counts)+1)
		for _, r := range g.Day(c, day) {
			if err := emit(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// dayCounts spreads n releases over the archive's days.
func dayCounts(n int, lastDay time.Time) []int {
	ws := make([]float64, archiveDays)
	total := 0.0
	for d := range ws {
		w := 0.5 + float64(d)/archiveDays
		switch lastDay.AddDate(0, 0, d-archiveDays+1).Weekday() {
		case time.Saturday:
			w *= 0.45
		case time.Sunday:
			w *= 0.35
		}
		if d >= archiveDays-7 {
			w *= 1.3
		}
		ws[d] = w
		total += w
	}
	// Rounding the running total keeps the sum exactly n.
	counts := make([]int, archiveDays)
	cum, prev := 0.0, 0
	for d, w := range ws {
		cum += w
		next := int(math.Round(float64(n) * cum / total))
		counts[d], prev = next-prev, next
	}
	return counts
}

// Day makes n releases published on day (a calendar day in Kazakhstan) in
// the order they arrive, between 08:00 and 21:00 local time.
func (g *Generator) Day(n int, day time.Time) []Release {
	kz := ingest.Kazakhstan()
	start := time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, kz)
	offsets := make([]time.Duration, n)
	for i := range offsets {
		offsets[i] = time.Duration(g.rng.Int64N(int64(13 * time.Hour)))
	}
	slices.Sort(offsets)
	out := make([]Release, n)
	for i, off := range offsets {
		out[i] = g.release(day)
		out[i].ArrivedAt = start.Add(off)
	}
	return out
}

// release makes one release published on day. One in twenty comes from an
// aggregator without its gov.kz link, identified by its text alone; one in
// thirty-three is backdated by a few days, as gov.kz sometimes does.
func (g *Generator) release(day time.Time) Release {
	for {
		e := g.ents[g.pub.pick(g.rng)]
		lang, latin := g.pickLang(e)
		published := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
		if g.rng.IntN(33) == 0 {
			published = published.AddDate(0, 0, -1-g.rng.IntN(4))
		}
		st := newStory(g.rng, e, published.Year())
		title, body := st.write(lang, latin)
		var ref ingest.GovkzRef
		if g.rng.IntN(20) != 0 {
			g.govkz += 1 + g.rng.Int64N(3)
			ref = ingest.GovkzRef{Slug: e.Slug, ID: g.govkz, URL: ingest.CanonicalURL(e.Slug, g.govkz)}
		}
		r := Release{NewRelease: store.NewRelease{EntitySlug: ref.Slug, GovkzID: ref.ID, URL: ref.URL,
			Title: title, Body: body, Lang: lang, PublishedOn: published},
			pending: &pendingText{ref: ref, title: title, body: body}}
		if ref.ID == 0 {
			r.complete() // its identity is its content hash
			if g.hashes[r.ContentHash] {
				continue // the same text twice would be one release
			}
			g.hashes[r.ContentHash] = true
		}
		if ref.ID != 0 && lang != langEN && g.rng.IntN(4) == 0 {
			p := r.pending
			p.other = map[string]string{langKK: langRU, langRU: langKK}[lang]
			p.otherTitle, p.otherBody = st.write(p.other, false)
		}
		if !g.deferText {
			r.complete()
		}
		g.count(r, latin)
		return r
	}
}

// pickLang is the language of a release: gov.kz entities at home publish in
// Kazakh and Russian, a little in English; embassies more in English. About
// one Kazakh release in eight is in the Latin alphabet.
func (g *Generator) pickLang(e *entity) (lang string, latin bool) {
	x := g.rng.IntN(100)
	switch {
	case e.kindByte() == 'e' && x < 40, e.kindByte() != 'e' && x < 8:
		return langEN, false
	case e.kindByte() == 'e' && x < 75, e.kindByte() != 'e' && x < 53:
		return langRU, false
	}
	return langKK, g.rng.IntN(8) == 0
}

func (g *Generator) count(r Release, latin bool) {
	c := &g.Made
	c.Releases++
	key := r.Lang
	if latin {
		key += "-Latn"
	}
	c.Lang[key]++
	if r.GovkzID == 0 {
		c.NoLink++
	}
	if r.Other != nil || r.pending != nil && r.pending.other != "" {
		c.Versions++
	}
	c.TitleRunes += utf8.RuneCountInString(r.Title)
	c.BodyRunes += utf8.RuneCountInString(r.Body)
	if c.FirstDay.IsZero() || r.PublishedOn.Before(c.FirstDay) {
		c.FirstDay = r.PublishedOn
	}
	if r.PublishedOn.After(c.LastDay) {
		c.LastDay = r.PublishedOn
	}
}
