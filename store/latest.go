package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Latest returns releases matching f, newest first (published date, then
// arrival), skipping offset and returning at most limit.
//
// It used to be one statement with a condition per filter, `$1 = 0 OR …`,
// and for a chat an EXISTS over its keyword queries evaluated on every
// release, newest first: the planner could use no index for the keywords,
// so a chat whose keywords matched nothing read the whole archive (35 s at
// 400,000 releases). Now each of the chat's subscriptions is a branch of
// its own, planned alone with its own index (an entity's releases by date,
// a keyword's GIN match), each giving only its newest offset+limit; the
// page is the newest of their union.
func (s *Store) Latest(ctx context.Context, f LatestFilter, offset, limit int) ([]Release, error) {
	q := latestQuery{want: offset + limit}
	if f.EntityID != 0 {
		q.common = append(q.common, "r.entity_id = "+q.arg(f.EntityID))
	}
	if f.Match != "" {
		q.common = append(q.common, matchCanonical(q.arg(noNUL(f.Match))))
	}
	if f.ChatID == 0 {
		q.branch("")
	} else {
		subs, err := s.latestSubscriptions(ctx, f.ChatID)
		if err != nil {
			return nil, err
		}
		for _, sub := range subs {
			if sub.EntityID != nil {
				q.branch("r.entity_id = " + q.arg(*sub.EntityID))
			} else {
				q.branch(matchCanonical(q.arg(sub.Match)))
			}
		}
		if len(q.branches) == 0 {
			return nil, nil
		}
	}
	lang := q.arg(noNUL(f.Lang))
	var rows []releaseRow
	err := s.selectWithin(ctx, f.Timeout, &rows, `
		WITH c AS (`+strings.Join(q.branches, "\n\t\tUNION\n")+`)
		SELECT `+versionColumns+`, '' AS snippet, `+entityRowColumns+`
		FROM c JOIN releases r ON r.id = c.id
		LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin(lang)+`
		ORDER BY r.published_on DESC, r.arrival_seq DESC
		OFFSET `+strconv.Itoa(offset)+` LIMIT `+strconv.Itoa(limit), q.args...)
	if err != nil {
		return nil, fmt.Errorf("store: latest: %w", err)
	}
	return releasesOf(rows), nil
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
func (s *Store) latestSubscriptions(ctx context.Context, chatID int64) ([]latestSubscription, error) {
	var subs []latestSubscription
	err := s.db.SelectContext(ctx, &subs, `
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
