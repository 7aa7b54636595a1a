package digest

import "fmt"

// phrase is a text of the digest in each language the bot speaks.
type phrase struct{ kk, ru, en string }

// tr formats p in lang; arguments are plain text (the renderer escapes).
func tr(lang string, p phrase, args ...any) string {
	f := p.en
	switch lang {
	case "kk":
		f = p.kk
	case "ru":
		f = p.ru
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

var (
	txtHeader = phrase{
		kk: "gov.kz дайджесті · %s",
		ru: "Дайджест gov.kz · %s",
		en: "Your gov.kz digest · %s",
	}
	txtAlso      = phrase{kk: "сондай-ақ: %s", ru: "также: %s", en: "also: %s"}
	txtContinued = phrase{kk: " (жалғасы)", ru: " (продолжение)", en: " (continued)"}
	// The digest of a day Telegram would not take is offered again in the
	// next one, which says so.
	txtUndelivered = phrase{
		kk: "Бұған %s күні жеткізілмеген хабарламалар да кірді.",
		ru: "Включая то, что не удалось доставить %s.",
		en: "Including what could not be delivered on %s.",
	}
)

// newReleases is the digest's summary line: how many stories it brings.
func newReleases(lang string, n int) string {
	switch lang {
	case "kk": // Kazakh nouns stay singular after a numeral.
		return fmt.Sprintf("Жазылымдарыңыз бойынша %d жаңа хабарлама", n)
	case "ru":
		return fmt.Sprintf("%d %s по вашим подпискам", n,
			ruPlural(n, "новое сообщение", "новых сообщения", "новых сообщений"))
	}
	return fmt.Sprintf("%d new %s from what you follow", n, enPlural(n, "release", "releases"))
}

// moreReleases is the last line of a digest cut at its item limit.
func moreReleases(lang string, n int) string {
	switch lang {
	case "kk":
		return fmt.Sprintf("…тағы %d хабарлама — /latest", n)
	case "ru":
		return fmt.Sprintf("…и ещё %d %s — /latest", n, ruPlural(n, "сообщение", "сообщения", "сообщений"))
	}
	return fmt.Sprintf("…and %d more %s — /latest", n, enPlural(n, "release", "releases"))
}

// ruPlural picks the Russian form for n: one (1, 21, 101), few (2–4, 22–24)
// or many (0, 5–20, 25–30, 111).
func ruPlural(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch d, dd := n%10, n%100; {
	case d == 1 && dd != 11:
		return one
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return few
	}
	return many
}

func enPlural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
