package catalogue

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/store"
)

func load(t *testing.T) map[string]store.Entity {
	t.Helper()
	entities, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	bySlug := map[string]store.Entity{}
	for _, e := range entities {
		bySlug[e.Slug] = e
	}
	return bySlug
}

func TestLoad(t *testing.T) {
	entities, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(entities) < 50 {
		t.Errorf("got %d entities, want at least 50", len(entities))
	}
	for _, e := range entities {
		if !e.InCatalogue {
			t.Errorf("%s: InCatalogue is false", e.Slug)
		}
		if !slices.Contains(kinds, e.Kind) {
			t.Errorf("%s: kind %q", e.Slug, e.Kind)
		}
	}
}

func TestFixtureEntitiesAreCatalogued(t *testing.T) {
	text, err := os.ReadFile("../testdata/enbekshi-news-2025-11-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	matches := regexp.MustCompile(`gov\.kz/memleket/entities/([a-z0-9-]+)/`).FindAllStringSubmatch(string(text), -1)
	if len(matches) == 0 {
		t.Fatal("no gov.kz entity URLs found in the fixture")
	}
	bySlug := load(t)
	for _, m := range matches {
		if _, ok := bySlug[m[1]]; !ok {
			t.Errorf("fixture entity %q is not in the catalogue", m[1])
		}
	}
}

func TestRegionsAndCities(t *testing.T) {
	bySlug := load(t)
	akimats := []string{
		// The 17 regions.
		"abay", "aqmola", "aktobe", "almobl", "atyrau", "akimvko", "zhambyl", "zhetysu",
		"karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "sko", "ontustik",
		"ulytau", "bko",
		// The 3 cities of republican significance.
		"astana", "almaty", "shymkent",
	}
	for _, slug := range akimats {
		e, ok := bySlug[slug]
		if !ok {
			t.Errorf("%s: missing", slug)
			continue
		}
		if e.Kind != store.KindAkimat || e.ParentSlug != "" {
			t.Errorf("%s: kind %q parent %q, want akimat without parent", slug, e.Kind, e.ParentSlug)
		}
	}
	if got, want := bySlug["shymkent"].NameRU, "Акимат города Шымкент"; got != want {
		t.Errorf("shymkent ru name = %q, want %q", got, want)
	}
}

func TestEmbassiesBelongToMFA(t *testing.T) {
	bySlug := load(t)
	if bySlug["mfa"].Kind != store.KindMinistry {
		t.Fatalf("mfa: kind %q, want ministry", bySlug["mfa"].Kind)
	}
	n := 0
	for _, e := range bySlug {
		if e.Kind == store.KindEmbassy {
			n++
			if e.ParentSlug != "mfa" {
				t.Errorf("%s: parent %q, want mfa", e.Slug, e.ParentSlug)
			}
		}
	}
	if n == 0 {
		t.Error("no embassies")
	}
}

func TestParseRejectsMalformedInput(t *testing.T) {
	const head = "slug,kind,parent,name_kk,name_ru,name_en,evidence\n"
	tests := []struct {
		name, csv, wantErr string
	}{
		{"empty", "", "header"},
		{"wrong header", "slug,kind,name_kk,name_ru,name_en,parent,evidence\n", "line 1"},
		{"too few fields", head + "mfa,ministry,,a,b,c\n", "line 2"},
		{"upper-case slug", head + "MFA,ministry,,a,b,c,e\n", `line 2: bad slug "MFA"`},
		{"slug with slash", head + "mfa/x,ministry,,a,b,c,e\n", "bad slug"},
		{"leading hyphen", head + "-mfa,ministry,,a,b,c,e\n", "bad slug"},
		{"unknown kind", head + "mfa,ministry,,a,b,c,e\nx,consulate,mfa,a,b,c,e\n", `line 3: x: unknown kind "consulate"`},
		{"empty ru name", head + "mfa,ministry,,a,,c,e\n", "line 2: mfa: a name"},
		{"blank en name", head + "mfa,ministry,,a,b,  ,e\n", "line 2: mfa: a name"},
		{"duplicate slug", head + "mfa,ministry,,a,b,c,e\nmod,ministry,,a,b,c,e\nmfa,ministry,,a,b,c,e\n", `line 4: slug "mfa" already on line 2`},
		{"missing parent", head + "mfa,ministry,,a,b,c,e\nmfa-x,embassy,mfo,a,b,c,e\n", `line 3: parent "mfo"`},
		{"own parent", head + "mfa,ministry,mfa,a,b,c,e\n", "own parent"},
		{"bad quoting", head + "mfa,ministry,,\"a,b,c,e\n", "catalogue:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(strings.NewReader(tt.csv))
			if err == nil {
				t.Fatalf("parse = %v, want error containing %q", got, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseAcceptsParentAfterChild(t *testing.T) {
	in := "slug,kind,parent,name_kk,name_ru,name_en,evidence\n" +
		"mfa-x,embassy,mfa,\"Елшілік, X\",Посольство,Embassy,\n" +
		"mfa,ministry,,СІМ,МИД,MFA,fixture\n"
	got, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	want := []store.Entity{
		{Slug: "mfa-x", Kind: "embassy", ParentSlug: "mfa", NameKK: "Елшілік, X", NameRU: "Посольство", NameEN: "Embassy", InCatalogue: true},
		{Slug: "mfa", Kind: "ministry", NameKK: "СІМ", NameRU: "МИД", NameEN: "MFA", InCatalogue: true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestEmbassiesAndAkimatsHavePlaces(t *testing.T) {
	bySlug := load(t)
	for _, e := range bySlug {
		if (e.Kind == store.KindEmbassy || e.Kind == store.KindAkimat && e.ParentSlug == "") && e.Aliases == "" {
			t.Errorf("%s: no places in entity_places.csv", e.Slug)
		}
	}
	for slug, want := range map[string]string{"mfa-budapest": "Будапешт", "bko": "Уральск", "mfa-istanbul": "Türkiye"} {
		if !strings.Contains(bySlug[slug].Aliases, want) {
			t.Errorf("%s: aliases %q lack %q", slug, bySlug[slug].Aliases, want)
		}
	}
}

func TestWithPlacesRejectsUnknownNames(t *testing.T) {
	ents := []store.Entity{{Slug: "mfa-x"}}
	for in, wantErr := range map[string]string{
		"slug,places\nmfa-y,hungary\n":  `"mfa-y" is not in the catalogue`,
		"slug,places\nmfa-x,atlantis\n": `no place "atlantis"`,
		"slug,where\n":                  "header",
	} {
		if _, err := withPlaces(ents, strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("withPlaces(%q) error %v, want %q", in, err, wantErr)
		}
	}
}
