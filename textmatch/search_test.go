package textmatch

import (
	"errors"
	"testing"
	"time"
)

func TestParseSearch(t *testing.T) {
	tests := []struct {
		raw     string
		want    Search
		wantErr error
	}{
		{"Shymkent", Search{Words: "Shymkent", Match: "(shimkent:* | chimkent:*)", Terms: []string{"chimkent:*", "shimkent:*"}}, nil},
		{"water entity:Shymkent since:2025-11-01", Search{Words: "water", Match: "water:*", Terms: []string{"water:*"},
			Entity: "shymkent", Since: time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)}, nil},
		{"entity:mfa-budapest", Search{Entity: "mfa-budapest"}, nil},
		{"since:yesterday Almaty", Search{}, ErrBadSince},
	}
	for _, tt := range tests {
		got, err := ParseSearch(tt.raw)
		if !errors.Is(err, tt.wantErr) {
			t.Fatalf("ParseSearch(%q) error = %v, want %v", tt.raw, err, tt.wantErr)
		}
		if err != nil {
			continue
		}
		if got.Words != tt.want.Words || got.Match != tt.want.Match || got.Entity != tt.want.Entity ||
			!got.Since.Equal(tt.want.Since) || len(got.Terms) != len(tt.want.Terms) {
			t.Errorf("ParseSearch(%q) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}
