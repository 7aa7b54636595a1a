package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// IsEdit reports whether a fetched text replaces a stored one. A body that
// is the stored body cut short (a feed's summary of a release stored whole
// from the API) under the same title is not an edit: storing it would swap
// the full text for less, and back at the next poll of the other method.
func IsEdit(oldTitle, oldBody, newTitle, newBody string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if norm(oldTitle) != norm(newTitle) {
		return true
	}
	cut := strings.TrimRight(norm(newBody), ".…  ")
	if len(cut) < len(norm(oldBody)) && strings.HasPrefix(norm(oldBody), cut) {
		return false
	}
	return norm(oldBody) != norm(newBody)
}

// putVersion stores r as its release's version in r's language.
func putVersion(ctx context.Context, tx *sqlx.Tx, releaseID int64, r NewRelease) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO release_versions (release_id, lang, title, body, content_hash)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (release_id, lang) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,
			content_hash = EXCLUDED.content_hash, updated_at = now()`,
		releaseID, r.Lang, r.Title, r.Body, r.ContentHash)
	if err != nil {
		return fmt.Errorf("store: version %s of release %d: %w", r.Lang, releaseID, err)
	}
	return nil
}

// updateReleaseText replaces the release's own text with an edit, and its
// shingles with the new text's (none when not computed: the digest then
// computes them). A release identified by its link keeps its old hash when
// the new one belongs to another release already (hashes of link-less
// releases are unique).
func updateReleaseText(ctx context.Context, tx *sqlx.Tx, id int64, r NewRelease) (saved, error) {
	res, err := tx.ExecContext(ctx, `
		UPDATE releases r SET title = $2, body = $3, updated_at = now(),
			shingles = COALESCE($5::bigint[], '{}'),
			content_hash = CASE WHEN r.govkz_id IS NOT NULL OR NOT EXISTS (
				SELECT 1 FROM releases o WHERE o.govkz_id IS NULL AND o.content_hash = $4 AND o.id <> r.id)
				THEN $4 ELSE r.content_hash END
		WHERE r.id = $1`, id, r.Title, r.Body, r.ContentHash, pq.Int64Array(r.Shingles))
	if err != nil {
		return savedKnown, fmt.Errorf("store: edit release %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return savedKnown, nil
	}
	return savedUpdated, nil
}

// refreshOtherText gathers the release's versions in other languages than
// its own into other_text, which its search column indexes.
func refreshOtherText(ctx context.Context, tx *sqlx.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE releases r SET other_text = COALESCE((
			SELECT string_agg(v.title || E'\n\n' || v.body, E'\n\n' ORDER BY v.lang)
			FROM release_versions v WHERE v.release_id = r.id AND v.lang <> r.lang), '')
		WHERE r.id = $1`, id)
	if err != nil {
		return fmt.Errorf("store: other text of release %d: %w", id, err)
	}
	return nil
}

// KnownVersions returns those of the gov.kz ids of the entity with this
// slug that are stored with a text in lang: the JSON API pager stops at a
// page of them.
func (s *Store) KnownVersions(ctx context.Context, slug, lang string, ids []int64) ([]int64, error) {
	var known []int64
	err := s.db.SelectContext(ctx, &known, `
		SELECT r.govkz_id FROM releases r JOIN entities e ON e.id = r.entity_id
		WHERE e.slug = $1 AND r.govkz_id = ANY($3)
		  AND (r.lang = $2 OR EXISTS (
				SELECT 1 FROM release_versions v WHERE v.release_id = r.id AND v.lang = $2))`,
		slug, lang, pq.Array(ids))
	if err != nil {
		return nil, fmt.Errorf("store: known releases of %s: %w", slug, err)
	}
	return known, nil
}
