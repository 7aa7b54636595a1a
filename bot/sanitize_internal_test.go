package bot

import "testing"

func TestCleanTextKeepsWritingAndDropsTheInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"Қызылжар-2 Шымкент Almaty's":     "Қызылжар-2 Шымкент Almaty's",
		"line\nnext\tcell":                "line\nnext\tcell",
		"👍🏽 ❤️ 🇰🇿":                        "👍🏽 ❤️ 🇰🇿", // modifiers, variation selectors and flags are not Cf
		"a\x00b\x01c\x7fd\u0085e\r":       "abcde",
		"\u202eevil\u202c \u2066x\u2069":  "evil x",
		"zero\u200bwidth\u00adsoft\ufeff": "zerowidthsoft",
		"bad \xff byte":                   "bad \uFFFD byte",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
