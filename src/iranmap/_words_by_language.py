"""The words a Latin-script page writes around a place's name, language by language: for prison,
central, city or town, village, county or district, province or region, "Iranian" (and Iran),
"near", and the four directions of a province's name ("Itä-Azerbaidžan", "Chorasan Północny").

Data for :mod:`iranmap.name_words`, which adds each kind of word to the sets the geocoder reads a
name with: a word for prison to its prison words, a word for city to its descriptors and county
words, and so on. Each word is written as :func:`iranmap.names.fold` writes it (lower case, no
accents; letters with no accent to drop, such as ø, ł and đ, stay), which a test checks. A word
that is also a word of a place's name in the gazetteer is left out (Kazakh "qala", city: Aq Qala
of Golestan; Estonian "küla", village: Pain Kula of Mazandaran). Languages read before this table
(English, Persian, Arabic, Urdu, Sorani, Turkish, Kurmanji, German, French, Italian, Spanish,
Portuguese, Indonesian and Malay) keep their words in :mod:`iranmap.name_words`; a language here
may repeat one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Words:
    """One language's words around a place's name, by what each says."""

    prison: tuple[str, ...] = ()
    central: tuple[str, ...] = ()  # which of a town's prisons: its central one
    city: tuple[str, ...] = ()  # city or town
    village: tuple[str, ...] = ()
    county: tuple[str, ...] = ()  # county, district, municipality
    province: tuple[str, ...] = ()  # province, region, state
    iranian: tuple[str, ...] = ()  # "Iranian", and Iran in the language's cases
    near: tuple[str, ...] = ()
    east: tuple[str, ...] = ()
    west: tuple[str, ...] = ()
    north: tuple[str, ...] = ()
    south: tuple[str, ...] = ()
    #: Directions that only describe where a province or town lies, never part of its name: two
    #: directions in one word ("jugozapadnoj", "suroccidental", south-western), no province's
    #: name has, and a direction agreeing with the word for province, not with the name
    #: ("zapadnoj provinciji", "zachodniej prowincji", "provincia sureña de": feminine, where a
    #: province's own direction agrees with its masculine name: "Zapadni Azerbajdžan").
    describing: tuple[str, ...] = ()
    #: Case endings the language joins to a town's name ("Teheranissa", in Tehran), longest
    #: first: cut, where a name has a word of the language, only where that gives a name exactly.
    endings: tuple[str, ...] = ()

    def all(self) -> frozenset[str]:
        """Every word of the language here."""
        kinds = (f.name for f in fields(self) if f.name != "endings")
        return frozenset(word for kind in kinds for word in getattr(self, kind))


#: The case endings Turkish and Azerbaijani join to a word that ends in its possessive vowel
#: ("vilayəti", its province: "vilayətində", in; "vilayətinə", to; "vilayətinin", of), as fold
#: writes them, in both harmonies.
_IN = ("n", "nin", "nde", "nda", "ne", "na", "nden", "ndan", "ni", "ndeki", "ndaki")


def _inflected(stems: tuple[str, ...], endings: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``stems`` with each of ``endings``."""
    return tuple(stem + ending for stem in stems for ending in endings)


#: Turkish and Azerbaijani words for province with a possessive and a case ending, which may
#: stand before the place they hold ("İlam vilayətinin Dərəşəhr şəhəri": the town of Darreh
#: Shahr of Ilam province; "Huzistan eyaletine bağlı Hürremşehr kenti").
TURKIC_PROVINCE = (
    *_inflected(("vilayeti", "eyaleti", "ostani"), ("", *_IN)),
    *_inflected(("ili",), _IN),
)
#: ... and words for province or city that say the place after them is theirs ("vilayətinin",
#: of the province; "eyaletine bağlı", part of the province; "şehrindeki", in the city).
TURKIC_HOLDERS = _inflected(
    ("vilayeti", "eyaleti", "ostani", "ili", "sehri", "kenti", "seheri"),
    ("nin", "nde", "nda", "ne", "na", "ndeki", "ndaki"),
)

