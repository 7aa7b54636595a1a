package ingest

import (
	"net/url"
	"strconv"
	"strings"
)

// GovkzRef is the identity of a gov.kz release.
type GovkzRef struct {
	Slug string // the entity's slug, lower case
	ID   int64  // the release id, unique across gov.kz
	URL  string // canonical URL, without ?lang=
}

// CanonicalURL is the release page of (slug, id) without a language, so that
// the kk, ru and en versions of one release share one URL.
func CanonicalURL(slug string, id int64) string {
	return "https://www.gov.kz/memleket/entities/" + slug + "/press/news/details/" + strconv.FormatInt(id, 10)
}

// ParseGovkzURL recognises a gov.kz release URL,
// https://www.gov.kz/memleket/entities/<slug>/press/news/details/<id>?lang=<kk|ru|en>,
// also over http, without www, with a trailing slash or other query
// parameters. It reports false for anything else.
func ParseGovkzURL(raw string) (GovkzRef, bool) {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(strings.ToLower(raw), "www.gov.kz/") || strings.HasPrefix(strings.ToLower(raw), "gov.kz/") {
		raw = "https://" + raw // copied from a browser's address bar
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Port() != "" || u.User != nil {
		return GovkzRef{}, false
	}
	if host := strings.ToLower(u.Hostname()); host != "www.gov.kz" && host != "gov.kz" {
		return GovkzRef{}, false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	want := []string{"memleket", "entities", "", "press", "news", "details", ""}
	if len(parts) != len(want) {
		return GovkzRef{}, false
	}
	for i, w := range want {
		if w != "" && !strings.EqualFold(parts[i], w) {
			return GovkzRef{}, false
		}
	}
	slug := strings.ToLower(parts[2])
	id, err := strconv.ParseInt(parts[6], 10, 64)
	if !validSlug(slug) || err != nil || id <= 0 || !allDigits(parts[6]) {
		return GovkzRef{}, false
	}
	return GovkzRef{Slug: slug, ID: id, URL: CanonicalURL(slug, id)}, true
}

// validSlug accepts the slugs gov.kz uses: lower-case ASCII letters, digits,
// '-' and '_'. Anything else would not survive a round trip through a URL.
func validSlug(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// allDigits rejects the "+12" that strconv.ParseInt would accept.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
