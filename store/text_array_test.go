package store

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// textArray writes what pq.StringArray writes (which every statement that
// takes one used before, and the store's tests read back through
// PostgreSQL).
func TestTextArrayIsPQsArray(t *testing.T) {
	cases := [][]string{nil, {}, {""}, {"NULL", "null"}, {`a"b\c`, `\\""`, "{a,b}", " x ", "Шымкент «қала»"}}
	alphabet := []rune(`ab "\,{}ШқNUL` + "\n\t")
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		var a []string
		for range rng.IntN(5) {
			var b strings.Builder
			for range rng.IntN(8) {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
			a = append(a, b.String())
		}
		cases = append(cases, a)
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
