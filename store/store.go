// Package store owns newsbot's PostgreSQL database: the schema (applied from
// the migrations package), and every query the bot, the importer and the
// digest run. SQL is written by hand next to the method that runs it. The
// package imports no other project package but the embedded migrations.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ErrNotFound is returned when a row that was asked for does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is the database. It is safe for concurrent use.
type Store struct {
	db      *sqlx.DB
	prep    prepared
	coll    collations
	lexemes lexemeCache
}

// Open connects to the database at dsn and checks that it answers.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sqlx.Open("postgres", oneRoundTrip(dsn))
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	// As many idle as open: a sender at a thousand messages a second cycles
	// through every connection, and closing those above a smaller idle
	// limit meant a new PostgreSQL backend for nearly every message.
	db.SetMaxOpenConns(PoolSize)
	db.SetMaxIdleConns(PoolSize)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", redactDSN(dsn), err)
	}
	return &Store{db: db}, nil
}

// oneRoundTrip sets lib/pq's binary_parameters on dsn unless it says
// otherwise. Without it, a query with parameters costs two round trips
// (prepare, then execute); with it, one: parse, bind and execute go
// together. The sender makes four queries a message, at up to a thousand
// messages a second. The option's other effect, []byte arguments sent as
// binary, concerns no query here: the store passes none.
func oneRoundTrip(dsn string) string {
	if strings.Contains(dsn, "binary_parameters") {
		return dsn
	}
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("binary_parameters", "yes")
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " binary_parameters=yes"
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.closePrepared()
	return s.db.Close()
}

// DB exposes the pool for tests and for the few callers that need a raw
// connection (advisory locks held on their own connection).
func (s *Store) DB() *sqlx.DB { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// EnsureDatabase creates the database named in dsn when it does not exist,
// connecting to the server's "postgres" database to do so.
func EnsureDatabase(ctx context.Context, dsn string) error {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("store: DATABASE_URL must be a postgres:// URL")
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" {
		return fmt.Errorf("store: DATABASE_URL names no database")
	}
	admin := *u
	admin.Path = "/postgres"
	db, err := sqlx.Open("postgres", admin.String())
	if err != nil {
		return fmt.Errorf("store: open: %w", err)
	}
	defer db.Close()
	var exists bool
	if err := db.GetContext(ctx, &exists,
		`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name); err != nil {
		return fmt.Errorf("store: connect to %s: %w", redactDSN(admin.String()), err)
	}
	if exists {
		return nil
	}
	_, err = db.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name))
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "42P04" { // created meanwhile by another process
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: create database %s: %w", name, err)
	}
	return nil
}

// redactDSN hides the password of a connection URL so it can be logged.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the database"
	}
	return u.Redacted()
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
