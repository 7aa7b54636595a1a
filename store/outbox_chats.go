package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Chats Telegram answered for: a chat that blocked the bot stops getting
// digests, and a group that became a supergroup moves to its new id.

// DeactivateChat marks a chat inactive (Telegram answered 403: blocked,
// kicked, deactivated) and drops its pending parts. It returns how many were
// dropped. TouchChat makes the chat active again when its user writes.
func (s *Store) DeactivateChat(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		n, err = deactivateChat(ctx, tx, id, "chat deactivated")
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: deactivate chat %d: %w", id, err)
	}
	return n, nil
}

func deactivateChat(ctx context.Context, tx *sqlx.Tx, id int64, reason string) (int, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET active = false, updated_at = now()
		WHERE id = $1 AND active`, id); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', last_error = $2
		WHERE chat_id = $1 AND status = 'pending'`, id, reason)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// MigrateChat moves the chat oldID to newID, as Telegram asks when a group
// becomes a supergroup. Its subscriptions, digests, outbox and queries
// follow. When newID is already a chat (its users wrote from the supergroup
// meanwhile), oldID's subscriptions that newID lacks are moved and oldID is
// deleted. A missing oldID is ErrNotFound.
func (s *Store) MigrateChat(ctx context.Context, oldID, newID int64) error {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error { return migrateChat(ctx, tx, oldID, newID) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("store: migrate chat %d to %d: %w", oldID, newID, err)
	}
	return err
}

func migrateChat(ctx context.Context, tx *sqlx.Tx, oldID, newID int64) error {
	if oldID == newID {
		return nil
	}
	var newExists bool
	err := tx.GetContext(ctx, &newExists, `SELECT EXISTS (SELECT 1 FROM chats WHERE id = $2)
		FROM chats WHERE id = $1 FOR UPDATE`, oldID, newID)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if !newExists {
		// The foreign keys are ON UPDATE CASCADE: every row follows.
		_, err := tx.ExecContext(ctx, `UPDATE chats SET id = $2, type = 'supergroup',
			updated_at = now() WHERE id = $1`, oldID, newID)
		return err
	}
	return mergeChat(ctx, tx, oldID, newID)
}

// mergeChat moves what oldID owns to the existing chat newID and deletes
// oldID. The digest cursor keeps the later of the two, so no release is
// sent twice.
func mergeChat(ctx context.Context, tx *sqlx.Tx, oldID, newID int64) error {
	// Wait for any part of newID in flight: once oldID's parts are newID's,
	// the chat must still have one sender at a time.
	if _, err := tx.ExecContext(ctx, `SELECT id FROM outbox
		WHERE chat_id = $1 AND status = 'pending' FOR UPDATE`, newID); err != nil {
		return err
	}
	// A supergroup with no subscriptions of its own was only touched by a
	// message that beat the migration: the group's settings are the chat's.
	if _, err := tx.ExecContext(ctx, `UPDATE chats n SET lang = o.lang, time_zone = o.time_zone,
			digest_time = o.digest_time, digest_enabled = o.digest_enabled, title = o.title
		FROM chats o WHERE n.id = $2 AND o.id = $1
			AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = $2)`, oldID, newID); err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE subscriptions o SET chat_id = $2 WHERE chat_id = $1 AND NOT EXISTS (
			SELECT 1 FROM subscriptions n
			WHERE n.chat_id = $2 AND n.kind = o.kind AND n.normalized = o.normalized)`,
		`UPDATE digests SET chat_id = $2 WHERE chat_id = $1`,
		`UPDATE outbox SET chat_id = $2 WHERE chat_id = $1`,
		`UPDATE queries SET chat_id = $2 WHERE chat_id = $1`,
		`UPDATE chats n SET digest_cursor = greatest(n.digest_cursor, o.digest_cursor),
			next_digest_at = CASE WHEN n.digest_enabled THEN least(n.next_digest_at, o.next_digest_at) END,
			undelivered_at = least(n.undelivered_at, o.undelivered_at),
			updated_at = now() FROM chats o WHERE n.id = $2 AND o.id = $1`,
	} {
		if _, err := tx.ExecContext(ctx, q, oldID, newID); err != nil {
			return err
		}
	}
	// What was not moved (subscriptions newID already has) goes with oldID.
	_, err := tx.ExecContext(ctx, `DELETE FROM chats WHERE id = $1`, oldID)
	return err
}
