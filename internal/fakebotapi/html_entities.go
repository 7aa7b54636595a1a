package fakebotapi

import (
	"net/url"
	"strings"
)

// close turns a closed tag into an entity, as Telegram does: empty ones and
// links without a valid URL are dropped, and a <code class="language-x">
// exactly filling a <pre> (or the other way round) becomes one pre entity.
func (p *htmlParser) close(t openTag) {
	e := Entity{Type: entityTypes[t.name], Offset: t.start, Length: p.units - t.start, order: t.order}
	if e.Length == 0 {
		return
	}
	switch t.name {
	case "a":
		link := t.arg
		if link == "" {
			link = p.out.String()[t.outStart:] // <a>https://x</a> links to its own text
		}
		if e.URL = checkURL(link); e.URL == "" {
			return
		}
	case "blockquote":
		if t.arg == "expandable" {
			e.Type = "expandable_blockquote"
		}
	case "tg-emoji":
		if t.arg == "" {
			return
		}
		e.CustomEmojiID = t.arg
	case "code", "pre":
		if p.mergePre(t, &e) {
			return
		}
	}
	p.entities = append(p.entities, e)
}

// mergePre folds a pre and a code with a language over the same range into a
// single pre entity carrying the language. It reports whether e was absorbed.
func (p *htmlParser) mergePre(t openTag, e *Entity) bool {
	if n := len(p.entities); n > 0 {
		last := &p.entities[n-1]
		same := last.Offset == e.Offset && last.Length == e.Length
		switch {
		case same && t.name == "pre" && last.Type == "code" && last.Language != "":
			last.Type, last.order = "pre", e.order
			return true
		case same && t.name == "code" && last.Type == "pre" && t.arg != "":
			last.Language = t.arg
			return true
		}
	}
	if t.name == "code" && t.arg != "" {
		if n := len(p.stack); n > 0 && p.stack[n-1].name == "pre" {
			e.Language = t.arg // kept only if the pre closes over the same range
		}
	}
	return false
}

// checkURL returns the URL a link entity gets, or "" when Telegram would drop
// the entity. Like Telegram it accepts a bare host such as "telegram.org".
func checkURL(link string) string {
	if link == "" || strings.ContainsAny(link, " \t\r\n") {
		return ""
	}
	u, err := url.Parse(link)
	if err == nil && u.Scheme == "" {
		link = "http://" + link
		u, err = url.Parse(link)
	}
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "tg", "ton":
		return link
	case "http", "https", "ftp":
		if u.Hostname() == "" {
			return ""
		}
		return link
	}
	return ""
}
