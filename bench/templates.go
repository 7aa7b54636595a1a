package bench

// A template is one title or sentence in English, Russian and Kazakh. Slots
// in braces are filled per release (see story.fill): {P} a place, with
// {P.gen} its genitive, {P.pre} Russian prepositional / Kazakh locative,
// {P.dat} Kazakh dative; {T} a topic, {T.gen} its Russian genitive; {O} an
// official and {R} their office; {E} the publishing entity; {S} a street or
// microdistrict; {N} a count, {B} a large count, {M} billions of tenge, {Q} a
// percentage, {Y} a year; {H} a person and {C} a company (vocab_people.go).
type template struct {
	kind       byte // 'l' local (akimats), 'm' ministries, 'e' embassies, 'a' any
	en, ru, kk string
}

var titles = []template{
	{'a', "{P}: {T} — results of {Y}", "{P}: {T} — итоги {Y} года", "{P}: {T} — {Y} жылдың қорытындысы"},
	{'l', "{N} new facilities opened in {P}", "В {P.pre} открыли {N} новых объектов", "{P.pre} {N} жаңа нысан ашылды"},
	{'a', "{O} held a meeting on {T}", "{O} провел совещание по вопросам {T.gen}", "{O} {T} мәселелері бойынша кеңес өткізді"},
	{'l', "Work on {T} continues in {P}", "В {P.pre} продолжается работа: {T}", "{P.pre} {T} жұмыстары жалғасуда"},
	{'l', "Akim of {P} met with residents", "Аким {P.gen} встретился с жителями", "{P} әкімі тұрғындармен кездесті"},
	{'l', "{N} families in {P} received new apartments", "{N} семей в {P.pre} получили новые квартиры", "{P.pre} {N} отбасы жаңа пәтер алды"},
	{'e', "Embassy of Kazakhstan in {P} held a meeting on {T}", "Посольство Казахстана в {P.pre} провело встречу по вопросам {T.gen}", "Қазақстанның {P} қаласындағы елшілігі {T} мәселесі бойынша кездесу өткізді"},
	{'a', "{T} in {P}: {M} billion tenge allocated", "{T} в {P.pre}: выделено {M} млрд тенге", "{P.pre} {T} үшін {M} млрд теңге бөлінді"},
	{'l', "{S} in {P} connected to utilities", "{S} в {P.pre} подключили к инженерным сетям", "{P} қаласындағы {S} инженерлік желілерге қосылды"},
	{'l', "Plan for {Y} discussed at the akimat of {P}: {T}", "В акимате {P.gen} обсудили план на {Y} год: {T}", "{P} әкімдігінде {Y} жылға арналған жоспар талқыланды: {T}"},
	{'m', "{R} {O} visited {P}", "{R} {O} побывал в {P.pre}", "{R} {O} {P.dat} барды"},
	{'a', "Residents of {P} invited to discuss {T}", "Жителей {P.gen} приглашают обсудить тему: {T}", "{P} тұрғындары {T} тақырыбын талқылауға шақырылады"},
	{'l', "{N} schoolchildren from {P} won olympiad medals", "{N} школьников из {P.gen} стали призерами олимпиады", "{P.gen} {N} оқушысы олимпиада жүлдегері атанды"},
	{'l', "Flood preparedness checked in {P}", "В {P.pre} проверили готовность к паводкам", "{P.pre} су тасқынына дайындық тексерілді"},
	{'m', "{E}: {T} in figures for {Y}", "{E}: {T} в цифрах за {Y} год", "{E}: {Y} жылғы {T} көрсеткіштері"},
	{'e', "Kazakhstan and the host country discussed {T} in {P}", "В {P.pre} обсудили вопросы {T.gen} между Казахстаном и страной пребывания", "{P.pre} Қазақстан мен қабылдаушы ел {T} мәселесін талқылады"},
	{'e', "Consular reception for Kazakhstani citizens in {P}", "Консульский прием граждан Казахстана в {P.pre}", "{P.pre} Қазақстан азаматтарына консулдық қабылдау өтті"},
}

