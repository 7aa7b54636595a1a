package tgtext

// The command menu (setMyCommands), plain text.
var (
	CmdLatest        = Text{kk: "Соңғы жаңалықтар", ru: "Последние новости", en: "Newest releases"}
	CmdSearch        = Text{kk: "Жаңалықтарды іздеу", ru: "Поиск по новостям", en: "Search releases"}
	CmdSubscribe     = Text{kk: "Дереккөзге немесе сөзге жазылу", ru: "Подписаться на источник или слово", en: "Follow a source or a word"}
	CmdUnsubscribe   = Text{kk: "Жазылымнан бас тарту", ru: "Отписаться", en: "Stop following"}
	CmdSubscriptions = Text{kk: "Жазылымдарым", ru: "Мои подписки", en: "What you follow"}
	CmdSources       = Text{kk: "Дереккөздер", ru: "Источники", en: "Sources"}
	CmdDigest        = Text{kk: "Күнделікті дайджест", ru: "Ежедневный дайджест", en: "Daily digest"}
	CmdTimezone      = Text{kk: "Уақыт белдеуі", ru: "Часовой пояс", en: "Time zone"}
	CmdLanguage      = Text{kk: "Тіл", ru: "Язык", en: "Language"}
	CmdHelp          = Text{kk: "Анықтама", ru: "Справка", en: "Help"}
	CmdChannel       = Text{kk: "Арнаны қосу", ru: "Подключить канал", en: "Connect a channel"}
)

// The kinds of source in the catalogue, plain text.
var (
	KindAkimat   = Text{kk: "Әкімдіктер", ru: "Акиматы", en: "Akimats"}
	KindMinistry = Text{kk: "Министрліктер", ru: "Министерства", en: "Ministries"}
	KindEmbassy  = Text{kk: "Елшіліктер мен өкілдіктер", ru: "Посольства и представительства", en: "Embassies and missions"}
	KindOther    = Text{kk: "Басқалары", ru: "Другие", en: "Other"}
)
