package digest

import (
	"strings"

	"github.com/newsbot-kz/newsbot/bot"
)

// splitter cuts a digest into parts while counting each part's visible
// text as Telegram does (UTF-16 units after HTML parsing), the way the bot's
// lists count theirs, so no part is refused for its length.
type splitter struct {
	parts   []Part
	html    strings.Builder
	plain   strings.Builder
	visible int
}

// fits reports whether this much more visible text fits in the current part.
func (s *splitter) fits(plain string) bool {
	return s.visible+bot.UTF16Len(plain) <= bot.MaxMessageLength
}

// add appends an HTML fragment and its visible text.
func (s *splitter) add(html, plain string) {
	s.html.WriteString(html)
	s.plain.WriteString(plain)
	s.visible += bot.UTF16Len(plain)
}

// flush ends the current part, if it holds anything.
func (s *splitter) flush() {
	if s.visible == 0 {
		return
	}
	s.parts = append(s.parts, Part{
		HTML:  strings.TrimRight(s.html.String(), "\n"),
		Plain: strings.TrimRight(s.plain.String(), "\n"),
	})
	s.html.Reset()
	s.plain.Reset()
	s.visible = 0
}
