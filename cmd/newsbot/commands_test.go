package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

const fixture = "../../testdata/enbekshi-news-2025-11-26.txt"

// runCmd runs one subcommand as the binary would and returns its output.
func runCmd(t *testing.T, env map[string]string, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] },
		strings.NewReader(stdin), &out, &errOut)
	return out.String(), err
}

func TestImportTwiceThenSearch(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t)}
	out, err := runCmd(t, env, "", "import", fixture)
	if err != nil {
		t.Fatal(err)
	}
	if want := "enbekshi-news-2025-11-26.txt: 20 new, 0 already known, 0 skipped"; !strings.Contains(out, want) {
		t.Errorf("first import printed %q, want %q", out, want)
	}
	out, err = runCmd(t, env, "", "import", fixture)
	if err != nil {
		t.Fatal(err)
	}
	if want := ": 0 new, 20 already known"; !strings.Contains(out, want) {
		t.Errorf("second import printed %q, want %q", out, want)
	}
	out, err = runCmd(t, env, "", "search", "Kyzylzhar")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kyzylzhar-2 microdistrict in Shymkent has been connected", "From deficit to development"} {
		if !strings.Contains(out, want) {
			t.Errorf("search Kyzylzhar did not find %q:\n%s", want, out)
		}
	}
}

func TestImportOfABadFileChangesNothing(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t)}
	bad := filepath.Join(t.TempDir(), "broken.jsonl")
	content := `{"title":"ok","body":"fine","published":"2025-11-26"}
{"title":"also ok","body":"fine too","published":"2025-11-26"}
{"title": broken`
	if err := os.WriteFile(bad, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runCmd(t, env, "", "import", bad, fixture)
	if err == nil {
		t.Fatal("import of a broken file should fail")
	}
	if !strings.Contains(out, "broken.jsonl:3:") {
		t.Errorf("error should name the file and line, got %q", out)
	}
	if !strings.Contains(out, "20 new") {
		t.Errorf("the good file should still import, got %q", out)
	}
	db := sqlx.MustOpen("postgres", env["DATABASE_URL"])
	defer db.Close()
	var n int
	db.Get(&n, `SELECT count(*) FROM releases WHERE title IN ('ok', 'also ok')`)
	if n != 0 {
		t.Errorf("%d releases of the broken file were stored, want 0", n)
	}
}

func TestMigrateCreatesTheDatabase(t *testing.T) {
	u, _ := url.Parse(testdb.ServerURL())
	name := "newsbot_migrate_test_" + strings.ReplaceAll(t.Name(), "/", "_")
	u.Path = "/" + strings.ToLower(name)
	admin := sqlx.MustOpen("postgres", testdb.ServerURL())
	defer admin.Close()
	drop := func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(strings.ToLower(name)) + ` WITH (FORCE)`)
	}
	drop()
	t.Cleanup(drop)
	env := map[string]string{"DATABASE_URL": u.String()}
	for i := 0; i < 2; i++ { // the second run finds it there and current
		if _, err := runCmd(t, env, "", "migrate"); err != nil {
			t.Fatalf("migrate run %d: %v", i+1, err)
		}
	}
	db := sqlx.MustOpen("postgres", u.String())
	defer db.Close()
	var entities int
	if err := db.Get(&entities, `SELECT count(*) FROM entities WHERE in_catalogue`); err != nil || entities < 50 {
		t.Fatalf("catalogue entities after migrate = %d, %v", entities, err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"import"}, {"search"}} {
		if _, err := runCmd(t, map[string]string{"DATABASE_URL": "postgres://nobody@127.0.0.1:1/x"}, "", args...); err == nil {
			t.Errorf("newsbot %q should fail", args)
		}
	}
	out, err := runCmd(t, nil, "", "version")
	if err != nil || !strings.HasPrefix(out, "newsbot ") {
		t.Errorf("version = %q, %v", out, err)
	}
}

