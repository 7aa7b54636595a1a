// Package testdb gives each test its own freshly migrated PostgreSQL database.
//
// Tests use the real PostgreSQL, never a mock. The schema is migrated once
// into a template database (named after a hash of the migrations, so a new
// migration makes a new template); each test then gets a copy made with
// CREATE DATABASE ... TEMPLATE, which takes a fraction of a second, and the
// copy is dropped when the test ends. Test packages therefore run in parallel
// without seeing each other's rows.
//
// The server is TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432 when
// unset. When it does not answer, the test fails with how to start one.
package testdb

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/migrations"
	"github.com/newsbot-kz/newsbot/store"
)

const defaultServer = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// howToStart is appended to every connection failure.
const howToStart = `PostgreSQL is needed by the tests and did not answer.
Start it with one of:
  .ci/run                                   (starts a local server when none answers, then runs the tests)
  pg_ctlcluster 15 main start               (Debian/Ubuntu packages)
  docker compose up -d postgres             (then TEST_DATABASE_URL=postgres://newsbot:newsbot@127.0.0.1:5432/postgres?sslmode=disable)
or point TEST_DATABASE_URL at a server, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable`

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// ServerURL is the URL of the server's maintenance database.
func ServerURL() string {
	if v := os.Getenv("TEST_DATABASE_URL"); v != "" {
		return v
	}
	return defaultServer
}

// URL creates a fresh, migrated database for t and returns its URL. The
// database is dropped when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	templateOnce.Do(func() { templateName, templateErr = ensureTemplate() })
	if errors.Is(templateErr, errUnreachable) {
		t.Fatalf("testdb: %v\n\n%s", templateErr, howToStart)
	}
	if templateErr != nil { // reached, but the template failed: a migration, say
		t.Fatalf("testdb: template database: %v", templateErr)
	}
	admin, err := sqlx.Open("postgres", ServerURL())
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	defer admin.Close()
	name := "newsbot_t_" + randomHex(6)
	if err := createFromTemplate(admin, name, templateName); err != nil {
		t.Fatalf("testdb: create %s: %v", name, err)
	}
	t.Cleanup(func() { dropDatabase(name) })
	return withDatabase(ServerURL(), name)
}

// Open creates a fresh database for t and opens a store on it.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), URL(t))
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// errUnreachable is a server that did not answer: the only failure the
// hint on how to start one is for.
var errUnreachable = errors.New("cannot reach PostgreSQL")

func ensureTemplate() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin, err := sqlx.Open("postgres", ServerURL())
	if err != nil {
		return "", err
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		return "", fmt.Errorf("%w at %s: %w", errUnreachable, redacted(ServerURL()), err)
	}
	name := "newsbot_tmpl_" + migrationsHash()
	// Test packages run in parallel processes: one builds the template while
	// the others wait on this lock, then find it built.
	conn, err := admin.Connx(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7531902)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(7531902)`)
	var ready bool
	err = conn.GetContext(ctx, &ready,
		`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)`, name)
	if err != nil || ready {
		return name, err
	}
	// A half-built template from an interrupted run is rebuilt.
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)); err != nil {
		return "", err
	}
	st, err := store.Open(ctx, withDatabase(ServerURL(), name))
	if err != nil {
		return "", err
	}
	err = st.Migrate(ctx)
	st.Close()
	if err != nil {
		return "", err
	}
	_, err = conn.ExecContext(ctx, `ALTER DATABASE `+pq.QuoteIdentifier(name)+` WITH is_template = true`)
	return name, err
}

func createFromTemplate(admin *sqlx.DB, name, template string) error {
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		_, err = admin.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(name) +
			` TEMPLATE ` + pq.QuoteIdentifier(template))
		var pqErr *pq.Error
		// 55006: the template is briefly in use by another copy being made.
		if !errors.As(err, &pqErr) || pqErr.Code != "55006" {
			return err
		}
		time.Sleep(time.Duration(50*(attempt+1)) * time.Millisecond)
	}
	return err
}

func dropDatabase(name string) {
	admin, err := sqlx.Open("postgres", ServerURL())
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`)
}

func migrationsHash() string {
	h := sha256.New()
	fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		h.Write([]byte(path))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func withDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	u.Path = "/" + name
	return u.String()
}

func redacted(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return strings.SplitN(dsn, "@", 2)[0]
	}
	return u.Redacted()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
