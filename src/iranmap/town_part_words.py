"""The words for a public square, quarter, street, stadium, park, building or site of a town, by
language.

Data for :mod:`iranmap.geocode._readings`, which reads a name with one of them as a place of the
town it gives (:func:`~iranmap.geocode._readings.by_rule`). Written as
:func:`iranmap.names.fold` writes a word.
"""

from __future__ import annotations

# The key of TOWN_PART_WORDS's buildings and sites, which a town's name before them names as
# their own ("Sardasht Hospital", "Tehran University"), as it names a stadium.
SITE = "building or site"

# Words for a public square, a quarter, a street, a stadium or a park of a town, in the languages
# reports are written in ("piazza Mofatteh a Mashhad", "Bu Ali Square, Hamedan", "میدان شهدا",
# "ساحة", Turkish "meydanı", Indonesian "alun-alun"; "شهرک گلستان شیراز", "quartiere",
# "mahalle"; "خیابان", "ورزشگاه"), where executions are held in public: what such a name names
# is a place of the town it gives, not a town of its own name. Kept in the name's key
# (never dropped as a descriptor), so the square's own name is not read as a place.
TOWN_PART_WORDS = {
    "square": frozenset(
        {"square", "piazza", "piazzale", "plaza", "praca", "place", "platz", "plac", "plein"}
        | {"meydan", "meydani", "meydane", "maidan", "midan", "torg", "torget", "alun"}
        | {"lapangan", "میدان", "ساحه", "الساحه", "گورپان", "گورپانی", "meydana", "چوک"}
        | {"ساحات", "الساحات", "میادین"}  # Arabic plurals (PLURAL_PARTS)
        # a roundabout or crossroads, where public hangings are also held ("فلکه", "چهارراه")
        | {"roundabout", "crossroads", "intersection", "فلکه", "چهارراه"}
        # "Sq.", and Czech, Romanian, Croatian, Finnish, Albanian, Uzbek words for square
        | {"sq", "namesti", "piata", "trg", "tori", "sheshi", "maydon", "maydoni"}
    ),
    "street": frozenset(
        {"street", "strasse", "rue", "calle", "strada", "rua", "jalan", "sokak", "caddesi"}
        | {"boulevard", "avenue", "خیابان", "بلوار", "شارع", "شوارع", "الشوارع"}
        # as abbreviated ("Khalij-e Fars Blvd. of Bandar Abbas", "Ave.", "Str.", "Jl.", "Cad.")
        | {"blvd", "bvd", "ave", "av", "str", "jl", "cad", "sok"}
        # Dutch, Swedish, Polish, Czech, Croatian, Finnish, Albanian, Swahili
        | {"straat", "gatan", "ulica", "ulicy", "ulice", "katu", "rruga", "barabara"}
    ),
    "stadium or park": frozenset(
        {"stadium", "stadio", "estadio", "stadion", "stadyumu", "ورزشگاه", "ملعب"}
        | {"estadi", "stadioni", "stadionu", "uwanja"}
        # a sports ground ("campo di calcio della città di Minab", "terrain": too many things)
        | {"stade", "campo", "cancha", "sportplatz", "fussballplatz", "sportsground"}
        | {"park", "parco", "parque", "پارک"}
    ),
    # A building or site of a town, named in a report as where a person died or was held
    # ("Sardasht Hospital", "Kasra Hospital, Tehran", "ein Krankenhaus in Çardêran", "بیمارستان
    # خاتم الانبیاء زاهدان", "جایگاه سوخت شهرستان فنوج", a fuel station of Fanuj county,
    # "Chamkhaleh Beach"): a hospital or clinic, a university, a school, a mosque, a court, a
    # beach, a fuel station. Not a prison, whose words are its own (name_words.PRISON_WORDS).
    SITE: frozenset(
        {"hospital", "hopital", "ospedale", "krankenhaus", "klinik", "clinic", "clinique"}
        | {"hastane", "hastanesi", "hastanesinde", "nexwesxane", "xestexana", "xestexanasi"}
        | {"بیمارستان", "مستشفی", "المستشفی", "درمانگاه", "شفاخانه", "نهخوشخانه"}
        | {"university", "universitat", "universite", "universita", "universidad"}
        | {"universitesi", "دانشگاه"}
        | {"school", "schule", "ecole", "scuola", "escuela", "okul", "okulu", "مدرسه"}
        | {"دبستان", "دبیرستان", "هنرستان"}
        | {"mosque", "moschee", "mosquee", "moschea", "mezquita", "camii", "مسجد", "المسجد"}
        | {"courthouse", "court", "tribunal", "gericht", "mahkemesi", "دادگاه", "دادگستری"}
        | {"محکمه", "المحکمه"}
        | {"beach", "plage", "spiaggia", "playa", "plaji"}
        | {"fuel", "petrol", "سوخت", "بنزین"}
    ),
    "quarter": frozenset(
        {"quarter", "neighbourhood", "neighborhood", "quartiere", "quartier", "barrio"}
        | {"bairro", "stadtteil", "viertel", "mahalle", "mahallesi", "mahalleh", "mahale"}
        | {"shahrak", "shahrake", "kawasan", "شهرک", "محله", "کوی", "حی"}
    ),
}
# The words for a town's stadium, which a town's name before it names as its own ("Sabzevar
# Stadium", "Tabriz stadion"): a stadium is named after its town or a person, where a square or a
# street is often named after another town ("Shiraz Square" may be a square of any town).
STADIUM_WORDS = frozenset(
    {"stadium", "stadio", "estadio", "stadion", "stadyumu", "estadi", "stadioni", "stadionu"}
)
