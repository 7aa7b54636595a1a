package textmatch

import (
	"slices"
	"testing"
)

func TestShinglesNormaliseCaseAndPunctuation(t *testing.T) {
	a := Shingles("Kyzylzhar-2, SHYMKENT!", "“Water” — for 265 houses…")
	b := Shingles("kyzylzhar 2 shymkent", "water for 265 houses")
	if !slices.Equal(a, b) {
		t.Errorf("normalised texts differ:\n%v\n%v", a, b)
	}
	if got := Jaccard(a, b); got != 1 {
		t.Errorf("Jaccard of the same text = %v, want 1", got)
	}
}

func TestShinglesKeepKazakhLettersApart(t *testing.T) {
	// Kazakh і and и are different letters; so are Latin ı and i.
	for _, pair := range [][2]string{{"іс", "ис"}, {"qazaqstandı", "qazaqstandi"}} {
		if Jaccard(Shingles(pair[0], ""), Shingles(pair[1], "")) != 0 {
			t.Errorf("%q and %q were folded together", pair[0], pair[1])
		}
	}
	if Jaccard(Shingles("ШЫМКЕНТ", ""), Shingles("шымкент", "")) != 1 {
		t.Error("Cyrillic upper and lower case differ")
	}
}

func TestShinglesSortedAndDistinct(t *testing.T) {
	got := Shingles("the the the water", "water and the water")
	if !slices.IsSorted(got) {
		t.Errorf("not sorted: %v", got)
	}
	if len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("repeated shingles: %v", got)
	}
	if want := 3; len(got) != want { // the, water, and
		t.Errorf("%d shingles, want %d", len(got), want)
	}
	if got := Shingles("", "  —  "); got == nil || len(got) != 0 {
		t.Errorf("text without words gave %v, want an empty, non-nil set", got)
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		name string
		a, b []int64
		want float64
	}{
		{"same", []int64{1, 2, 3}, []int64{1, 2, 3}, 1},
		{"disjoint", []int64{1, 2}, []int64{3, 4}, 0},
		{"half", []int64{1, 2, 3}, []int64{2, 3, 4}, 0.5},
		{"subset", []int64{-5, 1}, []int64{-5, 1, 7, 9}, 0.5},
		{"one empty", nil, []int64{1}, 0},
		{"both empty", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Jaccard(tt.a, tt.b); got != tt.want {
				t.Errorf("Jaccard = %v, want %v", got, tt.want)
			}
			if got := Jaccard(tt.b, tt.a); got != tt.want {
				t.Errorf("Jaccard reversed = %v, want %v", got, tt.want)
			}
		})
	}
}
