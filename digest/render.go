package digest

import (
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Part is one message of a digest: its Telegram HTML, as sent, and the text
// a reader sees.
type Part = tgtext.Block

// Render renders d as messages of at most tgtext.MaxMessageLength visible
// characters each. Parts end between items, never inside one, and a group
// that goes on in the next part repeats its title there.
func Render(d Digest) []Part { return renderWith(d, nil) }

// renderWith is Render, taking the items' bodies from items when it holds
// them and keeping them there (a nil cache renders every item).
func renderWith(d Digest, items *itemCache) []Part {
	var s tgtext.Splitter
	h := header(d)
	s.Add(h.HTML, h.Plain)
	n := 0
	for _, g := range d.Groups {
		title := groupTitle(g, d.Lang)
		for i, it := range g.Items {
			n++
			item := tgtext.Numbered(n, items.body(it.Release, d.Lang,
				tgtext.ItemOptions{HideEntity: g.EntityID, Also: it.Also, AlsoIn: it.AlsoIn}))
			var lead tgtext.Block
			if i == 0 {
				lead = titleBlock(title)
			}
			if !s.Fits(lead.Plain + item.Plain) {
				s.Flush()
				if i > 0 {
					lead = titleBlock(title + tgtext.Tr(d.Lang, tgtext.TxtContinued))
				}
			}
			s.Add(lead.HTML, lead.Plain)
			s.Add(item.HTML, item.Plain)
		}
	}
	if d.More > 0 {
		more := tgtext.MoreReleases(d.Lang, d.More)
		if !s.Fits(more) {
			s.Flush()
		}
		s.Add(tgtext.Esc(more), more)
	}
	s.Flush()
	return s.Parts()
}

func header(d Digest) tgtext.Block {
	title := "📰 " + tgtext.Tr(d.Lang, tgtext.TxtHeader, tgtext.FormatDate(d.Lang, d.Date))
	summary := tgtext.NewReleases(d.Lang, d.Items()+d.More)
	if !d.Undelivered.IsZero() {
		summary += "\n" + tgtext.Tr(d.Lang, tgtext.TxtUndelivered, tgtext.FormatDate(d.Lang, d.Undelivered))
	}
	return tgtext.Block{HTML: "<b>" + tgtext.Esc(title) + "</b>\n" + tgtext.Esc(summary) + "\n\n",
		Plain: title + "\n" + summary + "\n\n"}
}

func titleBlock(title string) tgtext.Block {
	return tgtext.Block{HTML: "<b>" + tgtext.Esc(title) + "</b>\n", Plain: title + "\n"}
}

func groupTitle(g Group, lang string) string {
	if g.Keyword {
		return tgtext.Quote(lang, g.Title)
	}
	return tgtext.Truncate(g.Title, tgtext.MaxSourceRunes)
}
