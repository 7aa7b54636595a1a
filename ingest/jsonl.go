package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
)

// jsonRelease is one JSONL line; the fields are documented in the package
// comment. Missing and null fields are left empty.
type jsonRelease struct {
	URL       string          `json:"url"`
	Entity    string          `json:"entity"`
	ID        json.RawMessage `json:"id"` // number or numeric string
	Title     string          `json:"title"`
	Body      string          `json:"body"`
	Lang      string          `json:"lang"`
	Published string          `json:"published"`
	// EntityName is the organisation's name, in the release's language.
	EntityName string `json:"entity_name"`
}

func parseJSONL(name string, lines []string, n *notes) ([]item, error) {
	var items []item
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		rel, err := jsonLine(l, i+1, n)
		if err != nil {
			return nil, &ParseError{File: name, Line: i + 1, Msg: err.Error()}
		}
		items = append(items, item{line: i + 1, rel: rel})
	}
	return items, nil
}

func jsonLine(l string, line int, n *notes) (store.NewRelease, error) {
	var jr jsonRelease
	if err := decodeObject(l, &jr); err != nil {
		return store.NewRelease{}, err
	}
	if strings.TrimSpace(jr.Published) == "" {
		return store.NewRelease{}, errors.New(`"published" is required (YYYY-MM-DD or RFC 3339)`)
	}
	published, err := parsePublished(strings.TrimSpace(jr.Published))
	if err != nil {
		return store.NewRelease{}, err
	}
	lang := strings.ToLower(strings.TrimSpace(jr.Lang))
	if lang != "" && lang != "kk" && lang != "ru" && lang != "en" {
		return store.NewRelease{}, fmt.Errorf(`"lang" %q is not one of kk, ru, en`, jr.Lang)
	}
	ref, err := jsonIdentity(jr, line, n)
	if err != nil {
		return store.NewRelease{}, err
	}
	rel := newRelease(ref, HTMLToText(jr.Title), HTMLToText(jr.Body), lang, published)
	if rel.EntitySlug != "" {
		rel.EntityName = HTMLToText(jr.EntityName)
	}
	return rel, nil
}

// decodeObject decodes one JSON object, describing type mismatches by field
// name rather than by Go type.
func decodeObject(l string, jr *jsonRelease) error {
	if !strings.HasPrefix(l, "{") {
		return errors.New("expected a JSON object, one release a line")
	}
	err := json.Unmarshal([]byte(l), jr)
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Errorf("%q must be a %s, not a %s", typeErr.Field, typeErr.Type, typeErr.Value)
	case err != nil:
		return fmt.Errorf("invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// jsonIdentity resolves url, entity and id into one identity. Explicit
// fields that contradict the URL are an error: one of them is wrong and the
// release would be filed under the wrong entity.
func jsonIdentity(jr jsonRelease, line int, n *notes) (GovkzRef, error) {
	slug := strings.ToLower(strings.TrimSpace(jr.Entity))
	if slug != "" && !validSlug(slug) {
		return GovkzRef{}, fmt.Errorf(`"entity" %q is not a gov.kz slug (letters, digits, '-')`, jr.Entity)
	}
	id, err := parseID(jr.ID)
	if err != nil {
		return GovkzRef{}, err
	}
	if u := strings.TrimSpace(jr.URL); u != "" {
		ref, ok := ParseGovkzURL(u)
		switch {
		case !ok:
			n.add(line, "%s is not a gov.kz release URL; the URL is not kept", u)
			n.ignored[whyNotRelease(u)]++
		case slug != "" && slug != ref.Slug:
			return GovkzRef{}, fmt.Errorf(`"entity" %q contradicts the url's %q`, slug, ref.Slug)
		case id != 0 && id != ref.ID:
			return GovkzRef{}, fmt.Errorf(`"id" %d contradicts the url's %d`, id, ref.ID)
		default:
			return ref, nil
		}
	}
	switch {
	case id != 0 && slug == "":
		return GovkzRef{}, errors.New(`"id" needs an "entity" or a gov.kz "url": ids are filed under their entity`)
	case id != 0:
		return GovkzRef{Slug: slug, ID: id, URL: CanonicalURL(slug, id)}, nil
	}
	return GovkzRef{Slug: slug}, nil
}

// whyNotRelease says why a url is not a gov.kz release URL, for the
// import's summary line.
func whyNotRelease(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !strings.HasSuffix("."+strings.ToLower(u.Hostname()), ".gov.kz") {
		return "not a gov.kz address"
	}
	return "not a gov.kz release address"
}

// parseID accepts the id as a JSON number or a numeric string.
func parseID(raw json.RawMessage) (int64, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "" || s == "null" {
		return 0, nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, fmt.Errorf(`"id" %s is not a positive whole number`, raw)
		}
		if s = strings.TrimSpace(s); s == "" {
			return 0, nil
		}
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || !allDigits(s) {
		return 0, fmt.Errorf(`"id" %s is not a positive whole number`, raw)
	}
	return id, nil
}
