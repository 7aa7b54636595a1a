package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ErrTooManySubscriptions is returned when a chat is at its limit.
var ErrTooManySubscriptions = errors.New("store: too many subscriptions")

// NewSubscription is a subscription to add.
type NewSubscription struct {
	ChatID     int64
	Kind       string // SubEntity or SubKeyword
	Value      string
	Normalized string
	EntityID   int64  // for SubEntity
	MatchQuery string // for SubKeyword: its tsquery (textmatch.KeywordQuery)
	// At is when the chat subscribed (time.Now when zero): a chat's first
	// subscription schedules its first digest from it.
	At time.Time
}

// SubscriptionView is a subscription with its entity, for display.
type SubscriptionView struct {
	Subscription
	Entity *Entity
}

// AddSubscription adds a subscription unless the chat already has it. It
// returns the stored subscription and whether it was created. A chat at max
// subscriptions gets ErrTooManySubscriptions. The chat's first subscription
// also schedules its first digest, in the same transaction (scheduleFirst).
func (s *Store) AddSubscription(ctx context.Context, n NewSubscription, max int) (Subscription, bool, error) {
	var sub Subscription
	created := false
	n.Value, n.Normalized, n.MatchQuery = noNUL(n.Value), noNUL(n.Normalized), noNUL(n.MatchQuery)
	var entityID *int64
	if n.Kind == SubEntity {
		entityID = &n.EntityID
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Locking the chat row makes the count and the insert one step, so two
		// concurrent /subscribe cannot both pass the limit.
		var chat DigestChat
		if err := tx.GetContext(ctx, &chat, `SELECT `+digestChatColumns+` FROM chats WHERE id = $1 FOR UPDATE`,
			n.ChatID); err != nil {
			return notFound(err, "store: lock chat %d", n.ChatID)
		}
		err := tx.GetContext(ctx, &sub, `SELECT `+subColumns+` FROM subscriptions
			WHERE chat_id = $1 AND kind = $2 AND normalized = $3`, n.ChatID, n.Kind, n.Normalized)
		if err == nil {
			return nil
		}
		var count int
		if err := tx.GetContext(ctx, &count,
			`SELECT count(*) FROM subscriptions WHERE chat_id = $1`, n.ChatID); err != nil {
			return fmt.Errorf("store: count subscriptions: %w", err)
		}
		if count >= max {
			return ErrTooManySubscriptions
		}
		if count == 0 || chat.Next == nil {
			at := n.At
			if at.IsZero() {
				at = time.Now()
			}
			if err := scheduleFirst(ctx, tx, chat, at); err != nil {
				return err
			}
		}
		err = tx.GetContext(ctx, &sub, `
			INSERT INTO subscriptions (chat_id, kind, value, normalized, entity_id, match_query, after_seq)
			VALUES ($1, $2, $3, $4, $5, $6, (SELECT COALESCE(max(arrival_seq), 0) FROM releases))
			RETURNING `+subColumns, n.ChatID, n.Kind, n.Value, n.Normalized, entityID, n.MatchQuery)
		if err != nil {
			return fmt.Errorf("store: add subscription: %w", err)
		}
		created = true
		return nil
	})
	return sub, created, err
}

const subColumns = `id, chat_id, kind, value, normalized, entity_id, match_query, after_seq, created_at, delivery`

// RemoveSubscription deletes one subscription of a chat and returns it.
func (s *Store) RemoveSubscription(ctx context.Context, chatID, id int64) (Subscription, error) {
	var sub Subscription
	err := s.db.GetContext(ctx, &sub, `DELETE FROM subscriptions WHERE chat_id = $1 AND id = $2
		RETURNING `+subColumns, chatID, id)
	if err != nil {
		return Subscription{}, notFound(err, "store: remove subscription %d", id)
	}
	return sub, nil
}

// FindSubscription returns a chat's subscription of this kind and value.
func (s *Store) FindSubscription(ctx context.Context, chatID int64, kind, normalized string) (Subscription, error) {
	var sub Subscription
	err := s.db.GetContext(ctx, &sub, `SELECT `+subColumns+` FROM subscriptions
		WHERE chat_id = $1 AND kind = $2 AND normalized = $3`, chatID, noNUL(kind), noNUL(normalized))
	if err != nil {
		return Subscription{}, notFound(err, "store: subscription %q", normalized)
	}
	return sub, nil
}

// Subscriptions lists a chat's subscriptions, entities first, in the order
// they were made.
func (s *Store) Subscriptions(ctx context.Context, chatID int64) ([]SubscriptionView, error) {
	var rows []struct {
		Subscription
		entityRow
	}
	err := s.db.SelectContext(ctx, &rows, `
		SELECT s.id, s.chat_id, s.kind, s.value, s.normalized, s.entity_id, s.match_query,
			s.after_seq, s.created_at, s.delivery, `+entityRowColumns+`
		FROM subscriptions s LEFT JOIN entities e ON e.id = s.entity_id
		WHERE s.chat_id = $1
		ORDER BY s.kind, s.created_at, s.id`, chatID)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions of chat %d: %w", chatID, err)
	}
	views := make([]SubscriptionView, len(rows))
	for i, r := range rows {
		views[i] = SubscriptionView{Subscription: r.Subscription, Entity: r.entityRow.entity()}
	}
	return views, nil
}

// RefreshMatchQueries makes every keyword subscription's stored tsquery
// the one query (textmatch.KeywordQuery: the store does not know how
// keywords match) gives its keyword now: subscriptions made before matching
// was canonical have none, and a change of the rules (a new place in the
// table, a new inflection rule) changes the query of old keywords. The
// digest and /latest match through the stored query, so it must follow
// the rules as /search does. One query per distinct keyword, one UPDATE
// for those that changed.
func (s *Store) RefreshMatchQueries(ctx context.Context, query func(keyword string) string) error {
	var rows []struct {
		Value string `db:"value"`
		Match string `db:"match_query"`
	}
	if err := s.db.SelectContext(ctx, &rows,
		`SELECT DISTINCT value, match_query FROM subscriptions WHERE kind = 'keyword'`); err != nil {
		return fmt.Errorf("store: keyword subscriptions: %w", err)
	}
	var values, queries []string
	for _, r := range rows {
		if q := query(r.Value); q != r.Match {
			values, queries = append(values, r.Value), append(queries, q)
		}
	}
	if len(values) == 0 {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `
		UPDATE subscriptions s SET match_query = u.q
		FROM unnest($1::text[], $2::text[]) AS u(v, q)
		WHERE s.kind = 'keyword' AND s.value = u.v AND s.match_query <> u.q`,
		pq.Array(values), pq.Array(queries)); err != nil {
		return fmt.Errorf("store: refresh keyword queries: %w", err)
	}
	return nil
}
