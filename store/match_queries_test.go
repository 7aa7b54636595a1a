package store_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// TestRefreshMatchQueries: every keyword subscription ends with the query
// the rules give its keyword now, whether it had none or an older one.
func TestRefreshMatchQueries(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	for i, sub := range []struct {
		chat         int64
		value, match string
	}{
		{1, "Budapest", ""},           // made before matching was canonical
		{2, "Budapest", "budapest:*"}, // made before places were known
		{3, "water", "water:*"},       // already current
	} {
		if _, err := st.TouchChat(ctx, sub.chat, "private", "en"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: sub.chat, Kind: store.SubKeyword,
			Value: sub.value, Normalized: sub.value, MatchQuery: sub.match}, 50); err != nil {
			t.Fatalf("subscription %d: %v", i, err)
		}
	}
	rules := map[string]string{"Budapest": "(budapest:* | budapesht:*)", "water": "water:*"}
	if err := st.RefreshMatchQueries(ctx, func(k string) string { return rules[k] }); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Value string `db:"value"`
		Match string `db:"match_query"`
	}
	if err := st.DB().SelectContext(ctx, &got, `SELECT value, match_query FROM subscriptions ORDER BY chat_id`); err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		if g.Match != rules[g.Value] {
			t.Errorf("%s: match_query %q, want %q", g.Value, g.Match, rules[g.Value])
		}
	}
}
