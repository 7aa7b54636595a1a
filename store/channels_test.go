package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

const (
	channel = int64(-1001234567890)
	admin   = int64(501)
	other   = int64(502)
)

func TestConnectChannelActsOnItUntilSwitchedBack(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for _, id := range []int64{admin, other} {
		if _, err := st.TouchChat(ctx, id, "private", "kk"); err != nil {
			t.Fatal(err)
		}
	}
	ch, err := st.ConnectChannel(ctx, channel, "Шымкент жаңалықтары", admin, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if ch.Type != "channel" || ch.Title != "Шымкент жаңалықтары" || !ch.Active || ch.Lang != "kk" {
		t.Errorf("channel = %+v", ch)
	}
	u, err := st.ChatByID(ctx, admin)
	if err != nil || u.ActingChatID != channel {
		t.Fatalf("admin acts on %d (%v), want the channel", u.ActingChatID, err)
	}
	if err := st.ActOn(ctx, other, channel); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a user who did not connect the channel acts on it: %v", err)
	}
	if err := st.ActOn(ctx, admin, 0); err != nil {
		t.Fatal(err)
	}
	if u, _ := st.ChatByID(ctx, admin); u.ActingChatID != 0 {
		t.Errorf("after switching back, admin acts on %d", u.ActingChatID)
	}
	chans, err := st.ConnectedChannels(ctx, admin)
	if err != nil || len(chans) != 1 || chans[0].ID != channel {
		t.Errorf("connected channels = %+v, %v", chans, err)
	}
	if ok, _ := st.IsConnector(ctx, channel, other); ok {
		t.Error("other is a connector")
	}
}

// Losing a channel tells each connector once, even when two processes see
// the demotion; connecting it again arms the notice again.
func TestLoseChannelTellsOnce(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for _, id := range []int64{admin, other} {
		if _, err := st.TouchChat(ctx, id, "private", "ru"); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ConnectChannel(ctx, channel, "Channel", id, "ru"); err != nil {
			t.Fatal(err)
		}
	}
	queueParts(t, st, channel, 2)
	tell, err := st.LoseChannel(ctx, channel)
	if err != nil || len(tell) != 2 {
		t.Fatalf("first loss tells %+v, %v; want both connectors", tell, err)
	}
	if again, err := st.LoseChannel(ctx, channel); err != nil || len(again) != 0 {
		t.Errorf("second loss tells %+v, %v; want nobody", again, err)
	}
	if c, _ := st.ChatByID(ctx, channel); c.Active {
		t.Error("the lost channel is still active")
	}
	var pending int
	if err := st.DB().Get(&pending, `SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'pending'`, channel); err != nil || pending != 0 {
		t.Errorf("%d parts still pending (%v)", pending, err)
	}
	if _, err := st.ConnectChannel(ctx, channel, "Channel", admin, "ru"); err != nil {
		t.Fatal(err)
	}
	if c, _ := st.ChatByID(ctx, channel); !c.Active {
		t.Error("a reconnected channel is not active")
	}
	if tell, _ := st.LoseChannel(ctx, channel); len(tell) != 1 || tell[0].ID != admin {
		t.Errorf("after reconnecting, a loss tells %+v; want the reconnecting admin", tell)
	}
}

// A supergroup that a message touched before the migration arrived takes the
// group's settings, subscriptions and cursor; migrating twice changes nothing.
func TestMigrateChatIntoTouchedSupergroupKeepsSettings(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	const oldID, newID = int64(-77), int64(-1000000000077)
	if _, err := st.TouchChat(ctx, oldID, "group", "kk"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE chats SET time_zone = 'Asia/Aqtobe', digest_time = '07:30',
		digest_cursor = 42 WHERE id = $1`, oldID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: oldID, Kind: store.SubKeyword,
		Value: "су", Normalized: "су"}, 10); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TouchChat(ctx, newID, "supergroup", "en"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if err := st.MigrateChat(ctx, oldID, newID); err != nil && !(i == 1 && errors.Is(err, store.ErrNotFound)) {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	var got struct {
		Lang   string `db:"lang"`
		Zone   string `db:"time_zone"`
		Time   string `db:"digest_time"`
		Cursor int64  `db:"digest_cursor"`
		Subs   int    `db:"subs"`
	}
	if err := st.DB().Get(&got, `SELECT lang, time_zone, to_char(digest_time, 'HH24:MI') AS digest_time,
		digest_cursor, (SELECT count(*) FROM subscriptions WHERE chat_id = $1) AS subs
		FROM chats WHERE id = $1`, newID); err != nil {
		t.Fatal(err)
	}
	if got.Lang != "kk" || got.Zone != "Asia/Aqtobe" || got.Time != "07:30" || got.Cursor != 42 || got.Subs != 1 {
		t.Errorf("supergroup after migration = %+v; want the group's kk, Asia/Aqtobe, 07:30, cursor 42, 1 subscription", got)
	}
	if _, err := st.ChatByID(ctx, oldID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the old group is still there: %v", err)
	}
}
