package textmatch_test

import (
	"slices"
	"testing"

	"github.com/newsbot-kz/newsbot/textmatch"
)

// What each language writes for one thing gives one feature.
func TestFingerprintFeaturesAgreeAcrossLanguages(t *testing.T) {
	for _, tc := range []struct {
		feature string
		texts   []string
	}{
		{"n:2.5e+09", []string{"құны 2,5 млрд теңге", "стоимостью 2,5 млрд тенге", "cost 2.5 billion tenge"}},
		{"n:3600", []string{"3 600 оқушы", "3600 учеников", "3,600 pupils"}},
		{"n:150000", []string{"150 мың тонна", "150 тысяч тонн", "150,000 tonnes"}},
		{"n:96.4", []string{"96,4 пайыз", "96,4%", "96.4 percent"}},
		{"d:11-26", []string{"2025 жылғы 26 қараша", "26 ноября", "on November 26, 2025", "26 November", "26.11.2025"}},
		{"d:5-9", []string{"9 мамырда", "9 мая", "May 9"}},
		{"p:hungary", []string{"Мажарстанның министрі", "министр Венгрии", "Hungary's minister", "the Hungarian minister"}},
		{"p:shymkent", []string{"Шымкенттің мэрі", "аким Шымкента", "in Shymkent"}},
		{"w:sizdik", []string{"әкім Ғабит Сыздықбековтың", "аким Габит Сыздыкбеков", "mayor Gabit Syzdykbekov"}},
		{"u:gov.kz/memleket/entities/water/press/news/details/1", []string{
			"Толығырақ: https://www.gov.kz/memleket/entities/water/press/news/details/1?lang=kk.",
			"Подробнее https://www.gov.kz/memleket/entities/water/press/news/details/1/?lang=ru"}},
	} {
		for _, text := range tc.texts {
			if fp := textmatch.Fingerprint("", "Бүгін "+text+"."); !slices.Contains(fp, tc.feature) {
				t.Errorf("%q: %v, want %s", text, fp, tc.feature)
			}
		}
	}
}

// What every release has, or what tells no event apart, gives no feature:
// years, one digit, the country, office titles, a sentence's first word.
func TestFingerprintLeavesOutTheCommon(t *testing.T) {
	for _, text := range []string{
		"В 2025 году 5 школ.",
		"Қазақстан Республикасы Президенті.",
		"Deputy Foreign Minister of the Republic of Kazakhstan and the State Secretary.",
		"Сегодня мы здесь. Вчера тоже.",
	} {
		if fp := textmatch.Fingerprint("", text); len(fp) > 0 {
			t.Errorf("%q: %v, want none", text, fp)
		}
	}
}
