package bench

import (
	"math/rand/v2"
	"strings"
)

// A story is one release's content before it is written in a language:
// the templates chosen and the values of their slots. Writing the same story
// in two languages gives the kk and ru versions of one gov.kz release.
type story struct {
	ent   *entity
	title line
	body  []line
}

// line is a template and the values its slots take.
type line struct {
	tmpl *template
	v    slots
}

type slots struct {
	p       *place
	t       *topic
	o       *official
	street  int
	n       [2]int
	b, q, y int
	m1, m2  int // billions: m1,m2
	e       *entity
	h       person
	c       int // a company
}

// Languages a release is written in; kk is written in Cyrillic or in the
// Latin alphabet of 2021.
const (
	langEN = "en"
	langRU = "ru"
	langKK = "kk"
)

// newStory draws a story for entity e published in year.
func newStory(rng *rand.Rand, e *entity, year int) story {
	home := e.home
	if home == nil || (!home.foreign && rng.IntN(10) < 2) {
		home = domesticPlace(rng)
	}
	main := slots{p: home, t: pickTopic(rng, e), o: pickOfficial(rng, e), e: e}
	s := story{ent: e}
	draw := func() slots {
		v := main
		if rng.IntN(8) == 0 && !home.foreign {
			v.p = domesticPlace(rng)
		}
		if rng.IntN(10) < 3 {
			v.t = pickTopic(rng, e)
		}
		v.street = rng.IntN(len(streets))
		v.n = [2]int{smallCount(rng), smallCount(rng)}
		v.b, v.q, v.y = 1000+rng.IntN(89000), 5+rng.IntN(94), year+rng.IntN(2)
		v.m1, v.m2 = rng.IntN(100), rng.IntN(10)
		v.h, v.c = randomPerson(rng), rng.IntN(len(companies))
		return v
	}
	used := map[*template]bool{}
	s.title = line{pickTemplate(rng, titles, e.kindByte(), used), draw()}
	s.title.v.p, s.title.v.t = main.p, main.t
	// Lengths of real releases: embassy notes are short, akimat and
	// ministry releases run to a dozen sentences and more.
	n := 6 + rng.IntN(12) + rng.IntN(12)
	if e.kindByte() == 'e' {
		n = 4 + rng.IntN(6) + rng.IntN(6)
	}
	own := topicSentences[topicIndex[main.t]]
	for range n {
		t := pickTemplate(rng, allSentences, e.kindByte(), used)
		if len(own) > 0 && rng.IntN(5) == 0 {
			t = &own[rng.IntN(len(own))]
		}
		s.body = append(s.body, line{t, draw()})
	}
	return s
}

// allSentences are the body sentences of any topic.
var allSentences = append(append([]template{}, sentences...), sentencesMore...)

// topicIndex finds a topic's index in topics.
var topicIndex = func() map[*topic]int {
	m := map[*topic]int{}
	for i := range topics {
		m[&topics[i]] = i
	}
	return m
}()

// smallCount is a count skewed to small numbers, as in real releases.
func smallCount(rng *rand.Rand) int {
	return 2 + rng.IntN(10)*rng.IntN(40)
}

// pickTemplate picks a template an entity of kind may use, one not in
// used when it can: real releases rarely say the same thing twice. Ministries
// also use the local templates: they write about the regions too.
func pickTemplate(rng *rand.Rand, ts []template, kind byte, used map[*template]bool) *template {
	for try := 0; ; try++ {
		t := &ts[rng.IntN(len(ts))]
		fits := t.kind == 'a' || t.kind == kind || (kind == 'm' && t.kind == 'l')
		if fits && (!used[t] || try > 20) {
			used[t] = true
			return t
		}
	}
}

// write renders the story in lang (latin: Kazakh in Latin script): a title
// and a body of paragraphs of two to four sentences.
func (s story) write(lang string, latin bool) (title, body string) {
	title = s.title.fill(lang)
	var b strings.Builder
	for i, l := range s.body {
		switch {
		case i == 0:
		case i%3 == 0:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		b.WriteString(l.fill(lang))
	}
	body = b.String()
	if latin {
		return toKKLatin(title), toKKLatin(body)
	}
	return title, body
}
