package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

func TestStatsCountWhatAnOperatorAsks(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	st.DB().MustExec(`INSERT INTO entities (slug) VALUES ('mfa')`)

	// 02:00 in Almaty on the 26th is still the 25th in UTC: "today" is Almaty's.
	now := time.Date(2025, 11, 25, 21, 0, 0, 0, time.UTC)
	empty, err := st.Stats(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if empty.LastDigest != nil || empty.Chats != 0 {
		t.Errorf("stats of an empty database: %+v", empty)
	}

	dueChat(t, st, 1, "mfa") // follows mfa; imports one release published 2025-11-26
	dueChat(t, st, 2, "mfa")
	if _, err := st.TouchChat(ctx, 3, "private", "en"); err != nil { // follows nothing
		t.Fatal(err)
	}
	if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: 2, Kind: store.SubKeyword,
		Value: "water", Normalized: "water"}, 50); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportReleases(ctx, []store.NewRelease{
		digestRel("mfa", 2, "Yesterday", now.AddDate(0, 0, -1))}); err != nil {
		t.Fatal(err)
	}
	st.DB().MustExec(`UPDATE chats SET active = false WHERE id = 2`)
	// A digest pass at 09:00: chat 1's two parts, one sent; a day older run before it.
	st.DB().MustExec(`INSERT INTO digests (chat_id, built_at, from_seq, to_seq, items, parts) VALUES
		(1, '2025-11-25 09:00:10+05', 0, 1, 1, 1),
		(1, '2025-11-26 09:00:10+05', 0, 1, 3, 2)`)
	st.DB().MustExec(`INSERT INTO outbox (digest_id, chat_id, part, text, status)
		SELECT id, 1, 1, 'a', 'sent' FROM digests WHERE parts = 2
		UNION ALL SELECT id, 1, 2, 'b', 'pending' FROM digests WHERE parts = 2`)

	got, err := st.Stats(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Chats: 3, ActiveChats: 2, ActiveSubscribers: 1, EntitySubs: 2, KeywordSubs: 1,
		ReleasesToday: 1, OutboxPending: 1}
	if got.Chats != want.Chats || got.ActiveChats != want.ActiveChats ||
		got.ActiveSubscribers != want.ActiveSubscribers || got.EntitySubs != want.EntitySubs ||
		got.KeywordSubs != want.KeywordSubs || got.ReleasesToday != want.ReleasesToday ||
		got.OutboxPending != want.OutboxPending {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	run := got.LastDigest
	if run == nil || !run.At.Equal(time.Date(2025, 11, 26, 4, 0, 0, 0, time.UTC)) ||
		run.Built != 1 || run.Parts != 2 || run.Sent != 1 {
		t.Errorf("last digest run = %+v, want 2025-11-26 04:00 UTC, 1 built, 2 parts, 1 sent", run)
	}
	if got.Sources == nil || got.Sources.Failing != 0 {
		t.Errorf("sources = %+v, want read, none failing", got.Sources)
	}
}

func TestHasReleases(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if has, err := st.HasReleases(ctx); err != nil || has {
		t.Fatalf("HasReleases of an empty database = %v, %v; want false", has, err)
	}
	if _, err := st.ImportReleases(ctx, []store.NewRelease{{ContentHash: "h", Title: "T", Body: "B",
		PublishedOn: time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)}}); err != nil {
		t.Fatal(err)
	}
	if has, err := st.HasReleases(ctx); err != nil || !has {
		t.Fatalf("HasReleases after an import = %v, %v; want true", has, err)
	}
}
