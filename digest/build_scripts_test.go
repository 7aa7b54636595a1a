package digest_test

import (
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/digest"
)

// TestKeywordCrossesScripts: a keyword typed in Latin brings Cyrillic
// (Kazakh and Russian, inflected) and Kazakh Latin releases into the digest,
// through the same matcher as /search.
func TestKeywordCrossesScripts(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(20, "en")
	e.follow(20, "word:Shymkent")
	e.importReleases(
		release("shymkent", 910001, fixtureDay, "Шымкентте жаңа мектеп ашылды",
			"Шымкент қаласында 600 орындық жаңа мектеп пайдалануға берілді. Мектепте заманауи зертханалар бар."),
		release("shymkent", 910002, fixtureDay, "В Шымкенте отремонтировали дороги",
			"Акимат города Шымкент завершил ремонт двенадцати улиц в Енбекшинском районе."),
		release("shymkent", 910003, fixtureDay, "Şymkentte su qūbyry tartyldy",
			"Şymkent qalasynyñ Qyzyljar şağyn audanyna jaña su qūbyry tartyldy."),
		release("almaty", 910004, fixtureDay, "Almaty opens a new park",
			"A new park with 2,000 trees opened in the Nauryzbay district of Almaty."),
	)
	e.pass(fixtureDay)
	got := strings.Join(e.queued(20), "\n")
	for _, want := range []string{"Шымкентте жаңа мектеп ашылды", "В Шымкенте отремонтировали дороги", "Şymkentte su qūbyry tartyldy"} {
		if !strings.Contains(got, want) {
			t.Errorf("the keyword Shymkent did not bring %q into the digest:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Almaty opens a new park") {
		t.Errorf("an Almaty release matched the keyword Shymkent:\n%s", got)
	}
}
