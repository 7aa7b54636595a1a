package tgtext

var (
	MsgStatsTitle = Text{kk: "<b>newsbot статистикасы</b>", ru: "<b>Статистика newsbot</b>", en: "<b>newsbot statistics</b>"}
	MsgStatsChats = Text{
		kk: "Чаттар: %d (белсенді: %d)",
		ru: "Чаты: %d (активных: %d)",
		en: "Chats: %d (active: %d)",
	}
	MsgStatsSubscribers = Text{
		kk: "Жазылымы бар белсенді чаттар: %d",
		ru: "Активные подписчики: %d",
		en: "Active subscribers: %d",
	}
	MsgStatsSubscriptions = Text{
		kk: "Жазылымдар: дереккөзге %d, кілт сөзге %d",
		ru: "Подписки: на источники %d, на ключевые слова %d",
		en: "Subscriptions: %d to sources, %d to keywords",
	}
	MsgStatsReleases = Text{
		kk: "Бүгін жарияланған жаңалықтар (Алматы уақыты): %d",
		ru: "Новостей за сегодня (по времени Алматы): %d",
		en: "Releases published today (Almaty): %d",
	}
	MsgStatsOutbox = Text{
		kk: "Жіберілуді күтіп тұрған дайджест хабарламалары: %d",
		ru: "Сообщений дайджеста в очереди: %d",
		en: "Digest messages waiting to be sent: %d",
	}
	MsgStatsDigest = Text{
		kk: "Соңғы дайджест: %s — %d дайджест жиналды, %d/%d хабарлама жіберілді",
		ru: "Последний дайджест: %s — собрано %d, отправлено сообщений %d из %d",
		en: "Last digest run: %s — %d digests built, %d of %d messages sent",
	}
	MsgStatsNoDigest = Text{
		kk: "Соңғы дайджест: әлі болған жоқ",
		ru: "Последний дайджест: ещё не собирался",
		en: "Last digest run: none yet",
	}
	MsgStatsSources = Text{
		kk: "Қатесі бар дереккөздер: %d / %d",
		ru: "Источники с ошибками: %d из %d",
		en: "Sources failing: %d of %d",
	}
	MsgStatsNoSources = Text{
		kk: "Қатесі бар дереккөздер: белгісіз",
		ru: "Источники с ошибками: неизвестно",
		en: "Sources failing: unknown",
	}
)
