package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// These tests drive the built binary against the fake Bot API and the real
// clock: no clock is injected anywhere, so the builder's and the sender's
// clocks are the process's own, as in production.

// releasesFile writes a JSON Lines file of n releases of entity slug,
// published today, with titles that start with title, and returns its path.
func releasesFile(t *testing.T, slug, title string, firstID, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		line, err := json.Marshal(map[string]any{
			"url":       fmt.Sprintf("https://www.gov.kz/memleket/entities/%s/press/news/details/%d?lang=en", slug, firstID+i),
			"entity":    slug,
			"title":     fmt.Sprintf("%s %d", title, i+1),
			"body":      fmt.Sprintf("Release %d of the test, published today.", firstID+i),
			"lang":      "en",
			"published": time.Now().Format(time.DateOnly),
		})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), title+".jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runBin runs the binary to completion with env, bounded by limit, and
// returns its output, how long it took and its error (an *exec.ExitError
// for a non-zero exit status).
func runBin(t *testing.T, bin string, env map[string]string, limit time.Duration, args ...string) (string, time.Duration, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "POLL_INTERVAL=off")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	began := time.Now()
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("newsbot %s did not return within %s:\n%s", strings.Join(args, " "), limit, out)
	}
	return string(out), time.Since(began), err
}

// digestMessages are the messages to chat that are digests.
func digestMessages(fake *fakebotapi.Server, chat int64) []fakebotapi.Message {
	var out []fakebotapi.Message
	for _, m := range fake.Messages(chat) {
		if strings.Contains(m.Plain, "Your gov.kz digest") {
			out = append(out, m)
		}
	}
	return out
}

// "digest run --now T" with T a day, then a week, ahead of the real clock
// builds as of T, delivers at once and returns: its parts are queued by the
// real clock, not T's.
func TestDigestRunAheadOfTheClockReturnsHavingDelivered(t *testing.T) {
	bin := buildBinary(t)
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	// A digest a week ahead holds releases published up to 7 days before
	// its day; today's must stay in.
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "DIGEST_MAX_AGE_DAYS": "30",
		"TELEGRAM_BOT_TOKEN": "4242:digest-ahead-token-abcdef", "TELEGRAM_API_URL": fake.URL()}
	if out, _, err := runBin(t, bin, env, time.Minute, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	digestFollow(t, env["DATABASE_URL"], 77, "mfa-budapest", time.Now())
	for i, ahead := range []time.Duration{24 * time.Hour, 7 * 24 * time.Hour} {
		title := fmt.Sprintf("Ahead%d", i+1)
		if out, _, err := runBin(t, bin, env, time.Minute, "import", releasesFile(t, "mfa-budapest", title, 9100+10*i, 2)); err != nil {
			t.Fatalf("import: %v\n%s", err, out)
		}
		now := time.Now().Add(ahead).Format(time.RFC3339)
		out, took, err := runBin(t, bin, env, 2*time.Minute, "digest", "run", "--now", now)
		if err != nil {
			t.Fatalf("digest run --now %s: %v\n%s", now, err, out)
		}
		t.Logf("digest run --now %s (%s ahead) returned in %s", now, ahead, took.Round(time.Millisecond))
		got := digestMessages(fake, 77)
		if len(got) != i+1 || !strings.Contains(got[i].Plain, title+" 1") || !strings.Contains(got[i].Plain, title+" 2") {
			t.Fatalf("after the run %s ahead: %d digests, the last %q; want %d, the last with %s 1 and 2",
				ahead, len(got), got[len(got)-1].Plain, i+1, title)
		}
	}
}

// untilMinute returns the next whole minute at least lead away, in UTC:
// the digest time a test sets, so that it subscribes after the scheduler's
// last tick before it.
func untilMinute(lead time.Duration) time.Time {
	return time.Now().Add(lead).UTC().Truncate(time.Minute).Add(time.Minute)
}

// serveUser talks to a running serve as a user of a private chat.
type serveUser struct {
	t    *testing.T
	fake *fakebotapi.Server
	chat int64
}

