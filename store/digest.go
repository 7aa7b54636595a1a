package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
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
	Next     *time.Time `db:"next_digest_at"` // nil while the digest is off or the chat follows nothing yet
	Last     *time.Time `db:"last_digest_at"` // when its last digest was queued
	// Undelivered is when the first digest Telegram never took was built;
	// the next digest offers its releases again and says so. Nil normally.
	Undelivered *time.Time `db:"undelivered_at"`
}

const digestChatColumns = `id, lang, time_zone, to_char(digest_time, 'HH24:MI') AS digest_time,
	digest_enabled, active, digest_cursor, next_digest_at, last_digest_at, undelivered_at`

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
