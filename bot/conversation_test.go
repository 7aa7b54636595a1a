package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/store"
)

func TestStartSpeaksTheUsersLanguage(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		chat      int64
		code      string
		firstLine string
	}{
		{101, "kk", "Сәлеметсіз бе!"},
		{102, "ru", "Здравствуйте!"},
		{103, "en", "Hello!"},
		{104, "de", "Hello!"}, // not spoken: English
		{105, "ru-RU", "Здравствуйте!"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			m := h.one(h.send(tt.chat, tt.code, "/start"))
			lines := strings.Split(m.Plain, "\n")
			if len(lines) != 3 {
				t.Errorf("welcome has %d lines, want 3:\n%s", len(lines), m.Plain)
			}
			if !strings.HasPrefix(lines[0], tt.firstLine) {
				t.Errorf("welcome starts %q, want %q", lines[0], tt.firstLine)
			}
		})
	}
}

func TestCommandMenuInThreeLanguages(t *testing.T) {
	h := newHarness(t)
	h.send(1, "en", "/help") // the menu is registered before polling starts
	menus := h.fake.Commands()
	for _, lang := range []string{"", "kk", "ru", "en"} {
		cmds := menus[lang]
		if len(cmds) < 8 {
			t.Errorf("menu for language %q has %d commands, want 8", lang, len(cmds))
		}
	}
	if got := menus["ru"][0].Description; got != "Последние новости" {
		t.Errorf("Russian menu's first description = %q", got)
	}
}

func TestSubscribeEntityThenTheWord(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(7, "en", "/subscribe SHYMKENT"))
	mustContain(t, m.Plain, "You now follow Akimat of Shymkent city (shymkent)")
	msgs, ans := h.press(7, "en", m.MessageID, buttonData(t, m, "Also follow the word"))
	if ans.Text != "" {
		t.Errorf("callback answered with %q, want a silent answer", ans.Text)
	}
	mustContain(t, h.one(msgs).Plain, "You now follow the keyword “shymkent”")
	list := h.one(h.send(7, "en", "/subscriptions"))
	mustContain(t, list.Plain, "(2 of 50)", "Akimat of Shymkent city (shymkent)", "“shymkent”")
	// The same again is not a second subscription.
	mustContain(t, h.one(h.send(7, "en", "/subscribe shymkent")).Plain, "You already follow Akimat of Shymkent city")
}

func TestQuotedArgumentIsAKeywordAndOffersTheSource(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(8, "ru", `/subscribe "Shymkent"`))
	mustContain(t, m.Plain, "ключевое слово «Shymkent»", "Подписаться на источник вместо слова?")
	msgs, _ := h.press(8, "ru", m.MessageID, buttonData(t, m, "Акимат города Шымкент"))
	mustContain(t, h.one(msgs).Plain, "Вы подписались: Акимат города Шымкент")
	subs, err := h.st.Subscriptions(context.Background(), 8)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Kind != store.SubEntity {
		t.Fatalf("after 'follow the source instead' subscriptions = %+v, want the entity only", subs)
	}
}

func TestKeywordMatchingEntityNamesInAnyLanguage(t *testing.T) {
	h := newHarness(t)
	for _, tt := range []struct {
		chat               int64
		lang, word, source string
	}{
		{9, "kk", "Шымкент", "Шымкент қаласының әкімдігі"},
		{90, "en", "Budapest", "Embassy in Hungary"},
		{91, "ru", "Венгрии", "Посольство в Венгрии"},
	} {
		m := h.one(h.send(tt.chat, tt.lang, "/subscribe "+tt.word))
		buttonData(t, m, tt.source)
	}
}

func TestCatalogueBrowsing(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(10, "en", "/subscribe"))
	msgs, _ := h.press(10, "en", m.MessageID, buttonData(t, m, "Embassies and missions"))
	page := h.one(msgs)
	if page.MessageID != m.MessageID || !page.Edited {
		t.Errorf("catalogue page should replace the kinds message")
	}
	mustContain(t, page.Plain, "Embassies and missions — tap one to follow it")
	// Sorted by name, the embassy in Hungary is on a later page.
	for pages := 0; !strings.Contains(buttonsText(page), "Hungary"); pages++ {
		if pages > 20 {
			t.Fatal("no page lists the embassy in Hungary")
		}
		msgs, _ = h.press(10, "en", m.MessageID, buttonData(t, page, "Next ›"))
		page = h.one(msgs)
	}
	msgs, _ = h.press(10, "en", m.MessageID, buttonData(t, page, "Hungary"))
	mustContain(t, h.one(msgs).Plain, "You now follow Embassy of the Republic of Kazakhstan in Hungary")
}

