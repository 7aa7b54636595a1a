// Package golden compares a test's output with a file kept in testdata,
// for the packages whose tests render whole messages (tgtext, digest).
package golden

import (
	"flag"
	"os"
	"testing"
)

// update is the -update flag: rewrite the golden files instead of
// comparing with them.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Compare fails t when got differs from the file at path, or writes got
// there when the test runs with -update.
func Compare(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update in its package creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update in its package rewrites it); got:\n%s", path, got)
	}
}
