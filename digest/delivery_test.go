package digest_test

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// An outage of 5xx answers much longer than the old give-up (6 attempts,
// about a minute at 2 s doubling; here, at the test's 10 ms, about 0.6 s)
// delays every digest and loses none: after it, each chat has every part,
// in order, once.
func TestServerErrorOutageThenRecoveryDeliversEveryDigestWhole(t *testing.T) {
	e := newOutboxEnv(t)
	const chats, perChat = 5, 3
	for chat := int64(1); chat <= chats; chat++ {
		queue(t, e.st, chat, partTexts(chat, perChat)...)
	}
	outageEnds := time.Now().Add(2 * time.Second)
	var failures atomic.Int64
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if c.Is("sendMessage") && time.Now().Before(outageEnds) {
			failures.Add(1)
			return fakebotapi.ServerError()
		}
		return nil
	})
	opts := fastOptions(t)
	opts.RetryFor = time.Hour
	opts.MaxBackoff = 100 * time.Millisecond
	stats := e.drain(e.sender(opts))
	for chat := int64(1); chat <= chats; chat++ {
		if got, want := texts(e.srv, chat), partTexts(chat, perChat); !slices.Equal(got, want) {
			t.Errorf("chat %d got %q, want %q", chat, got, want)
		}
	}
	if stats.Failed != 0 || failures.Load() < chats {
		t.Errorf("%+v after %d 500s; want every part retried through the outage, none failed", stats, failures.Load())
	}
}

// "chat not found" on part 1 means no message will ever reach the chat:
// part 2 is not sent alone, and the chat is deactivated as after a 403.
func TestChatNotFoundOnPartOneDeactivatesTheChat(t *testing.T) {
	e := newOutboxEnv(t)
	id := queue(t, e.st, 1, partTexts(1, 2)...)
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if c.Is("sendMessage") && c.ChatID() == 1 {
			return fakebotapi.ChatNotFound()
		}
		return nil
	})
	stats := e.drain(e.sender(fastOptions(t)))
	if n := len(e.srv.Messages(1)); n != 0 {
		t.Errorf("%d messages reached the chat, want none", n)
	}
	if calls := attemptsTo(e.srv, 1); len(calls) != 1 {
		t.Errorf("calls %v, want one: part 2 never tried", calls)
	}
	for i, p := range parts(t, e.st, id) {
		if p.Status != store.OutboxDropped {
			t.Errorf("part %d: %q, want dropped", i+1, p.Status)
		}
	}
	dc, err := e.st.DigestChatByID(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if dc.Active || stats.Dropped != 2 {
		t.Errorf("chat active %v, %+v; want it deactivated and 2 parts dropped", dc.Active, stats)
	}
}

// During a global flood-control pause (429 with retry_after for several
// chats at once), the senders wait for their slot before they claim a part,
// so no connection sits idle in a transaction.
func TestGlobalPauseHoldsNoTransaction(t *testing.T) {
	e := newOutboxEnv(t)
	for chat := int64(1); chat <= 12; chat++ {
		queue(t, e.st, chat, partTexts(chat, 2)...)
	}
	const pause = 8
	var paused atomic.Bool
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		// The first answers, for several chats within a second: Telegram's
		// global limit.
		if c.Is("sendMessage") && !paused.Load() && c.ChatID() <= 3 {
			if c.ChatID() == 3 {
				paused.Store(true)
			}
			return fakebotapi.TooManyRequests(pause)
		}
		return nil
	})
	opts := fastOptions(t)
	opts.GlobalPerSecond = 30
	opts.Workers = 8
	done := make(chan digest.SendStats)
	go func() { done <- e.drain(e.sender(opts)) }()
	waitUntil(t, "the pause begins", paused.Load)
	time.Sleep(time.Second) // calls in flight at the 429s are recorded by now
	worst := 0
	for range 5 {
		var idle int
		if err := e.st.DB().Get(&idle, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND state LIKE 'idle in transaction%'`); err != nil {
			t.Fatal(err)
		}
		worst = max(worst, idle)
		t.Logf("idle in transaction: %d", idle)
		time.Sleep(time.Second)
	}
	stats := <-done
	if worst != 0 {
		t.Errorf("%d connections idle in a transaction during the %d s pause, want none", worst, pause)
	}
	for chat := int64(1); chat <= 12; chat++ {
		if got, want := texts(e.srv, chat), partTexts(chat, 2); !slices.Equal(got, want) {
			t.Errorf("chat %d got %q, want %q", chat, got, want)
		}
	}
	if stats.Sent != 24 {
		t.Errorf("%+v, want all 24 parts sent after the pause", stats)
	}
}

// A digest Telegram never takes (5xx past RetryFor) is not lost: the next
// digest brings its releases again, with what arrived since, and says when
// they could not be delivered.
func TestGivenUpDigestComesAgainInTheNextWithANote(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	srv := fakebotapi.New()
	t.Cleanup(srv.Close)
	var down atomic.Bool
	down.Store(true)
	srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if down.Load() {
			return fakebotapi.ServerError()
		}
		return nil
	})
	opts := fastOptions(t)
	sender := digest.NewSender(e.st, newClient(t, srv), opts)
	drain := func() digest.SendStats {
		t.Helper()
		stats, pending, err := sender.Drain(context.Background(), time.Now().Add(time.Minute))
		if err != nil || pending != 0 {
			t.Fatalf("Drain: %v, %d pending", err, pending)
		}
		return stats
	}
	if st := e.pass(fixtureDay); st.Built != 1 {
		t.Fatalf("26th: %+v, want a digest", st)
	}
	if stats := drain(); stats.Failed != 1 || stats.Sent != 0 {
		t.Fatalf("26th, Telegram down: %+v, want the part given up", stats)
	}

	down.Store(false)
	next := fixtureDay.AddDate(0, 0, 1)
	e.importReleases(release("mfa-budapest", 900400, next, "Consular reception in Szeged", "On Thursday."))
	if st := e.pass(next); st.Built != 1 {
		t.Fatalf("27th: %+v, want a digest", st)
	}
	drain()
	msgs := srv.Messages(1)
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want the 27th's digest", len(msgs))
	}
	for _, want := range []string{"Including what could not be delivered on 26 November 2025",
		"Water Governance", "Consular reception in Szeged"} {
		if !strings.Contains(msgs[0].Plain, want) {
			t.Errorf("the 27th's digest lacks %q:\n%s", want, msgs[0].Plain)
		}
	}
	// Delivered: the day after brings neither the note nor the releases again.
	if st := e.pass(next.AddDate(0, 0, 1)); st.Due != 1 || st.Built != 0 {
		t.Errorf("28th: %+v, want the chat due and nothing to send", st)
	}
	if dc := e.settings(1); dc.Undelivered != nil {
		t.Errorf("undelivered %v after a delivered digest, want none", dc.Undelivered)
	}
}

// waitUntil polls cond for up to a minute.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
