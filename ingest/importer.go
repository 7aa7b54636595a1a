package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
)

// Store is what importing needs from the store.
type Store interface {
	ImportReleases(ctx context.Context, rels []store.NewRelease) (store.ImportResult, error)
}

// Reasons an item of a file is not handed to the store.
const (
	SkipEmpty     = "empty"             // no title, body nor URL
	SkipDuplicate = "duplicate in file" // same identity as an earlier item
)

// Summary is what one import did.
type Summary struct {
	File        string
	New         int // stored now
	Known       int // already stored, left unchanged
	Skipped     int // not handed to the store, counted by reason
	SkipReasons map[string]int
	IgnoredURLs map[string]int // urls not kept (the release is), by reason
	Notes       []string       // "file:line: ..." remarks on accepted input
}

// String is the summary on one line, as the console and the log show it:
// "news.txt: 18 new, 1 already known, 2 skipped (1 empty, 1 duplicate in file)",
// "news.jsonl: 1 new (1 url ignored: not a gov.kz address), 0 already known, 0 skipped".
func (s Summary) String() string {
	line := fmt.Sprintf("%s: %d new%s, %d already known, %d skipped", s.File, s.New, s.ignoredURLs(), s.Known, s.Skipped)
	if s.Skipped == 0 {
		return line
	}
	reasons := make([]string, 0, len(s.SkipReasons))
	for r := range s.SkipReasons {
		reasons = append(reasons, r)
	}
	// Known reasons first, in a fixed order; any others alphabetically.
	known := []string{SkipEmpty, SkipDuplicate}
	rank := func(r string) int {
		if i := slices.Index(known, r); i >= 0 {
			return i
		}
		return len(known)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for i, r := range reasons {
		reasons[i] = strconv.Itoa(s.SkipReasons[r]) + " " + r
	}
	return line + " (" + strings.Join(reasons, ", ") + ")"
}

// ignoredURLs says which urls were not kept, silently dropped otherwise:
// " (1 url ignored: not a gov.kz address)".
func (s Summary) ignoredURLs() string {
	reasons := make([]string, 0, len(s.IgnoredURLs))
	for r := range s.IgnoredURLs {
		reasons = append(reasons, r)
	}
	if len(reasons) == 0 {
		return ""
	}
	slices.Sort(reasons)
	for i, r := range reasons {
		n := s.IgnoredURLs[r]
		word := "urls"
		if n == 1 {
			word = "url"
		}
		reasons[i] = fmt.Sprintf("%d %s ignored: %s", n, word, r)
	}
	return " (" + strings.Join(reasons, "; ") + ")"
}

// ImportFile imports the release file at path (either format, see the
// package comment). The whole file is parsed first: a file that does not
// parse stores nothing and its error names the file and line. The releases
// are then stored in one transaction.
func ImportFile(ctx context.Context, st Store, path string) (Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return Summary{File: path}, fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	return Import(ctx, st, path, f)
}

// Import is ImportFile for a reader, such as a sample bundled into the
// binary; name stands for the file in the summary, errors and notes.
func Import(ctx context.Context, st Store, name string, r io.Reader) (Summary, error) {
	sum := Summary{File: name, SkipReasons: map[string]int{}}
	items, n, newestFirst, err := parse(name, r)
	if err != nil {
		return sum, err
	}
	sum.IgnoredURLs = n.ignored
	if newestFirst {
		// Store a listing page oldest first, so that arrival order (what
		// "newest" means for /latest within a day, and for digests) follows
		// the page's order of publication.
		slices.Reverse(items)
	}
	rels, skipNotes := skip(name, items, sum.SkipReasons)
	sum.Notes = append(n.list, skipNotes...)
	for _, n := range sum.SkipReasons {
		sum.Skipped += n
	}
	if len(rels) == 0 {
		return sum, nil
	}
	res, err := st.ImportReleases(ctx, rels)
	if err != nil {
		return sum, fmt.Errorf("ingest: import %s: %w", name, err)
	}
	sum.New, sum.Known = res.New, res.Known
	return sum, nil
}

// skip drops items with nothing in them and repeats of an identity seen
// earlier in the file (the first one wins), counting them by reason.
func skip(name string, items []item, reasons map[string]int) ([]store.NewRelease, []string) {
	var notes []string
	seen := map[string]int{} // identity → line
	rels := make([]store.NewRelease, 0, len(items))
	for _, it := range items {
		r := it.rel
		if r.Title == "" && r.Body == "" && r.URL == "" {
			reasons[SkipEmpty]++
			notes = append(notes, fmt.Sprintf("%s:%d: skipped: no title, body nor URL", name, it.line))
			continue
		}
		key := "hash:" + r.ContentHash
		if r.GovkzID > 0 {
			key = fmt.Sprintf("govkz:%s/%d", r.EntitySlug, r.GovkzID)
		}
		if first, dup := seen[key]; dup {
			reasons[SkipDuplicate]++
			notes = append(notes, fmt.Sprintf("%s:%d: skipped: the same release as line %d", name, it.line, first))
			continue
		}
		seen[key] = it.line
		rels = append(rels, r)
	}
	return rels, notes
}
