package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Source kinds.
const (
	SourceGovkz = "govkz" // a gov.kz entity in one language (RSS or JSON API)
	SourceFeed  = "feed"  // a generic RSS/Atom feed named by the operator
)

// sourcesSyncKey is the advisory lock that serialises SyncSources: two
// processes syncing at once would otherwise lock the same rows in different
// orders and could deadlock.
const sourcesSyncKey = 7531003

// Source is a place the poller fetches releases from, with its polling state.
type Source struct {
	ID                  int64      `db:"id"`
	Key                 string     `db:"key"`
	Kind                string     `db:"kind"`
	EntitySlug          string     `db:"entity_slug"` // "" for a feed of no entity
	Lang                string     `db:"lang"`        // "" for feeds
	URL                 string     `db:"url"`         // feeds only
	Enabled             bool       `db:"enabled"`
	ETag                string     `db:"etag"`
	LastModified        string     `db:"last_modified"`
	LastPollAt          *time.Time `db:"last_poll_at"`
	LastSuccessAt       *time.Time `db:"last_success_at"`
	LastMethod          string     `db:"last_method"`
	LastResult          string     `db:"last_result"`
	LastError           string     `db:"last_error"`
	LastErrorAt         *time.Time `db:"last_error_at"`
	ConsecutiveFailures int        `db:"consecutive_failures"`
	FailingSince        *time.Time `db:"failing_since"`
	ReportedFailing     bool       `db:"reported_failing"`
	NextPollAt          time.Time  `db:"next_poll_at"`
	LeaseToken          string     `db:"lease_token"` // set on a claimed source
}

// Name is how logs and the status listing name the source:
// "shymkent/kk" or the feed's URL.
func (s Source) Name() string {
	if s.Kind == SourceGovkz {
		return s.EntitySlug + "/" + s.Lang
	}
	return s.URL
}

const sourceColumns = `s.id, s.key, s.kind, COALESCE(e.slug, '') AS entity_slug, s.lang, s.url,
	s.enabled, s.etag, s.last_modified, s.last_poll_at, s.last_success_at, s.last_method,
	s.last_result, s.last_error, s.last_error_at, s.consecutive_failures, s.failing_since,
	s.reported_failing, s.next_poll_at, COALESCE(s.lease_token, '') AS lease_token`

// SourcePlan says which sources should be polled.
type SourcePlan struct {
	Slugs      []string // entities polled by name; created when not known
	Kinds      []string // entity kinds polled whole, such as "embassy", but for inferred slugs (Entity.SlugInferred)
	Subscribed bool     // also every entity a chat follows
	Langs      []string // the languages of each gov.kz entity
	Feeds      []FeedPlan
}

// FeedPlan is a generic feed, optionally filed under an entity.
type FeedPlan struct {
	URL        string
	EntitySlug string // "" when the feed belongs to no entity
}

// SyncSources makes the enabled sources agree with plan: missing ones are
// added, due at now; configured ones are enabled, the others disabled. A
// source keeps its state across syncs, so a restart does not forget the
// validators or the failures of a source.
func (s *Store) SyncSources(ctx context.Context, now time.Time, plan SourcePlan) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return syncSources(ctx, tx, now, plan) })
}

// PreviewSources is what Sources would list after SyncSources(now, plan),
// changing nothing: the sync runs in a transaction that is rolled back
// (only the id sequences may have moved on), for a status command.
func (s *Store) PreviewSources(ctx context.Context, now time.Time, plan SourcePlan) ([]Source, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	if err := syncSources(ctx, tx, now, plan); err != nil {
		return nil, err
	}
	var out []Source
	if err := tx.SelectContext(ctx, &out, sourcesQuery); err != nil {
		return nil, fmt.Errorf("store: preview sources: %w", err)
	}
	return out, nil
}

