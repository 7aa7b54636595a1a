package tgtext

// Messages of /digest and /timezone. Arguments are escaped HTML.
var (
	MsgDigestHeader = Text{
		kk: "<b>Күнделікті дайджест</b>: %s.",
		ru: "<b>Ежедневный дайджест</b>: %s.",
		en: "<b>Daily digest</b>: %s.",
	}
	MsgDigestChanged = Text{
		kk: "✅ Күнделікті дайджест: %s.",
		ru: "✅ Ежедневный дайджест: %s.",
		en: "✅ Daily digest: %s.",
	}
	MsgDigestOn = Text{
		kk: "күн сайын сағат <b>%s</b> (%s)",
		ru: "каждый день в <b>%s</b> (%s)",
		en: "every day at <b>%s</b> (%s)",
	}
	MsgDigestOff    = Text{kk: "өшірулі", ru: "выключен", en: "off"}
	MsgDigestTurnOn = Text{
		kk: "/digest on — қайта қосу.",
		ru: "/digest on — включить снова.",
		en: "/digest on turns it back on.",
	}
	MsgDigestNext = Text{
		kk: "Келесі дайджест: %s.",
		ru: "Следующий дайджест: %s.",
		en: "Next digest: %s.",
	}
	MsgDigestCommands = Text{
		kk: "/digest 07:30 — уақытын өзгерту\n/digest off — өшіру\n/digest now — келесі дайджестте не болатынын көру\n/timezone Europe/Budapest — уақыт белдеуі",
		ru: "/digest 07:30 — изменить время\n/digest off — выключить\n/digest now — что будет в следующем дайджесте\n/timezone Europe/Budapest — часовой пояс",
		en: "/digest 07:30 — change the time\n/digest off — turn it off\n/digest now — what the next digest would hold\n/timezone Europe/Budapest — your time zone",
	}
	// MsgDigestCommandsOff is MsgDigestCommands while the digest is off
	// (MsgDigestTurnOn already says how to turn it on).
	MsgDigestCommandsOff = Text{
		kk: "/digest 07:30 — уақытын өзгерту\n/digest now — келесі дайджестте не болатынын көру\n/timezone Europe/Budapest — уақыт белдеуі",
		ru: "/digest 07:30 — изменить время\n/digest now — что будет в следующем дайджесте\n/timezone Europe/Budapest — часовой пояс",
		en: "/digest 07:30 — change the time\n/digest now — what the next digest would hold\n/timezone Europe/Budapest — your time zone",
	}
	MsgDigestNoSubscriptions = Text{
		kk: "Сізде әлі жазылым жоқ, сондықтан дайджест келмейді: /subscribe.",
		ru: "Вы пока ни на что не подписаны, поэтому дайджест не придёт: /subscribe.",
		en: "You follow nothing yet, so no digest will come: /subscribe.",
	}
	MsgDigestTimeUsage = Text{
		kk: "Уақытты СС:ММ түрінде жазыңыз, мысалы /digest 07:30 немесе /digest 18:00.",
		ru: "Укажите время в формате ЧЧ:ММ, например /digest 07:30 или /digest 18:00.",
		en: "Please give the time as HH:MM, for example /digest 07:30 or /digest 18:00.",
	}
	MsgDigestNothingNew = Text{
		kk: "Келесі дайджестке әзірге жаңа ештеңе жоқ.",
		ru: "Для следующего дайджеста пока нет ничего нового.",
		en: "Nothing new for your next digest yet.",
	}
	MsgDigestPreview = Text{
		kk: "👀 Келесі дайджест дәл қазір жіберілсе, былай болар еді (ештеңе оқылды деп белгіленбейді):",
		ru: "👀 Так выглядел бы ваш следующий дайджест, если бы он пришёл сейчас (ничего не будет отмечено как прочитанное):",
		en: "👀 Your next digest, if it were sent now (nothing is marked as read):",
	}
	MsgDigestUnavailable = Text{
		kk: "Дайджест қазір қолжетімсіз.",
		ru: "Дайджесты сейчас недоступны.",
		en: "Digests are not available right now.",
	}
	MsgZoneCurrent = Text{
		kk: "Уақыт белдеуіңіз: <b>%s</b>.",
		ru: "Ваш часовой пояс: <b>%s</b>.",
		en: "Your time zone: <b>%s</b>.",
	}
	MsgZoneUsage = Text{
		kk: "Өзгерту үшін белдеудің атауын, қаланы немесе UTC+3 түріндегі белдеуді жазыңыз: /timezone Europe/Budapest, /timezone Будапешт, /timezone UTC+3.",
		ru: "Чтобы изменить, напишите название пояса, город или разницу с UTC: /timezone Europe/Budapest, /timezone Будапешт, /timezone UTC+3.",
		en: "To change it, send a zone name, a city or an offset from UTC: /timezone Europe/Budapest, /timezone Budapest, /timezone UTC+3.",
	}
	MsgZoneUnknown = Text{
		kk: "«%s» деген уақыт белдеуін білмеймін.",
		ru: "Не знаю часовой пояс «%s».",
		en: "I do not know the time zone “%s”.",
	}
	MsgZoneSet = Text{
		kk: "✅ Уақыт белдеуі: <b>%s</b>. Дайджест жергілікті уақыт бойынша келеді.",
		ru: "✅ Часовой пояс: <b>%s</b>. Дайджест будет приходить по местному времени.",
		en: "✅ Time zone: <b>%s</b>. Your digest comes at its time there.",
	}
)
