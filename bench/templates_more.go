package bench

// More sentences, naming people ({H}) and firms ({C}), so that releases on
// different subjects share little more than their boilerplate, as real
// ones do.
var sentencesMore = []template{
	{'a', "{H}, head of the department, presented the report.", "С докладом выступил руководитель управления {H}.", "Баяндама жасаған басқарма басшысы {H}."},
	{'l', "The contractor, {C}, has already laid {N} kilometres of networks.", "Подрядчик {C} уже проложил {N} километров сетей.", "Мердігер {C} {N} шақырым желі тартып үлгерді."},
	{'l', "Teacher {H} told how the new school changed the village.", "Учитель {H} рассказал, как новая школа изменила жизнь села.", "Мұғалім {H} жаңа мектептің ауыл өмірін қалай өзгерткенін айтты."},
	{'l', "According to {H}, the queue for housing fell by {Q} percent.", "По словам {H}, очередь на жилье сократилась на {Q} процентов.", "{H} айтуынша, тұрғын үй кезегі {Q} пайызға қысқарды."},
	{'a', "{C} signed a memorandum worth {M} billion tenge.", "{C} подписало меморандум на {M} млрд тенге.", "{C} {M} млрд теңгенің меморандумына қол қойды."},
	{'l', "Farmer {H} received a preferential loan to buy {N} tractors.", "Фермер {H} получил льготный кредит на покупку {N} тракторов.", "Фермер {H} {N} трактор сатып алуға жеңілдетілген несие алды."},
	{'a', "Doctor {H} was awarded the badge of honour.", "Врачу {H} вручен нагрудный знак.", "Дәрігер {H} төсбелгімен марапатталды."},
	{'l', "Residents raised the issues of street lighting, playgrounds and parking.", "Жители подняли вопросы уличного освещения, детских площадок и парковок.", "Тұрғындар көше жарығы, балалар алаңы және көлік тұрағы мәселелерін көтерді."},
	{'l', "The old boiler house on {S} will be replaced by a modern one by {Y}.", "Старую котельную на участке {S} заменят современной к {Y} году.", "{S} бойындағы ескі қазандық {Y} жылға қарай заманауи қазандықпен ауыстырылады."},
	{'a', "The winners received certificates and valuable prizes.", "Победителям вручили сертификаты и ценные призы.", "Жеңімпаздарға сертификаттар мен бағалы сыйлықтар табысталды."},
	{'a', "More than {N} volunteers took part in the campaign.", "В акции приняли участие более {N} волонтеров.", "Акцияға {N}-ден астам ерікті қатысты."},
	{'l', "A new sports complex with a swimming pool will open in {P} in {Y}.", "В {P.pre} в {Y} году откроется новый спорткомплекс с бассейном.", "{Y} жылы {P.pre} жүзу бассейні бар жаңа спорт кешені ашылады."},
	{'m', "The draft law was published for public discussion on the Open NPA portal.", "Законопроект опубликован для публичного обсуждения на портале «Открытые НПА».", "Заң жобасы «Ашық НҚА» порталында көпшілік талқылауына жарияланды."},
	{'m', "Vice minister {H} answered questions from journalists.", "На вопросы журналистов ответил вице-министр {H}.", "Журналистердің сұрақтарына вице-министр {H} жауап берді."},
	{'e', "Ambassador {H} presented the investment potential of Kazakhstan.", "Посол {H} представил инвестиционный потенциал Казахстана.", "Елші {H} Қазақстанның инвестициялық әлеуетін таныстырды."},
	{'e', "Representatives of {C} and local companies attended the business forum.", "В бизнес-форуме приняли участие представители {C} и местных компаний.", "Бизнес-форумға {C} және жергілікті компаниялардың өкілдері қатысты."},
	{'e', "The diaspora in {P} celebrated Nauryz with a concert and a dastarkhan.", "Диаспора в {P.pre} отметила Наурыз концертом и дастарханом.", "{P} қаласындағы диаспора Наурызды концерт пен дастарханмен тойлады."},
	{'a', "The hotline received {N} calls over the past week.", "За прошедшую неделю на горячую линию поступило {N} обращений.", "Өткен аптада сенім телефонына {N} өтініш түсті."},
	{'l', "Snow removal on {S} is carried out around the clock by {N} units of equipment.", "Уборку снега на участке {S} круглосуточно ведут {N} единиц техники.", "{S} бойында қар тазалауды тәулік бойы {N} техника жүргізеді."},
	{'a', "Inspections revealed {N} violations; the owners were fined.", "Проверки выявили {N} нарушений, владельцы оштрафованы.", "Тексерістер {N} бұзушылықты анықтады, иелеріне айыппұл салынды."},
	{'l', "{H}, a resident of {S}, thanked the akimat for the new bus stop.", "Жительница участка {S} {H} поблагодарила акимат за новую остановку.", "{S} тұрғыны {H} әкімдікке жаңа аялдама үшін алғыс айтты."},
	{'a', "The average salary in the sector reached {B} tenge.", "Средняя заработная плата в отрасли достигла {B} тенге.", "Саладағы орташа жалақы {B} теңгеге жетті."},
	{'l', "Trees and {B} shrubs were planted along {S}.", "Вдоль участка {S} высажены деревья и {B} кустарников.", "{S} бойына ағаштар мен {B} бұта отырғызылды."},
	{'a', "Details are available on the official website and in the akimat's social networks.", "Подробности — на официальном сайте и в социальных сетях акимата.", "Толығырақ ақпарат ресми сайтта және әкімдіктің әлеуметтік желілерінде."},
}

