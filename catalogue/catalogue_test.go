package catalogue

import (
	"encoding/csv"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
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

// TestEveryMissionHasItsCountry: each foreign mission has a country among
// its places (so /sources with the country's name in any language finds
// it), and its names say what it is in all three languages.
func TestEveryMissionHasItsCountry(t *testing.T) {
	ents, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	places := map[string][]string{}
	cr := csv.NewReader(strings.NewReader(entityPlacesCSV))
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		places[r[0]] = strings.Fields(r[1])
	}
	prefixes := map[string][]string{
		"kk": {"Қазақстан Республикасының "},
		"ru": {"Посольство Республики Казахстан ", "Генеральное консульство Республики Казахстан ",
			"Консульство Республики Казахстан ", "Постоянное представительство Республики Казахстан "},
		"en": {"Embassy of the Republic of Kazakhstan ", "Consulate General of the Republic of Kazakhstan ",
			"Consulate of the Republic of Kazakhstan ", "Permanent Mission of the Republic of Kazakhstan "},
	}
	n := 0
	for _, e := range ents {
		if e.Kind != store.KindEmbassy {
			continue
		}
		n++
		country := false
		for _, id := range places[e.Slug] {
			if p, ok := textmatch.PlaceByID(id); ok && p.Kind == "country" {
				country = true
			}
		}
		if !country {
			t.Errorf("%s: no country among its places %q", e.Slug, places[e.Slug])
		}
		if !strings.HasPrefix(e.Slug, "mfa-") {
			t.Errorf("%s: a mission's slug starts with mfa-", e.Slug)
		}
		for lang, ps := range prefixes {
			if !slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(e.Name(lang), p) }) {
				t.Errorf("%s: %s name %q is not a mission's", e.Slug, lang, e.Name(lang))
			}
		}
		if !strings.HasSuffix(e.NameKK, "елшілігі") && !strings.HasSuffix(e.NameKK, "консулдығы") &&
			!strings.HasSuffix(e.NameKK, "өкілдігі") {
			t.Errorf("%s: kk name %q ends with neither елшілігі, консулдығы nor өкілдігі", e.Slug, e.NameKK)
		}
	}
	if n < 75 {
		t.Errorf("%d missions, want at least 75", n)
	}
}

// TestInferredSlugsAreMarked: the rows whose slug is only inferred say so
// at the start of their evidence and are SlugInferred; the attested ones
// name their evidence. The counts are the README's.
func TestInferredSlugsAreMarked(t *testing.T) {
	ents, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := func() ([][]string, error) {
		cr := csv.NewReader(strings.NewReader(entitiesCSV))
		cr.Comment = '#'
		return cr.ReadAll()
	}()
	if err != nil {
		t.Fatal(err)
	}
	evidence := map[string]string{}
	for _, r := range recs[1:] {
		evidence[r[0]] = r[6]
	}
	counts := map[string]int{}
	for _, e := range ents {
		ev := evidence[e.Slug]
		if ev == "" {
			t.Errorf("%s: no evidence", e.Slug)
		}
		if e.SlugInferred != strings.HasPrefix(ev, "INFERRED:") {
			t.Errorf("%s: SlugInferred %v, evidence %q", e.Slug, e.SlugInferred, ev)
		}
		if strings.Contains(ev, "INFERRED") && !e.SlugInferred {
			t.Errorf("%s: evidence mentions INFERRED but not at its start: %q", e.Slug, ev)
		}
		key := e.Kind
		if e.SlugInferred {
			key += " inferred"
		}
		counts[key]++
	}
	want := map[string]int{"akimat": 40, "akimat inferred": 31, "ministry": 21, "other": 62,
		"embassy": 26, "embassy inferred": 65}
	if !maps.Equal(counts, want) {
		t.Errorf("counts %v, want %v (update the README's catalogue section with them)", counts, want)
	}
}

// TestNamesAreInTheirLanguage: a Kazakh name is in Cyrillic, a Russian
// one too and without Kazakh-only letters but in proper names, an English
// one in Latin letters: a column swapped by mistake fails.
func TestNamesAreInTheirLanguage(t *testing.T) {
	ents, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cyr := regexp.MustCompile(`^[\p{Cyrillic}0-9 ,.«»"()'’\-–]+$`)
	lat := regexp.MustCompile(`^[A-Za-z0-9 ,.'’()\-–äöüÄÖÜ]+$`)
	for _, e := range ents {
		if !cyr.MatchString(e.NameKK) {
			t.Errorf("%s: kk name %q", e.Slug, e.NameKK)
		}
		if !cyr.MatchString(e.NameRU) {
			t.Errorf("%s: ru name %q", e.Slug, e.NameRU)
		}
		if !lat.MatchString(e.NameEN) {
			t.Errorf("%s: en name %q", e.Slug, e.NameEN)
		}
	}
}

// TestMinistriesAndAstanaDistricts: the 21 ministries of 2025 and the
// six districts of Astana are there, each district under Astana.
func TestMinistriesAndAstanaDistricts(t *testing.T) {
	bySlug := load(t)
	n := 0
	for _, e := range bySlug {
		if e.Kind == store.KindMinistry {
			n++
			if !strings.HasPrefix(e.NameRU, "Министерство ") || !strings.HasPrefix(e.NameEN, "Ministry of ") {
				t.Errorf("%s: names %q, %q", e.Slug, e.NameRU, e.NameEN)
			}
		}
	}
	if n != 21 {
		t.Errorf("%d ministries, want 21", n)
	}
	for _, slug := range []string{"astana-almaty", "astana-baikonyr", "astana-esil", "astana-saryarka", "astana-nura", "astana-saraishyk"} {
		if e := bySlug[slug]; e.Kind != store.KindAkimat || e.ParentSlug != "astana" || e.Aliases == "" {
			t.Errorf("%s = %+v, want an akimat under astana with its district's names", slug, e)
		}
	}
	for _, slug := range []string{"kgd", "kvga"} {
		if bySlug[slug].ParentSlug != "minfin" {
			t.Errorf("%s: parent %q, want minfin", slug, bySlug[slug].ParentSlug)
		}
	}
}

