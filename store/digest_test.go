package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
)

var digestNow = time.Date(2025, 11, 26, 4, 0, 0, 0, time.UTC) // 09:00 in Almaty

func digestRel(slug string, id int64, title string, published time.Time) store.NewRelease {
	return store.NewRelease{EntitySlug: slug, GovkzID: id, ContentHash: fmt.Sprint(slug, id),
		Title: title, Body: title + ".", Lang: "en", PublishedOn: published}
}

// dueChat makes chat id exist, follow entity slug, and be due at digestNow.
func dueChat(t *testing.T, st *store.Store, id int64, slug string) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.TouchChat(ctx, id, "private", "en"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportReleases(ctx, []store.NewRelease{digestRel(slug, 1, "seed", digestNow)}); err != nil {
		t.Fatal(err)
	}
	e, err := st.EntityBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: id, Kind: store.SubEntity,
		Value: slug, Normalized: slug, EntityID: e.ID}, 50); err != nil {
		t.Fatal(err)
	}
	if err := st.ScheduleChats(ctx, map[int64]time.Time{id: digestNow}); err != nil {
		t.Fatal(err)
	}
}

// A digest shows no body: Releases reads it only for a release stored
// without shingles, whose shingles the digest computes from its text.
func TestDigestReleasesReadTheBodyOnlyWithoutShingles(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	with := digestRel("mfa", 2, "With shingles", digestNow)
	with.Shingles = subscriptions.Shingles(with.Title, with.Body)
	without := digestRel("mfa", 3, "Without shingles", digestNow)
	if _, err := st.ImportReleases(ctx, []store.NewRelease{with, without}); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	_, err := st.BuildDigest(ctx, 1, digestNow, func(ctx context.Context, src *store.DigestSource) (store.DigestPlan, error) {
		rels, err := src.Releases(ctx, digestNow.AddDate(0, 0, -7))
		for _, r := range rels {
			bodies[r.Title] = r.Body
		}
		return store.DigestPlan{Next: digestNow.Add(time.Hour)}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"With shingles": "", "Without shingles": "Without shingles."}
	if !maps.Equal(bodies, want) {
		t.Errorf("bodies %q, want %q", bodies, want)
	}
}

func TestBuildDigestQueuesPartsAndMovesTheCursorTogether(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	if _, err := st.ImportReleases(ctx, []store.NewRelease{
		digestRel("mfa", 2, "Matched", digestNow), digestRel("mod", 3, "Not followed", digestNow)}); err != nil {
		t.Fatal(err)
	}
	next := digestNow.Add(24 * time.Hour)
	var got []string
	out, err := st.BuildDigest(ctx, 1, digestNow, func(ctx context.Context, src *store.DigestSource) (store.DigestPlan, error) {
		rels, err := src.Releases(ctx, digestNow.AddDate(0, 0, -7))
		for _, r := range rels {
			got = append(got, r.Title)
		}
		return store.DigestPlan{Parts: []string{"<b>one</b>", "two"}, Items: len(rels), Next: next}, err
	})
	if err != nil || !out.Claimed || out.DigestID == 0 || out.Parts != 2 {
		t.Fatalf("BuildDigest = %+v, %v", out, err)
	}
	if !slices.Equal(got, []string{"Matched"}) {
		t.Errorf("releases %q, want only the one that arrived after the subscription and matches", got)
	}
	var parts []struct {
		Part   int    `db:"part"`
		Text   string `db:"text"`
		Status string `db:"status"`
	}
	if err := st.DB().Select(&parts, `SELECT part, text, status FROM outbox WHERE digest_id = $1 ORDER BY part`, out.DigestID); err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Part != 1 || parts[1].Text != "two" || parts[0].Status != store.OutboxPending {
		t.Errorf("outbox = %+v", parts)
	}
	c, err := st.DigestChatByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var maxSeq int64
	st.DB().Get(&maxSeq, `SELECT max(arrival_seq) FROM releases`)
	if c.Cursor != maxSeq || !c.Next.Equal(next) || c.Last == nil || !c.Last.Equal(digestNow) {
		t.Errorf("chat after the digest = %+v, want cursor %d (every arrival, matched or not), next %v", c, maxSeq, next)
	}
	// Not due any more: not claimed, the builder is not called.
	out, err = st.BuildDigest(ctx, 1, digestNow, func(context.Context, *store.DigestSource) (store.DigestPlan, error) {
		t.Error("builder called for a chat that is not due")
		return store.DigestPlan{}, nil
	})
	if err != nil || out.Claimed {
		t.Errorf("second BuildDigest = %+v, %v; want not claimed", out, err)
	}
}

func TestBuildDigestFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	boom := errors.New("boom")
	_, err := st.BuildDigest(ctx, 1, digestNow, func(context.Context, *store.DigestSource) (store.DigestPlan, error) {
		return store.DigestPlan{Parts: []string{"x"}, Next: digestNow.Add(time.Hour)}, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want the builder's", err)
	}
	c, _ := st.DigestChatByID(ctx, 1)
	var queued int
	st.DB().Get(&queued, `SELECT count(*) FROM outbox`)
	if c.Cursor != 0 || !c.Next.Equal(digestNow) || queued != 0 {
		t.Errorf("after a failed build: cursor %d, next %v, %d parts; want nothing changed", c.Cursor, c.Next, queued)
	}
}

func TestBuildDigestSkipsAChatAnotherProcessHolds(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SELECT 1 FROM chats WHERE id = 1 FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	done := make(chan store.DigestOutcome)
	go func() {
		out, _ := st.BuildDigest(ctx, 1, digestNow, func(context.Context, *store.DigestSource) (store.DigestPlan, error) {
			return store.DigestPlan{Next: digestNow.Add(time.Hour)}, nil
		})
		done <- out
	}()
	select {
	case out := <-done:
		if out.Claimed {
			t.Error("claimed a chat whose row another transaction holds")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("BuildDigest waited for the lock instead of skipping the chat")
	}
}

// An import in progress holds the arrival lock: a build waits for it, so
// the release it is inserting is either before the cursor and in this
// digest, or after it; never skipped.
func TestBuildDigestWaitsForAnImportInProgress(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SELECT pg_advisory_xact_lock(7531001)`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO releases (entity_id, govkz_id, content_hash, title, published_on)
		SELECT id, 99, 'in-flight', 'In flight', '2025-11-26' FROM entities WHERE slug = 'mfa'`); err != nil {
		t.Fatal(err)
	}
	done := make(chan []string, 1)
	go func() {
		var titles []string
		st.BuildDigest(ctx, 1, digestNow, func(ctx context.Context, src *store.DigestSource) (store.DigestPlan, error) {
			rels, err := src.Releases(ctx, digestNow.AddDate(0, 0, -7))
			for _, r := range rels {
				titles = append(titles, r.Title)
			}
			return store.DigestPlan{Next: digestNow.Add(time.Hour)}, err
		})
		done <- titles
	}()
	select {
	case <-done:
		t.Fatal("the build did not wait for the import holding the arrival lock")
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := <-done; !slices.Equal(got, []string{"In flight"}) {
		t.Errorf("digest releases %q, want the release that was being imported", got)
	}
}

// A keyword matches in a digest exactly what /latest KEYWORD shows.
func TestDigestKeywordMatchingIsLatests(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	keywords := []string{"shymkent", "kazakhstan", "water supply", "wto", "embassy"}
	for i, kw := range keywords {
		if _, err := st.TouchChat(ctx, int64(i+1), "private", "en"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.AddSubscription(ctx, subscriptions.KeywordSubscription(int64(i+1), kw), 50); err != nil {
			t.Fatal(err)
		}
	}
	rels, _, err := ingest.Parse(newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportReleases(ctx, rels); err != nil {
		t.Fatal(err)
	}
	for i, kw := range keywords {
		latest, err := st.Latest(ctx, store.LatestFilter{Match: subscriptions.KeywordQuery(kw)}, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []int64
		for _, r := range latest {
			want = append(want, r.ID)
		}
		err = st.PreviewDigest(ctx, int64(i+1), func(ctx context.Context, src *store.DigestSource) error {
			rels, err := src.Releases(ctx, time.Time{})
			for _, r := range rels {
				got = append(got, r.ID)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%q: digest holds %v, /latest shows %v", kw, got, want)
		}
	}
}
