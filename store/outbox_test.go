package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// queueParts stores a digest of n parts for chat and returns its id.
func queueParts(t *testing.T, st *store.Store, chat int64, n int) int64 {
	t.Helper()
	db := st.DB()
	if _, err := db.Exec(`INSERT INTO chats (id) VALUES ($1) ON CONFLICT DO NOTHING`, chat); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := db.Get(&id, `INSERT INTO digests (chat_id, from_seq, to_seq, items, parts)
		VALUES ($1, 0, 0, $2, $2) RETURNING id`, chat, n); err != nil {
		t.Fatal(err)
	}
	for part := 1; part <= n; part++ {
		if _, err := db.Exec(`INSERT INTO outbox (digest_id, chat_id, part, text, not_before)
			VALUES ($1, $2, $3, 'text', '2025-01-01')`, id, chat, part); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

type claimed struct {
	chat int64
	part int
}

func claim(t *testing.T, st *store.Store, now time.Time) (*store.OutboxClaim, claimed) {
	t.Helper()
	c, err := st.ClaimPart(context.Background(), now)
	if errors.Is(err, store.ErrNotFound) {
		return nil, claimed{}
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Release)
	return c, claimed{c.Part.ChatID, c.Part.Part}
}

// A chat's parts are claimed one at a time, in order; a held part is
// skipped by other claims.
func TestClaimPart(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	queueParts(t, st, 1, 2)
	queueParts(t, st, 2, 1)
	now := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)

	first, got := claim(t, st, now)
	if want := (claimed{1, 1}); got != want {
		t.Fatalf("first claim = %v, want %v", got, want)
	}
	if _, got := claim(t, st, now); got != (claimed{2, 1}) {
		t.Errorf("claim while chat 1 is held = %v, want chat 2's part, never chat 1's part 2", got)
	}
	if c, got := claim(t, st, now); c != nil {
		t.Errorf("claim with everything held = %v, want none", got)
	}
	if err := first.MarkSent(ctx, now, now.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if c, got := claim(t, st, now); c != nil {
		t.Errorf("claim before the per-chat interval = %v, want none", got)
	}
	next, got := claim(t, st, now.Add(time.Second))
	if want := (claimed{1, 2}); got != want {
		t.Fatalf("claim after the interval = %v, want %v", got, want)
	}
	next.Release()
	if _, got := claim(t, st, now.Add(time.Second)); got != (claimed{1, 2}) {
		t.Errorf("claim after Release = %v, want the released part again", got)
	}
}

// A 429 delays every pending part of the chat; a retry delays the part.
func TestDelayChatAndRetry(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	queueParts(t, st, 1, 2)
	now := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)

	c, _ := claim(t, st, now)
	if err := c.DelayChat(ctx, now.Add(5*time.Second), "429"); err != nil {
		t.Fatal(err)
	}
	if c, got := claim(t, st, now.Add(4*time.Second)); c != nil {
		t.Errorf("claim during retry_after = %v, want none", got)
	}
	c, _ = claim(t, st, now.Add(5*time.Second))
	if c == nil || c.Part.Attempts != 0 {
		t.Fatalf("claim after retry_after = %+v, want part 1 with no attempt counted", c)
	}
	if err := c.Retry(ctx, now, now.Add(time.Minute), "500"); err != nil {
		t.Fatal(err)
	}
	c, _ = claim(t, st, now.Add(time.Minute))
	if c == nil || c.Part.Attempts != 1 || c.Part.Part != 1 {
		t.Fatalf("claim after backoff = %+v, want part 1 with 1 attempt", c)
	}
	if c.Part.FailingSince == nil || !c.Part.FailingSince.Equal(now) {
		t.Errorf("failing since %v, want the first failure's time %v", c.Part.FailingSince, now)
	}
	// A second failure keeps the first one's time: the give-up clock runs
	// from the start of the outage.
	if err := c.Retry(ctx, now.Add(time.Minute), now.Add(2*time.Minute), "500"); err != nil {
		t.Fatal(err)
	}
	c, _ = claim(t, st, now.Add(2*time.Minute))
	if c == nil || c.Part.FailingSince == nil || !c.Part.FailingSince.Equal(now) {
		t.Fatalf("after a second failure: %+v, want failing since %v", c, now)
	}
	c.Release()
}

// Giving a part up gives up the rest of its chat's queue, later digests
// included, and moves the chat's cursor back to where the digest began, so
// the next digest offers its releases again and says when they failed.
func TestGiveUpOffersTheDigestAgain(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	first := queueParts(t, st, 1, 2)
	queueParts(t, st, 1, 1) // a later digest, waiting behind the first
	queueParts(t, st, 2, 1) // another chat: untouched
	db := st.DB()
	builtAt := time.Date(2025, 12, 4, 4, 0, 0, 0, time.UTC)
	if _, err := db.Exec(`UPDATE digests SET from_seq = 40, to_seq = 90, built_at = $2 WHERE id = $1`, first, builtAt); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE chats SET digest_cursor = 120 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 12, 4, 9, 0, 0, 0, time.UTC)
	c, got := claim(t, st, now)
	if got != (claimed{1, 1}) {
		t.Fatalf("claim = %v, want chat 1 part 1", got)
	}
	n, err := c.GiveUp(ctx, "500", true)
	if err != nil || n != 2 {
		t.Fatalf("GiveUp = %d, %v; want the 2 other parts of chat 1 given up with it", n, err)
	}
	if c, got := claim(t, st, now); got != (claimed{2, 1}) {
		t.Errorf("claim after the give-up = %v, want only chat 2's part", got)
	} else {
		c.Release()
	}
	dc, err := st.DigestChatByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if dc.Cursor != 40 || dc.Undelivered == nil || !dc.Undelivered.Equal(builtAt) {
		t.Errorf("chat after the give-up: cursor %d, undelivered %v; want 40 and %v", dc.Cursor, dc.Undelivered, builtAt)
	}
	counts, err := st.OutboxCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[store.OutboxFailed] != 3 || counts[store.OutboxPending] != 1 {
		t.Errorf("counts = %v, want 3 failed, 1 pending", counts)
	}
}

