package bot_test

import (
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// cataloguePages opens the catalogue page of one kind (its button label in
// the chat's language) and pages through it with next, returning the
// entity buttons' labels in order and their callback data.
func cataloguePages(t *testing.T, h *harness, chat int64, lang, kindLabel, next string) (names, datas []string) {
	t.Helper()
	m := h.one(h.send(chat, lang, "/sources"))
	data := buttonData(t, m, kindLabel)
	for pages := 0; data != ""; pages++ {
		if pages > 100 {
			t.Fatal("more than 100 pages")
		}
		msgs, _ := h.press(chat, lang, m.MessageID, data)
		page := h.one(msgs)
		data = ""
		for i, row := range page.Keyboard {
			if i == len(page.Keyboard)-1 { // navigation
				for _, b := range row {
					if b.Text == next {
						data = b.CallbackData
					}
				}
				continue
			}
			for _, b := range row {
				names = append(names, b.Text)
				datas = append(datas, b.CallbackData)
			}
		}
	}
	return names, datas
}

// TestCatalogueSortedByNameInTheChatsLanguage: the catalogue pages list
// the names a reader sees in the alphabetical order of the reader's
// language (checked against CLDR's collation), not by slug, and paging
// shows each entity once.
func TestCatalogueSortedByNameInTheChatsLanguage(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		chat             int64
		lang, kind, next string
		tag              language.Tag
	}{
		{710, "ru", "Акиматы", "Далее ›", language.Russian},
		{711, "kk", "Әкімдіктер", "Келесі ›", language.Kazakh},
		{712, "en", "Embassies and missions", "Next ›", language.English},
		{713, "kk", "Министрліктер", "Келесі ›", language.Kazakh},
		{714, "ru", "Посольства и представительства", "Далее ›", language.Russian},
		{715, "kk", "Басқалары", "Келесі ›", language.Kazakh},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.kind, func(t *testing.T) {
			names, datas := cataloguePages(t, h, tt.chat, tt.lang, tt.kind, tt.next)
			if len(names) <= 10 {
				t.Fatalf("%d names, want more than a page: %q", len(names), names)
			}
			col := collate.New(tt.tag)
			seen := map[string]bool{}
			for i, n := range names {
				if seen[datas[i]] {
					t.Errorf("%q listed twice", n)
				}
				seen[datas[i]] = true
				if i > 0 && col.CompareString(comparable(names[i-1], n)) > 0 {
					t.Errorf("%q listed before %q", names[i-1], n)
				}
			}
		})
	}
}

// comparable are two button labels cut to what both show: a truncated
// label ("… in…") says nothing of the letters it dropped.
func comparable(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	if strings.HasSuffix(a, "…") || strings.HasSuffix(b, "…") {
		n--
		return string(ra[:min(n, len(ra))]), string(rb[:min(n, len(rb))])
	}
	return a, b
}
