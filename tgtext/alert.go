package tgtext

import (
	"fmt"

	"github.com/newsbot-kz/newsbot/store"
)

// MaxAlertItems is how many releases one alert message lists; more wait
// for the next minute's.
const MaxAlertItems = 10

// Alert renders an alert message of rels (1 to MaxAlertItems releases, oldest
// first) in lang: one release as itself, several as a bundle headed by their
// number and, when they share one, their source. It returns the message and
// how many releases it holds (all, unless Telegram's limit cut it short).
func Alert(rels []store.Release, lang string) (Block, int) {
	var s Splitter
	head := alertHeader(rels, lang)
	s.Add("<b>"+Esc(head)+"</b>\n\n", head+"\n\n")
	n := 0
	for i, r := range rels {
		if i == MaxAlertItems {
			break
		}
		item := Item(i+1, r, lang, ItemOptions{})
		if !s.Fits(item.Plain) {
			break
		}
		s.Add(item.HTML, item.Plain)
		n++
	}
	s.Flush()
	return s.Parts()[0], n
}

func alertHeader(rels []store.Release, lang string) string {
	if len(rels) == 1 {
		return "🔔 " + Tr(lang, TxtAlertOne)
	}
	n := min(len(rels), MaxAlertItems)
	source := ""
	if e := rels[0].Entity; e != nil {
		source = Truncate(e.Name(lang), MaxSourceRunes)
		for _, r := range rels[1:n] {
			if r.Entity == nil || r.Entity.ID != e.ID {
				source = ""
				break
			}
		}
	}
	return "🔔 " + newFrom(lang, n, source)
}

// newFrom is "3 new from Akimat of Shymkent", or "3 new releases" without
// one source. In Kazakh the noun stays singular after a numeral ("3
// жаңалық"); the source comes first so that no case ending depends on it.
func newFrom(lang string, n int, source string) string {
	switch lang {
	case "kk":
		if source != "" {
			return fmt.Sprintf("%s: %d жаңалық", source, n)
		}
		return fmt.Sprintf("%d жаңалық", n)
	case "ru":
		noun := ruPlural(n, "новость", "новости", "новостей")
		if source != "" {
			return fmt.Sprintf("%d %s: %s", n, noun, source)
		}
		return fmt.Sprintf("%d %s", n, noun)
	}
	if source != "" {
		return fmt.Sprintf("%d new from %s", n, source)
	}
	return fmt.Sprintf("%d new releases", n)
}
