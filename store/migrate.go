package store

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/newsbot-kz/newsbot/migrations"
)

// Migrate applies every pending migration, each in its own transaction. A
// PostgreSQL session lock makes two processes starting together take turns.
func (s *Store) Migrate(ctx context.Context) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// MigrationsCurrent reports whether the schema is at the newest version.
func (s *Store) MigrationsCurrent(ctx context.Context) (bool, error) {
	p, err := s.migrator()
	if err != nil {
		return false, err
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, fmt.Errorf("store: migration status: %w", err)
	}
	return !pending, nil
}

func (s *Store) migrator() (*goose.Provider, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("store: migration lock: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, s.db.DB, migrations.FS,
		goose.WithSessionLocker(locker), goose.WithGoMigrations(goMigrations()...))
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	return p, nil
}

// goMigrations are the migrations written in Go, numbered among the SQL
// files of package migrations: those that need rules the store has in Go.
func goMigrations() []*goose.Migration {
	return []*goose.Migration{
		goose.NewGoMigration(7, &goose.GoFunc{RunTx: scheduleSubscribedChats}, nil),
	}
}
