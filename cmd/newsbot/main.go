// Command newsbot is the production binary of newsbot: it migrates the
// database, imports releases, serves the Telegram bot, and offers a console
// to try the bot without a token. Run "newsbot help" for the subcommands.
// It only reads the configuration and wires the packages together; the
// benchmark is a binary of its own, cmd/newsbot-bench.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // zones resolve even on images without a zone database

	"github.com/newsbot-kz/newsbot/internal/redact"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `newsbot — Kazakhstan's official news on Telegram

Usage:
  newsbot migrate              create the database if needed and apply migrations
  newsbot import FILE...       import releases (Enbekshi QazaQ page text or JSON Lines)
  newsbot serve                run the bot (long polling, or a webhook)
  newsbot console              try the bot in the terminal, no token needed
  newsbot search QUERY         full-text search from the command line
  newsbot fetch [--entity SLUG ...] [--verbose]
                               poll the due sources once (or every source of the entities),
                               a line per source as it finishes; --verbose logs raw errors
  newsbot sources status       each source's last success, last error and next poll
  newsbot digest run [--now RFC3339] [--wait 2m]
                               build the digests due now (or as of --now) and deliver them
                               at once; after --wait, what is not sent stays queued for
                               serve. Exit 0: all sent; 1: something left (on stderr)
  newsbot digest preview --chat ID [--now RFC3339]
                               print a chat's next digest, changing nothing
  newsbot version              print the version

The benchmark is a command of its own (see BENCHMARKS.md):
  go run ./cmd/newsbot-bench [--releases N] [--chats N] [--db URL]

Environment (every setting is optional except where said):
  DATABASE_URL        default postgres://postgres@127.0.0.1:5432/newsbot?sslmode=disable
  TELEGRAM_BOT_TOKEN  the bot's token, from @BotFather (serve: required)
  TELEGRAM_API_URL    Bot API server, default https://api.telegram.org
  HTTP_ADDR           address for /healthz, /readyz and the webhook (serve), e.g. :8080;
                      also /metrics when there is no webhook and no METRICS_ADDR
  METRICS_ADDR        address for /metrics, /healthz and /readyz alone, e.g. 127.0.0.1:9090
  TELEGRAM_WEBHOOK_URL     https URL Telegram posts updates to (webhook mode); default long polling
  TELEGRAM_WEBHOOK_SECRET  the secret Telegram sends with each update (webhook mode)
  POLLER_RETRY        how often a replica tries to become the one poller, default 10s
  ADMIN_CHAT_IDS      chat ids allowed /stats, comma-separated; default none
  GOVKZ_BASE_URL      gov.kz or a mirror, default https://www.gov.kz
  GOVKZ_PRIMARY       rss (default) or api; the other is the fallback
  POLL_ENTITIES       catalogue slugs and kind:KIND polled besides followed entities, or none;
                      default shymkent,astana,almaty,mfa,kind:embassy
  POLL_LANGS          languages polled of each entity: kk, ru, en; default kk,ru
  POLL_INTERVAL       per source, default 10m; off: serve does not poll
  FETCH_TIMEOUT       per request, default 30s
  FEEDS, FEEDS_FILE   other RSS/Atom feeds: URL or slug=URL, comma-separated or one a line;
                      default none
  DIGEST_MAX_AGE_DAYS releases published longer ago stay out of digests, default 7
  DIGEST_MAX_ITEMS    stories in one digest before "and N more", default 30
  SEND_RATE           messages a second overall, default 30 (above 30: paid broadcasts)
  SEND_CHAT_INTERVAL  least gap between two messages to one chat, default 1s
  SEND_RETRY_FOR      how long a message is retried through Telegram errors, default 6h
  ALERTS_PER_DAY      instant alert messages a chat gets in 24 hours, default 20
  NEWSBOT_LANG        the console user's language: kk, ru or en; default from LANG, else en
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitStatus(err, os.Stderr))
}

// exitStatus reports err on stderr and returns the exit status: 0, 2 for a
// mistake in how newsbot was called, 1 for anything else. Only a missing
// or unknown command is followed by the whole usage: a mistake in a
// command's arguments is said in its one line.
func exitStatus(err error, stderr io.Writer) int {
	var ue usageError
	var ce commandError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, "newsbot:", err)
		fmt.Fprint(stderr, usage)
		return 2
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "newsbot:", err)
		return 2
	}
	fmt.Fprintln(stderr, "newsbot:", err)
	return 1
}

// usageError is a mistake in a command's arguments.
type usageError string

func (e usageError) Error() string { return string(e) }

// commandError is a missing or unknown command: the usage lists them.
type commandError string

func (e commandError) Error() string { return string(e) }

// run executes one subcommand; it is main without the process, for tests.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return commandError("no command given")
	}
	cfg := LoadConfig(getenv)
	// Whatever logs, the token does not reach the log.
	log := redact.Logger(newLogger(stderr, slog.LevelInfo), cfg.TelegramToken)
	cmd, rest := args[0], args[1:]
	if cmd == "version" {
		fmt.Fprintln(stdout, "newsbot", version)
		return nil
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	if err := cfg.Validate(cmd == "serve"); err != nil {
		return err
	}
	switch cmd {
	case "migrate":
		return runMigrate(ctx, cfg, stdout)
	case "import":
		return runImport(ctx, cfg, rest, stdout)
	case "search":
		return runSearch(ctx, cfg, rest, stdout)
	case "serve":
		return runServe(ctx, cfg, log)
	case "console":
		return runConsole(ctx, cfg, log, getenv, stdin, stdout)
	case "fetch":
		return runFetch(ctx, cfg, log, rest, stdout, stderr)
	case "sources":
		return runSources(ctx, cfg, log, rest, stdout)
	case "digest":
		return runDigest(ctx, cfg, log, rest, stdout, stderr)
	}
	return commandError(fmt.Sprintf("unknown command %q", cmd))
}

// newLogger logs JSON when stderr is not a terminal (containers, journald)
// and text for a person at a terminal.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if isTerminal(w) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// isTerminal reports whether w is a terminal, where a person reads it.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
