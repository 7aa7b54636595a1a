package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/newsbot-kz/newsbot/internal/oldmatches"
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
	check := func(when string) {
		for _, c := range oldmatches.Cases {
			out := newsbot("", "search", c.Typed)
			if got, want := strings.Count(out, " · "), len(c.Want); got != want {
				t.Errorf("%s: newsbot search %s found %d releases, want %d:\n%s", when, c.Typed, got, want, out)
			}
			for _, title := range c.Want {
				if !strings.Contains(out, ". "+title+"\n") {
					t.Errorf("%s: newsbot search %s did not find %q:\n%s", when, c.Typed, title, out)
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

// writeOldMatchesArchive writes oldmatches.Archive as JSON Lines for
// `newsbot import`, its first day three months before the fixture's.
func writeOldMatchesArchive(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	first := time.Date(2025, 8, 26, 0, 0, 0, 0, time.UTC)
	for i, r := range oldmatches.Archive() {
		if err := enc.Encode(map[string]string{
			"url":   fmt.Sprintf("https://www.gov.kz/memleket/entities/ontustik/press/news/details/%d?lang=kk", 7700001+i),
			"title": r.Title, "body": r.Body, "lang": "kk",
			"published": first.AddDate(0, 0, r.Day).Format(time.DateOnly),
		}); err != nil {
			t.Fatal(err)
		}
	}
}
