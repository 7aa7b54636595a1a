package tgtext

import (
	"strconv"
	"time"
)

// FormatDate writes t's date in lang: "2025 жылғы 26 қараша",
// "26 ноября 2025", "26 November 2025".
func FormatDate(lang string, t time.Time) string {
	day, year := strconv.Itoa(t.Day()), strconv.Itoa(t.Year())
	switch lang {
	case "kk":
		// The year comes first, as an attribute: "2025 жылғы 26 қараша".
		return year + " жылғы " + day + " " + monthsKK[t.Month()-1]
	case "ru":
		return day + " " + monthsRU[t.Month()-1] + " " + year
	}
	return day + " " + t.Month().String() + " " + year
}

var (
	monthsKK = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
		"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
	// Russian dates take the genitive: "26 ноября".
	monthsRU = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
)

// Quote puts s in the quotation marks of lang: «…» in Kazakh and Russian,
// “…” in English. s is whatever the caller has (plain text or escaped HTML);
// the marks need no escaping.
func Quote(lang, s string) string {
	if lang == "kk" || lang == "ru" {
		return "«" + s + "»"
	}
	return "“" + s + "”"
}
