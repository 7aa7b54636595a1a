package tgtext

var (
	TxtUntitledFrom = Text{
		kk: "Жаңалық: %s",
		ru: "Новость: %s",
		en: "Release from %s",
	}
	TxtUntitled = Text{
		kk: "Тақырыпсыз жаңалық",
		ru: "Новость без заголовка",
		en: "Untitled release",
	}
)
