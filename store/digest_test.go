package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
	"github.com/newsbot-kz/newsbot/textmatch"
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
		Value: slug, Normalized: slug, EntityID: e.ID, At: digestNow}, 50); err != nil {
		t.Fatal(err)
	}
}

// buildBatch runs BuildDigestBatch at digestNow over every due chat, as of
// the arrival horizon, with build deciding the plans.
func buildBatch(t *testing.T, st *store.Store, build store.DigestBatchFunc) (store.BatchOutcome, error) {
	t.Helper()
	toSeq, err := st.ArrivalHorizon(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.BuildDigestBatch(context.Background(), digestNow, math.MinInt64, 100, toSeq, build)
}

// The digest's window reads every release with its body: for the shingles
// of one stored without them and for every release's cross-language
// fingerprint. Both readers, the preview's snapshot and the pass's
// DigestReleasesIn, do so.
func TestDigestReleasesReadTheBody(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	with := digestRel("mfa", 2, "With shingles", digestNow)
	with.Shingles = textmatch.Shingles(with.Title, with.Body)
	without := digestRel("mfa", 3, "Without shingles", digestNow)
	if _, err := st.ImportReleases(ctx, []store.NewRelease{with, without}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"seed": "seed.", "With shingles": "With shingles.", "Without shingles": "Without shingles."}
	bodies := map[string]string{}
	err := st.PreviewDigest(ctx, 1, func(ctx context.Context, src *store.DigestSource) error {
		rels, err := src.DigestReleasesIn(ctx, 0, src.ToSeq, digestNow.AddDate(0, 0, -7))
		for _, r := range rels {
			bodies[r.Title] = r.Body
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(bodies, want) {
		t.Errorf("preview bodies %q, want %q", bodies, want)
	}
	rels, err := st.DigestReleasesIn(ctx, 0, 1<<40, digestNow.AddDate(0, 0, -7))
	if err != nil {
		t.Fatal(err)
	}
	clear(bodies)
	for _, r := range rels {
		bodies[r.Title] = r.Body
	}
	if !maps.Equal(bodies, want) {
		t.Errorf("window bodies %q, want %q", bodies, want)
	}
}

func TestBuildDigestBatchQueuesPartsAndMovesTheCursorTogether(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	dueChat(t, st, 2, "mod")
	if _, err := st.ImportReleases(ctx, []store.NewRelease{digestRel("mfa", 2, "Matched", digestNow)}); err != nil {
		t.Fatal(err)
	}
	next := digestNow.Add(24 * time.Hour)
	var seen []int64
	out, err := buildBatch(t, st, func(ctx context.Context, chats []store.BatchChat, toSeq int64) ([]store.BatchPlan, error) {
		for _, c := range chats {
			seen = append(seen, c.ID)
			if len(c.Subscriptions) != 1 || c.Subscriptions[0].Entity == nil {
				t.Errorf("chat %d claimed with subscriptions %+v, want its one entity", c.ID, c.Subscriptions)
			}
		}
		// Chat 1 gets a digest; chat 2 nothing new.
		return []store.BatchPlan{
			{ChatID: 1, DigestPlan: store.DigestPlan{Parts: []string{"<b>one</b>", "two"}, Items: 1, Next: next}},
			{ChatID: 2, DigestPlan: store.DigestPlan{Next: next}},
		}, nil
	})
	if err != nil || !slices.Equal(out.Claimed, []int64{1, 2}) || out.LastID != 2 {
		t.Fatalf("BuildDigestBatch = %+v, %v", out, err)
	}
	if !slices.Equal(seen, []int64{1, 2}) {
		t.Errorf("build saw chats %v", seen)
	}
	one, two := out.Built[1], out.Built[2]
	if one.DigestID == 0 || one.Parts != 2 || one.Items != 1 || two.DigestID != 0 {
		t.Fatalf("outcomes %+v, want a digest of 2 parts for chat 1 and none for chat 2", out.Built)
	}
	var parts []struct {
		Part   int    `db:"part"`
		Text   string `db:"text"`
		Status string `db:"status"`
		ChatID int64  `db:"chat_id"`
	}
	if err := st.DB().Select(&parts, `SELECT part, text, status, chat_id FROM outbox WHERE digest_id = $1 ORDER BY part`,
		one.DigestID); err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Part != 1 || parts[1].Text != "two" || parts[0].Status != store.OutboxPending ||
		parts[1].ChatID != 1 {
		t.Errorf("outbox = %+v", parts)
	}
	var maxSeq int64
	st.DB().Get(&maxSeq, `SELECT max(arrival_seq) FROM releases`)
	for _, id := range []int64{1, 2} {
		c, err := st.DigestChatByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		queued := id == 1
		if c.Cursor != maxSeq || !c.Next.Equal(next) || (c.Last != nil) != queued {
			t.Errorf("chat %d after the batch = %+v, want cursor %d (every arrival, matched or not), next %v, "+
				"last digest set: %v", id, c, maxSeq, next, queued)
		}
	}
	// Not due any more: nothing claimed, the builder is not called.
	out, err = buildBatch(t, st, func(context.Context, []store.BatchChat, int64) ([]store.BatchPlan, error) {
		t.Error("builder called when no chat is due")
		return nil, nil
	})
	if err != nil || len(out.Claimed) != 0 {
		t.Errorf("second BuildDigestBatch = %+v, %v; want nothing claimed", out, err)
	}
}

// A chat the build gives no plan for (its build failed) stays as it was.
func TestBuildDigestBatchLeavesAChatWithoutAPlanDue(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	dueChat(t, st, 2, "mfa")
	out, err := buildBatch(t, st, func(context.Context, []store.BatchChat, int64) ([]store.BatchPlan, error) {
		return []store.BatchPlan{{ChatID: 2, DigestPlan: store.DigestPlan{Parts: []string{"x"}, Items: 1,
			Next: digestNow.Add(time.Hour)}}}, nil
	})
	if err != nil || len(out.Built) != 1 {
		t.Fatalf("BuildDigestBatch = %+v, %v", out, err)
	}
	c, _ := st.DigestChatByID(ctx, 1)
	if c.Cursor != 0 || !c.Next.Equal(digestNow) || c.Last != nil {
		t.Errorf("chat without a plan: %+v, want it unchanged and still due", c)
	}
}

func TestBuildDigestBatchFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	for name, build := range map[string]store.DigestBatchFunc{
		"the builder fails": func(context.Context, []store.BatchChat, int64) ([]store.BatchPlan, error) {
			return []store.BatchPlan{{ChatID: 1, DigestPlan: store.DigestPlan{Parts: []string{"x"},
				Next: digestNow.Add(time.Hour)}}}, errors.New("boom")
		},
		"a next time not after now": func(context.Context, []store.BatchChat, int64) ([]store.BatchPlan, error) {
			return []store.BatchPlan{{ChatID: 1, DigestPlan: store.DigestPlan{Parts: []string{"x"}, Next: digestNow}}}, nil
		},
		"a plan for a chat not claimed": func(context.Context, []store.BatchChat, int64) ([]store.BatchPlan, error) {
			return []store.BatchPlan{
				{ChatID: 1, DigestPlan: store.DigestPlan{Parts: []string{"x"}, Next: digestNow.Add(time.Hour)}},
				{ChatID: 7, DigestPlan: store.DigestPlan{Parts: []string{"y"}, Next: digestNow.Add(time.Hour)}}}, nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			st := testdb.Open(t)
			dueChat(t, st, 1, "mfa")
			out, err := buildBatch(t, st, build)
			if err == nil || !slices.Equal(out.Claimed, []int64{1}) || out.LastID != 1 || out.Built != nil {
				t.Fatalf("BuildDigestBatch = %+v, %v; want an error, with the chat claimed and nothing built", out, err)
			}
			c, _ := st.DigestChatByID(ctx, 1)
			var queued, digests int
			st.DB().Get(&queued, `SELECT count(*) FROM outbox`)
			st.DB().Get(&digests, `SELECT count(*) FROM digests`)
			if c.Cursor != 0 || !c.Next.Equal(digestNow) || queued != 0 || digests != 0 {
				t.Errorf("after a failed batch: cursor %d, next %v, %d digests, %d parts; want nothing changed",
					c.Cursor, c.Next, digests, queued)
			}
		})
	}
}

func TestBuildDigestBatchSkipsAChatAnotherProcessHolds(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	dueChat(t, st, 1, "mfa")
	dueChat(t, st, 2, "mfa")
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SELECT 1 FROM chats WHERE id = 1 FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	done := make(chan store.BatchOutcome)
	go func() {
		out, _ := buildBatch(t, st, func(_ context.Context, chats []store.BatchChat, _ int64) ([]store.BatchPlan, error) {
			var plans []store.BatchPlan
			for _, c := range chats {
				plans = append(plans, store.BatchPlan{ChatID: c.ID, DigestPlan: store.DigestPlan{Next: digestNow.Add(time.Hour)}})
			}
			return plans, nil
		})
		done <- out
	}()
	select {
	case out := <-done:
		if !slices.Equal(out.Claimed, []int64{2}) {
			t.Errorf("claimed %v, want only chat 2: another transaction holds chat 1", out.Claimed)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("BuildDigestBatch waited for the lock instead of skipping the chat")
	}
}

// An import in progress holds the arrival lock: the horizon waits for it,
// so the release it is inserting is either at or below the horizon and in
// this pass's digests, or above it; never skipped.
func TestArrivalHorizonWaitsForAnImportInProgress(t *testing.T) {
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
	var inFlight int64
	if err := tx.Get(&inFlight, `INSERT INTO releases (entity_id, govkz_id, content_hash, title, published_on)
		SELECT id, 99, 'in-flight', 'In flight', '2025-11-26' FROM entities WHERE slug = 'mfa'
		RETURNING arrival_seq`); err != nil {
		t.Fatal(err)
	}
	done := make(chan int64, 1)
	go func() {
		seq, err := st.ArrivalHorizon(ctx)
		if err != nil {
			t.Error(err)
		}
		done <- seq
	}()
	select {
	case <-done:
		t.Fatal("the horizon did not wait for the import holding the arrival lock")
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := <-done; got != inFlight {
		t.Errorf("horizon %d, want %d: the release that was being imported", got, inFlight)
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
		latest, err := st.Latest(ctx, store.LatestFilter{Match: textmatch.KeywordQuery(kw)}, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []int64
		for _, r := range latest {
			want = append(want, r.ID)
		}
		q := textmatch.KeywordQuery(kw)
		err = st.PreviewDigest(ctx, int64(i+1), func(ctx context.Context, src *store.DigestSource) error {
			hits, err := src.KeywordHits(ctx, []string{q}, 0, src.ToSeq, time.Time{})
			got = hits[q]
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%q: a preview's keyword hits %v, /latest shows %v", kw, got, want)
		}
		hits, err := st.KeywordHits(ctx, []string{q, "nothing:*"}, 0, 1<<40, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(hits[q], want) || len(hits) != 1 {
			t.Errorf("%q: a pass's keyword hits %v, /latest shows %v", kw, hits, want)
		}
	}
}
