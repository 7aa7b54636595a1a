package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrSourceBusy is returned when a source is claimed by another poller.
var ErrSourceBusy = errors.New("store: source is being polled elsewhere")

// ErrLeaseLost is returned when a poller records a poll whose lease another
// poller has since taken over (the first one overran its lease).
var ErrLeaseLost = errors.New("store: source lease lost")

// Claims are leases, not open transactions: a poll takes up to minutes of
// HTTP, far too long to hold a row lock or a connection. A claim writes a
// random token and an expiry; other pollers skip the source until then, and
// only the holder of the token can record the poll. A poller that dies
// leaves a lease that simply runs out.

// ClaimDueSource claims the enabled source that has been due the longest
// (next_poll_at at or before now) and is not leased, until leaseUntil. It
// returns ErrNotFound when none is due.
func (s *Store) ClaimDueSource(ctx context.Context, now, leaseUntil time.Time, token string) (Source, error) {
	var src Source
	// SKIP LOCKED lets concurrent claimers pass over the row being claimed
	// instead of queueing behind it and then claiming it a second time.
	err := s.db.GetContext(ctx, &src, `
		WITH claimed AS (
			UPDATE sources SET lease_token = $3, lease_until = $2
			WHERE id = (
				SELECT id FROM sources
				WHERE enabled AND next_poll_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
				ORDER BY next_poll_at, id
				LIMIT 1
				FOR UPDATE SKIP LOCKED)
			RETURNING *)
		SELECT `+sourceColumns+` FROM claimed s LEFT JOIN entities e ON e.id = s.entity_id`,
		now, leaseUntil, token)
	if err != nil {
		return Source{}, notFound(err, "store: claim a due source")
	}
	return src, nil
}

// CountDueSources is how many sources ClaimDueSource would hand out now,
// for a progress bar: enabled, due and not leased.
func (s *Store) CountDueSources(ctx context.Context, now time.Time) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `
		SELECT count(*) FROM sources
		WHERE enabled AND next_poll_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)`, now)
	if err != nil {
		return 0, fmt.Errorf("store: count due sources: %w", err)
	}
	return n, nil
}

// ClaimSource claims the source with this id whether it is due or not (a
// "newsbot fetch --entity"), unless another poller holds it: ErrSourceBusy.
func (s *Store) ClaimSource(ctx context.Context, id int64, now, leaseUntil time.Time, token string) (Source, error) {
	var src Source
	err := s.db.GetContext(ctx, &src, `
		WITH claimed AS (
			UPDATE sources SET lease_token = $4, lease_until = $3
			WHERE id = $1 AND (lease_until IS NULL OR lease_until <= $2)
			RETURNING *)
		SELECT `+sourceColumns+` FROM claimed s LEFT JOIN entities e ON e.id = s.entity_id`,
		id, now, leaseUntil, token)
	if err != nil {
		if err = notFound(err, "store: claim source %d", id); errors.Is(err, ErrNotFound) {
			return Source{}, ErrSourceBusy
		}
		return Source{}, err
	}
	return src, nil
}

// PollOutcome is what one poll of a claimed source did, as the poller
// records it: the schedule and failure bookkeeping are decided by the
// poller, which knows the clock and the backoff policy.
type PollOutcome struct {
	SourceID   int64
	Token      string    // the claim's token
	At         time.Time // when the poll ended
	NextPollAt time.Time
	Method     string // rss, api or feed
	// Success only: a one-line summary and the validators to send next time.
	Result             string
	ETag, LastModified string
	// Failure only (Err != ""): the failure streak after this poll.
	Err             string
	Failures        int
	FailingSince    time.Time
	ReportedFailing bool
}

// FinishPoll records a poll and releases the claim. It returns ErrLeaseLost
// when the claim was not this poller's any more; nothing is recorded then.
func (s *Store) FinishPoll(ctx context.Context, o PollOutcome) error {
	query := `
		UPDATE sources SET lease_token = NULL, lease_until = NULL, last_poll_at = $3,
			next_poll_at = $4, last_method = $5, last_result = $6, etag = $7, last_modified = $8,
			last_success_at = $3, consecutive_failures = 0, failing_since = NULL,
			reported_failing = false
		WHERE id = $1 AND lease_token = $2`
	args := []any{o.SourceID, o.Token, o.At, o.NextPollAt, o.Method, o.Result, o.ETag, o.LastModified}
	if o.Err != "" {
		// Validators and the last result stay: they describe the last answer
		// that was understood.
		query = `
			UPDATE sources SET lease_token = NULL, lease_until = NULL, last_poll_at = $3,
				next_poll_at = $4, last_method = $5, last_error = $6, last_error_at = $3,
				consecutive_failures = $7, failing_since = $8, reported_failing = $9
			WHERE id = $1 AND lease_token = $2`
		args = []any{o.SourceID, o.Token, o.At, o.NextPollAt, o.Method, o.Err, o.Failures,
			o.FailingSince, o.ReportedFailing}
	}
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: record poll of source %d: %w", o.SourceID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return ErrLeaseLost
	}
	return nil
}

// ReleaseSource gives a claim back without recording a poll, when the
// poller stops before polling (shutdown): the source stays due.
func (s *Store) ReleaseSource(ctx context.Context, id int64, token string) error {
	_, err := s.db.ExecContext(ctx, `
		UPDATE sources SET lease_token = NULL, lease_until = NULL
		WHERE id = $1 AND lease_token = $2`, id, token)
	if err != nil {
		return fmt.Errorf("store: release source %d: %w", id, err)
	}
	return nil
}
