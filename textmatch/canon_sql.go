package textmatch

import (
	"sort"
	"strings"
	"unicode"
)

// SQLCanonicalFunction is the SQL definition of newsbot_canonical, the
// database's copy of Canonical, generated from the same tables. The
// migration that defines the function holds this text; a test fails when
// they differ, and the parity test runs both over every letter and over
// real releases. A change to the tables needs a new migration with the new
// text.
func SQLCanonicalFunction() string {
	var uppers, lowers, from, to, drops strings.Builder
	for _, r := range sortedRunes() {
		if u := unicode.ToUpper(r); u != r && u > unicode.MaxASCII {
			uppers.WriteRune(u)
			lowers.WriteRune(r)
		}
		if t, ok := oneRune[r]; ok {
			if t == dropRune {
				drops.WriteRune(r)
			} else {
				from.WriteRune(r)
				to.WriteRune(t)
			}
		}
	}
	// İ lower-cases to i in Go; its upper case is not a key of the tables.
	uppers.WriteRune('İ')
	lowers.WriteRune('i')

	expr := `translate(lower(normalize(t, NFKC) COLLATE "C"), ` + lit(uppers.String()) + `, ` + lit(lowers.String()) + `)`
	multi := make([]rune, 0, len(multiRune))
	for r := range multiRune {
		multi = append(multi, r)
	}
	sort.Slice(multi, func(i, j int) bool { return multi[i] < multi[j] })
	for _, r := range multi {
		expr = `replace(` + expr + `, ` + lit(string(r)) + `, ` + lit(multiRune[r]) + `)`
	}
	// translate deletes the characters of its second argument that have no
	// counterpart in the third: the dropped letters go last.
	expr = `translate(` + expr + `, ` + lit(from.String()+drops.String()) + `, ` + lit(to.String()) + `)`
	expr = `regexp_replace(` + expr + `, '[^a-z0-9]+', ' ', 'g')`
	expr = `replace(replace(` + expr + `, 'kh', 'k'), 'zh', 'j')`
	expr = `regexp_replace(` + expr + `, '(?<![^ aeiou])i(?=e)', '', 'g')`
	return "CREATE OR REPLACE FUNCTION newsbot_canonical(t text) RETURNS text\n" +
		"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE\n" +
		"RETURN btrim(" + expr + ");\n"
}

func sortedRunes() []rune {
	keys := make([]rune, 0, len(oneRune)+len(multiRune))
	for r := range oneRune {
		keys = append(keys, r)
	}
	for r := range multiRune {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// lit is a SQL string literal.
func lit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
