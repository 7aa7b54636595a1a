// Package migrations holds the database schema as numbered SQL files, applied
// in order by goose (store.Migrate). A file never changes once it has landed:
// a change to the schema is a new file.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
