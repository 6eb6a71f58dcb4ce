"""The words reports wrap a place's name in, by language: for prison, county and province,
"central", "in", "near", and the direction words of province names.

Data for :mod:`iranmap.names`, which reads names with them. The sets of words are written as
:func:`iranmap.names.fold` writes a word (lower case, no accents, Persian letters); the direction
words are folded where they are read.
"""

from __future__ import annotations

import re

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
)
# Province names carry other noise: the word for "province" in the languages reports are
# written in (English, French, Italian, Spanish, German, Persian and its transliteration:
# "Provincia di Razavi Khorasan", "Provinz Teheran", "Ostan-e Fars", "استان فارس"; Turkish
# "Kürdistan eyaleti", "Tahran ili"; Kurdish "پارێزگای کوردستان", "parêzgeha Kurdistanê"; an
# English "Kerman state"), the word "Iranian" around it ("provincia iraniana del Khuzestan",
# "iranische Provinz Kurdistan"), the small words around it ("of", "di", "de", "del",
# "der"...), and "and" between two regions.
PROVINCE_NOISE = PROVINCE_WORDS | frozenset(
    {"provence", "provinsi", "estan", "الاستان", "state", "region", "ili"}
    | {"iranian", "iraniana", "iraniano", "iranische", "iranischen"}
    | {"iranien", "iranienne", "irani", "irania", "iranska", "iranske"}
    | {"iran", "ایران"}  # "Kurdistan, Iran", "كردستان إيران"
    | {"the", "of", "di", "del", "della", "dell", "de", "du", "des", "der", "la", "le", "el", "i"}
    | {"d", "l"}  # elisions: "province d'Ispahan", "l'Azerbaïdjan occidental"
    | {"فی"}  # Arabic "in"
    | {"المحتله"}  # "occupied", as Ahwazi pages write it ("الأحواز المحتلة")
    # "and" in English, Persian, German, French, Spanish, Italian, Norwegian and Danish,
    # Swedish, Turkish, Kurmanji and Dutch ("Sistan og Baluchistan", "Sîstan û Belûçistan")
    | {"and", "va", "o", "und", "et", "y", "ed", "و", "og", "och", "ve", "u", "en"}
)

# A county (shahrestan) is named with the word for county in the languages reports are written
# in ("Mamasani County", "Shahrestan-e Mamasani", "شهرستان ممسنی", "Contea di Mamasani",
# "Verwaltungsbezirk Mamasani", "comté de", "condado de", Turkish "ilçesi", Kurmanji "şaristan"),
# with the small words around it.
COUNTY_NOISE = frozenset(
    {"county", "counties", "shahrestan", "shahrestane", "sharestan", "schahrestan", "شهرستان"}
    # the county's seat, named like it, lies in it: "مدينة مهرستان", "Mehrestan City"
    | {"city", "town", "ciudad", "citta", "cidade", "stadt", "ville", "مدینه", "المدینه"}
    | {"contea", "verwaltungsbezirk", "comte", "condado", "ilcesi", "saristan", "sharistan"}
    | {"the", "of", "di", "del", "della", "de", "du", "des", "der", "la", "le", "el", "ye"}
    | {"d", "l", "dell"}  # French and Italian elisions: "prison d'Ilam" is not Deylam's
)

# The Persian ezafe ("Bandar-e Abbas", "Markazi-ye Karaj"): written or left out at will, so a
# key ignores it when it stands as its own word.
EZAFE = frozenset({"e", "ye"})

# Direction words of province names as written, and the word each becomes in a key: English,
# Persian and its transliteration, German, French, Italian, Spanish, Dutch, Turkish, Kurmanji
# ("Xurasana Bakur", "Kuzey Horasan", "Azerbaiyán Occidental"), Azerbaijani ("Qərbi
# Azərbaycan"), their adjectives ("southern", "südlichen": "südlichen Provinz Fars") and
# Arabic, whose adjective takes the feminine ending and the article
# ("أذربيجان الغربية", "خراسان الرضوية"), folded.
DIRECTION_WORDS = {
    "east": (
        *("east", "sharqi", "sharghi", "shargi", "شرقی", "ost", "orientale", "oriental"),
        *("este", "oost", "dogu", "rojhilat", "rojhelat", "الشرقیه", "شرقیه", "şərqi"),
        *("eastern", "ostliche", "ostlichen", "orientali"),
    ),
    "west": (
        *("west", "gharbi", "qarbi", "غربی", "occidentale", "occidental", "ouest"),
        *("oeste", "bati", "rojava", "الغربیه", "غربیه", "qərbi"),
        *("western", "westliche", "westlichen", "occidentali"),
    ),
    "north": (
        *("north", "shomali", "shemali", "shumali", "شمالی", "nord", "settentrionale"),
        *("norte", "noord", "kuzey", "bakur", "الشمالیه", "شمالیه", "şimali"),
        *("northern", "nordliche", "nordlichen", "settentrionali"),
    ),
    "south": (
        *("south", "jonubi", "jonoubi", "junubi", "جنوبی", "sud", "süd", "meridionale"),
        *("sur", "zuid", "guney", "basur", "الجنوبیه", "جنوبیه", "cənubi"),
        *("southern", "sudliche", "sudlichen", "meridional", "meridionali"),
    ),
    "razavi": ("razavi", "rezavi", "rezevi", "رضوی", "الرضویه", "رضویه"),
}

