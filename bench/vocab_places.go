package bench

// place is a real place name in every form the templates need: English,
// Russian nominative, genitive and prepositional (Шымкент, Шымкента, в
// Шымкенте), and Kazakh, whose cases are derived (inflectKK) and whose Latin
// spelling is transliterated (toKKLatin).
type place struct {
	key                  string // the entity slug whose home it is, or a short name
	en, ru, ruGen, ruPre string
	kk                   string
	foreign              bool // a city abroad: embassies write about it
}

// places are the cities, regions and foreign capitals releases talk about.
// Keys that are catalogue slugs make that entity's releases mostly about
// that place.
var places = []place{
	{"astana", "Astana", "Астана", "Астаны", "Астане", "Астана", false},
	{"almaty", "Almaty", "Алматы", "Алматы", "Алматы", "Алматы", false},
	{"shymkent", "Shymkent", "Шымкент", "Шымкента", "Шымкенте", "Шымкент", false},
	{"karaganda-city", "Karaganda", "Караганда", "Караганды", "Караганде", "Қарағанды", false},
	{"aktobe-city", "Aktobe", "Актобе", "Актобе", "Актобе", "Ақтөбе", false},
	{"taraz", "Taraz", "Тараз", "Тараза", "Таразе", "Тараз", false},
	{"pavlodar-city", "Pavlodar", "Павлодар", "Павлодара", "Павлодаре", "Павлодар", false},
	{"vko-oskemen", "Oskemen", "Усть-Каменогорск", "Усть-Каменогорска", "Усть-Каменогорске", "Өскемен", false},
	{"semey", "Semey", "Семей", "Семея", "Семее", "Семей", false},
	{"atyrau-city", "Atyrau", "Атырау", "Атырау", "Атырау", "Атырау", false},
	{"kostanay-city", "Kostanay", "Костанай", "Костаная", "Костанае", "Қостанай", false},
	{"kyzylorda-city", "Kyzylorda", "Кызылорда", "Кызылорды", "Кызылорде", "Қызылорда", false},
	{"oral", "Oral", "Уральск", "Уральска", "Уральске", "Орал", false},
	{"petropavl", "Petropavl", "Петропавловск", "Петропавловска", "Петропавловске", "Петропавл", false},
	{"mangystau-aktau", "Aktau", "Актау", "Актау", "Актау", "Ақтау", false},
	{"temirtau", "Temirtau", "Темиртау", "Темиртау", "Темиртау", "Теміртау", false},
	{"turkistan", "Turkistan", "Туркестан", "Туркестана", "Туркестане", "Түркістан", false},
	{"kokshetau", "Kokshetau", "Кокшетау", "Кокшетау", "Кокшетау", "Көкшетау", false},
	{"taldykorgan", "Taldykorgan", "Талдыкорган", "Талдыкоргана", "Талдыкоргане", "Талдықорған", false},
	{"ekibastuz", "Ekibastuz", "Экибастуз", "Экибастуза", "Экибастузе", "Екібастұз", false},
	{"ulytau-zhezkazgan", "Zhezkazgan", "Жезказган", "Жезказгана", "Жезказгане", "Жезқазған", false},
	{"konaev", "Konaev", "Конаев", "Конаева", "Конаеве", "Қонаев", false},
	{"balkhash", "Balkhash", "Балхаш", "Балхаша", "Балхаше", "Балқаш", false},
	{"ulytau-satpaev", "Satpayev", "Сатпаев", "Сатпаева", "Сатпаеве", "Сәтбаев", false},
	{"baikonur", "Baikonur", "Байконур", "Байконура", "Байконуре", "Байқоңыр", false},
	{"aral", "Aral", "Аральск", "Аральска", "Аральске", "Арал", false},
	{"saryagash", "Saryagash", "Сарыагаш", "Сарыагаша", "Сарыагаше", "Сарыағаш", false},
	{"kyzylorda-kazaly-kolaryq", "Kazaly", "Казалинск", "Казалинска", "Казалинске", "Қазалы", false},
	{"zharkent", "Zharkent", "Жаркент", "Жаркента", "Жаркенте", "Жаркент", false},
	{"stepnogorsk", "Stepnogorsk", "Степногорск", "Степногорска", "Степногорске", "Степногорск", false},
	{"aqmola-burabay", "Burabay", "Бурабай", "Бурабая", "Бурабае", "Бурабай", false},
	{"kentau", "Kentau", "Кентау", "Кентау", "Кентау", "Кентау", false},
	{"ridder", "Ridder", "Риддер", "Риддера", "Риддере", "Риддер", false},
	{"kyzylorda-syrdarya", "Syrdarya district", "Сырдарьинский район", "Сырдарьинского района", "Сырдарьинском районе", "Сырдария ауданы", false},
	{"kyzylorda-karmakshy", "Karmakshy district", "Кармакшинский район", "Кармакшинского района", "Кармакшинском районе", "Қармақшы ауданы", false},
	{"aqmola", "Akmola region", "Акмолинская область", "Акмолинской области", "Акмолинской области", "Ақмола облысы", false},
	{"almobl", "Almaty region", "Алматинская область", "Алматинской области", "Алматинской области", "Алматы облысы", false},
	{"zhambyl", "Zhambyl region", "Жамбылская область", "Жамбылской области", "Жамбылской области", "Жамбыл облысы", false},
	{"zhetysu", "Zhetysu region", "область Жетісу", "области Жетісу", "области Жетісу", "Жетісу облысы", false},
	{"abay", "Abai region", "область Абай", "области Абай", "области Абай", "Абай облысы", false},
	{"ulytau", "Ulytau region", "область Ұлытау", "области Ұлытау", "области Ұлытау", "Ұлытау облысы", false},
	{"mangystau", "Mangystau region", "Мангистауская область", "Мангистауской области", "Мангистауской области", "Маңғыстау облысы", false},
	{"akimvko", "East Kazakhstan region", "Восточно-Казахстанская область", "Восточно-Казахстанской области", "Восточно-Казахстанской области", "Шығыс Қазақстан облысы", false},
	{"sko", "North Kazakhstan region", "Северо-Казахстанская область", "Северо-Казахстанской области", "Северо-Казахстанской области", "Солтүстік Қазақстан облысы", false},
	{"bko", "West Kazakhstan region", "Западно-Казахстанская область", "Западно-Казахстанской области", "Западно-Казахстанской области", "Батыс Қазақстан облысы", false},
	{"ontustik", "Turkistan region", "Туркестанская область", "Туркестанской области", "Туркестанской области", "Түркістан облысы", false},
	{"karaganda", "Karaganda region", "Карагандинская область", "Карагандинской области", "Карагандинской области", "Қарағанды облысы", false},
	{"kostanay", "Kostanay region", "Костанайская область", "Костанайской области", "Костанайской области", "Қостанай облысы", false},
	{"kyzylorda", "Kyzylorda region", "Кызылординская область", "Кызылординской области", "Кызылординской области", "Қызылорда облысы", false},
	{"pavlodar", "Pavlodar region", "Павлодарская область", "Павлодарской области", "Павлодарской области", "Павлодар облысы", false},
	{"aktobe", "Aktobe region", "Актюбинская область", "Актюбинской области", "Актюбинской области", "Ақтөбе облысы", false},
	{"atyrau", "Atyrau region", "Атырауская область", "Атырауской области", "Атырауской области", "Атырау облысы", false},
	{"mfa-budapest", "Budapest", "Будапешт", "Будапешта", "Будапеште", "Будапешт", true},
	{"mfa-hanoi", "Hanoi", "Ханой", "Ханоя", "Ханое", "Ханой", true},
	{"mfa-kishinev", "Chisinau", "Кишинёв", "Кишинёва", "Кишинёве", "Кишинев", true},
	{"mfa-brussels", "Brussels", "Брюссель", "Брюсселя", "Брюсселе", "Брюссель", true},
	{"mfa-muscat", "Muscat", "Маскат", "Маската", "Маскате", "Маскат", true},
	{"mfa-geneva", "Geneva", "Женева", "Женевы", "Женеве", "Женева", true},
	{"mfa-busan", "Busan", "Пусан", "Пусана", "Пусане", "Пусан", true},
	{"mfa-istanbul", "Istanbul", "Стамбул", "Стамбула", "Стамбуле", "Стамбұл", true},
	{"mfa-antalya", "Antalya", "Анталья", "Антальи", "Анталье", "Анталья", true},
	{"mfa-delhi", "New Delhi", "Нью-Дели", "Нью-Дели", "Нью-Дели", "Нью-Дели", true},
	{"mfa-doha", "Doha", "Доха", "Дохи", "Дохе", "Доха", true},
	{"mfa-helsinki", "Helsinki", "Хельсинки", "Хельсинки", "Хельсинки", "Хельсинки", true},
	{"mfa-jakarta", "Jakarta", "Джакарта", "Джакарты", "Джакарте", "Джакарта", true},
	{"mfa-kuala-lumpur", "Kuala Lumpur", "Куала-Лумпур", "Куала-Лумпура", "Куала-Лумпуре", "Куала-Лумпур", true},
	{"mfa-london", "London", "Лондон", "Лондона", "Лондоне", "Лондон", true},
	{"mfa-lisbon", "Lisbon", "Лиссабон", "Лиссабона", "Лиссабоне", "Лиссабон", true},
	{"mfa-paris", "Paris", "Париж", "Парижа", "Париже", "Париж", true},
	{"mfa-rome", "Rome", "Рим", "Рима", "Риме", "Рим", true},
	{"mfa-riga", "Riga", "Рига", "Риги", "Риге", "Рига", true},
	{"mfa-tokyo", "Tokyo", "Токио", "Токио", "Токио", "Токио", true},
	{"mfa-tashkent", "Tashkent", "Ташкент", "Ташкента", "Ташкенте", "Ташкент", true},
	{"mfa-washington", "Washington", "Вашингтон", "Вашингтона", "Вашингтоне", "Вашингтон", true},
	{"mfa-vienna", "Vienna", "Вена", "Вены", "Вене", "Вена", true},
}

