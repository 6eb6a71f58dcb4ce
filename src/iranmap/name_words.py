"""The words reports wrap a place's name in, by language: for prison, county and province,
"central", "in", "near", and the direction words of province names.

Data for :mod:`iranmap.names`, which reads names with them. The sets of words are written as
:func:`iranmap.names.fold` writes a word (lower case, no accents, Persian letters); the direction
words are folded where they are read.
"""

from __future__ import annotations

import re

from iranmap._words_by_language import TURKIC_HOLDERS, words_of

# Words that say what kind of place a name is, not which one. "zendan"/"zendane" is Persian
# for prison, "markazi" for central; "ندامتگاه" is the official word for a penitentiary.
PLACE_NOISE = frozenset(
    {
        "prison",
        "prisons",
        "central",
        "zendan",
        "zendane",
        "markazi",
        "jail",
        "penitentiary",
        "the",
        "of",
        "in",
        "زندان",
        "مرکزی",
        "ندامتگاه",
    }
)

# The words for "province" themselves (without the small words around them); a province's
# name carries these and more (PROVINCE_NOISE).
PROVINCE_WORDS = frozenset(
    {"province", "provinces", "provincia", "provincie", "provinz", "provins", "provinsen"}
    | {"ostan", "ostane", "ostaan", "ostani", "استان", "eyaleti", "eyalet", "vilayeti", "vilayet"}
    | {"parezgeh", "parezgeha", "پاریزگا", "پاریزگای"}
    # Arabic (محافظة, إقليم, ولاية, with its article), Dari (ولایت) and Urdu (صوبہ)
    | {"محافظه", "المحافظه", "اقلیم", "الاقلیم", "ولایه", "الولایه", "ولایت", "صوبه"}
    | {"مقاطعه", "المقاطعه"}  # Arabic "مقاطعة عيلام"
    # ... with its ب (in) or ل (of) joined: "بمحافظة فارس", "التابعة لمحافظة كرمان"
    | {"بمحافظه", "لمحافظه", "باقلیم", "لاقلیم", "بولایه", "لولایه", "بمقاطعه", "لمقاطعه"}
    # Indonesian and Malay (provinsi, wilayah), and Kurmanji (wilayet, with its ezafe:
    # "wilayeta Loristanê", the province of Lorestan)
    | {"provinsi", "wilayah", "wilayet", "wilayeta", "wilayete"}
    # Hungarian, Croatian and Serbian, Finnish, Albanian, Lithuanian, Swahili
    | {"tartomany", "tartomanyban", "pokrajina", "pokrajini", "maakunta", "provinssi"}
    | {"provinca", "krahina", "provincija", "provincijoje", "mkoa"}
    | {"prowincja", "prowincji", "provincien"}  # Polish, Dutch plural
    # South Azerbaijani in Persian letters (اوستان, with its possessive; ایالت, a state),
    # Urdu's and Sindhi's oblique صوبے, صوبي, and Uyghur (ئۆلكە, ئۆلكىسى), folded
    | {"اوستان", "اوستانی", "ایالت", "ایالتی", "صوبی", "اولکه", "اولکیسی"}
    | words_of("province")  # and more languages' (iranmap._words_by_language)
    | {"governorate", "gouvernorat", "governatorato"}  # Arabic محافظة as English renders it
)
# Province names carry other noise: the word for "province" in the languages reports are
# written in (English, French, Italian, Spanish, German, Persian and its transliteration:
# "Provincia di Razavi Khorasan", "Provinz Teheran", "Ostan-e Fars", "استان فارس"; Turkish
# "Kürdistan eyaleti", "Tahran ili"; Kurdish "پارێزگای کوردستان", "parêzgeha Kurdistanê"; an
# English "Kerman state"), the word "Iranian" around it ("provincia iraniana del Khuzestan",
# "iranische Provinz Kurdistan"), the small words around it ("of", "di", "de", "del",
# "der"...), and "and" between two regions.
PROVINCE_NOISE = PROVINCE_WORDS | frozenset(
    {"provence", "estan", "الاستان", "state", "region", "ili"}
    | {"iranian", "iraniana", "iraniano", "iranische", "iranischen"}
    | {"iranien", "iranienne", "irani", "irania", "iranska", "iranske"}
    | {"iran", "ایران"}  # "Kurdistan, Iran", "كردستان إيران"
    | {"ایرانی", "ایرانیه", "الایرانیه", "الایرانی"}  # "ایرانی صوبہ گلستان"
    | {"the", "of", "di", "del", "della", "dell", "de", "du", "des", "der", "la", "le", "el", "i"}
    | {"do", "da", "dos", "das"}  # Portuguese: "província do Cuzistão"
    | {"die", "den", "dem"}  # German: "die Provinz Gilan"
    | {"d", "l"}  # elisions: "province d'Ispahan", "l'Azerbaïdjan occidental"
    | {"فی", "در", "له"}  # Arabic, Persian and Sorani "in" ("استان فارس در جنوب ایران")
    | {"المحتله"}  # "occupied", as Ahwazi pages write it ("الأحواز المحتلة")
    # "and" in English, Persian, German, French, Spanish, Italian, Norwegian and Danish,
    # Swedish, Turkish, Kurmanji, Dutch, Portuguese and Indonesian ("Sistan og Baluchistan",
    # "Sîstan û Belûçistan", "Sistão e Baluchistão", "Sistan dan Baluchestan")
    | {"and", "va", "o", "und", "et", "y", "ed", "و", "og", "och", "ve", "u", "en", "e", "dan"}
    | {"a", "i", "es"}  # Czech and Slovak, Croatian, Hungarian
    | {"ng", "wa", "ee", "ya"}  # "of" in Tagalog, Swahili, Somali ("lalawigan ng Fars")
    | {"w", "we", "v", "ve", "vo"}  # "in" in Polish, Czech, Slovak ("w prowincji Kurdystan")
    | words_of("iranian")
    | words_of("describing")  # "jugozapadnoj provinciji Huzestan": the south-western province
)

