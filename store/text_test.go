package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// Text a user typed reaches PostgreSQL, which refuses NUL and invalid UTF-8
// with an error; the store drops them on every method that takes such text,
// whatever path it came by.
func TestUserTextWithNULIsStoredWithout(t *testing.T) {
	st := testdb.Open(t)
	ctx := context.Background()
	if _, err := st.TouchChat(ctx, 1, "private", "en"); err != nil {
		t.Fatal(err)
	}
	id, err := st.SaveQuery(ctx, 1, "search", "water\x00 supply\xff")
	if err != nil {
		t.Fatal(err)
	}
	if _, arg, err := st.Query(ctx, 1, id); err != nil || arg != "water supply\uFFFD" {
		t.Errorf("saved query = %q, %v; want %q", arg, err, "water supply\uFFFD")
	}
	sub, created, err := st.AddSubscription(ctx, store.NewSubscription{ChatID: 1, Kind: store.SubKeyword,
		Value: "wa\x00ter", Normalized: "wa\x00ter", MatchQuery: "wa\x00ter:*"}, 50)
	if err != nil || !created || sub.Value != "water" {
		t.Fatalf("AddSubscription = %+v, %v, %v; want water, created", sub, created, err)
	}
	if _, err := st.FindSubscription(ctx, 1, store.SubKeyword, "wat\x00er"); err != nil {
		t.Errorf("FindSubscription with a NUL: %v", err)
	}
	if _, err := st.FindEntities(ctx, "a\x00b", "", "en", 5); err != nil {
		t.Errorf("FindEntities with a NUL: %v", err)
	}
	if _, err := st.EntityBySlug(ctx, "shym\x00kent"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("EntityBySlug with a NUL: %v, want not found", err)
	}
	if _, err := st.EntitiesByKind(ctx, "akimat\x00", "kk", 0, 5); err != nil {
		t.Errorf("EntitiesByKind with a NUL: %v", err)
	}
	if _, err := st.Search(ctx, store.SearchQuery{Match: "wat\x00er", EntitySlug: "\x00"}, 0, 5); err != nil {
		t.Errorf("Search with a NUL: %v", err)
	}
	if _, err := st.Latest(ctx, store.LatestFilter{Match: "wat\x00er"}, 0, 5); err != nil {
		t.Errorf("Latest with a NUL: %v", err)
	}
}

// A query given a Timeout is stopped by PostgreSQL there, with ErrTimeout,
// and the connection it ran on stays usable.
func TestQueriesStopAtTheirTimeout(t *testing.T) {
	st := testdb.Open(t)
	ctx := context.Background()
	// Releases whose every word begins with one of ten stems, so that a
	// search of the ten stems ranks them all.
	stems := []string{"akim", "vodo", "shim", "almat", "astan", "kazak", "respub", "minist", "oblast", "raion"}
	if _, err := st.DB().Exec(`
		INSERT INTO releases (content_hash, title, body, published_on)
		SELECT md5('t' || i), 'Release ' || i,
		       (SELECT string_agg(($2::text[])[1 + (i + j) % 10] || substr(md5(i || '-' || j), 1, 3), ' ')
		        FROM generate_series(1, 150) j),
		       date '2025-11-26'
		FROM generate_series(1, $1) i`, 1000, "{"+strings.Join(stems, ",")+"}"); err != nil {
		t.Fatal(err)
	}
	q := store.SearchQuery{Match: strings.Join(stems, ":* & ") + ":*"}
	began := time.Now()
	if _, err := st.Search(ctx, q, 0, 6); err != nil {
		t.Fatal(err)
	}
	alone := time.Since(began)

	q.Timeout = time.Millisecond
	began = time.Now()
	_, err := st.Search(ctx, q, 0, 6)
	if !errors.Is(err, store.ErrTimeout) {
		t.Fatalf("Search with a 1ms timeout: %v, want ErrTimeout (it takes %v without)", err, alone)
	}
	t.Logf("search alone %v, stopped after %v", alone, time.Since(began))
	_, err = st.Latest(ctx, store.LatestFilter{Match: q.Match, Timeout: time.Millisecond}, 0, 6)
	if err != nil && !errors.Is(err, store.ErrTimeout) {
		t.Fatalf("Latest with a 1ms timeout: %v", err)
	}
	// A generous timeout changes nothing, and the pool is fine afterwards.
	q.Timeout = time.Minute
	if rels, err := st.Search(ctx, q, 0, 6); err != nil || len(rels) != 6 {
		t.Fatalf("Search with a minute's timeout: %d releases, %v", len(rels), err)
	}
	var timeout string
	if err := st.DB().Get(&timeout, `SHOW statement_timeout`); err != nil || timeout != "0" {
		t.Errorf("statement_timeout outside the query = %q, %v; want 0 (SET LOCAL must not leak)", timeout, err)
	}
}
