package main

import (
	"context"
	"strings"
	"testing"
	"time"

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

	u.say("/start")
	u.say("/alerts quiet off") // whatever the hour in Almaty when the test runs
	u.say("/subscribe mfa-budapest")
	msgs := fake.Messages(u.chat)
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
	if _, err := fake.WaitAnswer(ctx, fake.Press(u.chat, fakebotapi.User{ID: u.chat, LanguageCode: "en"}, confirm.MessageID, data)); err != nil {
		t.Fatal(err)
	}
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
