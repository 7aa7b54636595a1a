package tgtext

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/schedule"
)

// avoided is a term GLOSSARY.md forbids in one language.
type avoided struct {
	lang, term string
	re         *regexp.Regexp
}

// glossaryAvoid reads the table "Terms to avoid" of GLOSSARY.md: its rows
// are | lang | `term`, `term` | use | why |.
func glossaryAvoid(t *testing.T) []avoided {
	t.Helper()
	src, err := os.ReadFile("GLOSSARY.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "## Terms to avoid")
	if !ok {
		t.Fatal(`GLOSSARY.md has no section "## Terms to avoid"`)
	}
	backticked := regexp.MustCompile("`([^`]+)`")
	var out []avoided
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		lang := strings.TrimSpace(cells[1])
		if lang != "kk" && lang != "ru" && lang != "en" {
			continue
		}
		for _, m := range backticked.FindAllStringSubmatch(cells[2], -1) {
			out = append(out, avoided{lang, m[1],
				regexp.MustCompile(`(?i)(?:^|[^\p{L}])` + regexp.QuoteMeta(m[1]))})
		}
	}
	if len(out) < 20 {
		t.Fatalf("read only %d terms to avoid from GLOSSARY.md", len(out))
	}
	return out
}

// TestTextsUseTheGlossary fails when a text uses a term GLOSSARY.md
// forbids in its language.
func TestTextsUseTheGlossary(t *testing.T) {
	avoid := glossaryAvoid(t)
	for _, lang := range Languages {
		for _, r := range renderAll(t, lang) {
			for _, a := range avoid {
				if a.lang == lang && a.re.MatchString(r.text) {
					t.Errorf("%s %s uses %q, which GLOSSARY.md says to avoid:\n%s", lang, r.name, a.term, r.text)
				}
			}
		}
	}
}

// TestQuotationMarks: «…» in Kazakh and Russian, “…” in English.
func TestQuotationMarks(t *testing.T) {
	wrong := map[string]string{"kk": "“”„", "ru": "“”„", "en": "«»"}
	for _, lang := range Languages {
		for _, r := range renderAll(t, lang) {
			if strings.ContainsAny(r.text, wrong[lang]) {
				t.Errorf("%s %s has the quotation marks of another language:\n%s", lang, r.name, r.text)
			}
		}
	}
}

// kkPluralAfterNumeral is a number followed by a word with a plural suffix
// ("5 жаңалықтар"): a Kazakh noun after a numeral stays singular.
var kkPluralAfterNumeral = regexp.MustCompile(`(?:^|[^\d:.,/-])\d+ \p{L}{2,}(?:лар|лер|дар|дер|тар|тер)`)

// kkSingularLike are singular words that end like a plural.
var kkSingularLike = []string{"қаңтар"}

func TestKazakhNounsAfterNumeralsAreSingular(t *testing.T) {
	for _, r := range renderAll(t, "kk") {
		text := r.text
		for _, w := range kkSingularLike {
			text = strings.ReplaceAll(text, " "+w, " —")
		}
		if m := kkPluralAfterNumeral.FindString(text); m != "" {
			t.Errorf("kk %s: %q: a noun after a numeral stays singular:\n%s", r.name, m, r.text)
		}
	}
	if m := kkPluralAfterNumeral.FindString("тағы 5 жаңалықтар"); m == "" {
		t.Error("the pattern misses a plural after a numeral")
	}
}

// TestEveryLanguageTakesTheSameArguments: a text's fmt verbs are the same, in
// the same order, in kk, ru and en, and no language is missing.
func TestEveryLanguageTakesTheSameArguments(t *testing.T) {
	for _, e := range catalogue(t) {
		want := strings.Join(verbs(e.Text.en), " ")
		for _, lang := range Languages {
			s := e.Text.In(lang)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: %s is empty", e.Pos, lang)
			}
			if got := strings.Join(verbs(s), " "); got != want {
				t.Errorf("%s: %s %s takes %q, en takes %q", e.Pos, lang, e.Name, got, want)
			}
		}
		if !regexp.MustCompile(`^(Msg|Txt|Btn|Cmd|Kind)[A-Z]`).MatchString(e.Name) {
			t.Errorf("%s: %s: a text's name starts with Msg, Txt, Btn, Cmd or Kind", e.Pos, e.Name)
		}
	}
}

// TestExampleCommandsWork: every /timezone and /digest example a text gives
// is one the bot accepts, in every language (a Kazakh "/timezone Будапешт"
// must find Europe/Budapest).
func TestExampleCommandsWork(t *testing.T) {
	// An argument starts with a capital, a digit or a sign; "/timezone —
	// уақыт белдеуі" and "/timezone and /language" name the command alone.
	zone := regexp.MustCompile(`/timezone ([\p{Lu}\d+-][^\s,;()<]*)`)
	clock := regexp.MustCompile(`/digest (\d[^\s,;()<]*)`)
	seen := 0
	for _, e := range catalogue(t) {
		for _, lang := range Languages {
			s := e.Text.In(lang)
			for _, m := range zone.FindAllStringSubmatch(s, -1) {
				arg := strings.TrimRight(m[1], ".")
				seen++
				if _, err := schedule.ParseZone(arg); err != nil {
					t.Errorf("%s %s: /timezone %s is refused: %v", lang, e.Name, arg, err)
				}
			}
			for _, m := range clock.FindAllStringSubmatch(s, -1) {
				arg := strings.TrimRight(m[1], ".")
				seen++
				if _, err := schedule.ParseClock(arg); err != nil {
					t.Errorf("%s %s: /digest %s is refused: %v", lang, e.Name, arg, err)
				}
			}
		}
	}
	if seen < 20 {
		t.Errorf("found only %d example commands", seen)
	}
}
