package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

func TestDigestPreviewThenRun(t *testing.T) {
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	env := map[string]string{"DATABASE_URL": testdb.URL(t),
		"TELEGRAM_BOT_TOKEN": "4242:digest-cmd-test-token-abcdef", "TELEGRAM_API_URL": fake.URL()}
	if _, err := runCmd(t, env, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	digestFollow(t, env["DATABASE_URL"], 77, "mfa-budapest", fixtureSubscribed)
	if _, err := runCmd(t, env, "", "import", fixture); err != nil {
		t.Fatal(err)
	}
	const now = "2025-11-26T09:00:00+05:00"
	out, err := runCmd(t, env, "", "digest", "preview", "--chat", "77", "--now", now)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"message 1 of 1", "26 November 2025", "Meeting at the Embassy with Kazakhstani Specialists"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview does not show %q:\n%s", want, out)
		}
	}
	for range 2 { // the second run finds nothing new
		if _, err := runCmd(t, env, "", "digest", "run", "--now", now); err != nil {
			t.Fatal(err)
		}
		if msgs := fake.Messages(77); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Water Governance") {
			t.Fatalf("chat got %d messages, want its digest once", len(msgs))
		}
	}
	if out, _ := runCmd(t, env, "", "digest", "preview", "--chat", "77", "--now", now); !strings.Contains(out, "nothing new") {
		t.Errorf("preview after the run: %q, want nothing new", out)
	}
	if _, err := runCmd(t, env, "", "digest", "run", "--now", "tomorrow"); err == nil {
		t.Error("digest run accepted --now tomorrow")
	}
}

// fixtureSubscribed is when the tests that build the fixture's digests
// subscribe: the night before its newest releases' 09:00 digest.
var fixtureSubscribed = time.Date(2025, 11, 26, 0, 0, 0, 0, time.FixedZone("Almaty", 5*3600))

// digestFollow makes chat follow slug as if it subscribed at at, which
// schedules its first digest (the first 09:00 in Almaty after at).
func digestFollow(t *testing.T, url string, chat int64, slug string, at time.Time) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ent, err := st.EntityBySlug(ctx, slug)
	if err == nil {
		_, err = st.TouchChat(ctx, chat, "private", "en")
	}
	if err == nil {
		_, _, err = st.AddSubscription(ctx, store.NewSubscription{ChatID: chat, Kind: store.SubEntity,
			Value: slug, Normalized: slug, EntityID: ent.ID, At: at}, 50)
	}
	if err != nil {
		t.Fatal(err)
	}
}
