package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"
)

// Lease is a PostgreSQL session advisory lock held on a connection of its
// own, taken out of the pool: the lock lives exactly as long as that
// session, so a process that dies (or loses its database) loses the lock
// with it, and another process can take it.
type Lease struct {
	conn *sql.Conn
	key  int64
}

// TryLease tries once to take the advisory lock key. It returns false when
// another session holds it. idle, when positive, makes the server end the
// session (and so free the lock) after that long without a statement: a
// holder that stopped checking its lease (frozen, or cut off on a path the
// server has not noticed yet) cannot keep it for long.
func (s *Store) TryLease(ctx context.Context, key int64, idle time.Duration) (*Lease, bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: lease connection: %w", err)
	}
	l := &Lease{conn: conn, key: key}
	if idle > 0 {
		ms := fmt.Sprint(idle.Milliseconds())
		if _, err := conn.ExecContext(ctx, `SELECT set_config('idle_session_timeout', $1, false)`, ms); err != nil {
			l.Release()
			return nil, false, fmt.Errorf("store: lease idle timeout: %w", err)
		}
	}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil {
		l.Release()
		return nil, false, fmt.Errorf("store: try lock %d: %w", key, err)
	}
	if !got {
		l.Release()
		return nil, false, nil
	}
	return l, true, nil
}

// Check confirms that the lease's session is alive and still holds the
// lock. Any error means the lease is lost (or cannot be vouched for).
func (l *Lease) Check(ctx context.Context) error {
	// A bigint advisory lock shows in pg_locks as classid = high 32 bits,
	// objid = low 32 bits, objsubid = 1.
	hi, lo := int64(uint64(l.key)>>32), int64(uint32(l.key))
	var held bool
	err := l.conn.QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM pg_locks
			WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
			  AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1)`, hi, lo).Scan(&held)
	if err != nil {
		return fmt.Errorf("store: check lease %d: %w", l.key, err)
	}
	if !held {
		return fmt.Errorf("store: lease %d is no longer held", l.key)
	}
	return nil
}

// Release gives the lock up: it unlocks (so another process can take it at
// once, the session's end being asynchronous on the server) and closes the
// session. The connection is discarded, not returned to the pool: a pooled
// connection still holding the lock (or carrying the idle timeout) would be
// worse than none.
func (l *Lease) Release() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	l.conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, l.key) // lost sessions fail here; no matter
	l.conn.Raw(func(any) error { return driver.ErrBadConn })
	l.conn.Close()
}
