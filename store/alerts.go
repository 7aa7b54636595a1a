package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Instant alerts. Each minute a pass matches the releases that arrived since
// the last one against the instant subscriptions (MatchAlerts), and then
// queues an alert message for each chat that may get one now
// (PendingAlertChats, QueueAlerts). Both run under an advisory lock, so
// replicas take turns; the alerts table's key makes each (chat, release)
// alert once.

// alertLockKey is the advisory lock of the alert pass.
const alertLockKey = 0x6e62616c // "nbal"

// PendingAlert is a release a chat is to be alerted of.
type PendingAlert struct {
	ChatID     int64     `db:"chat_id"`
	ReleaseID  int64     `db:"release_id"`
	ArrivalSeq int64     `db:"arrival_seq"`
	ArrivedAt  time.Time `db:"arrived_at"`
}

// AlertChat is a chat with alerts waiting, and what decides whether it may
// get one now.
type AlertChat struct {
	ID        int64  `db:"id"`
	Lang      string `db:"lang"`
	TimeZone  string `db:"time_zone"`
	QuietFrom string `db:"quiet_from"` // "HH:MM", "" when never quiet
	QuietTo   string `db:"quiet_to"`
	// LastAlertAt is when its last alert message was queued; SentToday how
	// many were queued in the last 24 hours.
	LastAlertAt *time.Time `db:"last_alert_at"`
	SentToday   int        `db:"sent_today"`
	Pending     []Release  `db:"-"` // oldest arrival first
	// WaitingSince is when the oldest pending alert was matched, by the
	// alert pass's clock.
	WaitingSince time.Time `db:"-"`
}

// AlertMessage is one alert message a pass decided for a chat.
type AlertMessage struct {
	ChatID   int64
	Text     string  // Telegram HTML
	Releases []int64 // the releases it holds
}

// WithAlertLock runs fn while holding the alert pass's lock, or reports
// false at once when another process holds it.
func (s *Store) WithAlertLock(ctx context.Context, fn func(ctx context.Context) error) (bool, error) {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return false, fmt.Errorf("store: alert lock: %w", err)
	}
	defer conn.Close()
	var got bool
	if err := conn.GetContext(ctx, &got, `SELECT pg_try_advisory_lock($1)`, alertLockKey); err != nil {
		return false, fmt.Errorf("store: alert lock: %w", err)
	}
	if !got {
		return false, nil
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, alertLockKey)
	return true, fn(ctx)
}

// MatchAlerts matches up to limit releases that arrived after the alert
// cursor, up to the arrival horizon, against the instant subscriptions of
// active chats, records an alert for each chat and release, and moves the
// cursor past them. A release published more than a day before it arrived
// is old news: it alerts no one. It returns how many alerts it recorded and
// whether releases are left beyond limit.
func (s *Store) MatchAlerts(ctx context.Context, now time.Time, limit int) (recorded int, more bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Under the arrival lock, as ArrivalHorizon: no release below the
		// horizon is still to commit, so the cursor never passes one.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, arrivalLockKey); err != nil {
			return err
		}
		horizon, err := lastArrival(ctx, tx, 0)
		if err != nil {
			return err
		}
		var from int64
		if err := tx.GetContext(ctx, &from, `SELECT last_seq FROM alert_cursor FOR UPDATE`); err != nil {
			return err
		}
		var to sql.NullInt64
		if err := tx.GetContext(ctx, &to, `SELECT max(arrival_seq) FROM (
				SELECT arrival_seq FROM releases WHERE arrival_seq > $1 AND arrival_seq <= $2
				ORDER BY arrival_seq LIMIT $3) r`, from, horizon, limit); err != nil {
			return err
		}
		if !to.Valid {
			return nil
		}
		more = to.Int64 < horizon
		// Each keyword query is parsed and tested once per release (q, hits),
		// not once per subscription: 13,000 instant keyword subscriptions
		// share a few hundred queries. MATERIALIZED keeps the planner, which
		// cannot estimate these sets, from nesting the tests inside the join.
		res, err := tx.ExecContext(ctx, `
			WITH r AS MATERIALIZED (
				SELECT id, entity_id, canon, arrival_seq, arrived_at FROM releases
				WHERE arrival_seq > $1 AND arrival_seq <= $2
				  AND published_on >= (arrived_at AT TIME ZONE 'Asia/Almaty')::date - 1),
			subs AS MATERIALIZED (
				SELECT s.chat_id, s.kind, s.entity_id, s.match_query, s.after_seq
				FROM subscriptions s JOIN chats c ON c.id = s.chat_id AND c.active
				WHERE s.delivery IN ('instant', 'both')),
			q AS MATERIALIZED (
				SELECT DISTINCT match_query, to_tsquery('simple', match_query) AS tsq FROM subs
				WHERE kind = 'keyword' AND match_query <> ''),
			hits AS MATERIALIZED (
				SELECT q.match_query, r.id, r.arrival_seq, r.arrived_at FROM q JOIN r ON r.canon @@ q.tsq),
			m AS (
				SELECT s.chat_id, r.id, r.arrival_seq, r.arrived_at
				FROM subs s JOIN r ON s.kind = 'entity' AND r.entity_id = s.entity_id AND r.arrival_seq > s.after_seq
				UNION
				SELECT s.chat_id, h.id, h.arrival_seq, h.arrived_at
				FROM subs s JOIN hits h ON s.kind = 'keyword' AND h.match_query = s.match_query
					AND h.arrival_seq > s.after_seq)
			INSERT INTO alerts (chat_id, release_id, arrival_seq, arrived_at, matched_at)
			SELECT chat_id, id, arrival_seq, arrived_at, $3::timestamptz FROM m
			ON CONFLICT (chat_id, release_id) DO NOTHING`, from, to.Int64, now)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		recorded = int(n)
		_, err = tx.ExecContext(ctx, `UPDATE alert_cursor SET last_seq = $1`, to.Int64)
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("store: match alerts: %w", err)
	}
	return recorded, more, nil
}

