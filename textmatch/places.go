package textmatch

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// Places are the names that are one word in every script and every era:
// Budapest = Будапешт, Hungary = Венгрия = Мажарстан, Shymkent = Chimkent,
// Astana = Nur-Sultan = Целиноград. Canonical makes Шымкент and Shymkent
// one word already; the table (places.tsv) joins what transliteration
// cannot: exonyms, translations and former names.
//
// A query word that is a form of a place — as typed or once an inflection
// is taken off (Будапештте, Шымкентом, Венгрии) — stands for the OR of all
// the place's forms. It happens when the tsquery is built, so every path
// that matches (keyword subscriptions and the digest through their stored
// query, /latest WORD, /search, /sources) sees the same forms.
//
// Forms are compared by their Prefix (Венгрии and Венгрия are both vengr),
// words in order for names of several words (Nur-Sultan, Алматы облысы). A
// form's own tsquery is the one a user typing it would get, with two
// marks in the table: a final * matches the form's last word as written
// and all that begins with it, not its Prefix (Түркия* is turkiia:*, where
// the Prefix turk:* would find Түркістан); a leading ~ makes a form
// one-way: typing it finds the place, but the place's other forms do not
// look for it (Ақмола is Astana's former name and also the region's: Astana
// must not find every release of Akmola region).

//go:embed places.tsv
var placesTSV string

// Place is one row of places.tsv.
type Place struct {
	ID, Kind string
	Forms    []string // as written in the table, marks included
}

// placeForm is one form of a place, ready to match and to look for.
type placeForm struct {
	place   int      // index in placeTable.places
	keys    []string // Prefix of each canonical word
	lexemes []string // tsquery operand of each word
	oneWay  bool     // ~: not looked for when another form is typed
	marked  bool     // * or =: the last word looks for less than its Prefix
}

type placeTable struct {
	places  []Place
	forms   [][]placeForm          // by place
	byFirst map[string][]placeForm // by the key of the first word
}

var places = mustParsePlaces(placesTSV)

// placeColumns is places.tsv's header.
var placeColumns = []string{"id", "kind", "kk", "ru", "en", "kk_latn", "other", "note"}

// placeKinds are the kinds a row may have.
var placeKinds = []string{"country", "region", "city", "district"}

func mustParsePlaces(tsv string) *placeTable {
	t, err := parsePlaces(tsv)
	if err != nil {
		panic(err)
	}
	return t
}

// parsePlaces reads the table: tab-separated, # comments, the header, then
// one place a line with its forms, several in a column separated by ";".
// The kk, ru, en and kk_latn columns must not be empty.
func parsePlaces(tsv string) (*placeTable, error) {
	t := &placeTable{byFirst: map[string][]placeForm{}}
	seen := map[string]int{}
	header := false
	for n, line := range strings.Split(tsv, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if !header {
			if strings.Join(cols, "\t") != strings.Join(placeColumns, "\t") {
				return nil, fmt.Errorf("places.tsv: line %d: header %q, want %q", n+1, cols, placeColumns)
			}
			header = true
			continue
		}
		if len(cols) != len(placeColumns) {
			return nil, fmt.Errorf("places.tsv: line %d: %d columns, want %d", n+1, len(cols), len(placeColumns))
		}
		p := Place{ID: cols[0], Kind: cols[1]}
		if first, dup := seen[p.ID]; dup || p.ID == "" {
			return nil, fmt.Errorf("places.tsv: line %d: id %q empty or already on line %d", n+1, p.ID, first)
		}
		seen[p.ID] = n + 1
		if !slices.Contains(placeKinds, p.Kind) {
			return nil, fmt.Errorf("places.tsv: line %d: %s: unknown kind %q", n+1, p.ID, p.Kind)
		}
		for i, col := range cols[2:7] {
			var forms []string
			for _, f := range strings.Split(col, ";") {
				if f = strings.TrimSpace(f); f != "" {
					forms = append(forms, f)
				}
			}
			if len(forms) == 0 && i < 4 {
				return nil, fmt.Errorf("places.tsv: line %d: %s: no %s form", n+1, p.ID, placeColumns[2+i])
			}
			p.Forms = append(p.Forms, forms...)
		}
		if err := t.add(p); err != nil {
			return nil, fmt.Errorf("places.tsv: line %d: %w", n+1, err)
		}
	}
	return t, nil
}

// add indexes a place's forms; forms with the same canonical words count once.
func (t *placeTable) add(p Place) error {
	idx := len(t.places)
	t.places = append(t.places, p)
	t.forms = append(t.forms, nil)
	have := map[string]bool{}
	for _, raw := range p.Forms {
		f, err := newPlaceForm(idx, raw)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ID, err)
		}
		sig := strings.Join(f.lexemes, " ")
		if have[sig] {
			continue
		}
		have[sig] = true
		t.forms[idx] = append(t.forms[idx], f)
		t.byFirst[f.keys[0]] = append(t.byFirst[f.keys[0]], f)
	}
	return nil
}

