package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Outbox part statuses.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxFailed  = "failed"
	OutboxDropped = "dropped"
)

// OutboxPart is one message of a digest waiting in the outbox.
type OutboxPart struct {
	ID        int64  `db:"id"`
	DigestID  int64  `db:"digest_id"`
	ChatID    int64  `db:"chat_id"`
	Part      int    `db:"part"`
	Text      string `db:"text"`
	Attempts  int    `db:"attempts"`   // transient failures so far (5xx, timeouts, migrations)
	PlainText bool   `db:"plain_text"` // send Text stripped of its markup, without parse mode
	// FailingSince is when the current run of transient failures began;
	// nil after a success or before any failure.
	FailingSince *time.Time `db:"failing_since"`
	Kind         string     `db:"kind"`       // "digest" or "alert"
	ArrivedAt    *time.Time `db:"arrived_at"` // an alert's first release's arrival
}

// OutboxClaim is a claimed part: its row stays locked, in an open
// transaction, until one of the methods that record an outcome (MarkSent,
// DelayChat, Retry, RetryPlain, GiveUp, DropChat, MoveChat) commits, or Release
// rolls back. Telegram is called between the claim and that commit, so no
// other sender can send the part meanwhile, and a process that dies before
// the commit leaves the part pending.
type OutboxClaim struct {
	Part OutboxPart
	st   *Store
	tx   *sqlx.Tx
}

// ClaimPart claims the next part due at now, or returns ErrNotFound. Only a
// chat's earliest pending part can be claimed, so a chat's parts go out one
// at a time and in order, across every sender process.
func (s *Store) ClaimPart(ctx context.Context, now time.Time) (*OutboxClaim, error) {
	// The transaction outlives ctx: a send that Telegram accepted must still
	// be recorded when ctx ends during the call. Release ends it.
	tx, err := s.db.BeginTxx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	c := &OutboxClaim{st: s, tx: tx}
	claim, err := s.inTxStmt(ctx, tx, claimPartQuery)
	if err == nil {
		err = claim.GetContext(ctx, &c.Part, now)
	}
	if err != nil {
		tx.Rollback()
		return nil, notFound(err, "store: claim outbox part")
	}
	return c, nil
}

// claimPartQuery is ClaimPart's query. SKIP LOCKED passes over parts other
// senders hold. NOT EXISTS makes the chat's earliest pending part its only
// candidate: while a sender holds it, no other part of the chat can be
// claimed anywhere, and a later part waits until the earlier one is sent,
// failed or dropped. A statement that started before the earlier part's
// commit still sees it pending, so it errs on the side of waiting.
const claimPartQuery = `
		SELECT o.id, o.digest_id, o.chat_id, o.part, o.text, o.attempts, o.plain_text, o.failing_since,
			o.kind, o.arrived_at
		FROM outbox o
		WHERE o.status = 'pending' AND o.not_before <= $1
		  AND NOT EXISTS (
		      SELECT 1 FROM outbox e
		      WHERE e.chat_id = o.chat_id AND e.status = 'pending'
		        AND (e.digest_id, e.part) < (o.digest_id, o.part))
		ORDER BY o.not_before, o.id
		LIMIT 1
		FOR UPDATE OF o SKIP LOCKED`

// Release gives the part up unchanged: it stays pending. It may be called
// after an outcome was recorded, and then does nothing.
func (c *OutboxClaim) Release() { c.tx.Rollback() }

// MarkSent records the part as sent at sentAt. The chat's other pending
// parts wait until chatNext (the per-chat pacing interval).
func (c *OutboxClaim) MarkSent(ctx context.Context, sentAt, chatNext time.Time) error {
	// One statement, as delayChat and the status update would be: at a
	// thousand messages a second every round trip counts.
	return c.finish(ctx, "mark sent", func() error {
		mark, err := c.st.inTxStmt(ctx, c.tx, markSentQuery)
		if err != nil {
			return err
		}
		_, err = mark.ExecContext(ctx, c.Part.ID, sentAt, chatNext, c.Part.ChatID)
		return err
	})
}

