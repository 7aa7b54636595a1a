package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// PoolSize is how many connections the store opens at most. Callers that run
// heavy queries (the bot's /search and /latest) keep theirs to a share of it,
// so that light queries always find a connection.
const PoolSize = 16

// ErrTimeout is a query stopped by its statement timeout.
var ErrTimeout = errors.New("store: query ran past its time limit")

// queryCanceled is PostgreSQL's query_canceled, which a statement timeout
// raises.
const queryCanceled = "57014"

// selectWithin runs one SELECT into dest, stopped by PostgreSQL after
// timeout (none when timeout is zero).
//
// The limit is a server-side statement_timeout, set with SET LOCAL in a
// read-only transaction of its own, rather than a context deadline: when a
// deadline cancels a query, lib/pq dials a second connection to send the
// cancel request and then closes the first one, so every timeout would cost
// two connection set-ups; a statement timeout leaves the connection as it
// was. The three extra statements (begin, set_config, commit) are sub-
// millisecond round trips next to the seconds this guards against.
func (s *Store) selectWithin(ctx context.Context, timeout time.Duration, dest any, query string, args ...any) error {
	if timeout <= 0 {
		return s.db.SelectContext(ctx, dest, query, args...)
	}
	return s.within(ctx, timeout, func(tx *sqlx.Tx) error {
		return tx.SelectContext(ctx, dest, query, args...)
	})
}

// within runs fn in a read-only transaction whose every statement
// PostgreSQL stops after timeout (none when timeout is zero), as
// selectWithin does for one.
func (s *Store) within(ctx context.Context, timeout time.Duration, fn func(tx *sqlx.Tx) error) error {
	err := s.readOnly(ctx, func(tx *sqlx.Tx) error {
		if timeout > 0 {
			ms := max(timeout.Milliseconds(), 1)
			if _, err := tx.ExecContext(ctx, `SELECT set_config('statement_timeout', $1, true)`,
				strconv.FormatInt(ms, 10)); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == queryCanceled {
		return fmt.Errorf("%w (%v): %w", ErrTimeout, timeout, err)
	}
	return err
}

// readOnly runs fn in a read-only transaction, which it always rolls back:
// there is nothing to commit, and a rollback ends it just as well.
func (s *Store) readOnly(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// errNoTimeLeft is a query of several statements that used up its time
// before its next one; it reads as a statement timeout.
var errNoTimeLeft = &pq.Error{Code: queryCanceled, Message: "no time left for the query's next statement"}

// timeLeft gives the transaction's next statements what is left until
// deadline as their statement timeout, or errNoTimeLeft when nothing is.
func timeLeft(ctx context.Context, tx *sqlx.Tx, deadline time.Time) error {
	left := time.Until(deadline).Milliseconds()
	if left < 1 {
		return errNoTimeLeft
	}
	_, err := tx.ExecContext(ctx, `SELECT set_config('statement_timeout', $1, true)`, strconv.FormatInt(left, 10))
	return err
}