// say sends text and waits for the bot's answer.
func (u serveUser) say(text string) string {
	u.t.Helper()
	n := len(u.fake.Messages(u.chat))
	u.fake.SendText(u.chat, fakebotapi.User{ID: u.chat, LanguageCode: "en"}, text)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	msgs, err := u.fake.WaitMessages(ctx, u.chat, n+1)
	if err != nil {
		u.t.Fatalf("%s: no answer: %v", text, err)
	}
	return msgs[n].Plain
}

// setUp gives the chat its digest at the minute at, in UTC, and follows
// mfa-budapest.
func (u serveUser) setUp(at time.Time) {
	u.t.Helper()
	u.say("/timezone UTC")
	if got := u.say("/digest " + at.Format("15:04")); !strings.Contains(got, at.Format("15:04")) {
		u.t.Fatalf("/digest %s: %q", at.Format("15:04"), got)
	}
	if got := u.say("/subscribe mfa-budapest"); !strings.Contains(got, "You now follow") {
		u.t.Fatalf("/subscribe: %q", got)
	}
}

// digestServe is a database, a fake Bot API and the built binary for a
// test of serve's digests, with one user in a private chat.
type digestServe struct {
	t    *testing.T
	bin  string
	fake *fakebotapi.Server
	env  map[string]string
	user serveUser
}

func newDigestServe(t *testing.T) *digestServe {
	t.Helper()
	fake := fakebotapi.New(fakebotapi.WithPollWait(100 * time.Millisecond))
	t.Cleanup(fake.Close)
	return &digestServe{t: t, bin: buildBinary(t), fake: fake, user: serveUser{t, fake, 501},
		env: map[string]string{"DATABASE_URL": testdb.URL(t), "POLL_INTERVAL": "off",
			"TELEGRAM_BOT_TOKEN": "4242:digest-serve-token-abcdef", "TELEGRAM_API_URL": fake.URL()}}
}

// subscribeBefore sets the user's digest time to a minute at least 20 s
// ahead, subscribes, and returns that minute. serve must be running.
func (d *digestServe) subscribeBefore() time.Time {
	d.t.Helper()
	d.user.say("/start")
	at := untilMinute(20 * time.Second)
	d.user.setUp(at)
	return at
}

// importRelease imports one release titled "title 1", which must arrive
// before the digest time at.
func (d *digestServe) importRelease(title string, id int, at time.Time) {
	d.t.Helper()
	if out, _, err := runBin(d.t, d.bin, d.env, time.Minute, "import", releasesFile(d.t, "mfa-budapest", title, id, 1)); err != nil {
		d.t.Fatalf("import: %v\n%s", err, out)
	}
	if time.Now().After(at) {
		d.t.Fatalf("setting up took past the digest time %s; the test could not check it", at)
	}
}

// A user subscribes after the scheduler's last tick before their digest
// time (08:59:50 with the last tick at 08:59:00, here: a minute that is
// coming): the tick at their digest time brings the digest, once.
func TestSubscribeJustBeforeTheDigestTimeGetsTheDigestAtTheTick(t *testing.T) {
	t.Parallel()
	d := newDigestServe(t)
	srv := startProc(t, d.bin, d.env, "serve")
	at := d.subscribeBefore()
	d.importRelease("JustBefore", 9300, at)
	fake, u := d.fake, d.user
	waitFor(t, "the digest arrives", func() bool { return len(digestMessages(fake, u.chat)) > 0 })
	got := digestMessages(fake, u.chat)[0]
	t.Logf("subscribed before %s; the digest came at %s", at.Format(time.TimeOnly), got.Time.Format("15:04:05.000"))
	if got.Time.Before(at) || got.Time.After(at.Add(30*time.Second)) {
		t.Errorf("digest sent at %s, want at the %s tick", got.Time.Format(time.TimeOnly), at.Format(time.TimeOnly))
	}
	if !strings.Contains(got.Plain, "JustBefore 1") {
		t.Errorf("digest %q, want the release that arrived after the subscription", got.Plain)
	}
	time.Sleep(2 * time.Second) // a second digest would come now, if at all
	if n := len(digestMessages(fake, u.chat)); n != 1 {
		t.Errorf("%d digests, want 1\n%s", n, srv.log)
	}
}

