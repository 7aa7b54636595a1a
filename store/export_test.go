package store

import "context"

// OneRoundTrip exposes oneRoundTrip to the tests.
var OneRoundTrip = oneRoundTrip

// MigrateDownTo rolls the migrations back to version v, for a test of the
// migration after it.
func (s *Store) MigrateDownTo(ctx context.Context, v int64) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, v)
	return err
}

// SetKeywordMatchCap makes a backfill store at most n matches a query
// until the test ends.
func SetKeywordMatchCap(t interface{ Cleanup(func()) }, n int) {
	old := keywordMatchCap
	keywordMatchCap = n
	t.Cleanup(func() { keywordMatchCap = old })
}
