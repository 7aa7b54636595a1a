package store_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

func TestMigrationsAreCurrent(t *testing.T) {
	st := testdb.Open(t)
	ok, err := st.MigrationsCurrent(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatal("fresh test database has pending migrations")
	}
}

func TestOneRoundTripKeepsTheOperatorsChoice(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://u@h:5432/db?sslmode=disable":     "postgres://u@h:5432/db?binary_parameters=yes&sslmode=disable",
		"postgres://u@h/db?binary_parameters=no":     "postgres://u@h/db?binary_parameters=no",
		"host=/run/postgresql dbname=newsbot":        "host=/run/postgresql dbname=newsbot binary_parameters=yes",
		"host=h dbname=newsbot binary_parameters=no": "host=h dbname=newsbot binary_parameters=no",
	} {
		if got := store.OneRoundTrip(dsn); got != want {
			t.Errorf("OneRoundTrip(%q) = %q, want %q", dsn, got, want)
		}
	}
}