# Words for a detention centre ("بازداشتگاه مرکزی شیراز"): a place of detention, but not the
# town's prison, so "central" in its name does not make it the central prison.
DETENTION_WORDS = frozenset({"بازداشتگاه", "detention", "detencion", "haftzentrum"})
# Words that say a place is a prison ("زندان", "ندامتگاه": prison, penitentiary; and the words
# for a detention centre), in the languages reports are written or republished in.
PRISON_WORDS = frozenset(
    {"prison", "prisons", "jail", "jails", "gaol", "penitentiary", "zendan", "zendane"}
    | {"زندان", "زندانهای", "ندامتگاه", "سجن", "السجن", "محبس", "جیل"}
    # Arabic: the prison with "in" or "to" joined ("بسجن", "لسجن"), prisons, detention camp
    | {"بسجن", "لسجن", "سجون", "السجون", "معتقل", "المعتقل"}
    # Azerbaijani (həbsxana, with its possessive and case endings)
    | {"hebsxana", "hebsxanasi", "hebsxanasinda", "hebsxanaya", "hebsxanasina"}
    | DETENTION_WORDS
    # German (with its genitive and plural), Italian, Spanish, Portuguese, French and Dutch:
    # Gefängnis, Gefängnisses, Zentralgefängnis, carcere, carceri, maison d'arrêt, gevangenis
    | {"gefangnis", "gefangnisses", "gefangnisse", "gefangnissen", "haftanstalt"}
    | {"zentralgefangnis", "zentralgefangnisses", "zentralgefangnissen"}
    | {"carcere", "carceri", "prigione", "prigioni", "penitenziario", "carcel"}
    | {"prision", "prisao", "penitenciaria", "maison", "arret", "gevangenis", "gevangenissen"}
    | {"penitencier", "penitentiaire", "penal", "penitenciario", "justizvollzugsanstalt"}
    | {"presidio", "cadeia"}  # Portuguese
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
)
# Words that describe a prison or town without naming it: "central", "women's", "ward" (and
# "unit", "hall", "house" of detention...), "county", "city" (also in Spanish, Italian,
# Portuguese, German and Arabic: "cárcel de la ciudad de", "città di", "مدينة"), "holy" ("città
# santa di Qom"); and the possessive "s" left by "Urmia's".
DESCRIPTORS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "ward", "county", "city", "town"}
    | {"centrale", "zentral", "merkez", "merkezi", "navendi", "center", "centre", "ville"}
    | {"ciudad", "citta", "cidade", "stadt", "مدینه", "المدینه"}
    | {"holy", "santa", "santo", "sainte", "heilige", "heiligen"}
    | {"the", "s", "shahrestan", "shahrestane", "ya", "la"}
    | {"il", "lo", "le", "les", "los", "las", "het", "die", "das", "dem", "et", "ett", "ein"}
    | {"eine", "einem", "un", "una", "une", "byen", "staden"}  # articles; "the city"
    | {"unit", "section", "hall", "block", "wing", "house", "سالن", "واحد", "centro"}
    # "maximum security" ("carcere di massima sicurezza di Ghezel Hesar"), and the direction a
    # sentence gives a town ("the western city of Kermanshah")
    | {"maximum", "security", "massima", "sicurezza", "maxima", "seguridad", "securite"}
    | {"western", "eastern", "northern", "southern", "northwestern", "northeastern"}
    | {"southwestern", "southeastern"}
    # what reports say of a prison, not its name: "notorious", "famous" ("سجن إيفين سيئ الصيت")
    | {"notorious", "infamous", "famigerato", "famigerata", "beruchtigte", "beruchtigten"}
    | {"tristemente", "celebre", "الشهیر", "سیی", "الصیت", "السمعه", "المحتله"}
    | {"السیی", "السی"}  # "السيئ الصيت", "السيء الصيت" (with its article; hamza on or off)
    # Arabic "from", "to", "inside" before the prison ("من سجن", "إلى سجن", "داخل سجن")
    | {"من", "الی", "داخل"}
    # Turkish case endings, cut from the word by an apostrophe ("Urmiye Cezaevi'nde")
    | {"nde", "nda", "nden", "ndan", "ndeki", "ndaki", "nin", "nun"}
    | {"مرکزی", "زنان", "بند", "شهرستان", "های", "ها", "المرکزی"}
)
# Descriptors that tell one of a town's prisons from the others: its central prison, its
# women's prison. A name with one of them names a facility, not only a town.
WHICH_WORDS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "مرکزی", "زنان", "المرکزی"}
    | {"centrale", "zentral", "zentralgefangnis", "centrali", "merkez", "merkezi", "navendi"}
    | {"zentralgefangnisses", "zentralgefangnissen"}
)
# Words a page may join to the name after them without a space ("السجن المركزي بمدينةزاهدان",
# "سجنزاهدان"), in Arabic and Persian: "in the city of", "city", "prison", "in prison", "to
# prison", "penitentiary", "province". A word that names nothing as written is read with them
# apart only where the rest is a place's name (never "شهر": "شهرکرد" is a town of its own).
GLUED_WORDS = (
    *("بمدینه", "المدینه", "مدینه", "بسجن", "لسجن", "السجن", "سجن", "زندان", "ندامتگاه"),
    *("بمحافظه", "المحافظه", "محافظه", "استان"),
)
# Words for "city" a name may carry after it or before it ("سربیشہ شہر", Urdu; "شار سەقز",
# Sorani; "شهر بوکان"): read without them only where the name places nothing with them, and
# without them gives a place's name exactly (Persian writes "شهر" in towns' names: "شهر بابک").
CITY_WORDS = frozenset({"شهر", "شار"})
# Words after which the rest of a name is where the place is ("Evin Prison in Tehran"; Arabic
# "في" and "بمدينة", in the city of; Sorani "لە").
MARKERS = frozenset(
    {"in", "at", "of", "near", "در", "واقع", "فی", "بمدینه", "بمحافظه", "له"}
    | {"von", "im", "bei", "di", "del", "della", "nel", "nella", "de", "du", "d", "des", "presso"}
)
# Short words for "in" or "at" in French, Italian, Spanish and Dutch ("prison de Dizel-Abad à
# Kermanchah", "prigione di Ghezel Hesar a Karaj", "gevangenis te Urmia"), and Polish "w"
# ("więzienie w Kermanszah"). They are markers only
# as words of their own between spaces: "Qa'en" (a town) must not become "Qa" in "en".
SPACED_MARKERS = re.compile(r"(?<=\s)(?:à|a|au|en|dans|te|bij|van|w)(?=\s)", re.IGNORECASE)
# ... and, at a name's start, "in" (with its article) in French, Spanish, Portuguese and German,
# as a sentence quotes a name ("dans la prison d'Evin", "en la cárcel de Evin", "em Evin", "im
# Gefängnis von Täbris"): read as "in", which a name may begin with. Not Portuguese "no" and
# "na": "No Shahr" may be Nowshahr, "Na in" Na'in.
LEADING_MARKERS = re.compile(r"^\s*(?:dans|à|au|aux|en|em|ao|im|beim)\s+(?=\S)", re.IGNORECASE)
# Norwegian, Danish and Swedish "i" (in) after their word for prison ("fengselet i Bojnurd"):
# only there, since a transliteration may write the ezafe as a lone "i" ("Masjed i Soleyman").
SCANDINAVIAN_IN = re.compile(
    r"\b(fengsel(?:et)?|f[æa]ngsel|f[æa]ngslet|f[äa]ngelse(?:t)?)\s+i(?=\s)", re.IGNORECASE
)
# Words after which the rest of a name says only what the place is near ("Ghezel Hesar Prison
# near Tehran", "nahe", "vicino a", "près de", "cerca de", Arabic "قرب", Persian "نزدیک"): not
# where it is, so that rest is dropped rather than read as the place's town or province, which
# it may contradict.
NEAR_WORDS = frozenset(
    {"near", "nearby", "outside", "nahe", "vicino", "pres", "cerca", "قرب", "نزدیک", "نزدیکی"}
    | {"naer", "nær", "nara", "nabij"}  # Norwegian and Danish, Swedish, Dutch
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
# Turkish says "near" after the place it is near ("Tahran yakınındaki Kızılhisar Cezaevi"):
# the words before it are dropped.
NEAR_AFTER = frozenset({"yakininda", "yakinindaki", "yakinlarinda", "yakinlarindaki"})
# Turkish locatives, cut from their place by an apostrophe: "Kerec'deki Kızılhisar Cezaevi" is
# "the Kızılhisar prison that is in Karaj". Unlike a marker, the place comes before them.
LOCATIVES = frozenset({"deki", "daki", "teki", "taki"}) | {
    # ... and the locative joined to Turkish's words for province and town ("Alborz
    # eyaletindeki Kızılhisar Cezaevi": the Kızılhisar prison in Alborz province)
    "eyaletindeki",
    "ilindeki",
    "kentindeki",
    "sehrindeki",
}