// markSentQuery is MarkSent's statement: the part sent, and the chat's
// other pending parts delayed as delayChat does.
const markSentQuery = `WITH sent AS (
		UPDATE outbox SET status = 'sent', sent_at = $2, failing_since = NULL WHERE id = $1)
	UPDATE outbox SET not_before = greatest(not_before, $3)
	WHERE id IN (
	    SELECT id FROM outbox
	    WHERE chat_id = $4 AND status = 'pending' AND id <> $1
	    FOR UPDATE SKIP LOCKED)`

// DelayChat keeps the part pending and makes every pending part of its chat
// wait until until (a 429's retry_after). Attempts are not counted: Telegram
// said when to come back.
func (c *OutboxClaim) DelayChat(ctx context.Context, until time.Time, lastErr string) error {
	return c.finish(ctx, "delay chat", func() error {
		if err := c.setError(ctx, OutboxPending, lastErr, false); err != nil {
			return err
		}
		return c.delayChat(ctx, until, true)
	})
}

// Retry keeps the part pending until notBefore and counts a failed attempt
// that happened at failedAt; the first of a run of them is kept as
// FailingSince.
func (c *OutboxClaim) Retry(ctx context.Context, failedAt, notBefore time.Time, lastErr string) error {
	return c.finish(ctx, "retry", func() error {
		_, err := c.tx.ExecContext(ctx, `UPDATE outbox
			SET attempts = attempts + 1, not_before = $2, last_error = $3,
				failing_since = COALESCE(failing_since, $4)
			WHERE id = $1`,
			c.Part.ID, notBefore, lastErr, failedAt)
		return err
	})
}

// RetryPlain keeps the part pending, to be sent next as plain text.
func (c *OutboxClaim) RetryPlain(ctx context.Context, lastErr string) error {
	return c.finish(ctx, "retry as plain text", func() error {
		_, err := c.tx.ExecContext(ctx, `UPDATE outbox SET plain_text = true, last_error = $2
			WHERE id = $1`, c.Part.ID, lastErr)
		return err
	})
}

// GiveUp records that the part will not be sent (countAttempt adds the last
// call to its attempts), and with it the rest of its chat's queue: a digest
// arrives whole and in order or not at all. The releases of its digest are
// not lost: the chat's cursor moves back to where that digest began, so its
// next digest offers them again, and undelivered_at tells that digest to say
// so. It returns how many other parts were given up with it.
func (c *OutboxClaim) GiveUp(ctx context.Context, lastErr string, countAttempt bool) (int, error) {
	var n int
	err := c.finish(ctx, "give up", func() error {
		if err := c.setError(ctx, OutboxFailed, lastErr, countAttempt); err != nil {
			return err
		}
		var err error
		n, err = c.giveUpRest(ctx)
		return err
	})
	return n, err
}

// giveUpRest fails the chat's other pending parts and offers the claimed
// part's digest again (see GiveUp). Later digests of the chat are pending
// whole (a chat's parts go in order), and their releases arrived after this
// digest's began, so the moved cursor offers them again too.
func (c *OutboxClaim) giveUpRest(ctx context.Context) (int, error) {
	res, err := c.tx.ExecContext(ctx, `UPDATE outbox SET status = 'failed',
			last_error = 'not sent: an earlier part of the chat could not be delivered'
		WHERE id IN (
		    SELECT id FROM outbox
		    WHERE chat_id = $1 AND status = 'pending' AND id <> $2
		    FOR UPDATE SKIP LOCKED)`, c.Part.ChatID, c.Part.ID)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	// Alerts that will not arrive are offered by the next digest, which the
	// moved cursor below covers.
	if _, err := c.tx.ExecContext(ctx, `UPDATE alerts SET status = 'failed'
		WHERE chat_id = $1 AND status = 'queued' AND digest_id IN (
			SELECT digest_id FROM outbox WHERE chat_id = $1 AND status = 'failed')`, c.Part.ChatID); err != nil {
		return 0, err
	}
	_, err = c.tx.ExecContext(ctx, `UPDATE chats c
		SET digest_cursor = least(c.digest_cursor, d.from_seq),
			undelivered_at = COALESCE(c.undelivered_at, d.built_at)
		FROM digests d WHERE d.id = $2 AND c.id = $1`, c.Part.ChatID, c.Part.DigestID)
	return int(n), err
}

