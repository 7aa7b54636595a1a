package digest_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
)

func TestNothingAt0859DigestAt0900(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	e.pass(almaty(2025, 11, 26, 8, 0)) // the scheduler first sees the chat
	if st := e.pass(almaty(2025, 11, 26, 8, 59)); st.Due != 0 {
		t.Errorf("at 08:59: %+v, want nothing due", st)
	}
	if st := e.pass(almaty(2025, 11, 26, 9, 0)); st.Built != 1 {
		t.Errorf("at 09:00: %+v, want one digest", st)
	}
}

func TestOneCatchUpAfterDowntime(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	e.pass(fixtureDay)
	// Down from the 26th after 09:00 until the 29th at 10:17: three 09:00s missed.
	later := almaty(2025, 11, 29, 10, 17)
	e.importReleases(release("mfa-budapest", 900300, later, "Consular reception in Debrecen", "On Saturday."))
	if st := e.pass(later); st.Due != 1 || st.Built != 1 {
		t.Errorf("after downtime: %+v, want one catch-up digest", st)
	}
	if st := e.pass(later.Add(time.Minute)); st.Due != 0 {
		t.Errorf("a minute later: %+v, want nothing due", st)
	}
	if n := e.digests(1); n != 2 {
		t.Errorf("%d digests, want 2 (the 26th and one catch-up)", n)
	}
	if next := e.settings(1).Next; !next.Equal(almaty(2025, 11, 30, 9, 0)) {
		t.Errorf("next digest at %v, want the 30th at 09:00", next)
	}
}

func TestPerChatTimesAndZones(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	svc := digest.NewService(e.st, e.b, func() time.Time { return almaty(2025, 11, 26, 0, 0) })
	chats := []struct {
		id         int64
		clock      string
		zone       string
		wantAlmaty time.Time
	}{
		{1, "07:30", "", almaty(2025, 11, 26, 7, 30)},
		{2, "", "Europe/Budapest", almaty(2025, 11, 26, 13, 0)}, // 09:00 at UTC+1
		{3, "8:00", "UTC+3", almaty(2025, 11, 26, 10, 0)},
		{4, "23:45", "Asia/Tokyo", almaty(2025, 11, 26, 19, 45)}, // 23:45 at UTC+9
	}
	for _, c := range chats {
		e.chat(c.id, "en")
		e.follow(c.id, "mfa-budapest")
		if c.clock != "" {
			if _, err := svc.SetTime(e.ctx, c.id, c.clock); err != nil {
				t.Fatal(err)
			}
		}
		if c.zone != "" {
			if _, err := svc.SetZone(e.ctx, c.id, c.zone); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.importFixture()
	built := map[int64]time.Time{}
	for now := almaty(2025, 11, 26, 0, 0); now.Before(almaty(2025, 11, 27, 0, 0)); now = now.Add(15 * time.Minute) {
		e.pass(now)
		for _, c := range chats {
			if _, ok := built[c.id]; !ok && e.digests(c.id) > 0 {
				built[c.id] = now
			}
		}
	}
	for _, c := range chats {
		if got := built[c.id]; !got.Equal(c.wantAlmaty) {
			t.Errorf("chat %d (%s %s): digest at %v, want %v", c.id, c.clock, c.zone, got, c.wantAlmaty)
		}
	}
}

func TestBudapestStaysAt0900AcrossDaylightSaving(t *testing.T) {
	budapest, err := time.LoadLocation("Europe/Budapest")
	if err != nil {
		t.Fatal(err)
	}
	// Summer time ends on 26 October 2025 and begins on 29 March 2026.
	autumn := time.Date(2025, 10, 23, 0, 0, 0, 0, budapest)
	spring := time.Date(2026, 3, 26, 0, 0, 0, 0, budapest)
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	if _, err := digest.NewService(e.st, e.b, func() time.Time { return autumn }).SetZone(e.ctx, 1, "Budapest"); err != nil {
		t.Fatal(err)
	}
	for _, start := range []time.Time{autumn, spring} {
		e.pass(start) // the jump to spring is downtime: one catch-up, then daily
		for day := start; day.Before(start.AddDate(0, 0, 6)); day = day.AddDate(0, 0, 1) {
			nine := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, budapest)
			if st := e.pass(nine.Add(-time.Minute)); st.Due != 0 {
				t.Errorf("%s 08:59: %+v, want nothing due", day.Format(time.DateOnly), st)
			}
			if st := e.pass(nine); st.Due != 1 {
				t.Errorf("%s 09:00: %+v, want the chat due", day.Format(time.DateOnly), st)
			}
			next := *e.settings(1).Next
			if got := next.In(budapest); got.Hour() != 9 || got.Minute() != 0 || got.Day() != nine.AddDate(0, 0, 1).Day() {
				t.Errorf("after %s: next digest %v, want 09:00 the next day", day.Format(time.DateOnly), got)
			}
		}
	}
	// The same local hour is a different UTC hour on either side of the change.
	winter := schedule.NextRun(time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC), "09:00", budapest)
	summer := schedule.NextRun(winter, "09:00", budapest)
	if winter.UTC().Hour() != 8 || summer.UTC().Hour() != 7 || summer.Sub(winter) != 23*time.Hour {
		t.Errorf("around the March change: %v then %v", winter.UTC(), summer.UTC())
	}
}

