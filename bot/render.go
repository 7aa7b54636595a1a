package bot

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/store"
)

// MaxMessageLength is Telegram's limit on a message's text after entity
// parsing, in UTF-16 code units.
const MaxMessageLength = 4096

// Budgets, in runes, that keep a page of items well inside one message.
const (
	maxTitleRunes   = 200
	maxEntityRunes  = 90
	maxSnippetRunes = 220
)

// Esc escapes text for Telegram's HTML parse mode.
func Esc(s string) string { return html.EscapeString(s) }

// Truncate cuts s to at most n runes at a word boundary, adding "…".
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n { // most are: spare the copy
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:-—") + "…"
}

// UTF16Len is the length Telegram counts.
func UTF16Len(s string) int {
	// Counted rune by rune: converting to []rune and encoding allocated
	// twice per call, a tenth of a digest pass.
	n := 0
	for _, r := range s {
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++ // as utf16.Encode counts an invalid rune: one U+FFFD
		}
	}
	return n
}

// msg builds a message's HTML while counting its visible length, so that a
// list can stop before Telegram's limit instead of being refused.
type msg struct {
	html    strings.Builder
	visible int
}

// add appends an HTML fragment whose visible text is plain.
func (m *msg) add(htmlPart, plain string) {
	m.html.WriteString(htmlPart)
	m.visible += UTF16Len(plain)
}

// text appends plain text, escaped.
func (m *msg) text(plain string) { m.add(Esc(plain), plain) }

// fits reports whether a part with this much visible text still fits,
// keeping reserve units for what must follow.
func (m *msg) fits(plain string, reserve int) bool {
	return m.visible+UTF16Len(plain)+reserve <= MaxMessageLength
}

func (m *msg) String() string { return m.html.String() }

// itemPart is one rendered release: its HTML and its visible text.
type itemPart struct{ html, plain string }

// renderItem renders a release as a numbered list item: the title linked to
// the gov.kz page in the reader's language, the source and the date, and for
// search results a snippet with the matched words in bold.
func renderItem(n int, r store.Release, lang string, withSnippet bool) itemPart {
	var h, p strings.Builder
	num := strconv.Itoa(n) + ". "
	title := Truncate(DisplayTitle(r, lang), maxTitleRunes)
	h.WriteString(num)
	p.WriteString(num)
	if link := ReleaseLink(r.URL, lang); link != "" {
		h.WriteString(`<a href="` + Esc(link) + `">` + Esc(title) + `</a>`)
	} else {
		h.WriteString("<b>" + Esc(title) + "</b>")
	}
	p.WriteString(title)
	meta := r.PublishedOn.Format("02.01.2006")
	if r.Entity != nil {
		meta = Truncate(r.Entity.Name(lang), maxEntityRunes) + " · " + meta
	}
	h.WriteString("\n<i>" + Esc(meta) + "</i>")
	p.WriteString("\n" + meta)
	if withSnippet {
		if sh, sp := renderSnippet(r.Snippet); sp != "" {
			h.WriteString("\n" + sh)
			p.WriteString("\n" + sp)
		}
	}
	h.WriteString("\n\n")
	p.WriteString("\n\n")
	return itemPart{h.String(), p.String()}
}

// renderSnippet escapes a search snippet and turns its highlight markers into
// bold tags. Markers that do not pair up are dropped, so the result is always
// well-formed.
func renderSnippet(s string) (htmlPart, plain string) {
	s = Truncate(strings.Join(strings.Fields(s), " "), maxSnippetRunes)
	if s == "" {
		return "", ""
	}
	var h, p strings.Builder
	open := false
	for _, seg := range strings.SplitAfter(s, "") {
		switch seg {
		case store.MarkStart:
			if !open {
				h.WriteString("<b>")
				open = true
			}
		case store.MarkStop:
			if open {
				h.WriteString("</b>")
				open = false
			}
		default:
			h.WriteString(Esc(seg))
			p.WriteString(seg)
		}
	}
	if open {
		h.WriteString("</b>")
	}
	return "…" + h.String() + "…", "…" + p.String() + "…"
}

// DisplayTitle is the release's title, or a placeholder naming its source
// when the release has none.
func DisplayTitle(r store.Release, lang string) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	if r.Entity != nil {
		return tr(lang, msgUntitledFrom, r.Entity.Name(lang))
	}
	return tr(lang, msgUntitled)
}

// ReleaseLink is the gov.kz page in the reader's language.
func ReleaseLink(raw, lang string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return ""
	}
	if strings.HasSuffix(u.Host, "gov.kz") {
		q := u.Query()
		q.Set("lang", lang)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

var (
	msgUntitledFrom = text{
		kk: "%s хабарламасы",
		ru: "Сообщение: %s",
		en: "Release from %s",
	}
	msgUntitled = text{
		kk: "Атаусыз хабарлама",
		ru: "Сообщение без заголовка",
		en: "Untitled release",
	}
)
