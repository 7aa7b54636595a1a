package store

import (
	"fmt"
	"math"
)

// int64s scans a PostgreSQL bigint[] in its text form ("{1,-2,3}"). It is
// pq.Int64Array for arrays of plain integers, read in one pass: a digest
// reads the shingles of every release it weighs, some hundred numbers each,
// for every chat, and pq's general array parser took a third of a digest
// pass.
type int64s []int64

// Scan implements sql.Scanner.
func (a *int64s) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case []byte:
		b = v
	case string:
		b = []byte(v)
	case nil:
		*a = nil
		return nil
	default:
		return fmt.Errorf("store: cannot scan %T into a bigint array", src)
	}
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return fmt.Errorf("store: bigint array %q", b)
	}
	b = b[1 : len(b)-1]
	out := make([]int64, 0, len(b)/16)
	for len(b) > 0 {
		end := 0
		for end < len(b) && b[end] != ',' {
			end++
		}
		n, ok := parseInt64(b[:end])
		if !ok {
			return fmt.Errorf("store: bigint array element %q", b[:end])
		}
		out = append(out, n)
		if end < len(b) {
			end++ // the comma
		}
		b = b[end:]
	}
	*a = out
	return nil
}

// parseInt64 reads a decimal integer without allocating.
func parseInt64(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0') // 19 digits fit in a uint64
	}
	switch {
	case neg && u <= math.MaxInt64+1:
		return int64(-u), true
	case !neg && u <= math.MaxInt64:
		return int64(u), true
	}
	return 0, false
}