# A county (shahrestan) is named with the word for county in the languages reports are written
# in ("Mamasani County", "Shahrestan-e Mamasani", "شهرستان ممسنی", "Contea di Mamasani",
# "Verwaltungsbezirk Mamasani", "comté de", "condado de", Turkish "ilçesi", Kurmanji "şaristan"),
# with the small words around it.
COUNTY_NOISE = frozenset(
    {"county", "counties", "shahrestan", "shahrestane", "sharestan", "schahrestan", "شهرستان"}
    # the county's seat, named like it, lies in it: "مدينة مهرستان", "Mehrestan City"
    | {"city", "town", "ciudad", "citta", "cidade", "stadt", "ville", "مدینه", "المدینه"}
    | {"ضلع", "تحصیل", "ولسوالی"}  # Urdu "district", "tehsil"; Dari and Pashto "district"
    # Arabic "district" (قضاء, as Ahwazi pages call a county: "قضاء عبادان") and "region", in
    # Arabic and Persian
    | {"قضا", "القضا", "منطقه", "المنطقه", "ناحیه"}
    # Urdu "county" (کاؤنٹی, folded) and Arabic مقاطعة, a county as well as a province: a
    # province's name is never a county's, so "مقاطعة طالقان" is Taleghan County
    | {"کاونتی", "مقاطعه", "المقاطعه"}
    | {"contea", "verwaltungsbezirk", "comte", "condado", "ilcesi", "saristan", "sharistan"}
    # Indonesian and Malay "city" and "regency" ("kota Zarandieh"), and a county called a
    # region ("Chaldoran region", "regione di", Turkish "bölgesi")
    | {"kota", "kabupaten", "region", "regione", "regiao", "bolgesi", "bolge"}
    | {"the", "of", "di", "del", "della", "de", "du", "des", "der", "la", "le", "el", "ye"}
    | {"do", "da", "dos", "das"}  # Portuguese
    | {"d", "l", "dell"}  # French and Italian elisions: "prison d'Ilam" is not Deylam's
    | words_of("city")
    | words_of("county")
)

# The Persian ezafe ("Bandar-e Abbas", "Markazi-ye Karaj"): written or left out at will, so a
# key ignores it when it stands as its own word.
EZAFE = frozenset({"e", "ye"})

# Direction words of province names as written, and the word each becomes in a key: English,
# Persian and its transliteration, German, French, Italian, Spanish, Portuguese, Dutch, Turkish,
# Indonesian and Malay, Urdu, Sorani, Kurmanji
# ("Xurasana Bakur", "Kuzey Horasan", "Azerbaiyán Occidental"), Azerbaijani ("Qərbi
# Azərbaycan"), their adjectives ("southern", "südlichen": "südlichen Provinz Fars") and
# Arabic, whose adjective takes the feminine ending and the article
# ("أذربيجان الغربية", "خراسان الرضوية"), folded.
DIRECTION_WORDS = {
    "east": (
        *("east", "sharqi", "sharghi", "shargi", "شرقی", "ost", "orientale", "oriental"),
        *("este", "oost", "dogu", "rojhilat", "rojhelat", "الشرقیه", "شرقیه", "şərqi"),
        *("eastern", "ostliche", "ostlichen", "orientali", "leste"),
        *("timur", "مشرقی", "روژهلات"),  # Indonesian and Malay, Urdu, Sorani
    ),
    "west": (
        *("west", "gharbi", "qarbi", "غربی", "occidentale", "occidental", "ouest"),
        *("oeste", "bati", "rojava", "الغربیه", "غربیه", "qərbi"),
        *("western", "westliche", "westlichen", "occidentali", "ocidental"),
        *("barat", "مغربی", "روژاوا", "روژاباد"),  # Sorani ڕۆژئاوا folds as its -abad
    ),
    "north": (
        *("north", "shomali", "shemali", "shumali", "شمالی", "nord", "settentrionale"),
        *("norte", "noord", "kuzey", "bakur", "الشمالیه", "شمالیه", "şimali"),
        *("northern", "nordliche", "nordlichen", "settentrionali"),
        *("utara", "باکوور", "باکور"),
    ),
    "south": (
        *("south", "jonubi", "jonoubi", "junubi", "جنوبی", "sud", "süd", "meridionale"),
        *("sur", "zuid", "guney", "basur", "الجنوبیه", "جنوبیه", "cənubi"),
        *("southern", "sudliche", "sudlichen", "meridional", "meridionali", "sul"),
        *("selatan", "باشوور", "باشور"),
    ),
    "razavi": ("razavi", "rezavi", "rezevi", "رضوی", "الرضویه", "رضویه"),
}
# ... and in more languages (iranmap._words_by_language: "Itä-Azerbaidžan", "Chorasan Północny")
for _direction in ("east", "west", "north", "south"):
    DIRECTION_WORDS[_direction] += tuple(sorted(words_of(_direction)))