func syncSources(ctx context.Context, tx *sqlx.Tx, now time.Time, plan SourcePlan) error {
	slugs := append([]string{}, plan.Slugs...)
	feedURLs := make([]string, len(plan.Feeds))
	feedSlugs := make([]string, len(plan.Feeds))
	for i, f := range plan.Feeds {
		feedURLs[i], feedSlugs[i] = f.URL, f.EntitySlug
		if f.EntitySlug != "" {
			slugs = append(slugs, f.EntitySlug)
		}
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, sourcesSyncKey); err != nil {
		return fmt.Errorf("store: sources lock: %w", err)
	}
	if err := ensureEntities(ctx, tx, slugs); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `
		WITH govkz AS (
			SELECT 'govkz:' || e.slug || ':' || l.lang AS key, 'govkz' AS kind,
				e.id AS entity_id, l.lang, '' AS url
			FROM entities e CROSS JOIN unnest($3::text[]) AS l(lang)
			WHERE e.slug = ANY($1) OR (e.kind = ANY($2) AND NOT e.slug_inferred)
			   OR ($4 AND e.id IN (SELECT entity_id FROM subscriptions WHERE kind = 'entity'))),
		feeds AS (
			SELECT 'feed:' || f.url AS key, 'feed' AS kind, e.id AS entity_id, '' AS lang, f.url
			FROM unnest($5::text[], $6::text[]) AS f(url, slug)
			LEFT JOIN entities e ON e.slug = f.slug),
		wanted AS (
			SELECT * FROM govkz UNION ALL SELECT * FROM feeds),
		upserted AS (
			INSERT INTO sources (key, kind, entity_id, lang, url, next_poll_at)
			SELECT DISTINCT ON (key) key, kind, entity_id, lang, url, $7 FROM wanted ORDER BY key
			ON CONFLICT (key) DO UPDATE SET enabled = true, entity_id = EXCLUDED.entity_id
			RETURNING id)
		UPDATE sources SET enabled = false
		WHERE enabled AND id NOT IN (SELECT id FROM upserted)`,
		pq.Array(plan.Slugs), pq.Array(plan.Kinds), pq.Array(plan.Langs), plan.Subscribed,
		pq.Array(feedURLs), pq.Array(feedSlugs), now)
	if err != nil {
		return fmt.Errorf("store: sync sources: %w", err)
	}
	return nil
}

// ensureEntities creates the entities named by slug that are not known, with
// their slug as their name, as importing does.
func ensureEntities(ctx context.Context, tx *sqlx.Tx, slugs []string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO entities (slug, name_kk, name_ru, name_en)
		SELECT s, s, s, s FROM unnest($1::text[]) AS s
		ON CONFLICT (slug) DO NOTHING`, pq.Array(slugs))
	if err != nil {
		return fmt.Errorf("store: create entities %v: %w", slugs, err)
	}
	return nil
}

const sourcesQuery = `
	SELECT ` + sourceColumns + `
	FROM sources s LEFT JOIN entities e ON e.id = s.entity_id
	ORDER BY s.enabled DESC, s.kind DESC, e.slug, s.lang, s.url`

// Sources lists every source, enabled ones first, then by kind, entity and
// language, for "newsbot sources status".
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	var out []Source
	if err := s.db.SelectContext(ctx, &out, sourcesQuery); err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	return out, nil
}

// SourcesOfEntities lists the enabled sources of the entities with these
// slugs: their gov.kz languages and the feeds filed under them.
func (s *Store) SourcesOfEntities(ctx context.Context, slugs []string) ([]Source, error) {
	var out []Source
	err := s.db.SelectContext(ctx, &out, `
		SELECT `+sourceColumns+`
		FROM sources s JOIN entities e ON e.id = s.entity_id
		WHERE s.enabled AND e.slug = ANY($1)
		ORDER BY e.slug, s.kind DESC, s.lang, s.url`, pq.Array(slugs))
	if err != nil {
		return nil, fmt.Errorf("store: sources of %v: %w", slugs, err)
	}
	return out, nil
}
