package ingest

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

const fixture = "../testdata/enbekshi-news-2025-11-26.txt"

func parseFixture(t *testing.T) []store.NewRelease {
	t.Helper()
	f, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rels, _, err := Parse("enbekshi-news-2025-11-26.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	return rels
}

func parseString(t *testing.T, name, s string) []store.NewRelease {
	t.Helper()
	rels, _, err := Parse(name, strings.NewReader(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return rels
}

func TestParseFixture(t *testing.T) {
	rels := parseFixture(t)
	if len(rels) != 20 {
		t.Fatalf("got %d releases, want 20", len(rels))
	}
	nov26, nov25 := date(2025, 11, 26), date(2025, 11, 25)
	tests := []struct {
		item      int // 1-based, in page order
		title     string
		slug      string
		id        int64
		date      time.Time
		lang      string
		emptyBody bool
	}{
		{1, "In honor of the 140th anniversary of the birth of Mirzhakyp Dulatov, a discussion dedicated to his novel “Baqytsyz Jamal” was held", "zhetysu-archive", 1112623, nov26, "en", false},
		{2, "Kyzylzhar-2 microdistrict in Shymkent has been connected to a full-fledged engineering infrastructure", "", 0, nov26, "en", false},
		{3, "From deficit to development", "", 0, nov26, "en", false},
		{4, "The number of services provided by the UAPF digitally is growing.", "kyzylorda-karmakshy", 1126304, nov26, "en", false},
		{7, "On November 24-25, at a joint meeting of the standing committees, the “Parameters of the Burlin District for 2026-2028” were considered.", "burlin-maslihat", 1112519, nov26, "ru", false},
		{8, "Military personnel congratulated war veteran Viktor Izyumnikov on his 101st birthday", "mod", 1112522, nov26, "en", true},
		{9, "", "almobl", 1112516, nov26, "", true},
		{14, "Statement by Ambassador Roman Vassilenko, Head of the Mission of the Republic of Kazakhstan to the EU, at the press briefing on the topic “Kazakhstan–EU: Where Next After 10 Years of Enhanced Partnership?” Brussels Press Club, 24 November 2025", "mfa-brussels", 1112461, nov26, "en", false},
		{16, "Meeting at the Embassy with Kazakhstani Specialists Studying “Water Governance” in Hungary Within the Framework of a Dual Master’s Program", "mfa-budapest", 1112463, nov26, "en", false},
		{18, "Prospects for Developing Cooperation with Greece Discussed at the Foreign Ministry of Kazakhstan", "mfa", 1112433, nov25, "en", false},
		{20, "LAW AND ORDER", "kyzylorda-kazaly-kolaryq", 1112329, nov25, "en", false},
	}
	for _, tt := range tests {
		r := rels[tt.item-1]
		if r.Title != tt.title {
			t.Errorf("item %d: title %q, want %q", tt.item, r.Title, tt.title)
		}
		if r.EntitySlug != tt.slug || r.GovkzID != tt.id {
			t.Errorf("item %d: identity %s/%d, want %s/%d", tt.item, r.EntitySlug, r.GovkzID, tt.slug, tt.id)
		}
		wantURL := ""
		if tt.id != 0 {
			wantURL = "https://www.gov.kz/memleket/entities/" + tt.slug + "/press/news/details/" + strconv.FormatInt(tt.id, 10)
		}
		if r.URL != wantURL {
			t.Errorf("item %d: URL %q, want %q", tt.item, r.URL, wantURL)
		}
		if !r.PublishedOn.Equal(tt.date) {
			t.Errorf("item %d: published %v, want %v", tt.item, r.PublishedOn, tt.date)
		}
		if r.Lang != tt.lang {
			t.Errorf("item %d: lang %q, want %q", tt.item, r.Lang, tt.lang)
		}
		if (r.Body == "") != tt.emptyBody {
			t.Errorf("item %d: body %.40q, want empty: %v", tt.item, r.Body, tt.emptyBody)
		}
	}
}

func TestParseFixtureDetails(t *testing.T) {
	rels := parseFixture(t)
	for i, r := range rels {
		if strings.Contains(r.Title, "*") || strings.Contains(r.Body, "Source :") {
			t.Errorf("item %d: leftover markup: title %q, body …%q", i+1, r.Title, tail(r.Body))
		}
		if strings.Contains(r.URL, "lang=") {
			t.Errorf("item %d: URL %q keeps ?lang=", i+1, r.URL)
		}
	}
	// The two Kyzylzhar-2 stories have no Source line: identified by their
	// text, and told differently, so they are two releases.
	if rels[1].ContentHash == rels[2].ContentHash {
		t.Error("the two Kyzylzhar-2 items have the same content hash")
	}
	// "Source :" glued to the body's last word.
	if got, want := tail(rels[3].Body), "(More details at www.enpf.kz"; !strings.HasSuffix(got, want) {
		t.Errorf("item 4 body ends …%q, want …%q", got, want)
	}
}

func TestParsePageIrregularities(t *testing.T) {
	const url = "https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=kk"
	tests := []struct {
		name, text          string
		title, body, gotURL string
		published           time.Time
	}{
		{"CRLF, BOM, trailing spaces", "\ufeffEnbekshi QazaQ \r\n\r\nNews  \r\n\r\nTitle 01.02.2025  \r\nBody text.  \r\nSource : " + url + "  \r\n",
			"Title", "Body text.", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"no header", "Title 01.02.2025\nBody.Source : " + url,
			"Title", "Body.", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"Kazakh marker", "Enbekshi QazaQ\n\nЖаңалықтар\n\nТақырып 01.02.2025\nМәтін.Ақпарат көзі : " + url,
			"Тақырып", "Мәтін.", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"asterisks", "* Wrapped title * 01.02.2025\nBody\nSource : " + url,
			"Wrapped title", "Body", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"another date in the title", "Results of 31.12.2024 published 02.01.2025\nBody",
			"Results of 31.12.2024 published", "Body", "", date(2025, 1, 2)},
		{"dash title takes the body's first sentence", "- 01.02.2025\nThe akim met residents. They discussed roads.\nSource : " + url,
			"The akim met residents", "The akim met residents. They discussed roads.", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"several body lines become paragraphs", "T 01.02.2025\nOne.\n\nTwo.\nThree.\nSource : " + url,
			"T", "One.\n\nTwo.\n\nThree.", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1", date(2025, 2, 1)},
		{"Source words are body text", "T 01.02.2025\nSource: the ministry.",
			"T", "Source: the ministry.", "", date(2025, 2, 1)},
		{"not a gov.kz URL", "T 01.02.2025\nBody\nSource : https://example.com/news/1",
			"T", "Body", "", date(2025, 2, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels := parseString(t, "enbekshi.txt", tt.text)
			if len(rels) != 1 {
				t.Fatalf("got %d releases, want 1", len(rels))
			}
			r := rels[0]
			if r.Title != tt.title || r.Body != tt.body || r.URL != tt.gotURL || !r.PublishedOn.Equal(tt.published) {
				t.Errorf("got %q / %q / %q / %s,\nwant %q / %q / %q / %s",
					r.Title, r.Body, r.URL, r.PublishedOn.Format(time.DateOnly),
					tt.title, tt.body, tt.gotURL, tt.published.Format(time.DateOnly))
			}
		})
	}
}

func TestParsePageNotes(t *testing.T) {
	_, notes, err := Parse("e.txt", strings.NewReader("T 01.02.2025\nBody\nSource : https://example.com/1\nU 01.02.2025\nBody 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"e.txt:3: https://example.com/1 is not a gov.kz release URL; the release is identified by its text",
		"e.txt:4: no Source line; the release is identified by its text",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

func TestParsePageErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"body before any title", "Enbekshi QazaQ\n\nNews\n\nSome body text\nTitle 01.02.2025\n", "enbekshi.txt:5: text before the first title line"},
		{"no header, body first", "Some body text\nTitle 01.02.2025\n", "enbekshi.txt:1: text before the first title line"},
		{"date that does not exist", "Enbekshi QazaQ\n\nNews\n\nOK 01.02.2025\nBody\n\nBad 31.02.2025\n", "enbekshi.txt:8: title date: 31.02.2025 is not a real date"},
		{"month 13", "Bad 01.13.2025\n", "enbekshi.txt:1: title date: 01.13.2025 is not a real date"},
		{"year out of range", "Old 01.01.0001\n", "enbekshi.txt:1: title date: year 1 is out of range"},
		{"no items", "Enbekshi QazaQ\n\nNews\n", "enbekshi.txt: no releases found"},
		{"empty file", "", "enbekshi.txt: no releases found"},
		{"text after Source", "T 01.02.2025\nBody\nSource : https://www.gov.kz/x\nstray\n", "enbekshi.txt:4: text after the Source line"},
		{"invalid UTF-8", "T 01.02.2025\nBody\n\xff\xfe bad\n", "enbekshi.txt:3: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("enbekshi.txt", strings.NewReader(tt.text))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestSplitSource(t *testing.T) {
	tests := []struct {
		line, before, url string
		ok                bool
	}{
		{"Source : https://www.gov.kz/a", "", "https://www.gov.kz/a", true},
		{"text.Source : https://www.gov.kz/a", "text.", "https://www.gov.kz/a", true},
		{"www.enpf.kzSource : https://www.gov.kz/a", "www.enpf.kz", "https://www.gov.kz/a", true},
		{"Source: http://gov.kz/a", "", "http://gov.kz/a", true},
		{"Ақпарат көзі : https://www.gov.kz/a", "", "https://www.gov.kz/a", true},
		{"Source :", "", "", true},
		{"Source: the ministry said so", "", "", false},
		{"Open Source software", "", "", false},
		{"Source : https://a Source : https://www.gov.kz/b", "Source : https://a", "https://www.gov.kz/b", true},
	}
	for _, tt := range tests {
		before, url, ok := splitSource(tt.line)
		if before != tt.before || url != tt.url || ok != tt.ok {
			t.Errorf("splitSource(%q) = %q, %q, %v; want %q, %q, %v", tt.line, before, url, ok, tt.before, tt.url, tt.ok)
		}
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-40):])
}
