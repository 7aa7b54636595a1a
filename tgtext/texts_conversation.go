package tgtext

// Messages of subscribing, listing and searching. Arguments are escaped HTML.
var (
	MsgFollowEntity = Text{
		kk: "✅ Сіз жазылдыңыз: <b>%s</b> (<code>%s</code>).",
		ru: "✅ Вы подписались: <b>%s</b> (<code>%s</code>).",
		en: "✅ You now follow <b>%s</b> (<code>%s</code>).",
	}
	BtnAlsoWord = Text{
		kk: "«%s» сөзін барлық жаңалықтардан қадағалау",
		ru: "Следить за словом «%s» во всех новостях",
		en: "Also follow the word “%s” in all news",
	}
	MsgRecentHeading = Text{
		kk: "Осы жазылым бойынша соңғы жаңалықтар:",
		ru: "Последние новости по этой подписке:",
		en: "The newest releases it matches:",
	}
	MsgRecentNone = Text{
		kk: "Әзірге бұған сәйкес жаңалық жоқ; жаңалары дайджестте келеді.",
		ru: "Таких новостей пока нет; новые придут в дайджесте.",
		en: "Nothing matches yet; new releases will come in your digest.",
	}
	MsgFollowKeyword = Text{
		kk: "✅ Енді <b>«%s»</b> кілт сөзі бар жаңалықтарды аласыз.",
		ru: "✅ Вы подписались на ключевое слово <b>«%s»</b>.",
		en: "✅ You now follow the keyword <b>“%s”</b>.",
	}
	MsgSourceInstead = Text{
		kk: "Бұл сөз мына дереккөздердің атауында бар. Сөздің орнына дереккөзге жазыласыз ба?",
		ru: "Это слово есть в названиях источников. Подписаться на источник вместо слова?",
		en: "These sources have it in their name. Follow the source instead?",
	}
	MsgAlreadyFollow = Text{
		kk: "Сіз бұған бұрыннан жазылғансыз: %s.",
		ru: "Вы уже подписаны: %s.",
		en: "You already follow %s.",
	}
	MsgTooMany = Text{
		kk: "Жазылым саны шегіне жетті (%d). Алдымен /unsubscribe арқылы біреуін өшіріңіз.",
		ru: "Достигнут предел подписок (%d). Сначала удалите одну через /unsubscribe.",
		en: "You have reached the limit of %d subscriptions. Remove one with /unsubscribe first.",
	}
	MsgKeywordTooShort = Text{
		kk: "Кілт сөз кемінде %d таңбадан тұруы керек.",
		ru: "Ключевое слово должно быть не короче %d символов.",
		en: "A keyword must be at least %d characters long.",
	}
	MsgKeywordTooLong = Text{
		kk: "Кілт сөз %d таңбадан аспауы керек.",
		ru: "Ключевое слово должно быть не длиннее %d символов.",
		en: "A keyword can be at most %d characters long.",
	}
	MsgSubscribeUsage = Text{
		kk: "Дереккөзді немесе сөзді жазыңыз: /subscribe shymkent немесе /subscribe Шымкент.",
		ru: "Укажите источник или слово: /subscribe shymkent или /subscribe Шымкент.",
		en: "Tell me a source or a word: /subscribe shymkent or /subscribe Shymkent.",
	}
	MsgNotFollowing = Text{
		kk: "Сізде «%s» деген жазылым жоқ. /subscriptions — жазылымдарыңыз.",
		ru: "У вас нет подписки «%s». /subscriptions — ваши подписки.",
		en: "You do not follow “%s”. /subscriptions lists what you follow.",
	}
	MsgUnfollowed = Text{
		kk: "🗑 Жазылым өшірілді: %s.",
		ru: "🗑 Подписка удалена: %s.",
		en: "🗑 You no longer follow %s.",
	}
	MsgNoSubscriptions = Text{
		kk: "Сізде әзірге жазылым жоқ. /subscribe — жазылу.",
		ru: "У вас пока нет подписок. /subscribe — подписаться.",
		en: "You do not follow anything yet. /subscribe adds a source or a word.",
	}
	MsgTapToRemove = Text{
		kk: "Өшіргіңіз келетін жазылымды басыңыз:",
		ru: "Нажмите на подписку, чтобы удалить её:",
		en: "Tap a subscription to remove it:",
	}
	MsgYourSubscriptions = Text{
		kk: "<b>Жазылымдарыңыз</b> (%d / %d):",
		ru: "<b>Ваши подписки</b> (%d из %d):",
		en: "<b>You follow</b> (%d of %d):",
	}
	MsgLatestMine = Text{
		kk: "<b>Жазылымдарыңыз бойынша соңғы жаңалықтар</b>",
		ru: "<b>Последние новости по вашим подпискам</b>",
		en: "<b>Newest from what you follow</b>",
	}
	MsgLatestAll = Text{
		kk: "<b>Барлық дереккөздердің соңғы жаңалықтары</b> — сізде әлі жазылым жоқ",
		ru: "<b>Последние новости всех источников</b> — у вас пока нет подписок",
		en: "<b>Newest releases from every source</b> — you follow nothing yet",
	}
	MsgLatestEntity = Text{
		kk: "<b>%s: соңғы жаңалықтар</b>",
		ru: "<b>%s: последние новости</b>",
		en: "<b>Newest from %s</b>",
	}
	MsgLatestKeyword = Text{
		kk: "<b>«%s»: соңғы жаңалықтар</b>",
		ru: "<b>«%s»: последние новости</b>",
		en: "<b>Newest with “%s”</b>",
	}
	MsgNothingYet = Text{
		kk: "Әзірге жаңалық жоқ.",
		ru: "Пока новостей нет.",
		en: "Nothing here yet.",
	}
	MsgSearchUsage = Text{
		kk: "Не іздейтініңізді жазыңыз: /search Қызылжар.\nДәл тіркесті тырнақшаға алыңыз: /search \"су құбыры\"; OR — «немесе»; минус сөзді алып тастайды: /search Шымкент -Алматы",
		ru: "Напишите, что искать: /search Кызылжар.\nТочная фраза — в кавычках: /search \"питьевая вода\"; OR — «или»; минус исключает слово: /search Шымкент -Алматы",
		en: "Tell me what to look for: /search Kyzylzhar.\nQuotes find a phrase: /search \"water supply\"; OR gives alternatives; a minus excludes: /search Shymkent -Almaty",
	}
	MsgSearchBadSince = Text{
		kk: "since: сөзінен кейін күнді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы since:2025-11-01.",
		ru: "После since: укажите дату в виде ГГГГ-ММ-ДД, например since:2025-11-01.",
		en: "After since: give a date as YYYY-MM-DD, for example since:2025-11-01.",
	}
	MsgKeywordNoWords = Text{
		kk: "Кілт сөзде кемінде бір әріп немесе цифр болуы керек.",
		ru: "В ключевом слове должна быть хотя бы одна буква или цифра.",
		en: "A keyword needs at least one letter or digit.",
	}
	MsgSearchTooLong = Text{
		kk: "Сұрау тым ұзын: %d таңбадан аспауы керек.",
		ru: "Запрос слишком длинный: не больше %d символов.",
		en: "That query is too long: please keep it under %d characters.",
	}
	MsgSearchHeader = Text{
		kk: "<b>«%s» бойынша іздеу нәтижелері</b>",
		ru: "<b>Найдено по запросу «%s»</b>",
		en: "<b>Results for “%s”</b>",
	}
	MsgSearchNothing = Text{
		kk: "«%s» бойынша ештеңе табылмады. Басқа сөздермен іздеп көріңіз.",
		ru: "По запросу «%s» ничего не найдено. Попробуйте другие слова.",
		en: "Nothing found for “%s”. Try other words.",
	}
	BtnPrev = Text{kk: "‹ Алдыңғы", ru: "‹ Назад", en: "‹ Prev"}
	BtnNext = Text{kk: "Келесі ›", ru: "Далее ›", en: "Next ›"}
	BtnMore = Text{kk: "Тағы ›", ru: "Ещё ›", en: "More ›"}
	// MsgSearchNothingSources: the words are in no release but name a source
	// (a district akimat writes "the district", not its name); buttons
	// (BtnNewestFrom) follow.
	MsgSearchNothingSources = Text{
		kk: "«%s» бойынша жаңалықтар мәтінінде ештеңе табылмады. Бұл — дереккөз атауы, ал дереккөз өз жаңалықтарында атын атамауы мүмкін. Соңғы жаңалықтарын көру үшін төмендегі батырманы басыңыз.",
		ru: "По запросу «%s» в текстах новостей ничего не найдено. Так называется источник, а в собственных новостях он может не упоминать своё название. Нажмите кнопку с названием источника, чтобы открыть его последние новости.",
		en: "Nothing found for “%s” in the text of the releases. It is a source's name, and a source may not name itself in its own releases: tap the source's button below for its newest releases.",
	}
	// BtnNewestFrom opens the newest releases of a source a search named;
	// the name comes first, so that buttons cut short still differ.
	BtnNewestFrom = Text{kk: "%s — соңғы жаңалықтар", ru: "%s — последние новости", en: "%s — newest releases"}
)
