package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// SaveResult counts what SaveFetched did.
type SaveResult struct {
	New      int // releases stored now: new arrivals
	Versions int // a new language version of a release already stored
	Updated  int // a stored release whose text the source has edited
	Known    int // stored already, unchanged
}

// saved is what happened to one release.
type saved int

const (
	savedKnown saved = iota
	savedNew
	savedVersion
	savedUpdated
)

// SaveFetched stores releases fetched from a source, in one transaction. It
// differs from ImportReleases in what it does with a release already stored
// (same gov.kz id, or same link for a generic feed): a language not seen yet
// becomes a language version of it, and a changed text is an edit that
// replaces the stored text of that language. Neither is a new arrival: the
// release keeps its arrival_seq, so no digest sends it again.
func (s *Store) SaveFetched(ctx context.Context, rels []NewRelease) (SaveResult, error) {
	var res SaveResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		entities := map[string]int64{}
		for _, r := range rels {
			what, err := saveFetched(ctx, tx, r, entities)
			if err != nil {
				return err
			}
			switch what {
			case savedNew:
				res.New++
			case savedVersion:
				res.Versions++
			case savedUpdated:
				res.Updated++
			default:
				res.Known++
			}
		}
		return nil
	})
	if err != nil {
		return SaveResult{}, err
	}
	return res, nil
}

func saveFetched(ctx context.Context, tx *sqlx.Tx, r NewRelease, entities map[string]int64) (saved, error) {
	inserted, err := insertRelease(ctx, tx, r, entities)
	if err != nil {
		return savedKnown, err
	}
	cur, err := storedRelease(ctx, tx, r)
	if errors.Is(err, ErrNotFound) {
		return savedKnown, nil // no identity but its text, and that text is stored
	}
	if err != nil {
		return savedKnown, err
	}
	if inserted {
		if r.Lang != "" {
			return savedNew, putVersion(ctx, tx, cur.ID, r)
		}
		return savedNew, nil
	}
	return applyFetched(ctx, tx, cur, r)
}

// storedText is a stored release and its version in one language.
type storedText struct {
	ID    int64   `db:"id"`
	Lang  string  `db:"lang"`
	Title string  `db:"title"`
	Body  string  `db:"body"`
	Hash  string  `db:"content_hash"`
	VHash *string `db:"v_hash"` // nil when there is no version in that language
	VText *string `db:"v_title"`
	VBody *string `db:"v_body"`
}

// storedRelease finds the stored release r is a copy of, by gov.kz identity
// or, for a generic feed, by link; rows are locked for the edit that may
// follow. Releases identified by their content hash alone are ErrNotFound:
// a changed text is another release for them.
func storedRelease(ctx context.Context, tx *sqlx.Tx, r NewRelease) (storedText, error) {
	const cols = `SELECT r.id, r.lang, r.title, r.body, r.content_hash,
		v.content_hash AS v_hash, v.title AS v_title, v.body AS v_body
		FROM releases r LEFT JOIN release_versions v ON v.release_id = r.id AND v.lang = $1 `
	var cur storedText
	var err error
	switch {
	case r.GovkzID > 0:
		err = tx.GetContext(ctx, &cur, cols+`
			WHERE r.entity_id = (SELECT id FROM entities WHERE slug = $2) AND r.govkz_id = $3
			FOR UPDATE OF r`, r.Lang, r.EntitySlug, r.GovkzID)
	case r.URL != "":
		err = tx.GetContext(ctx, &cur, cols+`
			WHERE r.govkz_id IS NULL AND r.url = $2
			FOR UPDATE OF r`, r.Lang, r.URL)
	default:
		return storedText{}, ErrNotFound
	}
	if err != nil {
		return storedText{}, notFound(err, "store: find release %q", r.URL)
	}
	return cur, nil
}

// applyFetched compares a fetched copy with what is stored in its language
// and records a new version or an edit.
func applyFetched(ctx context.Context, tx *sqlx.Tx, cur storedText, r NewRelease) (saved, error) {
	ownLang := r.Lang == cur.Lang
	// The text stored for r's language: its version, else the release's own
	// text when that is in r's language (a release imported from a file).
	oldTitle, oldBody, oldHash, have := "", "", "", false
	switch {
	case cur.VHash != nil:
		oldTitle, oldBody, oldHash, have = *cur.VText, *cur.VBody, *cur.VHash, true
	case ownLang:
		oldTitle, oldBody, oldHash, have = cur.Title, cur.Body, cur.Hash, true
	}
	edited := have && oldHash != r.ContentHash && IsEdit(oldTitle, oldBody, r.Title, r.Body)
	if have && !edited && cur.VHash != nil {
		return savedKnown, nil
	}
	if r.Lang == "" { // no language to file a version under
		if !edited {
			return savedKnown, nil
		}
		return updateReleaseText(ctx, tx, cur.ID, r)
	}
	if have && !edited {
		// The release's own text is current: record it as its version.
		own := NewRelease{Lang: r.Lang, Title: oldTitle, Body: oldBody, ContentHash: oldHash}
		return savedKnown, putVersion(ctx, tx, cur.ID, own)
	}
	if err := putVersion(ctx, tx, cur.ID, r); err != nil {
		return savedKnown, err
	}
	if ownLang {
		return updateReleaseText(ctx, tx, cur.ID, r)
	}
	if err := refreshOtherText(ctx, tx, cur.ID); err != nil {
		return savedKnown, err
	}
	if have {
		return savedUpdated, nil
	}
	return savedVersion, nil
}
