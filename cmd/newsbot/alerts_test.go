package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// A resident switches their embassy subscription to instant alerts; an
// import brings a matching release while serve runs: the alert arrives
// within the minute's tick (on the real clock), and a digest-only
// subscriber of the same source gets no alert.
func TestImportedReleaseAlertsTheInstantSubscriberWithinAMinute(t *testing.T) {
	t.Parallel()
	d := newDigestServe(t)
	fake, u := d.fake, d.user
	startProc(t, d.bin, d.env, "serve")
	other := serveUser{t, fake, 502}

	followInstantly(t, u, "mfa-budapest")
	other.say("/alerts quiet off")
	other.say("/subscribe mfa-budapest")

	before := len(fake.Messages(u.chat))
	imported := time.Now()
	d.importRelease("AlertNow", 9700, imported.Add(time.Hour))
	waitFor(t, "the alert arrives", func() bool { return len(fake.Messages(u.chat)) > before })
	alert := fake.Messages(u.chat)[before]
	t.Logf("imported at %s; the alert came %s later", imported.Format("15:04:05.000"), alert.Time.Sub(imported).Round(time.Millisecond))
	if !strings.Contains(alert.Plain, "🔔 New release") || !strings.Contains(alert.Plain, "AlertNow 1") {
		t.Errorf("alert %q", alert.Plain)
	}
	if delay := alert.Time.Sub(imported); delay > 75*time.Second {
		t.Errorf("the alert came %s after the import, want within the minute's tick", delay)
	}
	time.Sleep(2 * time.Second)
	for _, m := range fake.Messages(other.chat) {
		if strings.Contains(m.Plain, "🔔 New release") {
			t.Errorf("the digest-only subscriber was alerted: %q", m.Plain)
		}
	}
	if n := len(fake.Messages(u.chat)); n != before+1 {
		t.Errorf("%d alerts, want 1", n-before)
	}
}

// followInstantly makes u follow slug and press the confirmation's alert
// button, with no quiet hours (whatever the hour in Almaty when the test
// runs).
func followInstantly(t *testing.T, u serveUser, slug string) {
	t.Helper()
	u.say("/start")
	u.say("/alerts quiet off")
	u.say("/subscribe " + slug)
	msgs := u.fake.Messages(u.chat)
	confirm := msgs[len(msgs)-1]
	var data string
	for _, row := range confirm.Keyboard {
		for _, b := range row {
			if strings.Contains(b.Text, "Alert me at once") {
				data = b.CallbackData
			}
		}
	}
	if data == "" {
		t.Fatalf("no alert button under %q", confirm.Plain)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := u.fake.WaitAnswer(ctx, u.fake.Press(u.chat, fakebotapi.User{ID: u.chat, LanguageCode: "en"}, confirm.MessageID, data)); err != nil {
		t.Fatal(err)
	}
}

// The operator's fetch brings what gov.kz published: one release alerts
// the instant subscriber within a minute, alone; five at once, a minute
// later at the earliest, come as one bundle; nothing comes twice.
func TestFetchedReleasesAlertOneThenABundle(t *testing.T) {
	t.Parallel()
	d := newDigestServe(t)
	fake, u := d.fake, d.user
	govkz := fakegovkz.New()
	t.Cleanup(govkz.Close)
	d.env["GOVKZ_BASE_URL"], d.env["POLL_ENTITIES"], d.env["POLL_LANGS"] = govkz.URL(), "none", "ru"
	startProc(t, d.bin, d.env, "serve")
	followInstantly(t, u, "mfa-budapest")

	fetch := func(news ...fakegovkz.News) time.Time {
		govkz.SetNews("mfa-budapest", "ru", news...)
		at := time.Now()
		if out, _, err := runBin(t, d.bin, d.env, time.Minute, "fetch", "--entity", "mfa-budapest"); err != nil {
			t.Fatalf("fetch: %v\n%s", err, out)
		}
		return at
	}
	alerts := func() []fakebotapi.Message {
		var out []fakebotapi.Message
		for _, m := range fake.Messages(u.chat) {
			if strings.Contains(m.Plain, "🔔") && (strings.Contains(m.Plain, "New release") || strings.Contains(m.Plain, "new from")) {
				out = append(out, m)
			}
		}
		return out
	}
	now := time.Now()
	one := fakegovkz.News{ID: 8801, Title: "Консульский приём переносится", Body: "<p>Консульский отдел посольства в Будапеште принимает по новому графику.</p>", Created: now}
	fetched := fetch(one)
	waitFor(t, "the first alert", func() bool { return len(alerts()) == 1 })
	first := alerts()[0]
	t.Logf("fetched at %s; the alert came %s later", fetched.Format("15:04:05.000"), first.Time.Sub(fetched).Round(time.Millisecond))
	if !strings.Contains(first.Plain, "Консульский приём переносится") || first.Time.Sub(fetched) > 75*time.Second {
		t.Errorf("first alert %q, %s after the fetch", first.Plain, first.Time.Sub(fetched))
	}

	var five []fakegovkz.News
	for i := range 5 {
		five = append(five, fakegovkz.News{ID: int64(8802 + i), Title: fmt.Sprintf("Новость посольства номер %d", i+1),
			Body: fmt.Sprintf("<p>Посольство сообщает о событии %d в Будапеште.</p>", i+1), Created: now.Add(time.Duration(i+1) * time.Minute)})
	}
	fetch(append(five, one)...)
	waitFor(t, "the bundle", func() bool { return len(alerts()) == 2 })
	bundle := alerts()[1]
	if !strings.Contains(bundle.Plain, "5 new from") {
		t.Errorf("second alert %q, want one bundle of the five", bundle.Plain)
	}
	if gap := bundle.Time.Sub(first.Time); gap < 59*time.Second {
		t.Errorf("the bundle came %s after the first alert, want a minute apart at least", gap)
	}
	time.Sleep(2 * time.Second)
	if n := len(alerts()); n != 2 {
		t.Errorf("%d alerts, want 2: the first and the bundle", n)
	}
}
