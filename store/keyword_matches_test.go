package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
)

// keywordChat makes chat id exist and follow each keyword; it returns the
// subscriptions.
func keywordChat(t *testing.T, st *store.Store, id int64, keywords ...string) []store.Subscription {
	t.Helper()
	ctx := context.Background()
	if _, err := st.TouchChat(ctx, id, "private", "en"); err != nil {
		t.Fatal(err)
	}
	var subs []store.Subscription
	for _, kw := range keywords {
		sub, _, err := st.AddSubscription(ctx, subscriptions.KeywordSubscription(id, kw), 50)
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sub)
	}
	return subs
}

// latestTitles is the titles of the chat's /latest, first limit.
func latestTitles(t *testing.T, st *store.Store, f store.LatestFilter, offset, limit int) []string {
	t.Helper()
	rels, err := st.Latest(context.Background(), f, offset, limit)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rels {
		out = append(out, r.Title)
	}
	return out
}

func matchKeywords(t *testing.T, st *store.Store) store.KeywordMatchStats {
	t.Helper()
	stats, err := st.MatchKeywords(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

func storedMatches(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM keyword_matches`); err != nil {
		t.Fatal(err)
	}
	return n
}

// The keyword index changes nothing /latest shows, between passes too: a
// release that arrives after a pass, one that gains a matching language
// version, and one edited so that it no longer matches are shown (or not)
// at once, and the same after the next pass.
func TestLatestFromTheKeywordIndexShowsWhatTheArchiveHolds(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	const chat = 7001
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	var rels []store.NewRelease
	for i := range 24 {
		title := fmt.Sprintf("Unrelated story %d", i)
		if i%3 == 0 {
			title = fmt.Sprintf("Kyzylzhar water supply %d", i)
		}
		rels = append(rels, digestRel("mfa", int64(i+1), title, day(1+i)))
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	keywordChat(t, st, chat, "Кызылжар", "Жанакурылыс-17")
	f := store.LatestFilter{ChatID: chat}
	before := latestTitles(t, st, f, 0, 20)
	if len(before) != 8 {
		t.Fatalf("/latest before any pass shows %d releases, want the 8 of Kyzylzhar: %q", len(before), before)
	}

	stats := matchKeywords(t, st)
	if stats.Backfilled != 2 || storedMatches(t, st) != 8 {
		t.Fatalf("the first pass backfilled %d queries and stored %d matches, want 2 and 8 (%+v)",
			stats.Backfilled, storedMatches(t, st), stats)
	}
	if got := latestTitles(t, st, f, 0, 20); !slices.Equal(got, before) {
		t.Fatalf("from the index /latest shows %q, want %q as from the archive", got, before)
	}
	if got, want := latestTitles(t, st, f, 3, 2), before[3:5]; !slices.Equal(got, want) {
		t.Errorf("page at offset 3 shows %q, want %q", got, want)
	}

	// Arrivals after the pass, a new language version that matches, an
	// edit that no longer does.
	fresh := digestRel("mfa", 100, "Kyzylzhar school opened", day(28))
	version := digestRel("mfa", 2, "Қызылжар: су құбыры", day(2)) // release 2 was unrelated
	version.Lang, version.ContentHash = "kk", "mfa 2 kk"
	edit := digestRel("mfa", 4, "Water supply restored", day(4)) // release 4 was "Kyzylzhar water supply 3"
	edit.ContentHash = "mfa 4 edited"
	if _, err := st.ImportReleases(ctx, []store.NewRelease{fresh}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFetched(ctx, []store.NewRelease{version, edit}); err != nil {
		t.Fatal(err)
	}
	want := []string{"Kyzylzhar school opened"}
	for _, title := range before {
		if title != "Kyzylzhar water supply 3" {
			want = append(want, title)
		}
	}
	want = append(want[:len(want)-1:len(want)-1], "Unrelated story 1", want[len(want)-1])
	if got := latestTitles(t, st, f, 0, 20); !slices.Equal(got, want) {
		t.Errorf("between passes /latest shows\n%q\nwant\n%q", got, want)
	}
	stats = matchKeywords(t, st)
	if stats.Matched != 2 {
		t.Errorf("the second pass matched %d releases, want 2 (the new one, the new version): %+v", stats.Matched, stats)
	}
	if got := latestTitles(t, st, f, 0, 20); !slices.Equal(got, want) {
		t.Errorf("after the next pass /latest shows\n%q\nwant\n%q", got, want)
	}
	if n := storedMatches(t, st); n != 9 {
		t.Errorf("%d matches stored, want 9 (8, less the edit, plus the new release and the new version)", n)
	}
}

// A backfill stops at its cap; a page beyond what it stored is read from
// the archive, and shows the same as without the index. A query no
// subscription uses any more leaves the index with its matches.
func TestKeywordIndexCapAndUnsubscribe(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	store.SetKeywordMatchCap(t, 3)
	const chat = 7002
	var rels []store.NewRelease
	for i := range 10 {
		rels = append(rels, digestRel("shymkent", int64(i+1), fmt.Sprintf("Shymkent park %d", i),
			time.Date(2026, 10, 1+i, 0, 0, 0, 0, time.UTC)))
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	subs := keywordChat(t, st, chat, "Шымкент")
	f := store.LatestFilter{ChatID: chat}
	before := latestTitles(t, st, f, 0, 10)
	if len(before) != 10 {
		t.Fatalf("/latest shows %d releases, want 10", len(before))
	}
	matchKeywords(t, st)
	if n := storedMatches(t, st); n != 3 {
		t.Fatalf("the backfill stored %d matches, want its cap, 3", n)
	}
	for _, page := range [][2]int{{0, 3}, {2, 3}, {5, 3}, {0, 10}} {
		want := before[page[0]:min(page[0]+page[1], len(before))]
		if got := latestTitles(t, st, f, page[0], page[1]); !slices.Equal(got, want) {
			t.Errorf("offset %d limit %d shows %q, want %q", page[0], page[1], got, want)
		}
	}
	if _, err := st.RemoveSubscription(ctx, chat, subs[0].ID); err != nil {
		t.Fatal(err)
	}
	if stats := matchKeywords(t, st); stats.Dropped != 1 || storedMatches(t, st) != 0 {
		t.Errorf("after the last subscriber left, the pass dropped %d queries and %d matches are left, want 1 and 0",
			stats.Dropped, storedMatches(t, st))
	}
}
