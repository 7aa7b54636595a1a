package store

import (
	"math"
	"testing"
)

// TestLexemeShares: a counted word has its counted share; a word ANALYZE
// did not count may be in as many releases as the rarest it did (freq) but
// is read at a quarter of that (postings); a prefix adds the counted words
// it begins to that bound.
func TestLexemeShares(t *testing.T) {
	st := &lexemeStats{
		words:  []string{"audan", "audani", "oblis", "vodosnabjenie"},
		freqs:  []float64{0.2, 0.1, 0.35, 0.05},
		rarest: 0.04,
	}
	for _, tc := range []struct {
		operand        string
		freq, postings float64
	}{
		{"oblis", 0.35, 0.35},
		{"ridder", 0.02, 0.01},        // exact, not counted: rarest/2 and rarest/4
		{"audan:*", 0.34, 0.31},       // rarest + 0.2 + 0.1; read: 0.01 + 0.3
		{"vodosnabjen:*", 0.09, 0.06}, // rarest + 0.05; read: 0.01 + 0.05
		{"akmeshit:*", 0.04, 0.01},    // no counted word begins it
	} {
		if got := st.freq(tc.operand); math.Abs(got-tc.freq) > 1e-9 {
			t.Errorf("freq(%q) = %v, want %v", tc.operand, got, tc.freq)
		}
		if got := st.postings(tc.operand); math.Abs(got-tc.postings) > 1e-9 {
			t.Errorf("postings(%q) = %v, want %v", tc.operand, got, tc.postings)
		}
	}
}
