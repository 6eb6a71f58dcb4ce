"""Words of Perso-Arabic phrases around a place's name (geocode/_phrases.py reads them, and
geocode/_readings.py keeps them out of the words that name nothing), folded as
:func:`iranmap.names.fold` writes them."""

from __future__ import annotations

from iranmap.names import fold, key

# Compass words of Arabic, Persian and Urdu, as nouns and adjectives, with the Arabic article
# ("غرب", "غربی", "الغربیه"): "فلان غرب طهران" says where a place lies from Tehran, not its name.
COMPASS_WORDS = frozenset(
    f"{article}{word}{end}"
    for article in ("", "ال")
    for word in ("جنوب", "شمال", "غرب", "شرق", "مغرب", "مشرق")
    for end in ("", "ی", "یه")
)
# Arabic plurals of the words for street and square ("شوارع مدينة مشهد"), and Persian's plural
# suffix written apart ("خیابان های سبزوار"): they name no one street, and the town follows.
PLURAL_PARTS = frozenset({"شوارع", "الشوارع", "ساحات", "الساحات", "میادین"})
PERSIAN_PLURAL = frozenset({"ها", "های"})


def plural_part(name: str, part_keys: frozenset[str] | dict[str, str]) -> bool:
    """Whether a word for street or square in ``name`` (one of ``part_keys``) is plural
    ("خیابان های", "شوارع")."""
    words = [key(word) for word in fold(name).split()]
    pairs = zip(words, [*words[1:], ""], strict=True)
    return any(w in part_keys and (w in PLURAL_PARTS or a in PERSIAN_PLURAL) for w, a in pairs)


def _folded(*groups: set[str]) -> frozenset[str]:
    return frozenset(word for group in groups for text in group for word in fold(text).split())


