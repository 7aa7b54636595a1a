package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// failOnNthInsert makes the Nth insert into table raise, as a full disk, a
// broken constraint or a killed connection would in the middle of a file.
func failOnNthInsert(table string, n int) (add, drop string) {
	add = fmt.Sprintf(`
		CREATE SEQUENCE fault_inserts;
		CREATE FUNCTION fault_insert() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval('fault_inserts') = %d THEN
				RAISE EXCEPTION 'fault injected on insert %d into %s';
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER fault_insert BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION fault_insert();`,
		n, n, table, table)
	drop = fmt.Sprintf(`DROP TRIGGER fault_insert ON %s; DROP FUNCTION fault_insert(); DROP SEQUENCE fault_inserts;`, table)
	return add, drop
}

// TestInsertErrorDuringIngestStoresNothing proves that an insert failing in
// the middle of a file (a release the database refuses, or any error on
// the Nth row of releases or of release_versions) leaves nothing of that
// file stored: no release, no language version, no entity created on the
// way. Removing the fault, the same file then imports whole.
func TestInsertErrorDuringIngestStoresNothing(t *testing.T) {
	cases := []struct {
		name      string
		add, drop string
		ingest    func(t *testing.T, env map[string]string) error
	}{
		{name: "import: the 5th release insert fails", ingest: importFixture},
		{name: "import: a release mid-file violates a constraint", ingest: importFixture,
			add:  `ALTER TABLE releases ADD CONSTRAINT no_kyzylzhar CHECK (title NOT LIKE '%Kyzylzhar-2%') NOT VALID`,
			drop: `ALTER TABLE releases DROP CONSTRAINT no_kyzylzhar`},
		{name: "fetch: the 3rd language version insert fails", ingest: saveFetched},
	}
	cases[0].add, cases[0].drop = failOnNthInsert("releases", 5)
	cases[2].add, cases[2].drop = failOnNthInsert("release_versions", 3)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"DATABASE_URL": testdb.URL(t)}
			if _, err := runCmd(t, env, "", "migrate"); err != nil {
				t.Fatal(err)
			}
			db := sqlx.MustOpen("postgres", env["DATABASE_URL"])
			defer db.Close()
			before := counts(t, db)
			db.MustExec(tc.add)
			if err := tc.ingest(t, env); err == nil {
				t.Fatal("ingest succeeded with the fault in place")
			}
			if after := counts(t, db); after != before {
				t.Errorf("after the failed ingest: %+v; want nothing stored: %+v", after, before)
			}
			db.MustExec(tc.drop)
			if err := tc.ingest(t, env); err != nil {
				t.Fatalf("ingest without the fault: %v", err)
			}
			if after := counts(t, db); after.releases == before.releases {
				t.Error("ingest without the fault stored nothing either")
			}
		})
	}
}

type rowCounts struct{ releases, versions, entities int }

func counts(t *testing.T, db *sqlx.DB) rowCounts {
	t.Helper()
	var c rowCounts
	err := db.QueryRow(`SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM release_versions),
		(SELECT count(*) FROM entities)`).Scan(&c.releases, &c.versions, &c.entities)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func importFixture(t *testing.T, env map[string]string) error {
	_, err := runCmd(t, env, "", "import", fixture)
	return err
}

// saveFetched stores what a poll of a source not in the catalogue would
// bring: its entity is created on the way.
func saveFetched(t *testing.T, env map[string]string) error {
	ctx := context.Background()
	st, err := store.Open(ctx, env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var rels []store.NewRelease
	for i := int64(1); i <= 4; i++ {
		rels = append(rels, store.NewRelease{EntitySlug: "fault-test-akimat", GovkzID: i,
			ContentHash: fmt.Sprint("fault", i), URL: fmt.Sprintf("https://www.gov.kz/memleket/entities/fault-test-akimat/press/news/details/%d", i),
			Title: fmt.Sprint("Release ", i), Body: "Body.", Lang: "ru", PublishedOn: time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)})
	}
	_, err = st.SaveFetched(ctx, rels)
	return err
}
