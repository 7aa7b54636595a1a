package tgtext

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/golden"
	"github.com/newsbot-kz/newsbot/store"
)

// hostile is the argument every %s gets unless samples says otherwise:
// markup, an entity and a quote that must come out as text.
const hostile = `<b>&"`

// htmlExceptions are the texts whose name does not say whether they are
// HTML (Msg) or plain (the others): Msg texts shown as a button's
// notification, and a Txt the bot writes into HTML with an escaped title.
var htmlExceptions = map[string]bool{"MsgModeSet": false, "MsgActingOnToast": false, "TxtActingOn": true}

// isHTML reports whether the text named name is Telegram HTML.
func isHTML(name string) bool {
	if html, ok := htmlExceptions[name]; ok {
		return html
	}
	return strings.HasPrefix(name, "Msg")
}

var sampleDay = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)

// samples are the arguments of texts whose arguments are not a hostile
// string and small numbers, as the bot passes them (escaped where it escapes
// them). Every other text gets one from its verbs.
var samples = map[string]func(lang string) []any{
	"MsgDigestHeader":       func(l string) []any { return []any{Tr(l, MsgDigestOn, "09:00", "Asia/Almaty, UTC+05:00")} },
	"MsgDigestChanged":      func(l string) []any { return []any{Tr(l, MsgDigestOff)} },
	"MsgDigestOn":           func(string) []any { return []any{"07:30", "Europe/Budapest, UTC+01:00"} },
	"MsgDigestNext":         func(l string) []any { return []any{FormatDate(l, sampleDay) + ", 09:00"} },
	"MsgZoneCurrent":        func(string) []any { return []any{"Asia/Almaty, UTC+05:00"} },
	"MsgZoneSet":            func(string) []any { return []any{"Europe/Budapest, UTC+01:00"} },
	"MsgAlertsQuiet":        func(string) []any { return []any{"23:00", "07:00", "Asia/Almaty"} },
	"MsgAlertsLimits":       func(string) []any { return []any{20} },
	"MsgTooMany":            func(string) []any { return []any{50} },
	"MsgKeywordTooShort":    func(string) []any { return []any{2} },
	"MsgKeywordTooLong":     func(string) []any { return []any{64} },
	"MsgSearchTooLong":      func(string) []any { return []any{200} },
	"MsgSearchTooManyTerms": func(string) []any { return []any{10} },
	"MsgYourSubscriptions":  func(string) []any { return []any{3, 50} },
	"MsgFollowEntity":       func(string) []any { return []any{Esc(hostile), "shymkent"} },
	"MsgAlreadyFollow":      func(l string) []any { return []any{Quote(l, Esc(hostile))} },
	"MsgUnfollowed":         func(l string) []any { return []any{Quote(l, Esc(hostile))} },
	"MsgModeSet":            func(l string) []any { return []any{Quote(l, hostile), ModeName(l, store.DeliverInstant)} },
	"MsgCataloguePage":      func(l string) []any { return []any{KindAkimat.In(l)} },
	"MsgChannelLanguageSet": func(l string) []any { return []any{LanguageName(l, "kk")} },
	"MsgChannelPick":        func(l string) []any { return []any{TxtThisChat.In(l)} },
	"MsgDidYouMean":         func(string) []any { return []any{"shymkent, " + Esc(hostile)} },
	"MsgStatsChats":         func(string) []any { return []any{1200, 950} },
	"MsgStatsSubscribers":   func(string) []any { return []any{870} },
	"MsgStatsSubscriptions": func(string) []any { return []any{1500, 640} },
	"MsgStatsReleases":      func(string) []any { return []any{41} },
	"MsgStatsOutbox":        func(string) []any { return []any{3} },
	"MsgStatsDigest":        func(string) []any { return []any{"05.12.2026 09:00 (Asia/Almaty)", 870, 901, 905} },
	"MsgStatsSources":       func(string) []any { return []any{2, 58} },
	"TxtHeader":             func(l string) []any { return []any{FormatDate(l, sampleDay)} },
	"TxtUndelivered":        func(l string) []any { return []any{FormatDate(l, sampleDay.AddDate(0, 0, -1))} },
}

