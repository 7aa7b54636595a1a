package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// DigestChat is a chat as its digest schedule and cursor see it.
type DigestChat struct {
	ID       int64      `db:"id"`
	Lang     string     `db:"lang"`
	TimeZone string     `db:"time_zone"`
	Time     string     `db:"digest_time"` // "HH:MM", local to TimeZone
	Enabled  bool       `db:"digest_enabled"`
	Active   bool       `db:"active"`
	Cursor   int64      `db:"digest_cursor"`  // releases up to this arrival_seq were considered
	Next     *time.Time `db:"next_digest_at"` // nil until the scheduler first sees the chat
	Last     *time.Time `db:"last_digest_at"` // when its last digest was queued
}

const digestChatColumns = `id, lang, time_zone, to_char(digest_time, 'HH24:MI') AS digest_time,
	digest_enabled, active, digest_cursor, next_digest_at, last_digest_at`

// DigestChatByID returns a chat's digest settings.
func (s *Store) DigestChatByID(ctx context.Context, id int64) (DigestChat, error) {
	var c DigestChat
	err := s.db.GetContext(ctx, &c, `SELECT `+digestChatColumns+` FROM chats WHERE id = $1`, id)
	if err != nil {
		return DigestChat{}, notFound(err, "store: digest settings of chat %d", id)
	}
	return c, nil
}

// UpdateDigestChat changes a chat's digest time, zone, on/off and next
// digest time: fn edits those fields of the locked row, and they are written
// when it returns nil. An error from fn is returned as it is.
func (s *Store) UpdateDigestChat(ctx context.Context, id int64, fn func(c *DigestChat) error) (DigestChat, error) {
	var c DigestChat
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &c, `SELECT `+digestChatColumns+` FROM chats WHERE id = $1 FOR UPDATE`, id)
		if err != nil {
			return notFound(err, "store: digest settings of chat %d", id)
		}
		if err := fn(&c); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE chats SET time_zone = $2, digest_time = $3::time,
			digest_enabled = $4, next_digest_at = $5, updated_at = now() WHERE id = $1`,
			id, c.TimeZone, c.Time, c.Enabled, c.Next)
		if err != nil {
			return fmt.Errorf("store: update digest settings of chat %d: %w", id, err)
		}
		return nil
	})
	return c, err
}

// UnscheduledChats returns up to limit chats whose digest is on but whose
// next digest time was never set (chats new since the last pass).
func (s *Store) UnscheduledChats(ctx context.Context, limit int) ([]DigestChat, error) {
	var cs []DigestChat
	err := s.db.SelectContext(ctx, &cs, `SELECT `+digestChatColumns+` FROM chats
		WHERE next_digest_at IS NULL AND digest_enabled ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unscheduled chats: %w", err)
	}
	return cs, nil
}

// ScheduleChats sets the first next digest time of chats that have none; a
// chat whose settings changed meanwhile keeps what the change set. Rows are
// locked in id order and a row another transaction holds is skipped (another
// process scheduling it, or a settings change that sets it), so concurrent
// passes never deadlock; a skipped chat is scheduled by the next pass.
func (s *Store) ScheduleChats(ctx context.Context, next map[int64]time.Time) error {
	ids := make([]int64, 0, len(next))
	times := make([]string, 0, len(next))
	for id, t := range next {
		ids = append(ids, id)
		times = append(times, t.UTC().Format(time.RFC3339Nano))
	}
	_, err := s.db.ExecContext(ctx, `
		WITH v AS (SELECT * FROM unnest($1::bigint[], $2::timestamptz[]) AS v(id, next)),
		locked AS (
			SELECT c.id FROM chats c JOIN v ON v.id = c.id
			WHERE c.next_digest_at IS NULL
			ORDER BY c.id FOR UPDATE OF c SKIP LOCKED)
		UPDATE chats c SET next_digest_at = v.next
		FROM v JOIN locked l ON l.id = v.id
		WHERE c.id = v.id`, pq.Int64Array(ids), pq.StringArray(times))
	if err != nil {
		return fmt.Errorf("store: schedule chats: %w", err)
	}
	return nil
}
