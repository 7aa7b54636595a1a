package digest_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// The alert tests run on the real date: a release alerts only when it was
// published at most a day before it arrived, and it arrives now. Passes are
// run as of chosen moments of the next days, in Almaty.

type alertEnv struct {
	*digestEnv
	a       *digest.Alerter
	m       *sendMetrics
	nextID  int64
	tomorrw time.Time // 00:00 tomorrow in Almaty
}

func newAlertEnv(t *testing.T, e *digestEnv, perDay int) *alertEnv {
	t.Helper()
	m := &sendMetrics{outcomes: map[string]int{}}
	loc, _ := time.LoadLocation("Asia/Almaty")
	today := time.Now().In(loc)
	ae := &alertEnv{digestEnv: e, m: m, nextID: 9000,
		a:       digest.NewAlerter(e.st, digest.AlertOptions{PerDay: perDay, Metrics: m}),
		tomorrw: time.Date(today.Year(), today.Month(), today.Day()+1, 0, 0, 0, 0, loc)}
	e.subscribedAt = time.Now().Add(-time.Hour)
	return ae
}

// at is h:m tomorrow (day 0) or on a later day, in Almaty.
func (e *alertEnv) at(day, h, m int) time.Time {
	return e.tomorrw.AddDate(0, 0, day).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

// arrive stores n new releases of slug published today (or ageDays ago).
func (e *alertEnv) arrive(slug string, n, ageDays int, title string) {
	e.t.Helper()
	var rels []store.NewRelease
	for i := range n {
		e.nextID++
		rels = append(rels, release(slug, e.nextID, time.Now().AddDate(0, 0, -ageDays),
			title+" "+string(rune('A'+i)), "Body of "+title))
	}
	e.importReleases(rels...)
}

func (e *alertEnv) mode(chat int64, delivery string) {
	e.t.Helper()
	if _, err := e.st.DB().Exec(`UPDATE subscriptions SET delivery = $2 WHERE chat_id = $1`, chat, delivery); err != nil {
		e.t.Fatal(err)
	}
}

func (e *alertEnv) run(now time.Time) digest.AlertStats {
	e.t.Helper()
	st, err := e.a.Run(e.ctx, now)
	if err != nil {
		e.t.Fatal(err)
	}
	return st
}

// alerts are the chat's queued alert messages, as a reader sees them.
func (e *alertEnv) alerts(chat int64) []string {
	e.t.Helper()
	return e.queuedOf(chat, "alert")
}

func (e *alertEnv) queuedOf(chat int64, kind string) []string {
	e.t.Helper()
	all := e.queued(chat)
	var kinds []string
	if err := e.st.DB().Select(&kinds, `SELECT kind FROM outbox WHERE chat_id = $1 ORDER BY digest_id, part`, chat); err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for i, k := range kinds {
		if k == kind {
			out = append(out, all[i])
		}
	}
	return out
}

// A release that matches alerts the instant subscriber, not the digest-only
// one.
func TestAlertGoesToTheInstantSubscriberOnly(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 0)
	e.chat(1, "en")
	e.chat(2, "en")
	e.follow(1, "shymkent")
	e.follow(2, "shymkent")
	e.mode(1, store.DeliverInstant)
	e.arrive("shymkent", 1, 0, "Water shutdown in Abay district")
	if st := e.run(e.at(0, 12, 0)); st.Messages != 1 || st.Releases != 1 {
		t.Errorf("pass = %+v, want one message of one release", st)
	}
	got := e.alerts(1)
	if len(got) != 1 || !strings.Contains(got[0], "🔔 New release") || !strings.Contains(got[0], "Water shutdown in Abay district A") {
		t.Errorf("instant subscriber's alerts: %q", got)
	}
	if n := len(e.alerts(2)); n != 0 {
		t.Errorf("the digest-only subscriber got %d alerts", n)
	}
	if e.m.alerts["queued"] != 1 {
		t.Errorf("metrics: %v", e.m.alerts)
	}
	if st := e.run(e.at(0, 12, 5)); st.Messages != 0 {
		t.Errorf("a second pass queued %d messages", st.Messages)
	}
}

// Five releases at once are one bundle; two at once are two messages a
// minute apart.
func TestBundlesAndOneMessageAMinute(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 0)
	e.chat(1, "en")
	e.follow(1, "shymkent")
	e.mode(1, store.DeliverInstant)
	e.arrive("shymkent", 5, 0, "Five")
	e.run(e.at(0, 12, 0))
	got := e.alerts(1)
	if len(got) != 1 || !strings.Contains(got[0], "🔔 5 new from Akimat of Shymkent") || !strings.Contains(got[0], "5. Five E") {
		t.Fatalf("five at once: %q", got)
	}

	e.arrive("shymkent", 2, 0, "Two")
	e.run(e.at(0, 12, 0).Add(30 * time.Second)) // within a minute of the bundle
	if n := len(e.alerts(1)); n != 1 {
		t.Errorf("%d messages within a minute of the last, want none more", n-1)
	}
	e.run(e.at(0, 12, 1))
	e.run(e.at(0, 12, 2))
	got = e.alerts(1)
	if len(got) != 3 || !strings.Contains(got[1], "Two A") || !strings.Contains(got[2], "Two B") {
		t.Errorf("two at once: %q", got[1:])
	}
}

