package bot_test

import (
	"strings"
	"testing"
)

// TestSourcesByPlaceName: /sources finds an embassy by its country or city
// in any language and script, and an akimat by its city's other name.
func TestSourcesByPlaceName(t *testing.T) {
	h := newHarness(t)
	// A chat's language is fixed at its first message: one chat a language.
	chats := map[string]int64{"en": 500, "ru": 503, "kk": 504}
	tests := []struct{ lang, query, want string }{
		{"ru", "Венгрия", "Посольство Республики Казахстан в Венгрии — mfa-budapest"},
		{"ru", "Будапешт", "Посольство Республики Казахстан в Венгрии — mfa-budapest"},
		{"kk", "Мажарстан", "Қазақстан Республикасының Венгриядағы елшілігі — mfa-budapest"},
		{"en", "Hungary", "Embassy of the Republic of Kazakhstan in Hungary — mfa-budapest"},
		{"en", "Budapeştte", "mfa-budapest"},
		{"en", "Türkiye", "mfa-istanbul"},
		{"ru", "Уральск", "Акимат Западно-Казахстанской области — bko"},
		{"en", "Ust-Kamenogorsk", "vko-oskemen"},
		// The whole catalogue: a mission by its country or city in any language.
		{"ru", "Германия", "Посольство Республики Казахстан в Федеративной Республике Германия — mfa-berlin"},
		{"kk", "Германия", "Қазақстан Республикасының Германия Федеративтік Республикасындағы елшілігі — mfa-berlin"},
		{"en", "Frankfurt", "Consulate General of the Republic of Kazakhstan in Frankfurt am Main — mfa-frankfurt"},
		{"ru", "Пекин", "mfa-beijing"},
		{"ru", "Китай", "mfa-urumqi"},
		{"kk", "Қытай", "mfa-shanghai"},
		{"en", "China", "mfa-guangzhou"},
		{"ru", "Швейцария", "mfa-geneva"},
		{"en", "Switzerland", "mfa-bern"},
		{"ru", "Горган", "mfa-gorgan"},
		{"en", "Korea", "mfa-seoul"},
		{"ru", "Есиль", "Акимат района Есиль города Астаны — astana-esil"},
		{"en", "Baikonyr district", "astana-baikonyr"},
		{"ru", "Тараз", "Акимат города Тараз — zhambyl-taraz"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := h.one(h.send(chats[tt.lang], tt.lang, "/sources "+tt.query))
			mustContain(t, m.Plain, tt.want)
		})
	}
	// Names that are no place still find what their names contain, and no more.
	m := h.one(h.send(501, "en", "/sources Hungary"))
	if strings.Contains(m.Plain, "mfa-vienna") {
		t.Errorf("/sources Hungary found the embassy in Austria:\n%s", m.Plain)
	}
}

