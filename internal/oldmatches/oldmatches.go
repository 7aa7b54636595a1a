// Package oldmatches is an archive for testing how /search and /latest
// find matches older than the newest releases they walk first: in the GIN
// index, by the query's required words before ANALYZE and by the conjuncts
// the word statistics pick after it. The store's test imports it directly
// (store/search_paths_test.go), the binary's through `newsbot import`
// (cmd/newsbot/search_stats_test.go).
package oldmatches

import "fmt"

// Release is one release of the archive, in Kazakh, published Day days
// after the archive's first day.
type Release struct {
	Title, Body string
	Day         int
}

// Archive is six releases the queries find or nearly find, oldest, then
// 3,100 newer ones (more than a search's first walk reads) holding only the
// common words.
func Archive() []Release {
	rels := []Release{
		{"Түркістан облысы ауызсу", "Түркістан облысының ауылдарына ауызсу жеткізілді.", 0},
		{"Ауызсу жүйесі", "Оңтүстік Қазақстан облысы (қазіргі Түркістан облысы) ауызсу желісі.", 1},
		{"Алматы ауызсу", "Алматы облысында ауызсу құбыры салынды.", 2},
		{"Түркістан облысы жол", "Түркістан облысында жол жөнделді.", 3},
		{"Сырдария ауданы сумен жабдықтау", "Сырдария ауданында сумен жабдықтау жақсарды.", 4},
		{"Сырдария", "Сырдария өзені тасыды.", 5},
	}
	for i := range 3100 {
		rels = append(rels, Release{fmt.Sprintf("Аудан жаңалығы %d", i),
			"Түркістан облысы, Шымкент қаласы және аудандар әкімдігі хабарлайды. Сумен жабдықтау туралы.", 10 + i/100})
	}
	return rels
}

// Cases are what a search typed finds in Archive: every title, exactly.
var Cases = []struct {
	Typed string
	Want  []string
}{
	{"Түркістан облысы ауызсу", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
	{"Сырдария ауданы сумен жабдықтау", []string{"Сырдария ауданы сумен жабдықтау"}},
	{"Сырдария ауданы", []string{"Сырдария ауданы сумен жабдықтау"}},
	{"Сырдарьинский район", []string{"Сырдария ауданы сумен жабдықтау"}},
	{"Түркістан облысы жол", []string{"Түркістан облысы жол"}},
	{"ауызсу -Алматы", []string{"Түркістан облысы ауызсу", "Ауызсу жүйесі"}},
}
