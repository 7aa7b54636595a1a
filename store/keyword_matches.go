package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// The keyword index (migration 00014): every subscribed keyword's matches,
// found once per release by MatchKeywords, so that /latest of a chat reads
// the first rows of an index range per keyword instead of matching the
// archive on every tap. Latest reads the table below the index's cursor and
// matches what arrived above it itself (keywordIndexed), so a release is
// never missing from /latest between two passes.

// keywordMatchCap is how many of a new query's newest matches its backfill
// stores. /latest shows pages of ten: a thousand is a hundred pages, and a
// reader who pages further gets the query's GIN match (keywordNewest).
var keywordMatchCap = 1000 // a variable for the tests of a capped backfill

// keywordMatchLockKey keeps two processes (replicas) from running
// MatchKeywords at once: the second returns at once.
const keywordMatchLockKey = 7531004

// KeywordBackfillBudget is how long one pass spends backfilling new
// queries before it leaves the rest to the next pass (a restart after a
// migration, or a benchmark's load, brings hundreds at once).
const KeywordBackfillBudget = 20 * time.Second

// maxKeywordTail is how far the index may lag behind the newest arrival
// before Latest stops trusting it: reading more than this many arrivals to
// match them itself would cost more than the keyword's GIN match.
const maxKeywordTail = 20_000

// KeywordMatchStats is what one MatchKeywords pass did.
type KeywordMatchStats struct {
	Skipped    bool  // another process's pass held the lock
	Horizon    int64 // the arrival sequence matched up to
	Matched    int   // matches added for releases that arrived or changed
	Backfilled int   // queries whose archive matches were stored
	Left       int   // queries still to backfill (the budget ran out)
	Dropped    int   // queries no subscription uses any more
}

// MatchKeywords brings the keyword index up to the arrival horizon: it
// drops the queries no subscription uses, adds the new ones, matches the
// releases that arrived (or whose text changed) since the last pass against
// every backfilled query, and backfills new queries from the archive until
// KeywordBackfillBudget is spent. It runs in one transaction, so /latest
// sees either the pass before or this one.
func (s *Store) MatchKeywords(ctx context.Context) (KeywordMatchStats, error) {
	var st KeywordMatchStats
	// The horizon is taken under the arrival lock, as ArrivalHorizon:
	// nothing below it is still to commit. The work then runs in a
	// transaction of its own so that it does not hold writers back.
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, arrivalLockKey); err != nil {
			return err
		}
		return tx.GetContext(ctx, &st.Horizon, `SELECT greatest(
			(SELECT COALESCE(max(arrival_seq), 0) FROM releases),
			(SELECT COALESCE(max(rematch_seq), 0) FROM releases WHERE rematch_seq IS NOT NULL))`)
	})
	if err != nil {
		return st, fmt.Errorf("store: keyword index horizon: %w", err)
	}
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var got bool
		if err := tx.GetContext(ctx, &got, `SELECT pg_try_advisory_xact_lock($1)`, keywordMatchLockKey); err != nil {
			return err
		}
		if !got {
			st.Skipped = true
			return nil
		}
		var from int64
		if err := tx.GetContext(ctx, &from, `SELECT last_seq FROM keyword_match_cursor FOR UPDATE`); err != nil {
			return err
		}
		if err := syncKeywordQueries(ctx, tx, &st); err != nil {
			return err
		}
		if st.Horizon > from {
			if err := matchArrivals(ctx, tx, from, st.Horizon, &st); err != nil {
				return err
			}
		}
		if err := backfillKeywords(ctx, tx, st.Horizon, &st); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE keyword_match_cursor SET last_seq = greatest(last_seq, $1)`, st.Horizon)
		return err
	})
	if err != nil {
		return st, fmt.Errorf("store: keyword index: %w", err)
	}
	return st, nil
}

// syncKeywordQueries drops the queries no keyword subscription uses (their
// matches go with them) and adds the new ones, not yet backfilled.
func syncKeywordQueries(ctx context.Context, tx *sqlx.Tx, st *KeywordMatchStats) error {
	res, err := tx.ExecContext(ctx, `
		DELETE FROM keyword_queries q WHERE NOT EXISTS (
			SELECT 1 FROM subscriptions s WHERE s.kind = 'keyword' AND s.match_query = q.match_query)`)
	if err != nil {
		return fmt.Errorf("drop queries: %w", err)
	}
	n, _ := res.RowsAffected()
	st.Dropped = int(n)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO keyword_queries (match_query)
		SELECT DISTINCT match_query FROM subscriptions WHERE kind = 'keyword' AND match_query <> ''
		ON CONFLICT (match_query) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("add queries: %w", err)
	}
	return nil
}

// matchArrivals matches the releases that arrived, or whose text changed,
// after from and up to to against every backfilled query. A changed
// release's old matches go first: its new text may not match them.
func matchArrivals(ctx context.Context, tx *sqlx.Tx, from, to int64, st *KeywordMatchStats) error {
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM keyword_matches m USING releases r
		WHERE m.release_id = r.id AND r.rematch_seq > $1 AND r.rematch_seq <= $2`, from, to); err != nil {
		return fmt.Errorf("drop changed matches: %w", err)
	}
	// Each query is parsed once, and the arrivals read once (MATERIALIZED:
	// the planner, which cannot estimate these sets, would otherwise nest
	// the arrivals inside the queries).
	res, err := tx.ExecContext(ctx, `
		WITH r AS MATERIALIZED (
			SELECT id, published_on, arrival_seq, canon FROM releases
			WHERE (arrival_seq > $1 AND arrival_seq <= $2) OR (rematch_seq > $1 AND rematch_seq <= $2)),
		q AS MATERIALIZED (
			SELECT id, to_tsquery('simple', match_query) AS tsq FROM keyword_queries WHERE backfilled)
		INSERT INTO keyword_matches (query_id, release_id, published_on, arrival_seq)
		SELECT q.id, r.id, r.published_on, r.arrival_seq FROM q JOIN r ON r.canon @@ q.tsq
		ON CONFLICT DO NOTHING`, from, to)
	if err != nil {
		return fmt.Errorf("match arrivals: %w", err)
	}
	n, _ := res.RowsAffected()
	st.Matched = int(n)
	return nil
}

