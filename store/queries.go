package store

import (
	"context"
	"fmt"
)

// SaveQuery remembers what a paged answer is about and returns its id, which
// the answer's buttons carry in their callback data.
func (s *Store) SaveQuery(ctx context.Context, chatID int64, command, arg string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id,
		`INSERT INTO queries (chat_id, command, arg) VALUES ($1, $2, $3) RETURNING id`,
		chatID, command, noNUL(arg))
	if err != nil {
		return 0, fmt.Errorf("store: save query: %w", err)
	}
	return id, nil
}

// Query returns a saved query's command and argument, if it belongs to chatID.
func (s *Store) Query(ctx context.Context, chatID, id int64) (command, arg string, err error) {
	var q struct {
		Command string `db:"command"`
		Arg     string `db:"arg"`
	}
	err = s.db.GetContext(ctx, &q,
		`SELECT command, arg FROM queries WHERE id = $1 AND chat_id = $2`, id, chatID)
	if err != nil {
		return "", "", notFound(err, "store: query %d", id)
	}
	return q.Command, q.Arg, nil
}

// ForgetQueriesBefore deletes saved queries older than days; their buttons
// then answer that the list has expired.
func (s *Store) ForgetQueriesBefore(ctx context.Context, days int) (int64, error) {
	res, err := s.db.ExecContext(ctx,
		`DELETE FROM queries WHERE created_at < now() - make_interval(days => $1)`, days)
	if err != nil {
		return 0, fmt.Errorf("store: forget queries: %w", err)
	}
	return res.RowsAffected()
}
