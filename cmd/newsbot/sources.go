package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/store"
)

// runSources runs "newsbot sources [status]": every source with its last
// success, last error and next poll. It shows the sources as the current
// configuration would have them, so a new setting shows at once, but
// changes nothing: a status command is safe to run at any time.
func runSources(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) > 1 || len(args) == 1 && args[0] != "status" {
		return usageError("sources takes one subcommand: status")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := poll.New(st, pollOptions(cfg, log))
	if err != nil {
		return err
	}
	srcs, err := p.Preview(ctx)
	if err != nil {
		return err
	}
	printSources(stdout, srcs, time.Now())
	return nil
}

func printSources(w io.Writer, srcs []store.Source, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tSTATE\tLAST SUCCESS\tNEXT POLL\tLAST ERROR")
	for _, s := range srcs {
		lastErr := "-"
		if s.LastErrorAt != nil {
			lastErr = ago(s.LastErrorAt, now) + ": " + shorten(s.LastError, 90)
		}
		next := until(s.NextPollAt, now)
		if !s.Enabled {
			next = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Name(), state(s), ago(s.LastSuccessAt, now), next, lastErr)
	}
	tw.Flush()
}

func state(s store.Source) string {
	switch {
	case !s.Enabled:
		return "disabled"
	case s.ConsecutiveFailures > 0:
		return fmt.Sprintf("failing (%d in a row)", s.ConsecutiveFailures)
	case s.LastPollAt == nil:
		return "not polled yet"
	}
	return "ok (" + s.LastMethod + ")"
}

func ago(t *time.Time, now time.Time) string {
	if t == nil {
		return "never"
	}
	return roughly(now.Sub(*t)) + " ago"
}

func until(t, now time.Time) string {
	if !t.After(now) {
		return "due now"
	}
	return "in " + roughly(t.Sub(now))
}

// roughly is a duration as a person reads it: 40s, 12m, 5h07m, 3d.
func roughly(d time.Duration) string {
	d = max(d, 0)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
