package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Report is every figure of a run.
type Report struct {
	Command  string // how the run was started, for the reader to repeat it
	Options  Options
	Machine  Machine
	Data     DataFacts
	Search   SearchResult
	Import   ImportResult
	Digest   DigestResult
	Delivery []DeliveryResult
	Alerts   []AlertResult
	Latest   []LatestCase
	// KeywordIndex is what /latest's keyword index cost to build and keep.
	KeywordIndex KeywordIndexResult
	// ReadsOnly is a RunReads report: /search and /latest on a kept database.
	ReadsOnly bool
}

// Markdown writes the report as markdown tables, each figure next to its
// baseline.
func (r *Report) Markdown(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	m, d, a := r.Machine, r.Data, r.Data.Archive
	p("# newsbot bench")
	p("")
	p("Machine: %s, %d cores, %s memory; PostgreSQL %s (shared_buffers %s); %s.",
		m.CPU, m.Cores, bytesIEC(m.MemoryBytes), m.PostgreSQL, m.SharedBuffers, m.Go)
	if r.Command != "" {
		p("Command: `%s` (seed %d).", r.Command, r.Options.Seed)
	}
	if r.ReadsOnly {
		p("")
		p("Reads only (--reuse), on a database an earlier run filled: %s releases, %s language versions, %s chats with %s subscriptions.",
			num(d.Releases), num(d.Versions), num(d.Chats), num(d.Subscriptions))
		r.searchSection(p)
		r.latestSection(p)
		return
	}
	p("")
	p("## Data")
	p("")
	p("| | |")
	p("|---|---|")
	p("| archive | %s releases published %s … %s: kk %s (of them %s in Latin script), ru %s, en %s; %s without a gov.kz link; %s with their kk/ru version too |",
		num(a.Releases), a.FirstDay.Format(time.DateOnly), a.LastDay.Format(time.DateOnly),
		num(a.Lang["kk"]+a.Lang["kk-Latn"]), num(a.Lang["kk-Latn"]), num(a.Lang["ru"]), num(a.Lang["en"]),
		num(a.NoLink), num(a.Versions))
	p("| mean length | title %s, body %s characters |", num(a.TitleRunes/max(a.Releases, 1)), num(a.BodyRunes/max(a.Releases, 1)))
	p("| loaded in | %s: generated and COPY'd in %s, indexes built in %s, vacuumed and analysed in %s |",
		dur(d.LoadTime), dur(d.LoadTime-d.IndexTime-d.VacuumTime), dur(d.IndexTime), dur(d.VacuumTime))
	p("| chats | %s, with %s subscriptions: %s keywords (%s distinct), the rest entities |",
		num(d.Chats), num(d.Subscriptions), num(d.Keywords), num(d.Distinct))
	p("| new since the last digest | %s releases (the new day, imported) |", num(d.NewSinceLastDigest))
	p("| database | %s releases, %s language versions, %s on disk |", num(d.Releases), num(d.Versions), bytesIEC(uint64(d.DatabaseBytes)))
	r.searchSection(p)
	r.digestSection(p)
	r.deliverySection(p)
	r.importSection(p)
	r.memorySection(p)
	r.alertSection(p)
	r.latestSection(p)
}

type printer func(format string, args ...any)

func (r *Report) searchSection(p printer) {
	s := r.Search
	p("")
	p("## 1. /search latency at %s releases", num(r.Data.Archive.Releases))
	p("")
	p("| path | queries | p50 | p95 |")
	p("|---|---|---|---|")
	p("| /search: textmatch.ParseSearch → store.Search, first page | %d | %s | %s |", s.Queries, dur(s.P50), dur(s.P95))
	p("| the same, fifth page (of the queries that have one) | %d | %s | %s |", s.Page5, dur(s.Page5P50), dur(s.Page5P95))
	p("| the same, on the baseline's queries | %d | %s | — |", s.Baseline, dur(s.SameP50))
	p("| baseline: sequential scan with `ILIKE '%%word%%'` | %d | %s | %s |", s.Baseline, dur(s.BaseP50), dur(s.BaseP95))
	p("")
	p("%d of %d queries found something. At p50 the baseline is %s slower on the same queries.",
		s.WithHits, s.Queries, times(s.BaseP50, s.SameP50))
	if len(s.Slowest) > 0 {
		p("")
		p("The slowest first pages:")
		p("")
		p("| query | parsed to | first page |")
		p("|---|---|---|")
		for _, q := range s.Slowest {
			p("| %s | `%s` | %s |", mdCell(q.Raw), mdCell(q.Match), dur(q.Took))
		}
	}
}

func (r *Report) digestSection(p printer) {
	g := r.Digest
	p("")
	p("## 2. Building every digest for %s chats", num(int64(g.Pass.Due)))
	p("")
	p("| chats due | digests built | parts | build time | sending at %d msg/s | build / send | target < 1%% |", telegramPerSecond)
	p("|---|---|---|---|---|---|---|")
	p("| %s | %s | %s | %s | %s | %s | %s |", num(g.Pass.Due), num(g.Pass.Built), num(g.Pass.Parts),
		dur(g.Pass.Duration), dur(g.SendTime()), pct(g.Ratio()), verdict(g.Ratio() < 0.01,
			fmt.Sprintf("missed, %.1f× over", g.Ratio()/0.01)))
	p("")
	p("During the pass: %s, over %s of wall time.", cpuLine(g.CPU, "newsbot"), dur(g.Pass.Duration))
}

