package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// TestSearchAcrossScripts is issue 5's acceptance through the Bot API:
// Шымкент and Şymkent find the English "Shymkent" releases, "Kyzylzhar-2"
// finds both fixture stories, and a snippet highlights the matched word as
// the release writes it.
func TestSearchAcrossScripts(t *testing.T) {
	h := newHarness(t)
	for _, q := range []string{"Шымкент", "Şymkent", "SHYMKENT"} {
		m := h.one(h.send(400, "en", "/search "+q))
		mustContain(t, m.Plain, "Kyzylzhar-2 microdistrict in Shymkent", "From deficit to development")
	}
	m := h.one(h.send(400, "en", `/search "Kyzylzhar-2"`))
	mustContain(t, m.Plain, "Kyzylzhar-2 microdistrict in Shymkent", "From deficit to development")

	_, err := h.st.ImportReleases(context.Background(), []store.NewRelease{{
		EntitySlug: "shymkent", GovkzID: 910101, ContentHash: strings.Repeat("k", 64),
		URL:   "https://www.gov.kz/memleket/entities/shymkent/press/news/details/910101",
		Title: "Жаңа мектеп", Body: "Бүгін Шымкентте 600 орындық жаңа мектеп ашылды.", Lang: "kk",
		PublishedOn: time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC),
	}})
	if err != nil {
		t.Fatal(err)
	}
	m = h.one(h.send(400, "en", "/search Shymkent entity:shymkent since:2025-11-27"))
	mustContain(t, m.Plain, "Жаңа мектеп", "Шымкентте")
	if strings.Contains(m.Plain, "Kyzylzhar") {
		t.Errorf("since:2025-11-27 should leave out the 26 November stories:\n%s", m.Plain)
	}
	if !boldCovers(m, "Шымкентте") {
		t.Errorf("the snippet should bold Шымкентте as written; entities %+v", m.Entities)
	}
	mustContain(t, h.one(h.send(400, "en", "/search Shymkent since:last-week")).Plain, "since:2025-11-01")
}

// boldCovers reports whether a bold entity of m covers exactly word.
func boldCovers(m fakebotapi.Message, word string) bool {
	units := []rune(m.Plain) // the test's words are in the BMP: runes are UTF-16 units
	for _, e := range m.Entities {
		if e.Type == "bold" && e.Offset+e.Length <= len(units) && string(units[e.Offset:e.Offset+e.Length]) == word {
			return true
		}
	}
	return false
}