// A release at 23:30 in Almaty waits through the quiet hours and comes in
// the morning, once; a digest that comes first holds it instead.
func TestQuietHoursAndTheDigestFirst(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 0)
	e.chat(1, "ru")
	e.chat(2, "ru")
	e.follow(1, "shymkent")
	e.follow(2, "shymkent")
	e.mode(1, store.DeliverInstant)
	e.mode(2, store.DeliverInstant)
	// Chat 2's digest comes at 07:00, inside the quiet hours.
	if _, err := e.st.DB().Exec(`UPDATE chats SET digest_time = '07:00', next_digest_at = $1 WHERE id = 2`, e.at(1, 7, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.DB().Exec(`UPDATE chats SET next_digest_at = $1 WHERE id = 1`, e.at(1, 9, 0)); err != nil {
		t.Fatal(err)
	}
	e.arrive("shymkent", 1, 0, "Late news")
	e.run(e.at(0, 23, 30))
	if n := len(e.alerts(1)) + len(e.alerts(2)); n != 0 {
		t.Fatalf("%d alerts during the quiet hours", n)
	}
	e.pass(e.at(1, 7, 0)) // chat 2's digest
	if st := e.run(e.at(1, 8, 1)); st.Messages != 1 {
		t.Errorf("the morning pass queued %d messages, want chat 1's", st.Messages)
	}
	if got := e.alerts(1); len(got) != 1 || !strings.Contains(got[0], "Late news A") || !strings.Contains(got[0], "Свежая новость") {
		t.Errorf("chat 1 in the morning: %q", got)
	}
	if got := e.alerts(2); len(got) != 0 {
		t.Errorf("chat 2 was alerted after its digest held the release: %q", got)
	}
	if d := e.queuedOf(2, "digest"); len(d) != 1 || !strings.Contains(d[0], "Late news A") {
		t.Errorf("chat 2's digest: %q", d)
	}
	var folded int
	if err := e.st.DB().Get(&folded, `SELECT count(*) FROM alerts WHERE chat_id = 2 AND status = 'folded'`); err != nil || folded != 1 {
		t.Errorf("chat 2's alert folded into its digest: %d (%v), want 1", folded, err)
	}
	e.run(e.at(1, 8, 5))
	if n := len(e.alerts(1)); n != 1 {
		t.Errorf("chat 1 got %d alerts, want 1", n)
	}
}

// An alerted release is not repeated in the digest of an instant-only
// subscription, and is in a "both" subscription's digest.
func TestDigestAfterAlertsByMode(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 0)
	for chat, mode := range map[int64]string{1: store.DeliverInstant, 3: store.DeliverBoth} {
		e.chat(chat, "en")
		e.follow(chat, "shymkent")
		e.mode(chat, mode)
		if _, err := e.st.DB().Exec(`UPDATE chats SET next_digest_at = $1 WHERE id = $2`, e.at(1, 9, 0), chat); err != nil {
			t.Fatal(err)
		}
	}
	e.arrive("shymkent", 1, 0, "Consular hours")
	e.run(e.at(0, 12, 0))
	e.pass(e.at(1, 9, 0))
	if d := e.queuedOf(1, "digest"); len(d) != 0 {
		t.Errorf("the instant subscriber's digest repeats the alert: %q", d)
	}
	if d := e.queuedOf(3, "digest"); len(d) != 1 || !strings.Contains(d[0], "Consular hours A") {
		t.Errorf("the both subscriber's digest: %q", d)
	}
	if len(e.alerts(1)) != 1 || len(e.alerts(3)) != 1 {
		t.Errorf("alerts: %d and %d, want one each", len(e.alerts(1)), len(e.alerts(3)))
	}
}

// Old news is not news: an archive import alerts no one.
func TestArchiveImportAlertsNoOne(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 0)
	e.chat(1, "en")
	e.follow(1, "shymkent")
	e.mode(1, store.DeliverInstant)
	e.arrive("shymkent", 3, 10, "Archive")
	if st := e.run(e.at(0, 12, 0)); st.Matched != 0 || st.Messages != 0 {
		t.Errorf("an archive import: %+v, want no alert", st)
	}
}

// The day's cap holds the rest for the digest.
func TestDailyCap(t *testing.T) {
	e := newAlertEnv(t, newDigestEnv(t, digest.BuildOptions{}), 2)
	e.chat(1, "kk")
	e.follow(1, "shymkent")
	e.mode(1, store.DeliverInstant)
	for i := range 3 {
		e.arrive("shymkent", 1, 0, "Capped"+string(rune('1'+i)))
		e.run(e.at(0, 12, 2*i))
	}
	if n := len(e.alerts(1)); n != 2 {
		t.Errorf("%d alerts under a cap of 2", n)
	}
}

// Two replicas running alert passes at once alert once.
func TestTwoReplicasAlertOnce(t *testing.T) {
	url := testdb.URL(t)
	e := newAlertEnv(t, newDigestEnvOn(t, url), 0)
	other := newAlertEnv(t, newDigestEnvOn(t, url), 0)
	e.chat(1, "en")
	e.follow(1, "shymkent")
	e.mode(1, store.DeliverInstant)
	e.arrive("shymkent", 1, 0, "Once")
	var wg sync.WaitGroup
	for _, x := range []*alertEnv{e, other, e, other} {
		wg.Go(func() { x.run(e.at(0, 12, 0)) })
	}
	wg.Wait()
	if n := len(e.alerts(1)); n != 1 {
		t.Errorf("%d alert messages from four passes on two replicas, want 1", n)
	}
}