func (r *Report) deliverySection(p printer) {
	p("")
	p("## 3. Delivery throughput (digest.Sender → fake Bot API)")
	p("")
	p("| Bot API limit | messages | achieved | of the limit | 429s | target ≥ 95%%, no 429 |")
	p("|---|---|---|---|---|---|")
	for _, d := range r.Delivery {
		ok := d.Share() >= 0.95 && d.TooMany == 0
		p("| %d/s | %s | %.1f/s | %s | %d | %s |", d.Limit, num(d.Sent), d.Rate(), pct(d.Share()), d.TooMany,
			verdict(ok, "missed"))
	}
	p("")
	for _, d := range r.Delivery {
		p("At %d/s: %s, over %s of wall time.", d.Limit, cpuLine(d.CPU, "newsbot with the fake Bot API"), dur(d.Duration))
	}
}

// cpuLine says how much CPU newsbot (named who) and PostgreSQL used.
func cpuLine(c cpuTimes, who string) string {
	line := fmt.Sprintf("CPU %s %s", who, dur(c.self))
	if c.pgSeen {
		line += fmt.Sprintf(", PostgreSQL server %s", dur(c.postgres))
	}
	return line
}

func (r *Report) importSection(p printer) {
	im := r.Import
	p("")
	p("## 4. Import throughput")
	p("")
	p("| path | releases | time | releases/s |")
	p("|---|---|---|---|")
	p("| store.ImportReleases, %d a call | %s | %s | %.0f |", importBatch, num(im.Batched), dur(im.BatchedTime), im.BatchedRate())
	p("| store.ImportReleases, all in one call (a file) | %s | %s | %.0f |", num(im.File), dur(im.FileTime), im.FileRate())
	p("| baseline: one autocommit INSERT per release | %s | %s | %.0f |", num(im.Single), dur(im.SingleTime), im.SingleRate())
	p("")
	base := max(im.SingleRate(), 1e-9)
	p("Import is %.1f× the baseline's rate %d a call, %.1f× in one call.", im.BatchedRate()/base, importBatch, im.FileRate()/base)
}

func (r *Report) memorySection(p printer) {
	g := r.Digest
	p("")
	p("## 5. Peak memory during the %s-chat digest", num(int64(g.Pass.Due)))
	p("")
	p("| | before the pass | peak during the pass |")
	p("|---|---|---|")
	p("| Go heap in use (runtime/metrics, sampled every 5 ms) | %s | %s |", bytesIEC(g.HeapBefore), bytesIEC(g.HeapPeak))
	peak := "process RSS (VmHWM, reset before the pass)"
	if !g.RSSPeakOK {
		peak = "process RSS (VmHWM: peak of the whole run, could not be reset)"
	}
	p("| %s | %s | %s |", peak, bytesIEC(g.RSSBefore), bytesIEC(g.RSSPeak))
}

func (r *Report) alertSection(p printer) {
	if len(r.Alerts) == 0 {
		return
	}
	a0 := r.Alerts[0]
	p("")
	p("## 6. Instant alerts: a burst of %d releases, %s chats of which %s follow something instantly",
		a0.Burst, num(a0.Chats), num(a0.Instant))
	p("")
	p("| Bot API limit | alerts matched | messages | alert pass | sent | arrival → sent p50 | p95 | max |")
	p("|---|---|---|---|---|---|---|---|")
	for _, a := range r.Alerts {
		p("| %d/s | %s | %s | %s | %s | %s | %s | %s |", a.PerSecond, num(a.Matched), num(a.Messages),
			dur(a.PassTime), num(a.Sent), dur(a.P50), dur(a.P95), dur(a.Max))
	}
	p("")
	p("The pass runs here as soon as the burst is stored; in serve it runs at the next minute's tick, which adds up to 60 s. Digest parts queued before are dropped first, so this is alerts alone.")
}

func verdict(ok bool, missed string) string {
	if ok {
		return "met"
	}
	return missed
}

// num writes an integer with thousands separators: 1,000,000.
func num[T int | int64](n T) string {
	s := fmt.Sprint(int64(n))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

func pct(f float64) string {
	if f < 0.1 {
		return fmt.Sprintf("%.2f%%", f*100)
	}
	return fmt.Sprintf("%.1f%%", f*100)
}

func times(slow, fast time.Duration) string {
	if fast <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f×", float64(slow)/float64(fast))
}

// dur writes a duration with the precision it needs: 3.2 ms, 14.1 s, 5m12s.
func dur(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return d.Round(time.Second).String()
}

func bytesIEC(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", b>>10)
}

func (r *Report) latestSection(p printer) {
	if len(r.Latest) == 0 {
		return
	}
	p("")
	p("## 7. /latest at %s releases", num(r.Data.Releases))
	p("")
	p("Each filter's page 1 and page 5 (ten releases and one more), warmed once, then timed; the old statement (one query, `$1 = 0 OR …` conditions, an EXISTS over the chat's keywords per release) on the first %d filters of each kind, stopped at %s.", latestBaselineRuns, dur(latestBaselineTimeout))
	p("")
	p("| filter | runs | page 1 p50 | page 1 p95 | page 5 p50 | page 5 p95 | old statement p50 (max) |")
	p("|---|---|---|---|---|---|---|")
	for _, c := range r.Latest {
		old := fmt.Sprintf("%s (%s)", dur(c.BaseP50), dur(c.BaseMax))
		if c.BaseTimedOut > 0 {
			old += fmt.Sprintf(", %d of %d stopped at the timeout", c.BaseTimedOut, c.Baseline)
		}
		p("| %s | %d | %s | %s | %s | %s | %s |", c.Name, c.Runs, dur(c.P50), dur(c.P95), dur(c.P50p5), dur(c.P95p5), old)
	}
	r.keywordIndexSection(p)
}

// mdCell is s made safe in a Markdown table cell: a pipe would end the
// cell, even inside a code span.
func mdCell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
