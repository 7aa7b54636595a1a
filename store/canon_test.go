package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// canonInputs are the lines of the fixture and the evaluation corpus, and
// texts at the tsvector's limits: a word too long to index, one repeated
// past the positions a word keeps, positions past the largest.
func canonInputs(t *testing.T) []string {
	inputs := []string{
		"",
		"Шымкент " + strings.Repeat("ы", 1100) + " Kyzylzhar-2 Шымкент",
		strings.Repeat("су құбыры ", 300),
		strings.Repeat("a b c d e f g h ", 2100) + "Astana Astana",
		"0001 2025 1e5 a1b2 3д Nur-Sultan'dıñ",
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
	return inputs
}

// sqlCanon is the canonical vector as PostgreSQL computes it (the trigger
// of migration 00015), of columns or parameters t (title), b (body) and o
// (other versions).
const sqlCanon = `setweight(to_tsvector('simple', newsbot_canonical(%[1]s)), 'A') ||
	to_tsvector('simple', newsbot_canonical(%[2]s)) ||
	setweight(to_tsvector('simple', newsbot_canonical(%[3]s)), 'C')`

// The vector the writers store is the one PostgreSQL computes from the
// text: every input as a title, a body and another version's text, in
// turn beside the others (so that positions go on from one part to the
// next, up to the largest).
func TestCanonVectorIsWhatPostgreSQLComputes(t *testing.T) {
	st := testdb.Open(t)
	inputs := canonInputs(t)
	n := len(inputs)
	titles, bodies, others, vectors := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i := range inputs {
		titles[i], bodies[i], others[i] = inputs[i], inputs[(i+1)%n], inputs[(i+2)%n]
		vectors[i] = store.CanonVector(titles[i], bodies[i], others[i])
	}
	var differ []int
	err := st.DB().SelectContext(context.Background(), &differ, `
		SELECT n::int FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(t, b, o, v, n)
		WHERE v::tsvector IS DISTINCT FROM `+fmt.Sprintf(sqlCanon, "t", "b", "o")+`
		ORDER BY n`, pq.Array(titles), pq.Array(bodies), pq.Array(others), pq.Array(vectors))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range differ[:min(len(differ), 5)] {
		t.Errorf("CanonVector(%.60q…, %.60q…, %.60q…) differs from PostgreSQL's", titles[n-1], bodies[n-1], others[n-1])
	}
	if len(differ) > 0 {
		t.Errorf("%d of %d inputs differ", len(differ), len(inputs))
	}
}

// Imported releases, and a release whose text an UPDATE in SQL changes
// (the trigger's case), carry the canon PostgreSQL's own function gives.
func TestImportedCanonIsTheDatabasesOwn(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	var rels []store.NewRelease
	for i, in := range canonInputs(t)[1:40] {
		r := rel("shymkent", int64(i+1), in, "Шымкентте су құбыры")
		r.ContentHash = strings.Repeat("c", 60) + string(rune('a'+i/26)) + string(rune('a'+i%26))
		rels = append(rels, r)
	}
	rels = append(rels, rels[0]) // repeated within one import: stored once
	got, err := st.ImportReleases(ctx, rels)
	if err != nil {
		t.Fatal(err)
	}
	if got.New != len(rels)-1 || got.Known != 1 {
		t.Errorf("import = %+v, want %d new and 1 known", got, len(rels)-1)
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE releases SET other_text = 'Венгрия Budapest' WHERE govkz_id = 2`); err != nil {
		t.Fatal(err)
	}
	var wrong int
	err = st.DB().GetContext(ctx, &wrong, `SELECT count(*) FROM releases WHERE canon IS DISTINCT FROM
		`+fmt.Sprintf(sqlCanon, "title", "body", "other_text"))
	if err != nil || wrong != 0 {
		t.Errorf("%d releases with a canon other than the database's own (%v)", wrong, err)
	}
	var order []int64
	if err := st.DB().SelectContext(ctx, &order, `SELECT govkz_id FROM releases ORDER BY arrival_seq`); err != nil {
		t.Fatal(err)
	}
	for i, id := range order {
		if id != int64(i+1) {
			t.Fatalf("arrival order %v, want the import's order", order)
		}
	}
}

// A release's search vector is kept in its row (migration 00017), where
// /search and /latest test it on every release they walk, and a long
// release's body goes out of line instead. PostgreSQL 15 cannot tell where
// one value is stored, so this checks the column's storage, and that a long
// release is stored and read back whole.
func TestCanonStaysInTheRow(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	var storage string
	if err := st.DB().GetContext(ctx, &storage, `
		SELECT attstorage FROM pg_attribute WHERE attrelid = 'releases'::regclass AND attname = 'canon'`); err != nil {
		t.Fatal(err)
	}
	if storage != "m" {
		t.Errorf("releases.canon has storage %q, want m (MAIN: in the row)", storage)
	}
	var body strings.Builder
	for i := range 150 {
		fmt.Fprintf(&body, "word%d Шымкент%d, as the akimat reported. ", i, i*7)
	}
	r := rel("shymkent", 1, "A long release", body.String())
	if _, err := st.ImportReleases(ctx, []store.NewRelease{r}); err != nil {
		t.Fatal(err)
	}
	var same bool
	if err := st.DB().GetContext(ctx, &same, `SELECT canon = $1::tsvector AND body = $2 FROM releases`,
		store.CanonVector(r.Title, r.Body, ""), r.Body); err != nil || !same {
		t.Errorf("the long release did not come back whole: %v, %v", same, err)
	}
}

// A release's texts are compressed with lz4 where the server has it
// (migration 00018: pglz was a third of the cost of storing a row before
// its indexes), and are read back whole either way.
func TestReleaseTextsCompressWithLZ4(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	want := "l" // pg_attribute.attcompression of lz4
	if _, err := st.DB().ExecContext(ctx, `SET default_toast_compression = lz4`); err != nil {
		want = "" // a server built without lz4 keeps the default
	}
	var cols []string
	if err := st.DB().SelectContext(ctx, &cols, `
		SELECT attrelid::regclass || '.' || attname || '=' || attcompression::text FROM pg_attribute
		WHERE attrelid IN ('releases'::regclass, 'release_versions'::regclass) AND attname IN ('title', 'body')
		ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	wantCols := []string{"release_versions.body=" + want, "release_versions.title=" + want,
		"releases.body=" + want, "releases.title=" + want}
	if !slices.Equal(cols, wantCols) {
		t.Errorf("compression %v, want %v", cols, wantCols)
	}
	body := strings.Repeat("Шымкент қаласының әкімдігі су құбырын жөндеді. ", 200)
	r := rel("shymkent", 1, "Су", body)
	if _, err := st.ImportReleases(ctx, []store.NewRelease{r}); err != nil {
		t.Fatal(err)
	}
	var method sql.NullString
	var same bool
	if err := st.DB().QueryRowContext(ctx, `SELECT pg_column_compression(body), body = $1 FROM releases`, body).
		Scan(&method, &same); err != nil || !same {
		t.Fatalf("the release did not come back whole: %v, %v", same, err)
	}
	if want == "l" && method.String != "lz4" {
		t.Errorf("a long body is compressed with %q, want lz4", method.String)
	}
}