// newPlaceForm reads one form of the table: ~ in front makes it one-way;
// in the last word, * marks where the part it looks for ends (Грузи*я is
// gruzi:*, Түркия* is turkiia:*), and = at the end makes it look for that
// word alone (АҚШ=: aksh, not ақша).
func newPlaceForm(place int, raw string) (placeForm, error) {
	f := placeForm{place: place}
	s := raw
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		f.oneWay, s = true, rest
	}
	exact := false
	if rest, ok := strings.CutSuffix(s, "="); ok {
		exact, f.marked, s = true, true, rest
	}
	stem := ""
	if i := strings.LastIndex(s, "*"); i >= 0 {
		f.marked = true
		head := s[:i]
		if j := strings.LastIndexAny(head, " -"); j >= 0 {
			head = head[j+1:]
		}
		stem = Canonical(head)
		s = s[:i] + s[i+1:]
		if stem == "" || strings.Contains(stem, " ") {
			return f, fmt.Errorf("form %q: * must follow letters of its last word", raw)
		}
	}
	words := CanonicalWords(s)
	if len(words) == 0 {
		return f, fmt.Errorf("form %q has no word", raw)
	}
	for i, w := range words {
		key, _ := Prefix(w)
		f.keys = append(f.keys, key)
		last := i == len(words)-1
		switch {
		case last && exact:
			f.lexemes = append(f.lexemes, w)
		case last && stem != "":
			if !strings.HasPrefix(w, stem) {
				return f, fmt.Errorf("form %q: the part before * is not how %q begins", raw, w)
			}
			f.lexemes = append(f.lexemes, stem+":*")
		default:
			f.lexemes = append(f.lexemes, lexeme(w))
		}
	}
	return f, nil
}

// match finds the longest place form the query words begin with. It
// returns the forms to look for instead of them (the matched places'
// two-way forms, and the matched form itself) and how many words they
// stand for; 0 when the words do not begin with a place.
func (t *placeTable) match(words []queryWord) ([]placeForm, int) {
	if len(words) == 0 {
		return nil, 0
	}
	var found []placeForm
	n := 0
	var keys []string
	for _, c := range words[0].cands {
		if k, _ := Prefix(c); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, key := range keys {
		for _, f := range t.byFirst[key] {
			if len(f.keys) < n || len(f.keys) > len(words) || !f.matches(words) {
				continue
			}
			if len(f.keys) > n {
				found, n = nil, len(f.keys)
			}
			found = append(found, f)
		}
	}
	if n == 0 {
		return nil, 0
	}
	var out []placeForm
	seenPlace := map[int]bool{}
	seenForm := map[string]bool{}
	addForm := func(f placeForm) {
		if sig := strings.Join(f.lexemes, " "); !seenForm[sig] {
			seenForm[sig] = true
			out = append(out, f)
		}
	}
	for _, m := range found {
		addForm(m)
		if seenPlace[m.place] {
			continue
		}
		seenPlace[m.place] = true
		for _, f := range t.forms[m.place] {
			if !f.oneWay {
				addForm(f)
			}
		}
	}
	return out, n
}

// matches reports whether the form's words are the first words of words.
// A word matches when it, or a stem it may hide, has the form word's
// Prefix; for a marked word, when it begins with what the form looks for
// (so «груз» is not Грузи*я), or is it (АҚШ=).
func (f placeForm) matches(words []queryWord) bool {
	for i, key := range f.keys {
		lex := f.lexemes[i]
		ok := false
		for _, c := range words[i].cands {
			switch p, prefix := strings.CutSuffix(lex, ":*"); {
			case !prefix:
				ok = ok || c == lex
			case p != key:
				ok = ok || strings.HasPrefix(c, p)
			default:
				k, _ := Prefix(c)
				ok = ok || k == key
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// query is the form as a tsquery phrase.
func (f placeForm) query() string {
	if len(f.lexemes) == 1 {
		return f.lexemes[0]
	}
	return "(" + strings.Join(f.lexemes, " <-> ") + ")"
}

// Names are the place's forms as people write them, without the table's
// marks: what /sources matches an entity that serves the place by.
func (p Place) Names() []string {
	names := make([]string, len(p.Forms))
	for i, f := range p.Forms {
		names[i] = strings.NewReplacer("~", "", "*", "", "=", "").Replace(f)
	}
	return names
}

// Places returns the table's rows.
func Places() []Place { return places.places }

// PlaceByID returns the row with this id.
func PlaceByID(id string) (Place, bool) {
	for _, p := range places.places {
		if p.ID == id {
			return p, true
		}
	}
	return Place{}, false
}
