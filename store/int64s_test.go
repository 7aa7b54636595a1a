package store

import (
	"math"
	"slices"
	"testing"

	"github.com/lib/pq"
)

func TestInt64sScansWhatPqWrites(t *testing.T) {
	for _, want := range [][]int64{
		{}, {0}, {1, -2, 3}, {math.MaxInt64, math.MinInt64, -1},
		{-7011933262406548731, 5302880617127101893, 41},
	} {
		text, err := pq.Int64Array(want).Value()
		if err != nil {
			t.Fatal(err)
		}
		var got int64s
		if err := got.Scan([]byte(text.(string))); err != nil || !slices.Equal(got, want) {
			t.Errorf("Scan(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	var got int64s
	for _, bad := range []any{"{1,x}", "1,2", "{NULL}", 42, "{9223372036854775808}", "{-9223372036854775809}", "{-}", "{1,,2}"} {
		if err := got.Scan(bad); err == nil {
			t.Errorf("Scan(%v) = %v, want an error", bad, got)
		}
	}
	if err := got.Scan(nil); err != nil || got != nil {
		t.Errorf("Scan(nil) = %v, %v; want nil", got, err)
	}
}