// DropChat deactivates the part's chat and drops its pending parts, this one
// included (Telegram answered 403). It returns how many were dropped.
func (c *OutboxClaim) DropChat(ctx context.Context, lastErr string) (int, error) {
	var n int
	err := c.finish(ctx, "drop chat", func() error {
		var err error
		n, err = deactivateChat(ctx, c.tx, c.Part.ChatID, lastErr)
		return err
	})
	return n, err
}

// MoveChat moves the part's chat to newID (the group became a supergroup)
// and counts an attempt. The part stays pending, to be sent there at once,
// unless giveUp is set: then it is given up as GiveUp does.
func (c *OutboxClaim) MoveChat(ctx context.Context, newID int64, lastErr string, giveUp bool) error {
	status := OutboxPending
	if giveUp {
		status = OutboxFailed
	}
	return c.finish(ctx, "move chat", func() error {
		if err := migrateChat(ctx, c.tx, c.Part.ChatID, newID); err != nil {
			return err
		}
		if err := c.setError(ctx, status, lastErr, true); err != nil || !giveUp {
			return err
		}
		c.Part.ChatID = newID
		_, err := c.giveUpRest(ctx)
		return err
	})
}

// finish runs fn in the claim's transaction and commits.
func (c *OutboxClaim) finish(ctx context.Context, what string, fn func() error) error {
	if err := fn(); err != nil {
		c.tx.Rollback()
		return fmt.Errorf("store: outbox part %d: %s: %w", c.Part.ID, what, err)
	}
	if err := c.tx.Commit(); err != nil {
		return fmt.Errorf("store: outbox part %d: %s: commit: %w", c.Part.ID, what, err)
	}
	return nil
}

// setError gives the part status and lastErr, counting an attempt when
// countAttempt is set.
func (c *OutboxClaim) setError(ctx context.Context, status, lastErr string, countAttempt bool) error {
	add := 0
	if countAttempt {
		add = 1
	}
	_, err := c.tx.ExecContext(ctx, `UPDATE outbox
		SET status = $2, attempts = attempts + $3, last_error = $4 WHERE id = $1`,
		c.Part.ID, status, add, lastErr)
	return err
}

// delayChat makes the chat's pending parts wait until until, the claimed one
// included when self is set. It never brings a later not_before forward.
func (c *OutboxClaim) delayChat(ctx context.Context, until time.Time, self bool) error {
	// SKIP LOCKED: recording an outcome never waits for another sender, so
	// two senders cannot deadlock here. A part another sender holds is being
	// sent right now; delaying it would be too late anyway.
	_, err := c.tx.ExecContext(ctx, `UPDATE outbox SET not_before = greatest(not_before, $3)
		WHERE id IN (
		    SELECT id FROM outbox
		    WHERE chat_id = $1 AND status = 'pending' AND ($4 OR id <> $2)
		    FOR UPDATE SKIP LOCKED)`,
		c.Part.ChatID, c.Part.ID, until, self)
	return err
}

// OutboxCounts returns how many parts the outbox holds in each status.
func (s *Store) OutboxCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM outbox GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("store: outbox counts: %w", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, fmt.Errorf("store: outbox counts: %w", err)
		}
		counts[status] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: outbox counts: %w", err)
	}
	return counts, nil
}

// PendingParts returns how many parts wait to be sent, due or not.
func (s *Store) PendingParts(ctx context.Context) (int, error) {
	var n int
	if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM outbox WHERE status = 'pending'`); err != nil {
		return 0, fmt.Errorf("store: pending parts: %w", err)
	}
	return n, nil
}

// NextPartDue returns the earliest not_before among pending parts, or
// false when none is pending.
func (s *Store) NextPartDue(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullTime
	err := s.db.GetContext(ctx, &next, `SELECT min(not_before) FROM outbox WHERE status = 'pending'`)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next part due: %w", err)
	}
	return next.Time, next.Valid, nil
}
