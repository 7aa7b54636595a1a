package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// almaty is the zone "today" is counted in: most of Kazakhstan, and gov.kz.
var almaty = mustZone("Asia/Almaty")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone(name, 5*3600)
	}
	return loc
}

// Stats is the state of the service at a glance, for operators (/stats).
type Stats struct {
	Chats             int // every chat that ever wrote
	ActiveChats       int // not blocked, kicked or deactivated
	ActiveSubscribers int // active chats following at least one thing
	EntitySubs        int // subscriptions to a source
	KeywordSubs       int // subscriptions to a keyword
	ReleasesToday     int // published today, Asia/Almaty
	OutboxPending     int // digest parts waiting to be sent
	LastDigest        *DigestRun
	Sources           *SourceHealth // nil when the sources table cannot be read
}

// DigestRun is the most recent digest pass, as far as the tables tell: the
// digests built in the minute of the newest one (passes run each minute).
type DigestRun struct {
	At    time.Time
	Built int // digests built
	Parts int // their messages
	Sent  int // of which Telegram accepted
}

// SourceHealth counts the polled sources.
type SourceHealth struct {
	Enabled int
	Failing int // enabled sources whose last poll failed
}

// ReleaseCount is how many releases are stored (for /metrics).
func (s *Store) ReleaseCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM releases`); err != nil {
		return 0, fmt.Errorf("store: count releases: %w", err)
	}
	return n, nil
}

// HasReleases says whether any release is stored (the console loads the
// bundled sample into a database without any). It stops at the first row,
// where ReleaseCount reads them all.
func (s *Store) HasReleases(ctx context.Context) (bool, error) {
	var has bool
	if err := s.db.GetContext(ctx, &has, `SELECT EXISTS (SELECT 1 FROM releases)`); err != nil {
		return false, fmt.Errorf("store: any releases: %w", err)
	}
	return has, nil
}

// Stats gathers Stats as of now.
func (s *Store) Stats(ctx context.Context, now time.Time) (Stats, error) {
	var st Stats
	today := now.In(almaty).Format(time.DateOnly)
	err := s.db.QueryRowContext(ctx, `
		SELECT
			(SELECT count(*) FROM chats),
			(SELECT count(*) FROM chats WHERE active),
			(SELECT count(*) FROM chats c WHERE c.active
				AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = c.id)),
			(SELECT count(*) FROM subscriptions WHERE kind = $1),
			(SELECT count(*) FROM subscriptions WHERE kind = $2),
			(SELECT count(*) FROM releases WHERE published_on = $3::date),
			(SELECT count(*) FROM outbox WHERE status = 'pending')`,
		SubEntity, SubKeyword, today).Scan(&st.Chats, &st.ActiveChats, &st.ActiveSubscribers,
		&st.EntitySubs, &st.KeywordSubs, &st.ReleasesToday, &st.OutboxPending)
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	if st.LastDigest, err = s.lastDigestRun(ctx); err != nil {
		return Stats{}, err
	}
	st.Sources = s.sourceHealth(ctx)
	return st, nil
}

func (s *Store) lastDigestRun(ctx context.Context) (*DigestRun, error) {
	var at sql.NullTime
	var r DigestRun
	// digests_chat_idx does not cover built_at alone: max() scans digests,
	// which grow by one row per chat and day. An operator's command can
	// afford it.
	err := s.db.QueryRowContext(ctx, `
		WITH last AS (SELECT date_trunc('minute', max(built_at)) AS at FROM digests WHERE kind = 'digest'),
		run AS (SELECT d.id, d.parts FROM digests d, last
			WHERE d.kind = 'digest' AND d.built_at >= last.at AND d.built_at < last.at + interval '1 minute')
		SELECT (SELECT at FROM last),
			(SELECT count(*) FROM run),
			(SELECT coalesce(sum(parts), 0) FROM run),
			(SELECT count(*) FROM outbox o WHERE o.digest_id IN (SELECT id FROM run) AND o.status = 'sent')`,
	).Scan(&at, &r.Built, &r.Parts, &r.Sent)
	if err != nil {
		return nil, fmt.Errorf("store: last digest run: %w", err)
	}
	if !at.Valid {
		return nil, nil
	}
	r.At = at.Time
	return &r, nil
}

// sourceHealth reads the sources table when there is one. It is read
// apart, and its failure only leaves it out: /stats must not break while
// source polling's schema is still changing.
func (s *Store) sourceHealth(ctx context.Context) *SourceHealth {
	var exists bool
	if err := s.db.GetContext(ctx, &exists, `SELECT to_regclass('sources') IS NOT NULL`); err != nil || !exists {
		return nil
	}
	var h SourceHealth
	err := s.db.QueryRowContext(ctx, `
		SELECT count(*) FILTER (WHERE enabled),
			count(*) FILTER (WHERE enabled AND consecutive_failures > 0)
		FROM sources`).Scan(&h.Enabled, &h.Failing)
	if err != nil {
		return nil
	}
	return &h
}