var sentences = []template{
	{'a', "On {T}, {O} noted that the work will continue in {Y}.", "По вопросам {T.gen} {O} отметил, что работа продолжится в {Y} году.", "{T} бойынша {O} жұмыс {Y} жылы жалғасатынын атап өтті."},
	{'l', "In {P}, {N} apartment buildings were connected to the central water supply this year.", "В {P.pre} в этом году к центральному водоснабжению подключили {N} многоквартирных домов.", "{P.pre} биыл {N} көппәтерлі үй орталықтандырылған сумен жабдықтау жүйесіне қосылды."},
	{'l', "Repairs on {S} will be finished before the end of the season.", "Ремонт на участке {S} завершат до конца сезона.", "{S} бойындағы жөндеу жұмыстары маусым соңына дейін аяқталады."},
	{'a', "A total of {M} billion tenge has been allocated from the local budget.", "Из местного бюджета выделено {M} млрд тенге.", "Жергілікті бюджеттен барлығы {M} млрд теңге бөлінді."},
	{'l', "The akim of {P} instructed the heads of departments to complete the work on time.", "Аким {P.gen} поручил руководителям управлений завершить работы в срок.", "{P} әкімі басқарма басшыларына жұмысты уақытында аяқтауды тапсырды."},
	{'a', "According to the department, {Q} percent of the planned work has been done.", "По данным управления, выполнено {Q} процентов запланированных работ.", "Басқарманың мәліметінше, жоспарланған жұмыстың {Q} пайызы орындалды."},
	{'l', "{B} residents of {P} will benefit from the project.", "Проект охватит {B} жителей {P.gen}.", "Жоба {P.gen} {B} тұрғынын қамтиды."},
	{'a', "The meeting also discussed {T} and the tasks for {Y}.", "На совещании также обсудили вопросы {T.gen} и задачи на {Y} год.", "Кеңесте сондай-ақ {T} мәселесі мен {Y} жылға арналған міндеттер талқыланды."},
	{'l', "{N} new jobs were created in {P} in the first half of the year.", "В первом полугодии в {P.pre} создано {N} новых рабочих мест.", "Жылдың бірінші жартысында {P.pre} {N} жаңа жұмыс орны ашылды."},
	{'a', "{R} {O} stressed that {T} remains a priority.", "{R} {O} подчеркнул, что {T} остается приоритетом.", "{R} {O} {T} басым бағыт болып қала беретінін атап өтті."},
	{'l', "Residents of {S} thanked the contractors for the quality of the work.", "Жители участка {S} поблагодарили подрядчиков за качество работ.", "{S} тұрғындары мердігерлерге жұмыстың сапасы үшін алғыс айтты."},
	{'a', "The second stage of the project will be implemented next year.", "Второй этап проекта будет реализован в следующем году.", "Жобаның екінші кезеңі келесі жылы іске асырылады."},
	{'l', "{N} schools and {N} kindergartens in {P} are ready for the heating season.", "{N} школ и {N} детских садов в {P.pre} готовы к отопительному сезону.", "{P.pre} {N} мектеп пен {N} балабақша жылыту маусымына дайын."},
	{'a', "Specialists urge parents to vaccinate their children on time.", "Специалисты призывают родителей своевременно вакцинировать детей.", "Мамандар ата-аналарды балаларын уақтылы вакцинациялауға шақырады."},
	{'l', "Over {B} square metres of asphalt were replaced on {S}.", "На участке {S} заменено более {B} квадратных метров асфальта.", "{S} бойында {B} шаршы метрден астам асфальт ауыстырылды."},
	{'e', "The embassy in {P} held a meeting with Kazakhstani students studying {T}.", "Посольство в {P.pre} провело встречу с казахстанскими студентами, изучающими {T}.", "{P} қаласындағы елшілік {T} саласында білім алып жатқан қазақстандық студенттермен кездесті."},
	{'e', "The sides discussed trade, investment and cultural cooperation.", "Стороны обсудили вопросы торговли, инвестиций и культурного сотрудничества.", "Тараптар сауда, инвестиция және мәдени ынтымақтастық мәселелерін талқылады."},
	{'e', "Trade between Kazakhstan and the host country reached {M} billion dollars in {Y}.", "Товарооборот между Казахстаном и страной пребывания в {Y} году достиг {M} млрд долларов.", "{Y} жылы Қазақстан мен қабылдаушы ел арасындағы тауар айналымы {M} млрд долларға жетті."},
	{'e', "Citizens of Kazakhstan in {P} can apply for consular services online.", "Граждане Казахстана в {P.pre} могут подать заявление на консульские услуги онлайн.", "{P.pre} тұратын Қазақстан азаматтары консулдық қызметтерге онлайн өтініш бере алады."},
	{'m', "{E} reports that {Q} percent of applications are now processed digitally.", "{E} сообщает, что {Q} процентов заявлений теперь обрабатываются в цифровом формате.", "{E} өтініштердің {Q} пайызы цифрлық форматта өңделетінін хабарлайды."},
	{'m', "The ministry will check {N} facilities in {P} before the end of {Y}.", "Министерство проверит {N} объектов в {P.pre} до конца {Y} года.", "Министрлік {Y} жылдың соңына дейін {P.pre} {N} нысанды тексереді."},
	{'m', "Amendments on {T} were sent to the Mazhilis.", "Поправки по вопросам {T.gen} направлены в Мажилис.", "{T} жөніндегі түзетулер Мәжіліске жіберілді."},
	{'a', "Since the beginning of {Y}, {B} people have used the service.", "С начала {Y} года услугой воспользовались {B} человек.", "{Y} жылдың басынан бері қызметті {B} адам пайдаланды."},
	{'l', "Gas pipelines were laid to {N} villages of {P}.", "Газопроводы проведены в {N} сел {P.gen}.", "{P.gen} {N} ауылына газ құбыры тартылды."},
	{'l', "Public hearings on {T} will be held in {P} next month.", "Публичные слушания по вопросам {T.gen} пройдут в {P.pre} в следующем месяце.", "{T} бойынша қоғамдық тыңдау {P.pre} келесі айда өтеді."},
	{'a', "{O} visited the construction site and spoke with the workers.", "{O} посетил строительную площадку и пообщался с рабочими.", "{O} құрылыс алаңын аралап, жұмысшылармен сөйлесті."},
	{'l', "A new clinic for {N} visits a day opened in {S}.", "В районе {S} открылась новая поликлиника на {N} посещений в смену.", "{S} ауданында ауысымына {N} адам қабылдайтын жаңа емхана ашылды."},
	{'a', "The results of the work will be reported to the public.", "Результаты работы будут доведены до общественности.", "Жұмыс нәтижелері жұртшылыққа жеткізіледі."},
	{'l', "{N} buses on new routes now serve {P}.", "{N} автобусов на новых маршрутах теперь обслуживают {P}.", "{P.pre} енді жаңа бағыттарда {N} автобус қатынайды."},
	{'a', "Questions can be sent to the call centre or through the eGov portal.", "Вопросы можно направить в колл-центр или через портал eGov.", "Сұрақтарды байланыс орталығына немесе eGov порталы арқылы жіберуге болады."},
	{'l', "In {P}, {N} entrepreneurs received grants under the state programme.", "В {P.pre} {N} предпринимателей получили гранты по госпрограмме.", "{P.pre} {N} кәсіпкер мемлекеттік бағдарлама бойынша грант алды."},
	{'a', "The event was attended by representatives of government bodies, business and the public.", "В мероприятии приняли участие представители госорганов, бизнеса и общественности.", "Іс-шараға мемлекеттік органдардың, бизнес пен жұртшылықтың өкілдері қатысты."},
	{'l', "Farmers of {P} have sown {B} hectares this spring.", "Аграрии {P.gen} засеяли этой весной {B} гектаров.", "{P.gen} диқандары биыл көктемде {B} гектар жерге егін екті."},
	{'a', "Monitoring of {T} will continue throughout {Y}.", "Мониторинг в сфере {T.gen} продолжится в течение {Y} года.", "{T} саласындағы мониторинг {Y} жыл бойы жалғасады."},
}
