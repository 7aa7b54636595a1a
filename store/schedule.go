package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/schedule"
)

// A chat's next digest time is data, set by whatever changes it and never
// guessed by a digest pass: the transaction that gives a chat its first
// subscription schedules it (scheduleFirst), a change of time, zone or
// on/off reschedules it (UpdateDigestChat), and a pass moves it past each
// digest it builds. So a chat that subscribes at 08:59:50, or while no
// process runs, is due at the first pass at or after its digest time.

// scheduleFirst gives the locked chat c, which has just got its first
// subscription at at, its next digest time: the first occurrence of its
// digest time from at's minute on (schedule.FirstRun). A chat whose digest is
// off stays unscheduled until it is turned on.
func scheduleFirst(ctx context.Context, tx *sqlx.Tx, c DigestChat, at time.Time) error {
	if !c.Enabled {
		return nil
	}
	next := schedule.FirstRun(at, c.Time, schedule.Zone(c.TimeZone))
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET next_digest_at = $2 WHERE id = $1`, c.ID, next); err != nil {
		return fmt.Errorf("store: schedule chat %d: %w", c.ID, err)
	}
	return nil
}

// scheduleSubscribedChats is migration 7, in Go because the schedule's
// rules are: every chat with subscriptions and its digest on but no next
// digest time (a pass used to set it) is scheduled from when it first
// subscribed, so a digest it is owed is sent at the first pass.
func scheduleSubscribedChats(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT c.id, to_char(c.digest_time, 'HH24:MI'), c.time_zone, min(s.created_at)
		FROM chats c JOIN subscriptions s ON s.chat_id = c.id
		WHERE c.digest_enabled AND c.next_digest_at IS NULL
		GROUP BY c.id`)
	if err != nil {
		return fmt.Errorf("store: unscheduled chats: %w", err)
	}
	var ids []int64
	var next []string
	for rows.Next() {
		var id int64
		var clock, zone string
		var since time.Time
		if err := rows.Scan(&id, &clock, &zone, &since); err != nil {
			rows.Close()
			return fmt.Errorf("store: unscheduled chats: %w", err)
		}
		ids = append(ids, id)
		next = append(next, schedule.FirstRun(since, clock, schedule.Zone(zone)).Format(time.RFC3339Nano))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: unscheduled chats: %w", err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE chats c SET next_digest_at = u.next
		FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, next) WHERE c.id = u.id`,
		pq.Int64Array(ids), pq.StringArray(next))
	if err != nil {
		return fmt.Errorf("store: schedule %d chats: %w", len(ids), err)
	}
	return nil
}
