package tgtext

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// An item's "also in" lines link the other release's page in its own
// language, name a source without a page as text, escape what they show,
// and stop at maxAlso.
func TestItemAlsoIn(t *testing.T) {
	r := store.Release{URL: "https://www.gov.kz/memleket/entities/shymkent/press/news/details/1", Title: "Су", Lang: "kk",
		PublishedOn: time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)}
	also := []AlsoIn{
		{Lang: "ru", URL: "https://www.gov.kz/memleket/entities/water/press/news/details/2", Source: hostile},
		{Lang: "en", Source: "Embassy <in> Hungary"},
		{Lang: "ru", URL: "https://example.org/3", Source: "third"},
		{Lang: "en", URL: "https://example.org/4", Source: "fourth"},
	}
	b := Item(1, r, "en", ItemOptions{AlsoIn: also})
	plain, err := fakebotapi.ParseHTML(b.HTML)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.HTML)
	}
	if plain != b.Plain {
		t.Errorf("the HTML reads\n%q\nnot\n%q", plain, b.Plain)
	}
	for _, want := range []string{
		`<i>also in Russian: </i><a href="https://www.gov.kz/memleket/entities/water/press/news/details/2?lang=ru">&lt;b&gt;&amp;&#34;</a>`,
		`<i>also in English: Embassy &lt;in&gt; Hungary</i>`,
		`<i>also in Russian: </i><a href="https://example.org/3">third</a>`,
	} {
		if !strings.Contains(b.HTML, want) {
			t.Errorf("no %s in\n%s", want, b.HTML)
		}
	}
	if strings.Contains(b.Plain, "fourth") {
		t.Errorf("more than %d also-in lines:\n%s", maxAlso, b.Plain)
	}
}
