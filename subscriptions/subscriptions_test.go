package subscriptions

import (
	"errors"
	"strings"
	"testing"
)

func TestParseArg(t *testing.T) {
	tests := []struct {
		raw     string
		want    Arg
		wantErr error
	}{
		{"shymkent", Arg{Text: "shymkent"}, nil},
		{"  water   supply ", Arg{Text: "water supply"}, nil},
		{`"Shymkent"`, Arg{Text: "Shymkent", Quoted: true}, nil},
		{"«Шымкент»", Arg{Text: "Шымкент", Quoted: true}, nil},
		{"“Budapest”", Arg{Text: "Budapest", Quoted: true}, nil},
		{`""`, Arg{Text: "", Quoted: true}, ErrEmpty},
		{"", Arg{}, ErrEmpty},
		{"a", Arg{Text: "a"}, ErrTooShort},
		{"?!", Arg{Text: "?!"}, ErrNoWords},
		{`"a"`, Arg{Text: "a", Quoted: true}, ErrTooShort},
		{strings.Repeat("ш", 65), Arg{Text: strings.Repeat("ш", 65)}, ErrTooLong},
		{strings.Repeat("ш", 64), Arg{Text: strings.Repeat("ш", 64)}, nil},
		{"ＳＨＹＭＫＥＮＴ", Arg{Text: "SHYMKENT"}, nil}, // full-width letters fold by NFKC
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseArg(tt.raw)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseArg(%q) error = %v, want %v", tt.raw, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseArg(%q) = %+v, want %+v", tt.raw, got, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shymkent", "shimkent"},
		{"ШЫМКЕНТ", "shimkent"}, // one subscription whatever the script
		{"  Water  Supply. ", "water suppli"},
		{"Kyzylzhar-2", "kiziljar 2"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
