package bench

import "math/rand/v2"

// People named in releases (teachers, doctors, farmers, heads of
// departments): common Kazakh first names and surnames, so that releases
// carry the many names real ones do. Each is [en, ru, kk].
var firstNames = [][3]string{
	{"Aigerim", "Айгерим", "Әйгерім"}, {"Asel", "Асель", "Әсел"}, {"Aliya", "Алия", "Әлия"},
	{"Dana", "Дана", "Дана"}, {"Gulnara", "Гульнара", "Гүлнар"}, {"Zhanar", "Жанар", "Жанар"},
	{"Madina", "Мадина", "Мадина"}, {"Saule", "Сауле", "Сәуле"}, {"Aruzhan", "Аружан", "Аружан"},
	{"Dinara", "Динара", "Динара"}, {"Nurlan", "Нурлан", "Нұрлан"}, {"Yerlan", "Ерлан", "Ерлан"},
	{"Askar", "Аскар", "Асқар"}, {"Bauyrzhan", "Бауыржан", "Бауыржан"}, {"Daulet", "Даулет", "Дәулет"},
	{"Kairat", "Кайрат", "Қайрат"}, {"Marat", "Марат", "Марат"}, {"Serik", "Серик", "Серік"},
	{"Arman", "Арман", "Арман"}, {"Azamat", "Азамат", "Азамат"}, {"Berik", "Берик", "Берік"},
	{"Galym", "Галым", "Ғалым"}, {"Dauren", "Даурен", "Дәурен"}, {"Rustem", "Рустем", "Рүстем"},
	{"Saken", "Сакен", "Сәкен"}, {"Talgat", "Талгат", "Талғат"}, {"Zhandos", "Жандос", "Жандос"},
	{"Yerzhan", "Ержан", "Ержан"}, {"Aidos", "Айдос", "Айдос"}, {"Nurgul", "Нургуль", "Нұргүл"},
}

// firstFemale is where the women's names end in firstNames.
const firstFemale = 10

var surnames = [][3]string{
	{"Akhmetov", "Ахметов", "Ахметов"}, {"Omarov", "Омаров", "Омаров"}, {"Serikbayev", "Серикбаев", "Серікбаев"},
	{"Nurpeisov", "Нурпеисов", "Нұрпейісов"}, {"Tulegenov", "Тулегенов", "Төлегенов"}, {"Zhumabayev", "Жумабаев", "Жұмабаев"},
	{"Kassymov", "Касымов", "Қасымов"}, {"Abdrakhmanov", "Абдрахманов", "Әбдірахманов"}, {"Iskakov", "Искаков", "Ысқақов"},
	{"Kenzhebayev", "Кенжебаев", "Кенжебаев"}, {"Sadykov", "Садыков", "Садықов"}, {"Temirbekov", "Темирбеков", "Темірбеков"},
	{"Utepov", "Утепов", "Өтепов"}, {"Yesenov", "Есенов", "Есенов"}, {"Zhakupov", "Жакупов", "Жақыпов"},
	{"Baimukhanov", "Баймуханов", "Баймұханов"}, {"Ospanov", "Оспанов", "Оспанов"}, {"Rakhimov", "Рахимов", "Рахымов"},
	{"Sarsenbayev", "Сарсенбаев", "Сәрсенбаев"}, {"Tokhtarov", "Тохтаров", "Тоқтаров"}, {"Dosmukhamedov", "Досмухамедов", "Досмұхамедов"},
	{"Amanzholov", "Аманжолов", "Аманжолов"}, {"Beisenov", "Бейсенов", "Бейсенов"}, {"Zhunusov", "Жунусов", "Жүнісов"},
	{"Mukanov", "Муканов", "Мұқанов"}, {"Shaikenov", "Шайкенов", "Шәйкенов"}, {"Yergaliyev", "Ергалиев", "Ерғалиев"},
	{"Kuanyshev", "Куанышев", "Қуанышев"}, {"Orazbayev", "Оразбаев", "Оразбаев"}, {"Tleubayev", "Тлеубаев", "Тілеубаев"},
}

// companies are contractors and firms: [en, ru, kk].
var companies = [][3]string{
	{"Nur-Stroy LLP", "ТОО «Нур-Строй»", "«Нұр-Строй» ЖШС"}, {"Astana Su Arnasy", "ГКП «Астана Су Арнасы»", "«Астана Су Арнасы» МКК"},
	{"KazAvtoZhol", "АО «НК «ҚазАвтоЖол»", "«ҚазАвтоЖол» ҰК» АҚ"}, {"Samruk-Energy", "АО «Самрук-Энерго»", "«Самұрық-Энерго» АҚ"},
	{"QazaqGaz", "АО «QazaqGaz»", "«QazaqGaz» АҚ"}, {"Bereke Kurylys LLP", "ТОО «Береке Курылыс»", "«Береке Құрылыс» ЖШС"},
	{"Altyn Dala Agro", "ТОО «Алтын Дала Агро»", "«Алтын Дала Агро» ЖШС"}, {"Zhol Service LLP", "ТОО «Жол Сервис»", "«Жол Сервис» ЖШС"},
	{"Baiterek Holding", "АО «Холдинг «Байтерек»", "«Бәйтерек» холдингі» АҚ"}, {"Damu Fund", "Фонд «Даму»", "«Даму» қоры"},
	{"Kazakhtelecom", "АО «Казахтелеком»", "«Қазақтелеком» АҚ"}, {"Tau-Ken Samruk", "АО «Тау-Кен Самрук»", "«Тау-Кен Самұрық» АҚ"},
	{"Ontustik Zharyk LLP", "ТОО «Онтустик Жарык»", "«Оңтүстік Жарық» ЖШС"}, {"Atameken Chamber", "Палата предпринимателей «Атамекен»", "«Атамекен» кәсіпкерлер палатасы"},
}

// person is a random name, the same in every language of a story.
type person struct{ first, last int }

func randomPerson(rng *rand.Rand) person {
	return person{rng.IntN(len(firstNames)), rng.IntN(len(surnames))}
}

// name is the person's full name in language column li; women's surnames
// take -а (Ахметова, Akhmetova).
func (p person) name(li int) string {
	last := surnames[p.last][li]
	if p.first < firstFemale {
		last += [3]string{"a", "а", "а"}[li]
	}
	return firstNames[p.first][li] + " " + last
}
