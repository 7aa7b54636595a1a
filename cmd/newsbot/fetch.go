package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/internal/loglevel"
	"github.com/newsbot-kz/newsbot/internal/redact"
	"github.com/newsbot-kz/newsbot/metrics"
	"github.com/newsbot-kz/newsbot/store"
)

// pollOptions are the poller's options from the configuration.
func pollOptions(cfg Config, log *slog.Logger) poll.Options {
	return poll.Options{
		BaseURL:   cfg.GovkzBaseURL,
		Primary:   cfg.GovkzPrimary,
		Entities:  cfg.PollEntities,
		Langs:     cfg.PollLangs,
		Feeds:     cfg.Feeds,
		Interval:  cfg.PollInterval,
		Timeout:   cfg.FetchTimeout,
		UserAgent: "newsbot/" + version + " (+https://github.com/newsbot-kz/newsbot)",
		Logger:    log,
	}
}

// startPolling starts polling the sources in the background, for serve.
// The function it returns stops polling (if ctx has not ended already) and
// waits until the poll in hand has been recorded. POLL_INTERVAL=off starts
// nothing.
func startPolling(ctx context.Context, cfg Config, st *store.Store, log *slog.Logger, m *metrics.Metrics) (wait func()) {
	if cfg.PollInterval == 0 {
		log.Info("Polling is off (POLL_INTERVAL=off)")
		return func() {}
	}
	opts := pollOptions(cfg, log)
	opts.Observe = func(r poll.Result) {
		m.Fetched(r.Source.Name(), r.Outcome())
		m.ReleasesStored(r.Saved.New)
	}
	p, err := poll.New(st, opts)
	if err != nil { // Validate has checked every setting; this is a bug
		log.Error("Polling not started", slog.String("error", err.Error()))
		return func() {}
	}
	ctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx)
	}()
	return func() {
		stop()
		<-done
	}
}

// entityFlags collects repeated --entity flags; a value may also list
// several slugs separated by commas.
type entityFlags []string

func (e *entityFlags) String() string { return strings.Join(*e, ",") }
func (e *entityFlags) Set(v string) error {
	for _, s := range splitList(strings.ToLower(v)) {
		*e = append(*e, s)
	}
	return nil
}

// runFetch runs one polling pass, the due sources or every source of the
// given entities, and prints a line per source as it finishes, then a
// summary. It fails when a source failed or was skipped, after storing
// what the others brought.
func runFetch(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var entities entityFlags
	fs.Var(&entities, "entity", "an entity `SLUG` to fetch, due or not (repeatable)")
	verbose := fs.Bool("verbose", false, "log every request that got no answer, with its raw error")
	if err := fs.Parse(args); err != nil {
		return usageError("fetch: " + err.Error())
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Sprintf("fetch takes only --entity SLUG and --verbose options, not %q", fs.Arg(0)))
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	// Per-source lines go to stdout; the log keeps only what an operator
	// must see, such as a source failing for a day (reported once, here
	// or in serve), unless --verbose asks for the raw errors too.
	log = loglevel.AtLeast(log, slog.LevelWarn)
	if *verbose {
		log = redact.Logger(newLogger(stderr, slog.LevelDebug), cfg.TelegramToken)
	}
	p, err := poll.New(st, pollOptions(cfg, log))
	if err != nil {
		return err
	}
	rep := newFetchReport(stdout)
	results, err := p.PassWith(ctx, entities, poll.Progress{Start: rep.start, Done: rep.done})
	rep.finish()
	if err != nil {
		return err
	}
	return summarise(stdout, results)
}