// streets and microdistricts give releases the local detail real ones
// have (Kyzylzhar-2, Abay Avenue), in en, ru, kk.
var streets = [][3]string{
	{"Abay Avenue", "проспект Абая", "Абай даңғылы"},
	{"Al-Farabi Avenue", "проспект аль-Фараби", "Әл-Фараби даңғылы"},
	{"Tauelsizdik Street", "улица Тауелсиздик", "Тәуелсіздік көшесі"},
	{"Respublika Avenue", "проспект Республики", "Республика даңғылы"},
	{"Kabanbay Batyr Avenue", "проспект Кабанбай батыра", "Қабанбай батыр даңғылы"},
	{"Tole Bi Street", "улица Толе би", "Төле би көшесі"},
	{"Baitursynov Street", "улица Байтурсынова", "Байтұрсынов көшесі"},
	{"Kyzylzhar-2 microdistrict", "микрорайон Кызылжар-2", "Қызылжар-2 шағын ауданы"},
	{"Nursat microdistrict", "микрорайон Нурсат", "Нұрсат шағын ауданы"},
	{"Samal-3 microdistrict", "микрорайон Самал-3", "Самал-3 шағын ауданы"},
	{"Turan district", "район Туран", "Тұран ауданы"},
	{"Yesil district", "район Есиль", "Есіл ауданы"},
	{"Saryarka district", "район Сарыарка", "Сарыарқа ауданы"},
	{"Medeu district", "Медеуский район", "Медеу ауданы"},
}