func TestConsoleLoadsTheSampleAndAnswers(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "NEWSBOT_LANG": "en"}
	script := "/start\n/search Kyzylzhar\n/subscribe mfa-budapest\n2\n/latest\n/language kk\n/help\n"
	out, err := runCmd(t, env, script, "console")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"loaded 20 sample releases from enbekshi-news-2025-11-26.txt, their dates moved from 2025-11-26 to today",
		"Hello! I bring you official news",
		"From deficit to development",
		"You now follow Embassy of the Republic of Kazakhstan in Hungary (mfa-budapest)",
		"[1] 🔔 Alert me at once  [2] Also follow the word “mfa-budapest” in all news",
		"You now follow the keyword “mfa-budapest”",
		"<https://www.gov.kz/memleket/entities/mfa-budapest/press/news/details/1112463?lang=en>",
		"Тіл: қазақша.",
		"/subscribe дереккөз немесе сөз",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("console output:\n%s", out)
	}
}

// The newcomer's first hour: follow the city /start suggests, see its news
// with /latest, and a real digest with /digest now, from the bundled sample.
func TestConsoleShowsADigestOfTheSample(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "NEWSBOT_LANG": "en"}
	out, err := runCmd(t, env, "/subscribe shymkent\n/latest shymkent\n/digest now\n", "console")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"You now follow Akimat of Shymkent",
		"Kyzylzhar-2 microdistrict in Shymkent has been connected",
		"(console: your first digest will hold the sample releases that match",
		"Your gov.kz digest",
		"From deficit to development",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("console output:\n%s", out)
	}
}

// NEWSBOT_LANG is the console user's language on every start, until they
// choose one with /language.
func TestConsoleLanguageFollowsNewsbotLang(t *testing.T) {
	db := testdb.URL(t)
	say := func(lang, script string) string {
		t.Helper()
		out, err := runCmd(t, map[string]string{"DATABASE_URL": db, "NEWSBOT_LANG": lang}, script, "console")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	say("en", "/start\n")
	if out := say("ru", "/start\n"); !strings.Contains(out, "Здравствуйте!") {
		t.Errorf("NEWSBOT_LANG=ru on an existing console database: %s", out)
	}
	say("ru", "/language kk\n")
	if out := say("ru", "/start\n"); !strings.Contains(out, "Сәлеметсіз бе!") {
		t.Errorf("after /language kk, NEWSBOT_LANG=ru changed the language back: %s", out)
	}
}

// TestImportSaysWhichURLsItIgnored: a JSON Lines url that is not a gov.kz
// release is not kept, and the import line says so (it used to be dropped
// silently).
func TestImportSaysWhichURLsItIgnored(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t)}
	dir := t.TempDir()
	one := filepath.Join(dir, "one.jsonl")
	os.WriteFile(one, []byte(`{"url":"https://example.com/news/1","title":"Not from gov.kz","body":"A story found elsewhere.","published":"2025-11-26"}`+"\n"), 0o644)
	out, err := runCmd(t, env, "", "import", one)
	if err != nil {
		t.Fatal(err)
	}
	if want := "one.jsonl: 1 new (1 url ignored: not a gov.kz address), 0 already known, 0 skipped"; !strings.Contains(out, want) {
		t.Errorf("import printed %q, want %q", out, want)
	}
	mixed := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(mixed, []byte(strings.Join([]string{
		`{"url":"https://example.com/a","title":"First","body":"One story.","published":"2025-11-26"}`,
		`{"url":"http://example.org/b","title":"Second","body":"Another story.","published":"2025-11-26"}`,
		`{"url":"https://www.gov.kz/memleket/entities/shymkent","title":"Third","body":"A third story.","published":"2025-11-26"}`,
		`{"url":"https://www.gov.kz/memleket/entities/shymkent/press/news/details/1001","title":"Fourth","body":"A gov.kz story.","published":"2025-11-26"}`,
	}, "\n")), 0o644)
	out, err = runCmd(t, env, "", "import", mixed)
	if err != nil {
		t.Fatal(err)
	}
	if want := "mixed.jsonl: 4 new (2 urls ignored: not a gov.kz address; 1 url ignored: not a gov.kz release address), 0 already known"; !strings.Contains(out, want) {
		t.Errorf("import printed %q, want %q", out, want)
	}
	if out, _ = runCmd(t, env, "", "import", fixture); strings.Contains(out, "ignored") {
		t.Errorf("an import with only gov.kz urls says some were ignored: %q", out)
	}
}
