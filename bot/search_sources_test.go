package bot_test

import (
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// TestSearchForADistrictOpensItsAkimat is a reader's story: someone in
// Kyzylorda region types their district's name. The district akimat's
// release in the sample says "the akim of the district", never its name,
// so no text matches; the bot says so and offers the akimat's newest
// releases, in each language and script, and the button shows them.
func TestSearchForADistrictOpensItsAkimat(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		chat              int64
		lang, query, note string
		button, header    string
	}{
		{540, "kk", "Сырдария ауданы", "жаңалықтар мәтінінде ештеңе табылмады",
			"Сырдария ауданының әкімдігі — соңғы жаңалықтар", "Сырдария ауданының әкімдігі: соңғы жаңалықтар"},
		{541, "ru", "Сырдарьинский район", "в текстах новостей ничего не найдено",
			"Акимат Сырдарьинского района — последние новости", "Акимат Сырдарьинского района: последние новости"},
		{542, "en", "Syrdarya district", "in the text of the releases",
			"Akimat of Syrdarya district — newest releases", "Newest from Akimat of Syrdarya district"},
		{543, "en", "Сырдария ауданында", "in the text of the releases", // inflected, another script
			"Akimat of Syrdarya district — newest releases", "Newest from Akimat of Syrdarya district"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := h.one(h.send(tt.chat, tt.lang, "/search "+tt.query))
			mustContain(t, m.Plain, tt.note)
			msgs, _ := h.press(tt.chat, tt.lang, m.MessageID, buttonData(t, m, tt.button))
			page := h.one(msgs)
			mustContain(t, page.Plain, tt.header, "Waste management concept reviewed")
		})
	}
}

// TestSearchNamesFewSourcesOnly: a found search keeps its results and adds
// the one source its word names (the embassy in Hungary for Budapest); a
// word that names many sources (акимат, Shymkent's six akimats) or none
// (landfill) adds no button; a topic that is a ministry's name (water) may.
func TestSearchNamesFewSourcesOnly(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(550, "en", "/search Budapest"))
	mustContain(t, m.Plain, "Results for “Budapest”", "Water Governance")
	if got := newestButtons(m); len(got) != 1 || !strings.Contains(got[0], "Hungary") {
		t.Errorf("/search Budapest offers %q, want the embassy in Hungary alone", got)
	}
	for _, query := range []string{"Shymkent", "акимат", "landfill", "Kyzylzhar-2"} {
		m := h.one(h.send(551, "en", "/search "+query))
		if got := newestButtons(m); len(got) > 0 {
			t.Errorf("/search %s offers %q, want no source", query, got)
		}
	}
}

func newestButtons(m fakebotapi.Message) []string {
	var labels []string
	for _, row := range m.Keyboard {
		for _, b := range row {
			if strings.HasSuffix(b.Text, " — newest releases") {
				labels = append(labels, b.Text)
			}
		}
	}
	return labels
}