// backfillKeywords stores, for each query not yet backfilled, its newest
// keywordMatchCap matches among the releases up to the horizon, until
// KeywordBackfillBudget is spent.
func backfillKeywords(ctx context.Context, tx *sqlx.Tx, horizon int64, st *KeywordMatchStats) error {
	var queries []struct {
		ID    int64  `db:"id"`
		Match string `db:"match_query"`
	}
	if err := tx.SelectContext(ctx, &queries,
		`SELECT id, match_query FROM keyword_queries WHERE NOT backfilled ORDER BY id`); err != nil {
		return fmt.Errorf("queries to backfill: %w", err)
	}
	if len(queries) == 0 {
		return nil
	}
	deadline := time.Now().Add(KeywordBackfillBudget)
	return withoutIndexWalk(ctx, tx, func() error {
		for i, q := range queries {
			if time.Now().After(deadline) {
				st.Left = len(queries) - i
				return nil
			}
			res, err := tx.ExecContext(ctx, `
				INSERT INTO keyword_matches (query_id, release_id, published_on, arrival_seq)
				SELECT $1, r.id, r.published_on, r.arrival_seq FROM releases r
				WHERE r.canon @@ to_tsquery('simple', $2) AND r.arrival_seq <= $3
				ORDER BY r.published_on DESC, r.arrival_seq DESC
				LIMIT `+strconv.Itoa(keywordMatchCap)+`
				ON CONFLICT DO NOTHING`, q.ID, q.Match, horizon)
			if err != nil {
				return fmt.Errorf("backfill %q: %w", q.Match, err)
			}
			n, _ := res.RowsAffected()
			if _, err := tx.ExecContext(ctx, `UPDATE keyword_queries SET (backfilled, complete) = (true, $2) WHERE id = $1`,
				q.ID, n < int64(keywordMatchCap)); err != nil {
				return err
			}
			st.Backfilled++
		}
		return nil
	})
}

// indexedKeyword is a query of the keyword index as Latest reads it.
type indexedKeyword struct {
	ID       int64  `db:"id"`
	Match    string `db:"match_query"`
	Complete bool   `db:"complete"`
}

// keywordIndex returns the backfilled queries of the index among matches,
// by query, and the cursor below which their matches are stored; none when
// the index lags more than maxKeywordTail arrivals behind.
func keywordIndex(ctx context.Context, tx *sqlx.Tx, matches []string) (map[string]indexedKeyword, int64, error) {
	// The cursor first: a pass that commits between the two statements
	// then only adds to what the tail below already covers.
	var cursor, last int64
	if err := tx.QueryRowxContext(ctx, `SELECT c.last_seq, (SELECT COALESCE(max(arrival_seq), 0) FROM releases)
		FROM keyword_match_cursor c`).Scan(&cursor, &last); err != nil {
		return nil, 0, err
	}
	if last-cursor > maxKeywordTail {
		return nil, cursor, nil
	}
	var rows []indexedKeyword
	if err := tx.SelectContext(ctx, &rows, `
		SELECT id, match_query, complete FROM keyword_queries
		WHERE backfilled AND match_query = ANY($1)`, pq.Array(matches)); err != nil {
		return nil, 0, err
	}
	out := make(map[string]indexedKeyword, len(rows))
	for _, r := range rows {
		out[r.Match] = r
	}
	return out, cursor, nil
}

// keywordIndexed returns the ids of the newest want releases matching the
// indexed query k: its stored matches, and those of the releases that
// arrived or changed above the cursor, which no pass has matched yet (a
// release changed there is taken from the tail alone: its stored matches
// are those of its old text). ok is
// false when the stored matches are a backfill's cap and fewer than want:
// the caller then takes the GIN match.
func keywordIndexed(ctx context.Context, tx *sqlx.Tx, k indexedKeyword, cursor int64, want int) (ids []int64, ok bool, err error) {
	err = tx.SelectContext(ctx, &ids, `
		SELECT id FROM (
			(SELECT m.release_id AS id, m.published_on, m.arrival_seq
			 FROM keyword_matches m JOIN releases r ON r.id = m.release_id
			 WHERE m.query_id = $1 AND (r.rematch_seq IS NULL OR r.rematch_seq <= $2)
			 ORDER BY m.published_on DESC, m.arrival_seq DESC LIMIT $4)
			UNION
			(SELECT r.id, r.published_on, r.arrival_seq FROM releases r
			 WHERE (r.arrival_seq > $2 OR r.rematch_seq > $2) AND r.canon @@ to_tsquery('simple', $3))
		) x ORDER BY published_on DESC, arrival_seq DESC LIMIT $4`, k.ID, cursor, k.Match, want)
	if err != nil {
		return nil, false, err
	}
	return ids, len(ids) == want || k.Complete, nil
}
