package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

var t0 = time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)

func sourceKeys(t *testing.T, st *store.Store, enabled bool) []string {
	t.Helper()
	srcs, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range srcs {
		if s.Enabled == enabled {
			keys = append(keys, s.Key)
		}
	}
	slices.Sort(keys)
	return keys
}

func TestSyncSources(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{
		{Slug: "mfa-budapest", Kind: store.KindEmbassy, NameEN: "Embassy in Hungary"},
		{Slug: "mod", Kind: store.KindMinistry, NameEN: "Defence"},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TouchChat(ctx, 5, "private", "ru"); err != nil {
		t.Fatal(err)
	}
	mod, _ := st.EntityBySlug(ctx, "mod")
	if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: 5, Kind: store.SubEntity,
		Value: "mod", Normalized: "mod", EntityID: mod.ID}, 50); err != nil {
		t.Fatal(err)
	}
	plan := store.SourcePlan{
		Slugs: []string{"shymkent"}, Kinds: []string{store.KindEmbassy}, Subscribed: true,
		Langs: []string{"kk", "ru"},
		Feeds: []store.FeedPlan{{URL: "https://example.org/rss", EntitySlug: "shymkent"}},
	}
	if err := st.SyncSources(ctx, t0, plan); err != nil {
		t.Fatal(err)
	}
	want := []string{"feed:https://example.org/rss",
		"govkz:mfa-budapest:kk", "govkz:mfa-budapest:ru", "govkz:mod:kk", "govkz:mod:ru",
		"govkz:shymkent:kk", "govkz:shymkent:ru"}
	if got := sourceKeys(t, st, true); !slices.Equal(got, want) {
		t.Fatalf("sources = %q, want %q", got, want)
	}
	// Dropping the feed and Russian disables those sources; they keep their rows.
	plan.Feeds, plan.Langs = nil, []string{"kk"}
	if err := st.SyncSources(ctx, t0, plan); err != nil {
		t.Fatal(err)
	}
	if got := sourceKeys(t, st, false); len(got) != 4 || got[0] != "feed:https://example.org/rss" {
		t.Fatalf("disabled sources = %q, want the feed and the three ru sources", got)
	}
	of, err := st.SourcesOfEntities(ctx, []string{"shymkent"})
	if err != nil || len(of) != 1 || of[0].Name() != "shymkent/kk" {
		t.Fatalf("SourcesOfEntities(shymkent) = %+v, %v", of, err)
	}
}

func TestClaimsAreExclusiveAndLeased(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	plan := store.SourcePlan{Slugs: []string{"shymkent"}, Langs: []string{"kk"}}
	if err := st.SyncSources(ctx, t0, plan); err != nil {
		t.Fatal(err)
	}
	lease := t0.Add(5 * time.Minute)
	src, err := st.ClaimDueSource(ctx, t0, lease, "a")
	if err != nil || src.LeaseToken != "a" || src.EntitySlug != "shymkent" {
		t.Fatalf("first claim = %+v, %v", src, err)
	}
	if _, err := st.ClaimDueSource(ctx, t0, lease, "b"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second claim of a leased source: %v, want ErrNotFound", err)
	}
	if _, err := st.ClaimSource(ctx, src.ID, t0, lease, "b"); !errors.Is(err, store.ErrSourceBusy) {
		t.Fatalf("forced claim of a leased source: %v, want ErrSourceBusy", err)
	}
	// The lease runs out: another poller takes over, and the first one's
	// record of its poll is refused.
	late := lease.Add(time.Second)
	if _, err := st.ClaimDueSource(ctx, late, late.Add(5*time.Minute), "b"); err != nil {
		t.Fatalf("claim after the lease ran out: %v", err)
	}
	err = st.FinishPoll(ctx, store.PollOutcome{SourceID: src.ID, Token: "a", At: late, NextPollAt: late.Add(10 * time.Minute)})
	if !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("FinishPoll with a lost lease = %v, want ErrLeaseLost", err)
	}
	err = st.FinishPoll(ctx, store.PollOutcome{SourceID: src.ID, Token: "b", At: late,
		NextPollAt: late.Add(10 * time.Minute), Err: "HTTP 500", Failures: 1, FailingSince: late})
	if err != nil {
		t.Fatal(err)
	}
	srcs, _ := st.Sources(ctx)
	if s := srcs[0]; s.ConsecutiveFailures != 1 || s.LastError != "HTTP 500" || s.LeaseToken != "" ||
		!s.NextPollAt.Equal(late.Add(10*time.Minute)) {
		t.Fatalf("after a failed poll: %+v", s)
	}
	if _, err := st.ClaimDueSource(ctx, late, late.Add(time.Minute), "c"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("claim before next_poll_at: %v, want ErrNotFound", err)
	}
}

// TestInferredSlugsAreNotPolledByKind: an embassy whose slug is only
// inferred is not polled as part of kind:embassy, but is when a chat
// follows it or the plan names it.
func TestInferredSlugsAreNotPolledByKind(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	if err := st.SyncCatalogue(ctx, []store.Entity{
		{Slug: "mfa-budapest", Kind: store.KindEmbassy, NameEN: "Embassy in Hungary"},
		{Slug: "mfa-berlin", Kind: store.KindEmbassy, NameEN: "Embassy in Germany", SlugInferred: true},
		{Slug: "mfa-oslo", Kind: store.KindEmbassy, NameEN: "Embassy in Norway", SlugInferred: true},
		{Slug: "mfa-madrid", Kind: store.KindEmbassy, NameEN: "Embassy in Spain", SlugInferred: true},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TouchChat(ctx, 5, "private", "en"); err != nil {
		t.Fatal(err)
	}
	oslo, _ := st.EntityBySlug(ctx, "mfa-oslo")
	if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: 5, Kind: store.SubEntity,
		Value: "mfa-oslo", Normalized: "mfa-oslo", EntityID: oslo.ID}, 50); err != nil {
		t.Fatal(err)
	}
	plan := store.SourcePlan{Slugs: []string{"mfa-madrid"}, Kinds: []string{store.KindEmbassy},
		Subscribed: true, Langs: []string{"ru"}}
	if err := st.SyncSources(ctx, t0, plan); err != nil {
		t.Fatal(err)
	}
	want := []string{"govkz:mfa-budapest:ru", "govkz:mfa-madrid:ru", "govkz:mfa-oslo:ru"}
	if got := sourceKeys(t, st, true); !slices.Equal(got, want) {
		t.Fatalf("sources = %q, want %q (no mfa-berlin)", got, want)
	}
}
