package bot_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
)

// A chat that changes its time and zone between two ticks of the
// scheduler gets its next digest at the new time in the new zone, not at
// the old one: the change reschedules it in its own transaction.
func TestDigestTimeAndZoneChangedBetweenTicks(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	almaty := time.FixedZone("Almaty", 5*3600)
	budapest, err := time.LoadLocation("Europe/Budapest")
	if err != nil {
		t.Fatal(err)
	}
	b := digest.NewBuilder(h.st, digest.BuildOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	pass := func(at time.Time) digest.PassStats {
		t.Helper()
		st, err := b.RunPass(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	next := func() time.Time {
		t.Helper()
		c, err := h.st.DigestChatByID(ctx, 611)
		if err != nil || c.Next == nil {
			t.Fatalf("chat 611: %+v, %v; want a next digest time", c, err)
		}
		return *c.Next
	}

	h.now = time.Date(2025, 11, 26, 4, 30, 0, 0, almaty)
	h.send(611, "en", "/subscribe mfa-budapest")
	if got, want := next(), time.Date(2025, 11, 26, 9, 0, 0, 0, almaty); !got.Equal(want) {
		t.Errorf("after /subscribe at 04:30: next digest %v, want %v", got, want)
	}
	if st := pass(time.Date(2025, 11, 26, 5, 0, 0, 0, almaty)); st.Due != 0 {
		t.Errorf("05:00 tick: %+v, want nothing due", st)
	}
	h.now = time.Date(2025, 11, 26, 5, 0, 30, 0, almaty) // between the 05:00 and 05:01 ticks
	h.send(611, "en", "/digest 07:30")
	h.send(611, "en", "/timezone Europe/Budapest")
	want := time.Date(2025, 11, 26, 7, 30, 0, 0, budapest) // 11:30 in Almaty
	if got := next(); !got.Equal(want) {
		t.Errorf("after the changes: next digest %v, want %v", got.In(budapest), want)
	}
	if st := pass(time.Date(2025, 11, 26, 9, 0, 0, 0, almaty)); st.Due != 0 {
		t.Errorf("at the old time, 09:00 Almaty: %+v, want nothing due", st)
	}
	if st := pass(want); st.Due != 1 {
		t.Errorf("at 07:30 Budapest: %+v, want the chat due", st)
	}
}

// The confirmation of a new subscription shows the newest releases it
// matches, linked, so a new subscriber sees at once what it brings.
func TestSubscriptionConfirmationShowsTheNewestMatches(t *testing.T) {
	h := newHarness(t)
	got := h.one(h.send(612, "en", "/subscribe mfa-budapest"))
	mustContain(t, got.Plain, "You now follow", "The newest releases it matches:", "1. ", "Meeting at the Embassy")
	links := 0
	for _, e := range got.Entities {
		if e.Type == "text_link" {
			links++
		}
	}
	if links == 0 || links > 3 {
		t.Errorf("%d linked titles, want 1 to 3:\n%s", links, got.Plain)
	}
	mustContain(t, h.one(h.send(613, "ru", "/subscribe Кызылжар")).Plain, "Последние новости по этой подписке:", "1. ")
	mustContain(t, h.one(h.send(614, "kk", `/subscribe "Zzqxville"`)).Plain, "Әзірге бұған сәйкес жаңалық жоқ")
}
