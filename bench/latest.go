package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// latestPage is what the bot asks for a page of /latest: ten and one more.
const latestPage = 11

// latestRuns is how many filters of each kind are timed.
const latestRuns = 20

// LatestCase is /latest latency for one kind of filter, pages 1 and 5,
// beside the statement /latest ran before (page 1, on the first few of the
// same filters, each stopped at the baseline's timeout).
type LatestCase struct {
	Name                   string
	Runs                   int
	P50, P95, P50p5, P95p5 time.Duration
	Baseline               int
	BaseP50, BaseMax       time.Duration
	BaseTimedOut           int
}

// latestBaselineRuns and latestBaselineTimeout bound the old statement,
// which reads the whole archive for a chat whose keywords match nothing.
const (
	latestBaselineRuns    = 3
	latestBaselineTimeout = 60 * time.Second
)

// measureLatest times /latest for everything, one entity, one keyword, a
// chat with ten subscriptions of which three are keywords, a chat whose
// three keywords match nothing (a village, a person: what people follow),
// and /latest WORDS typed: the /search queries (typed) as keywords, which
// makes the words of each a phrase that few follow, if any, so that most
// are found in the GIN index rather than the keyword index.
// The chats of the fifth kind are made here; the others are the bench's.
//
// The rare chats' keywords are new: a keyword index pass puts them in the
// index first, as serve's next tick would; then the index's size is read.
func measureLatest(ctx context.Context, st *store.Store, index *KeywordIndexResult, typed []string) ([]LatestCase, error) {
	db := st.DB().DB
	rare, err := rareChats(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("bench: /latest chats: %w", err)
	}
	var more KeywordIndexResult
	if err := backfillKeywords(ctx, st, &more); err != nil {
		return nil, err
	}
	if err := readKeywordIndexSize(ctx, st, index); err != nil {
		return nil, err
	}
	cases := []struct {
		name    string
		filters func() ([]store.LatestFilter, error)
	}{
		{"everything", func() ([]store.LatestFilter, error) {
			return make([]store.LatestFilter, latestRuns), nil
		}},
		{"one entity (the busiest)", func() ([]store.LatestFilter, error) {
			ids, err := int64s(ctx, db, `SELECT entity_id FROM releases WHERE entity_id IS NOT NULL
				GROUP BY 1 ORDER BY count(*) DESC LIMIT $1`, latestRuns)
			return filtersOf(ids, func(id int64) store.LatestFilter { return store.LatestFilter{EntityID: id} }), err
		}},
		{"one keyword (the most followed)", func() ([]store.LatestFilter, error) {
			var qs []string
			rows, err := db.QueryContext(ctx, `SELECT match_query FROM subscriptions WHERE kind = 'keyword'
				AND match_query <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT $1`, latestRuns)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			for rows.Next() {
				var q string
				if err := rows.Scan(&q); err != nil {
					return nil, err
				}
				qs = append(qs, q)
			}
			return filtersOf(qs, func(q string) store.LatestFilter { return store.LatestFilter{Match: q} }), rows.Err()
		}},
		{"a chat: 10 subscriptions, 3+ keywords", func() ([]store.LatestFilter, error) {
			ids, err := int64s(ctx, db, `SELECT chat_id FROM subscriptions GROUP BY 1
				HAVING count(*) = 10 AND count(*) FILTER (WHERE kind = 'keyword') >= 3 ORDER BY 1 LIMIT $1`, latestRuns)
			return filtersOf(ids, func(id int64) store.LatestFilter { return store.LatestFilter{ChatID: id} }), err
		}},
		{"a chat: 3 keywords matching nothing", func() ([]store.LatestFilter, error) {
			return filtersOf(rare, func(id int64) store.LatestFilter { return store.LatestFilter{ChatID: id} }), nil
		}},
		{"/latest WORDS typed (the /search queries as keywords)", func() ([]store.LatestFilter, error) {
			return filtersOf(typedKeywords(typed), func(q string) store.LatestFilter {
				return store.LatestFilter{Match: textmatch.KeywordQuery(q)}
			}), nil
		}},
	}
	var out []LatestCase
	for _, c := range cases {
		filters, err := c.filters()
		if err != nil {
			return nil, fmt.Errorf("bench: /latest %s: %w", c.name, err)
		}
		res, err := timeLatest(ctx, st, c.name, filters)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// latestTypedRuns is how many of the /search queries /latest is timed with.
const latestTypedRuns = 60

// typedKeywords are the first latestTypedRuns of the /search queries a
// reader could type after /latest: words, or a phrase in quotes (taken
// off, as subscriptions.ParseArg takes them), without entity:, since:,
// OR or an exclusion, which /latest does not take.
func typedKeywords(queries []string) []string {
	var out []string
	for _, q := range queries {
		if len(out) == latestTypedRuns {
			break
		}
		if strings.Contains(q, ":") || strings.Contains(q, " OR ") || strings.HasPrefix(q, "-") || strings.Contains(q, " -") {
			continue
		}
		out = append(out, strings.Trim(q, `"`))
	}
	return out
}

func filtersOf[T any](vs []T, f func(T) store.LatestFilter) []store.LatestFilter {
	out := make([]store.LatestFilter, len(vs))
	for i, v := range vs {
		out[i] = f(v)
	}
	return out
}

func int64s(ctx context.Context, db *sql.DB, query string, args ...any) ([]int64, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// rareChats makes latestRuns chats, each following three words no release
// holds: a village with a number, a person's surname, a street.
func rareChats(ctx context.Context, st *store.Store) ([]int64, error) {
	var ids []int64
	for i := range latestRuns {
		id := int64(8_000_000_000 + i)
		if _, err := st.TouchChat(ctx, id, "private", "ru"); err != nil {
			return nil, err
		}
		for _, w := range []string{fmt.Sprintf("Жанакурылыс-%d", i+2), fmt.Sprintf("Ермекбаева%d", i), fmt.Sprintf("Qumsaz%d street", i)} {
			n := store.NewSubscription{ChatID: id, Kind: store.SubKeyword, Value: w,
				Normalized: strings.ToLower(w), MatchQuery: textmatch.KeywordQuery(w)}
			if _, _, err := st.AddSubscription(ctx, n, 100); err != nil {
				return nil, err
			}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// timeLatest runs every filter's pages 1 and 5 once to warm the caches,
// then once timed, then the old statement on the first few.
func timeLatest(ctx context.Context, st *store.Store, name string, filters []store.LatestFilter) (LatestCase, error) {
	res := LatestCase{Name: name, Runs: len(filters)}
	var first, fifth []time.Duration
	for pass := range 2 {
		for i, f := range filters {
			f.Lang = []string{"kk", "ru", "en"}[i%3]
			for page, times := range map[int]*[]time.Duration{0: &first, 4: &fifth} {
				start := time.Now()
				if _, err := st.Latest(ctx, f, page*(latestPage-1), latestPage); err != nil {
					return res, fmt.Errorf("bench: /latest %s: %w", name, err)
				}
				if pass == 1 {
					*times = append(*times, time.Since(start))
				}
			}
		}
	}
	res.P50, res.P95 = percentile(first, 50), percentile(first, 95)
	res.P50p5, res.P95p5 = percentile(fifth, 50), percentile(fifth, 95)
	var base []time.Duration
	for _, f := range filters[:min(len(filters), latestBaselineRuns)] {
		d, timedOut, err := oldLatest(ctx, st.DB().DB, f)
		if err != nil {
			return res, err
		}
		if timedOut {
			res.BaseTimedOut++
		}
		base = append(base, d)
		res.BaseMax = max(res.BaseMax, d)
	}
	res.Baseline, res.BaseP50 = len(base), percentile(base, 50)
	return res, nil
}

// oldLatest is the statement /latest ran before its branches (page 1),
// its parameters typed bigint: as it was, `$3 = 0` made a supergroup's id
// (below -2^31) an error.
func oldLatest(ctx context.Context, db *sql.DB, f store.LatestFilter) (time.Duration, bool, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", latestBaselineTimeout.Milliseconds())); err != nil {
		return 0, false, err
	}
	start := time.Now()
	rows, err := tx.QueryContext(ctx, `
		SELECT r.id FROM releases r LEFT JOIN entities e ON e.id = r.entity_id
		WHERE ($1::bigint = 0 OR r.entity_id = $1)
		  AND ($2 = '' OR r.canon @@ to_tsquery('simple', $2))
		  AND ($3::bigint = 0
		       OR r.entity_id IN (SELECT entity_id FROM subscriptions WHERE chat_id = $3 AND kind = 'entity')
		       OR EXISTS (SELECT 1 FROM subscriptions s
		                  WHERE s.chat_id = $3 AND s.kind = 'keyword'
		                    AND s.match_query <> '' AND r.canon @@ to_tsquery('simple', s.match_query)))
		ORDER BY r.published_on DESC, r.arrival_seq DESC
		OFFSET 0 LIMIT $4`, f.EntityID, f.Match, f.ChatID, latestPage)
	if err == nil {
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
	}
	d := time.Since(start)
	if err != nil && strings.Contains(err.Error(), "statement timeout") {
		return d, true, nil
	}
	return d, false, err
}
