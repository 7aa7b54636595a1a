package poll

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// listKeys are the fields a list may be wrapped in, should the API wrap its
// array in an object (it is documented as a bare array; Spring-style
// "content" pages are common in such APIs).
var listKeys = []string{"content", "data", "items", "news", "list", "result", "results"}

// decodeList reads a page of the list API: a JSON array of objects. A body
// that is not whole JSON (truncated, an HTML error page) is an error, so
// nothing of it is stored; an element that is not an object comes back nil.
func decodeList(a *answer) ([]map[string]any, error) {
	body, err := toUTF8(a.body, a.header.Get("Content-Type"), false)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || (body[0] != '[' && body[0] != '{') {
		return nil, fmt.Errorf("not JSON (%s)", describeBody(a.header.Get("Content-Type"), body))
	}
	if err := checkJSONShape(body); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // ids beyond 2^53 stay exact
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("invalid JSON: data after the value")
	}
	list, ok := v.([]any)
	if obj, isObj := v.(map[string]any); isObj {
		for _, k := range listKeys {
			if list, ok = obj[k].([]any); ok {
				break
			}
		}
	}
	if !ok {
		return nil, fmt.Errorf("a JSON object without a list of news")
	}
	out := make([]map[string]any, len(list))
	for i, el := range list {
		out[i], _ = el.(map[string]any)
	}
	return out, nil
}

// apiCandidate reads one news object: id, title, body (HTML, else
// short_description), created_date. It reports false for an object it
// cannot read (no positive id, a field of the wrong type).
func apiCandidate(m map[string]any, src store.Source) (candidate, int64, bool) {
	id, ok := apiID(m["id"])
	title, ok1 := apiString(m["title"])
	body, ok2 := apiString(m["body"])
	short, ok3 := apiString(m["short_description"])
	created, ok4 := apiString(m["created_date"])
	if m == nil || !ok || !ok1 || !ok2 || !ok3 || !ok4 {
		return candidate{}, 0, false
	}
	if strings.TrimSpace(ingest.HTMLToText(body)) == "" {
		body = short
	}
	c := candidate{
		ref:   ingest.GovkzRef{Slug: src.EntitySlug, ID: id, URL: ingest.CanonicalURL(src.EntitySlug, id)},
		title: title, body: body, lang: src.Lang,
	}
	if created = strings.TrimSpace(created); created != "" {
		c.published, c.badDate = parseAPIDate(created)
	}
	return c, id, true
}

// apiID accepts a positive id as a JSON number or a numeric string.
func apiID(v any) (int64, bool) {
	var s string
	switch t := v.(type) {
	case json.Number:
		s = t.String()
	case string:
		s = strings.TrimSpace(t)
	default:
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// apiString accepts a string, or null and absence as "".
func apiString(v any) (string, bool) {
	switch t := v.(type) {
	case nil:
		return "", true
	case string:
		return t, true
	}
	return "", false
}

// apiDateLayouts are the shapes of created_date accepted. The documented
// one is "2026-06-09T11:48:00Z"; whether gov.kz always sends an offset is
// unconfirmed, and a time without one is taken as Kazakhstan time.
var apiDateLayouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05Z0700", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02 15:04:05.999999999", false},
	{"2006-01-02T15:04", false},
	{time.DateOnly, false},
}

// parseAPIDate parses created_date; bad reports one that cannot be read.
func parseAPIDate(s string) (t time.Time, bad bool) {
	for _, l := range apiDateLayouts {
		var err error
		if l.zoned {
			t, err = time.Parse(l.layout, s)
		} else {
			t, err = time.ParseInLocation(l.layout, s, ingest.Kazakhstan())
		}
		if err == nil {
			return t, false
		}
	}
	return time.Time{}, true
}
