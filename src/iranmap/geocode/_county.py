"""Counties (shahrestan): a name that is only a county's says which province, and no more.

"Mamasani", "Delfan County", "Shahrestan-e Mamasani", "شهرستان ممسنی", "Contea di Mamasani" name
a county; the report did not say which of its towns, so the answer is the county's province
(kind and precision ``province``, no point), with the name kept as written. Part of
:class:`~iranmap.geocode.Geocoder`, which asks it after every other rule (:meth:`instead_of`):

- a county named like a town or prison of its own province (its seat: Tabriz, Karun) keeps
  that town or prison, which says more, where the name is the bare name; with a word for county
  ("Tabriz County", "Foo, Abarkuh County", "شهرستان قائم شهر") it is the county, known no
  closer than its province (a county is not its seat);
- a county named exactly like a town or prison of *another* province ("Baharestan": a county
  of Tehran, a town of Isfahan) is ambiguous, unless the row's city or province says which;
- a county's exact name beats a near spelling of a town elsewhere ("Zarandieh", a county of
  Markazi, is not Zarand of Kerman);
- a province's name is never a county's (Alborz County lies in Qazvin); a name two counties
  share, or that is also a GeoNames place of another province, is ambiguous;
- a county's name in other letters, as Arabic, Kurdish or Urdu pages write it ("مقاطعة جهارباغ",
  "ساوجبولاغ کاؤنٹی", "تالقان کاؤنٹی") or with a Latin name's vowels otherwise ("Bahmei
  County"), is that county where a word for county (district, region) stands beside it, the
  name is no place's own, and it is one county's only; or as a qualifier beside a place the
  gazetteer knows by name in that county's province ("Likak, Bahmei").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz import fuzz

from iranmap.gazetteer import County, Province
from iranmap.geocode._arabic import arabic_forms, without_plene_vowel
from iranmap.geocode._phrases import slip_keys
from iranmap.geocode.index import PlaceIndex, ambiguous, dedupe, labels
from iranmap.geocode.match import Match
from iranmap.geocode.provinces import province_match
from iranmap.name_words import CITY_WORDS, COUNTY_NOISE, DESCRIPTORS, IRAN_DIRECTIONS, MARKERS
from iranmap.names import county_key, fold, key, parse_place, skeleton

#: Words around a county's name that say what it is or where, not which ("شهر", "şehri", "در
#: ایران").
_AROUND = DESCRIPTORS | CITY_WORDS | MARKERS | {"iran", "ایران", "منطقه", "بخش"}
_AROUND |= {"region", "district", "area", "township"}
# Characters after which a name says where it is ("Mamasani (Fars)", "Delfan, Lorestan").
_QUALIFIER_START = "([,;/،؛"
_COUNTY_WORD_KEYS = tuple(sorted({key(word) for word in COUNTY_NOISE} - {""}, key=len))
_CONTRADICTION = "no county of this name lies in the town or province the name or row gives"
#: The words of COUNTY_NOISE that say county, district or region (not city or town): a name is
#: read as a county's in other letters (:meth:`CountyNames._variant`) only beside one ("Bahmei
#: County", "Chalderan region").
_SAYS_COUNTY = (COUNTY_NOISE | _AROUND) & (
    {"county", "counties", "shahrestan", "shahrestane", "sharestan", "schahrestan", "شهرستان"}
    | {"کاونتی", "مقاطعه", "المقاطعه", "contea", "verwaltungsbezirk", "comte", "condado"}
    | {"ilcesi", "saristan", "sharistan", "region", "district", "ضلع", "قضا", "القضا"}
    | {"منطقه", "المنطقه", "ناحیه"}
)
#: The words of _SAYS_COUNTY that say county and nothing smaller or vaguer (not "district",
#: "region"): a county so named is not its seat town (:meth:`CountyNames._named_county`).
_COUNTY_ONLY = _SAYS_COUNTY - {"region", "district", "ضلع", "قضا", "القضا", "منطقه", "المنطقه"}
_COUNTY_ONLY -= {"ناحیه"}
_CITY_KEYS = frozenset(fold(word) for word in CITY_WORDS)
#: How similar a Latin name must be to the one county's name of its consonants to be read as it
#: ("Bahmei" for Bahmai).
_LATIN_VARIANT = 85.0


@dataclass(frozen=True)
class _Found:
    """What a county's name resolves to, and how a reader tells its places apart."""

    answer: Match
    labels: tuple[str, ...]
    provinces: frozenset[str] = frozenset()  # the provinces of the counties of that name
    known: bool = False  # whether the name is also a town's or prison's (the index's)