// A user subscribes; serve is down at their digest time and starts after
// it: the digest comes at once (not at the next tick), once.
func TestServeStartedAfterTheDigestTimeSendsItAtOnceOnce(t *testing.T) {
	t.Parallel()
	d := newDigestServe(t)
	first := startProc(t, d.bin, d.env, "serve")
	at := d.subscribeBefore()
	first.kill(t) // down before the digest time: no process runs at it
	d.importRelease("WhileDown", 9400, at)
	bin, env, fake, u := d.bin, d.env, d.fake, d.user
	time.Sleep(time.Until(at.Add(3 * time.Second)))
	started := time.Now()
	second := startProc(t, bin, env, "serve")
	waitFor(t, "the catch-up digest arrives", func() bool { return len(digestMessages(fake, u.chat)) > 0 })
	got := digestMessages(fake, u.chat)[0]
	// The next tick is at most a minute away; "at once" is well before it.
	t.Logf("serve started %s after the digest time; the digest came %s after it started",
		started.Sub(at).Round(time.Millisecond), got.Time.Sub(started).Round(time.Millisecond))
	if wait := got.Time.Sub(started); wait > 20*time.Second {
		t.Errorf("the digest came %s after serve started, want at once", wait.Round(time.Millisecond))
	}
	if !strings.Contains(got.Plain, "WhileDown 1") {
		t.Errorf("digest %q, want the release that arrived while serve was down", got.Plain)
	}
	st, err := store.Open(context.Background(), env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dc, err := st.DigestChatByID(context.Background(), u.chat)
	if err != nil {
		t.Fatal(err)
	}
	if dc.Next == nil || !dc.Next.Equal(at.AddDate(0, 0, 1)) {
		t.Errorf("next digest %v, want %v: once, then tomorrow", dc.Next, at.AddDate(0, 0, 1))
	}
	time.Sleep(2 * time.Second)
	if n := len(digestMessages(fake, u.chat)); n != 1 {
		t.Errorf("%d digests, want 1\n%s", n, second.log)
	}
}

// With Telegram answering 500s, "digest run --wait" returns after its wait
// with exit status 1, saying what it left queued for serve; the part stays
// pending, to be retried for hours, not given up.
func TestDigestRunWithTelegramDownReturnsAndSaysWhatIsQueued(t *testing.T) {
	bin := buildBinary(t)
	fake := fakebotapi.New()
	t.Cleanup(fake.Close)
	fake.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if c.Is("sendMessage") {
			return fakebotapi.ServerError()
		}
		return nil
	})
	env := map[string]string{"DATABASE_URL": testdb.URL(t),
		"TELEGRAM_BOT_TOKEN": "4242:digest-down-run-token-abcdef", "TELEGRAM_API_URL": fake.URL()}
	if out, _, err := runBin(t, bin, env, time.Minute, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	digestFollow(t, env["DATABASE_URL"], 78, "mfa-budapest", time.Now())
	if out, _, err := runBin(t, bin, env, time.Minute, "import", releasesFile(t, "mfa-budapest", "Down", 9500, 1)); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	now := time.Now().Add(24 * time.Hour).Format(time.RFC3339)
	out, took, err := runBin(t, bin, env, time.Minute, "digest", "run", "--now", now, "--wait", "3s")
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("digest run with Telegram down: %v, want exit status 1\n%s", err, out)
	}
	if !strings.Contains(out, "1 part is still queued after 3s") || !strings.Contains(out, "serve will send them") {
		t.Errorf("digest run did not say what it left:\n%s", out)
	}
	t.Logf("returned in %s", took.Round(time.Millisecond))
	st, err := store.Open(context.Background(), env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.PendingParts(context.Background()); err != nil || n != 1 {
		t.Errorf("%d parts pending (%v), want the digest still queued", n, err)
	}
}
