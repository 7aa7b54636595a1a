package textmatch

import "testing"

func TestKeywordQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shymkent", "(shimkent:* | chimkent:*)"}, // a place: any of its names (places.tsv)
		{"Шымкент", "(shimkent:* | chimkent:*)"},
		{"Шымкентте", "(shimkent:* | chimkent:*)"}, // the Kazakh ending comes off
		{"мектептерде", "mektep:*"},
		{"water supply", "(water:* <-> suppl:*)"}, // supply → suppli → suppl: no final vowels
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
		{"Шымкент water", "(shimkent:* | chimkent:*) & water:*"},
		{"Aktobe OR Kazakhstan", "((aktob:* | aktiubinsk:*) | kazakstan:*)"},
		{"Kazakhstan -Aktobe", "kazakstan:* & !(aktob:* | aktiubinsk:*)"},
		{`"water supply" -"Kyzylzhar-2"`, "(water:* <-> suppl:*) & !(kiziljar:* <-> 2)"},
		{`"water supply" -"Pavlodar region"`, "(water:* <-> suppl:*) & !((pavlodar:* <-> region:*) | (pavlodar:* <-> oblis:*) | (pavlodarsk:* <-> oblast:*))"},
		{"-Almaty", ""},
		{"OR", ""},
		{`"unclosed phrase`, "(unclosed:* <-> phras:*)"},
		{"  ", ""},
		{"a & b | c ! d <-> e", "a & b & c & d & e"},
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrefixDropsFinalVowels(t *testing.T) {
	tests := []struct {
		word, want string
		prefix     bool
	}{
		{"astana", "astan", true}, // Астане, Астаны
		{"vodosnabjenie", "vodosnabjen", true},
		{"shimkent", "shimkent", true},
		{"aktau", "akta", true}, // stops at four letters
		{"su", "su", false},     // too short: exact only
		{"ile", "ile", false},
	}
	for _, tt := range tests {
		got, ok := Prefix(tt.word)
		if got != tt.want || ok != tt.prefix {
			t.Errorf("Prefix(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.prefix)
		}
	}
}

func TestSearchQueryJoinsWordsThatNameAPlace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nur Sultan", "((nur & sultan:*) | ((nur <-> sultan:*) | astan:* | nursultan:*))"},
		{"water Ust Kamenogorsk", "water:* & ((ust & kamenogorsk:*) | ((ust <-> kamenogorsk:*) | oskemen:*))"},
		{"Nur OR Sultan", "(nur | sultan:*)"}, // OR keeps them apart
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
