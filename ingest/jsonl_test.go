package ingest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

func TestParseJSONL(t *testing.T) {
	const mfa = "https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459"
	tests := []struct {
		name, line string
		want       store.NewRelease // ContentHash not compared
	}{
		{"url gives entity and id",
			`{"url":"` + mfa + `?lang=ru","title":"Казахстан и ОАЭ","body":"<p>Астана, 25 ноября.</p><p>Состоялись консультации.</p>","published":"2025-11-26"}`,
			store.NewRelease{EntitySlug: "mfa", GovkzID: 1112459, URL: mfa, Title: "Казахстан и ОАЭ", Body: "Астана, 25 ноября.\n\nСостоялись консультации.", Lang: "ru", PublishedOn: date(2025, 11, 26)}},
		{"entity and id without url",
			`{"entity":"MFA","id":"1112459","title":"T","body":"B","lang":"EN","published":"2025-11-26"}`,
			store.NewRelease{EntitySlug: "mfa", GovkzID: 1112459, URL: mfa, Title: "T", Body: "B", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"entity only",
			`{"entity":"shymkent","title":"Шымкентте жаңа жол салынды","body":"","published":"2025-11-26"}`,
			store.NewRelease{EntitySlug: "shymkent", Title: "Шымкентте жаңа жол салынды", Lang: "kk", PublishedOn: date(2025, 11, 26)}},
		{"RFC 3339 late evening UTC is the next day in Kazakhstan",
			`{"title":"T","published":"2025-11-25T20:30:00Z","unknown":{"x":[1,2]}}`,
			store.NewRelease{Title: "T", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"RFC 3339 with offset",
			`{"title":"T","published":"2025-11-26T00:30:00+05:00"}`,
			store.NewRelease{Title: "T", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"HTML title, entities, asterisks",
			`{"title":"<b>*Tom &amp; Jerry*</b>","body":"Plain\n\nbody","published":"2025-11-26"}`,
			store.NewRelease{Title: "Tom & Jerry", Body: "Plain\n\nbody", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"not a gov.kz url is dropped",
			`{"url":"https://example.com/a","title":"T","published":"2025-11-26"}`,
			store.NewRelease{Title: "T", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"nulls are absent",
			`{"url":null,"entity":null,"id":null,"title":"T","body":null,"lang":null,"published":"2025-11-26"}`,
			store.NewRelease{Title: "T", Lang: "en", PublishedOn: date(2025, 11, 26)}},
		{"dash title over a body",
			`{"title":"-","body":"<p>The akim met residents. More.</p>","published":"2025-11-26"}`,
			store.NewRelease{Title: "The akim met residents", Body: "The akim met residents. More.", Lang: "en", PublishedOn: date(2025, 11, 26)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels := parseString(t, "r.jsonl", "\n"+tt.line+"\n\n")
			if len(rels) != 1 {
				t.Fatalf("got %d releases, want 1", len(rels))
			}
			got := rels[0]
			if len(got.ContentHash) != 64 {
				t.Errorf("ContentHash %q", got.ContentHash)
			}
			got.ContentHash = ""
			got.Shingles = nil // checked by the similarity tests
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseJSONLErrors(t *testing.T) {
	const ok = `{"title":"T","published":"2025-11-26"}`
	tests := []struct {
		name, text, want string
	}{
		{"broken JSON", ok + "\n" + ok + "\n{\"title\": \"T\",\n", "r.jsonl:3: invalid JSON"},
		{"not an object", ok + "\n[1,2]\n", "r.jsonl:2: expected a JSON object"},
		{"trailing garbage", ok + "\n" + ok + " x\n", "r.jsonl:2: invalid JSON"},
		{"wrong type", `{"title":5,"published":"2025-11-26"}`, `r.jsonl:1: "title" must be a string, not a number`},
		{"no published", `{"title":"T"}`, `r.jsonl:1: "published" is required`},
		{"bad published", `{"title":"T","published":"26.11.2025"}`, `r.jsonl:1: published "26.11.2025" is neither`},
		{"published not a real date", `{"title":"T","published":"2025-02-31"}`, `r.jsonl:1: published "2025-02-31" is neither`},
		{"published year 1", `{"title":"T","published":"0001-01-01"}`, `r.jsonl:1: published "0001-01-01": year 1 is out of range`},
		{"bad lang", `{"title":"T","lang":"de","published":"2025-11-26"}`, `r.jsonl:1: "lang" "de" is not one of kk, ru, en`},
		{"bad entity", `{"title":"T","entity":"М ФА","published":"2025-11-26"}`, `r.jsonl:1: "entity" "М ФА" is not a gov.kz slug`},
		{"bad id", `{"title":"T","entity":"mfa","id":-3,"published":"2025-11-26"}`, `r.jsonl:1: "id" -3 is not a positive whole number`},
		{"id without entity", `{"title":"T","id":3,"published":"2025-11-26"}`, `r.jsonl:1: "id" needs an "entity"`},
		{"entity contradicts url", `{"url":"https://www.gov.kz/memleket/entities/mfa/press/news/details/1","entity":"mod","published":"2025-11-26"}`, `r.jsonl:1: "entity" "mod" contradicts the url's "mfa"`},
		{"invalid UTF-8", ok + "\n{\"title\":\"\xc3\x28\",\"published\":\"2025-11-26\"}\n", "r.jsonl:2: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("r.jsonl", strings.NewReader(tt.text))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestFormatDetection(t *testing.T) {
	tests := []struct {
		name, text string
		published  time.Time
	}{
		{"JSON after blank lines and a BOM", "\ufeff\n\n  {\"title\":\"T\",\"published\":\"2025-01-02\"}", date(2025, 1, 2)},
		{"page text", "Enbekshi QazaQ\n\nNews\n\n{braces} in a title 03.01.2025\nBody", date(2025, 1, 3)},
	}
	for _, tt := range tests {
		rels := parseString(t, "no-extension", tt.text)
		if len(rels) != 1 || !rels[0].PublishedOn.Equal(tt.published) {
			t.Errorf("%s: got %+v", tt.name, rels)
		}
	}
}
