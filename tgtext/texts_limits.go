package tgtext

// Messages of the limits that keep one user from slowing everyone else:
// one heavy request at a time per chat, a cap on a search's words, and a
// time limit on /search and /latest. They carry no markup, so a button press
// can show them as a notification too.
var (
	MsgStillWorking = Text{
		kk: "Алдыңғы сұрауыңыз әлі орындалып жатыр — бір сәт күте тұрыңыз.",
		ru: "Я ещё выполняю ваш предыдущий запрос — подождите секунду.",
		en: "I am still working on your previous request — one moment, please.",
	}
	MsgBusy = Text{
		kk: "Қазір сұраулар өте көп. Бір минуттан кейін қайталап көріңіз.",
		ru: "Сейчас у меня очень много запросов. Попробуйте через минуту.",
		en: "I have a great many requests right now. Please try again in a minute.",
	}
	MsgSearchTooManyTerms = Text{
		kk: "Іздеуде ең көбі %d сөз болуы мүмкін: OR арқылы берілген әр нұсқа, тіркестегі және алып тасталған сөздер де саналады. Сұрауды қысқартыңыз.",
		ru: "В поиске может быть не больше %d слов, считая каждый вариант через OR, слова фраз и исключённые слова. Сократите запрос.",
		en: "A search can have at most %d words, counting each OR alternative, the words of phrases and excluded words. Please shorten it.",
	}
	MsgSearchTimeout = Text{
		kk: "Іздеу тым ұзаққа созылды, сондықтан тоқтаттым. Сұрауды нақтылаңыз: сөздерді азайтыңыз, тіркесті тырнақшаға алыңыз, entity:shymkent — бір дереккөз, since:2025-11-01 — осы күннен бергі жаңалықтар.",
		ru: "Поиск занял слишком много времени, и я его остановил. Уточните запрос: меньше слов, фраза в кавычках, entity:shymkent — один источник, since:2025-11-01 — новости с этой даты.",
		en: "That search took too long, so I stopped it. Please narrow it: fewer words, a phrase in quotes, entity:shymkent for one source, since:2025-11-01 for newer releases.",
	}
	MsgLatestTimeout = Text{
		kk: "Соңғы жаңалықтарды жинау тым ұзаққа созылды, сондықтан тоқтаттым. Бір дереккөзді немесе сөзді көрсетіңіз, мысалы /latest shymkent.",
		ru: "Подборка последних новостей заняла слишком много времени, и я её остановил. Укажите один источник или слово, например /latest shymkent.",
		en: "Gathering the newest releases took too long, so I stopped. Name one source or word instead, for example /latest shymkent.",
	}
)
