package textmatch

import (
	"slices"
	"strings"
)

// IndexQuery is the part of tsquery worth searching the GIN index for: the
// AND of those of its top-level conjuncts (the parts ANDed at its top)
// that are cheap to read and cut the releases the whole query must then be
// tested on; "" when that is the whole query (search it whole) or when
// nothing in it can be searched (a conjunct with an exclusion cannot).
//
// freq tells what fraction of releases may hold an operand ("audan:*", a
// prefix, for every word it begins), and postings what fraction the index
// expects to read for it: store reads both from the statistics ANALYZE
// keeps, which count only the commonest words, so that a rarer word's
// share is known only to be below theirs. freq takes it at that bound, and
// postings at a part of it: a conjunct left out when it was cheap costs a
// hundred milliseconds in releases fetched (Риддер сельское хозяйство: 25
// ms searched whole, 150 ms without the town), one read when it was not,
// ten. The costs are those measured at a million releases: the
// index reads a prefix's postings, every word it begins, at up to 0.4 µs
// each (sirdar:* & audan:* spent 125 ms in
// the index for 10,685 rows, audan:* being every fourth release), and each
// release the index hands on costs about 3.3 µs to fetch and test (sirdar:*
// alone: 6 ms in the index, 63 ms for its 19,493 releases). So a conjunct
// is searched when what it costs to read is less than what it saves in
// releases fetched: водоснабжение Шымкент searches both its words, since
// the place cuts the water supply's fifth of the archive to 12,447
// releases, but Сырдария ауданы searches sirdar:* alone, and a region's
// dozen forms are never searched beside a rarer word.
func IndexQuery(tsquery string, freq, postings func(operand string) float64) string {
	p := &tsqueryParser{s: tsquery}
	root, ok := p.or()
	if !ok || p.skipSpace() < len(p.s) {
		return ""
	}
	conjuncts := root.conjuncts()
	// Each conjunct may be searched as it is or, lighter, as what it
	// implies at the least cost to read (its light form): a region's forms
	// as its names without the region:* and oblast:* that every fourth
	// release holds.
	var cands [][]indexForm
	for _, c := range conjuncts {
		var forms []indexForm
		if !c.excludes() {
			forms = append(forms, newIndexForm(c, freq, postings, true))
		}
		if l := c.light(postings); l != nil && (len(forms) == 0 || l.String() != c.String()) {
			forms = append(forms, newIndexForm(l, freq, postings, false))
		}
		if len(forms) > 0 {
			cands = append(cands, forms)
		}
	}
	if len(cands) == 0 {
		return ""
	}
	// The first is the form cheapest to read and fetch by itself; each
	// next, the form that saves the most more than it costs, while one
	// does.
	first, firstForm := 0, 0
	for i, forms := range cands {
		for j, f := range forms {
			if f.alone() < cands[first][firstForm].alone() {
				first, firstForm = i, j
			}
		}
	}
	chosen := []indexForm{cands[first][firstForm]}
	sel := chosen[0].sel
	rest := slices.Delete(slices.Clone(cands), first, first+1)
	for len(rest) > 0 {
		best, bestForm, bestGain := -1, 0, 0.0
		for i, forms := range rest {
			for j, f := range forms {
				if gain := sel*(1-f.sel)*fetchPerPosting - f.cost; gain > bestGain {
					best, bestForm, bestGain = i, j, gain
				}
			}
		}
		if best < 0 {
			break
		}
		chosen = append(chosen, rest[best][bestForm])
		sel *= rest[best][bestForm].sel
		rest = slices.Delete(rest, best, best+1)
	}
	if len(chosen) == len(conjuncts) && !slices.ContainsFunc(chosen, func(f indexForm) bool { return !f.whole }) {
		return "" // the whole query is what to search
	}
	parts := make([]string, len(chosen))
	for i, f := range chosen {
		parts[i] = f.node.String()
	}
	slices.Sort(parts)
	return strings.Join(parts, " & ")
}