func TestUnsubscribe(t *testing.T) {
	h := newHarness(t)
	h.send(11, "en", "/subscribe mfa-budapest")
	h.send(11, "en", "/subscribe water supply")
	list := h.one(h.send(11, "en", "/unsubscribe"))
	msgs, _ := h.press(11, "en", list.MessageID, buttonData(t, list, "water supply"))
	var confirmed, refreshed bool
	for _, m := range msgs {
		confirmed = confirmed || strings.Contains(m.Plain, "You no longer follow “water supply”")
		refreshed = refreshed || (m.MessageID == list.MessageID && !strings.Contains(m.Plain+buttonsText(m), "water"))
	}
	if !confirmed || !refreshed {
		t.Errorf("pressing remove: confirmed=%v refreshed=%v, messages %+v", confirmed, refreshed, msgs)
	}
	mustContain(t, h.one(h.send(11, "en", "/unsubscribe MFA-Budapest")).Plain, "You no longer follow Embassy of the Republic of Kazakhstan in Hungary")
	mustContain(t, h.one(h.send(11, "en", "/subscriptions")).Plain, "You do not follow anything yet")
}

func TestLatestPagesThroughTheFixture(t *testing.T) {
	h := newHarness(t)
	first := h.one(h.send(12, "en", "/latest"))
	if got := strings.Count(first.Plain, "\n\n"); got < 10 {
		t.Errorf("first page has %d blocks, want a header and 10 items:\n%s", got, first.Plain)
	}
	if !first.DisablePreview {
		t.Error("lists must be sent with link previews off")
	}
	msgs, _ := h.press(12, "en", first.MessageID, buttonData(t, first, "More"))
	second := h.one(msgs)
	mustContain(t, second.Plain, "11. ", "20. ")
	if strings.Contains(second.Plain, "21. ") {
		t.Error("the fixture has 20 releases, the second page shows more")
	}
	mustContain(t, h.one(h.send(12, "en", "/latest mfa-budapest")).Plain, "Newest from Embassy of the Republic of Kazakhstan in Hungary", "Water Governance")
	kw := h.one(h.send(12, "en", "/latest Kyzylzhar"))
	mustContain(t, kw.Plain, "Kyzylzhar-2 microdistrict in Shymkent", "From deficit to development")
	// With a subscription, /latest shows only what the chat follows.
	h.send(12, "en", "/subscribe mfa-hanoi")
	mine := h.one(h.send(12, "en", "/latest"))
	mustContain(t, mine.Plain, "Newest from what you follow", "Al-Farabi")
	if strings.Contains(mine.Plain, "2. ") {
		t.Errorf("one followed release, /latest shows more:\n%s", mine.Plain)
	}
}

func TestSearchFindsBothKyzylzharStories(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(13, "en", "/search Kyzylzhar"))
	mustContain(t, m.Plain, "Results for “Kyzylzhar”", "Kyzylzhar-2 microdistrict in Shymkent", "From deficit to development")
	var bold int
	for _, e := range m.Entities {
		if e.Type == "bold" {
			bold++
		}
	}
	if bold < 2 {
		t.Errorf("snippets should mark the matched word in bold, found %d bold entities", bold)
	}
	// Many hits page by 5 with Prev/Next.
	page := h.one(h.send(13, "en", "/search Kazakhstan"))
	msgs, _ := h.press(13, "en", page.MessageID, buttonData(t, page, "Next"))
	next := h.one(msgs)
	mustContain(t, next.Plain, "6. ")
	buttonData(t, next, "Prev")
	mustContain(t, h.one(h.send(13, "en", `/search "water governance" -Astana`)).Plain, "Hungary")
}

