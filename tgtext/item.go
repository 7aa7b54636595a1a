package tgtext

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
)

// maxAlso is how many other sources of the same story an item names.
const maxAlso = 3

// ItemOptions say what an item shows besides its title, source and date.
type ItemOptions struct {
	// HideEntity is the entity an item need not name as its source: the
	// digest group it is listed under is that entity's.
	HideEntity int64
	// Snippet shows the release's search snippet, matched words in bold.
	Snippet bool
	// Also names the other sources that told the same story.
	Also []string
	// AlsoIn are the releases of the same event in other languages.
	AlsoIn []AlsoIn
}

// AlsoIn is a release of the same event in another language: its language,
// its gov.kz page, and the name of its source (or its title) in the
// reader's language.
type AlsoIn struct {
	Lang, URL, Source string
}

// alsoInTexts are the "also in <language>" lines, by the other release's
// language.
var alsoInTexts = map[string]Text{"kk": TxtAlsoInKk, "ru": TxtAlsoInRu, "en": TxtAlsoInEn}

// Item renders release r as item n of a list or a digest: its title linked
// to the gov.kz page in the reader's language, its source and date, then
// what o asks for.
func Item(n int, r store.Release, lang string, o ItemOptions) Block {
	return Numbered(n, ItemBody(r, lang, o))
}

// Numbered is an item's body (ItemBody) as item n of a list.
func Numbered(n int, body Block) Block {
	num := strconv.Itoa(n) + ". "
	return Block{num + body.HTML, num + body.Plain}
}

// ItemBody is Item without its number: what a digest pass renders once for
// every chat that lists the release the same way (digest.itemCache).
func ItemBody(r store.Release, lang string, o ItemOptions) Block {
	var h, p strings.Builder
	title := Truncate(DisplayTitle(r, lang), MaxTitleRunes)
	if link := ReleaseLink(r.URL, lang); link != "" {
		h.WriteString(`<a href="` + Esc(link) + `">` + Esc(title) + `</a>`)
	} else {
		h.WriteString("<b>" + Esc(title) + "</b>")
	}
	p.WriteString(title)
	meta := r.PublishedOn.Format("02.01.2006")
	if r.Entity != nil && (o.HideEntity == 0 || r.Entity.ID != o.HideEntity) {
		meta = Truncate(r.Entity.Name(lang), MaxSourceRunes) + " · " + meta
	}
	h.WriteString("\n<i>" + Esc(meta) + "</i>")
	p.WriteString("\n" + meta)
	if o.Snippet {
		if sh, sp := snippet(r.Snippet); sp != "" {
			h.WriteString("\n" + sh)
			p.WriteString("\n" + sp)
		}
	}
	if len(o.Also) > 0 {
		also := Tr(lang, TxtAlso, alsoList(o.Also))
		h.WriteString("\n<i>" + Esc(also) + "</i>")
		p.WriteString("\n" + also)
	}
	for i, a := range o.AlsoIn {
		t, ok := alsoInTexts[a.Lang]
		if !ok || i == maxAlso {
			break
		}
		source := Truncate(a.Source, MaxSourceRunes)
		// The line is plain text but for the link, put where %s is.
		line := Esc(Tr(lang, t, "\x00"))
		if link := ReleaseLink(a.URL, a.Lang); link != "" {
			line = strings.Replace(line, "\x00", `</i><a href="`+Esc(link)+`">`+Esc(source)+`</a><i>`, 1)
		} else {
			line = strings.Replace(line, "\x00", Esc(source), 1)
		}
		h.WriteString("\n<i>" + strings.TrimSuffix(line, "<i>"))
		if !strings.HasSuffix(line, "<i>") {
			h.WriteString("</i>")
		}
		p.WriteString("\n" + Tr(lang, t, source))
	}
	h.WriteString("\n\n")
	p.WriteString("\n\n")
	return Block{h.String(), p.String()}
}

// snippet escapes a search snippet and turns its highlight markers into
// bold tags. Markers that do not pair up are dropped, so the result is always
// well-formed.
func snippet(s string) (html, plain string) {
	s = Truncate(strings.Join(strings.Fields(s), " "), MaxSnippetRunes)
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

func alsoList(names []string) string {
	if len(names) > maxAlso {
		names = names[:maxAlso]
	}
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = Truncate(n, MaxSourceRunes)
	}
	return strings.Join(short, "; ")
}

// DisplayTitle is the release's title, or a placeholder naming its source
// when the release has none.
func DisplayTitle(r store.Release, lang string) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	if r.Entity != nil {
		return Tr(lang, TxtUntitledFrom, r.Entity.Name(lang))
	}
	return Tr(lang, TxtUntitled)
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
