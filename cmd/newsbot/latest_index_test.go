package main

import (
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

// A resident follows a village's name while serve runs; a release naming it
// is imported: /latest shows it at once (from its own match of what arrived
// since the keyword index's last pass, unless a tick fell in between), and
// still once after serve's next minute tick has put it in the index (on the
// real clock, the built binary, the fake Bot API).
func TestLatestOfAFollowedKeywordBeforeAndAfterTheIndexPass(t *testing.T) {
	t.Parallel()
	d := newDigestServe(t)
	startProc(t, d.bin, d.env, "serve")
	u := d.user
	u.say("/start")
	u.say("/subscribe Zhanakurylys")
	d.importRelease("Zhanakurylys road repair", 9800, time.Now().Add(time.Hour))

	const title = "Zhanakurylys road repair 1"
	if got := u.say("/latest"); strings.Count(got, title) != 1 {
		t.Fatalf("/latest right after the import shows\n%s\nwant %q once", got, title)
	}

	db, err := sqlx.Open("postgres", d.env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	waitFor(t, "serve's keyword index pass matches the release", func() bool {
		var n int
		err := db.Get(&n, `SELECT count(*) FROM keyword_matches m JOIN releases r ON r.id = m.release_id
			WHERE r.title = $1`, title)
		return err == nil && n == 1
	})
	if got := u.say("/latest"); strings.Count(got, title) != 1 {
		t.Errorf("/latest after the index pass shows\n%s\nwant %q once", got, title)
	}
}
