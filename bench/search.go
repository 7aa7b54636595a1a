package bench

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// searchPage is what the bot asks for a first page: five results and one
// more to know whether there is a next page.
const searchPage = 6

// SearchResult is /search latency against the ILIKE baseline.
type SearchResult struct {
	Queries  int // queries timed through the real path
	WithHits int // of them, those that found something
	P50, P95 time.Duration
	// Page5P50 and Page5P95 are the fifth page (offset 20) of the queries
	// that have one, timed after the first.
	Page5              int
	Page5P50, Page5P95 time.Duration
	// The baseline runs on Baseline of the queries, spread evenly over the
	// set, as many as fit its time budget; SameP50 is the real path's p50
	// on those same queries.
	Baseline         int
	BaseP50, BaseP95 time.Duration
	SameP50          time.Duration
	// Slowest are the queries whose first page took longest, slowest
	// first: what the tail is made of.
	Slowest []TimedQuery
}

// TimedQuery is one query as typed, what it was parsed to, and how long
// its first page took.
type TimedQuery struct {
	Raw, Match string
	Took       time.Duration
}

// slowestShown is how many of the slowest queries the report lists.
const slowestShown = 8

// slowest returns the n queries that took longest, slowest first.
func slowest(queries []string, times []time.Duration, n int) []TimedQuery {
	out := make([]TimedQuery, len(queries))
	for i, raw := range queries {
		out[i] = TimedQuery{Raw: raw, Took: times[i]}
		if q, err := textmatch.ParseSearch(raw); err == nil {
			out[i].Match = q.Match
		}
	}
	slices.SortStableFunc(out, func(a, b TimedQuery) int { return cmp.Compare(b.Took, a.Took) })
	return out[:min(n, len(out))]
}

// measureSearch times each query's first page through the path /search
// takes (textmatch.ParseSearch, then store.Search), once to warm the
// caches and once measured; then a sequential ILIKE scan for the same words.
func measureSearch(ctx context.Context, st *store.Store, queries []string, budget time.Duration) (SearchResult, error) {
	res := SearchResult{Queries: len(queries)}
	times := make([]time.Duration, len(queries))
	for pass := range 2 {
		for i, raw := range queries {
			start := time.Now()
			n, err := search(ctx, st, raw, []string{"kk", "ru", "en"}[i%3])
			if err != nil {
				return res, err
			}
			times[i] = time.Since(start)
			if pass == 1 && n > 0 {
				res.WithHits++
			}
		}
	}
	res.P50, res.P95 = percentile(times, 50), percentile(times, 95)
	res.Slowest = slowest(queries, times, slowestShown)
	var fifth []time.Duration
	for i, raw := range queries {
		start := time.Now()
		n, err := searchAt(ctx, st, raw, []string{"kk", "ru", "en"}[i%3], 4*(searchPage-1))
		if err != nil {
			return res, err
		}
		if n > 0 {
			fifth = append(fifth, time.Since(start))
		}
	}
	res.Page5, res.Page5P50, res.Page5P95 = len(fifth), percentile(fifth, 50), percentile(fifth, 95)
	picked, base, err := ilikeRuns(ctx, st.DB().DB, queries, budget)
	if err != nil {
		return res, err
	}
	same := make([]time.Duration, len(picked))
	for j, i := range picked {
		same[j] = times[i]
	}
	res.Baseline = len(picked)
	res.BaseP50, res.BaseP95 = percentile(base, 50), percentile(base, 95)
	res.SameP50 = percentile(same, 50)
	return res, nil
}

// search runs one /search as the bot does and returns how many it found.
func search(ctx context.Context, st *store.Store, raw, lang string) (int, error) {
	return searchAt(ctx, st, raw, lang, 0)
}

// searchAt runs the page of one /search at offset, as the bot's Next
// button does.
func searchAt(ctx context.Context, st *store.Store, raw, lang string, offset int) (int, error) {
	q, err := textmatch.ParseSearch(raw)
	if err != nil || q.Match == "" {
		return 0, fmt.Errorf("bench: query %q does not parse: %v", raw, err)
	}
	rels, err := st.Search(ctx, store.SearchQuery{
		Match: q.Match, EntitySlug: q.Entity, Since: q.Since, Lang: lang}, offset, searchPage)
	return len(rels), err
}

// ilikeRuns times the baseline on queries spread evenly over the set: the
// first tells how long one takes, and as many more run as fit in budget
// (all of them when they fit; at least 5). It returns the indices run and
// their times.
func ilikeRuns(ctx context.Context, db *sql.DB, queries []string, budget time.Duration) ([]int, []time.Duration, error) {
	first, err := ilike(ctx, db, queries[0])
	if err != nil {
		return nil, nil, err
	}
	n := len(queries)
	if first > 0 {
		n = min(n, max(5, int(budget/first)))
	}
	picked := []int{0}
	times := []time.Duration{first}
	for k := 1; k < n; k++ {
		i := k * len(queries) / n
		t, err := ilike(ctx, db, queries[i])
		if err != nil {
			return nil, nil, err
		}
		picked, times = append(picked, i), append(times, t)
	}
	return picked, times, nil
}

// ilike runs the baseline for one query: the same filters and first page,
// the words matched with ILIKE '%word%', newest first, with index scans off
// so that PostgreSQL reads the table as a search without an index must.
func ilike(ctx context.Context, db *sql.DB, raw string) (time.Duration, error) {
	q, err := textmatch.ParseSearch(raw)
	if err != nil {
		return 0, err
	}
	where, args := ilikeWhere(q.Words)
	var since any
	if !q.Since.IsZero() {
		since = q.Since.Format(time.DateOnly)
	}
	n := len(args)
	args = append(args, q.Entity, since, searchPage)
	query := fmt.Sprintf(`SELECT r.id FROM releases r LEFT JOIN entities e ON e.id = r.entity_id
		WHERE %s AND ($%d = '' OR e.slug = $%[2]d) AND ($%d::date IS NULL OR r.published_on >= $%[3]d::date)
		ORDER BY r.published_on DESC, r.arrival_seq DESC LIMIT $%d`, where, n+1, n+2, n+3)
	start := time.Now()
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off`); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
		}
		return rows.Err()
	})
	if err != nil {
		return 0, fmt.Errorf("bench: ILIKE baseline for %q: %w", raw, err)
	}
	return time.Since(start), nil
}

// percentile is the p-th percentile of ds (nearest rank); 0 for none.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank, 1)-1]
}
