package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// pageHeader is the first line of an Enbekshi QazaQ page's text.
const pageHeader = "Enbekshi QazaQ"

// pageItem is one item of the page while its lines are being read.
type pageItem struct {
	line       int
	title      string
	date       time.Time
	body       []string // one paragraph a line
	source     string
	sourceLine int // 0 while no Source line was read
}

type pageParser struct {
	name  string
	notes *notes
	items []item
	cur   *pageItem
}

// parsePage reads the text of an Enbekshi QazaQ listing page. Every line
// ending with " DD.MM.YYYY" starts an item, even right after another item's
// body: two real items have no Source line, so the next title is the only
// sign that an item ended. A body line that happens to end with a date would
// therefore start an item; the page has none.
func parsePage(name string, lines []string, n *notes) ([]item, error) {
	p := &pageParser{name: name, notes: n}
	for i := skipHeader(lines); i < len(lines); i++ {
		if err := p.line(i+1, strings.TrimSpace(lines[i])); err != nil {
			return nil, err
		}
	}
	p.flush()
	if len(p.items) == 0 {
		return nil, &ParseError{File: name, Msg: "no releases found: expected title lines ending with a date, DD.MM.YYYY"}
	}
	return p.items, nil
}

// skipHeader returns the index of the first line after the header: the
// "Enbekshi QazaQ" line and the category name that follows it. A file
// without the header starts with its first item.
func skipHeader(lines []string) int {
	seen := 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case seen == 0 && strings.EqualFold(l, pageHeader):
			seen++
		case seen == 1 && !isTitleLine(l):
			return i + 1 // the category
		default:
			return i
		}
	}
	return len(lines)
}

func (p *pageParser) line(n int, text string) error {
	if text == "" {
		return nil
	}
	if title, dmy, ok := splitTitleLine(text); ok {
		d, err := parseDMY(dmy)
		if err != nil {
			return &ParseError{File: p.name, Line: n, Msg: "title date: " + err.Error()}
		}
		p.flush()
		p.cur = &pageItem{line: n, title: title, date: d}
		return nil
	}
	switch {
	case p.cur == nil:
		return &ParseError{File: p.name, Line: n, Msg: "text before the first title line (a title line ends with a date, DD.MM.YYYY)"}
	case p.cur.sourceLine > 0:
		return &ParseError{File: p.name, Line: n, Msg: "text after the Source line; expected the next title line, ending with DD.MM.YYYY"}
	}
	if before, url, ok := splitSource(text); ok {
		if before != "" {
			p.cur.body = append(p.cur.body, before)
		}
		p.cur.source, p.cur.sourceLine = url, n
		return nil
	}
	p.cur.body = append(p.cur.body, text)
	return nil
}

// flush turns the item being read into a release.
func (p *pageParser) flush() {
	c := p.cur
	if c == nil {
		return
	}
	p.cur = nil
	var ref GovkzRef
	switch {
	case c.sourceLine == 0:
		p.notes.add(c.line, "no Source line; the release is identified by its text")
	case c.source == "":
		p.notes.add(c.sourceLine, "empty Source line; the release is identified by its text")
	default:
		r, ok := ParseGovkzURL(c.source)
		if !ok {
			p.notes.add(c.sourceLine, "%s is not a gov.kz release URL; the release is identified by its text", c.source)
		}
		ref = r
	}
	rel := newRelease(ref, c.title, strings.Join(c.body, "\n\n"), "", c.date)
	p.items = append(p.items, item{line: c.line, rel: rel})
}

func isTitleLine(s string) bool {
	_, _, ok := splitTitleLine(s)
	return ok
}

// splitTitleLine splits "Title DD.MM.YYYY" into the title and the date. Only
// the final date counts: titles may mention other dates.
func splitTitleLine(s string) (title, dmy string, ok bool) {
	const n = len("DD.MM.YYYY")
	if len(s) < n {
		return "", "", false
	}
	dmy = s[len(s)-n:]
	for i := range n {
		isDot := i == 2 || i == 5
		if isDot != (dmy[i] == '.') || !isDot && (dmy[i] < '0' || dmy[i] > '9') {
			return "", "", false
		}
	}
	rest := s[:len(s)-n]
	if last, _ := utf8.DecodeLastRuneInString(rest); rest != "" && !unicode.IsSpace(last) {
		return "", "", false // "...details/26.11.2025" or "v1.26.11.2025"
	}
	return strings.TrimSpace(rest), dmy, true
}

// sourceRE matches the Source marker that ends an item, alone on its line or
// glued to the body ("www.enpf.kzSource : https://..."): a marker, a colon,
// then a URL running to the end of the line. A marker followed by words
// ("Source: the ministry said") is body text. Go's regexp runs in linear
// time, so a hostile line cannot stall the import.
var sourceRE = regexp.MustCompile(`(?:Source|Ақпарат көзі)\s*:\s*((?i:https?://|www\.)\S*)$`)

// emptySourceRE is a Source line that lost its URL.
var emptySourceRE = regexp.MustCompile(`^(?:Source|Ақпарат көзі)\s*:$`)

// splitSource splits a line ending with the Source marker into the body text
// before the marker and the URL.
func splitSource(s string) (before, url string, ok bool) {
	if emptySourceRE.MatchString(s) {
		return "", "", true
	}
	m := sourceRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", "", false
	}
	return strings.TrimSpace(s[:m[0]]), s[m[2]:m[3]], true
}
