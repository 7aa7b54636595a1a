package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// DigestSource is what a chat's digest may hold, read inside the read-only
// transaction that previews it (digest_source.go).
type DigestSource struct {
	q     sqlx.QueryerContext
	Chat  DigestChat
	ToSeq int64 // the digest covers arrivals after Chat.Cursor up to ToSeq
}

// DigestRelease is a release a digest may hold.
type DigestRelease struct {
	Release
	Shingles []int64 // as stored at ingest; empty for rows stored before
}

// DigestPlan is what a builder decided for one chat.
type DigestPlan struct {
	Parts []string  // the messages, Telegram HTML, in order; none when nothing is new
	Items int       // how many releases the parts show
	Next  time.Time // the chat's next digest time
}

// DigestOutcome is what building one chat's digest did.
type DigestOutcome struct {
	DigestID int64 // 0 when nothing was queued
	Parts    int
	Items    int
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
