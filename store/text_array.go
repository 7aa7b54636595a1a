package store

import (
	"database/sql/driver"
	"strings"
)

// textArray is a text[] parameter, written as pq.StringArray writes it
// (every element quoted, " and \ escaped with \), without its copy of each
// string and the buffer's regrowth: a digest batch hands PostgreSQL
// megabytes of HTML in one array, and encoding it was a tenth of a digest
// pass. A nil textArray is NULL.
type textArray []string

// Value implements driver.Valuer.
func (a textArray) Value() (driver.Value, error) {
	if a == nil {
		return nil, nil
	}
	n := 2
	for _, s := range a {
		n += len(s) + 3 // quotes and a comma
	}
	var b strings.Builder
	b.Grow(n + n/32) // and a few escapes
	b.WriteByte('{')
	for i, s := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		for {
			j := strings.IndexAny(s, `"\`)
			if j < 0 {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:j])
			b.WriteByte('\\')
			b.WriteByte(s[j])
			s = s[j+1:]
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String(), nil
}