var verbPattern = regexp.MustCompile(`%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// verbs are the fmt verbs of s, in order.
func verbs(s string) []string { return verbPattern.FindAllString(s, -1) }

// args are the arguments e is rendered with in lang.
func args(e entry, lang string) []any {
	if f, ok := samples[e.Name]; ok {
		return f(lang)
	}
	var out []any
	for i, v := range verbs(e.Text.en) {
		switch v {
		case "%d":
			out = append(out, 5*(i+1))
		case "%s":
			if isHTML(e.Name) {
				out = append(out, Esc(hostile))
			} else {
				out = append(out, hostile)
			}
		}
	}
	return out
}

// rendered is one text as a chat reads it.
type rendered struct {
	name, text string
	html       bool
	hostile    bool // an argument is the hostile string, which must show as text
}

// renderAll is every text of the package in lang: the catalogue with
// representative arguments, then what the functions that take a language
// build.
func renderAll(t testing.TB, lang string) []rendered {
	t.Helper()
	var out []rendered
	for _, e := range catalogue(t) {
		a := args(e, lang)
		_, sampled := samples[e.Name]
		out = append(out, rendered{e.Name, Tr(lang, e.Text, a...), isHTML(e.Name),
			!sampled && strings.Contains(e.Text.en, "%s")})
	}
	for _, name := range langFuncs(t) {
		f, ok := funcSamples[name]
		if !ok {
			t.Fatalf("%s takes a language: render it in funcSamples (or say there where it is covered)", name)
		}
		if f == nil {
			continue
		}
		for _, s := range f(lang) {
			out = append(out, rendered{name: name + " " + s[0], text: s[1]})
		}
	}
	return out
}

// funcSamples render the functions that take a language, each as a list of
// {case, text}; nil for those covered elsewhere.
var funcSamples = map[string]func(lang string) [][2]string{
	"Tr":          nil, // renders the catalogue
	"Item":        nil, // digest/testdata/digest_*.golden and alerts_*.golden
	"ItemBody":    nil, // Item, without its number
	"ReleaseLink": nil, // a URL
	"Alert":       nil, // digest/testdata/alerts_*.golden; its header below
	"FormatDate": func(l string) (out [][2]string) {
		for m := time.January; m <= time.December; m++ {
			d := time.Date(2026, m, 5, 0, 0, 0, 0, time.UTC)
			out = append(out, [2]string{d.Format("2006-01-02"), FormatDate(l, d)})
		}
		return out
	},
	"Quote": func(l string) [][2]string { return [][2]string{{"keyword", Quote(l, "су құбыры")}} },
	"NewReleases": func(l string) (out [][2]string) {
		for _, n := range counts {
			out = append(out, [2]string{fmt.Sprint(n), NewReleases(l, n)})
		}
		return out
	},
	"MoreReleases": func(l string) (out [][2]string) {
		for _, n := range counts {
			out = append(out, [2]string{fmt.Sprint(n), MoreReleases(l, n)})
		}
		return out
	},
	"newFrom": func(l string) (out [][2]string) {
		for _, n := range counts[1:] {
			out = append(out, [2]string{fmt.Sprint(n), newFrom(l, n, "")},
				[2]string{fmt.Sprint(n) + " from one source", newFrom(l, n, hostile)})
		}
		return out
	},
	"alertHeader": func(l string) [][2]string {
		return [][2]string{{"one", alertHeader([]store.Release{{Title: "x"}}, l)}}
	},
	"ModeName": func(l string) (out [][2]string) {
		for _, d := range []string{store.DeliverDigest, store.DeliverInstant, store.DeliverBoth} {
			out = append(out, [2]string{d, ModeName(l, d)})
		}
		return out
	},
	"LanguageName": func(l string) (out [][2]string) {
		for _, of := range Languages {
			out = append(out, [2]string{of, LanguageName(l, of)})
		}
		return out
	},
	"DisplayTitle": func(l string) [][2]string {
		e := &store.Entity{Slug: "shymkent", NameKK: hostile, NameRU: hostile, NameEN: hostile}
		return [][2]string{{"untitled", DisplayTitle(store.Release{}, l)},
			{"untitled from a source", DisplayTitle(store.Release{Entity: e}, l)}}
	},
}

// counts cover every plural form: Russian one (1, 21), few (2, 22), many
// (5, 11).
var counts = []int{1, 2, 5, 11, 21, 22}

// TestGoldenTexts renders every text of the catalogue with representative
// arguments (a hostile one among them), and every text built in code, in
// each language, and compares them with testdata/texts_LANG.golden
// (go test ./tgtext -update rewrites them). A new text shows up there by
// itself: the catalogue is read from the source.
func TestGoldenTexts(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			var got strings.Builder
			for _, r := range renderAll(t, lang) {
				kind := "plain"
				if r.html {
					kind = "HTML"
				}
				fmt.Fprintf(&got, "===== %s (%s) =====\n%s\n", r.name, kind, r.text)
			}
			golden.Compare(t, filepath.Join("testdata", "texts_"+lang+".golden"), got.String())
		})
	}
}

// TestTextsAreValidTelegramHTML parses every HTML text as Telegram would:
// only the tags the bot uses, closed, and arguments escaped, so that the
// hostile one reads as itself. A plain text has no markup at all, so that
// escaping it shows it as it is.
func TestTextsAreValidTelegramHTML(t *testing.T) {
	allowed := map[string]bool{"b": true, "i": true, "code": true}
	tag := regexp.MustCompile(`</?([a-zA-Z-]+)[^>]*>`)
	for _, lang := range Languages {
		for _, r := range renderAll(t, lang) {
			if !r.html {
				if plain, err := fakebotapi.ParseHTML(Esc(r.text)); err != nil || plain != r.text {
					t.Errorf("%s %s: plain text does not survive escaping (%v): %q", lang, r.name, err, r.text)
				}
				continue
			}
			for _, m := range tag.FindAllStringSubmatch(r.text, -1) {
				if !allowed[m[1]] {
					t.Errorf("%s %s: tag <%s>", lang, r.name, m[1])
				}
			}
			plain, err := fakebotapi.ParseHTML(r.text)
			if err != nil {
				t.Errorf("%s %s: %v\n%s", lang, r.name, err, r.text)
				continue
			}
			if r.hostile && !strings.Contains(plain, hostile) {
				t.Errorf("%s %s: the argument %q does not read as itself:\n%s", lang, r.name, hostile, plain)
			}
		}
	}
	// The plain catalogue texts carry no markup of their own.
	for _, e := range catalogue(t) {
		if isHTML(e.Name) {
			continue
		}
		for _, lang := range Languages {
			if s := e.Text.In(lang); strings.ContainsAny(s, "<>&") {
				t.Errorf("%s %s is plain text but holds markup: %q", lang, e.Name, s)
			}
		}
	}
}
