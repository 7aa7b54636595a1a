package digest_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

// hostileTitle has what real titles hold and HTML must escape, and is long
// enough to be cut.
const hostileTitle = `<<Жаңа>> "Qazaqstan" & Co — 🇰🇿 <b>not bold</b> ` +
	`Kyzylzhar-2 microdistrict in Shymkent has been connected to a full-fledged engineering infrastructure, ` +
	`and the residents of Alkap, Ordakent, Nurlykent, Syganak, Terenozek and Kolkent streets are happy`

func longDigest(lang string, items int) digest.Digest {
	ent := &store.Entity{ID: 7, Slug: "mfa", NameEN: strings.Repeat("Ministry of Foreign Affairs ", 5)}
	d := digest.Digest{Lang: lang, Date: fixtureDay, More: 5}
	for g := 0; g < 3; g++ {
		grp := digest.Group{Title: fmt.Sprintf("keyword & <%d>", g), Keyword: true}
		for i := 0; i < items/3; i++ {
			id := int64(g*100 + i)
			grp.Items = append(grp.Items, digest.Item{
				Release: store.Release{ID: id, Title: hostileTitle, Entity: ent, PublishedOn: fixtureDay,
					URL: "https://www.gov.kz/memleket/entities/mfa/press/news/details/" + strconv.FormatInt(id, 10) + "?a=1&b=2"},
				Also: []string{"Embassy <of> Kazakhstan & Hungary", strings.Repeat("Akimat ", 20), "third", "fourth"},
			})
		}
		d.Groups = append(d.Groups, grp)
	}
	return d
}

var itemNumber = regexp.MustCompile(`(?m)^(\d+)\. `)

func TestLongDigestSplitsBetweenItems(t *testing.T) {
	for _, lang := range []string{"kk", "ru", "en"} {
		parts := digest.Render(longDigest(lang, 60))
		if len(parts) < 3 {
			t.Fatalf("%s: %d parts, want a digest this long to need several", lang, len(parts))
		}
		next := 1
		for i, p := range parts {
			plain, err := fakebotapi.ParseHTML(p.HTML)
			if err != nil {
				t.Fatalf("%s part %d: %v", lang, i+1, err)
			}
			if n := fakebotapi.TextLength(plain); n > 4096 {
				t.Errorf("%s part %d: %d characters", lang, i+1, n)
			}
			if plain != p.Plain {
				t.Errorf("%s part %d: Plain differs from what Telegram shows", lang, i+1)
			}
			// Items are whole and numbered on across parts.
			for _, m := range itemNumber.FindAllStringSubmatch(plain, -1) {
				if n, _ := strconv.Atoi(m[1]); n != next {
					t.Fatalf("%s part %d: item %d, want %d", lang, i+1, n, next)
				}
				next++
			}
			if open := map[string]string{"kk": "«", "ru": "«", "en": "“"}[lang]; i > 0 && !strings.HasPrefix(plain, open+"keyword") {
				t.Errorf("%s part %d does not start with its group's title:\n%.80s", lang, i+1, plain)
			}
		}
		if next != 61 {
			t.Errorf("%s: %d items rendered, want 60", lang, next-1)
		}
		last := parts[len(parts)-1].Plain
		if !strings.HasSuffix(last, "/latest") {
			t.Errorf("%s: the last part does not end with the “and 5 more” line", lang)
		}
	}
}

func TestGroupContinuedInTheNextPart(t *testing.T) {
	parts := digest.Render(longDigest("en", 60))
	if !strings.Contains(parts[1].Plain, "(continued)") {
		t.Errorf("part 2 should repeat its group's title as continued:\n%.200s", parts[1].Plain)
	}
}

func TestHeaderDateInEachLanguage(t *testing.T) {
	for lang, want := range map[string]string{"kk": "2025 жылғы 26 қараша", "ru": "26 ноября 2025", "en": "26 November 2025"} {
		d := longDigest(lang, 3)
		d.Date = time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC)
		if first := digest.Render(d)[0].Plain; !strings.Contains(strings.SplitN(first, "\n", 2)[0], want) {
			t.Errorf("%s header: %q, want the date %q", lang, strings.SplitN(first, "\n", 2)[0], want)
		}
	}
}