// topicSentences are said of one topic only (indices into topics).
var topicSentences = map[int][]template{
	0:  {{'a', "The new water pipeline is {N} kilometres long and serves {B} people.", "Протяженность нового водовода — {N} километров, он обеспечит водой {B} человек.", "Жаңа су құбырының ұзындығы {N} шақырым, ол {B} адамды сумен қамтамасыз етеді."}},
	1:  {{'a', "This season {N} kilometres of roads were repaired with {C}.", "В этом сезоне совместно с {C} отремонтировано {N} километров дорог.", "Биылғы маусымда {C} бірлесіп {N} шақырым жол жөнделді."}},
	2:  {{'a', "The new school for {B} pupils has robotics and chemistry classrooms.", "В новой школе на {B} учеников есть кабинеты робототехники и химии.", "{B} оқушыға арналған жаңа мектепте робототехника және химия кабинеттері бар."}},
	3:  {{'a', "Vaccination against measles is free of charge in clinics and schools.", "Вакцинация против кори проводится бесплатно в поликлиниках и школах.", "Қызылшаға қарсы екпе емханалар мен мектептерде тегін жүргізіледі."}},
	4:  {{'a', "Heat supply networks of {N} kilometres were repaired before the heating season.", "К отопительному сезону отремонтировано {N} километров тепловых сетей.", "Жылыту маусымына дейін {N} шақырым жылу желісі жөнделді."}},
	5:  {{'a', "Gas reached {N} more settlements; the level of gasification is {Q} percent.", "Газ пришел еще в {N} населенных пунктов, уровень газификации — {Q} процентов.", "Тағы {N} елді мекенге газ жетті, газдандыру деңгейі {Q} пайыз."}},
	6:  {{'a', "{Q} percent of public services are now available on eGov.", "{Q} процентов государственных услуг теперь доступны на eGov.", "Мемлекеттік қызметтердің {Q} пайызы енді eGov-та қолжетімді."}},
	7:  {{'a', "The number of tourists grew to {B} this year.", "Число туристов в этом году выросло до {B}.", "Биыл туристер саны {B}-ге жетті."}},
	8:  {{'a', "Harvesting is complete on {B} hectares; the average yield is {N} centners per hectare.", "Уборка завершена на {B} гектарах, средняя урожайность — {N} центнеров с гектара.", "{B} гектарда егін жиналды, орташа өнімділік гектарына {N} центнер."}},
	10: {{'a', "The job fair offered {B} vacancies.", "На ярмарке вакансий предложено {B} рабочих мест.", "Бос жұмыс орындары жәрмеңкесінде {B} жұмыс орны ұсынылды."}},
	11: {{'a', "{N} apartment buildings with {B} square metres of housing were commissioned.", "Введены в эксплуатацию {N} многоквартирных домов площадью {B} квадратных метров.", "Ауданы {B} шаршы метр болатын {N} көппәтерлі үй пайдалануға берілді."}},
	12: {{'a', "The regional hospital received {N} units of modern medical equipment.", "Областная больница получила {N} единиц современного медицинского оборудования.", "Облыстық аурухана {N} заманауи медициналық жабдық алды."}},
	13: {{'a', "{N} new buses with air conditioning went on the city routes.", "На городские маршруты вышли {N} новых автобусов с кондиционерами.", "Қалалық бағыттарға кондиционері бар {N} жаңа автобус шықты."}},
	17: {{'a', "{N} kilometres of dams and embankments were strengthened ahead of the floods.", "В преддверии паводков укреплено {N} километров дамб и насыпей.", "Су тасқыны алдында {N} шақырым бөгет пен үйінді нығайтылды."}},
	22: {{'a', "Budget revenues amounted to {M} billion tenge, {Q} percent of the plan.", "Доходы бюджета составили {M} млрд тенге, или {Q} процентов плана.", "Бюджет кірісі {M} млрд теңгені, яғни жоспардың {Q} пайызын құрады."}},
	26: {{'a', "Consular officers issued {N} certificates of return.", "Консульские сотрудники оформили {N} свидетельств на возвращение.", "Консулдық қызметкерлер {N} оралу куәлігін рәсімдеді."}},
}
