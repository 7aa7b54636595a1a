package tgtext

import "fmt"

// The digest's texts, plain: the renderer escapes them.
var (
	TxtHeader = Text{
		kk: "gov.kz дайджесті · %s",
		ru: "Дайджест gov.kz · %s",
		en: "Your gov.kz digest · %s",
	}
	TxtAlso = Text{kk: "сондай-ақ: %s", ru: "также: %s", en: "also: %s"}
	// The same event told by another source in another language: %s is
	// that source, linked to its release.
	TxtAlsoInKk  = Text{kk: "сондай-ақ қазақ тілінде: %s", ru: "также на казахском: %s", en: "also in Kazakh: %s"}
	TxtAlsoInRu  = Text{kk: "сондай-ақ орыс тілінде: %s", ru: "также на русском: %s", en: "also in Russian: %s"}
	TxtAlsoInEn  = Text{kk: "сондай-ақ ағылшын тілінде: %s", ru: "также на английском: %s", en: "also in English: %s"}
	TxtContinued = Text{kk: " (жалғасы)", ru: " (продолжение)", en: " (continued)"}
	// The digest of a day Telegram would not take is offered again in the
	// next one, which says so.
	TxtUndelivered = Text{
		kk: "Мұнда %s күні жеткізілмеген жаңалықтар да бар.",
		ru: "Сюда вошло и то, что не удалось доставить %s.",
		en: "Including what could not be delivered on %s.",
	}
)

// NewReleases is the digest's summary line: how many stories it brings.
func NewReleases(lang string, n int) string {
	switch lang {
	case "kk": // Kazakh nouns stay singular after a numeral.
		return fmt.Sprintf("Жазылымдарыңыз бойынша %d жаңалық", n)
	case "ru":
		return fmt.Sprintf("%d %s по вашим подпискам", n, ruPlural(n, "новость", "новости", "новостей"))
	}
	return fmt.Sprintf("%d new %s from what you follow", n, enPlural(n, "release", "releases"))
}

// MoreReleases is the last line of a digest cut at its item limit.
func MoreReleases(lang string, n int) string {
	switch lang {
	case "kk":
		return fmt.Sprintf("…тағы %d жаңалық — /latest", n)
	case "ru":
		return fmt.Sprintf("…и ещё %d %s — /latest", n, ruPlural(n, "новость", "новости", "новостей"))
	}
	return fmt.Sprintf("…and %d more %s — /latest", n, enPlural(n, "release", "releases"))
}