class CountyNames:
    """The counties of a gazetteer by the keys of their names; see the module's docstring."""

    def __init__(self, index: PlaceIndex, counties: tuple[County, ...]) -> None:
        self._index = index
        provinces: dict[str, set[str]] = defaultdict(set)
        for province in index.provinces.values():
            for name in _province_names(province):
                provinces[county_key(name)].add(province.iso)
        province_keys = set(provinces) - {""}
        self._provinces = {name_key: frozenset(isos) for name_key, isos in provinces.items()}
        found: dict[str, dict[str, County]] = defaultdict(dict)
        for county in counties:
            for name in (county.name_en, county.name_fa, *county.aliases):
                name_key = county_key(name)
                # A province's name ("Tehran", "Kerman") is the province's, never a county's.
                if name_key and name_key not in province_keys:
                    found[name_key].setdefault(county.province_iso, county)
        self._counties = dict(found)
        #: Every county by the keys of its names, those named like a province as well ("Isfahan
        #: County"): read only beside a word for county (:meth:`_named_county`).
        named: dict[str, dict[str, County]] = defaultdict(dict)
        for county in counties:
            for name in (county.name_en, county.name_fa, *county.aliases):
                if county_key(name):
                    named[county_key(name)].setdefault(county.province_iso, county)
        self._named = dict(named)
        #: The keys of every county's names (not a province's).
        self.keys = frozenset(self._counties)
        # The keys of the counties' names by how Arabic and Kurdish letters write them, and by
        # the consonants of the Latin ones (letter variants: :meth:`_variant`).
        forms: dict[str, set[str]] = defaultdict(set)
        for name_key in self.keys:
            for form in {name_key} | arabic_forms(name_key):
                forms[form].add(name_key)
            if name_key.isascii():
                forms[skeleton(name_key)].add(name_key)
        self._forms = {form: frozenset(keys) for form, keys in forms.items()}

    def instead_of(
        self,
        answer: Match,
        name: str,
        row_provinces: frozenset[str],
        given: frozenset[str] | None = None,
    ) -> Match:
        """``answer`` (what every other rule made of ``name``), weighed against the county
        ``name`` may name; see the module's docstring. ``row_provinces``: the provinces the row
        or the name's own qualifier gives (empty when none); ``given``: those the row's columns
        or a province's name give (not a town's own name beside it), if not the same."""
        named = self._named_county(answer, name)
        if named is not None:
            return named
        county = self._resolve(name, row_provinces)
        if county is None:
            return self._read_town_elsewhere(
                answer, name, row_provinces if given is None else given
            )
        found = county.answer
        if answer.status == "matched":
            if answer.province_iso in county.provinces or found.status == "unmatched":
                return answer  # the county's seat or a prison of its province; or no county
            if answer.score < 100 and found.status == "matched":
                return found  # an exact county's name, not a near spelling of a town elsewhere
            return ambiguous(dedupe(sorted((*labels(answer), *county.labels))), 100.0)
        settled = bool(row_provinces) and found.status == "matched"  # the row says which
        if not settled and (county.known or (answer.status == "ambiguous" and answer.score == 100)):
            return answer  # a town's or prison's name: their rules have decided it
        if found.status == "unmatched" and answer.status != "unmatched":
            return answer
        return found  # the county's province, an ambiguity, or why the row contradicts it

    def _variant(self, name_key: str) -> str:
        """The key of the one county whose name ``name_key`` writes with other letters, where
        it is no place's own: as Arabic and Kurdish letters write it ("جهارباغ" for چهارباغ,
        "تالقان" for طالقان), with a vowel letter more or less or a letter of one sound
        written for another ("ساوجبولاغ" for ساوجبلاغ); a Latin name of the same consonants
        that is nearly it ("Bahmei" for Bahmai). "" for none, or several."""
        index = self._index
        if name_key in self._counties or name_key in index.entries or len(name_key) < 4:
            return ""
        if name_key in index.other_places or name_key in index.place_words:
            return ""
        if name_key.isascii():
            found = {
                k
                for k in self._forms.get(skeleton(name_key), ())
                if fuzz.ratio(name_key, k) >= _LATIN_VARIANT
            }
        else:
            written = {name_key, *without_plene_vowel(name_key), *slip_keys(name_key)}
            found = {k for form in written for k in self._forms.get(form, ())}
        return next(iter(found)) if len(found) == 1 else ""

    def province_of(self, words: tuple[str, ...]) -> frozenset[str]:
        """The one province that the keys ``words`` (a name's qualifiers: "قرية فلان في رودبار
        جنوب") name as a county of it, where no town and no other place of another province
        has that name; none otherwise."""
        isos: set[str] = set()
        for word in words:
            # a qualifier is a county's name in other letters ("Likak, Bahmei") only beside a
            # place of the county's province, which the province this gives must hold
            word = word if word in self._counties else self._variant(word) or word
            counties = self._counties.get(word, {})
            elsewhere = {t.province_iso for t in self._index.towns.get(word, ())}
            elsewhere |= self._index.other_places.get(word, frozenset())
            if len(counties) == 1 and elsewhere <= set(counties):
                isos |= set(counties)
        return frozenset(isos) if len(isos) == 1 else frozenset()

    def of_context(self, context: tuple[str, ...]) -> frozenset[str]:
        """The one province that a name's qualifier keys ``context`` name as a county of it
        ("Likak, Bahmai County", "Zirab, Savadkuh"), by :meth:`province_of`; a word for county
        before or after the county's name is no part of it."""
        words: list[str] = []
        for word in context:
            words.append(word)
            for noise in _COUNTY_WORD_KEYS:
                if word.endswith(noise) and len(word) > len(noise):
                    words.append(word[: -len(noise)])
                if word.startswith(noise) and len(word) > len(noise):
                    words.append(word[len(noise) :])
        return self.province_of(tuple(words))

    def _resolve(self, name: str, row_provinces: frozenset[str]) -> _Found | None:
        """The province of the county ``name`` names, or why it cannot be told; None when
        ``name`` names no county. The row's provinces must hold the county's; a name found in
        two provinces (counties, or a county and some other place) is ambiguous."""
        head = IRAN_DIRECTIONS.sub(" ", name)  # "سجن جوین بشمال البلاد": where in Iran
        for mark in _QUALIFIER_START:
            head = head.split(mark, 1)[0]
        name_key = county_key(head)
        counties = self._counties.get(name_key)
        entries = self._index.entries
        known = name_key in entries or key(head) in entries
        if not counties:  # "Baharestan şehri", "شهر بهارستان": a county's name, with a word
            # for city or another word that describes ("شهر بابک" is itself a county's name)
            bare = county_key(" ".join(w for w in fold(head).split() if w not in _AROUND))
            if bare in self._counties:
                name_key, counties = bare, self._counties[bare]
                known = name_key in entries
        says_county = bool(_SAYS_COUNTY & set(fold(head).split()))
        if not counties and says_county and self._variant(name_key):  # "ساوجبولاغ کاؤنٹی"
            name_key = self._variant(name_key)
            counties = self._counties[name_key]
            known = False
        if not counties:  # "صالح آبادخراسان رضوی", "زہک بلوچستان": a county, then its province
            name_key, given = self._before_province(name_key)
            counties = self._counties.get(name_key)
            if not counties:
                return None
            known = name_key in entries
            if row_provinces and not row_provinces & given:
                return None  # "Langarud Qom (Gilan)": the name's two provinces disagree
            row_provinces = row_provinces & given if row_provinces else given
        provinces = set(counties) | self._index.other_places.get(name_key, frozenset())
        if row_provinces:
            provinces &= row_provinces
            if not provinces & set(counties):  # no county of this name where the row says
                unmatched = Match(query="", status="unmatched", score=0.0, note=_CONTRADICTION)
                return _Found(unmatched, (), known=known)
        found = tuple(sorted(self._label(name_key, iso) for iso in provinces))
        own = frozenset(provinces & set(counties))
        if len(provinces) > 1 or not provinces <= set(counties):
            return _Found(ambiguous(found, 100.0), found, own, known)
        county = counties[provinces.pop()]
        names = {county_key(county.name_en), county_key(county.name_fa)}
        answer = self._at_province(county, "exact" if name_key in names else "alias")
        return _Found(answer, found, own, known)

    def _at_province(self, county: County, method: Literal["exact", "alias"]) -> Match:
        """The answer for a place of ``county`` that its name does not tell: the province."""
        province = self._index.provinces[county.province_iso]
        return replace(
            province_match(province),
            precision="province",
            method=method,
            note=(
                f"{county.name_en} is a county of {province.name_en}; placed in the province, "
                "at none of its towns"
            ),
        )

    def _named_county(self, answer: Match, name: str) -> Match | None:
        """The province of the county a name gives with a word for county where a rule read the
        county's name as a town or prison ("Abarkuh County", "Foo, Abarkuh County", "شهرستان
        ابرکوه", "Rey County"): a county is neither its seat nor a prison of it, and a place of
        it is known no closer than its province. None where the answer is no place of that
        county's province, another word names a place ("Qarchak, Varamin County"), or the name
        also says prison or city (a place of the town itself: "Abarkuh Prison, Abarkuh County")."""
        if answer.status != "matched" or answer.kind not in ("city", "prison"):
            return None
        words = fold(name).split()
        if not set(words) & _COUNTY_ONLY:
            return None
        if parse_place(name).says_prison:
            return None
        beside = [
            found
            for at, word in enumerate(words)
            if word in _COUNTY_ONLY
            for found in beside_word(words, at, joined=True)
        ]
        for run, rest in beside:
            if set(rest) & _CITY_KEYS:
                continue
            county = self._named.get(county_key(" ".join(run)), {}).get(answer.province_iso or "")
            if county is not None and not self._names_a_place(rest):
                return replace(self._at_province(county, "alias"), query=answer.query)
        return None

    def _names_a_place(self, words: list[str]) -> bool:
        """Whether some run of ``words`` is the name of a place the gazetteer knows, or knows
        only by name ("Likak, Bahmai County": Likak, a place of the county), other than a
        province's ("Harsin County, Kermanshah province" names no place in the county)."""
        index = self._index
        runs = {
            key(" ".join(words[i:j]))
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        }
        runs -= index.province_names.keys()
        return any(run in index.entries or run in index.other_places for run in runs)

    def _read_town_elsewhere(
        self, answer: Match, name: str, row_provinces: frozenset[str]
    ) -> Match:
        """``answer``, or ambiguous when a rule read the name as a town beside other words
        ("Baharestan district": the town of Isfahan) and the words naming that town are also a
        county's name in another province (Baharestan County, Tehran) that the row does not
        rule out."""
        if answer.status != "matched" or answer.kind != "city" or not answer.reading:
            return answer
        if answer.province_iso in row_provinces:
            return answer
        words = fold(name).split()
        runs = {
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        }
        towns = self._index.towns
        for run in runs:
            counties = self._counties.get(county_key(run), {})
            town_here = any(
                t.city == answer.city and t.province_iso == answer.province_iso
                for t in towns.get(key(run), ())
            )
            if town_here and set(counties) - {answer.province_iso}:
                found = [self._label(county_key(run), iso) for iso in counties]
                return ambiguous(dedupe(sorted((*labels(answer), *found))), answer.score)
        return answer

    def _before_province(self, name_key: str) -> tuple[str, frozenset[str]]:
        """The county's key in a key that is a county's name run onto a province's name, and
        the province that names ("", none if no cut gives both)."""
        for cut in range(2, len(name_key) - 1):
            head, tail = name_key[:cut], name_key[cut:]
            if head in self._counties and tail in self._provinces:
                return head, self._provinces[tail]
        return "", frozenset()

    def _label(self, name_key: str, iso: str) -> str:
        province = self._index.province_name(iso) or iso
        county = self._counties[name_key].get(iso)
        if county is None:
            return f"a place of {province}"
        return f"{county.name_en} County ({province})"


def beside_word(
    words: list[str], at: int, *, joined: bool = False
) -> list[tuple[list[str], list[str]]]:
    """Each run of ``words`` right before ``words[at]`` (a word for county), or right after it,
    with the words left beside it (not the word at ``at``). With ``joined``, also the runs after
    a short word that joins them to it ("shahrestan e abarkuh", "contea di Mamasani"), that word
    left out."""
    before, after = words[:at], words[at + 1 :]
    found = [(before[i:], before[:i] + after) for i in range(len(before))]
    for start in [0, 1] if joined and len(after) > 1 and len(after[0]) <= 3 else [0]:
        found += [(after[start:j], before + after[j:]) for j in range(start + 1, len(after) + 1)]
    return found


def _province_names(province: Province) -> tuple[str, ...]:
    return (province.name_en, province.name_fa, *province.aliases)
