package subscriptions

import "testing"

func TestKeywordQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shymkent", "shimkent:*"},
		{"Шымкент", "shimkent:*"},
		{"water supply", "(water:* <-> suppli:*)"}, // y→i in the canonical form
		{"Kyzylzhar-2", "(kiziljar:* <-> 2)"},
		{"Су", "su"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := KeywordQuery(tt.in); got != tt.want {
			t.Errorf("KeywordQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kyzylzhar", "kiziljar:*"},
		{`"Kyzylzhar-2"`, "(kiziljar:* <-> 2)"},
		{"Шымкент water", "shimkent:* & water:*"},
		{"Almaty OR Astana", "(almati:* | astana:*)"},
		{"Shymkent -Almaty", "shimkent:* & !almati:*"},
		{`"water supply" -"Almaty region"`, "(water:* <-> suppli:*) & !(almati:* <-> region:*)"},
		{"-Almaty", ""},
		{"OR", ""},
		{`"unclosed phrase`, "(unclosed:* <-> phrase:*)"},
		{"  ", ""},
		{"a & b | c ! d <-> e", "a & b & c & d & e"},
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
