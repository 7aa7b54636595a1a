package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jmoiron/sqlx"
)

const entityColumns = `e.id, e.slug, e.kind, e.name_kk, e.name_ru, e.name_en, e.in_catalogue,
	COALESCE(p.slug, '') AS parent_slug`

// collations are the ICU collations found on the server (Store.collation).
type collations struct {
	mu    sync.Mutex
	names map[string]bool
}

const entityFrom = ` FROM entities e LEFT JOIN entities p ON p.id = e.parent_id `

// SyncCatalogue makes the stored entities agree with the catalogue: new ones
// are added, known ones get the catalogue's names, kind and parent. Entities
// that are not in the catalogue are left as they are.
func (s *Store) SyncCatalogue(ctx context.Context, ents []Entity) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, e := range ents {
			_, err := tx.ExecContext(ctx, `
				INSERT INTO entities (slug, kind, name_kk, name_ru, name_en, aliases, in_catalogue, slug_inferred)
				VALUES ($1, $2, $3, $4, $5, $6, true, $7)
				ON CONFLICT (slug) DO UPDATE SET kind = $2, name_kk = $3, name_ru = $4,
					name_en = $5, aliases = $6, in_catalogue = true, slug_inferred = $7`,
				e.Slug, e.Kind, e.NameKK, e.NameRU, e.NameEN, e.Aliases, e.SlugInferred)
			if err != nil {
				return fmt.Errorf("store: catalogue entity %s: %w", e.Slug, err)
			}
		}
		// Parents in a second pass: a child may be listed before its parent.
		for _, e := range ents {
			_, err := tx.ExecContext(ctx, `
				UPDATE entities SET parent_id = (SELECT id FROM entities WHERE slug = $2)
				WHERE slug = $1`, e.Slug, e.ParentSlug)
			if err != nil {
				return fmt.Errorf("store: catalogue parent of %s: %w", e.Slug, err)
			}
		}
		return nil
	})
}

// EntityBySlug returns the entity with this slug, in any letter case.
func (s *Store) EntityBySlug(ctx context.Context, slug string) (Entity, error) {
	var e Entity
	err := s.db.GetContext(ctx, &e, `SELECT `+entityColumns+entityFrom+
		`WHERE e.slug = lower($1)`, strings.TrimSpace(noNUL(slug)))
	if errors.Is(err, sql.ErrNoRows) {
		return Entity{}, ErrNotFound
	}
	if err != nil {
		return Entity{}, fmt.Errorf("store: entity %s: %w", slug, err)
	}
	return e, nil
}

