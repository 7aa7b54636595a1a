package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Search returns releases matching q, best first. The score mixes relevance
// (the cover density of the canonical match, a title's words weighted
// above the body's: rankWeights) with recency: a release loses half its
// score every 30 days.
//
// Only the newest searchCandidates matches are scored (searchNewest finds
// them). Scoring every match read every matching row (a common word matches
// a third of the archive: 493 ms at p50 at a million releases). What this
// leaves out is older than the newest searchCandidates matches, and by
// then recency has divided its score by 2 every 30 days: it would have had
// to be that many times more relevant to rank on the first pages.
func (s *Store) Search(ctx context.Context, q SearchQuery, offset, limit int) ([]Release, error) {
	var rows []releaseRow
	err := s.within(ctx, q.Timeout, func(tx *sqlx.Tx) error {
		deadline := time.Now().Add(q.Timeout)
		ids, err := s.searchNewest(ctx, tx, q, max(searchCandidates, offset+limit), offset+limit, q.Timeout > 0, deadline)
		if err != nil || len(ids) == 0 {
			return err
		}
		if q.Timeout > 0 {
			if err := timeLeft(ctx, tx, deadline); err != nil {
				return err
			}
		}
		return tx.SelectContext(ctx, &rows, `
			WITH c AS (SELECT unnest($1::bigint[]) AS id),
			q AS (SELECT to_tsquery('simple', $2) AS canon)
			SELECT `+versionColumns+`, '' AS snippet, `+entityRowColumns+`
			FROM q, c JOIN releases r ON r.id = c.id
			LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin("$3")+`
			ORDER BY ts_rank_cd('`+rankWeights+`', r.canon, q.canon)
			         * power(0.5, GREATEST(current_date - r.published_on, 0) / 30.0) DESC,
			         r.published_on DESC, r.arrival_seq DESC
			OFFSET $4 LIMIT $5`, pq.Array(ids), noNUL(q.Match), noNUL(q.Lang), offset, limit)
	})
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Match, err)
	}
	return releasesOf(rows), nil
}

// rankWeights are ts_rank_cd's weights of the canonical vector's words,
// {D, C, B, A}: a body word (D, also every word of a vector stored before
// weights) 0.4, a word of another language version (C) 0.2, a title's word
// (A) 1; B is unused. They are those the stemmed column Search ranked by
// before migration 00015 gave title, body and versions.
const rankWeights = "{0.4, 0.2, 0.4, 1.0}"

// searchCandidates is how many of the newest matches Search scores.
const searchCandidates = 300

// The walks searchNewest may take through the newest releases: a first
// of searchFirstWalk, and, when that found some matches but not enough,
// one as long as their density says is needed, up to searchMaxWalk.
const (
	searchFirstWalk = 3_000
	searchMaxWalk   = 40_000
)

// searchNewest returns the ids of the newest want releases matching q (or
// at least page and half of want, see below).
//
// The planner cannot choose between its two ways of finding them: walking
// the date index and testing each release (cheap for a query that matches
// one release in twenty, the whole archive for one that matches none), or
// the GIN match, sorted (cheap for a rare query; for a common one it reads
// every match, and a prefix such as batir:* costs 200 ms in the index
// alone). Its estimates for several words, prefixes and phrases are off by
// orders of magnitude (5,169 rows estimated, 79,383 found), so it took the
// GIN match for common words and spent seconds. The choice is made here,
// on what the newest releases hold: a first walk, then a walk as long as
// the density it saw needs, when that is short enough, else the GIN match.
func (s *Store) searchNewest(ctx context.Context, tx *sqlx.Tx, q SearchQuery, want, page int, timed bool, deadline time.Time) ([]int64, error) {
	args := []any{noNUL(q.Match)}
	var conds []string
	if q.EntitySlug != "" {
		args = append(args, noNUL(q.EntitySlug))
		conds = append(conds, "r.entity_id = (SELECT id FROM entities WHERE slug = lower($2))")
	}
	if !q.Since.IsZero() {
		args = append(args, q.Since.Format(time.DateOnly))
		conds = append(conds, "r.published_on >= $"+strconv.Itoa(len(args))+"::date")
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	walk := func(rows int) ([]int64, error) {
		if timed {
			if err := timeLeft(ctx, tx, deadline); err != nil {
				return nil, err
			}
		}
		return walkNewest(ctx, tx, where, args, rows, want)
	}
	ids, err := walk(searchFirstWalk)
	if err != nil || len(ids) == want {
		return ids, err
	}
	if len(ids) < want && len(ids) > 0 {
		// want at the density seen, and a quarter more for its error.
		need := want * searchFirstWalk / len(ids) * 5 / 4
		walkIt := need <= searchMaxWalk
		if !walkIt {
			// Still cheaper than the GIN match when that would read more
			// than a third as many releases: its rows cost three times a
			// walk's (the bitmap's heap visits and sort), and a phrase's
			// rechecks read the vector of every release holding its words,
			// about eight times those holding the phrase (measured on the
			// million-release bench: 69,117 rechecked for 8,038 matches).
			var total float64
			if err := tx.GetContext(ctx, &total, `SELECT reltuples FROM pg_class WHERE oid = 'releases'::regclass`); err != nil {
				return nil, err
			}
			ginRows := float64(len(ids)) / searchFirstWalk * total
			if strings.Contains(q.Match, "<->") {
				ginRows *= 8
			}
			walkIt = float64(need) <= 3*ginRows
		}
		if walkIt {
			// Short of want, but most of it and the page: the estimate was
			// a little off, and a second way through costs more than the
			// few older candidates are worth.
			more, err := walk(need)
			if err != nil || len(more) >= max(want/2, page) {
				return more, err
			}
		}
	}
	if timed {
		if err := timeLeft(ctx, tx, deadline); err != nil {
			return nil, err
		}
	}
	stats, err := s.lexemeStats(ctx, tx)
	if err != nil {
		return nil, err
	}
	match, args := canonIndexMatch("r.canon", args, stats)
	ids = ids[:0]
	err = withoutIndexWalk(ctx, tx, func() error {
		return tx.SelectContext(ctx, &ids, `SELECT r.id FROM releases r WHERE `+strings.Join(append([]string{match}, conds...), " AND ")+`
			ORDER BY r.published_on DESC, r.arrival_seq DESC LIMIT `+strconv.Itoa(want), args...)
	})
	return ids, err
}
