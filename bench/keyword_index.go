package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// KeywordIndexResult is what the keyword index (store.MatchKeywords) cost:
// the backfill of every subscribed query from the archive, the pass that
// matched a new day's arrivals, and the table's size afterwards.
type KeywordIndexResult struct {
	Queries     int           // distinct keyword queries backfilled
	Backfill    time.Duration // all passes until none was left
	Passes      int           // passes the backfill took (its budget per pass)
	Arrivals    int           // releases the timed incremental pass matched against them
	Incremental time.Duration // that pass
	ArrivalHits int           // matches it added
	Matches     int64         // rows in keyword_matches at the end
	TableBytes  int64         // keyword_matches with its indexes
}

// backfillKeywords runs keyword index passes until no query is left to
// backfill, as serve's minute ticks would, and times them.
func backfillKeywords(ctx context.Context, st *store.Store, res *KeywordIndexResult) error {
	start := time.Now()
	for {
		s, err := st.MatchKeywords(ctx)
		if err != nil {
			return fmt.Errorf("bench: keyword index: %w", err)
		}
		res.Passes++
		res.Queries += s.Backfilled
		if s.Left == 0 {
			break
		}
	}
	res.Backfill = time.Since(start)
	return nil
}

// timeKeywordPass times the one pass that matches what arrived since the
// last.
func timeKeywordPass(ctx context.Context, st *store.Store, res *KeywordIndexResult) error {
	var arrivals int
	if err := st.DB().GetContext(ctx, &arrivals, `SELECT count(*) FROM releases
		WHERE arrival_seq > (SELECT last_seq FROM keyword_match_cursor)`); err != nil {
		return fmt.Errorf("bench: arrivals to match: %w", err)
	}
	start := time.Now()
	s, err := st.MatchKeywords(ctx)
	if err != nil {
		return fmt.Errorf("bench: keyword index: %w", err)
	}
	res.Incremental, res.Arrivals, res.ArrivalHits = time.Since(start), arrivals, s.Matched
	return nil
}

// readKeywordIndexSize records the table's rows and size.
func readKeywordIndexSize(ctx context.Context, st *store.Store, res *KeywordIndexResult) error {
	return st.DB().QueryRowxContext(ctx, `SELECT (SELECT count(*) FROM keyword_matches),
		pg_total_relation_size('keyword_matches')`).Scan(&res.Matches, &res.TableBytes)
}

func (r *Report) keywordIndexSection(p printer) {
	k := r.KeywordIndex
	if k.Passes == 0 {
		return
	}
	p("")
	p("Keyword index (`store.MatchKeywords`, which `serve` runs every minute): %d distinct keyword queries backfilled from the archive in %s (%s of at most %s each); ",
		k.Queries, dur(k.Backfill), plural(k.Passes, "pass", "passes"), dur(store.KeywordBackfillBudget))
	if k.Arrivals > 0 {
		p("a pass over %s new arrivals added %s matches in %s; ", num(k.Arrivals), num(k.ArrivalHits), dur(k.Incremental))
	}
	p("keyword_matches then held %s rows, %s with its indexes.", num(k.Matches), bytesIEC(uint64(k.TableBytes)))
}

// plural is "1 pass" or "3 passes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
