package bot_test

import (
	"testing"
	"unicode/utf16"

	"github.com/newsbot-kz/newsbot/tgtext"
)

// Telegram counts message length in UTF-16 code units: astral characters
// (emoji) count twice, and invalid bytes as the one U+FFFD they become.
func TestUTF16LenCountsAsTelegram(t *testing.T) {
	for _, s := range []string{"", "Shymkent", "Шымкент қаласы", "Қызылжар-2 👍🏽", "𝔸", "\xff\xfe ok", "a\u00e9\U0001F1F0\U0001F1FF"} {
		want := len(utf16.Encode([]rune(s)))
		if got := tgtext.UTF16Len(s); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
	}
}
