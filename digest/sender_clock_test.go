package digest_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// The sender lives by SenderOptions.Now: a part due a day from now in real
// time is due for a sender whose clock is two days ahead, a 500's retry is
// due on that clock too, and the part's sent_at is the clock's time. A
// reading of the real clock anywhere on the way would leave the part
// waiting for days, past the Drain's deadline.
func TestSenderReadsItsClock(t *testing.T) {
	e := newOutboxEnv(t)
	var calls callCounter
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		if calls.next(c.ChatID()) == 1 {
			return fakebotapi.ServerError()
		}
		return nil
	})
	id := queue(t, e.st, 1, "one part")
	if _, err := e.st.DB().Exec(`UPDATE outbox SET not_before = now() + interval '1 day' WHERE digest_id = $1`, id); err != nil {
		t.Fatal(err)
	}
	const ahead = 48 * time.Hour
	opts := fastOptions(t)
	opts.Now = func() time.Time { return time.Now().Add(ahead) }
	s := e.sender(opts)

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	stats, pending, err := s.Drain(ctx, opts.Now().Add(10*time.Second))
	if err != nil || pending != 0 {
		t.Fatalf("Drain: %d pending, %v; want none pending", pending, err)
	}
	if stats.Sent != 1 || stats.Retried != 1 {
		t.Errorf("stats = %+v, want 1 retried then 1 sent", stats)
	}
	if stats.Duration < 0 || stats.Duration > 10*time.Second {
		t.Errorf("duration = %v, want the time the drain took", stats.Duration)
	}
	var sentAt time.Time
	if err := e.st.DB().Get(&sentAt, `SELECT sent_at FROM outbox WHERE digest_id = $1 AND status = $2`,
		id, store.OutboxSent); err != nil {
		t.Fatal(err)
	}
	if lag := time.Now().Add(ahead).Sub(sentAt); lag < 0 || lag > 10*time.Second {
		t.Errorf("sent_at = %v, want the sender's clock (%v ahead of real time)", sentAt, ahead)
	}
}
