package store_test

import (
	"context"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
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
