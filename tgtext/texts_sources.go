package tgtext

var (
	MsgCatalogue = Text{
		kk: "Дереккөз түрін таңдаңыз немесе /subscribe командасынан кейін дереккөздің кодын не сөзді жазыңыз:",
		ru: "Выберите вид источника или напишите после /subscribe его код или слово:",
		en: "Choose a kind of source, or send /subscribe followed by a source code or a word:",
	}
	MsgCataloguePage = Text{
		kk: "<b>%s</b> — жазылу үшін басыңыз:",
		ru: "<b>%s</b> — нажмите, чтобы подписаться:",
		en: "<b>%s</b> — tap one to follow it:",
	}
	MsgSourcesHint = Text{
		kk: "Іздеу: /sources Будапешт",
		ru: "Поиск: /sources Будапешт",
		en: "Search: /sources Budapest",
	}
	MsgSourcesFound = Text{
		kk: "<b>«%s» бойынша дереккөздер:</b>",
		ru: "<b>Источники по запросу «%s»:</b>",
		en: "<b>Sources matching “%s”:</b>",
	}
	MsgNoSource = Text{
		kk: "«%s» бойынша дереккөз табылмады. /sources — барлық дереккөздер түрлері бойынша.",
		ru: "Источников по запросу «%s» нет. /sources — все источники по видам.",
		en: "No source matches “%s”. /sources shows them all by kind.",
	}
)

var (
	MsgUnknownSource = Text{
		kk: "«%s» деген дереккөзді білмеймін.",
		ru: "Источник «%s» мне неизвестен.",
		en: "I do not know the source “%s”.",
	}
	MsgDidYouMean = Text{
		kk: "Мүмкін, мыналардың бірі шығар: %s?",
		ru: "Возможно, вы имели в виду: %s?",
		en: "Did you mean: %s?",
	}
	MsgSeeSources = Text{
		kk: "/sources — барлық дереккөздер.",
		ru: "/sources — все источники.",
		en: "/sources lists them all.",
	}
)