func TestDeactivateChat(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	queueParts(t, st, 1, 3)
	queueParts(t, st, 2, 1)

	n, err := st.DeactivateChat(ctx, 1)
	if err != nil || n != 3 {
		t.Fatalf("DeactivateChat = %d, %v; want 3 dropped", n, err)
	}
	if pending, err := st.PendingParts(ctx); err != nil || pending != 1 {
		t.Errorf("PendingParts = %d, %v; want 1", pending, err)
	}
	if c, err := st.ChatByID(ctx, 1); err != nil || c.Active {
		t.Errorf("chat 1 = %+v, %v; want inactive", c, err)
	}
	if c, err := st.TouchChat(ctx, 1, "private", "en"); err != nil || !c.Active {
		t.Errorf("after the user writes: %+v, %v; want active", c, err)
	}
}

func TestMigrateChat(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	digestID := queueParts(t, st, -5, 1)

	if err := st.MigrateChat(ctx, -7, -1000000000007); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("migrating an unknown chat: %v, want ErrNotFound", err)
	}
	if err := st.MigrateChat(ctx, -5, -1000000000005); err != nil {
		t.Fatal(err)
	}
	var chat int64
	if err := st.DB().Get(&chat, `SELECT chat_id FROM outbox WHERE digest_id = $1`, digestID); err != nil {
		t.Fatal(err)
	}
	if chat != -1000000000005 {
		t.Errorf("outbox chat = %d, want the new id", chat)
	}
	if c, err := st.ChatByID(ctx, -1000000000005); err != nil || c.Type != "supergroup" {
		t.Errorf("new chat = %+v, %v; want a supergroup", c, err)
	}
}