// conjuncts are the parts every match of n holds, each searchable apart:
// an AND's operands and a phrase's, flattened, or n itself. A phrase
// implies its operands ANDed, and that is all the index can test of it
// (adjacency is tested on the releases it hands on), so a phrase of common
// words may be searched by those of its words that cut the most: Abai
// region investment, followed as a keyword, found its 962 releases by the
// region and investment:* together in 92 ms at a million releases, and by
// investment:* alone, the phrase's lightest operand, in 215 ms. An
// exclusion inside a phrase (!a <-> b: b not after a) is no conjunct a
// match holds; it gets no form to search, as any exclusion.
func (n *tsqueryNode) conjuncts() []*tsqueryNode {
	if n.op != '&' && n.op != '<' {
		return []*tsqueryNode{n}
	}
	var out []*tsqueryNode
	for _, k := range n.kids {
		if k.op == '!' && n.op == '<' {
			continue
		}
		out = append(out, k.conjuncts()...)
	}
	return out
}

// indexForm is a conjunct, or what it implies, as IndexQuery may search it.
type indexForm struct {
	node      *tsqueryNode
	cost, sel float64 // postings read, releases matched: fractions of the releases
	whole     bool    // the conjunct itself, not a lighter form of it
}

func newIndexForm(n *tsqueryNode, freq, postings func(string) float64, whole bool) indexForm {
	return indexForm{n, n.readCost(postings), n.selectivity(freq), whole}
}

// alone is what searching f by itself costs: reading it and fetching what
// it finds.
func (f indexForm) alone() float64 { return f.cost + f.sel*fetchPerPosting }

// light is the query n implies that is cheapest to read: an AND's or a
// phrase's lightest operand, an OR of its operands' light forms; nil when
// n implies nothing searchable (an exclusion, an OR with one).
func (n *tsqueryNode) light(postings func(string) float64) *tsqueryNode {
	switch n.op {
	case 0:
		return n
	case '!':
		return nil
	case '|':
		or := &tsqueryNode{op: '|'}
		seen := map[string]bool{}
		for _, k := range n.kids {
			l := k.light(postings)
			if l == nil {
				return nil
			}
			alts := []*tsqueryNode{l}
			if l.op == '|' {
				alts = l.kids
			}
			for _, a := range alts {
				if s := a.String(); !seen[s] {
					seen[s] = true
					or.kids = append(or.kids, a)
				}
			}
		}
		if len(or.kids) == 1 {
			return or.kids[0]
		}
		return or
	default:
		var best *tsqueryNode
		for _, k := range n.kids {
			if l := k.light(postings); l != nil && (best == nil || l.readCost(postings) < best.readCost(postings)) {
				best = l
			}
		}
		return best
	}
}

// fetchPerPosting is what fetching and testing a release the index found
// costs, in postings read (3.3 µs against 0.4 µs, see IndexQuery).
const fetchPerPosting = 8

// excludes is whether n holds an exclusion, which the index cannot search.
func (n *tsqueryNode) excludes() bool {
	if n.op == '!' {
		return true
	}
	return slices.ContainsFunc(n.kids, (*tsqueryNode).excludes)
}

// readCost is the postings the index reads for n, as a fraction of the
// releases: every operand's.
func (n *tsqueryNode) readCost(postings func(string) float64) float64 {
	if n.op == 0 {
		return postings(n.operand)
	}
	c := 0.0
	for _, k := range n.kids {
		c += k.readCost(postings)
	}
	return c
}

// selectivity estimates the fraction of releases n matches, its words
// taken as independent (a phrase as its words ANDed, as the index reads
// it).
func (n *tsqueryNode) selectivity(freq func(string) float64) float64 {
	switch n.op {
	case 0:
		return min(1, freq(n.operand))
	case '|':
		s := 0.0
		for _, k := range n.kids {
			s += k.selectivity(freq)
		}
		return min(1, s)
	case '!':
		return 1
	default:
		s := 1.0
		for _, k := range n.kids {
			s *= k.selectivity(freq)
		}
		return s
	}
}

// String is n as tsquery text, each operator's operands in parentheses.
func (n *tsqueryNode) String() string {
	switch n.op {
	case 0:
		return n.operand
	case '!':
		return "!" + n.kids[0].String()
	}
	sep := " " + string(n.op) + " "
	if n.op == '<' {
		sep = " <-> "
	}
	parts := make([]string, len(n.kids))
	for i, k := range n.kids {
		parts[i] = k.String()
	}
	return "(" + strings.Join(parts, sep) + ")"
}
