package store

import (
	"testing"

	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/internal/randtext"
)

// textArray writes what pq.StringArray writes (which every statement that
// takes one used before, and the store's tests read back through
// PostgreSQL).
func TestTextArrayIsPQsArray(t *testing.T) {
	cases := [][]string{nil, {}, {""}, {"NULL", "null"}, {`a"b\c`, `\\""`, "{a,b}", " x ", "Шымкент «қала»"}}
	strs := randtext.Strings(7, 8000, 8, `ab "\,{}ШқNUL`+"\n\t", 0)
	for n := 0; len(strs) > 0; n = (n + 1) % 5 { // arrays of 0 to 4 of them
		n = min(n, len(strs))
		cases, strs = append(cases, strs[:n:n]), strs[n:]
	}
	for _, a := range cases {
		got, err := textArray(a).Value()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := pq.StringArray(a).Value()
		if got != want {
			t.Fatalf("textArray(%q) = %#v, pq.StringArray gives %#v", a, got, want)
		}
	}
}
