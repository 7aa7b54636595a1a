package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// entityRow is an entity LEFT JOINed as "e" into another query: every column
// may be NULL.
type entityRow struct {
	EID     *int64  `db:"e_id"`
	ESlug   *string `db:"e_slug"`
	EKind   *string `db:"e_kind"`
	ENameKK *string `db:"e_name_kk"`
	ENameRU *string `db:"e_name_ru"`
	ENameEN *string `db:"e_name_en"`
}

const entityRowColumns = `e.id AS e_id, e.slug AS e_slug, e.kind AS e_kind,
	e.name_kk AS e_name_kk, e.name_ru AS e_name_ru, e.name_en AS e_name_en`

func (r entityRow) entity() *Entity {
	if r.EID == nil {
		return nil
	}
	return &Entity{ID: *r.EID, Slug: *r.ESlug, Kind: *r.EKind,
		NameKK: *r.ENameKK, NameRU: *r.ENameRU, NameEN: *r.ENameEN}
}

// notFound turns sql.ErrNoRows into ErrNotFound and wraps other errors.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
