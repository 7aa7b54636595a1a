package tgtext

import (
	"fmt"
	"strings"
)

// Languages the bot speaks. Anything else falls back to English.
var Languages = []string{"kk", "ru", "en"}

// LangFromCode maps Telegram's language_code (an IETF tag such as "ru" or
// "kk-KZ") to one of Languages.
func LangFromCode(code string) string {
	code = strings.ToLower(code)
	for _, l := range Languages {
		if code == l || strings.HasPrefix(code, l+"-") {
			return l
		}
	}
	return "en"
}

// Text is one text in each language. Placeholders are fmt verbs. A Text
// whose name starts with Msg is Telegram HTML, and its arguments must be
// escaped already; the others (Txt, Btn for button labels, Cmd for the
// command menu, Kind for the catalogue's kinds) are plain text, escaped
// where they are rendered into HTML.
type Text struct{ kk, ru, en string }

// In is t in lang.
func (t Text) In(lang string) string {
	switch lang {
	case "kk":
		return t.kk
	case "ru":
		return t.ru
	}
	return t.en
}

// Tr formats t in lang.
func Tr(lang string, t Text, args ...any) string {
	if len(args) == 0 {
		return t.In(lang)
	}
	return fmt.Sprintf(t.In(lang), args...)
}

// ruPlural picks the Russian form for n: one (1, 21, 101), few (2–4, 22–24)
// or many (0, 5–20, 25–30, 111).
func ruPlural(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch d, dd := n%10, n%100; {
	case d == 1 && dd != 11:
		return one
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return few
	}
	return many
}

func enPlural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
