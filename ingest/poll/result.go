package poll

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
)

// Result is what one poll of one source did.
type Result struct {
	Source      store.Source
	Method      string // rss, api or feed; "" when nothing answered
	Saved       store.SaveResult
	Skipped     map[string]int // items not stored, by reason
	NotModified bool
	Note        string // a failure on the way that did not fail the poll
	Err         error
	Busy        bool      // another poller holds the source; not polled
	Down        *HostDown // its host was down in this pass; not polled, still due
}

// Failed reports a poll that failed (a busy source, or one of a host that
// was down, was not polled and did not fail).
func (r Result) Failed() bool { return r.Err != nil }

// Outcome is the result in one word, for metrics: error, not_modified or ok.
func (r Result) Outcome() string {
	switch {
	case r.Err != nil:
		return "error"
	case r.Down != nil:
		return "skipped"
	case r.NotModified:
		return "not_modified"
	}
	return "ok"
}

// Summary is the result on one line: "3 new, 0 updated, 17 known, 1
// skipped (1 bad date)", "not modified", or "error: ...".
func (r Result) Summary() string {
	switch {
	case r.Busy:
		return "skipped: being polled by another process"
	case r.Down != nil:
		return "skipped: " + r.Down.Error()
	case r.Err != nil:
		return "error: " + r.Err.Error()
	case r.NotModified:
		return "not modified"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d new, ", r.Saved.New)
	if r.Saved.Versions > 0 {
		fmt.Fprintf(&b, "%d new language versions, ", r.Saved.Versions)
	}
	fmt.Fprintf(&b, "%d updated, %d known, %d skipped", r.Saved.Updated, r.Saved.Known, r.skipped())
	if len(r.Skipped) > 0 {
		reasons := make([]string, 0, len(r.Skipped))
		for reason, n := range r.Skipped {
			reasons = append(reasons, fmt.Sprintf("%d %s", n, reason))
		}
		slices.Sort(reasons)
		fmt.Fprintf(&b, " (%s)", strings.Join(reasons, ", "))
	}
	if r.Note != "" {
		fmt.Fprintf(&b, "; %s", r.Note)
	}
	return b.String()
}

func (r Result) skipped() int {
	n := 0
	for _, c := range r.Skipped {
		n += c
	}
	return n
}
