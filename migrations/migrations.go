// Package migrations holds the database schema as numbered SQL files, applied
// in order by goose (store.Migrate). A file never changes once it has landed:
// a change to the schema is a new file. A migration that needs rules written
// in Go (the digest schedule) is registered by the store under its number
// instead (store/migrate.go, goMigrations): number 7 is one.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
