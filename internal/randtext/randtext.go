// Package randtext makes random strings for tests that check a fast
// implementation against its reference on inputs nobody would think of.
package randtext

import (
	"math/rand/v2"
	"strings"
)

// Strings returns n strings of 0 to maxRunes-1 runes each, drawn from
// alphabet; the same seed gives the same strings. When invalid is not 0,
// about one draw in thirty is that byte instead of a rune: a byte of 0x80
// or more on its own is not UTF-8, which the code under test must survive.
func Strings(seed uint64, n, maxRunes int, alphabet string, invalid byte) []string {
	runes := []rune(alphabet)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.IntN(maxRunes) {
			if invalid != 0 && rng.IntN(30) == 0 {
				b.WriteByte(invalid)
				continue
			}
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		out[i] = b.String()
	}
	return out
}
