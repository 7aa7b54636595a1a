// Command newsbot-bench is newsbot's benchmark at country scale: it fills a
// separate database with generated data (package bench), measures the real
// code paths on it, and prints the report as markdown (see BENCHMARKS.md).
// It is a binary of its own so that the production binary, newsbot, does not
// carry the generator and its vocabularies.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // zones resolve even on images without a zone database
)

const usage = `newsbot-bench — fill a separate database and measure (see BENCHMARKS.md)

Usage:
  newsbot-bench [--releases N] [--chats N] [--db URL] [flags]

The database (--db, default newsbot_bench on DATABASE_URL's server) is dropped
and recreated; it is never DATABASE_URL's own. The report goes to standard
output, progress to standard error.

Environment:
  DATABASE_URL  default postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable

Flags:
`

// defaultDatabaseURL is newsbot's default DATABASE_URL: the bench database
// goes on its server.
const defaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	var ue usageError
	switch {
	case err == nil:
	case errors.As(err, &ue):
		fmt.Fprintln(os.Stderr, "newsbot-bench:", err)
		printUsage(os.Stderr)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "newsbot-bench:", err)
		os.Exit(1)
	}
}

type usageError string

func (e usageError) Error() string { return string(e) }

// run is main without the process, for tests: it reads DATABASE_URL
// through getenv and runs the benchmark.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 1 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		printUsage(stdout)
		return nil
	}
	dsn := strings.TrimSpace(getenv("DATABASE_URL"))
	if dsn == "" {
		dsn = defaultDatabaseURL
	}
	return runBench(ctx, dsn, args, stdout, stderr)
}

// printUsage prints the usage text and every flag with its default.
func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	fs, _ := benchFlags()
	fs.SetOutput(w)
	fs.PrintDefaults()
}
