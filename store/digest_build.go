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

// DigestSource is what a chat's digest may hold, read inside the transaction
// that builds or previews it.
type DigestSource struct {
	q     sqlx.QueryerContext
	Chat  DigestChat
	ToSeq int64 // the digest covers arrivals after Chat.Cursor up to ToSeq
}

// DigestRelease is a release a digest may hold.
type DigestRelease struct {
	Release
	Shingles      []int64 // as stored at ingest; empty for rows stored before
	Subscriptions []int64 // ids of the chat's subscriptions it matches
}

// DigestPlan is what a builder made of a DigestSource.
type DigestPlan struct {
	Parts []string  // the messages, Telegram HTML, in order; none when nothing is new
	Items int       // how many releases the parts show
	Next  time.Time // the chat's next digest time
}

// DigestOutcome is what BuildDigest did.
type DigestOutcome struct {
	Claimed  bool  // false: the chat was not due, or another process holds it
	DigestID int64 // 0 when nothing was queued
	Parts    int
	Items    int
}

// DigestBuildFunc decides a digest from its source.
type DigestBuildFunc func(ctx context.Context, src *DigestSource) (DigestPlan, error)

// BuildDigest builds the digest of chat chatID if it is due at now, in one
// transaction: the digest row and its outbox parts are inserted, the chat's
// cursor moves to src.ToSeq (every release visible, matched or not) and its
// next digest time to plan.Next. A chat that is not due, or that another
// process is building (FOR UPDATE SKIP LOCKED), is left alone.
func (s *Store) BuildDigest(ctx context.Context, chatID int64, now time.Time, build DigestBuildFunc) (DigestOutcome, error) {
	var out DigestOutcome
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Shared with other builders, exclusive with importers: no release
		// with a sequence at or below ToSeq can commit after this point.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		src := &DigestSource{q: tx}
		err := tx.GetContext(ctx, &src.Chat, `SELECT `+digestChatColumns+` FROM chats
			WHERE id = $1 AND digest_enabled AND active AND next_digest_at <= $2
			FOR UPDATE SKIP LOCKED`, chatID, now)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: claim chat %d: %w", chatID, err)
		}
		out.Claimed = true
		if src.ToSeq, err = lastArrival(ctx, tx, src.Chat.Cursor); err != nil {
			return err
		}
		plan, err := build(ctx, src)
		if err != nil {
			return err
		}
		// A next time not after now would make the chat due again at once,
		// every pass: refuse it rather than send a digest a minute.
		if !plan.Next.After(now) {
			return fmt.Errorf("store: digest of chat %d: next time %v is not after %v", chatID, plan.Next, now)
		}
		if len(plan.Parts) > 0 {
			if out.DigestID, err = queueDigest(ctx, tx, src, plan, now); err != nil {
				return err
			}
			out.Parts, out.Items = len(plan.Parts), plan.Items
		}
		_, err = tx.ExecContext(ctx, `UPDATE chats SET digest_cursor = $2, next_digest_at = $3,
			last_digest_at = CASE WHEN $4 THEN $5 ELSE last_digest_at END WHERE id = $1`,
			chatID, src.ToSeq, plan.Next, out.DigestID != 0, now)
		if err != nil {
			return fmt.Errorf("store: advance chat %d: %w", chatID, err)
		}
		return nil
	})
	if err != nil {
		return DigestOutcome{}, err
	}
	return out, nil
}

// queueDigest inserts the digest and its parts. The parts may go at once:
// not_before is the build time, never later than the sender's clock.
func queueDigest(ctx context.Context, tx *sqlx.Tx, src *DigestSource, plan DigestPlan, now time.Time) (int64, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `INSERT INTO digests (chat_id, built_at, from_seq, to_seq, items, parts)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		src.Chat.ID, now, src.Chat.Cursor, src.ToSeq, plan.Items, len(plan.Parts))
	if err != nil {
		return 0, fmt.Errorf("store: insert digest of chat %d: %w", src.Chat.ID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox (digest_id, chat_id, part, text, not_before)
		SELECT $1, $2, p.n, p.text, $4
		FROM unnest($3::text[]) WITH ORDINALITY AS p(text, n)`,
		id, src.Chat.ID, pq.StringArray(plan.Parts), now)
	if err != nil {
		return 0, fmt.Errorf("store: queue digest of chat %d: %w", src.Chat.ID, err)
	}
	return id, nil
}

// PreviewDigest gives read what chat chatID's next digest would hold if it
// were built now, in a read-only snapshot: nothing moves.
func (s *Store) PreviewDigest(ctx context.Context, chatID int64, read func(ctx context.Context, src *DigestSource) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	src := &DigestSource{q: tx}
	err = tx.GetContext(ctx, &src.Chat, `SELECT `+digestChatColumns+` FROM chats WHERE id = $1`, chatID)
	if err != nil {
		return notFound(err, "store: digest settings of chat %d", chatID)
	}
	if src.ToSeq, err = lastArrival(ctx, tx, src.Chat.Cursor); err != nil {
		return err
	}
	return read(ctx, src)
}

// lastArrival is the newest arrival_seq visible now, never below cursor.
func lastArrival(ctx context.Context, q sqlx.QueryerContext, cursor int64) (int64, error) {
	var seq int64
	err := sqlx.GetContext(ctx, q, &seq,
		`SELECT greatest(COALESCE(max(arrival_seq), 0), $1) FROM releases`, cursor)
	if err != nil {
		return 0, fmt.Errorf("store: last arrival: %w", err)
	}
	return seq, nil
}
