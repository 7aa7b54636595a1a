package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText turns a release body into the store's plain text: paragraphs,
// headings and other blocks separated by a blank line, <br>, list items and
// table rows on their own lines, scripts and styles dropped, entities
// decoded, whitespace collapsed within lines. Text without tags is only
// tidied, so plain-text bodies keep their line breaks (HTML would fold them).
//
// Markup beyond maxMarkupBytes is dropped before parsing: the parser's tree
// costs some 25 times the markup (a 5 MiB body held 135 MiB), and a real
// release is a few dozen kilobytes.
func HTMLToText(s string) string {
	s = cutAt(s, maxMarkupBytes)
	if !hasMarkup(s) {
		return tidyText(html.UnescapeString(s))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil { // only a failing reader errors; a strings.Reader does not
		return tidyText(s)
	}
	var w textWriter
	for _, n := range nodes {
		w.walk(n)
	}
	return tidyText(w.b.String())
}

// maxMarkupBytes bounds the markup of one title or body that is read.
const maxMarkupBytes = 256 << 10

// cutAt cuts s to at most n bytes, at a character's start.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// hasMarkup reports whether s has a tag or comment, as the HTML tokenizer
// sees it: "a < b" and "&laquo;" alone are text.
func hasMarkup(s string) bool {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken, html.CommentToken, html.DoctypeToken:
			return true
		}
	}
}

// Elements whose content is not text a reader should see.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Object: true,
	atom.Svg: true, atom.Math: true, atom.Select: true, atom.Button: true,
}

// Elements that stand as paragraphs of their own.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Table: true, atom.Blockquote: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Aside: true,
	atom.Main: true, atom.Nav: true, atom.Details: true, atom.Summary: true,
	atom.Form: true, atom.Fieldset: true, atom.Center: true, atom.Hr: true,
}

// Elements that start a line of their own.
var lines = map[atom.Atom]bool{
	atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true, atom.Caption: true,
}

// textWriter writes text with breaks held back until more text follows, so
// that nested and empty blocks never produce stray blank lines.
type textWriter struct {
	b     strings.Builder
	brk   int  // pending: 1 line break, 2 paragraph break
	space bool // pending space between words
	pre   int  // depth of <pre>, where newlines are kept
}

func (w *textWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
	}
	brk := 0
	switch {
	case n.DataAtom == atom.Br:
		w.breakAt(1)
	case blocks[n.DataAtom]:
		brk = 2
	case lines[n.DataAtom]:
		brk = 1
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true
	}
	w.breakAt(brk)
	if n.DataAtom == atom.Pre {
		w.pre++
		defer func() { w.pre-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.breakAt(brk)
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		w.space = true
	}
}

func (w *textWriter) breakAt(n int) {
	w.brk = max(w.brk, n)
}

func (w *textWriter) text(s string) {
	for _, r := range s {
		if r == '\n' && w.pre > 0 {
			w.breakAt(1)
			continue
		}
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.b.Len() > 0 {
			switch {
			case w.brk > 0:
				w.b.WriteString("\n\n"[:w.brk])
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.brk, w.space = 0, false
		w.b.WriteRune(r)
	}
}
