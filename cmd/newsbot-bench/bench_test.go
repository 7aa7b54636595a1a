package main

import (
	"context"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestBenchSmoke runs newsbot-bench at a tiny size on a database of its
// own and checks that the report holds every section with its figures. It
// asserts no timing: the figures of a full run are in BENCHMARKS.md.
func TestBenchSmoke(t *testing.T) {
	var out strings.Builder
	db := testdb.URL(t)
	err := run(context.Background(), []string{
		"--db", db, "--keep", "--releases", "3000", "--chats", "300", "--new", "300",
		"--queries", "22", "--ilike-budget", "1s", "--send-30", "1s", "--send-1000", "1s",
	}, func(string) string { return "" }, &out, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	report := out.String()
	for _, want := range []string{
		`Machine: .+ \d+ cores`,
		"Command: `newsbot-bench --db ",
		`(?m)^\| archive \| 3,000 releases`,
		`(?m)^## 1\. /search latency at 3,000 releases\n\n(.*\n){2}\| /search: .* \| 22 \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \|`,
		`(?m)^\| baseline: sequential scan .* \| \d+ \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \|`,
		`(?m)^\| the same, fifth page .* \| \d+ \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \|`,
		"The slowest first pages:\n\n\\| query \\| parsed to \\| first page \\|\n\\|---\\|---\\|---\\|\n\\| .+ \\| `.+` \\| [\\d.]+ [µm]?s \\|",
		`(?m)^## 2\. Building every digest for 300 chats\n\n(.*\n){2}\| 300 \| [\d,]+ \| [\d,]+ \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+% \|`,
		`(?m)^## 3\. Delivery throughput.*\n\n(.*\n){2}\| 30/s \| \d+ \| [\d.]+/s \| [\d.]+% \| \d+ \|.*\n\| 1000/s \| \d+ \| [\d.]+/s`,
		`(?m)^## 4\. Import throughput\n\n(.*\n){2}\| store\.ImportReleases, 100 a call \| 100 \| [\d.]+ [µm]?s \| \d+ \|\n\| store\.ImportReleases, all in one call .* \| 100 \| [\d.]+ [µm]?s \| \d+ \|\n\| baseline: .* \| 100 \| [\d.]+ [µm]?s \| \d+ \|`,
		`(?m)^## 5\. Peak memory .*\n\n(.*\n){2}\| Go heap in use .* \| [\d.]+ [KMG]iB \| [\d.]+ [KMG]iB \|\n\| process RSS .* \| [\d.]+ [KMG]iB \| [\d.]+ [KMG]iB \|`,
		`(?m)^## 6\. Instant alerts: a burst of 50 releases, 300 chats of which \d+ .*\n\n(.*\n){2}\| 1000/s \| [\d,]+ \| [1-9][\d,]* \| [\d.]+ [µm]?s \| [1-9][\d,]* \| [\d.]+ [µm]?s \|`,
		`(?m)^## 7\. /latest at [\d,]+ releases\n\n(.*\n){2}(.*\n){2}\| everything \| 20 \| [\d.]+ [µm]?s \|`,
		`(?m)^\| a chat: 3 keywords matching nothing \| 20 \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s`,
		`(?m)^\| /latest WORDS typed \(the /search queries as keywords\) \| [1-9]\d* \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s \| [\d.]+ [µm]?s`,
		`Keyword index .*: [1-9]\d* distinct keyword queries backfilled from the archive in [\d.]+ [µm]?s`,
		`a pass over [1-9][\d,]* new arrivals added [\d,]+ matches in [\d.]+ [µm]?s`,
		`keyword_matches then held [1-9][\d,]* rows, [\d.]+ [KMG]iB with its indexes`,
	} {
		if !regexp.MustCompile(want).MatchString(report) {
			t.Errorf("report lacks %s\n\n%s", want, report)
		}
	}

	// --reuse measures the reads again on the kept database, loading nothing.
	out.Reset()
	if err := run(context.Background(), []string{"--db", db, "--reuse", "--queries", "22", "--ilike-budget", "1s"},
		func(string) string { return "" }, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Reads only \(--reuse\), on a database an earlier run filled: 3,\d{3} releases`,
		`(?m)^## 1\. /search latency at 3,\d{3} releases`,
		`(?m)^\| a chat: 3 keywords matching nothing \| 20 \| [\d.]+ [µm]?s`,
		`(?m)^\| /latest WORDS typed .* \| [1-9]\d* \| [\d.]+ [µm]?s`,
	} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("--reuse report lacks %s\n\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "## 2.") {
		t.Errorf("--reuse report builds digests:\n%s", out.String())
	}
}

func TestBenchRefusesTheOperatorsDatabase(t *testing.T) {
	for _, tc := range []struct{ operator, given string }{
		{"postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable", "postgres://postgres@127.0.0.1:5432/newsbot"},
		{"postgres://postgres@127.0.0.1:5432/newsbot_bench?sslmode=disable", ""},
	} {
		if _, err := benchURL(tc.operator, tc.given); err == nil {
			t.Errorf("benchURL(%q, %q): no error, want a refusal", tc.operator, tc.given)
		}
	}
	got, err := benchURL("postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable", "")
	if want := "postgres://postgres@127.0.0.1:5432/newsbot_bench?sslmode=disable"; err != nil || got != want {
		t.Errorf("benchURL default = %q, %v; want %q", got, err, want)
	}
}

func TestUsageListsTheFlags(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"--help"}, func(string) string { return "" }, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"newsbot-bench [--releases N]", "-send-1000 duration", "DATABASE_URL"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, out.String())
		}
	}
	err := run(context.Background(), []string{"--no-such-flag"}, func(string) string { return "" }, &out, io.Discard)
	if _, ok := err.(usageError); !ok {
		t.Errorf("an unknown flag: %v, want a usage error", err)
	}
}
