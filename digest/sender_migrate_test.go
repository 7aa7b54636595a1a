package digest_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/newsbot-kz/newsbot/store"
)

// migrate_to_chat_id: the part goes to the supergroup and the chat row,
// with its subscriptions, moves there.
func TestMigratedGroup(t *testing.T) {
	const oldID, newID = -100, -1000000000100
	tests := []struct {
		name     string
		newSubs  []string // subscriptions the supergroup already has
		wantSubs []string
	}{
		{"new chat", nil, []string{"astana", "shymkent"}},
		{"supergroup already known", []string{"shymkent", "almaty"}, []string{"almaty", "astana", "shymkent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newOutboxEnv(t)
			e.srv.Migrate(oldID, newID)
			id := queue(t, e.st, oldID, partTexts(oldID, 2)...)
			subscribe(t, e.st, oldID, "shymkent", "astana")
			if tt.newSubs != nil {
				queue(t, e.st, newID, "the supergroup's own digest")
				subscribe(t, e.st, newID, tt.newSubs...)
			}

			e.drain(e.sender(fastOptions(t)))

			all := texts(e.srv, newID)
			got := slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "the supergroup's own digest" })
			if own := len(all) - len(got); tt.newSubs != nil && own != 1 {
				t.Errorf("supergroup got its own digest %d times, want once", own)
			}
			if want := partTexts(oldID, 2); !slices.Equal(got, want) {
				t.Errorf("supergroup got %q, want %q (besides its own digest)", got, want)
			}
			if got := texts(e.srv, oldID); len(got) != 0 {
				t.Errorf("old group got %q, want nothing", got)
			}
			for _, p := range parts(t, e.st, id) {
				if p.ChatID != newID || p.Status != store.OutboxSent {
					t.Errorf("part: %+v, want sent to %d", p, newID)
				}
			}
			if _, err := e.st.ChatByID(context.Background(), oldID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("old chat: %v, want ErrNotFound", err)
			}
			if got := subscriptionsOf(t, e.st, newID); !slices.Equal(got, tt.wantSubs) {
				t.Errorf("supergroup's subscriptions = %q, want %q", got, tt.wantSubs)
			}
		})
	}
}

func subscribe(t *testing.T, st *store.Store, chat int64, keywords ...string) {
	t.Helper()
	for _, k := range keywords {
		if _, err := st.DB().Exec(`INSERT INTO subscriptions (chat_id, kind, value, normalized)
			VALUES ($1, 'keyword', $2, $2)`, chat, k); err != nil {
			t.Fatal(err)
		}
	}
}

func subscriptionsOf(t *testing.T, st *store.Store, chat int64) []string {
	t.Helper()
	var subs []string
	if err := st.DB().Select(&subs, `SELECT normalized FROM subscriptions
		WHERE chat_id = $1 ORDER BY normalized`, chat); err != nil {
		t.Fatal(err)
	}
	return subs
}
