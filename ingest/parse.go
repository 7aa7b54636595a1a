package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// maxFileSize bounds what is read into memory. The largest real listing page
// is well under a megabyte; anything near this is not a release file.
const maxFileSize = 64 << 20

// ParseError is a malformed file: the file, the 1-based line (0 when the
// problem is the file as a whole) and what is wrong.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// item is a parsed release with the line it starts on, for notes.
type item struct {
	line int
	rel  store.NewRelease
}

// Parse reads a release file of either format (see the package comment) and
// returns every release in it, in file order, with notes about what was
// accepted but not understood (a URL that is not a gov.kz release, say).
// Empty releases and repeats are returned too; Import skips them. name is
// used in errors and notes only.
func Parse(name string, r io.Reader) ([]store.NewRelease, []string, error) {
	items, n, _, err := parse(name, r)
	if err != nil {
		return nil, nil, err
	}
	rels := make([]store.NewRelease, len(items))
	for i, it := range items {
		rels[i] = it.rel
	}
	return rels, n.list, nil
}

// parse is Parse keeping line numbers; newestFirst reports a listing page,
// whose items run from the newest to the oldest.
func parse(name string, r io.Reader) (items []item, n *notes, newestFirst bool, err error) {
	lines, err := readLines(name, r)
	if err != nil {
		return nil, nil, false, err
	}
	p := &notes{file: name, ignored: map[string]int{}}
	newestFirst = !isJSONL(lines)
	if newestFirst {
		items, err = parsePage(name, lines, p)
	} else {
		items, err = parseJSONL(name, lines, p)
	}
	if err != nil {
		return nil, nil, false, err
	}
	return items, p, newestFirst, nil
}

// readLines reads the whole input and splits it into lines without their
// line endings (LF, CRLF or a lone CR), dropping a leading UTF-8 BOM.
func readLines(name string, r io.Reader) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read %s: %w", name, err)
	}
	if len(data) > maxFileSize {
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("larger than %d MiB, not a release file", maxFileSize>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	for i, l := range lines {
		if !utf8.ValidString(l) {
			return nil, &ParseError{File: name, Line: i + 1, Msg: "invalid UTF-8 (save the file as UTF-8)"}
		}
	}
	return lines, nil
}

// isJSONL tells the formats apart by content: file names are not trusted.
func isJSONL(lines []string) bool {
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			return strings.HasPrefix(l, "{")
		}
	}
	return false
}

// notes collects "file:line: text" remarks about accepted input, and
// counts the urls that were not kept, by reason.
type notes struct {
	file    string
	list    []string
	ignored map[string]int
}

func (n *notes) add(line int, format string, args ...any) {
	n.list = append(n.list, fmt.Sprintf("%s:%d: ", n.file, line)+fmt.Sprintf(format, args...))
}

// newRelease applies the clean-up every source shares. The hash is taken
// before a display title is derived, so it depends on the text only.
func newRelease(ref GovkzRef, title, body, lang string, published time.Time) store.NewRelease {
	title = CleanTitle(title)
	body = tidyText(body)
	if lang == "" {
		lang = DetectLang(title, body)
	}
	hash := ContentHash(title, body)
	// Shingles of the text as published, before a display title is made up,
	// for spotting the same story retold (see digest's near-duplicates).
	shingles := textmatch.Shingles(title, body)
	if title == "" {
		title = DisplayTitle(body)
	}
	return store.NewRelease{
		EntitySlug:  ref.Slug,
		GovkzID:     ref.ID,
		ContentHash: hash,
		URL:         ref.URL,
		Title:       title,
		Body:        body,
		Lang:        lang,
		PublishedOn: published,
		Shingles:    shingles,
	}
}
