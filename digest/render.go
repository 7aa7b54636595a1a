package digest

import (
	"strconv"
	"strings"

	"github.com/newsbot-kz/newsbot/bot"
)

// Budgets, in runes, that keep any one item far below a message's limit, so
// a part always has room for at least one.
const (
	maxTitleRunes  = 200
	maxSourceRunes = 90
	maxAlso        = 3
)

// Part is one message of a digest.
type Part struct {
	HTML  string // Telegram HTML, as sent
	Plain string // the text a reader sees
}

// Render renders d as messages of at most bot.MaxMessageLength visible
// characters each. Parts end between items, never inside one, and a group
// that goes on in the next part repeats its title there.
func Render(d Digest) []Part {
	var s splitter
	h := header(d)
	s.add(h.html, h.plain)
	n := 0
	for _, g := range d.Groups {
		title := groupTitle(g)
		for i, it := range g.Items {
			n++
			item := renderItem(n, it, g, d.Lang)
			var lead block
			if i == 0 {
				lead = titleBlock(title)
			}
			if !s.fits(lead.plain + item.plain) {
				s.flush()
				if i > 0 {
					lead = titleBlock(title + tr(d.Lang, txtContinued))
				}
			}
			s.add(lead.html, lead.plain)
			s.add(item.html, item.plain)
		}
	}
	if d.More > 0 {
		more := moreReleases(d.Lang, d.More)
		if !s.fits(more) {
			s.flush()
		}
		s.add(bot.Esc(more), more)
	}
	s.flush()
	return s.parts
}

// block is a piece of a message: its HTML and its visible text.
type block struct{ html, plain string }

func header(d Digest) block {
	title := "📰 " + tr(d.Lang, txtHeader, bot.FormatDate(d.Lang, d.Date))
	summary := newReleases(d.Lang, d.Items()+d.More)
	if !d.Undelivered.IsZero() {
		summary += "\n" + tr(d.Lang, txtUndelivered, bot.FormatDate(d.Lang, d.Undelivered))
	}
	return block{"<b>" + bot.Esc(title) + "</b>\n" + bot.Esc(summary) + "\n\n", title + "\n" + summary + "\n\n"}
}

func titleBlock(title string) block {
	return block{"<b>" + bot.Esc(title) + "</b>\n", title + "\n"}
}

func groupTitle(g Group) string {
	if g.Keyword {
		return "«" + g.Title + "»"
	}
	return bot.Truncate(g.Title, maxSourceRunes)
}

// renderItem renders story n: its title linked to the gov.kz page in the
// reader's language, then its source (unless the group is that source) and
// date, then the other sources that told it.
func renderItem(n int, it Item, g Group, lang string) block {
	r := it.Release
	num := strconv.Itoa(n) + ". "
	title := bot.Truncate(displayTitle(r, lang), maxTitleRunes)
	var h, p strings.Builder
	h.WriteString(num)
	if link := bot.ReleaseLink(r.URL, lang); link != "" {
		h.WriteString(`<a href="` + bot.Esc(link) + `">` + bot.Esc(title) + `</a>`)
	} else {
		h.WriteString("<b>" + bot.Esc(title) + "</b>")
	}
	p.WriteString(num + title)
	meta := r.PublishedOn.Format("02.01.2006")
	if r.Entity != nil && r.Entity.ID != g.EntityID {
		meta = bot.Truncate(r.Entity.Name(lang), maxSourceRunes) + " · " + meta
	}
	h.WriteString("\n<i>" + bot.Esc(meta) + "</i>")
	p.WriteString("\n" + meta)
	if len(it.Also) > 0 {
		also := tr(lang, txtAlso, alsoList(it.Also))
		h.WriteString("\n<i>" + bot.Esc(also) + "</i>")
		p.WriteString("\n" + also)
	}
	h.WriteString("\n\n")
	p.WriteString("\n\n")
	return block{h.String(), p.String()}
}

func alsoList(names []string) string {
	if len(names) > maxAlso {
		names = names[:maxAlso]
	}
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = bot.Truncate(n, maxSourceRunes)
	}
	return strings.Join(short, "; ")
}
