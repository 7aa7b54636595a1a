package ingest

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsbot-kz/newsbot/store"
)

// checkReleases is what every parse must guarantee the store, whatever the
// input: the columns' constraints hold and nothing PostgreSQL rejects
// (invalid UTF-8, NUL) gets through.
func checkReleases(t *testing.T, rels []store.NewRelease) {
	t.Helper()
	for i, r := range rels {
		if r.PublishedOn.IsZero() {
			t.Errorf("release %d: zero PublishedOn", i)
		}
		if len(r.ContentHash) != 64 || strings.Trim(r.ContentHash, "0123456789abcdef") != "" {
			t.Errorf("release %d: ContentHash %q is not 64 hex digits", i, r.ContentHash)
		}
		for _, s := range []string{r.EntitySlug, r.URL, r.Title, r.Body, r.Lang} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Errorf("release %d: invalid UTF-8 or NUL in %q", i, s)
			}
		}
		switch r.Lang {
		case "", "kk", "ru", "en":
		default:
			t.Errorf("release %d: lang %q", i, r.Lang)
		}
		if r.EntitySlug != "" && !validSlug(r.EntitySlug) {
			t.Errorf("release %d: slug %q", i, r.EntitySlug)
		}
		if r.GovkzID < 0 || r.GovkzID > 0 && (r.EntitySlug == "" || r.URL != CanonicalURL(r.EntitySlug, r.GovkzID)) {
			t.Errorf("release %d: identity %q/%d with URL %q", i, r.EntitySlug, r.GovkzID, r.URL)
		}
		if r.GovkzID == 0 && r.URL != "" {
			t.Errorf("release %d: URL %q without an id", i, r.URL)
		}
		// A title is one tidy line with words, or "" when the text has none.
		if r.Title != oneLine(r.Title) || r.Title != "" && !hasWords(r.Title) || r.Title == "" && hasWords(r.Body) {
			t.Errorf("release %d: title %q for body %.40q", i, r.Title, r.Body)
		}
	}
}

func fuzzParse(t *testing.T, name, data string) {
	rels, _, err := Parse(name, strings.NewReader(data))
	if err != nil {
		if !strings.HasPrefix(err.Error(), name+":") {
			t.Errorf("error %q does not name the file", err)
		}
		return
	}
	if len(rels) == 0 {
		t.Error("no releases and no error")
	}
	checkReleases(t, rels)
}

func FuzzParsePage(f *testing.F) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	const url = "https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=kk"
	for _, seed := range []string{
		string(data),
		strings.ReplaceAll(string(data), "\n", "\r\n"),
		"\ufeffEnbekshi QazaQ\n\nNews\n\nT 01.02.2025\nBody.Source : " + url,
		"- 26.11.2025\nSource : " + url,
		"- 26.11.2025\n",
		"*A* 26.11.2025\n* 26.11.2025\n",
		"Report 25.11.2025 on results 26.11.2025\nBody\n",
		"Тақырып 26.11.2025\nМәтін.Ақпарат көзі : " + url,
		"T 26.11.2025\nSource : https://example.com/x\n",
		"T 26.11.2025\nSource :\n",
		"Bad 31.02.2025\n",
		"Enbekshi QazaQ\n\nNews\n\ngarbage\nT 26.11.2025\n",
		"T 26.11.2025\nBody \x00 with NUL\u200b and \u2028 separators\n",
		"T 26.11.2025\n" + strings.Repeat("word ", 50) + "\n",
		"26.11.2025",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) { fuzzParse(t, "page.txt", data) })
}

func FuzzParseJSONL(f *testing.F) {
	for _, seed := range []string{
		`{"url":"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=ru","title":"Т","body":"<p>a</p><p>b</p>","published":"2025-11-26"}`,
		`{"entity":"mfa","id":"7","title":"-","body":"<ul><li>x</li></ul>","lang":"kk","published":"2025-11-26T23:59:59+05:00"}`,
		`{"title":"<script>x</script>","body":"\u0000&amp;&#0;","published":"2025-11-26"}` + "\n\n" + `{"published":"2025-11-26"}`,
		`{"title":5,"published":"2025-11-26"}`,
		`{"id":3,"published":"2025-11-26"}`,
		`{"title":"T","published":"0001-01-01T00:00:00Z"}`,
		`{"title":"T","published":"9999-12-31T23:59:59-23:59"}`,
		`{"title":"T"`,
		`{}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) { fuzzParse(t, "releases.jsonl", data) })
}

func FuzzParseGovkzURL(f *testing.F) {
	f.Add("https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=kk")
	f.Add("http://gov.kz/memleket/entities/MFA/press/news/details/007/")
	f.Add("www.gov.kz/memleket/entities/a/press/news/details/1")
	f.Fuzz(func(t *testing.T, raw string) {
		ref, ok := ParseGovkzURL(raw)
		if !ok {
			return
		}
		// The canonical URL is a fixed point: it parses to itself.
		again, ok := ParseGovkzURL(ref.URL)
		if !ok || again != ref || ref.ID <= 0 || !validSlug(ref.Slug) {
			t.Errorf("ParseGovkzURL(%q) = %+v; its URL parses to %+v, %v", raw, ref, again, ok)
		}
	})
}
