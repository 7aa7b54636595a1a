package tgtext

// Instant alerts and their settings. HTML unless said otherwise.

import "github.com/newsbot-kz/newsbot/store"

var (
	// TxtAlertOne heads an alert of one release; plain text.
	TxtAlertOne = Text{kk: "Жаңалық келді", ru: "Свежая новость", en: "New release"}

	CmdAlerts = Text{kk: "Жедел хабарландырулар", ru: "Мгновенные уведомления", en: "Instant alerts"}

	// Delivery modes, as a subscription's line and button show them; plain.
	TxtModeDigest  = Text{kk: "📰 дайджестте", ru: "📰 в дайджесте", en: "📰 in the digest"}
	TxtModeInstant = Text{kk: "🔔 бірден", ru: "🔔 сразу", en: "🔔 at once"}
	TxtModeBoth    = Text{kk: "🔔📰 бірден және дайджестте", ru: "🔔📰 сразу и в дайджесте", en: "🔔📰 at once and in the digest"}

	// BtnAlertMe is the button under a new subscription's confirmation; plain.
	BtnAlertMe = Text{kk: "🔔 Бірден хабарлау", ru: "🔔 Сообщать сразу", en: "🔔 Alert me at once"}

	// MsgModeSet is plain text, for a button's notification: a
	// subscription's name, then its mode.
	MsgModeSet            = Text{kk: "%s: %s.", ru: "%s: %s.", en: "%s: %s."}
	MsgSubscriptionsModes = Text{
		kk: "Жаңалықтың қалай келетінін өзгерту үшін жазылымды басыңыз: 📰 дайджестте → 🔔 бірден → 🔔📰 екеуі де.",
		ru: "Нажмите на подписку, чтобы выбрать, как приходят её новости: 📰 в дайджесте → 🔔 сразу → 🔔📰 и то и другое.",
		en: "Tap a subscription to change how it comes: 📰 in the digest → 🔔 at once → 🔔📰 both.",
	}
	MsgAlertsNone = Text{
		kk: "Бірден хабарлайтын жазылым жоқ. /subscriptions тізімінде жазылымды басып, 🔔 таңдаңыз.",
		ru: "Подписок с мгновенными уведомлениями нет. В /subscriptions нажмите на подписку и выберите 🔔.",
		en: "No subscription alerts you at once. In /subscriptions, tap one to choose 🔔.",
	}
	MsgAlertsList = Text{
		kk: "<b>Бірден хабарлайтын жазылымдар</b>",
		ru: "<b>Подписки с мгновенными уведомлениями</b>",
		en: "<b>Subscriptions that alert you at once</b>",
	}
	MsgAlertsQuiet = Text{
		kk: "Тыныш уақыт: %s–%s (%s) — бұл уақытта хабарландырулар келмейді, ол біткен соң келеді. /alerts quiet 23:00-07:00 немесе /alerts quiet off.",
		ru: "Тихие часы: %s–%s (%s) — уведомления придут, когда они закончатся. /alerts quiet 23:00-07:00 или /alerts quiet off.",
		en: "Quiet hours: %s–%s (%s): alerts wait until they end. /alerts quiet 23:00-07:00 or /alerts quiet off.",
	}
	MsgAlertsNoQuiet = Text{
		kk: "Тыныш уақыт жоқ: хабарландырулар тәулік бойы келеді. /alerts quiet 22:00-08:00 — қосу.",
		ru: "Тихих часов нет: уведомления приходят круглые сутки. /alerts quiet 22:00-08:00 — включить.",
		en: "No quiet hours: alerts come at any time. /alerts quiet 22:00-08:00 sets them.",
	}
	MsgAlertsLimits = Text{
		kk: "Хабарландыру минутына біреуден жиі келмейді, тәулігіне ең көбі %d; қалғаны дайджестке түседі.",
		ru: "Не чаще одного уведомления в минуту и не больше %d в сутки; остальное придёт в дайджесте.",
		en: "At most one alert a minute and %d a day; the rest come in the digest.",
	}
	MsgAlertsQuietUsage = Text{
		kk: "Тыныш уақытты былай жазыңыз: /alerts quiet 23:00-07:00 немесе /alerts quiet off.",
		ru: "Укажите тихие часы так: /alerts quiet 23:00-07:00 или /alerts quiet off.",
		en: "Give quiet hours as /alerts quiet 23:00-07:00, or /alerts quiet off.",
	}
)

// ModeName is how delivery mode d reads, plain text.
func ModeName(lang, d string) string {
	switch d {
	case store.DeliverInstant:
		return TxtModeInstant.In(lang)
	case store.DeliverBoth:
		return TxtModeBoth.In(lang)
	}
	return TxtModeDigest.In(lang)
}
