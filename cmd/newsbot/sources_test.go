package main

import (
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestUnknownPollEntityStopsTheBinary: a typo in POLL_ENTITIES is named on
// one line, before anything is written (it used to become an entity).
func TestUnknownPollEntityStopsTheBinary(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.URL(t)}
	if _, err := runCmd(t, env, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	env["POLL_ENTITIES"] = "shymkent,nosuch"
	for _, args := range [][]string{{"sources", "status"}, {"fetch"}} {
		_, err := runCmd(t, env, "", args...)
		if err == nil || !strings.Contains(err.Error(), `"nosuch"`) || !strings.Contains(err.Error(), "POLL_ENTITIES") ||
			strings.Contains(err.Error(), "\n") {
			t.Errorf("newsbot %s with POLL_ENTITIES=shymkent,nosuch: %v; want one line naming nosuch", strings.Join(args, " "), err)
		}
	}
	if n := count(t, env["DATABASE_URL"], `SELECT count(*) FROM entities WHERE slug = 'nosuch'`); n != 0 {
		t.Error("the unknown slug became an entity")
	}
}

// TestSourcesStatusChangesNothing: status shows the sources as the current
// settings would have them, and leaves the database as it was.
func TestSourcesStatusChangesNothing(t *testing.T) {
	fake := fakeGovkz(t)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": fake.URL(), "POLL_ENTITIES": "shymkent", "POLL_LANGS": "ru"}
	if out, err := runCmd(t, env, "", "fetch"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	snapshot := func() string {
		var rows []string
		st, err := openStore(t.Context(), LoadConfig(func(k string) string { return env[k] }))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.DB().Select(&rows, `SELECT s::text FROM sources s ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		var ents []string
		if err := st.DB().Select(&ents, `SELECT e::text FROM entities e ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		return strings.Join(rows, "\n") + "\n" + strings.Join(ents, "\n")
	}
	before := snapshot()

	env["POLL_ENTITIES"], env["POLL_LANGS"] = "astana", "kk,ru"
	env["FEEDS"] = "mynews=https://news.example/rss"
	out, err := runCmd(t, env, "", "sources", "status")
	if err != nil {
		t.Fatal(err)
	}
	line(t, out, "astana/kk", "not polled yet") // as the new settings have it
	line(t, out, "shymkent/ru", "disabled")
	line(t, out, "https://news.example/rss", "not polled yet")
	if after := snapshot(); after != before {
		t.Errorf("sources status changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
