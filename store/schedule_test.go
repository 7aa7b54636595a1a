package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// Migration 7 schedules every chat that follows something but was never
// given a digest time (a pass used to set it), from when it first
// subscribed, so the digest it is owed goes at the first pass. Chats with a
// time, with their digest off or following nothing are left alone.
func TestMigrationSchedulesSubscribedChatsFromWhenTheySubscribed(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, testdb.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.MigrateDownTo(ctx, 6); err != nil {
		t.Fatal(err)
	}
	db := st.DB()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	set := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	exec(`INSERT INTO chats (id, time_zone, digest_time) VALUES (1, 'Asia/Almaty', '09:00'),
		(2, 'Europe/Budapest', '07:30'), (3, 'Asia/Almaty', '09:00'), (4, 'Asia/Almaty', '09:00'),
		(5, 'Asia/Almaty', '09:00')`)
	exec(`UPDATE chats SET digest_enabled = false WHERE id = 3`)
	exec(`UPDATE chats SET next_digest_at = $1 WHERE id = 4`, set)
	// Chat 1 subscribed at 10:00 Almaty on 2 December, then again later;
	// chat 2 at 08:00 Budapest on 3 December; chat 5 follows nothing.
	for _, s := range []struct {
		chat int64
		word string
		at   time.Time
	}{
		{1, "a", time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)},
		{1, "b", time.Date(2026, 12, 3, 5, 0, 0, 0, time.UTC)},
		{2, "a", time.Date(2026, 12, 3, 7, 0, 0, 0, time.UTC)},
		{3, "a", time.Date(2026, 12, 3, 7, 0, 0, 0, time.UTC)},
		{4, "a", time.Date(2026, 12, 3, 7, 0, 0, 0, time.UTC)},
	} {
		exec(`INSERT INTO subscriptions (chat_id, kind, value, normalized, created_at)
			VALUES ($1, 'keyword', $2, $2, $3)`, s.chat, s.word, s.at)
	}
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	budapest, _ := time.LoadLocation("Europe/Budapest")
	want := map[int64]*time.Time{
		1: ptr(time.Date(2026, 12, 3, 9, 0, 0, 0, time.FixedZone("Almaty", 5*3600))), // the 9:00 after the first subscription
		2: ptr(time.Date(2026, 12, 4, 7, 30, 0, 0, budapest)),
		3: nil, // digest off
		4: &set,
		5: nil, // follows nothing
	}
	for id, w := range want {
		c, err := st.DigestChatByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if (c.Next == nil) != (w == nil) || c.Next != nil && !c.Next.Equal(*w) {
			t.Errorf("chat %d: next digest %v, want %v", id, c.Next, w)
		}
	}
}

func ptr[T any](v T) *T { return &v }