func TestPanicInOneChatDoesNotStopOthers(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	for id := int64(1); id <= 3; id++ {
		e.chat(id, "en")
		e.follow(id, "mfa-budapest")
	}
	e.importFixture()
	digest.SetBeforeChat(e.b, func(id int64) {
		if id == 2 {
			panic("boom")
		}
	})
	st := e.pass(fixtureDay)
	if st.Built != 2 || st.Failed != 1 {
		t.Fatalf("pass = %+v, want 2 built and 1 failed", st)
	}
	digest.SetBeforeChat(e.b, nil)
	if st := e.pass(fixtureDay.Add(time.Minute)); st.Built != 1 || e.digests(2) != 1 {
		t.Errorf("the failed chat was not built on the next pass: %+v", st)
	}
}

func TestTwoProcessesNeverBuildTheSameChat(t *testing.T) {
	url := testdb.URL(t)
	open := func() *digest.Builder {
		st, err := store.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return digest.NewBuilder(st, digest.BuildOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}
	e := newDigestEnvOn(t, url)
	const chats = 40
	for id := int64(1); id <= chats; id++ {
		e.chat(id, "en")
		e.follow(id, "mfa-budapest")
	}
	e.importFixture()
	var built atomic.Int64
	var wg sync.WaitGroup
	for _, b := range []*digest.Builder{open(), open(), open()} {
		wg.Go(func() {
			st, err := b.RunPass(context.Background(), fixtureDay)
			if err != nil {
				t.Error(err)
			}
			built.Add(int64(st.Built))
		})
	}
	wg.Wait()
	if built.Load() != chats {
		t.Errorf("%d digests built, want %d", built.Load(), chats)
	}
	var dup int
	if err := e.st.DB().Get(&dup, `SELECT count(*) FROM (SELECT chat_id FROM digests
		GROUP BY chat_id HAVING count(*) > 1) d`); err != nil || dup != 0 {
		t.Errorf("%d chats got two digests (%v)", dup, err)
	}
}

type countingNotifier struct{ n atomic.Int64 }

func (c *countingNotifier) Notify() { c.n.Add(1) }

func TestSchedulerTicksOnItsCronSchedule(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	var notes countingNotifier
	s := digest.NewScheduler(e.b, &notes, digest.SchedulerOptions{
		Spec: "@every 1s", Now: func() time.Time { return fixtureDay },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err := s.Start(e.ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for e.digests(1) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	s.Stop()
	if e.digests(1) != 1 || notes.n.Load() != 1 {
		t.Errorf("%d digests and %d notifications, want 1 and 1", e.digests(1), notes.n.Load())
	}
}

// 24 chats subscribe between the 08:59 tick and 09:00, the last at
// 08:59:59.9: the 09:00 tick brings each its first digest. (When the pass
// gave chats their first time, from its own clock, 22 of 24 waited a day.)
func TestSubscribedAfterThe0859TickAllGetThe0900Digest(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	if st := e.pass(almaty(2025, 11, 26, 8, 59)); st.Due != 0 {
		t.Fatalf("08:59 tick: %+v, want nothing due", st)
	}
	for i := range 24 {
		id := int64(2000 + i)
		e.chat(id, "en")
		e.subscribedAt = almaty(2025, 11, 26, 8, 59).Add(time.Duration(i) * 2500 * time.Millisecond)
		if i == 23 {
			e.subscribedAt = almaty(2025, 11, 26, 9, 0).Add(-100 * time.Millisecond)
		}
		e.follow(id, "mfa-budapest")
	}
	e.importFixture() // arrives after the subscriptions, before 09:00
	if st := e.pass(almaty(2025, 11, 26, 9, 0)); st.Due != 24 || st.Built != 24 {
		t.Errorf("09:00 tick: %+v, want 24 first digests", st)
	}
	if st := e.pass(almaty(2025, 11, 26, 9, 1)); st.Due != 0 {
		t.Errorf("09:01 tick: %+v, want nothing due: each digest once", st)
	}
}