// TestSourcesByPlaceNameWholeCatalogue: the missions, district and city
// akimats added to make the catalogue whole are found by their country,
// capital or district in each language, and a country's several missions
// come in the reader's alphabetical order.
func TestSourcesByPlaceNameWholeCatalogue(t *testing.T) {
	h := newHarness(t)
	chats := map[string]int64{"en": 520, "ru": 521, "kk": 522}
	tests := []struct{ lang, query, want string }{
		{"ru", "Украина", "Посольство Республики Казахстан в Украине — mfa-kyiv"},
		{"kk", "Украина", "Қазақстан Республикасының Украинадағы елшілігі — mfa-kyiv"},
		{"en", "Kyiv", "Embassy of the Republic of Kazakhstan in Ukraine — mfa-kyiv"},
		{"en", "Armenia", "Embassy of the Republic of Kazakhstan in the Republic of Armenia — mfa-yerevan"},
		{"ru", "Ереван", "Посольство Республики Казахстан в Республике Армения — mfa-yerevan"},
		{"kk", "Ереванда", "mfa-yerevan"},
		{"ru", "Алмалы", "Акимат Алмалинского района города Алматы — almaty-almaly"},
		{"kk", "Алмалы ауданы", "Алматы қаласы Алмалы ауданының әкімдігі — almaty-almaly"},
		{"en", "Medeu district", "almaty-medeu"},
		{"kk", "Әл-Фараби ауданы", "Шымкент қаласы Әл-Фараби ауданының әкімдігі — shymkent-al-farabi"},
		// The regions' districts, by the name in another language than the akimat's.
		{"ru", "Сырдария ауданы", "Акимат Сырдарьинского района — kyzylorda-syrdarya"},
		{"en", "Сырдарьинский район", "Akimat of Syrdarya district — kyzylorda-syrdarya"},
		{"kk", "Burabay district", "Бурабай ауданының әкімдігі — aqmola-burabay"},
		{"en", "Целиноград ауданы", "aqmola-selinograd"},
		{"ru", "Kurchum district", "vko-kurchum"},
		{"ru", "Нидерланды", "Посольство Республики Казахстан в Королевстве Нидерландов — mfa-hague"},
		{"en", "Holland", "mfa-hague"},
		{"kk", "Гаага", "Қазақстан Республикасының Нидерланд Корольдігіндегі елшілігі — mfa-hague"},
		{"ru", "Монголия", "mfa-ulaanbaatar"},
		{"kk", "Моңғолия", "mfa-olgii"},
		{"ru", "Мехико", "mfa-mexico"},
		{"en", "Hong Kong", "Consulate General of the Republic of Kazakhstan in Hong Kong — mfa-hong-kong"},
		{"ru", "Петербург", "mfa-saint-petersburg"},
		{"en", "New York", "mfa-un"},
		{"en", "USA", "mfa-san-francisco"},
		{"ru", "Иран", "mfa-bandar-abbas"},
		{"ru", "Уральск", "Акимат города Уральска — bko-oral"},
		{"kk", "Қарағанды", "Қарағанды қаласының әкімдігі — karaganda-karaganda"},
		{"en", "Semipalatinsk", "abay-semey"},
		{"ru", "София", "mfa-sofia"},
		// Typed in Ukrainian: ї and є have Latin forms (Київ = Kyiv).
		{"en", "Київ", "mfa-kyiv"},
		{"ru", "Україна", "mfa-kyiv"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.query, func(t *testing.T) {
			m := h.one(h.send(chats[tt.lang], tt.lang, "/sources "+tt.query))
			mustContain(t, m.Plain, tt.want)
		})
	}
	// The missions of one country, in the order of the reader's alphabet.
	m := h.one(h.send(523, "ru", "/sources США"))
	mustContain(t, m.Plain, "mfa-washington", "mfa-new-york", "mfa-san-francisco", "mfa-un")
	if strings.Contains(m.Plain, "mfa-mexico") {
		t.Errorf("/sources США found the embassy in Mexico:\n%s", m.Plain)
	}
	order := []string{
		"Генеральное консульство Республики Казахстан в Нью-Йорке",
		"Генеральное консульство Республики Казахстан в Сан-Франциско",
		"Посольство Республики Казахстан в Соединенных Штатах Америки",
		"Постоянное представительство Республики Казахстан при Организации Объединенных Наций",
	}
	for i := 1; i < len(order); i++ {
		if a, b := strings.Index(m.Plain, order[i-1]), strings.Index(m.Plain, order[i]); a < 0 || b < 0 || a > b {
			t.Errorf("%q should come before %q:\n%s", order[i-1], order[i], m.Plain)
		}
	}
}

// TestKeywordByPlaceName: a keyword in one name of a place finds the
// releases that write another (the sample's Budapest story is in English),
// and offers the source that serves the place.
func TestKeywordByPlaceName(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(502, "ru", "/subscribe Будапешт"))
	mustContain(t, m.Plain, "ключевое слово «Будапешт»", "Water Governance", "Подписаться на источник вместо слова?")
	buttonData(t, m, "Посольство в Венгрии")
	mustContain(t, h.one(h.send(502, "ru", "/latest Венгрия")).Plain, "Water Governance")
	mustContain(t, h.one(h.send(502, "ru", "/search Мажарстан")).Plain, "Water Governance")
}

// TestSubscribeToACountryOffersItsMissions: a keyword that names a
// country offers its missions, their buttons named short enough to show
// the country.
func TestSubscribeToACountryOffersItsMissions(t *testing.T) {
	h := newHarness(t)
	m := h.one(h.send(505, "en", "/subscribe Germany"))
	buttonData(t, m, "Embassy in the Federal Republic of Germany")
	buttonData(t, m, "Consulate General in Frankfurt am Main")
	m = h.one(h.send(506, "kk", "/subscribe Венгрия"))
	buttonData(t, m, "Венгриядағы елшілігі")
}
