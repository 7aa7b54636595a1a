package textmatch

import "testing"

func TestHighlightInTheOriginalScript(t *testing.T) {
	tests := []struct {
		text, query, want string
	}{
		{"Әкім «Шымкентте» жаңа мектеп ашты.", "Shymkent", "Әкім «[Шымкентте]» жаңа мектеп ашты."},
		{"Residents of Şymkent and Almaty's suburbs", "Шымкент Almaty", "Residents of [Şymkent] and [Almaty's] suburbs"},
		{"Su quyry su sultan", "су", "[Su] quyry [su] sultan"},
		{"nothing here", "Astana", "nothing here"},
		{"Kyzylzhar-2 microdistrict", `"Kyzylzhar-2" -Almaty`, "[Kyzylzhar-2] microdistrict"},
		{"Елшілік Будапештте курс ашты.", "Budapest", "Елшілік [Будапештте] курс ашты."},        // a place's other name
		{"Встреча в Усть-Каменогорске", "Өскемен", "Встреча в [Усть-Каменогорске]"},             // of two words
		{"Шымкент қаласы, Chimkent of old", "шымкентте", "[Шымкент] қаласы, [Chimkent] of old"}, // inflected query
	}
	for _, tt := range tests {
		got := Highlight(tt.text, SearchTerms(tt.query), 20, "[", "]")
		if got != tt.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
		}
	}
}

func TestHighlightWindowStartsNearTheMatch(t *testing.T) {
	text := "one two three four five six seven eight nine ten Astana eleven twelve"
	got := Highlight(text, SearchTerms("Astana"), 6, "[", "]")
	if want := "nine ten [Astana] eleven twelve"; got != want { // a third of the window before the match
		t.Errorf("got %q, want %q", got, want)
	}
}