# Words for the places around a town that are not the town, in the languages reports are written
# in (geocode/_around.py reads them): its border area ("border area of Sardasht", "نوار مرزی
# سردشت", "Çaldıran sınırında", "deverên sînorî ên bajarê serdeştê", "la frontière de"), the
# road between two towns ("محور خاش به زاهدان", "the road from X to Y"), its heights, a
# district of its county, a dam. Written as spoken; folded here as fold writes them.
AROUND_WORDS = {
    # a border, as a noun: "Sarvabad border", "border of Hangezhal", "مرز چالدران", Turkish
    # "sınırında" (at the border), Azerbaijani "sərhəddə", Arabic "حدود" (the limits of)
    "border": _folded(
        {"border", "borders", "borderland", "borderlands", "frontier", "frontiers"},
        {"frontière", "frontières", "frontiera", "frontiere", "confine", "confini"},
        {"frontera", "fronteras", "grenze", "grenzen", "grenzgebiet", "grenzgebiete"},
        {"grenzgebieten", "grenzregion", "grenzregionen", "grenzstreifen"},
        {"sınır", "sınırı", "sınırında", "sınırındaki", "sınırda", "sınırdaki", "sınırları"},
        {"sınırlarında", "sınırından", "sınırına", "sərhəd", "sərhədi", "sərhəddə"},
        {"sərhədində", "sərhədindəki", "sînor", "sînorê", "sînorên", "sînora"},
        # Sorani سنوور, with its ezafe (سنووری بانە: the border of Baneh) and plurals
        {"سنوور", "سنووری", "سنوورەکان", "سنوورەکانی", "سنوورییەکان", "سنوورییەکانی"},
        {"مرز", "مرزهای", "مرز‌های", "نوارمرزی", "حدود", "الحدود", "الشريط"},
    ),
    # "border" as an adjective, beside a word for area ("منطقه مرزی", "منطقتي ... الحدوديتين",
    # "deverên sînorî", "zone frontalière"); beside a word for town it describes the town
    # ("مدينة سردشت الحدودية": the border town of Sardasht, the town itself)
    "border adjective": _folded(
        {"مرزی", "الحدودية", "الحدودي", "الحدوديتين", "الحدوديين", "حدودية", "حدودي"},
        {"sînorî", "frontalière", "frontalières", "frontalier", "frontaliers"},
        {"frontaliera", "frontaliere", "fronteriza", "fronterizas", "fronterizo", "fronterizos"},
    ),
    # a word for area, region, strip, which only the words beside it make a border area
    "area": _folded(
        {"area", "areas", "region", "regions", "zone", "zones", "strip", "belt", "région"},
        {"régions", "regione", "regioni", "zona", "región", "regiones", "zonas", "gebiet"},
        {"gebiete", "gebieten", "bölge", "bölgesi", "bölgeleri", "dever", "deverê", "deverên"},
        {"herêm", "herêma", "herêmên", "ناوچە", "ناوچەی", "ناوچەکانی", "منطقه", "مناطق"},
        {"منطقة", "منطقتي", "المنطقة", "المناطق", "نوار", "نواحی", "ərazi", "ərazisində"},
        {"zolağı", "zolaqı", "bölgəsi", "bölgəsində"},
    ),
    # a road between two towns ("محور قائن به مهدیآباد", "X–Y road", "the road from X to Y")
    "road": _folded(
        {"road", "roads", "highway", "motorway", "axis", "route", "autoroute", "superstrada"},
        {"carretera", "autopista", "landstraße", "fernstraße", "autobahn", "yolu", "yolunda"},
        {"karayolu", "karayolunda", "rêya", "riya", "ڕێگای", "ڕێگا", "محور", "جاده", "بزرگراه"},
        {"آزادراه", "طريق", "الطريق", "شاهراه", "مواصلاتی", "ارتباطی"},
    ),
    # the heights or mountains of a place ("مرتفعات “ ته ته” في اورامان", "bilindahiyên Dolmeydan")
    "heights": _folded(
        {"heights", "mountains", "highlands", "hills", "montagnes", "hauteurs", "monts"},
        {"alture", "monti", "montagne", "montañas", "alturas", "berge", "bergen", "höhen"},
        {"gebirge", "dağları", "dağlarında", "tepeleri", "tepelerinde"},
        {"çiyayên", "bilindahî", "bilindahiyên", "چیاکانی", "بەرزاییەکانی", "ارتفاعات"},
        {"کوهستان", "کوهستانهای", "کوههای", "مرتفعات", "المرتفعات", "جبال"},
        {"شاخەکانی", "شاخەکان"},  # Sorani, the mountains (of)
    ),
    # a district of a county ("the Irandegan district of Khash County"): only beside a word for
    # county, so that a district of a town (a quarter of it) is not read as one
    "district": _folded(
        {"district", "districts", "dehestan", "دهستان", "distretto", "distrito", "bezirk"},
        {"ناحية", "nahiye", "nahiyesi", "navçe", "navçeya", "bölgesinde", "bölgesindeki"},
        {"bölgelerinde"},
    ),
    # a dam ("Irandegan Dam"), at its county's or town's province
    "dam": _folded(
        {"dam", "dams", "barrage", "diga", "presa", "embalse", "staudamm", "talsperre"},
        {"baraj", "barajı", "barajında", "بەنداو", "سد", "السد"},
    ),
}
#: Words that join two towns: "to" between a road's ends ("از خاش به زاهدان", "من دلغان إلى"),
#: "and" between two towns an area is of ("border areas of Sardasht and Piranshahr").
AROUND_TO = _folded(
    {"to", "à", "a", "nach", "bis", "fino", "hasta", "به", "تا", "إلى", "الى", "ila", "heta"},
    {"–", "—", "-", "ta"},
)
# "from", and "between" (whose two towns "and" joins: "الطريق بين خاش وزاهدان")
AROUND_FROM = _folded(
    {"from", "de", "du", "von", "da", "desde", "از", "من", "ji", "dan", "between", "بين", "بین"},
    {"entre", "zwischen", "tra", "fra", "di navbera", "navbera"},
)
AROUND_AND = _folded({"and", "et", "und", "e", "y", "ve", "û", "و", "və"})
#: Small words between the words for an area and the town it is of ("of", "near", "in", the
#: Kurmanji ezafe "ên", "a", "ya"; Persian "در", Arabic "في", "قرب").
AROUND_OF = _folded(
    {"of", "near", "in", "at", "around", "the", "de", "du", "des", "la", "le", "di", "del"},
    {"della", "von", "der", "bei", "nahe", "près", "cerca", "ên", "a", "ya", "ê", "yê"},
    {"در", "نزدیک", "اطراف", "في", "قرب", "بالقرب", "من", "located", "situated", "lying"},
    {"on", "along", "sur", "auf", "su", "sulla", "على", "روی", "vicino", "presso"},
    {"های", "ها"},  # Persian's plural suffix written apart ("کوهستان های بانه")
)
#: Words after which a phrase says what an area borders, not whose it is ("حدود بلدة قصر
#: شيرين المتاخمة لمحافظة ديالى": beside Iraq's Diyala; "the border between Iran and Iraq").
AROUND_BESIDE = _folded(
    {"المتاخمة", "المتاخم", "المحاذية", "المحاذي", "مع", "با", "with", "adjacent"},
    {"bordering", "avec", "mit", "con", "ile", "between", "بين", "بین", "entre", "zwischen"},
)
#: Words for county, after which a district is a county's ("Irandegan district of Khash County"),
#: not a town's quarter ("District 5 of Tehran").
AROUND_COUNTY = _folded(
    {"county", "counties", "shahrestan", "شهرستان", "contea", "comté", "condado", "ilçesi"},
    {"qeza", "qezaya", "قضاء", "landkreis", "sharestan", "şaristan"},
)
#: Words that say the place is a town or village: "border town of Sardasht" is the town.
AROUND_TOWN = _folded(
    {"town", "towns", "city", "village", "villages", "ville", "città", "stadt"},
    {"dorf", "ciudad", "pueblo", "kasaba", "kasabası", "kenti", "şehri", "köyü", "bajar"},
    {"gund", "شهر", "روستا", "روستای", "مدينة", "بلدة", "قرية", "شار", "گوند"},
)