// PendingAlertChats returns the active chats with pending alerts and the
// releases waiting for each, oldest first.
func (s *Store) PendingAlertChats(ctx context.Context, now time.Time) ([]AlertChat, error) {
	var chats []AlertChat
	err := s.db.SelectContext(ctx, &chats, `
		SELECT c.id, c.lang, c.time_zone,
			coalesce(to_char(c.quiet_from, 'HH24:MI'), '') AS quiet_from,
			coalesce(to_char(c.quiet_to, 'HH24:MI'), '') AS quiet_to,
			q.last_alert_at, coalesce(q.sent_today, 0) AS sent_today
		FROM chats c
		LEFT JOIN LATERAL (
			SELECT max(built_at) AS last_alert_at, count(*) FILTER (WHERE built_at > $1) AS sent_today
			FROM digests d WHERE d.chat_id = c.id AND d.kind = 'alert' AND d.built_at > $1 - interval '1 day'
		) q ON true
		WHERE c.active AND c.id IN (SELECT chat_id FROM alerts WHERE status = 'pending')
		ORDER BY c.id`, now.Add(-24*time.Hour))
	if err != nil {
		return nil, fmt.Errorf("store: chats with pending alerts: %w", err)
	}
	if len(chats) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(chats))
	at := make(map[int64]int, len(chats))
	for i, c := range chats {
		ids[i], at[c.ID] = c.ID, i
	}
	var rows []struct {
		ChatID    int64     `db:"chat_id"`
		MatchedAt time.Time `db:"matched_at"`
		releaseRow
	}
	err = s.db.SelectContext(ctx, &rows, `
		SELECT a.chat_id, a.matched_at, `+releaseColumns+`, '' AS snippet, `+entityRowColumns+`
		FROM alerts a JOIN releases r ON r.id = a.release_id LEFT JOIN entities e ON e.id = r.entity_id
		WHERE a.chat_id = ANY($1) AND a.status = 'pending'
		ORDER BY a.chat_id, a.arrival_seq`, pq.Int64Array(ids))
	if err != nil {
		return nil, fmt.Errorf("store: pending alerts: %w", err)
	}
	for _, r := range rows {
		c := &chats[at[r.ChatID]]
		c.Pending = append(c.Pending, r.release())
		if c.WaitingSince.IsZero() || r.MatchedAt.Before(c.WaitingSince) {
			c.WaitingSince = r.MatchedAt
		}
	}
	return chats, nil
}

