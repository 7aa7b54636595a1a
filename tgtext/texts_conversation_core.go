package tgtext

var (
	MsgWelcome = Text{
		kk: "Сәлеметсіз бе! Мен gov.kz сайтынан Қазақстанның әкімдіктері, министрліктері мен елшіліктерінің ресми жаңалықтарын жеткіземін.\n" +
			"Дереккөзге немесе сөзге жазылыңыз: /subscribe shymkent немесе /subscribe «су құбыры».\n" +
			"/latest — соңғы жаңалықтар, /search — іздеу, /help — барлық командалар.",
		ru: "Здравствуйте! Я присылаю официальные новости акиматов, министерств и посольств Казахстана с gov.kz.\n" +
			"Подпишитесь на источник или слово: /subscribe shymkent или /subscribe водоснабжение.\n" +
			"/latest — последние новости, /search — поиск, /help — все команды.",
		en: "Hello! I bring you official news of Kazakhstan's akimats, ministries and embassies from gov.kz.\n" +
			"Follow a source or a word: /subscribe shymkent or /subscribe water supply.\n" +
			"/latest shows the newest releases, /search finds any, /help lists every command.",
	}
	MsgHelp = Text{
		kk: "<b>Командалар</b>\n" +
			"/subscribe <i>дереккөз немесе сөз</i> — жазылу (мысалы, /subscribe mfa-budapest, /subscribe Шымкент; тырнақшадағы сөз әрқашан кілт сөз болады)\n" +
			"/unsubscribe — жазылымнан бас тарту\n" +
			"/subscriptions — жазылымдарым\n" +
			"/latest [<i>дереккөз немесе сөз</i>] — соңғы 10 жаңалық\n" +
			"/search <i>сұрау</i> — кирилл немесе латын әрпімен іздеу (Шымкент = Shymkent = Şymkent): \"дәл тіркес\", OR — немесе, минус — алып тастау, entity:shymkent — бір дереккөз, since:2025-11-01 — осы күннен бергі жаңалықтар\n" +
			"/sources [<i>атау</i>] — дереккөздер тізімі\n" +
			"/digest [<i>СС:ММ</i>|on|off|now] — күнделікті дайджест\n" +
			"/alerts — жедел хабарландырулар және тыныш уақыт\n" +
			"/timezone <i>белдеу немесе қала</i> — уақыт белдеуі\n" +
			"/language kk|ru|en — тіл\n" +
			"/channel — дайджестті арнаға жіберу (баптаулары осы чатта)\n" +
			"Топта баптауларды тек әкімшілер өзгертеді.",
		ru: "<b>Команды</b>\n" +
			"/subscribe <i>источник или слово</i> — подписаться (например, /subscribe mfa-budapest, /subscribe Шымкент; слово в кавычках — всегда ключевое слово)\n" +
			"/unsubscribe — отписаться\n" +
			"/subscriptions — мои подписки\n" +
			"/latest [<i>источник или слово</i>] — 10 последних новостей\n" +
			"/search <i>запрос</i> — поиск кириллицей или латиницей (Шымкент = Shymkent = Şymkent): \"точная фраза\", OR — или, минус — исключить, entity:shymkent — один источник, since:2025-11-01 — новости с этой даты\n" +
			"/sources [<i>название</i>] — список источников\n" +
			"/digest [<i>ЧЧ:ММ</i>|on|off|now] — ежедневный дайджест\n" +
			"/alerts — мгновенные уведомления и тихие часы\n" +
			"/timezone <i>пояс или город</i> — часовой пояс\n" +
			"/language kk|ru|en — язык\n" +
			"/channel — дайджест в канале (настраивается здесь)\n" +
			"В группе настройки меняют только администраторы.",
		en: "<b>Commands</b>\n" +
			"/subscribe <i>source or word</i> — follow a source or a keyword (e.g. /subscribe mfa-budapest, /subscribe water supply; a quoted word is always a keyword)\n" +
			"/unsubscribe — stop following something\n" +
			"/subscriptions — what you follow\n" +
			"/latest [<i>source or word</i>] — the 10 newest releases\n" +
			"/search <i>query</i> — search in any script (Shymkent = Шымкент = Şymkent): \"exact phrase\", OR for either, minus to exclude, entity:shymkent for one source, since:2025-11-01 for newer releases\n" +
			"/sources [<i>name</i>] — the list of sources\n" +
			"/digest [<i>HH:MM</i>|on|off|now] — daily digest\n" +
			"/alerts — instant alerts and quiet hours\n" +
			"/timezone <i>zone or city</i> — time zone\n" +
			"/language kk|ru|en — language\n" +
			"/channel — the digest in a channel (set up from here)\n" +
			"In a group, only administrators change the settings.",
	}
	MsgUnknown = Text{
		kk: "Түсінбедім. /help — не істей алатыным.",
		ru: "Не понял. /help — что я умею.",
		en: "I did not understand that. /help shows what I can do.",
	}
	MsgSlowDown = Text{
		kk: "Командалар тым жиі келіп жатыр. Бір минут күтіп, қайталап көріңіз.",
		ru: "Слишком много команд подряд. Подождите минуту и попробуйте снова.",
		en: "That is a lot of commands at once. Please wait a minute and try again.",
	}
	MsgInternalError = Text{
		kk: "Кешіріңіз, қате шықты. Бір минуттан кейін қайталап көріңіз.",
		ru: "Извините, что-то пошло не так. Попробуйте через минуту.",
		en: "Sorry, something went wrong on my side. Please try again in a minute.",
	}
	MsgExpired = Text{
		kk: "Бұл тізім ескірді. Команданы қайта жіберіңіз.",
		ru: "Этот список устарел. Отправьте команду ещё раз.",
		en: "This list has expired. Please send the command again.",
	}
	MsgLanguageSet = Text{
		kk: "Тіл: қазақша.",
		ru: "Язык: русский.",
		en: "Language: English.",
	}
	MsgLanguageUsage = Text{
		kk: "Тілді таңдаңыз: /language kk, /language ru немесе /language en.",
		ru: "Выберите язык: /language kk, /language ru или /language en.",
		en: "Choose a language: /language kk, /language ru or /language en.",
	}
)
