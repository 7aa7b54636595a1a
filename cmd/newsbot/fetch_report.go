package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/newsbot-kz/newsbot/ingest/poll"
	"github.com/newsbot-kz/newsbot/store"
)

// sourceColumn is the width of the source column of fetch's lines: they
// are printed as they come, so the column cannot be fitted to the names.
const sourceColumn = 20

// fetchReport prints a fetch as it goes: a line per source as soon as it
// is done and, on a terminal, a progress bar under the lines. The poller
// calls it one result at a time.
type fetchReport struct {
	w   io.Writer
	tty bool
	bar *progressbar.ProgressBar // on a terminal, once the total is known
}

func newFetchReport(w io.Writer) *fetchReport {
	return &fetchReport{w: w, tty: isTerminal(w)}
}

func (f *fetchReport) start(total int) {
	if !f.tty || total == 0 {
		return
	}
	f.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f.w),
		progressbar.OptionSetDescription("fetching"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30))
	f.bar.RenderBlank()
}

func (f *fetchReport) done(r poll.Result) {
	line := resultLine(r)
	if f.bar == nil {
		fmt.Fprintln(f.w, line)
		return
	}
	// The line takes the bar's place; the bar is drawn again under it.
	f.bar.Clear()
	fmt.Fprintln(f.w, line)
	f.bar.Add(1)
}

// finish takes the bar away, leaving the lines.
func (f *fetchReport) finish() {
	if f.bar != nil {
		f.bar.Finish()
		f.bar = nil
	}
}

// resultLine is a source's line: its name, the method that answered, what
// the poll did.
func resultLine(r poll.Result) string {
	return fmt.Sprintf("%-*s  %-4s  %s", sourceColumn, r.Source.Name(), cmpOrDash(r.Method), r.Summary())
}

// summarise prints the totals of a pass and, in words, each host that was
// down, and returns an error when a source failed or was skipped.
func summarise(w io.Writer, results []poll.Result) error {
	if len(results) == 0 {
		fmt.Fprintln(w, "no source is due; newsbot sources status shows when each is")
		return nil
	}
	var total store.SaveResult
	var failed []string // the names of the failed sources, for the error
	skipped := map[poll.HostDown]int{}
	for _, r := range results {
		total.New += r.Saved.New
		total.Versions += r.Saved.Versions
		total.Updated += r.Saved.Updated
		switch {
		case r.Failed():
			failed = append(failed, r.Source.Name())
		case r.Down != nil:
			skipped[*r.Down]++
		}
	}
	nSkipped := 0
	for _, n := range skipped {
		nSkipped += n
	}
	fmt.Fprintf(w, "%d sources polled: %d new, %d new language versions, %d updated, %d failed",
		len(results)-nSkipped, total.New, total.Versions, total.Updated, len(failed))
	if nSkipped > 0 {
		fmt.Fprintf(w, ", %d skipped", nSkipped)
	}
	fmt.Fprintln(w)
	downs := downLines(skipped)
	for _, l := range downs {
		fmt.Fprintln(w, l)
	}
	return fetchError(len(results), failed, nSkipped, downs)
}

// downLines say, a line per host that was down, why and what it cost:
// "www.gov.kz unreachable: DNS lookup failed — 57 sources skipped".
func downLines(skipped map[poll.HostDown]int) []string {
	var lines []string
	for d, n := range skipped {
		lines = append(lines, fmt.Sprintf("%s — %d %s skipped", d.Error(), n, plural(n, "source", "sources")))
	}
	slices.Sort(lines)
	return lines
}

func fetchError(n int, failed []string, skipped int, downs []string) error {
	var parts []string
	if len(failed) > 0 {
		list := strings.Join(failed[:min(len(failed), 10)], ", ")
		if len(failed) > 10 {
			list += fmt.Sprintf(" and %d more", len(failed)-10)
		}
		parts = append(parts, fmt.Sprintf("%d of %d sources failed: %s", len(failed), n, list))
	}
	if skipped > 0 {
		parts = append(parts, strings.Join(downs, "; "))
	}
	if len(parts) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(parts, "; "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func cmpOrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
