package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
)

// A supergroup (its id below -2^31) following an entity, a keyword that
// matches and one that matches nothing sees their union newest first; the
// pages follow each other without a gap or a repeat; the entity and
// keyword filters alone see theirs.
func TestLatestOfAChatIsTheUnionOfItsSubscriptions(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	const group = -1001000000251
	var rels []store.NewRelease
	for i := range 30 {
		day := time.Date(2026, 11, 1+i%28, 0, 0, 0, 0, time.UTC)
		switch i % 3 {
		case 0:
			rels = append(rels, digestRel("shymkent", int64(i+1), fmt.Sprintf("Akimat news %d", i), day))
		case 1:
			rels = append(rels, digestRel("mfa", int64(i+1), fmt.Sprintf("Kyzylzhar water supply %d", i), day))
		default:
			rels = append(rels, digestRel("mfa", int64(i+1), fmt.Sprintf("Unrelated story %d", i), day))
		}
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TouchChat(ctx, group, "supergroup", "ru"); err != nil {
		t.Fatal(err)
	}
	shym, err := st.EntityBySlug(ctx, "shymkent")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []store.NewSubscription{
		{ChatID: group, Kind: store.SubEntity, Value: "shymkent", Normalized: "shymkent", EntityID: shym.ID},
		subscriptions.KeywordSubscription(group, "Кызылжар"),
		subscriptions.KeywordSubscription(group, "Жанакурылыс-17"),
	} {
		if _, _, err := st.AddSubscription(ctx, n, 50); err != nil {
			t.Fatal(err)
		}
	}

	var all []store.Release
	for offset := 0; ; offset += 7 {
		page, err := st.Latest(ctx, store.LatestFilter{ChatID: group}, offset, 7)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < 7 {
			break
		}
	}
	if len(all) != 20 {
		t.Fatalf("the chat's /latest pages hold %d releases, want 20 (10 of shymkent, 10 of Kyzylzhar)", len(all))
	}
	seen := map[int64]bool{}
	for i, r := range all {
		if seen[r.ID] {
			t.Errorf("release %d shown twice", r.ID)
		}
		seen[r.ID] = true
		if r.Entity.Slug == "mfa" && (*r.GovkzID-1)%3 != 1 {
			t.Errorf("release %q matches no subscription", r.Title)
		}
		if i > 0 && (r.PublishedOn.After(all[i-1].PublishedOn) ||
			r.PublishedOn.Equal(all[i-1].PublishedOn) && r.ArrivalSeq > all[i-1].ArrivalSeq) {
			t.Errorf("%q comes after %q, which is older", r.Title, all[i-1].Title)
		}
	}
	for _, tc := range []struct {
		f    store.LatestFilter
		want int
	}{
		{store.LatestFilter{EntityID: shym.ID}, 10},
		{store.LatestFilter{Match: subscriptions.KeywordSubscription(0, "Kyzylzhar").MatchQuery}, 10},
		{store.LatestFilter{}, 30},
		{store.LatestFilter{EntityID: shym.ID, Match: subscriptions.KeywordSubscription(0, "Kyzylzhar").MatchQuery}, 0},
	} {
		got, err := st.Latest(ctx, tc.f, 0, 50)
		if err != nil || len(got) != tc.want {
			t.Errorf("Latest(%+v) = %d releases, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
	if got, err := st.Latest(ctx, store.LatestFilter{ChatID: 424242}, 0, 10); err != nil || len(got) != 0 {
		t.Errorf("a chat with no subscriptions: %d releases, %v", len(got), err)
	}
}
