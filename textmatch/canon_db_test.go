package textmatch_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// TestMigrationHoldsTheGeneratedFunction: the SQL function in the migration
// is the one generated from the Go tables, so the two cannot drift apart.
func TestMigrationHoldsTheGeneratedFunction(t *testing.T) {
	const newest = "../migrations/00016_ukrainian_letters.sql" // the last migration that defines it
	b, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(b), "-- +goose Down")
	if !strings.Contains(up, textmatch.SQLCanonicalFunction()) {
		t.Fatal(newest + " does not hold textmatch.SQLCanonicalFunction(); " +
			"the tables changed: add a migration with the new function")
	}
	files, err := filepath.Glob("../migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if f > newest && strings.Contains(string(b), "FUNCTION newsbot_canonical") {
			t.Errorf("%s redefines newsbot_canonical: name it as the newest in this test", f)
		}
	}
}

// TestDatabaseAgreesWithGo runs every letter of the Latin, Cyrillic and
// general punctuation blocks, and every line of the fixture and the
// evaluation corpus, through both implementations.
func TestDatabaseAgreesWithGo(t *testing.T) {
	st := testdb.Open(t)
	var inputs []string
	for r := rune(0x20); r < 0x530; r++ { // Latin, IPA, Greek, Cyrillic
		inputs = append(inputs, "x"+string(r)+"e "+strings.ToUpper(string(r))+"ie")
	}
	for r := rune(0x1E00); r < 0x2070; r++ { // Latin extended additional, punctuation
		inputs = append(inputs, string(r)+"kh")
	}
	for _, f := range []string{"../testdata/enbekshi-news-2025-11-26.txt", "../testdata/eval/corpus.jsonl"} {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			inputs = append(inputs, sc.Text())
		}
		fh.Close()
	}
	var got []string
	err := st.DB().SelectContext(context.Background(), &got,
		`SELECT newsbot_canonical(t) FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
		pq.Array(inputs))
	if err != nil {
		t.Fatal(err)
	}
	mismatches := 0
	for i, in := range inputs {
		if want := textmatch.Canonical(in); got[i] != want {
			mismatches++
			if mismatches <= 10 {
				t.Errorf("newsbot_canonical(%q) = %q, Canonical = %q", in, got[i], want)
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d of %d inputs differ", mismatches, len(inputs))
	}
}
