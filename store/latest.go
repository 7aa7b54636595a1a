package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/textmatch"
)

// Latest returns releases matching f, newest first (published date, then
// arrival), skipping offset and returning at most limit.
//
// It used to be one statement with a condition per filter, `$1 = 0 OR …`,
// and for a chat an EXISTS over its keyword queries evaluated on every
// release, newest first: the planner could use no index for the keywords,
// so a chat whose keywords matched nothing read the whole archive (35 s at
// 400,000 releases). Now each of the chat's entities is a branch of its
// own, the entity's newest offset+limit from its date index; each keyword
// finds its newest matches by itself: from the keyword index when a
// subscription put it there (keywordIndexed), else from the archive
// (keywordNewest); the page is the newest of their union.
func (s *Store) Latest(ctx context.Context, f LatestFilter, offset, limit int) ([]Release, error) {
	want := offset + limit
	var rows []releaseRow
	err := s.within(ctx, f.Timeout, func(tx *sqlx.Tx) error {
		var entities []int64
		var keywords []string
		switch {
		case f.ChatID != 0:
			subs, err := latestSubscriptions(ctx, tx, f.ChatID)
			if err != nil {
				return err
			}
			for _, sub := range subs {
				if sub.EntityID != nil {
					entities = append(entities, *sub.EntityID)
				} else {
					keywords = append(keywords, sub.Match)
				}
			}
		case f.Match != "":
			keywords = []string{noNUL(f.Match)}
		}
		q := latestQuery{want: want}
		if f.EntityID != 0 {
			q.common = append(q.common, "r.entity_id = "+q.arg(f.EntityID))
		}
		if f.Match != "" && f.ChatID != 0 {
			q.common = append(q.common, matchCanonical(q.arg(noNUL(f.Match))))
		}
		// The statement timeout bounds each statement; the keywords are
		// several, so each gets what is left of the whole query's time.
		deadline := time.Now().Add(f.Timeout)
		var index map[string]indexedKeyword
		var cursor int64
		if len(keywords) > 0 && f.EntityID == 0 {
			var err error
			if index, cursor, err = keywordIndex(ctx, tx, keywords); err != nil {
				return err
			}
		}
		var found []int64
		for _, kw := range keywords {
			if f.Timeout > 0 {
				if err := timeLeft(ctx, tx, deadline); err != nil {
					return err
				}
			}
			if k, indexed := index[kw]; indexed {
				ids, ok, err := keywordIndexed(ctx, tx, k, cursor, want)
				if err != nil {
					return err
				}
				if ok {
					found = append(found, ids...)
					continue
				}
			}
			ids, err := s.keywordNewest(ctx, tx, kw, f.EntityID, want)
			if err != nil {
				return err
			}
			found = append(found, ids...)
		}
		for _, id := range entities {
			q.branch("r.entity_id = " + q.arg(id))
		}
		if len(found) > 0 {
			q.branches = append(q.branches, `(SELECT unnest(`+q.arg(pq.Array(found))+`::bigint[]) AS id)`)
		}
		if f.ChatID == 0 && len(keywords) == 0 {
			q.branch("")
		}
		if len(q.branches) == 0 {
			return nil
		}
		if f.Timeout > 0 {
			if err := timeLeft(ctx, tx, deadline); err != nil {
				return err
			}
		}
		lang := q.arg(noNUL(f.Lang))
		return tx.SelectContext(ctx, &rows, `
		WITH c AS (`+strings.Join(q.branches, "\n\t\tUNION\n")+`)
		SELECT `+versionColumns+`, '' AS snippet, `+entityRowColumns+`
		FROM c JOIN releases r ON r.id = c.id
		LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin(lang)+`
		ORDER BY r.published_on DESC, r.arrival_seq DESC
		OFFSET `+strconv.Itoa(offset)+` LIMIT `+strconv.Itoa(limit), q.args...)
	})
	if err != nil {
		return nil, fmt.Errorf("store: latest: %w", err)
	}
	return releasesOf(rows), nil
}

// The windows keywordNewest reads first: a keyword that fills the page
// from the newest firstWindow releases is common and done; one with no
// match there is rare and goes to its GIN match at once; one in between
// gets the wider window before its GIN match.
const (
	firstWindow = 500
	wideWindow  = 4000
)

// keywordNewest returns the ids of the newest want releases matching the
// tsquery match (of entityID's, when not zero).
//
// The planner cannot tell a keyword that matches every tenth release from
// one that matches none: both are words it has no statistics for, and with
// a small LIMIT it walks the date index for either, which for a keyword
// matching nothing means the whole archive (5.3 s at p50 at a million
// releases). So the choice is made here, on what the archive holds: the
// newest releases are read first, a few hundred, stopping as soon as the
// page is full; a keyword that does not fill it is rare, and its matches
// come from the GIN index, sorted, with the index walk turned off for that
// statement so that the planner cannot take it.
func (s *Store) keywordNewest(ctx context.Context, tx *sqlx.Tx, match string, entityID int64, want int) ([]int64, error) {
	entity := ""
	args := []any{match}
	if entityID != 0 {
		entity = "WHERE r.entity_id = $2"
		args = append(args, entityID)
	}
	for _, window := range []int{firstWindow, wideWindow} {
		ids, err := walkNewest(ctx, tx, entity, args, window, want)
		if err != nil || len(ids) == want {
			return ids, err
		}
		if len(ids) == 0 {
			break // rare: not worth the wider window
		}
	}
	if entityID != 0 {
		entity = "AND r.entity_id = $2"
	}
	stats, err := s.lexemeStats(ctx, tx)
	if err != nil {
		return nil, err
	}
	var ids []int64
	cond, args := canonIndexMatch("r.canon", args, stats)
	err = withoutIndexWalk(ctx, tx, func() error {
		return tx.SelectContext(ctx, &ids, `
			SELECT r.id FROM releases r WHERE `+cond+` `+entity+`
			ORDER BY r.published_on DESC, r.arrival_seq DESC LIMIT `+strconv.Itoa(want), args...)
	})
	return ids, err
}

// walkNewest returns the ids of the releases matching the tsquery $1
// among the newest window releases under where ("" or "WHERE …", over
// args after $1), at most want, newest first.
func walkNewest(ctx context.Context, tx *sqlx.Tx, where string, args []any, window, want int) ([]int64, error) {
	var ids []int64
	match, args := canonMatch("w.canon", args)
	err := tx.SelectContext(ctx, &ids, `
		SELECT w.id FROM (
			SELECT r.id, r.canon FROM releases r `+where+`
			ORDER BY r.published_on DESC, r.arrival_seq DESC LIMIT `+strconv.Itoa(window)+`) w
		WHERE `+match+`
		LIMIT `+strconv.Itoa(want), args...)
	return ids, err
}

// canonMatch is the condition that column, a canonical vector, matches the
// tsquery args[0] (placeholder $1), and args with what it adds.
//
// When the query requires words it does not consist of
// (textmatch.RequiredQuery: the words beside a region's dozen ORed forms,
// the words of a phrase), the release is tested for those first: they
// reject in a fraction of a microsecond most of the releases that the
// whole query takes up to 16 µs each to reject (a region's forms). For the
// GIN index, see canonIndexMatch.
func canonMatch(column string, args []any) (string, []any) {
	match, _ := args[0].(string)
	return canonWith(column, args, textmatch.RequiredQuery(match))
}

// canonIndexMatch is canonMatch for a statement that finds the matches in
// the GIN index. The index is searched for the part of the query worth it
// (textmatch.IndexQuery, by the words' frequencies, stats), and the whole
// query tested on what that finds through ts_match_vq, which is @@ but not
// something the planner hands to the index. The index reads every posting
// of every word a prefix begins before it intersects anything: a region's
// dozen ORed forms took 690 ms there for "Түркістан облысы ауызсу" at a
// million releases, its rare auizs:* 12 ms; sirdar:* & audan:* 125 ms,
// sirdar:* alone 6 ms and 63 ms to test the releases it found.
//
// Without statistics (a database not yet analysed), a query of more than
// indexedTerms words, as a region's forms make, has the index searched for
// its required words (textmatch.RequiredQuery), and a shorter one whole.
func canonIndexMatch(column string, args []any, stats *lexemeStats) (string, []any) {
	match, _ := args[0].(string)
	switch {
	case stats != nil:
		return canonWith(column, args, textmatch.IndexQuery(match, stats.freq, stats.postings))
	case textmatch.QueryTerms(match) > indexedTerms:
		return canonWith(column, args, textmatch.RequiredQuery(match))
	}
	return canonWith(column, args, "")
}

// indexedTerms is the most words a query may have and be searched whole
// in the GIN index when there are no statistics (canonIndexMatch).
const indexedTerms = 8

// canonWith is the condition that column matches the tsquery $1, testing
// first (and searching the index for) first, a query every match of $1
// also matches; "" for none.
func canonWith(column string, args []any, first string) (string, []any) {
	if first == "" {
		return column + " @@ to_tsquery('simple', $1)", args
	}
	args = append(args[:len(args):len(args)], first)
	return column + " @@ to_tsquery('simple', $" + strconv.Itoa(len(args)) + ") AND ts_match_vq(" +
		column + ", to_tsquery('simple', $1))", args
}

// withoutIndexWalk runs fn, whose statements take a GIN match and sort it,
// with the index walk turned off (the planner would otherwise walk the date
// index for a word it has no statistics for, which for a rare word reads
// the whole archive) and memory enough for an exact bitmap (a lossy one
// rechecks, and so reads the vector of, every release on its pages).
func withoutIndexWalk(ctx context.Context, tx *sqlx.Tx, fn func() error) error {
	if _, err := tx.ExecContext(ctx, `SET LOCAL enable_indexscan = off; SET LOCAL work_mem = '64MB'`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `RESET enable_indexscan; RESET work_mem`)
	return err
}

// latestQuery builds Latest's statement: branches of release ids, each
// under the common conditions and its own, each its newest want.
type latestQuery struct {
	want     int
	common   []string
	branches []string
	args     []any
}

// arg adds a parameter and returns its placeholder.
func (q *latestQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *latestQuery) branch(cond string) {
	conds := q.common
	if cond != "" {
		conds = append(conds[:len(conds):len(conds)], cond)
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	q.branches = append(q.branches, `(SELECT r.id FROM releases r `+where+`
		ORDER BY r.published_on DESC, r.arrival_seq DESC LIMIT `+strconv.Itoa(q.want)+`)`)
}

// latestSubscription is what Latest needs of a chat's subscription: its
// entity, or its keyword's query.
type latestSubscription struct {
	EntityID *int64 `db:"entity_id"`
	Match    string `db:"match_query"`
}

// latestSubscriptions are the chat's entities and distinct keyword
// queries, in a stable order (the statement's text then is too).
func latestSubscriptions(ctx context.Context, tx *sqlx.Tx, chatID int64) ([]latestSubscription, error) {
	var subs []latestSubscription
	err := tx.SelectContext(ctx, &subs, `
		SELECT DISTINCT CASE WHEN kind = 'entity' THEN entity_id END AS entity_id,
		       CASE WHEN kind = 'keyword' THEN match_query ELSE '' END AS match_query
		FROM subscriptions
		WHERE chat_id = $1 AND (kind = 'entity' AND entity_id IS NOT NULL OR kind = 'keyword' AND match_query <> '')
		ORDER BY 1, 2`, chatID)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions of chat %d: %w", chatID, err)
	}
	return subs, nil
}
