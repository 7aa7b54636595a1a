package tgtext

// Groups and channels: who may change settings, the greeting when the bot is
// added, and connecting a channel from a private chat. All are HTML; a %s is
// an escaped title.

var (
	// TxtActingOn heads every answer in a private chat whose settings
	// commands act on a channel.
	TxtActingOn = Text{
		kk: "📢 «%s» арнасы\n",
		ru: "📢 Канал «%s»\n",
		en: "📢 Channel “%s”\n",
	}
	MsgAdminsOnly = Text{
		kk: "Топтың баптауларын тек оның әкімшілері өзгерте алады.",
		ru: "Менять настройки группы могут только её администраторы.",
		en: "Only the group's administrators can change its settings.",
	}
	MsgRightsUnknown = Text{
		kk: "Telegram-нан құқықтарыңызды тексере алмадым. Бір минуттан кейін қайталап көріңіз.",
		ru: "Не удалось проверить ваши права в Telegram. Попробуйте через минуту.",
		en: "I could not check your rights with Telegram. Please try again in a minute.",
	}
	MsgGroupWelcome = Text{
		kk: "Сәлеметсіздер ме! Мен осы топқа gov.kz сайтынан ресми жаңалықтардың күнделікті дайджестін жіберемін.\n" +
			"Топ әкімшісі баптай алады: /subscribe shymkent немесе /subscribe «су құбыры» — жазылу, /digest 09:00 — уақыты, /timezone — уақыт белдеуі, /language kk|ru|en — тілі.\n" +
			"/latest және /search командаларын топтың кез келген мүшесі қолдана алады.",
		ru: "Здравствуйте! Я буду присылать в эту группу ежедневный дайджест официальных новостей с gov.kz.\n" +
			"Настроить его может администратор группы: /subscribe shymkent или /subscribe водоснабжение — подписка, /digest 09:00 — время, /timezone — часовой пояс, /language kk|ru|en — язык.\n" +
			"/latest и /search доступны всем участникам.",
		en: "Hello! I will post a daily digest of official news from gov.kz in this group.\n" +
			"An administrator of the group can set it up: /subscribe shymkent or /subscribe water supply to follow, /digest 09:00 for the time, /timezone for the time zone, /language kk|ru|en for the language.\n" +
			"Everyone can use /latest and /search.",
	}
	MsgGroupWelcomeBack = Text{
		kk: "Топтың жазылымдары сақталған: /subscriptions.",
		ru: "Подписки группы сохранились: /subscriptions.",
		en: "The group's subscriptions are still here: /subscriptions.",
	}
	MsgChannelPrivateOnly = Text{
		kk: "Арна менімен жеке чатта қосылады: оны ашып, /channel жіберіңіз.",
		ru: "Канал подключается в личном чате со мной: откройте его и отправьте /channel.",
		en: "Channels are connected in a private chat with me: open it and send /channel.",
	}
	MsgChannelHow = Text{
		kk: "Дайджестті арнаға алу үшін мені арнаға хабарлама жариялау құқығы бар әкімші етіп қосыңыз, содан кейін төмендегі батырманы басып, арнаны таңдаңыз.\n" +
			"Осыдан кейін осы чаттағы /subscribe, /unsubscribe, /subscriptions, /digest, /timezone және /language командалары арнаның баптауларын өзгертеді.",
		ru: "Чтобы получать дайджест в канале, добавьте меня в канал администратором с правом публиковать сообщения, затем нажмите кнопку ниже и выберите канал.\n" +
			"После этого /subscribe, /unsubscribe, /subscriptions, /digest, /timezone и /language здесь будут относиться к каналу.",
		en: "To get the digest in a channel, add me to it as an administrator who may post messages, then press the button below and choose the channel.\n" +
			"After that, /subscribe, /unsubscribe, /subscriptions, /digest, /timezone and /language here apply to the channel.",
	}
	BtnPickChannel = Text{kk: "📢 Арнаны таңдау", ru: "📢 Выбрать канал", en: "📢 Choose a channel"}
	BtnThisChat    = Text{kk: "👤 Осы чат", ru: "👤 Этот чат", en: "👤 This chat"}
	// TxtThisChat is plain text.
	TxtThisChat    = Text{kk: "осы чат", ru: "этот чат", en: "this chat"}
	MsgChannelPick = Text{
		kk: "Қазір осы чаттағы баптаулар мынаған қатысты: <b>%s</b>. Таңдаңыз:",
		ru: "Сейчас здесь настраивается: <b>%s</b>. Выберите:",
		en: "Settings here now apply to: <b>%s</b>. Choose:",
	}
	// MsgActingOnToast is plain text, for a button's notification.
	MsgActingOnToast = Text{
		kk: "Баптаулар енді мынаған қатысты: %s",
		ru: "Теперь здесь настраивается: %s",
		en: "Settings now apply to: %s",
	}
	MsgChannelConnected = Text{
		kk: "«%s» арнасы қосылды. Енді осы чаттағы /subscribe, /unsubscribe, /subscriptions, /digest, /timezone және /language командалары соған қатысты; /channel — осы чатқа қайту.",
		ru: "Канал «%s» подключён. Теперь /subscribe, /unsubscribe, /subscriptions, /digest, /timezone и /language здесь относятся к нему; /channel — вернуться к этому чату.",
		en: "Connected the channel “%s”. From now on /subscribe, /unsubscribe, /subscriptions, /digest, /timezone and /language here apply to it; /channel switches back to this chat.",
	}
	MsgChannelBotCannotPost = Text{
		kk: "«%s» арнасында жариялай алмаймын: мені арнаның «Хабарламаларды жариялау» құқығы бар әкімшісі етіп, арнаны қайта таңдаңыз.",
		ru: "Я не могу публиковать в канале «%s»: сделайте меня администратором канала с правом «Публикация сообщений» и выберите его снова.",
		en: "I cannot post in the channel “%s”: make me its administrator with the right to post messages, then choose it again.",
	}
	MsgChannelNotAdmin = Text{
		kk: "«%s» арнасын тек оның әкімшісі қоса алады және баптауларын өзгерте алады.",
		ru: "Подключать канал «%s» и менять его настройки может только его администратор.",
		en: "Only an administrator of the channel “%s” can connect it or change its settings.",
	}
	MsgChannelLost = Text{
		kk: "«%s» арнасында енді жариялай алмаймын, сондықтан оның дайджестері тоқтатылды. Жазылымдар сақталған: мені хабарлама жариялау құқығы бар әкімші етіп, /channel арқылы арнаны қайта таңдаңыз.",
		ru: "Я больше не могу публиковать в канале «%s», поэтому его дайджесты остановлены. Подписки сохранены: сделайте меня администратором с правом публикации и выберите канал снова через /channel.",
		en: "I can no longer post in the channel “%s”, so its digests have stopped. Its subscriptions are kept: make me an administrator who may post messages and choose it again with /channel.",
	}
	MsgChannelGone = Text{
		kk: "Бұл арна енді қосулы емес. /channel — арнаны таңдау.",
		ru: "Этот канал больше не подключён. /channel — выбрать канал.",
		en: "That channel is no longer connected. /channel chooses one.",
	}
	MsgChannelLanguageSet = Text{
		kk: "Арнаның тілі ауыстырылды: %s. Дайджестер енді осы тілде жазылады.",
		ru: "Теперь язык канала — %s: дайджесты будут на этом языке.",
		en: "The channel's language is now %s: its digests will be written in it.",
	}
)

// LanguageName is the name of lang ("kk", "ru", "en") in the language ui,
// as it reads after "is now" / "теперь —" / "енді —".
func LanguageName(ui, lang string) string {
	names := map[string]Text{
		"kk": {kk: "қазақ тілі", ru: "казахский", en: "Kazakh"},
		"ru": {kk: "орыс тілі", ru: "русский", en: "Russian"},
		"en": {kk: "ағылшын тілі", ru: "английский", en: "English"},
	}
	if n, ok := names[lang]; ok {
		return n.In(ui)
	}
	return lang
}
