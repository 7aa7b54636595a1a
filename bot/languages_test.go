package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// TestConversationInEachLanguage walks the README's conversation in kk, ru
// and en and checks each answer is in the user's language.
func TestConversationInEachLanguage(t *testing.T) {
	h := newHarness(t)
	type step struct{ text, want string }
	script := map[string][]step{
		"kk": {
			{"/start", "Сәлеметсіз бе!"},
			{"/subscribe mfa-budapest", "Сіз жазылдыңыз: Қазақстан Республикасының Венгриядағы елшілігі (mfa-budapest)."},
			{"/subscribe Шымкент", "Енді «Шымкент» кілт сөзі бар жаңалықтарды аласыз"},
			{"/subscriptions", "Жазылымдарыңыз (2 / 50)"},
			{"/latest", "Жазылымдарыңыз бойынша соңғы жаңалықтар"},
			{"/search Kyzylzhar", "«Kyzylzhar» бойынша іздеу нәтижелері"},
			{"/unsubscribe mfa-budapest", "Жазылым өшірілді: Қазақстан Республикасының Венгриядағы елшілігі."},
			{"/help", "Командалар"},
		},
		"ru": {
			{"/start", "Здравствуйте!"},
			{"/subscribe mfa-budapest", "Вы подписались: Посольство Республики Казахстан в Венгрии (mfa-budapest)."},
			{"/subscribe Шымкент", "Вы подписались на ключевое слово «Шымкент»"},
			{"/subscriptions", "Ваши подписки (2 из 50)"},
			{"/latest", "Последние новости по вашим подпискам"},
			{"/search Kyzylzhar", "Найдено по запросу «Kyzylzhar»"},
			{"/unsubscribe mfa-budapest", "Подписка удалена: Посольство Республики Казахстан в Венгрии."},
			{"/help", "Команды"},
		},
		"en": {
			{"/start", "Hello!"},
			{"/subscribe mfa-budapest", "You now follow Embassy of the Republic of Kazakhstan in Hungary (mfa-budapest)"},
			{`/subscribe "Shymkent"`, "You now follow the keyword “Shymkent”"},
			{"/subscriptions", "You follow (2 of 50)"},
			{"/latest", "Newest from what you follow"},
			{"/search Kyzylzhar", "Results for “Kyzylzhar”"},
			{"/unsubscribe mfa-budapest", "You no longer follow Embassy of the Republic of Kazakhstan in Hungary"},
			{"/help", "Commands"},
		},
	}
	for i, lang := range []string{"kk", "ru", "en"} {
		t.Run(lang, func(t *testing.T) {
			chat := int64(200 + i)
			for _, s := range script[lang] {
				mustContain(t, h.one(h.send(chat, lang, s.text)).Plain, s.want)
			}
		})
	}
}

// TestHostileContentStaysWithinTelegramLimits fills the database with
// releases whose titles and bodies are as long and as full of markup
// characters and emoji as a source could send, then pages through them.
// The fake Bot API refuses anything Telegram would (checked at cleanup).
func TestHostileContentStaysWithinTelegramLimits(t *testing.T) {
	h := newHarness(t)
	var rels []store.NewRelease
	for i := 0; i < 25; i++ {
		title := strings.Repeat(`<b>&amp; "q" 🇰🇿 `, 120)
		rels = append(rels, store.NewRelease{
			EntitySlug:  fmt.Sprintf("very-long-entity-%02d-%s", i, strings.Repeat("x", 40)),
			GovkzID:     int64(800000 + i),
			ContentHash: fmt.Sprintf("%064d", i),
			URL:         fmt.Sprintf("https://www.gov.kz/memleket/entities/e/press/news/details/%d?a=1&b=<2>", 800000+i),
			Title:       title,
			Body:        strings.Repeat("hostile 🇰🇿 <script>&</script> text ", 400),
			PublishedOn: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),
		})
	}
	if _, err := h.st.ImportReleases(context.Background(), rels); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"/latest", "/search hostile", "/sources very-long", "/search " + strings.Repeat("🇰🇿", 99)} {
		m := h.one(h.send(300, "en", cmd))
		if len(m.Keyboard) > 0 {
			for _, row := range m.Keyboard {
				for _, b := range row {
					if strings.HasPrefix(b.CallbackData, "p:") {
						msgs, _ := h.press(300, "en", m.MessageID, b.CallbackData)
						h.one(msgs)
					}
				}
			}
		}
	}
	for i := 0; i < 50; i++ {
		h.now = h.now.Add(3 * time.Second)
		h.send(301, "en", fmt.Sprintf("/subscribe %02d%s", i, strings.Repeat("🇰🇿", 31)))
	}
	h.one(h.send(301, "en", "/subscriptions"))
	h.one(h.send(301, "en", "/unsubscribe"))
}