func TestTitleWithMarkupCharactersRendersAsValidHTML(t *testing.T) {
	h := newHarness(t)
	title := `Akimat & partners: "<<Clean city>>" 'Taza Qala' <b>not bold</b>`
	_, err := h.st.ImportReleases(context.Background(), []store.NewRelease{{
		EntitySlug: "shymkent", GovkzID: 999001, ContentHash: strings.Repeat("e", 64),
		URL:   "https://www.gov.kz/memleket/entities/shymkent/press/news/details/999001",
		Title: title, Body: "Residents & volunteers <cleaned> the \"parks\".", Lang: "en",
		PublishedOn: time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC),
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"/latest shymkent", "/search volunteers", "/latest"} {
		m := h.one(h.send(14, "en", cmd))
		mustContain(t, m.Plain, title)
	}
	// assertTelegramAcceptedEverything (at cleanup) checks Telegram parsed them.
}

func TestRefusals(t *testing.T) {
	h := newHarness(t)
	// A chat's language is fixed at its first message, so each language
	// speaks from its own chat.
	chats := map[string]int64{"en": 15, "ru": 151, "kk": 152}
	tests := []struct{ lang, text, want string }{
		{"en", "/subscribe a", "at least 2 characters"},
		{"ru", "/subscribe " + strings.Repeat("я", 65), "не длиннее 64 символов"},
		{"kk", `/subscribe ""`, "/subscribe shymkent"},
		{"en", "/unsubscribe nothing-here", "You do not follow “nothing-here”"},
		{"en", "/search", "Tell me what to look for"},
		{"ru", "/search " + strings.Repeat("x ", 150), "Запрос слишком длинный"},
		{"en", "/search zzzqqqxxx", "Nothing found for “zzzqqqxxx”"},
		{"en", "/latest x", "at least 2 characters"},
		{"en", "/language de", "Choose a language"},
		{"en", "/frobnicate", "I did not understand that"},
		{"en", "good morning", "I did not understand that"},
		{"kk", "сәлем", "Түсінбедім"},
		{"en", "/sources atlantis", "No source matches “atlantis”"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			mustContain(t, h.one(h.send(chats[tt.lang], tt.lang, tt.text)).Plain, tt.want)
		})
	}
	t.Run("sticker", func(t *testing.T) {
		before := h.snapshot(15)
		h.wait(h.fake.SendSticker(15, user(15, "en")))
		mustContain(t, h.one(h.changedSince(15, before)).Plain, "/help")
	})
	t.Run("stale and forged buttons", func(t *testing.T) {
		m := h.one(h.send(15, "en", "/help"))
		for _, data := range []string{"p:999999:0", "us:123456", "se:abc", "zz", "cat:embassy:x"} {
			_, ans := h.press(15, "en", m.MessageID, data)
			if !strings.Contains(ans.Text, "expired") {
				t.Errorf("button %q answered %q, want the list-expired notice", data, ans.Text)
			}
		}
	})
}

func TestSubscriptionLimit(t *testing.T) {
	h := newHarness(t)
	for i := 0; i < 50; i++ {
		h.now = h.now.Add(3 * time.Second) // stay under the command rate limit
		h.send(16, "en", "/subscribe word"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	h.now = h.now.Add(3 * time.Second)
	mustContain(t, h.one(h.send(16, "en", "/subscribe one more")).Plain, "limit of 50 subscriptions")
	subs, _ := h.st.Subscriptions(context.Background(), 16)
	if len(subs) != 50 {
		t.Fatalf("chat has %d subscriptions, want 50", len(subs))
	}
}

func TestFloodIsSlowedDownPolitely(t *testing.T) {
	h := newHarness(t)
	for i := 0; i < 30; i++ {
		h.send(17, "en", "/help")
	}
	mustContain(t, h.one(h.send(17, "en", "/help")).Plain, "Please wait a minute")
	if got := h.send(17, "en", "/help"); len(got) != 0 {
		t.Errorf("after the warning, further commands should be ignored, got %d messages", len(got))
	}
	h.now = h.now.Add(61 * time.Second)
	mustContain(t, h.one(h.send(17, "en", "/help")).Plain, "Commands")
}

func TestGroupsOnlyAnswerCommands(t *testing.T) {
	h := newHarness(t)
	if got := h.send(-5001, "en", "chatting among ourselves"); len(got) != 0 {
		t.Errorf("plain text in a group got %d answers, want none", len(got))
	}
	mustContain(t, h.one(h.send(-5001, "en", "/latest@newsbot_test_bot")).Plain, "Newest releases")
	if got := h.send(-5001, "en", "/latest@some_other_bot"); len(got) != 0 {
		t.Errorf("a command for another bot got %d answers, want none", len(got))
	}
}

// buttonsText is the labels of a message's buttons.
func buttonsText(m fakebotapi.Message) string {
	var b strings.Builder
	for _, row := range m.Keyboard {
		for _, btn := range row {
			b.WriteString(btn.Text + "\n")
		}
	}
	return b.String()
}
