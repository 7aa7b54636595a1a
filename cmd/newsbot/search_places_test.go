package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// TestSearchFindsAPlaceHoweverItIsWritten runs the built binary: a place
// found by any of its names, in any script, inflected or not (issue "Find
// it however it is written").
func TestSearchFindsAPlaceHoweverItIsWritten(t *testing.T) {
	bin := buildBinary(t)
	env := append(os.Environ(), "DATABASE_URL="+testdb.URL(t))
	newsbot := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("newsbot %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	// A release naming a Ukrainian city the place table does not hold, for
	// the query typed in Ukrainian, with ї.
	kyiv := t.TempDir() + "/kyiv.jsonl"
	if err := os.WriteFile(kyiv, []byte(`{"url": "https://www.gov.kz/memleket/entities/mfa-kyiv/press/news/details/9190001", `+
		`"title": "Consular reception days in Izmail", "body": "The Embassy of Kazakhstan in Ukraine will receive citizens in Izmail and Odesa.", `+
		`"lang": "en", "published": "2026-11-20"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	newsbot("import", fixture, "../../testdata/eval/corpus.jsonl", kyiv)
	tests := []struct {
		query string
		want  []string // titles, or their beginnings
	}{
		{"Будапешт", []string{"Meeting at the Embassy with Kazakhstani Specialists Studying “Water Governance” in Hungary"}},
		{"Венгрия", []string{"“Water Governance” in Hungary"}},
		{"Мажарстан", []string{"“Water Governance” in Hungary"}},
		{"Шымкентте", []string{"Kyzylzhar-2 microdistrict in Shymkent", "From deficit to development"}},
		{"Shymkent's", []string{"Kyzylzhar-2 microdistrict in Shymkent"}},
		{"Chimkent", []string{"Kyzylzhar-2 microdistrict in Shymkent", "Выставка «Старый Чимкент»"}},
		{"Чимкент", []string{"From deficit to development"}},
		{"Туркестан", []string{"Түркістан облысында"}},
		{"Turkistan", []string{"Туркестанской"}},
		{"Alma-Ata", []string{"Алматыда 40 көшеде жол жөндеу"}},
		{"Nur-Sultan", []string{"Астанада", "Joint Initiatives with the UN"}},
		{"Усть-Каменогорск", []string{"Өскеменде Ертіс өзені арқылы жаңа көпір салынады"}},
		{"Ізмаїл", []string{"Consular reception days in Izmail"}},
	}
	for _, tt := range tests {
		out := newsbot("search", tt.query)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("newsbot search %s did not find %q:\n%s", tt.query, w, out)
			}
		}
	}
}

// TestSearchForADistrictNamesItsAkimat runs the built binary as a reader in
// Kyzylorda region would: the district's name is in no release of its
// akimat ("the akim of the district"), so the console answers that nothing
// was found and offers the akimat's newest releases, and pressing the
// button shows them; `newsbot search` names the akimat the same way.
func TestSearchForADistrictNamesItsAkimat(t *testing.T) {
	newsbot := binaryRunner(t, "DATABASE_URL="+testdb.URL(t), "NEWSBOT_LANG=en")
	out := newsbot("/search Сырдария ауданы\n1\n", "console")
	for _, want := range []string{
		"Nothing found for “Сырдария ауданы” in the text of the releases",
		"[1] Akimat of Syrdarya district — newest releases",
		"Waste management concept reviewed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	out = newsbot("", "search", "Сырдарьинский", "район")
	if !strings.Contains(out, `nothing found for "Сырдарьинский район"`) ||
		!strings.Contains(out, "Akimat of Syrdarya district (kyzylorda-syrdarya)") {
		t.Errorf("newsbot search Сырдарьинский район:\n%s", out)
	}
}

// binaryRunner builds newsbot and returns a function that runs it with env
// added to the test's environment and stdin, failing the test when it
// fails, and returns its output.
func binaryRunner(t *testing.T, env ...string) func(stdin string, args ...string) string {
	t.Helper()
	bin := buildBinary(t)
	return func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("newsbot %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
}
