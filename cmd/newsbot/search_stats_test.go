package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestSearchFindsTheSameOnceWordsAreCounted runs the built binary on an
// archive whose matches are older than the newest releases a search walks
// first, so they are found in the GIN index: before ANALYZE by the query's
// required words, after it by the conjuncts the word statistics pick
// (textmatch.IndexQuery, store/lexeme_stats.go), which each new process
// reads. An operator's `newsbot search`, and /search and /latest in the
// console, find exactly the same releases either way.
func TestSearchFindsTheSameOnceWordsAreCounted(t *testing.T) {
	url := testdb.URL(t)
	newsbot := binaryRunner(t, "DATABASE_URL="+url, "NEWSBOT_LANG=kk")
	archive := filepath.Join(t.TempDir(), "archive.jsonl")
	writeOldMatchesArchive(t, archive)
	if out := newsbot("", "import", archive); !strings.Contains(out, "3106 new") {
		t.Fatalf("import: %s", out)
	}
	cases := []struct {
		query string
		want  []string // every title it finds
	}{
		{"Түркістан облысы ауызсу", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
		{"Сырдария ауданы сумен жабдықтау", []string{"Сырдария ауданы сумен жабдықтау"}},
		{"Сырдарьинский район", []string{"Сырдария ауданы сумен жабдықтау"}},
		{"Түркістан облысы жол", []string{"Түркістан облысы жол"}},
		{"ауызсу -Алматы", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
	}
	check := func(when string) {
		for _, c := range cases {
			out := newsbot("", "search", c.query)
			if got, want := strings.Count(out, " · "), len(c.want); got != want {
				t.Errorf("%s: newsbot search %s found %d releases, want %d:\n%s", when, c.query, got, want, out)
			}
			for _, title := range c.want {
				if !strings.Contains(out, ". "+title+"\n") {
					t.Errorf("%s: newsbot search %s did not find %q:\n%s", when, c.query, title, out)
				}
			}
		}
		out := newsbot("/search Сырдария ауданы сумен жабдықтау\n/latest Түркістан облысы жол\n", "console")
		for _, want := range []string{"1. Сырдария ауданы сумен жабдықтау", "1. Түркістан облысы жол"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the console lacks %q:\n%s", when, want, out)
			}
		}
	}
	check("before ANALYZE")
	db := sqlx.MustOpen("postgres", url)
	defer db.Close()
	db.MustExec(`ANALYZE releases`)
	var counted int
	if err := db.Get(&counted, `SELECT coalesce(cardinality(most_common_elems::text::text[]), 0)
		FROM pg_stats WHERE tablename = 'releases' AND attname = 'canon'`); err != nil || counted == 0 {
		t.Fatalf("ANALYZE counted %d words of releases.canon (%v): the statistics path would not run", counted, err)
	}
	check("after ANALYZE")
}

// writeOldMatchesArchive writes, as JSON Lines for `newsbot import`, six
// releases of three months ago that the queries find or nearly find, and
// 3,100 newer ones (more than a search's first walk reads) holding only the
// common words.
func writeOldMatchesArchive(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	n := 0
	add := func(title, body, published string) {
		n++
		if err := enc.Encode(map[string]string{
			"url":   fmt.Sprintf("https://www.gov.kz/memleket/entities/ontustik/press/news/details/%d?lang=kk", 7700000+n),
			"title": title, "body": body, "lang": "kk", "published": published,
		}); err != nil {
			t.Fatal(err)
		}
	}
	add("Түркістан облысы ауызсу", "Түркістан облысының ауылдарына ауызсу жеткізілді.", "2026-06-01")
	add("Ауызсу жүйесі", "Оңтүстік Қазақстан облысы (қазіргі Түркістан облысы) ауызсу желісі.", "2026-06-02")
	add("Алматы ауызсу", "Алматы облысында ауызсу құбыры салынды.", "2026-06-03")
	add("Түркістан облысы жол", "Түркістан облысында жол жөнделді.", "2026-06-04")
	add("Сырдария ауданы сумен жабдықтау", "Сырдария ауданында сумен жабдықтау жақсарды.", "2026-06-05")
	add("Сырдария", "Сырдария өзені тасыды.", "2026-06-06")
	for i := range 3100 {
		add(fmt.Sprintf("Аудан жаңалығы %d", i),
			"Түркістан облысы, Шымкент қаласы және аудандар әкімдігі хабарлайды. Сумен жабдықтау туралы.",
			fmt.Sprintf("2026-07-%02d", 1+i/100))
	}
}
