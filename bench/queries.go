package bench

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// searchQueries makes n /search queries as people type them: place names in
// any language and script, inflected or not; topics, quoted or not;
// surnames; a place with a topic; alternatives with OR; exclusions; and the
// entity: and since: filters. today is the day since: counts back from.
func searchQueries(rng *rand.Rand, n int, ents []*entity, today time.Time) []string {
	kinds := []func() string{
		func() string { return placeForm(rng, domesticPlace(rng)) },
		func() string { return placeForm(rng, domesticPlace(rng)) },
		func() string { return topicForm(rng, pickTopic(rng, nil)) },
		func() string { return `"` + topicForm(rng, pickTopic(rng, nil)) + `"` },
		func() string {
			o := officials[skewed(rng, len(officials))]
			return lastWord([3]string{o.en, o.ru, o.kk}[rng.IntN(3)])
		},
		func() string {
			li := rng.IntN(3)
			p, t := domesticPlace(rng), pickTopic(rng, nil)
			return [3]string{p.en, p.ru, p.kk}[li] + " " + [3]string{t.en, t.ru, t.kk}[li]
		},
		func() string { return placeForm(rng, domesticPlace(rng)) + " OR " + placeForm(rng, domesticPlace(rng)) },
		func() string { return placeForm(rng, domesticPlace(rng)) + " -" + topicWord(rng) },
		func() string {
			e := ents[rng.IntN(len(ents))]
			return "entity:" + e.Slug + " " + topicForm(rng, pickTopic(rng, e))
		},
		func() string {
			since := today.AddDate(0, 0, -7-rng.IntN(180)).Format(time.DateOnly)
			return topicForm(rng, pickTopic(rng, nil)) + " since:" + since
		},
		func() string { return streets[rng.IntN(len(streets))][rng.IntN(3)] },
	}
	out := make([]string, n)
	for i := range out {
		out[i] = kinds[i%len(kinds)]()
	}
	return out
}

// placeForm is a place name as someone might search for it: English,
// Russian (sometimes inflected), Kazakh in either script (sometimes in the
// locative), or lower case.
func placeForm(rng *rand.Rand, p *place) string {
	switch rng.IntN(8) {
	case 0, 1:
		return p.en
	case 2:
		return p.ru
	case 3:
		return p.ruPre
	case 4:
		return p.kk
	case 5:
		return inflectKK(p.kk, kkLoc)
	case 6:
		return toKKLatin(p.kk)
	}
	return strings.ToLower(p.ru)
}

func topicForm(rng *rand.Rand, t *topic) string {
	return [...]string{t.en, t.ru, t.ruGen, t.kk}[rng.IntN(4)]
}

// topicWord is one word of a topic, to exclude.
func topicWord(rng *rand.Rand) string {
	return strings.Fields(topicForm(rng, &topics[rng.IntN(len(topics))]))[0]
}

// ilikeWhere turns a query's words (filters taken out) into the condition
// of the baseline: every word, or quoted phrase, as a case-insensitive
// substring of the title, body or other-language text; "-word" must not be
// one; "a OR b" either. It returns the condition over r and its arguments,
// numbered from $1.
func ilikeWhere(words string) (string, []any) {
	var args []any
	like := func(w string) string {
		args = append(args, "%"+escapeLike(w)+"%")
		n := "$" + strconv.Itoa(len(args))
		return "(r.title ILIKE " + n + " OR r.body ILIKE " + n + " OR r.other_text ILIKE " + n + ")"
	}
	var and []string
	orNext := false
	for _, tok := range splitQuery(words) {
		switch {
		case tok == "OR":
			orNext = len(and) > 0
		case strings.HasPrefix(tok, "-") && len(tok) > 1:
			and = append(and, "NOT "+like(strings.Trim(tok[1:], `"«»`)))
		case orNext:
			and[len(and)-1] = "(" + and[len(and)-1] + " OR " + like(strings.Trim(tok, `"«»`)) + ")"
			orNext = false
		default:
			and = append(and, like(strings.Trim(tok, `"«»`)))
		}
	}
	if len(and) == 0 {
		return "false", nil
	}
	return strings.Join(and, " AND "), args
}

// splitQuery splits at spaces outside double quotes.
func splitQuery(q string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range q {
		switch {
		case r == '"':
			quoted = !quoted
			cur.WriteRune(r)
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