// EntityByID returns the entity with this id.
func (s *Store) EntityByID(ctx context.Context, id int64) (Entity, error) {
	var e Entity
	err := s.db.GetContext(ctx, &e, `SELECT `+entityColumns+entityFrom+`WHERE e.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Entity{}, ErrNotFound
	}
	if err != nil {
		return Entity{}, fmt.Errorf("store: entity %d: %w", id, err)
	}
	return e, nil
}

// FindEntities returns up to limit entities whose slug, name in any
// language or alias contains text, or whose canonical names match the
// tsquery match (textmatch.SearchQuery of text: Венгрия finds the embassy
// "in Hungary", Будапешт its alias; "" matches by text alone), catalogue
// entities first.
//
// Within a kind a body comes before the subdivisions of its own kind under
// it (the city akimat of Shymkent before its districts' akimats, which a
// short list would otherwise show alone), each part in the alphabetical
// order of the names in lang (nameOrder).
func (s *Store) FindEntities(ctx context.Context, text, match, lang string, limit int) ([]Entity, error) {
	pattern := "%" + escapeLike(strings.TrimSpace(noNUL(text))) + "%"
	var ents []Entity
	err := s.db.SelectContext(ctx, &ents, `SELECT `+entityColumns+entityFrom+`
		WHERE e.slug ILIKE $1 OR e.name_kk ILIKE $1 OR e.name_ru ILIKE $1 OR e.name_en ILIKE $1
		   OR e.aliases ILIKE $1 OR ($3 <> '' AND e.canon @@ to_tsquery('simple', $3))
		ORDER BY `+s.findOrder(ctx, lang)+`
		LIMIT $2`, pattern, limit, match)
	if err != nil {
		return nil, fmt.Errorf("store: find entities: %w", err)
	}
	return ents, nil
}

// findOrder is the order FindEntities and EntitiesNamed list entities in.
func (s *Store) findOrder(ctx context.Context, lang string) string {
	return `e.in_catalogue DESC, e.kind, COALESCE(p.kind = e.kind, false), ` + s.nameOrder(ctx, lang, false) + `, e.slug`
}

// EntitiesNamed are the entities whose names or aliases (their places'
// names among them) match the canonical tsquery match, as a search's words
// would, in FindEntities's order, when no more than most of them do: words that
// match more name a kind of source or a place (акимат; Shymkent, with its
// city and five district akimats), not a source, and get none. Unlike
// FindEntities it looks for words, not substrings: «су» names no source.
func (s *Store) EntitiesNamed(ctx context.Context, match, lang string, most int) ([]Entity, error) {
	if match == "" {
		return nil, nil
	}
	var ents []Entity
	err := s.db.SelectContext(ctx, &ents, `SELECT `+entityColumns+entityFrom+`
		WHERE e.canon @@ to_tsquery('simple', $1)
		ORDER BY `+s.findOrder(ctx, lang)+`
		LIMIT $2`, noNUL(match), most+1)
	if err != nil {
		return nil, fmt.Errorf("store: entities named: %w", err)
	}
	if len(ents) > most {
		return nil, nil
	}
	return ents, nil
}

// EntitiesByKind lists the entities of one kind (all kinds when kind is ""),
// catalogue entities first, each part in the alphabetical order of the
// names a reader of lang sees on the catalogue's buttons (Entity.ShortName,
// nameOrder), with offset paging: the slug breaks ties, so pages neither
// repeat nor skip an entity.
func (s *Store) EntitiesByKind(ctx context.Context, kind, lang string, offset, limit int) ([]Entity, error) {
	var ents []Entity
	err := s.db.SelectContext(ctx, &ents, `SELECT `+entityColumns+entityFrom+`
		WHERE $1 = '' OR e.kind = $1
		ORDER BY e.in_catalogue DESC, `+s.nameOrder(ctx, lang, true)+`, e.slug
		OFFSET $2 LIMIT $3`, noNUL(kind), offset, limit)
	if err != nil {
		return nil, fmt.Errorf("store: entities of kind %q: %w", kind, err)
	}
	return ents, nil
}

// nameSQL is, per language, the name Entity.Name shows: the name in that
// language, falling back to the others and to the slug.
var nameSQL = map[string]string{
	"kk": `COALESCE(NULLIF(e.name_kk, ''), NULLIF(e.name_ru, ''), NULLIF(e.name_en, ''), e.slug)`,
	"ru": `COALESCE(NULLIF(e.name_ru, ''), NULLIF(e.name_kk, ''), NULLIF(e.name_en, ''), e.slug)`,
	"en": `COALESCE(NULLIF(e.name_en, ''), NULLIF(e.name_ru, ''), NULLIF(e.name_kk, ''), e.slug)`,
}

// nameOrder is the ORDER BY term that sorts entities by their name in lang
// (English for any other), or by their ShortName when short, under the ICU
// collation of that language:
// Kazakh puts Ә after А, Қ after К, Ұ and Ү after У, and І last; Russian
// and English sort their own letters before the others' scripts. Without
// ICU (a server built without it) the database's default collation
// sorts instead.
func (s *Store) nameOrder(ctx context.Context, lang string, short bool) string {
	expr, ok := nameSQL[lang]
	if !ok {
		lang, expr = "en", nameSQL["en"]
	}
	if short {
		expr = `COALESCE(NULLIF(regexp_replace(` + expr + `, '` + countryQualifier + `', ''), ''), ` + expr + `)`
	}
	if c := s.collation(ctx, lang); c != "" {
		return expr + ` COLLATE "` + c + `"`
	}
	return expr
}

// collation is the ICU collation of lang the server has ("kk-x-icu", or
// "und-x-icu" when that one is missing), "" when it has none; looked up
// once, and again after a failed look-up.
func (s *Store) collation(ctx context.Context, lang string) string {
	s.coll.mu.Lock()
	defer s.coll.mu.Unlock()
	if s.coll.names == nil {
		var names []string
		if err := s.db.SelectContext(ctx, &names, `SELECT collname FROM pg_collation
			WHERE collprovider = 'i' AND collname IN ('kk-x-icu', 'ru-x-icu', 'en-x-icu', 'und-x-icu')`); err != nil {
			return ""
		}
		s.coll.names = map[string]bool{}
		for _, n := range names {
			s.coll.names[n] = true
		}
	}
	for _, c := range []string{lang + "-x-icu", "und-x-icu"} {
		if s.coll.names[c] {
			return c
		}
	}
	return ""
}

// EntityCounts returns how many entities there are of each kind.
func (s *Store) EntityCounts(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		Kind  string `db:"kind"`
		Count int    `db:"count"`
	}
	if err := s.db.SelectContext(ctx, &rows,
		`SELECT kind, count(*) AS count FROM entities GROUP BY kind`); err != nil {
		return nil, fmt.Errorf("store: entity counts: %w", err)
	}
	counts := make(map[string]int, len(rows))
	for _, r := range rows {
		counts[r.Kind] = r.Count
	}
	return counts, nil
}

// escapeLike escapes the wildcards of a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// EntitySlugs are the slugs of every entity, for suggesting one to a user
// who mistyped it.
func (s *Store) EntitySlugs(ctx context.Context) ([]string, error) {
	var out []string
	if err := s.db.SelectContext(ctx, &out, `SELECT slug FROM entities ORDER BY slug`); err != nil {
		return nil, fmt.Errorf("store: entity slugs: %w", err)
	}
	return out, nil
}
