package bench

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fill writes the line's template in lang with its slot values.
func (l line) fill(lang string) string {
	src := [3]string{l.tmpl.en, l.tmpl.ru, l.tmpl.kk}[langIndex(lang)]
	var b strings.Builder
	nth := 0
	for {
		open := strings.IndexByte(src, '{')
		if open < 0 {
			b.WriteString(src)
			break
		}
		end := strings.IndexByte(src[open:], '}') + open
		b.WriteString(src[:open])
		b.WriteString(l.v.value(src[open+1:end], lang, &nth))
		src = src[end+1:]
	}
	return capitalise(b.String())
}

// value is one slot's text in lang; nth counts the {N} slots filled so far.
func (v slots) value(slot, lang string, nth *int) string {
	li := langIndex(lang)
	switch slot {
	case "P", "P.gen", "P.pre", "P.dat":
		return v.p.form(slot, lang)
	case "T":
		return [3]string{v.t.en, v.t.ru, v.t.kk}[li]
	case "T.gen":
		return [3]string{v.t.en, v.t.ruGen, v.t.kk}[li]
	case "O":
		return [3]string{v.o.en, v.o.ru, v.o.kk}[li]
	case "R":
		return v.o.role[li]
	case "S":
		return streets[v.street][li]
	case "H":
		return v.h.name(li)
	case "C":
		return companies[v.c][li]
	case "E":
		return v.e.Name(lang)
	case "N":
		n := v.n[*nth%2]
		*nth++
		return strconv.Itoa(n)
	case "B":
		return strconv.Itoa(v.b)
	case "Q":
		return strconv.Itoa(v.q)
	case "Y":
		return strconv.Itoa(v.y)
	case "M":
		sep := ","
		if lang == langEN {
			sep = "."
		}
		return strconv.Itoa(v.m1) + sep + strconv.Itoa(v.m2)
	}
	return slot
}

// langIndex is lang's column in the vocabulary's [en, ru, kk] triples.
func langIndex(lang string) int {
	switch lang {
	case langRU:
		return 1
	case langKK:
		return 2
	}
	return 0
}

// form is the place name in the form a slot asks for.
func (p *place) form(slot, lang string) string {
	switch {
	case lang == langRU && slot == "P.gen":
		return p.ruGen
	case lang == langRU && slot == "P.pre":
		return p.ruPre
	case lang == langRU:
		return p.ru
	case lang == langKK && slot == "P.gen":
		return inflectKK(p.kk, kkGen)
	case lang == langKK && slot == "P.pre":
		return inflectKK(p.kk, kkLoc)
	case lang == langKK && slot == "P.dat":
		return inflectKK(p.kk, kkDat)
	case lang == langKK:
		return p.kk
	}
	return p.en
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) || n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
