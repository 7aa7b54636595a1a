package tgtext

import "time"

// FormatDate writes t's date in lang: "26 қараша 2025", "26 ноября 2025",
// "26 November 2025".
func FormatDate(lang string, t time.Time) string {
	month := t.Month().String()
	switch lang {
	case "kk":
		month = monthsKK[t.Month()-1]
	case "ru":
		month = monthsRU[t.Month()-1]
	}
	return t.Format("2") + " " + month + " " + t.Format("2006")
}

var (
	monthsKK = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
		"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
	// Russian dates take the genitive: "26 ноября".
	monthsRU = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
)
