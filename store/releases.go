package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
//
// What Go computes for a release (its search vector above all) is computed
// before the transaction, on every core, and a chunk ahead of the one being
// stored (prepareChunks): the arrival lock is held for the database's work
// only, and a large file's next chunk is ready when the last one is stored.
func (s *Store) ImportReleases(ctx context.Context, rels []NewRelease) (ImportResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops prepareChunks when storing fails
	chunks := prepareChunks(ctx, rels)
	first, ok := <-chunks // ready before the lock is taken
	var res ImportResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		entities := map[string]int64{} // a file names few entities, each many times
		if err := resolveEntities(ctx, tx, rels, entities); err != nil {
			return err
		}
		for chunk := first; ok; chunk, ok = <-chunks {
			n, err := insertRows(ctx, tx, chunk, entities)
			if err != nil {
				return err
			}
			res.New += n
			res.Known += chunk.len() - n
		}
		return ctx.Err() // a chunk left unprepared when ctx ended
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
	if err := resolveEntities(ctx, tx, rels, entities); err != nil {
		return 0, err
	}
	return insertRows(ctx, tx, prepareRows(rels), entities)
}

// insertRows stores the releases of rows whose identity is not known, as
// insertReleases does; entities must hold the id of each one's entity
// (resolveEntities).
func insertRows(ctx context.Context, tx *sqlx.Tx, rows releaseRows, entities map[string]int64) (int, error) {
	entityIDs := make([]sql.NullInt64, rows.len())
	for i, r := range rows.rels {
		if r.EntitySlug != "" {
			key, _ := entityKey(r)
			id, ok := entities[key]
			if !ok {
				return 0, fmt.Errorf("store: entity %s not resolved", r.EntitySlug)
			}
			entityIDs[i] = sql.NullInt64{Int64: id, Valid: true}
		}
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
		pq.Array(entityIDs), pq.Array(rows.govkzIDs), textArray(rows.hashes), textArray(rows.urls),
		textArray(rows.titles), textArray(rows.bodies), textArray(rows.langs), textArray(rows.days),
		textArray(rows.shingles), textArray(rows.canons))
	if err != nil {
		return 0, fmt.Errorf("store: insert %d releases: %w", rows.len(), err)
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

// entityKey is how the entities cache of a transaction knows the entity of
// r: by slug and, for a release that names its entity, by slug, language
// and name, so that a name met later in the transaction is still applied.
func entityKey(r NewRelease) (key, name string) {
	name = entityName(r.EntityName)
	if strings.EqualFold(name, r.EntitySlug) {
		name = "" // a feed titled by its slug names nothing
	}
	key = r.EntitySlug
	if name != "" {
		key += "\x00" + r.Lang + "\x00" + name
	}
	return key, name
}

// resolveEntities puts in entities the id of the entity of every release
// of rels that names one, in one statement for all of them (a file or a
// feed page names dozens of entities, and a round trip each was half of an
// import's time). An entity not yet known is created, named by the first
// release that names it in each language (entityNames), or with its slug as
// its name when none does. An entity outside the catalogue whose name in a
// language is still its slug (or empty) takes the name a release gives in
// it, and, once any release names it, its other names that are its slug
// give way to the fallback; a catalogue entity's names are never touched.
func resolveEntities(ctx context.Context, tx *sqlx.Tx, rels []NewRelease, entities map[string]int64) error {
	bySlug := map[string]*wantedEntity{}
	var slugs []string
	for _, r := range rels {
		if r.EntitySlug == "" {
			continue
		}
		key, name := entityKey(r)
		if _, ok := entities[key]; ok {
			continue
		}
		w := bySlug[r.EntitySlug]
		if w == nil {
			w = &wantedEntity{}
			bySlug[r.EntitySlug] = w
			slugs = append(slugs, r.EntitySlug)
		}
		w.keys = append(w.keys, key)
		if name == "" {
			continue
		}
		// The first name given in a language is the one kept, as it was
		// when entities were named release by release.
		w.named = true
		for i, names := range entityNames(r.EntitySlug, name, r.Lang) {
			if w.names[i] == "" {
				w.names[i] = names
			}
		}
	}
	// Most releases name an entity already known, and do not name it:
	// found, they need no upsert (which locks the row it conflicts with).
	var unnamed []string
	for _, slug := range slugs {
		if !bySlug[slug].named {
			unnamed = append(unnamed, slug)
		}
	}
	if len(unnamed) > 0 {
		if err := scanEntityIDs(ctx, tx, bySlug, entities, `
			SELECT slug, id FROM entities WHERE slug = ANY($1)`, pq.Array(unnamed)); err != nil {
			return err
		}
		slugs = slices.DeleteFunc(slugs, func(slug string) bool {
			_, found := entities[bySlug[slug].keys[0]]
			return found
		})
	}
	if len(slugs) == 0 {
		return nil
	}
	kk, ru, en := make([]string, len(slugs)), make([]string, len(slugs)), make([]string, len(slugs))
	named := make([]bool, len(slugs))
	for i, slug := range slugs {
		w := bySlug[slug]
		names := w.names
		if !w.named {
			names = entityNames(slug, "", "")
		}
		kk[i], ru[i], en[i], named[i] = names[0], names[1], names[2], w.named
	}
	err := scanEntityIDs(ctx, tx, bySlug, entities, `
		WITH input AS (
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[])
				AS i(slug, kk, ru, en, named)),
		ins AS (
			INSERT INTO entities AS e (slug, name_kk, name_ru, name_en)
			SELECT slug, kk, ru, en FROM input
			ON CONFLICT (slug) DO UPDATE SET
				name_kk = CASE WHEN EXCLUDED.name_kk NOT IN ('', e.slug) AND e.name_kk IN ('', e.slug)
					THEN EXCLUDED.name_kk WHEN e.name_kk = e.slug THEN '' ELSE e.name_kk END,
				name_ru = CASE WHEN EXCLUDED.name_ru NOT IN ('', e.slug) AND e.name_ru IN ('', e.slug)
					THEN EXCLUDED.name_ru WHEN e.name_ru = e.slug THEN '' ELSE e.name_ru END,
				name_en = CASE WHEN EXCLUDED.name_en NOT IN ('', e.slug) AND e.name_en IN ('', e.slug)
					THEN EXCLUDED.name_en WHEN e.name_en = e.slug THEN '' ELSE e.name_en END
			WHERE NOT e.in_catalogue AND (SELECT named FROM input WHERE input.slug = e.slug)
			RETURNING slug, id)
		SELECT slug, id FROM ins
		UNION ALL
		SELECT slug, id FROM entities WHERE slug = ANY($1) AND slug NOT IN (SELECT slug FROM ins)`,
		pq.Array(slugs), pq.Array(kk), pq.Array(ru), pq.Array(en), pq.Array(named))
	if err != nil {
		return err
	}
	for _, slug := range slugs {
		if _, ok := entities[bySlug[slug].keys[0]]; !ok {
			return fmt.Errorf("store: entity %s was neither created nor found", slug)
		}
	}
	return nil
}

// scanEntityIDs runs query, which returns (slug, id) rows, and puts each id
// in entities under the keys the releases of its slug are known by.
func scanEntityIDs(ctx context.Context, tx *sqlx.Tx, bySlug map[string]*wantedEntity, entities map[string]int64, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var slug string
		var id int64
		if err := rows.Scan(&slug, &id); err != nil {
			return fmt.Errorf("store: entities: %w", err)
		}
		if w := bySlug[slug]; w != nil {
			for _, key := range w.keys {
				entities[key] = id
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: entities: %w", err)
	}
	return nil
}

// wantedEntity is what the releases of one slug ask of resolveEntities.
type wantedEntity struct {
	names [3]string // kk, ru, en, merged in the order the releases come
	named bool
	keys  []string // the entityKey of each of them
}

// entityNames are the names, kk, ru and en, an entity first seen with name
// in lang is created with: name in the column of lang (in every column when
// lang is none of kk, ru, en; Entity.Name falls back to it in the others),
// or its slug in all three when name is "".
func entityNames(slug, name, lang string) [3]string {
	if name == "" {
		return [3]string{slug, slug, slug}
	}
	i := slices.Index([]string{"kk", "ru", "en"}, lang)
	if i < 0 {
		return [3]string{name, name, name}
	}
	var names [3]string
	names[i] = name
	return names
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
// ids of the entities met so far in the transaction (entityKey).
func insertRelease(ctx context.Context, tx *sqlx.Tx, r NewRelease, entities map[string]int64) (bool, error) {
	n, err := insertReleases(ctx, tx, []NewRelease{r}, entities)
	return n == 1, err
}
