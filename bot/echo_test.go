package bot_test

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// fillMessage is command followed by filler repeated until the message is
// Telegram's longest, 4096 UTF-16 units.
func fillMessage(command, filler string) string {
	text := command + " "
	for n := len(utf16.Encode([]rune(text))); ; {
		r := []rune(filler)[0]
		filler = string([]rune(filler)[1:]) + string(r)
		if n+utf16.RuneLen(r) > 4096 {
			return text
		}
		text += string(r)
		n += utf16.RuneLen(r)
	}
}

// Every command that repeats its argument back gets one of the longest
// messages Telegram delivers, and still answers with a message Telegram
// accepts: the fake Bot API refuses a text over 4096 units with 400, as
// Telegram does, and then no message would appear.
func TestLongestArgumentsAreEchoedWithinTelegramsLimit(t *testing.T) {
	h := newHarness(t)
	commands := []string{"/unsubscribe", "/sources", "/subscribe", "/timezone", "/latest", "/search", "/digest", "/language"}
	fillers := map[string]string{
		"words":  "Шымкент <b>&amp; ",
		"one":    "x",
		"emoji":  "🇰🇿👍🏽",
		"quoted": "«Алматы»",
	}
	chat := int64(700)
	for _, cmd := range commands {
		chat++
		for name, filler := range fillers {
			t.Run(strings.TrimPrefix(cmd, "/")+"/"+name, func(t *testing.T) {
				text := fillMessage(cmd, filler)
				if n := len(utf16.Encode([]rune(text))); n != 4096 && n != 4095 {
					t.Fatalf("the message is %d units long", n)
				}
				m := h.one(h.send(chat, "en", text))
				if n := len(utf16.Encode([]rune(m.Plain))); n > 1000 {
					t.Errorf("the answer is %d units long; an echo should be short:\n%.200s…", n, m.Plain)
				}
			})
		}
	}
}