// QueueAlerts queues each message (at most one per chat) as a one-part
// alert in the outbox and marks its releases queued, in one transaction of
// a few statements, whatever the number of chats. A message with a release
// that is no longer pending (a digest folded it meanwhile) is dropped
// whole rather than repeat what the digest holds.
func (s *Store) QueueAlerts(ctx context.Context, msgs []AlertMessage, now time.Time) (int, error) {
	var queued int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var chats, rels []int64
		for _, m := range msgs {
			for _, r := range m.Releases {
				chats, rels = append(chats, m.ChatID), append(rels, r)
			}
		}
		var locked []struct {
			ChatID    int64     `db:"chat_id"`
			ReleaseID int64     `db:"release_id"`
			Seq       int64     `db:"arrival_seq"`
			ArrivedAt time.Time `db:"arrived_at"`
		}
		if err := tx.SelectContext(ctx, &locked, `SELECT a.chat_id, a.release_id, a.arrival_seq, a.arrived_at
			FROM alerts a JOIN unnest($1::bigint[], $2::bigint[]) AS u(chat_id, release_id)
				ON a.chat_id = u.chat_id AND a.release_id = u.release_id
			WHERE a.status = 'pending'
			FOR UPDATE OF a`, pq.Int64Array(chats), pq.Int64Array(rels)); err != nil {
			return err
		}
		// Per chat: how many of its releases are still pending, their range of
		// arrivals, and when the first arrived.
		type span struct {
			n        int
			from, to int64
			firstAt  time.Time
		}
		spans := map[int64]*span{}
		for _, l := range locked {
			sp := spans[l.ChatID]
			if sp == nil {
				sp = &span{from: l.Seq, to: l.Seq, firstAt: l.ArrivedAt}
				spans[l.ChatID] = sp
			}
			if l.Seq < sp.from {
				sp.from, sp.firstAt = l.Seq, l.ArrivedAt
			}
			sp.n, sp.to = sp.n+1, max(sp.to, l.Seq)
		}
		var ids, from, to, items []int64
		var texts []string
		var arrived []string
		var alertChats, alertRels []int64
		for _, m := range msgs {
			sp := spans[m.ChatID]
			if sp == nil || sp.n != len(m.Releases) {
				continue
			}
			ids, from, to, items = append(ids, m.ChatID), append(from, sp.from-1), append(to, sp.to), append(items, int64(sp.n))
			texts, arrived = append(texts, m.Text), append(arrived, sp.firstAt.Format(time.RFC3339Nano))
			for _, r := range m.Releases {
				alertChats, alertRels = append(alertChats, m.ChatID), append(alertRels, r)
			}
		}
		if len(ids) == 0 {
			return nil
		}
		var made []struct {
			ID     int64 `db:"id"`
			ChatID int64 `db:"chat_id"`
		}
		if err := tx.SelectContext(ctx, &made, `INSERT INTO digests (chat_id, built_at, from_seq, to_seq, items, parts, kind)
			SELECT u.chat_id, $2, u.from_seq, u.to_seq, u.items, 1, 'alert'
			FROM unnest($1::bigint[], $3::bigint[], $4::bigint[], $5::int[]) AS u(chat_id, from_seq, to_seq, items)
			RETURNING id, chat_id`,
			pq.Int64Array(ids), now, pq.Int64Array(from), pq.Int64Array(to), pq.Int64Array(items)); err != nil {
			return err
		}
		digestOf := make(map[int64]int64, len(made))
		for _, m := range made {
			digestOf[m.ChatID] = m.ID
		}
		digests := make([]int64, len(ids))
		for i, id := range ids {
			digests[i] = digestOf[id]
		}
		// Queued by the real clock, as digest parts are (see storeBatchPlans).
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (digest_id, chat_id, part, text, not_before, kind, arrived_at)
			SELECT u.digest_id, u.chat_id, 1, u.text, $4, 'alert', u.arrived_at
			FROM unnest($1::bigint[], $2::bigint[], $3::text[], $5::timestamptz[]) AS u(digest_id, chat_id, text, arrived_at)`,
			pq.Int64Array(digests), pq.Int64Array(ids), pq.StringArray(texts), time.Now(), pq.StringArray(arrived)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE alerts a SET status = 'queued', digest_id = d.id, queued_at = $3
			FROM unnest($1::bigint[], $2::bigint[]) AS u(chat_id, release_id)
			JOIN digests d ON d.chat_id = u.chat_id AND d.id = ANY($4)
			WHERE a.chat_id = u.chat_id AND a.release_id = u.release_id`,
			pq.Int64Array(alertChats), pq.Int64Array(alertRels), now, pq.Int64Array(digests)); err != nil {
			return err
		}
		queued = len(ids)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: queue %d alerts: %w", len(msgs), err)
	}
	return queued, nil
}

// SetDelivery changes how a subscription of chatID is delivered; a
// subscription of another chat is ErrNotFound.
func (s *Store) SetDelivery(ctx context.Context, chatID, subID int64, delivery string) (Subscription, error) {
	var sub Subscription
	err := s.db.GetContext(ctx, &sub, `UPDATE subscriptions SET delivery = $3
		WHERE chat_id = $1 AND id = $2 RETURNING `+subColumns, chatID, subID, delivery)
	if errors.Is(err, sql.ErrNoRows) {
		return Subscription{}, ErrNotFound
	}
	if err != nil {
		return Subscription{}, fmt.Errorf("store: delivery of subscription %d: %w", subID, err)
	}
	return sub, nil
}

// QuietHours are a chat's hours without alerts, "HH:MM" each; both "" when
// it has none.
type QuietHours struct {
	From string `db:"quiet_from"`
	To   string `db:"quiet_to"`
}

// ChatQuietHours returns a chat's quiet hours.
func (s *Store) ChatQuietHours(ctx context.Context, chatID int64) (QuietHours, error) {
	var q QuietHours
	err := s.db.GetContext(ctx, &q, `SELECT coalesce(to_char(quiet_from, 'HH24:MI'), '') AS quiet_from,
		coalesce(to_char(quiet_to, 'HH24:MI'), '') AS quiet_to FROM chats WHERE id = $1`, chatID)
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, fmt.Errorf("store: quiet hours of chat %d: %w", chatID, err)
	}
	return q, nil
}

// SetQuietHours sets a chat's quiet hours ("HH:MM" each), or removes them
// when both are "".
func (s *Store) SetQuietHours(ctx context.Context, chatID int64, q QuietHours) error {
	_, err := s.db.ExecContext(ctx, `UPDATE chats SET quiet_from = nullif($2, '')::time,
		quiet_to = nullif($3, '')::time, updated_at = now() WHERE id = $1`, chatID, q.From, q.To)
	if err != nil {
		return fmt.Errorf("store: quiet hours of chat %d: %w", chatID, err)
	}
	return nil
}
