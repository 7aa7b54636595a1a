package tgtext

var (
	TxtUntitledFrom = Text{
		kk: "%s хабарламасы",
		ru: "Сообщение: %s",
		en: "Release from %s",
	}
	TxtUntitled = Text{
		kk: "Атаусыз хабарлама",
		ru: "Сообщение без заголовка",
		en: "Untitled release",
	}
)