func TestParseSkipsNotesAndMarksInferredSlugs(t *testing.T) {
	in := "# a note on provenance\nslug,kind,parent,name_kk,name_ru,name_en,evidence\n" +
		"mfa,ministry,,СІМ,МИД,MFA,fixture\n# another note\n" +
		"mfa-x,embassy,mfa,Елшілік,Посольство,Embassy,INFERRED: by the mfa-<city> pattern\n"
	got, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(got) != 2 || got[0].SlugInferred || !got[1].SlugInferred {
		t.Errorf("got %+v, want mfa attested and mfa-x inferred", got)
	}
}

// TestCityDistrictsAndRegionalCentres: the district akimats of the three
// big cities, each under its city with its district's names, and an akimat
// for every regional centre, under its region, found by the city's names.
func TestCityDistrictsAndRegionalCentres(t *testing.T) {
	bySlug := load(t)
	districts := map[string][]string{
		"almaty":   {"alatau", "almaly", "auezov", "bostandyk", "zhetysu", "medeu", "nauryzbay", "turksib"},
		"shymkent": {"abay", "al-farabi", "enbekshi", "karatau", "turan"},
		"astana":   {"almaty", "baikonyr", "esil", "saryarka", "nura", "saraishyk"},
	}
	for city, ds := range districts {
		for _, d := range ds {
			e, ok := bySlug[city+"-"+d]
			if !ok || e.Kind != store.KindAkimat || e.ParentSlug != city || e.Aliases == "" {
				t.Errorf("%s-%s = %+v, want an akimat under %s with its district's names", city, d, e, city)
			}
		}
	}
	if got := bySlug["almaty-almaly"]; !strings.Contains(got.Aliases, "Алмалы ауданы") || got.NameRU != "Акимат Алмалинского района города Алматы" {
		t.Errorf("almaty-almaly = %+v", got)
	}
	// Each regional centre (the city of places.tsv its region's akimat
	// serves) has a city akimat under that region that serves the city.
	centres := map[string]string{ // region akimat -> its centre's place
		"abay": "semey", "aqmola": "kokshetau", "aktobe": "aktobe", "almobl": "konaev", "atyrau": "atyrau",
		"akimvko": "oskemen", "zhambyl": "taraz", "zhetysu": "taldykorgan", "karaganda": "karaganda",
		"kostanay": "kostanay", "kyzylorda": "kyzylorda", "mangystau": "aktau", "pavlodar": "pavlodar",
		"sko": "petropavl", "ontustik": "turkistan", "ulytau": "zhezkazgan", "bko": "oral",
	}
	served := servedPlaces(t)
	for region, centre := range centres {
		found := false
		for _, slug := range served[centre] {
			if e := bySlug[slug]; e.Kind == store.KindAkimat && e.ParentSlug == region {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no city akimat under %s serves %s (served by %q)", centre, region, centre, served[centre])
		}
	}
	for slug, parent := range map[string]string{
		"migration": "qriim", "aviation": "transport", "geology": "mps", "krem": "economy", "pravstat": "prokuror",
	} {
		if e := bySlug[slug]; e.Kind != store.KindOther || e.ParentSlug != parent {
			t.Errorf("%s = %+v, want a committee under %s", slug, e, parent)
		}
	}
}

// servedPlaces maps each place id of entity_places.csv to the slugs of the
// entities that serve it.
func servedPlaces(t *testing.T) map[string][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(entityPlacesCSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	served := map[string][]string{}
	for _, r := range recs[1:] {
		for _, id := range strings.Fields(r[1]) {
			served[id] = append(served[id], r[0])
		}
	}
	return served
}

// TestEveryPlaceHasASource: every country of places.tsv is served by at
// least one of Kazakhstan's missions, and every other place (capital,
// consulate's city, region, regional centre, district) by some entity, so
// that /sources with any of its names in any language shows a source. The
// exceptions are listed with their reason.
func TestEveryPlaceHasASource(t *testing.T) {
	bySlug := load(t)
	served := servedPlaces(t)
	exceptions := map[string]string{
		// The city is leased to Russia; the President's special
		// representative there has no attested gov.kz slug.
		"baikonur": "no catalogued entity",
	}
	for _, p := range textmatch.Places() {
		slugs := served[p.ID]
		if _, ok := exceptions[p.ID]; ok {
			if len(slugs) > 0 {
				t.Errorf("%s is listed as an exception but is served by %q: drop the exception", p.ID, slugs)
			}
			continue
		}
		if p.Kind == "country" {
			if !slices.ContainsFunc(slugs, func(s string) bool { return bySlug[s].Kind == store.KindEmbassy }) {
				t.Errorf("country %s: no mission serves it (served by %q)", p.ID, slugs)
			}
			continue
		}
		if len(slugs) == 0 {
			t.Errorf("%s %s: no entity serves it", p.Kind, p.ID)
		}
	}
}