LANGUAGES = {
    "Dutch": Words(
        prison=("gevangenis", "gevangenissen"),
        central=("centrale",),
        city=("stad", "stadje"),
        village=("dorp",),
        county=("district", "gemeente"),
        province=("provincie",),
        iranian=("iraanse", "iraans"),
        near=("nabij",),
    ),
    "Swedish": Words(
        prison=("fangelse", "fangelset", "centralfangelse", "centralfangelset"),
        central=("centrala", "centralfangelse", "centralfangelset"),
        city=("stad", "staden"),
        village=("byn",),
        county=("kommun",),
        province=("provins", "provinsen"),
        iranian=("iransk", "iranska"),
        near=("nara",),
        east=("ostra",),
        west=("vast", "vastra"),
        north=("norr", "norra"),
        south=("syd", "sodra"),
    ),
    "Norwegian and Danish": Words(
        prison=("fengsel", "fengselet", "fængsel", "fængslet"),
        central=("sentral", "sentrale"),
        city=("byen",),
        village=("landsby", "landsbyen", "bygd"),
        county=("fylke", "kommune", "amt"),
        province=("provins", "provinsen"),
        iranian=("iransk", "iranske"),
        near=("nær", "naer"),
        east=("øst", "ost"),
        west=("vest",),
        north=("nord",),
        south=("sør", "syd"),
    ),
    "Finnish": Words(
        prison=("vankila", "vankilassa", "vankilaan", "vankilasta", "vankilan"),
        central=("keskusvankila", "keskusvankilassa", "keskusvankilaan", "keskusvankilan"),
        city=("kaupunki", "kaupungin", "kaupungissa", "kaupungista"),
        village=("kyla", "kylassa"),
        county=("piirikunta", "laani"),
        province=("maakunta", "maakunnassa", "maakunnan", "provinssi", "provinssissa"),
        iranian=("iranilainen", "iranilaisen", "iranin", "iranissa"),
        near=("lahella",),
        east=("ita",),
        west=("lansi",),
        north=("pohjois",),
        south=("etela",),
        endings=("issa", "ista", "iin", "ssa", "sta", "lla", "lta", "in", "n"),
    ),
    "Hungarian": Words(
        prison=("borton", "bortonben", "bortonbe", "bortonbol", "bortone", "fegyhaz"),
        central=("kozponti",),
        city=("varos", "varosban", "varosaban", "varosi"),
        village=("falu", "faluban"),
        county=("megye", "megyeben", "jaras"),
        province=("tartomany", "tartomanyban", "tartomanybeli"),
        iranian=("irani", "iranban"),
        near=("kozeleben", "mellett"),
        east=("kelet",),
        west=("nyugat",),
        north=("eszak",),
        # not "dél" (south), which folds to Spanish "del"
        endings=("ban", "ben", "bol", "ba", "be", "ra", "re", "on", "en", "i"),
    ),
    "Romanian": Words(
        prison=("inchisoarea", "inchisoare", "penitenciarul", "penitenciar"),
        central=("centrala",),
        city=("oras", "orasul", "orasului"),
        village=("satul",),
        county=("judetul", "districtul"),
        province=("provincia", "provinciei"),
        iranian=("iranian", "iraniana", "iranului"),
        near=("langa", "aproape"),
        east=("est",),
        west=("vest",),
        north=("nord",),
        south=("sud",),
    ),
    "Czech and Slovak": Words(
        prison=("veznice", "vezeni", "veznici", "vaznica", "vaznici", "vazenie"),
        central=("centralni", "centralna", "ustredna", "ustrednej", "ustredni"),
        city=("mesto", "meste", "mesta"),
        village=("vesnice", "obec", "dedina"),
        county=("okres", "okrese"),
        province=("provincie", "provincii", "provincia"),
        iranian=("iransky", "iranske", "iranskem", "iranskom", "iranu"),
        near=("nedaleko", "blizko", "pobliz"),
        east=("vychodni", "vychodny"),
        west=("zapadni", "zapadny"),
        north=("severni", "severny"),
        south=("jizni", "juzny"),
        describing=(
            *("vychodnej", "zapadnej", "severnej", "juznej"),
            *("jihozapadni", "jihovychodni", "severozapadni", "severovychodni"),
            *("juhozapadnej", "juhovychodnej", "severozapadnej", "severovychodnej"),
        ),
        endings=("u", "e", "i"),
    ),
    "Polish": Words(
        prison=("wiezienie", "wiezieniu", "wiezienia", "zaklad", "zakladzie", "karny"),
        central=("centralne", "centralnym"),
        city=("miasto", "miescie", "miasta"),
        village=("wies", "wsi"),
        county=("powiat", "gmina"),
        province=("prowincja", "prowincji"),
        iranian=("iranski", "iranskiej", "iranskim", "iranskie"),
        near=("niedaleko", "poblizu"),
        east=("wschodni",),
        west=("zachodni",),
        north=("połnocny",),
        south=("południowy",),
        describing=(
            *("wschodniej", "zachodniej", "połnocnej", "południowej"),
            *("południowo", "połnocno"),  # "południowo-zachodniej prowincji", south-west
        ),
    ),
    "Croatian, Serbian and Bosnian": Words(
        prison=("zatvor", "zatvoru", "zatvora", "zatvorom", "kaznionica", "kaznionici"),
        central=("centralni", "sredisnji"),
        city=("grad", "gradu", "grada"),
        village=("selo", "selu"),
        county=("okrug", "okrugu", "opcina"),
        province=("pokrajina", "pokrajini", "provincija", "provinciji"),
        iranian=("iranski", "iranskom", "iranskoj", "irana", "iranu"),
        near=("blizu",),
        east=("istocni", "istocnom"),
        west=("zapadni", "zapadnom"),
        north=("sjeverni", "severni", "sjevernom", "severnom"),
        south=("juzni", "juznom"),
        describing=(
            *("istocnoj", "zapadnoj", "sjevernoj", "severnoj", "juznoj"),
            *("jugozapadnoj", "jugoistocnoj", "sjeverozapadnoj", "sjeveroistocnoj"),
            *("severozapadnoj", "severoistocnoj", "jugozapadnom", "jugoistocnom"),
            *("sjeverozapadnom", "sjeveroistocnom", "severozapadnom", "severoistocnom"),
            *("jugozapadni", "jugoistocni", "sjeverozapadni", "sjeveroistocni"),
            *("severozapadni", "severoistocni"),
        ),
        endings=("u", "a"),
    ),
    "Slovenian": Words(
        prison=("zapor", "zaporu", "zapora", "zaporom", "jetnisnica"),
        central=("osrednji",),
        city=("mesto", "mestu"),
        county=("okraj", "obcina"),
        province=("provinca", "pokrajina", "pokrajini"),
        iranian=("iranski", "iranska"),
        near=("blizu",),
        east=("vzhodni",),
        west=("zahodni",),
        north=("severni",),
        south=("juzni",),
        describing=("jugozahodni", "jugovzhodni", "severozahodni", "severovzhodni"),
        endings=("u", "a"),
    ),
    "Albanian": Words(
        prison=("burg", "burgu", "burgun"),
        central=("qendror",),
        city=("qytet", "qyteti", "qytetin", "qytetit"),
        village=("fshat", "fshati"),
        county=("qarku", "rrethi"),
        province=("krahina", "provinca", "provincen"),
        iranian=("iraniane", "iranit"),
        near=("prane", "afer"),
        east=("lindor",),
        west=("perendimor",),
        north=("verior",),
        south=("jugor",),
        endings=("it", "in", "i", "a"),
    ),
    "Uzbek": Words(
        prison=("qamoqxona", "qamoqxonasi", "qamoqxonasida", "qamoqxonaga", "turma", "turmasi"),
        central=("markaziy",),
        city=("shahar", "shahri", "shahrida", "shaharcha"),
        village=("qishloq", "qishlogi"),
        county=("tuman", "tumani", "tumanida"),
        province=("viloyat", "viloyati", "viloyatida"),
        iranian=("eron", "eronning", "eronlik"),
        east=("sharqiy",),
        north=("shimoliy",),
        south=("janubiy",),
        endings=("dagi", "ning", "dan", "da", "ga"),
    ),
    "Turkmen": Words(
        prison=("turme", "turmesi", "turmesinde"),
        central=("merkezi",),
        city=("saher", "saheri", "saherinde"),
        county=("etrap", "etraby"),
        province=("welayat", "welayaty", "welayatynda"),
        iranian=("eyran", "eyranyn"),
        east=("gundogar",),
        west=("gunbatar",),
        north=("demirgazyk",),
        south=("gunorta",),
        endings=("daky", "daki", "nyn", "dan", "da", "de"),
    ),
    "Kazakh": Words(
        prison=("turme", "turmesi", "turmesinde"),
        central=("ortalyq",),
        city=("qalasy", "qalasynda"),
        village=("auyl", "auyly"),
        county=("audan", "audany"),
        province=("oblys", "oblysy", "provinsiya", "provinsiyasy"),
        iranian=("irannyn",),
        east=("shygys", "sygys"),
        west=("batys",),
        north=("soltustik",),
        south=("ontustik",),
        endings=("dagy", "degi", "nyn", "nin", "dan", "da", "de"),
    ),
    "Tagalog": Words(
        prison=("bilangguan", "kulungan", "piitan"),
        central=("sentral",),
        city=("lungsod", "siyudad"),
        village=("nayon", "baryo"),
        county=("distrito", "bayan"),
        province=("lalawigan", "probinsya", "probinsiya"),
        near=("malapit",),
        east=("silangan", "silangang"),
        west=("kanluran", "kanlurang"),
        north=("hilaga", "hilagang"),
        south=("timog",),
    ),
    "Swahili": Words(
        prison=("gereza", "gerezani", "jela"),
        central=("kuu",),
        city=("mji", "mjini", "jiji", "jijini"),
        village=("kijiji", "kijijini"),
        county=("wilaya", "wilayani"),
        province=("mkoa", "mkoani", "jimbo", "jimboni"),
        near=("karibu",),
        east=("mashariki",),
        west=("magharibi",),
        north=("kaskazini",),
        south=("kusini",),
    ),
    "Somali": Words(
        prison=("xabsi", "xabsiga", "jeel", "jeelka"),
        central=("dhexe",),
        city=("magaalo", "magaalada"),
        village=("tuulo", "tuulada"),
        county=("degmo", "degmada"),
        province=("gobol", "gobolka"),
        iranian=("iiraan",),
        east=("bari",),
        west=("galbeed",),
        north=("waqooyi",),
        south=("koonfur",),
    ),
    "Hausa": Words(
        prison=("kurkuku", "yari"),
        city=("birni", "birnin", "gari", "garin"),
        village=("kauye", "kauyen"),
        county=("gundumar",),
        province=("lardi", "lardin", "jihar"),
        iranian=("kasar",),
        near=("kusa",),
        east=("gabas", "gabashin"),
        west=("yamma", "yammacin"),
        north=("arewa", "arewacin"),
        south=("kudu", "kudancin"),
    ),
    "Catalan and Galician": Words(
        prison=("preso", "presons", "penitenciari", "cadea", "prision"),
        city=("ciutat", "cidade"),
        village=("poble", "aldea"),
        county=("comarca", "districte", "concello"),
        province=("provincia",),
        iranian=("irania", "iraniana", "iranians", "iraniano"),
        near=("prop", "preto"),
        north=("septentrional",),
    ),
    "Basque": Words(
        prison=("kartzela", "kartzelan", "kartzelako", "espetxe", "espetxean", "espetxeko"),
        central=("zentrala", "nagusia"),
        city=("hiri", "hiria", "hirian", "hiriko"),
        village=("herri", "herria", "herrian"),
        county=("eskualde", "eskualdea", "barruti"),
        province=("probintzia", "probintzian", "probintziako"),
        iranian=("irango", "irandar", "iranen"),
        near=("ondoan", "inguruan"),
        east=("ekialdeko", "ekialde"),
        west=("mendebaldeko", "mendebalde"),
        north=("iparraldeko", "ipar"),
        south=("hegoaldeko", "hego"),
        endings=("ko", "go", "n"),
    ),
    "Estonian": Words(
        prison=("vangla", "vanglas", "vanglasse", "vanglast", "keskvangla"),
        central=("keskvangla",),
        city=("linn", "linnas", "linna"),
        county=("vald",),
        province=("provints", "provintsis", "provintsi"),
        iranian=("iraani", "iraanis"),
        near=("lahedal",),
        east=("ida",),
        west=("laane",),
        north=("pohja",),
        south=("louna",),
        endings=("isse", "ist", "is", "st", "s", "i"),
    ),
    "Latvian": Words(
        prison=("cietums", "cietuma", "cietumu"),
        central=("centralais",),
        city=("pilseta", "pilsetas"),
        village=("ciems", "ciemats"),
        county=("novads", "rajons"),
        province=("province", "provinces"),
        iranian=("irana", "iranas"),
        near=("netalu",),
        east=("austrumu",),
        west=("rietumu",),
        north=("ziemelu",),
        south=("dienvidu",),
        endings=("as", "a"),
    ),
    "Lithuanian": Words(
        prison=("kalejimas", "kalejime", "kalejimo", "kalejima"),
        central=("centrinis", "centriniame", "centrinio"),
        city=("miestas", "mieste", "miesto"),
        village=("kaimas", "kaime"),
        county=("apskritis", "apskrityje", "rajonas"),
        province=("provincija", "provincijoje", "provincijos"),
        iranian=("irano", "irane"),
        near=("netoli",),
        east=("rytu",),
        west=("vakaru",),
        north=("siaures",),
        south=("pietu",),
        endings=("os", "as", "o", "e", "a"),
    ),
    "Vietnamese": Words(
        # nhà tù, trại giam (prison, prison camp); trung tâm (centre)
        prison=("nha", "tu", "trai", "giam"),
        central=("trung", "uong"),  # trung ương
        # thành phố (city), thị trấn (town), thị xã (town)
        city=("thanh", "pho", "thi", "tran"),
        village=("xa",),  # xã, a commune
        county=("huyen", "quan"),  # huyện, quận
        province=("tinh",),  # tỉnh
        east=("đong",),
        west=("tay",),
        north=("bac",),
        south=("nam",),
    ),
    "Indonesian and Malay": Words(
        county=("kecamatan", "daerah", "kabupaten"),
        province=("provinsi", "wilayah", "negeri"),
    ),
    "Esperanto": Words(
        prison=("malliberejo", "malliberejon", "karcero"),
        central=("centra",),
        city=("urbo", "urbon"),
        village=("vilago",),
        county=("distrikto",),
        province=("provinco", "provincon"),
        iranian=("irana", "iranaj", "irano"),
        near=("apud", "proksime"),
        east=("orienta",),
        west=("okcidenta",),
        north=("norda",),
        south=("suda",),
    ),
    # The directions of languages read before this table, as adjectives of a word for province
    # or city ("provincia sureña de Hormozgán", "the southwestern province of Khuzestan",
    # "südwestlichen Provinz", "zuidelijke provincie", "İran'ın güneybatısındaki Huzistan")
    "Spanish, Italian, Portuguese, English, German, Dutch, Swedish and Turkish": Words(
        describing=(
            *("norteno", "nortena", "sureno", "surena"),
            *("oostelijke", "westelijke", "noordelijke", "zuidelijke"),
            *("suroccidental", "noroccidental", "suroriental", "nororiental", "sudoeste"),
            *("noroeste", "sudeste", "nordeste", "sudoccidentale", "nordoccidentale"),
            *("sudorientale", "nordorientale", "southwestern", "southeastern", "northwestern"),
            *("northeastern", "sudwestlichen", "sudwestliche", "nordwestlichen"),
            *("nordwestliche", "sudostlichen", "sudostliche", "nordostlichen", "nordostliche"),
            *("zuidwestelijke", "noordwestelijke", "zuidoostelijke", "noordoostelijke"),
            *("sydvastra", "nordvastra", "sydostra", "nordostra"),
            *_inflected(("guneybati", "kuzeybati", "guneydogu", "kuzeydogu"), ("", "si")),
            *_inflected(("guneybatisi", "kuzeybatisi", "guneydogusu", "kuzeydogusu"), _IN),
        ),
    ),
    # Turkish and Azerbaijani words for province, city and prison with their possessive and case
    # endings, as fold writes them (ə, ı as e, i): "Urmiye vilayetinde" (in the province of
    # Urmia), "İlam vilayətinə" (to Ilam province), "Mərkəzi əyalətin" (of Markazi province),
    # "Sarab şəhərində" (in the city of Sarab), "Rəcai Şəhr həbsxanasında" (in Rajai Shahr
    # prison), "Kirmanşan'daki hapishanede" (in the prison in Kermanshah), "Gülistan Bölge
    # Valiliği" (the governorate of the region of Golestan).
    "Turkish and Azerbaijani, with case endings": Words(
        prison=(
            *_inflected(("hapishane", "turme"), ("de", "ye", "den", "nin", "deki")),
            *_inflected(("hapishanesi", "cezaevi", "turmesi", "zindani", "hebsxanasi"), _IN),
            *_inflected(("hebsxana",), ("da", "ya", "dan", "nin", "daki")),
            *_inflected(("zindan",), ("da", "dan", "daki")),
        ),
        city=(
            *_inflected(("sehri", "kenti", "seheri"), ("", *_IN)),
            *("seherde", "sehirde", "kentte", "seherdeki", "sehirdeki", "kentteki"),
        ),
        # köy (village), with its possessive, plural and case endings: "Belecûk köyünden" (from
        # the village of Belecuk), "Merîwan'a bağlı Dizlê, Dirkê, Dimêw köylerinde"
        village=(
            *_inflected(("koy",), ("", "de", "den", "e", "deki")),
            *_inflected(("koyu", "koyleri"), ("", *_IN)),
        ),
        province=(
            *TURKIC_PROVINCE,
            *_inflected(("valiligi",), ("", *_IN)),
            *("vilayetde", "eyaletde", "vilayette", "eyalette", "ostanda", "bolge"),
        ),
    ),
}


def words_of(kind: str) -> frozenset[str]:
    """Every language's words of one kind (a field of :class:`Words`: "prison", "east"...)."""
    return frozenset(word for words in LANGUAGES.values() for word in getattr(words, kind))
