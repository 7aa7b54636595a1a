package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// printNew prints the bot's messages that are new or edited since the last
// call, as plain text with links after their words and numbered buttons.
func (c *consoleChat) printNew() {
	if c.printed == nil {
		c.printed = map[int64]time.Time{}
	}
	for _, m := range c.fake.Messages(consoleChatID) {
		version, seen := c.printed[m.MessageID]
		if m.Deleted || (seen && !m.EditTime.After(version)) {
			continue
		}
		c.printed[m.MessageID] = m.EditTime
		if seen {
			fmt.Fprintln(c.out, "(message updated)")
		}
		fmt.Fprintln(c.out, withLinks(m.Plain, m.Entities))
		if len(m.Keyboard) > 0 {
			c.buttonsOf, c.buttons = m.MessageID, nil
			var labels []string
			for _, row := range m.Keyboard {
				for _, b := range row {
					c.buttons = append(c.buttons, b)
					labels = append(labels, fmt.Sprintf("[%d] %s", len(c.buttons), b.Text))
				}
			}
			fmt.Fprintln(c.out, "  "+strings.Join(labels, "  "))
		}
		fmt.Fprintln(c.out)
	}
}

// withLinks inserts each link's address after its text: a terminal cannot
// show a hidden link.
func withLinks(plain string, ents []fakebotapi.Entity) string {
	units := utf16.Encode([]rune(plain))
	var links []fakebotapi.Entity
	for _, e := range ents {
		if e.Type == "text_link" && e.Offset+e.Length <= len(units) {
			links = append(links, e)
		}
	}
	sort.Slice(links, func(i, j int) bool { return links[i].Offset+links[i].Length > links[j].Offset+links[j].Length })
	for _, l := range links { // from the end, so earlier offsets stay valid
		end := l.Offset + l.Length
		insert := utf16.Encode([]rune(" <" + l.URL + ">"))
		units = append(units[:end], append(insert, units[end:]...)...)
	}
	return string(utf16.Decode(units))
}
