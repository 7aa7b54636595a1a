package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/newsbot-kz/newsbot/bench"
	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/store"
)

// benchDatabase is the database newsbot-bench fills when --db is not
// given, on DATABASE_URL's server.
const benchDatabase = "newsbot_bench"

// flags are newsbot-bench's command line.
type flags struct {
	releases, chats, newDay, queries *int
	dbURL, profile, alertsAt         *string
	keep, reuse                      *bool
	send30, send1000, ilike          *time.Duration
	seed                             *uint64
}

// benchFlags defines the command line; printUsage lists it too.
func benchFlags() (*flag.FlagSet, flags) {
	fs := flag.NewFlagSet("newsbot-bench", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs, flags{
		releases: fs.Int("releases", 1_000_000, "releases in the archive"),
		chats:    fs.Int("chats", 100_000, "chats, each with 1 to 10 subscriptions"),
		newDay:   fs.Int("new", 3_000, "releases of the new day, imported before the digest"),
		queries:  fs.Int("queries", 200, "/search queries"),
		dbURL:    fs.String("db", "", "database to fill; it is dropped and recreated"),
		keep:     fs.Bool("keep", false, "keep the database afterwards"),
		reuse:    fs.Bool("reuse", false, "measure /search and /latest only, on a database a run with --keep filled"),
		send30:   fs.Duration("send-30", time.Minute, "how long to deliver at 30 messages a second"),
		send1000: fs.Duration("send-1000", 20*time.Second, "how long to deliver at 1000 messages a second"),
		ilike:    fs.Duration("ilike-budget", 2*time.Minute, "time the ILIKE baseline may take"),
		profile:  fs.String("cpuprofile", "", "write a CPU profile of the digest pass to this file"),
		seed:     fs.Uint64("seed", 1, "seed of the generated data"),
		alertsAt: fs.String("alerts-at", "1000", "Bot API limits (messages a second) to send a burst's alerts at, comma-separated"),
	}
}

// runBench drops and recreates a separate database (never operatorURL's),
// fills it with generated data, measures, and prints the report as
// markdown. Progress goes to progress.
func runBench(ctx context.Context, operatorURL string, args []string, stdout, progress io.Writer) error {
	fs, f := benchFlags()
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	var alertRates []int
	for _, v := range strings.Split(*f.alertsAt, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 1000 {
			return usageError("--alerts-at must be messages a second from 1 to 1000, comma-separated")
		}
		alertRates = append(alertRates, n)
	}
	target, err := benchURL(operatorURL, *f.dbURL)
	if err != nil {
		return err
	}
	if !*f.reuse {
		if err := recreateDatabase(ctx, target); err != nil {
			return err
		}
		if !*f.keep {
			defer dropDatabase(target)
		}
	}
	st, err := openStore(ctx, target)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := bench.Options{
		Releases: *f.releases, Chats: *f.chats, NewReleases: *f.newDay, Queries: *f.queries,
		ILIKEBudget: *f.ilike, CPUProfile: *f.profile, Seed: *f.seed, AlertRates: alertRates,
		Deliveries: []bench.Delivery{{PerSecond: 30, For: *f.send30}, {PerSecond: 1000, For: *f.send1000}},
		Log:        slog.New(slog.NewTextHandler(progress, nil)),
	}
	run := bench.Run
	if *f.reuse {
		run = bench.RunReads
	}
	rep, err := run(ctx, st, opts)
	if err != nil {
		return err
	}
	rep.Command = strings.TrimSpace("newsbot-bench " + strings.Join(args, " "))
	rep.Markdown(stdout)
	return nil
}

// openStore opens the freshly created bench database as every newsbot
// command opens its own: migrated, with the entity catalogue, which the
// generator draws its entities from.
func openStore(ctx context.Context, dsn string) (*store.Store, error) {
	return catalogue.OpenStore(ctx, dsn)
}

// benchURL is the database to fill: given, or DATABASE_URL's server with
// the database newsbot_bench. It is never DATABASE_URL's own database.
func benchURL(operator, given string) (string, error) {
	op, err := url.Parse(operator)
	if err != nil || (op.Scheme != "postgres" && op.Scheme != "postgresql") {
		return "", fmt.Errorf("DATABASE_URL must be a postgres:// URL")
	}
	target := *op
	target.Path = "/" + benchDatabase
	if given != "" {
		g, err := url.Parse(given)
		if err != nil || (g.Scheme != "postgres" && g.Scheme != "postgresql") || strings.Trim(g.Path, "/") == "" {
			return "", usageError("--db must be a URL like postgres://user@host:5432/newsbot_bench")
		}
		target = *g
	}
	if target.Host == op.Host && strings.Trim(target.Path, "/") == strings.Trim(op.Path, "/") {
		return "", usageError("the bench database is dropped and recreated, so it cannot be " +
			"DATABASE_URL's; give another with --db")
	}
	return target.String(), nil
}

// recreateDatabase drops the database of dsn, if it exists, and creates it
// empty.
func recreateDatabase(ctx context.Context, dsn string) error {
	admin, name, err := adminOf(dsn)
	if err != nil {
		return err
	}
	defer admin.Close()
	for _, q := range []string{
		`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`,
		`CREATE DATABASE ` + pq.QuoteIdentifier(name),
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("bench: %s: %w", q, err)
		}
	}
	return nil
}

// dropDatabase drops the bench database when the run ends, even when it was
// interrupted.
func dropDatabase(dsn string) {
	admin, name, err := adminOf(dsn)
	if err != nil {
		return
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`)
}

// adminOf connects to the maintenance database of dsn's server and returns
// the name of dsn's database.
func adminOf(dsn string) (*sqlx.DB, string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, "", fmt.Errorf("bench: database URL: %w", err)
	}
	name := strings.Trim(u.Path, "/")
	u.Path = "/postgres"
	db, err := sqlx.Open("postgres", u.String())
	return db, name, err
}
