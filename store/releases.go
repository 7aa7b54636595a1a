package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// arrivalLockKey is the advisory lock that serialises release writers.
// Sequence values are handed out before commit, so without it a release with
// a lower arrival_seq could become visible after a digest already moved its
// cursor past it, and would never be sent. Writers hold the lock until their
// transaction ends; readers that move cursors take it shared (ArrivalHorizon).
const arrivalLockKey = 7531001

// ImportResult counts what ImportReleases did.
type ImportResult struct {
	New   int
	Known int
}

// ImportReleases stores releases in one transaction. A release whose identity
// ((entity, gov.kz id) when known, otherwise its content hash) is already
// stored is counted as known and left unchanged. Entities that are not in the
// catalogue are created with their slug as their name.
func (s *Store) ImportReleases(ctx context.Context, rels []NewRelease) (ImportResult, error) {
	var res ImportResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		entities := map[string]int64{} // a file names few entities, each many times
		for _, r := range rels {
			inserted, err := insertRelease(ctx, tx, r, entities)
			if err != nil {
				return err
			}
			if inserted {
				res.New++
			} else {
				res.Known++
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// insertRelease stores r unless its identity is known. entities caches the
// ids of the entities met so far in the transaction, by slug.
func insertRelease(ctx context.Context, tx *sqlx.Tx, r NewRelease, entities map[string]int64) (bool, error) {
	var entityID *int64
	if r.EntitySlug != "" {
		id, ok := entities[r.EntitySlug]
		if !ok {
			var err error
			if id, err = ensureEntity(ctx, tx, r.EntitySlug); err != nil {
				return false, err
			}
			entities[r.EntitySlug] = id
		}
		entityID = &id
	}
	var govkzID *int64
	if r.GovkzID > 0 {
		govkzID = &r.GovkzID
	}
	// ON CONFLICT DO NOTHING without a target covers both partial unique
	// indexes: (entity_id, govkz_id) and content_hash.
	res, err := tx.ExecContext(ctx, `
		INSERT INTO releases (entity_id, govkz_id, content_hash, url, title, body, lang, published_on,
			shingles)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::bigint[], '{}'))
		ON CONFLICT DO NOTHING`,
		entityID, govkzID, r.ContentHash, r.URL, r.Title, r.Body, r.Lang, r.PublishedOn,
		pq.Int64Array(r.Shingles))
	if err != nil {
		return false, fmt.Errorf("store: insert release %q: %w", r.URL+r.Title, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ensureEntity returns the id of the entity with this slug, creating it with
// its slug as its name when it is not known.
func ensureEntity(ctx context.Context, tx *sqlx.Tx, slug string) (int64, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `
		WITH ins AS (
			INSERT INTO entities (slug, name_kk, name_ru, name_en)
			VALUES ($1, $1, $1, $1)
			ON CONFLICT (slug) DO NOTHING
			RETURNING id)
		SELECT id FROM ins
		UNION ALL
		SELECT id FROM entities WHERE slug = $1
		LIMIT 1`, slug)
	if err != nil {
		return 0, fmt.Errorf("store: entity %s: %w", slug, err)
	}
	return id, nil
}
