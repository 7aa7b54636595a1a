package digest_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/golden"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// TestGoldenAlerts renders the alert messages a chat gets, in each language
// (one release, a bundle from one source, a bundle from several), and
// compares them with testdata/alerts_LANG.golden (-update rewrites them).
func TestGoldenAlerts(t *testing.T) {
	shymkent := &store.Entity{ID: 1, Slug: "shymkent", NameKK: "Шымкент қаласының әкімдігі",
		NameRU: "Акимат города Шымкент", NameEN: "Akimat of Shymkent city"}
	budapest := &store.Entity{ID: 2, Slug: "mfa-budapest", NameKK: "Қазақстан Республикасының Венгриядағы Елшілігі",
		NameRU: "Посольство Республики Казахстан в Венгрии", NameEN: "Embassy of the Republic of Kazakhstan in Hungary"}
	day := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	rel := func(id int64, e *store.Entity, title string) store.Release {
		return store.Release{ID: id, Entity: e, Title: title, PublishedOn: day,
			URL: fmt.Sprintf("https://www.gov.kz/memleket/entities/%s/press/news/details/%d?lang=ru", e.Slug, id)}
	}
	cases := []struct {
		name string
		rels []store.Release
	}{
		{"one", []store.Release{rel(101, shymkent, "Water shutdown in Abay district on 6 December <09:00–18:00>")}},
		{"bundle of one source", []store.Release{rel(102, shymkent, "Road works on Tauke Khan avenue"),
			rel(103, shymkent, "Heating season: hotline numbers"), rel(104, shymkent, "Akim's reception of citizens")}},
		{"bundle of several", []store.Release{rel(105, budapest, "Consular hours change for the holidays"),
			rel(106, shymkent, "Snow removal: 300 machines on the streets"), rel(107, budapest, "Visa-free regime reminder")}},
	}
	for _, lang := range []string{"kk", "ru", "en"} {
		t.Run(lang, func(t *testing.T) {
			var got strings.Builder
			for _, c := range cases {
				block, n := tgtext.Alert(c.rels, lang)
				if n != len(c.rels) {
					t.Errorf("%s: holds %d of %d", c.name, n, len(c.rels))
				}
				plain, err := fakebotapi.ParseHTML(block.HTML)
				if err != nil || plain != block.Plain {
					t.Errorf("%s: HTML %v, or its text differs from the plain one:\n%q\n%q", c.name, err, plain, block.Plain)
				}
				fmt.Fprintf(&got, "===== %s: %d characters =====\n%s\n", c.name, fakebotapi.TextLength(plain), block.HTML)
			}
			golden.Compare(t, filepath.Join("testdata", "alerts_"+lang+".golden"), got.String())
		})
	}
}
