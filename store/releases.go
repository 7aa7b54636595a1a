package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
// catalogue are created with the name the release gives (EntityName), or
// their slug as their name when it gives none.
func (s *Store) ImportReleases(ctx context.Context, rels []NewRelease) (ImportResult, error) {
	var res ImportResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		entities := map[string]int64{} // a file names few entities, each many times
		for i := 0; i < len(rels); i += importChunk {
			chunk := rels[i:min(i+importChunk, len(rels))]
			n, err := insertReleases(ctx, tx, chunk, entities)
			if err != nil {
				return err
			}
			res.New += n
			res.Known += len(chunk) - n
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// importChunk is how many releases one INSERT carries: one round trip and
// one plan for them all, instead of one each (456 releases/s, mostly
// spent waiting on the next statement).
const importChunk = 500

// insertReleases stores those of rels whose identity is not known, in
// their order (arrival follows it), in one statement, and returns how many
// were new. A release repeated within rels is stored once.
func insertReleases(ctx context.Context, tx *sqlx.Tx, rels []NewRelease, entities map[string]int64) (int, error) {
	n := len(rels)
	var (
		entityIDs = make([]sql.NullInt64, n)
		govkzIDs  = make([]sql.NullInt64, n)
		hashes    = make([]string, n)
		urls      = make([]string, n)
		titles    = make([]string, n)
		bodies    = make([]string, n)
		langs     = make([]string, n)
		days      = make([]string, n)
		shingles  = make([]string, n) // bigint[] literals: unnest would flatten an array of arrays
		canons    = make([]string, n) // tsvector literals (CanonVector)
	)
	for i, r := range rels {
		if r.EntitySlug != "" {
			id, err := entityID(ctx, tx, r, entities)
			if err != nil {
				return 0, err
			}
			entityIDs[i] = sql.NullInt64{Int64: id, Valid: true}
		}
		govkzIDs[i] = sql.NullInt64{Int64: r.GovkzID, Valid: r.GovkzID > 0}
		hashes[i], urls[i], titles[i], bodies[i], langs[i] = r.ContentHash, r.URL, r.Title, r.Body, r.Lang
		days[i] = r.PublishedOn.Format(time.DateOnly)
		shingles[i] = int64sLiteral(r.Shingles)
		canons[i] = CanonVector(r.Title, r.Body, "")
	}
	// ON CONFLICT DO NOTHING without a target covers both partial unique
	// indexes: (entity_id, govkz_id) and content_hash.
	res, err := tx.ExecContext(ctx, `
		INSERT INTO releases (entity_id, govkz_id, content_hash, url, title, body, lang, published_on,
			shingles, canon)
		SELECT e, g, h, u, t, b, l, d::date, s::bigint[], c::tsvector
		FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
			$7::text[], $8::text[], $9::text[], $10::text[])
			WITH ORDINALITY AS x(e, g, h, u, t, b, l, d, s, c, ord)
		ORDER BY ord
		ON CONFLICT DO NOTHING`,
		pq.Array(entityIDs), pq.Array(govkzIDs), pq.Array(hashes), pq.Array(urls), pq.Array(titles),
		pq.Array(bodies), pq.Array(langs), pq.Array(days), pq.Array(shingles), pq.Array(canons))
	if err != nil {
		return 0, fmt.Errorf("store: insert %d releases: %w", n, err)
	}
	inserted, err := res.RowsAffected()
	return int(inserted), err
}

// int64sLiteral is a bigint[] literal: {1,2,3}.
func int64sLiteral(v []int64) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(x, 10))
	}
	b.WriteByte('}')
	return b.String()
}

// entityID is the id of the entity of r, created when unknown and named
// by r when it can be (ensureEntity); entities caches the ids met so far in
// the transaction, by slug and, for a release that names its entity, by
// slug, language and name: a file names few entities, and each name once
// is enough.
func entityID(ctx context.Context, tx *sqlx.Tx, r NewRelease, entities map[string]int64) (int64, error) {
	name := entityName(r.EntityName)
	if strings.EqualFold(name, r.EntitySlug) {
		name = "" // a feed titled by its slug names nothing
	}
	key := r.EntitySlug
	if name != "" {
		key += "\x00" + r.Lang + "\x00" + name
	}
	if id, ok := entities[key]; ok {
		return id, nil
	}
	id, err := ensureEntity(ctx, tx, r.EntitySlug, name, r.Lang)
	if err == nil {
		entities[key] = id
	}
	return id, err
}

// maxEntityName is the longest entity name kept from a release, in runes;
// gov.kz's longest catalogue names are about 150.
const maxEntityName = 300

// entityName is a name from a release's metadata as stored: spaces
// collapsed, NULs dropped, "" when longer than maxEntityName (no name is
// better than a paragraph taken for one).
func entityName(s string) string {
	s = strings.Join(strings.Fields(noNUL(s)), " ")
	if utf8.RuneCountInString(s) > maxEntityName {
		return ""
	}
	return s
}

// insertRelease stores r unless its identity is known. entities caches the
// ids of the entities met so far in the transaction, by slug.
func insertRelease(ctx context.Context, tx *sqlx.Tx, r NewRelease, entities map[string]int64) (bool, error) {
	n, err := insertReleases(ctx, tx, []NewRelease{r}, entities)
	return n == 1, err
}

// ensureEntity returns the id of the entity with this slug, creating it
// when it is not known: named name in the column of lang (in every column
// when lang is none of kk, ru, en; Entity.Name falls back to it in the
// others), or with its slug as its name when name is "". An entity outside
// the catalogue whose name in lang is still its slug (or empty) takes
// name, and its other names that are its slug give way to the fallback; a
// catalogue entity's names are never touched.
func ensureEntity(ctx context.Context, tx *sqlx.Tx, slug, name, lang string) (int64, error) {
	names := [3]string{slug, slug, slug} // kk, ru, en
	if name != "" {
		names = [3]string{name, name, name}
		if i := slices.Index([]string{"kk", "ru", "en"}, lang); i >= 0 {
			names = [3]string{}
			names[i] = name
		}
	}
	var id int64
	err := tx.GetContext(ctx, &id, `
		WITH ins AS (
			INSERT INTO entities AS e (slug, name_kk, name_ru, name_en)
			VALUES ($1, $2, $3, $4)
			ON CONFLICT (slug) DO UPDATE SET
				name_kk = CASE WHEN $2 NOT IN ('', $1) AND e.name_kk IN ('', e.slug) THEN $2
					WHEN e.name_kk = e.slug THEN '' ELSE e.name_kk END,
				name_ru = CASE WHEN $3 NOT IN ('', $1) AND e.name_ru IN ('', e.slug) THEN $3
					WHEN e.name_ru = e.slug THEN '' ELSE e.name_ru END,
				name_en = CASE WHEN $4 NOT IN ('', $1) AND e.name_en IN ('', e.slug) THEN $4
					WHEN e.name_en = e.slug THEN '' ELSE e.name_en END
			WHERE $5 AND NOT e.in_catalogue
			RETURNING id)
		SELECT id FROM ins
		UNION ALL
		SELECT id FROM entities WHERE slug = $1
		LIMIT 1`, slug, names[0], names[1], names[2], name != "")
	if err != nil {
		return 0, fmt.Errorf("store: entity %s: %w", slug, err)
	}
	return id, nil
}