# Words for a detention centre ("بازداشتگاه مرکزی شیراز"): a place of detention, but not the
# town's prison, so "central" in its name does not make it the central prison.
DETENTION_WORDS = frozenset(
    {"بازداشتگاه", "detention", "detencion", "haftzentrum"}
    # a juvenile correction centre, which is not the town's prison either ("Juvenile
    # Correctional and Rehabilitation Center of Tehran", "Tabriz Correctional Facility")
    | {"correctional", "reformatory", "juvenile"}
)
# Words that say a place is a prison ("زندان", "ندامتگاه": prison, penitentiary; and the words
# for a detention centre), in the languages reports are written or republished in.
PRISON_WORDS = frozenset(
    {"prison", "prisons", "jail", "jails", "gaol", "penitentiary", "zendan", "zendane"}
    | {"زندان", "زندانهای", "ندامتگاه", "سجن", "السجن", "محبس", "جیل"}
    # Arabic: the prison with "in" or "to" joined ("بسجن", "لسجن"), prisons, detention camp
    | {"بسجن", "لسجن", "سجون", "السجون", "معتقل", "المعتقل"}
    # Azerbaijani (həbsxana, with its possessive and case endings; zindan, which Azerbaijani
    # writes "Təbriz zindanı", "Evin zindanında")
    | {"hebsxana", "hebsxanasi", "hebsxanasinda", "hebsxanaya", "hebsxanasina", "hebsxanada"}
    | {"zindani", "zindaninda", "zindanina", "zindandan", "zindanlari", "zindanlarinda"}
    | DETENTION_WORDS
    # German (with its genitive and plural), Italian, Spanish, Portuguese, French and Dutch:
    # Gefängnis, Gefängnisses, Zentralgefängnis, carcere, carceri, maison d'arrêt, gevangenis
    | {"gefangnis", "gefangnisses", "gefangnisse", "gefangnissen", "haftanstalt"}
    | {"zentralgefangnis", "zentralgefangnisses", "zentralgefangnissen"}
    | {"carcere", "carceri", "prigione", "prigioni", "penitenziario", "carcel"}
    | {"prision", "prisao", "penitenciaria", "maison", "arret", "gevangenis", "gevangenissen"}
    | {"penitencier", "penitentiaire", "penal", "penitenciario", "justizvollzugsanstalt"}
    | {"strafvollzug", "strafvollzugs", "strafvollzugsanstalt", "vollzugsanstalt"}
    | {"presidio", "cadeia"}  # Portuguese
    # Indonesian and Malay: penjara, and the official lembaga pemasyarakatan (lapas) and
    # rumah tahanan (rutan)
    | {"penjara", "lapas", "rutan", "pemasyarakatan", "tahanan"}
    # Turkish (cezaevi, with its case endings; hapishane), Kurmanji (girtîgeh, zindan) and
    # Sorani in Arabic script (بەندیخانە, زیندان)
    | {"cezaevi", "cezaevinde", "cezaevine", "cezaevinden", "hapishane", "hapishanesi"}
    | {"hapishanesinde", "girtigeh", "girtigeha", "girtigehe", "zindan", "zindana"}
    # Norwegian, Danish and Swedish, often joined to the name by a hyphen ("Zanjan-fengselet",
    # "Gohardasht-fängelset"): fengsel, fængsel, fängelse, with their definite forms
    | {"fengsel", "fengselet", "fengsler", "fængsel", "fængslet", "fangelse", "fangelset"}
    | {"fangelser", "fangelserna"}
    # Polish: więzienie, with its case endings, and zakład karny (penal institution)
    | {"wiezienie", "wiezieniu", "wiezienia", "wiezieniem", "zaklad", "zakladzie", "karny"}
    | {"بندیخانه", "بندیخانهی", "بندیخانی", "زیندان", "زیندانی"}
    | {"گرتووخانه", "گرتووخانی", "گرتوخانه", "گرتوخانی"}  # Sorani گرتووخانە(ی)
    | {"گرتیگه", "گرتیگها", "گرتیگهی"}  # Kurmanji girtîgeh in Arabic letters (گرتیگەها)
    # South Azerbaijani in Persian letters ("اورمو زندانی", with its locative), Persian and
    # Urdu "detention" (حبس), Urdu قید خانہ and جیلوں, Uyghur تۈرمە (with its possessive)
    | {"زندانی", "زندانیندا", "زیندانیندا", "حبس", "قیدخانه", "جیلون", "تورمه", "تورمیسی"}
    # Czech and Slovak (věznice, väznica), Hungarian (börtön), Romanian (închisoarea),
    # Croatian, Serbian and Bosnian (zatvor), Slovenian, Catalan (presó), Finnish, Albanian,
    # Lithuanian, Latvian, Estonian, Tagalog and Swahili, with their common case endings
    | {"veznice", "vezeni", "veznici", "vaznica", "vaznici", "vazenie", "vazeni", "borton"}
    | {"bortonben", "bortonbe", "inchisoarea", "inchisoare", "penitenciarul", "zatvor"}
    | {"zatvoru", "zapor", "zaporu", "preso", "vankila", "vankilassa", "vankilaan", "burgu"}
    | {"burgun", "kalejimas", "kalejime", "cietums", "cietuma", "vangla", "vanglas"}
    | {"bilangguan", "gereza", "gerezani"}
    | words_of("prison")  # and more languages' (iranmap._words_by_language)
)
# Words for "village" ("Foo, a village in Fars province", "روستای فلان", Arabic "قرية"): a
# village is not the town of its name, which the geocoder never takes it for.
VILLAGE_WORDS = frozenset(
    {"village", "villaggio", "aldea", "aldeia", "dorf", "desa", "روستای", "روستا", "قریه"}
    | {"القریه", "گوند", "گوندی"}  # in Arabic, with its article, and in Kurdish
    | {"gund", "gunde", "gundi", "dorfes"}  # Kurmanji (gundê, gundî), German's genitive
    | words_of("village")  # and more languages' (iranmap._words_by_language)
)
# Words that describe a prison or town without naming it: "central", "women's", "ward" (and
# "unit", "hall", "house" of detention...), "county", "city" (also in Spanish, Italian,
# Portuguese, German and Arabic: "cárcel de la ciudad de", "città di", "مدينة"), "holy" ("città
# santa di Qom"); and the possessive "s" left by "Urmia's".
DESCRIPTORS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "ward", "county", "city", "town"}
    | {"centrale", "zentral", "merkez", "merkezi", "navendi", "center", "centre", "ville"}
    | {"ciudad", "citta", "cidade", "stadt", "مدینه", "المدینه"}
    # Indonesian and Malay "city", "central", "women", "house", "institution" ("kota
    # Zarandieh", "penjara pusat", "penjara wanita", "rumah tahanan", "lembaga
    # pemasyarakatan"); Kurmanji "city" (bajar, bajarê)
    | {"kota", "pusat", "wanita", "bajar", "bajare", "rumah", "lembaga"}
    # "city" and "central" in Czech and Slovak, Hungarian, Romanian, Croatian, Finnish, Catalan,
    # Albanian ("věznice ve městě Urmia", "központi börtön", "închisoarea centrală")
    | {"mesto", "meste", "mesta", "varos", "varosban", "orasul", "orasului", "grad", "gradu"}
    | {"kaupunki", "kaupungin", "ciutat", "qyteti", "qytetin"}
    | {"centralni", "centralna", "ustredna", "ustrednej", "kozponti", "centrala", "keskus"}
    | {"holy", "santa", "santo", "sainte", "heilige", "heiligen"}
    | {"the", "s", "shahrestan", "shahrestane", "la"}
    | {"il", "lo", "le", "les", "los", "las", "het", "die", "das", "dem", "et", "ett", "ein"}
    | {"der", "den"}  # German ("in der Stadt Urmia")
    | {"eine", "einem", "un", "una", "une", "byen", "staden"}  # articles; "the city"
    | {"unit", "section", "hall", "block", "wing", "house", "سالن", "واحد", "centro"}
    # a prison's yard, where hangings are held ("patio de la prisión de Evin", "cour de")
    | {"yard", "courtyard", "patio", "cortile", "cour", "hof", "innenhof"}
    # "maximum security" ("carcere di massima sicurezza di Ghezel Hesar"), and the direction a
    # sentence gives a town ("the western city of Kermanshah")
    | {"maximum", "security", "massima", "sicurezza", "maxima", "seguridad", "securite"}
    | {"western", "eastern", "northern", "southern", "northwestern", "northeastern"}
    | {"southwestern", "southeastern"}
    # which sport a town's ground is for ("campo di calcio municipale della città di Minab",
    # "Minab football stadium"), and "municipal"
    | {"football", "soccer", "calcio", "futbol", "fussball", "sportivo", "sportiva"}
    | {"municipal", "municipale", "comunale"}
    # what reports say of a prison, not its name: "notorious", "famous" ("سجن إيفين سيئ الصيت")
    | {"notorious", "infamous", "famigerato", "famigerata", "beruchtigte", "beruchtigten"}
    | {"tristemente", "celebre", "الشهیر", "سیی", "الصیت", "السمعه", "المحتله"}
    | {"السیی", "السی"}  # "السيئ الصيت", "السيء الصيت" (with its article; hamza on or off)
    # Arabic "from", "to", "inside" before the prison ("من سجن", "إلى سجن", "داخل سجن")
    | {"من", "الی", "داخل"}
    # Arabic "of the city" and "for women" ("السجن المركزي لمدينة زاهدان", "سجن قرشك للنساء")
    | {"لمدینه", "للنسا", "النسا"}
    # Turkish case endings, cut from the word by an apostrophe ("Urmiye Cezaevi'nde",
    # "Kermanşah'ta", "Bukan'dan"), and its words for city ("Tebriz şehri", "Urmiye kentinde")
    | {"nde", "nda", "nden", "ndan", "ndeki", "ndaki", "nin", "nun"}
    | {"te", "ta", "ten", "tan", "dan", "den"}
    | {"sehri", "kenti", "sehir", "kent", "sehrinde", "kentinde", "sehrin", "kentin"}
    # an island named by its town ("Qeshm Island", "isola di Kish", "جزیره قشم")
    | {"island", "isola", "insel", "jazireh", "jazire", "جزیره"}
    | {"bagli", "tabe"}  # "part of" ("Huzistan eyaletine bağlı Hürremşehr kenti")
    | {"مرکزی", "زنان", "بند", "شهرستان", "های", "ها", "المرکزی"}
    # Urdu "central" as English sounds it ("سینٹرل جیل"), its postpositions "in" and "of"
    # ("زاہدان جیل میں", "زاہدان کی جیل"), and Arabic "town" ("بلدة سراوان")
    | {"سینترل", "سنترل", "مین", "کی", "کے", "کا", "بلده", "البلده"}
    # "Iranian" in Persian, Urdu and Sorani (ایرانی, ئێرانی) and Arabic (with its article and
    # feminine ending: "مدينة زاهدان الإيرانية"); Urdu "women's" ("کرچک عورتوں کی جیل")
    | {"ایرانی", "ایرانیه", "الایرانیه", "الایرانی", "عورتون", "خواتین"}
    # ... and the people a town is of, in Arabic ("مدينة بوكان الكردية", "مدينة سراوان
    # البلوشية", "مدينة السوس الأحوازية")
    | {"الکردیه", "الکردی", "البلوشیه", "البلوشی", "الاحوازیه", "الاحوازی", "العربیه"}
    | {"الترکمانیه", "الاذریه", "اللریه", "اللوریه"}
    | {"ناوندی", "ناوند"}  # Sorani "central" (ناوەندی)
    # who runs a place of detention ("Ministry of Intelligence detention center in Urmia",
    # "IRGC detention centre", "بازداشتگاه اطلاعات سنندج"), and "facility"
    | {"ministry", "intelligence", "irgc", "sepah", "police", "اطلاعات", "سپاه", "facility"}
    # "village" ("Foo, a village in Fars province", "روستای فلان"): says what a place is
    | VILLAGE_WORDS
    # Urdu "قصبہ" (a small town); and Persian "to" and "from" before a prison ("به زندان اوین")
    | {"قصبه", "به", "از"}
    # "centre" and "capital" of a province in Persian and Arabic ("مدينة زاهدان مركز محافظة"),
    # "belonging to", "lying in" ("التابعة لمحافظة كرمان", "مدينة بيرجند الواقعة في محافظة")
    | {"مرکز", "عاصمه", "العاصمه", "پایتخت", "التابعه", "التابع", "تابع", "توابع", "الواقعه"}
    # the words for county of COUNTY_NOISE in Urdu, Dari and Pashto, and Arabic, as "شهرستان"
    | {"ضلع", "تحصیل", "ولسوالی", "قضا", "القضا"}
    # "Iranian" ("the Iranian city of Karaj"), and the words for central, city and village of
    # more languages (iranmap._words_by_language)
    | {"iranian", "iraniana", "iraniano", "irani", "iranien", "iranienne", "iranische"}
    | {"iranischen", "iranska", "iranske", "kurdish", "curda", "curdo", "kurde", "kurdischen"}
    | words_of("central")
    | words_of("city")
    | words_of("iranian")
    | words_of("describing")
    | {"u"}  # Croatian, Serbian and Bosnian "in" ("zatvor u Teheranu"), Kurmanji "û" (and)
    | {"iz"}  # ... and their "from" ("iz zatvora u Na'in")
)
# Descriptors that tell one of a town's prisons from the others: its central prison, its
# women's prison. A name with one of them names a facility, not only a town.
WHICH_WORDS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "مرکزی", "زنان", "المرکزی"}
    | {"centrale", "zentral", "zentralgefangnis", "centrali", "merkez", "merkezi", "navendi"}
    | {"zentralgefangnisses", "zentralgefangnissen", "pusat", "wanita", "سینترل", "سنترل"}
    | {"للنسا", "النسا", "عورتون", "خواتین"}
    | {"centralni", "centralna", "ustredna", "ustrednej", "kozponti", "centrala", "keskus"}
    | {"ناوندی", "ناوند"}
    | words_of("central")
)
# Latin-script words that say a place is a city or town ("ciudad de Bam", "thành phố Nowshahr"):
# not a village, so a town's namesakes that are villages do not leave it in doubt.
TOWN_WORDS = frozenset(
    {"city", "town", "ciudad", "citta", "cidade", "stadt", "ville", "ciutat", "kota", "bajar"}
    | {"bajare", "sehri", "kenti", "sehir", "kent", "sehrinde", "kentinde", "seheri", "sahar"}
    | words_of("city")
)
# Words a page may join to the name after them without a space ("السجن المركزي بمدينةزاهدان",
# "سجنزاهدان"), in Arabic and Persian: "in the city of", "city", "prison", "in prison", "to
# prison", "penitentiary", "province". A word that names nothing as written is read with them
# apart only where the rest is a place's name (never "شهر": "شهرکرد" is a town of its own).
GLUED_WORDS = (
    *("بمدینه", "لمدینه", "المدینه", "مدینه", "بسجن", "لسجن", "السجن", "سجن", "زندان"),
    "ندامتگاه",
    *("بمحافظه", "المحافظه", "محافظه", "استان", "باقلیم", "بولایه"),
)
# Words for "city" a name may carry after it or before it ("سربیشہ شہر", Urdu; "شار سەقز",
# Sorani; "شهر بوکان"): read without them only where the name places nothing with them, and
# without them gives a place's name exactly (Persian writes "شهر" in towns' names: "شهر بابک").
CITY_WORDS = frozenset(
    {"شهر", "شار", "شاری"}  # Sorani "شاری": the city of; Pashto ښار folds to شار
    # South Azerbaijani "its city" ("اورمو شهری"), Uyghur شەھىرى, Kurmanji باژار, باژێڕ
    | {"شهری", "شهیری", "باژار", "باژیر"}
)
# Words after which the rest of a name is where the place is ("Evin Prison in Tehran"; Arabic
# "في" and "بمدينة", in the city of; Sorani "لە").
MARKERS = frozenset(
    {"in", "at", "of", "near", "در", "واقع", "فی", "بمدینه", "بمحافظه", "له"}
    # Arabic ب (in) joined to its other words for province ("باقليم سيستان وبلوشستان")
    | {"باقلیم", "بولایه", "بمقاطعه"}
    | {"von", "im", "bei", "di", "del", "della", "nel", "nella", "de", "du", "d", "des", "presso"}
    # Kurmanji "ya" (of, which is: "girtîgeha navendî ya Îsferaynê ya Xurasana Bakur", the central
    # prison of Esfarayen, of North Khorasan)
    | {"ya"}
    | {"katika"}  # Swahili "in"
)
# Postpositions after which Urdu, Punjabi (Shahmukhi) and Sindhi name what a place belongs to
# ("صوبہ گلستان کی گرگان جیل": Gorgan jail of Golestan province; "زاہدان کی جیل", Zahedan's
# jail; "زاہدان جیل میں", in Zahedan jail), and Pashto's particles around it ("د بندر عباس په
# مرکزي زندان کې": in the central prison of Bandar Abbas): the owner comes before the place it
# owns. Urdu کی, کے, کا (of) and میں (in); Punjabi دی, دے, دا (of) and وچ (in); Sindhi جي,
# جو, جا (of); Pashto په (in) and کې (in, after the name); folded (ے and ې are ی, ں is ن).
# Pashto's د (of, before the owner) is one of them only where a name begins with it: inside
# a name it may be a letter set apart ("لنگرو د").
POSSESSIVES = frozenset({"کی", "کا", "مین", "دی", "دا", "وچ", "جی", "جو", "جا", "په"})
PASHTO_OF = "د"
# Short words for "in" or "at" in French, Italian, Spanish, Portuguese and Dutch ("prison de
# Dizel-Abad à Kermanchah", "prigione di Ghezel Hesar a Karaj", "presídio de Evin em Teerã",
# "gevangenis te Urmia"), Polish "w" ("więzienie w Kermanszah"), Czech and Slovak "v" (not "ve",
# Turkish "and"), Romanian "în" (not "din": "Qareh Zia od Din Prison"), Kurmanji "li"
# ("girtîgeha Evînê li Tehranê"), "of" in Tagalog, Swahili and Somali ("bilangguan ng Evin",
# "mkoa wa Fars", "xabsiga Evin ee Tehran") and Vietnamese "ở" and "tại" (in, at: "nhà tù Evin
# ở Tehran"); not Tagalog "sa" nor Hausa "na", which a name may be split into ("Sa in Dezh",
# "Na in"). They are markers only as words of their own
# between spaces: "Qa'en" (a town) must not become "Qa" in "en".
SPACED_MARKERS = re.compile(
    r"(?<=\s)(?:à|a|au|en|em|dans|te|bij|van|w|v|li|în|ng|wa|ee|ở|tại)(?=\s)", re.IGNORECASE
)
# ... and, at a name's start, "in" (with its article) in French, Spanish, Portuguese and German,
# as a sentence quotes a name ("dans la prison d'Evin", "en la cárcel de Evin", "em Evin", "im
# Gefängnis von Täbris"): read as "in", which a name may begin with. Not Portuguese "no" and
# "na" ("No Shahr" may be Nowshahr, "Na in" Na'in), nor Kurmanji "li" ("Li Sara", a town).
LEADING_MARKERS = re.compile(
    r"^\s*(?:dans|à|au|aux|en|em|ao|im|beim|w|we|v|ve|vo|u|në)\s+(?=\S)", re.IGNORECASE
)  # ... and Polish, Czech, Slovak, South Slavic and Albanian "in" ("w więzieniu Ewin")
# Norwegian, Danish and Swedish "i" (in) after their word for prison ("fengselet i Bojnurd"):
# only there, since a transliteration may write the ezafe as a lone "i" ("Masjed i Soleyman").
SCANDINAVIAN_IN = re.compile(
    r"\b(fengsel(?:et)?|f[æa]ngsel|f[æa]ngslet|f[äa]ngelse(?:t)?)\s+i(?=\s)", re.IGNORECASE
)
# Romanian "din" (of, in) after its word for prison ("închisoarea Evin din Teheran"): only there,
# since a name may end in "Din" ("Qareh Zia od Din Prison").
ROMANIAN_DIN = re.compile(
    r"\b((?:închisoare|inchisoare|penitenciar)(?:a|ul)?\b.*?)\s+din(?=\s)", re.IGNORECASE
)
# An adjective between a Romance word for city, town, county, village or province and its "of"
# says what the place is, not which ("la città curda di Sanandaj", "città sud-occidentale di
# Ahvaz", "ciudad iraní de Saveh", "la ville kurde de Sanandaj"), and so do one or two words
# between "the" and an English word for city and its "of" ("the Kurdish-populated city of
# Mahabad"): a name is read without them. Romance adjectives are written in lower case and a
# place's name is not, so only words in lower case are taken for one.
_ROMANCE_PLACES = (
    r"citt[aà]|cittadina|ciudad|cidade|ville|ciutat|contea|regione|regi[oó]n|villaggio|aldea"
    r"|pueblo|localit[aà]|comune|municipio|distretto|distrito|provincia|province|província"
)
_ROMANCE_OF = r"(?:di|de|del|della|dello|dei|do|da|des|du)\s|d['’]"
_ENGLISH_PLACES = r"city|town|village|county|province|region|district"
ADJECTIVE_BEFORE_OF = re.compile(
    rf"\b({_ROMANCE_PLACES})(?:\s+(?-i:[a-zà-ÿ])[\w'’-]*){{1,2}}?(?=\s+(?:{_ROMANCE_OF}))"
    rf"|\b(the)(?:\s+[\w-]+){{1,2}}?(?=\s+(?:{_ENGLISH_PLACES})\s+of\b)",
    re.IGNORECASE,
)
# Words after which the rest of a name says only what the place is near ("Ghezel Hesar Prison
# near Tehran", "nahe", "vicino a", "près de", "cerca de", Arabic "قرب", Persian "نزدیک"): not
# where it is, so that rest is dropped rather than read as the place's town or province, which
# it may contradict.
NEAR_WORDS = frozenset(
    {"near", "nearby", "outside", "nahe", "vicino", "pres", "cerca", "قرب", "نزدیک", "نزدیکی"}
    | {"naer", "nær", "nara", "nabij"}  # Norwegian and Danish, Swedish, Dutch
    | {"dekat"}  # Indonesian and Malay
    # Arabic "in the north (south, west, east) of" ("سجن القنيطرة بشمال الأحواز": Dezful's
    # prison, north of Ahvaz), and those directions as nouns in Arabic, Persian and Urdu ("در
    # شمال تهران"); not جنوب and غرب alone, which end towns' names ("اسلام آباد غرب")
    | {"بشمال", "بجنوب", "بغرب", "بشرق", "شمال", "شرق", "لشمال", "لجنوب", "لغرب", "لشرق"}
    # a town's outskirts, and "at N km from" ("في ضواحي مدينة شيراز", "در ۲۰ کیلومتری شیراز")
    | {"حومه", "حومهی", "ضواحی", "بضواحی", "کیلومتری"}
    | words_of("near")
)
# "West of", "north-west of" and the like in English, French, Italian, Spanish and German ("Ghezel
# Hesar prison west of Tehran": it lies in Karaj, Alborz): what a place lies in a direction of
# is no more where it is than what it is near, so these are read as "near".
_COMPASS = r"(?:north|south|east|west|nord|sud|est|ouest|ovest|norte|sur|este|oeste)"
DIRECTION_OF = re.compile(
    rf"\b(?:{_COMPASS}(?:-?{_COMPASS})?(?:ern)?\s+of"  # English
    rf"|(?:à\s+l'|au\s+|a\s+l'){_COMPASS}(?:-{_COMPASS})?\s+(?:de|d')"  # French
    rf"|a\s+{_COMPASS}(?:-{_COMPASS})?\s+di"  # Italian
    rf"|al\s+{_COMPASS}\s+de"  # Spanish
    r"|(?:nord|süd|ost|west)(?:west|ost)?lich\s+von)(?=\s)",  # German
    re.IGNORECASE,
)
# Where in Iran a sentence says a place is, in Arabic, Persian, Urdu and Sorani ("مدينة زاهدان
# جنوب شرقي إيران", "شمال غرب ایران", "باشووری ئێران"): directions of the whole country, left
# out with "Iran" (never alone: "اسلام آباد غرب" is a town; nor a province's "أذربيجان الغربية").
_IRAN_DIRECTION = (
    r"(?<!(?:بيجان|بیجان|ايجان|ایجان)\s)(?!(?<=راسان\s)(?:ال)?(?:شمال|جنوب)[يیى])"
    r"[بل]?(?:ال)?(?:جنوب|شمال|غرب|شرق|مشرق|مغرب|باکووری|باشووری|ڕۆژهەڵاتی|ڕۆژئاوای)"
    r"(?:ي|ی|ى|ے)?(?:ه|ة|ہ)?"
)
# ... or of "the country" (Arabic "البلاد", Persian "کشور", Urdu "ملک": "جنوب شرق البلاد"), and
# the compass points of two words that describe a town or province ("شمال مغربی شہر ارومیہ",
# "جنوب غربي"), which no place is named.
_COUNTRY = r"(?:(?:لل|ل)?(?:ال)?[اإأآئ][يیىێ]ران|البلاد|للبلاد|کشور|كشور|ملک|ملك)"
_COMPASS_PAIR = r"(?:شمال|جنوب)[\s\u200c\-]*(?:مغرب|مشرق|غرب|شرق)(?:ي|ی|ى)?(?:ه|ة)?"
IRAN_DIRECTIONS = re.compile(
    rf"(?<!\S)(?:(?:{_IRAN_DIRECTION}[\s\u200c\-]+)+{_COUNTRY}|{_COMPASS_PAIR})(?!\S)"
)
# ... and in Turkish and Azerbaijani, with Iran in the genitive ("İran'ın güneybatısındaki
# Huzistan eyaleti", in the south-west of Iran; "İranın şimal-qərbindəki Urmiya şəhəri")
_TURKIC_IRAN = (
    r"(?<!\S)[İIi]ran['’]?n?[ıiuü]n\s+\S*?"
    r"(?:[Bb]at[ıi]|[Dd]o[ğg]u|[Kk]uzey|[Gg][üu]ney|[Şş]imal|[Cc][əe]nub|[Şş][əe]rq|[Qq][əe]rb)\S*(?!\S)"
)
IRAN_DIRECTIONS = re.compile(f"{IRAN_DIRECTIONS.pattern}|{_TURKIC_IRAN}")
# Turkish says "near" after the place it is near ("Tahran yakınındaki Kızılhisar Cezaevi"):
# the words before it are dropped.
NEAR_AFTER = frozenset({"yakininda", "yakinindaki", "yakinlarinda", "yakinlarindaki"})
# Turkish locatives, cut from their place by an apostrophe: "Kerec'deki Kızılhisar Cezaevi" is
# "the Kızılhisar prison that is in Karaj". Unlike a marker, the place comes before them.
LOCATIVES = (
    frozenset({"deki", "daki", "teki", "taki"})
    | {
        # ... and the locative joined to Turkish's words for province and town ("Alborz
        # eyaletindeki Kızılhisar Cezaevi": the Kızılhisar prison in Alborz province)
        "eyaletindeki",
        "ilindeki",
        "kentindeki",
        "sehrindeki",
    }
    | frozenset(TURKIC_HOLDERS)
)  # "İlam vilayətinin Dərəşəhr şəhəri", of Ilam province: its town
