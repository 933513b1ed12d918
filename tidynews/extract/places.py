"""Places: countries, cities and regions, resolved to an ISO country code, coordinates and a GeoNames id.

Where the names come from (see SOURCES):
- spaCy GPE/LOC entities, resolved through the gazetteer; a name that resolves to nothing is dropped
  (spaCy tags organisations and people as GPE often enough that emitting them as places costs precision),
  unless the text places it ("Bint Jbeil, Lebanon": type 'other' in that country);
- spaCy ORG/FAC/NORP/PRODUCT entities whose whole text is a country or a curated region ("Israel said");
- names spaCy mislabels as PERSON/ORG after a locative word: cities of 100,000 people ("flew to Dakar");
- names ending in a feature word whatever their label ("Taebaek Range", "Second Thomas Shoal");
- names spaCy did not tag: countries, curated regions and major cities found by a lexicon scan, the city of a
  wire dateline ("KYIV, Ukraine (AP) —"), and "<Name> region/province" ("the Donetsk region");
- sub-national units the gazetteer does not know, named with their kind ("Marenco province", "the province of
  Marenco"): a region called by the bare name, in the country named in its sentence or most in the article
  (`unit_region`, `unit_country_of`; empty code when none can be told).

How a name resolves, in order: curated regions (`data/regions.csv`), countries (pycountry, GeoNames and
`data/place_country_names.csv`), a city of at least 500,000 people, US states, other cities (the most
populous of that name unless the text or the article points to another), "northern Israel" style regions
of a country, and natural features. Determiners, quantifiers and possessives are not part of a name.

Ids: ISO alpha-2 in lower case for countries ("us"), ISO 3166-2 for US states ("us-tx"), slug(name)-cc for
cities and regions of one country ("tel-aviv-il", "northern-israel-il"; a smaller namesake city in the same
country adds its GeoNames id), slug(name) for places of no single country ("middle-east").
Countries and US states carry no coordinates: the installed gazetteer has no centroids for them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.extract.countries import (
    POSSESSIVE,
    clean_place_text,
    country_code,
    country_name,
    country_names,
    fold,
    geonames,
    geonames_countries,
    read_data_csv,
)
from tidynews.extract.datelines import read_dateline
from tidynews.nlp import ParsedArticle, ParsedBlock

PLACE_LABELS = {"GPE", "LOC"}
# Labels spaCy sometimes gives to a country acting as a subject ("Israel said"): kept only on an exact match.
COUNTRY_ONLY_LABELS = {"ORG", "FAC", "NORP", "PRODUCT"}
# Labels spaCy gives to natural features it does not know ("Taebaek Range" as PERSON): kept when the name ends
# in a feature word.
FEATURE_LABELS = {"PERSON", "ORG", "FAC", "NORP"}

DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern",
    "north-eastern", "north-western", "south-eastern", "south-western",
    "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
    "north", "south", "east", "west", "upper", "lower",
}  # fmt: skip
# Words that end the name of a natural feature or an administrative area the gazetteer does not list.
FEATURE_WORDS = {
    "range", "mountains", "mountain", "hills", "river", "sea", "ocean", "gulf", "bay", "strait", "straits",
    "island", "islands", "peninsula", "desert", "valley", "lake", "plateau", "canal", "coast",
    "shoal", "reef", "atoll", "archipelago", "channel", "glacier", "volcano", "basin", "delta", "corridor", "crossing",
}  # fmt: skip
SURNAME_FEATURE_WORDS = {"bay", "lake", "ocean", "hills", "river", "mountain", "coast", "channel", "island", "sea"}
AREA_WORDS = {"province", "region", "district", "county", "governorate", "prefecture", "oblast", "state", "territory"}
LOCATIVE_PREPOSITIONS = {
    "in", "into", "to", "from", "across", "throughout", "near", "toward", "towards", "via", "inside", "outside",
    "around", "visit", "visited", "visiting", "visits", "of",
}  # fmt: skip
FUNCTION_WORDS = {"of", "and", "the", "da", "de", "du", "del", "d'", "la", "el", "al"}
MIN_CITY_OVER_STATE = 500_000  # a city this big wins over a US state of the same name ("New York", "Washington")
ANY_US_STATE = "*"  # in us_state_codes: the story is about US states ("Florida and Georgia")
MIN_MISLABELLED_CITY = 100_000  # a PERSON/ORG-tagged name after 'in'/'to' counts as a city from this size
MIN_UNANCHORED_CITY = 100_000  # a smaller town counts only in a country the article names
OTHER_CITY_SHARE = 0.1  # a smaller namesake in a country the article names must have this share of the largest's people


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    type: str
    country_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    admin1: str = ""  # US state code of a US city or state, for "Paris, Texas"


def place_id_for(name: str, country_code: str) -> str:
    return f"{slugify(name)}-{country_code.lower()}" if country_code else slugify(name)


# --- the gazetteer -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _regions() -> dict[str, Place]:
    """Curated regions, seas and territories (data/regions.csv), by every name and alias."""
    table: dict[str, Place] = {}
    for row in read_data_csv("regions.csv"):
        place = Place(
            place_id=place_id_for(row["name"], row["country_code"]),
            name=row["name"],
            type=row["type"],
            country_code=row["country_code"],
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
            geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
        )
        for n in [row["name"], *filter(None, row["aliases"].split("|"))]:
            table[fold(n)] = place
    return table


@lru_cache(maxsize=1)
def _ambiguous_names() -> frozenset[str]:
    return frozenset(fold(r["name"]) for r in read_data_csv("place_ambiguous_names.csv"))


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """AP-style state abbreviations ('Mo.', 'N.Y.') -> state code; used only after a city and a comma."""
    return {r["abbreviation"]: r["state_code"] for r in read_data_csv("place_us_state_abbreviations.csv")}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, dict]:
    return {fold(s["name"]): s for s in geonames().get_us_states().values()}


def _is_spelling_of(alternate: str, name: str) -> bool:
    """True when a GeoNames alternate name is a spelling of the city's name, not a translation or a code.

    'Misrata' of 'Misratah' and 'New York' of 'New York City' pass; 'White House' (a translation of Casablanca),
    'Hamas' (of Hamm) and 'MOD' (of Modesto) do not.
    """
    if len(alternate) < 4 or alternate.isupper() or not alternate[0].isupper():
        return False
    a, n = fold(alternate), fold(name)
    if a == n or n == f"{a} city" or a == f"{n} city":
        return True
    return a[0] == n[0] and SequenceMatcher(None, a, n).ratio() >= 0.75


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    """City name (and its spellings in Latin script) -> every city of that name, most populous first."""
    table: dict[str, list[dict]] = {}
    for city in geonames().get_cities().values():
        keys = {fold(city["name"])}
        keys |= {
            fold(alt) for alt in city.get("alternatenames", []) if alt.isascii() and _is_spelling_of(alt, city["name"])
        }
        for k in keys:
            table.setdefault(k, []).append(city)
    for cities in table.values():
        cities.sort(key=lambda c: -c["population"])
    return table


def country_place(code: str) -> Place:
    """The place row of a country: canonical short name, GeoNames id, no coordinates (no centroid is installed)."""
    info = geonames_countries().get(code, {})
    return Place(
        place_id=code.lower(),
        name=country_name(code),
        type="country",
        country_code=code,
        geonames_id=info.get("geonameid"),
    )


def city_place(city: dict) -> Place:
    """A city of the gazetteer. Its id is slug(name)-cc; a smaller namesake in the same country (Springfield,
    Illinois beside Springfield, Missouri) adds its GeoNames id so that ids stay unique."""
    place_id = place_id_for(city["name"], city["countrycode"])
    namesakes = [c for c in _cities().get(fold(city["name"]), []) if c["countrycode"] == city["countrycode"]]
    if namesakes and namesakes[0]["geonameid"] != city["geonameid"]:
        place_id = f"{place_id}-{city['geonameid']}"
    return Place(
        place_id=place_id,
        name=city["name"],
        type="city",
        country_code=city["countrycode"],
        latitude=city["latitude"],
        longitude=city["longitude"],
        geonames_id=city["geonameid"],
        admin1=city.get("admin1code", "") if city["countrycode"] == "US" else "",
    )


def state_place(state: dict) -> Place:
    """A US state; its id is the ISO 3166-2 code ("us-wa"), as "washington-us" is already the city."""
    return Place(
        place_id=f"us-{state['code'].lower()}",
        name=state["name"],
        type="region",
        country_code="US",
        geonames_id=state["geonameid"],
        admin1=state["code"],
    )


def resolve_country(name: str) -> str | None:
    """ISO alpha-2 code of a country name, or None (see `countries.country_code`)."""
    return country_code(name) or None


def _cities_inside(cities: list[dict], area: Place) -> list[dict]:
    if area.type == "region" and area.country_code == "US" and area.admin1:
        return [c for c in cities if c["countrycode"] == "US" and c.get("admin1code") == area.admin1]
    return [c for c in cities if c["countrycode"] == area.country_code]


def hint_places(hint_text: str) -> list[Place]:
    """What the name after a comma may be: 'Georgia' is the US state for 'Atlanta, Georgia', the country for
    'Tbilisi, Georgia', so both readings are offered, the state first."""
    if not hint_text:
        return []
    abbreviated = _state_abbreviations().get(hint_text.strip())
    if abbreviated:
        return [state_place(geonames().get_us_states()[abbreviated])]
    readings = []
    state = _us_states().get(fold(clean_place_text(hint_text)))
    if state:
        readings.append(state_place(state))
    place = resolve_place(hint_text)
    if place is not None and place.type in {"country", "region"}:
        readings.append(place)
    return readings


def _pick_city(
    cities: list[dict], hints: list[Place], article_countries: set[str] | None, after_locative: bool = False
) -> dict | None:
    """The city meant: one inside the place named right after it ("Paris, Texas"), else the most populous,
    unless only a namesake of comparable size lies in a country the article names (Tripoli in a Lebanon story).

    Within an article (`article_countries` given), a town under 100,000 people in a country the article never
    names is dropped unless a locative word comes before it ("in Hartlepool"): spaCy's GPE on 'Whitehall said'
    is likelier than a story's one mention of a small foreign town with no country around it.
    """
    for area in hints:
        inside = _cities_inside(cities, area)
        if inside:
            return inside[0]
    # no hint, or one that does not contain the city ("London, Germany and France said"): the usual choice
    largest = cities[0]
    if article_countries is None or largest["countrycode"] in article_countries:
        return largest
    for city in cities[1:]:
        if city["countrycode"] in article_countries and city["population"] >= OTHER_CITY_SHARE * largest["population"]:
            return city
    if largest["countrycode"] == "US" and largest["population"] < MIN_CITY_OVER_STATE and "US" not in article_countries:
        # GeoNames lists many mid-size US namesakes of European places ('Westminster', Colorado): without the US
        # or a state named in the story, such a name is a metonym or a place the gazetteer is too coarse for
        return None
    return largest if largest["population"] >= MIN_UNANCHORED_CITY or after_locative else None


def _directional_region(name: str, hints: list[Place], article_countries: set[str] | None) -> Place | None:
    """'northern Israel', 'eastern Congo', 'north-east Nigeria' -> a region of that country, named as written.

    The direction word is kept lower case so 'Northern Israel' at the start of a sentence is the same region.
    """
    first, _, rest = name.partition(" ")
    if fold(first) not in DIRECTIONS or not rest:
        return None
    base = resolve_place(rest, hints=hints, article_countries=article_countries)
    if base is None:
        return None
    written = f"{first.lower()} {base.name if rest.isupper() else rest}"
    return Place(
        place_id=place_id_for(written, base.country_code), name=written, type="region", country_code=base.country_code
    )


def _natural_feature(name: str, hints: list[Place]) -> Place | None:
    """A capitalised name ending in a feature or area word: 'Taebaek Range', 'Borno State', 'Lake Chad'.

    Type 'other' for natural features, 'region' for administrative areas; the country only when the text names
    it right after ("the Nuba Mountains, Sudan"), because the nearest country in the sentence is often another.
    """
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words):
        return None
    last, first = words[-1].lower(), words[0].lower()
    if last in AREA_WORDS:
        kind = "region"
    elif last in FEATURE_WORDS or first in {"mount", "lake", "gulf", "bay", "strait", "sea", "isle", "cape"}:
        kind = "other"
    else:
        return None
    code = hints[-1].country_code if hints else ""
    return Place(place_id=place_id_for(name, code), name=name, type=kind, country_code=code)


def resolve_place(
    name: str,
    hints: list[Place] | None = None,
    article_countries: set[str] | None = None,
    us_state_codes: set[str] | None = None,
    after_locative: bool = False,
) -> Place | None:
    """Resolve a place name; None when the gazetteer does not know it and it does not look like a place.

    `hints` are readings of the place written right after it ("Lagos, Nigeria", see `hint_places`);
    `article_countries` the countries the article names, used to choose between same-named cities;
    `us_state_codes` the US states whose cities the text names ("Atlanta, Georgia" makes Georgia the state);
    ANY_US_STATE in it when the story names other US states and no city of a same-named country;
    `after_locative` whether 'in', 'to', 'from'... comes right before it (see `_pick_city`).
    Countries take priority over same-named towns.

    Example: "the Gaza Strip" -> region PS; "Tel Aviv" -> city IL with coordinates; "Lebanon" -> country LB.
    """
    key_text = clean_place_text(name)
    if not key_text:
        return None
    key = fold(key_text)
    hints = hints or []
    region = _regions().get(key)
    if region:
        return region
    code = country_names().get(key)
    if code:
        for area in hints:
            in_state = _cities_inside(_cities().get(key, []), area) if area.admin1 else []
            if in_state:
                return city_place(in_state[0])  # "Lebanon, Pa.": the town the text places in a US state
        state_code = _us_states().get(key, {}).get("code")
        if state_code and us_state_codes and (state_code in us_state_codes or ANY_US_STATE in us_state_codes):
            return state_place(_us_states()[key])  # "Atlanta, Georgia": the state, not the country
        return country_place(code)
    cities = _cities().get(key) or _cities().get(fold(POSSESSIVE.sub("", name.strip())), [])  # "The Hague"
    state = _us_states().get(key) or _us_states().get(re.sub(r" state$", "", key))
    if state and (key.endswith(" state") or not cities or cities[0]["population"] < MIN_CITY_OVER_STATE):
        return state_place(state)
    if cities:
        city = _pick_city(cities, hints, article_countries, after_locative)
        if city is not None:
            return city_place(city)
    return _directional_region(key_text, hints, article_countries) or _natural_feature(key_text, hints)


# --- finding names in the text -------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A stretch of text that may name a place, and how it was found."""

    start: int  # character offsets in the block's doc
    end: int
    source: str  # see SOURCES
    next_text: str = ""  # the name after a comma right after it: 'Nigeria' of 'Lagos, Nigeria'
    prev_text: str = ""  # the name before a comma right before it: 'Atlanta' of 'Atlanta, Georgia'
    area_word: str = ""  # a lower-case area word right after it: 'region' of 'the Donetsk region'
    after_locative: bool = False  # 'in', 'to', 'from'... right before it, or before a list it ends
    area_before: str = ""  # a lower-case area word before 'of': 'province' of 'the province of Cotopaxi'


# How a candidate was found, and so what it may resolve to:
SOURCES = {
    "entity": "spaCy GPE/LOC: anything the gazetteer knows",
    "exact": "spaCy ORG/FAC/NORP/PRODUCT whose whole text is a country or curated region ('Israel said' as ORG), "
    "or a city of 100,000 people after 'in', 'to'... ('from Kursk' as PRODUCT)",
    "person": "spaCy PERSON whose whole text is a city of 100,000 people after 'in', 'to'... ('to Dakar')",
    "feature": "spaCy PERSON/ORG/FAC/NORP ending in a feature word ('Taebaek Range')",
    "scan": "untagged capitalised words naming a country, a curated region or a major city",
    "dateline": "the all-capital city of a wire dateline ('KYIV, Ukraine (AP) —')",
}
AREA_AFTER = {"region", "province", "oblast", "governorate", "prefecture", "state", "district", "county"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Offsets of the cleaned name inside doc.text[start:end] (no determiner, possessive or punctuation)."""
    text = doc.text[start:end]
    cleaned = clean_place_text(text)
    with_article = POSSESSIVE.sub("", text.strip())
    if fold(cleaned) not in _cities() and fold(with_article) in _cities():
        cleaned = with_article  # "The Hague": the article is part of the name
    if not cleaned:
        return start, start
    at = text.find(cleaned)
    return (start + at, start + at + len(cleaned)) if at >= 0 else (start, end)


def _extend_direction(doc: Doc, span: Span) -> int:
    """Start offset including a direction word just before the name: 'northern' in 'northern Israel'."""
    first = span[0]
    if first.lower_ in {"the", "a", "an"} and len(span) > 1:
        first = span[1]
    if fold(first.text) in DIRECTIONS:
        return first.idx
    if first.i > 0 and fold(doc[first.i - 1].text) in DIRECTIONS and doc[first.i - 1].ent_iob_ == "O":
        return doc[first.i - 1].idx
    return span[0].idx  # with its determiner: "The Hague" needs it, clean_place_text drops it elsewhere


def _area_word_after(doc: Doc, span: Span) -> Token | None:
    """'region' in 'the Donetsk region', 'province' in 'Helmand province' (lower case: 'Islamic State' is not)."""
    if span.end < len(doc):
        word = doc[span.end]
        if word.text in AREA_AFTER:
            return word
    return None


def _comma_neighbours(doc: Doc, ent: Span, ents_by_token: dict[int, Span]) -> tuple[str, str]:
    """The entities written just after and just before `ent` across a comma: 'Nigeria' in 'Lagos, Nigeria'."""
    nxt = prev = ""
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        other = ents_by_token.get(ent.end + 1)
        if other is not None and other.start == ent.end + 1 and other.label_ in PLACE_LABELS:
            nxt = other.text
        elif doc[ent.end + 1].text in _state_abbreviations():
            nxt = doc[ent.end + 1].text  # "Ferguson, Mo."
    if ent.start >= 2 and doc[ent.start - 1].text == ",":
        other = ents_by_token.get(ent.start - 2)
        if other is not None and other.end == ent.start - 1 and other.label_ in PLACE_LABELS:
            prev = other.text
    return nxt, prev


def _after_locative(doc: Doc, span: Span, depth: int = 4) -> bool:
    """True when a locative word comes right before the name ('in', 'to', 'from', 'visited'...), or before the
    list of names it ends: 'Rafah' in 'operated in Khan Younis and Rafah'."""
    first = span[0] if span[0].lower_ not in {"the", "a", "an"} else span[1] if len(span) > 1 else span[0]
    if first.i == 0:
        return False
    before = doc[first.i - 1]
    if before.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if depth and before.lower_ in {"and", ",", "or"} and before.i > 0 and doc[before.i - 1].ent_type_:
        previous = next(e for e in doc.ents if e.start <= before.i - 1 < e.end)
        return _after_locative(doc, previous, depth - 1)
    return False


def entity_candidates(doc: Doc) -> list[Candidate]:
    """spaCy entities that may be places (see SOURCES for which labels count and how).

    Example: in "Talks in Lagos, Nigeria ended", 'Lagos' (followed by 'Nigeria') and 'Nigeria' (after 'Lagos').
    An entity spaCy wrote as one span "Lagos, Nigeria" is split at the comma.
    """
    ents_by_token = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            source = "entity"
        elif ent.label_ in FEATURE_LABELS and _ends_in_feature_word(ent.text, ent.label_):
            source = "feature"
        elif ent.label_ in COUNTRY_ONLY_LABELS:
            source = "exact"
        elif ent.label_ == "PERSON":
            source = "person"
        else:
            continue
        after, before = _comma_neighbours(doc, ent, ents_by_token)
        area = _area_word_after(doc, ent)
        if area is None and len(ent) > 1 and ent[-1].text in AREA_AFTER:
            area = ent[-1]  # spaCy took the area word into the entity: "the Kherson region"
        pieces = list(re.finditer(r"[^,]+", ent.text))
        for n, piece in enumerate(pieces):
            start = _extend_direction(doc, ent) if n == 0 else ent.start_char + piece.start()
            end = ent.start_char + piece.end()
            nxt = pieces[n + 1].group() if n + 1 < len(pieces) else after
            prev = pieces[n - 1].group() if n > 0 else before
            last = n + 1 == len(pieces)
            if last and area is not None:
                end = area.idx + len(area.text)
            out.append(
                Candidate(
                    start, end, source, nxt.strip(), prev.strip(), area.text if area and last else "",
                    _after_locative(doc, ent),
                )
            )  # fmt: skip
    return out


def _is_capitalised_name(tokens: Span) -> bool:
    words = [t for t in tokens if t.is_alpha or "." in t.text]
    return bool(words) and all(t.text[0].isupper() or t.lower_ in FUNCTION_WORDS for t in words)


def scan_candidates(doc: Doc) -> list[Candidate]:
    """Places spaCy did not tag: capitalised words outside every entity naming a country, a curated region of
    two words or more, or a major city (a capital or a city of a million people).

    Example: "Aid convoys crossed into Chad on Monday" when spaCy tags nothing there. A city, or a name that is
    also a first name or a common word (data/place_ambiguous_names.csv), needs a locative word before it
    ("into Chad"), and a name followed or preceded by another capitalised name ('Jordan Peterson',
    'Bank of China') is skipped. All-capital blocks are not scanned: 'US' there is also the pronoun.
    """
    if doc.text.isupper():
        return []
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if doc[i].ent_iob_ != "O" or not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in range(min(5, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if any(t.ent_iob_ != "O" for t in span) or not _is_capitalised_name(span):
                continue
            kind = _lexicon_kind(span.text)
            area = _area_word_after(doc, span)
            if kind is None and area is not None and all(t.pos_ == "PROPN" for t in span):
                kind = "area"  # "the Donetsk region": the word after says it is a place
            if kind is None or (kind == "region" and n == 1 and area is None):
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN":
                continue
            if before is not None and before.text[:1].isupper() and before.pos_ == "PROPN" and not before.is_sent_start:
                continue
            if before is not None and before.lower_ == "of" and before.i > 0 and doc[before.i - 1].text[:1].isupper():
                continue
            needs_locative = kind == "city" or fold(clean_place_text(span.text)) in _ambiguous_names()
            if needs_locative and not _after_locative(doc, span):
                continue
            end = area.idx + len(area.text) if area is not None else span.end_char
            out.append(Candidate(_extend_direction(doc, span), end, "scan", area_word=area.text if area else ""))
            i += n - 1
            break
        i += 1
    return out


AREA_OF = re.compile(
    r"\b[Tt]he (province|region|state|county|district|prefecture|governorate|department|oblast) of "
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


def area_of_candidates(doc: Doc) -> list[Candidate]:
    """A sub-national unit written as "the <kind> of <Name>", lower-case kind: "the province of Cotopaxi",
    "the department of Valdora". The candidate covers "province of Cotopaxi"; the name is the part after "of".

    Example: "Rains hit the province of Marenco on Sunday." -> a candidate 'province of Marenco'."""
    return [
        Candidate(m.start(1), m.end(2), "scan", area_before=m.group(1), after_locative=True)
        for m in AREA_OF.finditer(doc.text)
    ]


# Capitalised words before an area word that describe rather than name a unit: "the Northern region",
# "Republican county".
UNIT_DESCRIPTIONS = {
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Capital",
    "Autonomous",
    "Federal",
    "Border",
    "Republican",
    "Democratic",
    "Democrat",
    "Labour",
    "Conservative",
    "Liberal",
    # seas, deserts and regions spanning countries: "the Gulf region", "the Sahel region" are no units
    "Gulf",
    "Sahel",
    "Arctic",
    "Antarctic",
    "Pacific",
    "Atlantic",
    "Caribbean",
    "Mediterranean",
    "Baltic",
    "Balkan",
    "Balkans",
    "Andean",
    "Amazon",
    "Horn",
    "Asia",
    "Europe",
    "Africa",
    "Kremlin",
}


@lru_cache(maxsize=1)
def _unit_non_names() -> frozenset[str]:
    """Words that cannot name a sub-national unit: nationality and group words (data/demonyms.csv) and
    UNIT_DESCRIPTIONS."""
    return frozenset(r["word"] for r in read_data_csv("demonyms.csv")) | UNIT_DESCRIPTIONS


def unit_region(name: str, country_code: str) -> Place | None:
    """A sub-national unit the gazetteer does not know, named with its kind ("Chimborazo province",
    "the province of Cotopaxi"): a region called by the bare name, in the country the article is about
    (empty when none can be told). Countries and lower-case words are no such names.

    Example: unit_region("Marenco", "EC") -> region 'Marenco' in EC."""
    name = clean_place_text(name)
    if not name or not name[0].isupper() or resolve_country(name) or fold(name) in _ambiguous_names():
        return None
    if any(w in _unit_non_names() for w in name.split()):
        return None  # "the Kurdish region", "the Northern region": a description, not a unit's name
    return Place(place_id_for(name, country_code), name, "region", country_code)


def dateline_candidates(doc: Doc) -> list[Candidate]:
    """The city of a wire dateline at the start of a paragraph, which spaCy often leaves untagged.

    Example: "KYIV, Ukraine (AP) — Russian forces shelled..." -> 'KYIV', with 'Ukraine' to choose the city;
    "WASHINGTON/BEIJING (Reuters) -" -> 'WASHINGTON' and 'BEIJING'.
    """
    dateline = read_dateline(doc.text)
    if dateline is None:
        return []
    area = doc.text[slice(*dateline.area)] if dateline.area else ""
    return [Candidate(start, end, "dateline", area) for start, end in dateline.places]


def _ends_in_feature_word(text: str, label: str = "") -> bool:
    """'the Nuba Mountains', 'Taebaek Range' -> True; 'Islamic State', 'Coast Guard' -> False.

    For a PERSON the feature words that are also surnames do not count: 'Michael Bay', 'Ricki Lake'.
    """
    words = clean_place_text(text).split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].lower()
    return last in FEATURE_WORDS and not (label == "PERSON" and last in SURNAME_FEATURE_WORDS)


@lru_cache(maxsize=1)
def _major_cities() -> frozenset[str]:
    """Names of national capitals and cities of a million people or more, except ambiguous ones ('Sofia')."""
    capitals = {(c["iso"], fold(c["capital"])) for c in geonames_countries().values() if c["capital"]}
    names = {
        fold(city["name"])
        for city in geonames().get_cities().values()
        if city["population"] >= 1_000_000 or (city["countrycode"], fold(city["name"])) in capitals
    }
    return frozenset(names - _ambiguous_names())


def _is_big_city(text: str, population: int) -> bool:
    """True for an unambiguous city name whose largest bearer has at least `population` people."""
    key = fold(clean_place_text(text))
    cities = _cities().get(key)
    return bool(cities) and cities[0]["population"] >= population and key not in _ambiguous_names()


def _lexicon_kind(text: str) -> str | None:
    """'country', 'region' or 'city' for a name the scan may take, also after a direction word ('northern Chad')."""
    key = fold(clean_place_text(text))
    first, _, rest = key.partition(" ")
    if first in DIRECTIONS and rest and key not in _regions() and key not in country_names():
        key = rest
    if key in _regions():
        return "region"
    if key in country_names():
        return "country"
    if key in _major_cities():
        return "city"
    return None


def resolve_candidate(
    text: str,
    cand: Candidate,
    article_countries: set[str],
    us_state_codes: set[str],
    unit_country: str | None = None,
) -> Place | None:
    """Resolve one candidate with what is written around it.

    What a candidate may become depends on how it was found (SOURCES). A lower-case area word after a city makes
    a region of that city's country ('the Donetsk region'). A GPE the gazetteer does not know but the text places
    in a country ("Bint Jbeil, Lebanon") is kept as type 'other' in that country. A unit the gazetteer does not
    know but that is named with its kind ("Marenco province", "the province of Marenco") is a region in
    `unit_country` (see `unit_region`); None there means the kind word does not make a unit (see `unit_country_of`).
    """
    if cand.area_before:
        text = re.split(r"\s+of\s+", text, maxsplit=1)[-1]
        place = resolve_place(text, article_countries=article_countries, after_locative=True)
        if place is None:
            if cand.area_before == "department":
                return None  # "the department of Justice": a government department, unless the gazetteer knows it
            return unit_region(text, unit_country) if unit_country is not None else None
        if place.type == "city":  # "the province of Kandahar": the unit named after its city
            name = f"{clean_place_text(text)} {cand.area_before}"
            return Place(place_id_for(name, place.country_code), name, "region", place.country_code)
        return place  # "the state of Israel", "the region of Tuscany"
    if cand.area_word:
        text = text[: text.rfind(cand.area_word)].strip()
    kind = _lexicon_kind(text)
    big_city_after_locative = cand.after_locative and _is_big_city(text, MIN_MISLABELLED_CITY)
    if cand.source == "exact" and kind not in {"country", "region"} and not big_city_after_locative:
        # spaCy tags an unknown unit NORP or ORG ("Marenco province"): its area word still says it is a place
        return unit_region(text, unit_country) if cand.area_word and unit_country is not None else None
    if cand.source == "scan" and kind is None and not cand.area_word:
        return None
    if cand.source == "person" and not big_city_after_locative:
        # "Tigray region" tagged PERSON: the lower-case kind word after it says it is a place
        return (
            unit_region(text, unit_country) if cand.area_word and unit_country is not None else None
        )  # a PERSON-tagged 'Jordan' or 'Chad' is a person
    hints = hint_places(cand.next_text)
    after_city = resolve_place(cand.prev_text) if cand.prev_text else None
    states = us_state_codes | ({after_city.admin1} if after_city is not None and after_city.admin1 else set())
    place = resolve_place(
        text,
        hints=hints,
        article_countries=article_countries,
        us_state_codes=states,
        after_locative=cand.after_locative or bool(cand.area_word),  # "the Kherson region" says it is a place
    )
    if place is None and hints and cand.source in {"entity", "dateline"}:
        name = clean_place_text(text)
        if name and name[0].isupper() and fold(name) not in _cities():
            name = name.title() if name.isupper() else name
            code = hints[-1].country_code
            place = Place(place_id_for(name, code), name, "other", code)
    if place is not None and cand.area_word:
        with_area = resolve_place(f"{clean_place_text(text)} {cand.area_word}")
        if with_area is not None and with_area.type == "region":
            return with_area  # "Washington state", "New York state"
        if place.type == "city":
            name = f"{clean_place_text(text)} {cand.area_word}"
            return Place(place_id_for(name, place.country_code), name, "region", place.country_code)
    if place is None and cand.area_word and unit_country is not None:
        return unit_region(text, unit_country)
    return place


def unit_country_of(block: ParsedBlock, cand: Candidate, article_country_counts: Counter) -> str | None:
    """The country a sub-national unit lies in: the one country named in its sentence, else the country the
    article names most ("" when none or two tie). None when the kind word modifies a noun after it, so the
    phrase is no unit's name ("Republican county seats", "Jones state senator").

    Example: "Floods hit Marenco province, Ecuador's disaster agency said." -> 'EC'."""
    sent = block.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if sent is not None and cand.area_word and sent.end < len(block.doc):
        nxt = block.doc[sent.end]
        if nxt.is_lower and nxt.pos_ in {"NOUN", "PROPN"}:
            return None
    if sent is not None:
        near = {c for c in (resolve_country(e.text) for e in sent.sent.ents) if c}
        if len(near) == 1:
            return near.pop()
    ranked = article_country_counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def extract_places(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find place names and resolve each to one place of this article (keyed by its corpus-wide place_id).

    Two passes: the countries an article names (and the US states of the US cities it names) are collected
    first, so the second pass can choose between same-named cities ("Tripoli" in a story about Lebanon) and
    between Georgia the country and Georgia the state (in a story that names Atlanta).
    """
    found: list[tuple[ParsedBlock, Candidate]] = []
    for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION):
        taken: set[int] = set()
        area_of = area_of_candidates(block.doc)
        candidates = dateline_candidates(block.doc) + entity_candidates(block.doc) + scan_candidates(block.doc)
        # "the province of Cotopaxi": the name inside is read with its kind word, not on its own
        candidates = area_of + [c for c in candidates if not any(a.start <= c.start < a.end for a in area_of)]
        for cand in candidates:
            if cand.start not in taken:
                taken.add(cand.start)
                found.append((block, cand))

    article_countries: set[str] = set()
    article_country_counts: Counter = Counter()
    us_state_codes: set[str] = set()
    city_countries: set[str] = set()
    named_states: set[str] = set()
    for block, cand in found:
        place = resolve_place(block.text[cand.start : cand.end]) if cand.source == "entity" else None
        if place is None:
            continue
        if place.type != "city" and place.country_code:
            article_countries.add(place.country_code)
        if place.type == "country":
            article_country_counts[place.country_code] += 1
        if place.type == "city":
            city_countries.add(place.country_code)
            if place.admin1:
                us_state_codes.add(place.admin1)
        elif place.admin1:
            named_states.add(place.admin1)
    country_like_states = {s["code"]: country_names()[n] for n, s in _us_states().items() if n in country_names()}
    if named_states - set(country_like_states) and not city_countries & set(country_like_states.values()):
        # a story naming Florida makes Georgia the state, unless it names a city of the country Georgia too
        us_state_codes.add(ANY_US_STATE)
    seen: dict[str, Entity] = {}
    for block, cand in found:
        unit_country = (
            unit_country_of(block, cand, article_country_counts) if cand.area_word or cand.area_before else None
        )
        place = resolve_candidate(
            block.text[cand.start : cand.end], cand, article_countries, us_state_codes, unit_country
        )
        if place is None:
            continue
        start, end = _trim(block.doc, cand.start, cand.end)
        a_start, a_end = block.offset + start, block.offset + end
        written = parsed.text[a_start:a_end]
        unit_phrase = ""
        if (cand.area_before or cand.area_word and place.geonames_id is None) and place.name != written:
            at = written.find(place.name)
            if at >= 0:  # "Cotopaxi" of "province of Cotopaxi": the mention is the name, the phrase an alias
                unit_phrase, a_start = written, a_start + at
                a_end, written = a_start + len(place.name), place.name
        entity = seen.setdefault(
            place.place_id,
            Entity(
                key=place.place_id,
                name=place.name,
                type=place.type,
                country_code=place.country_code,
                latitude=place.latitude,
                longitude=place.longitude,
                geonames_id=place.geonames_id,
            ),
        )
        entity.aliases.add(written)
        if unit_phrase:
            entity.aliases.add(unit_phrase)
        result.place_mentions.append(Mention(place.place_id, written, a_start, a_end, block.zone))
    result.places.extend(seen.values())


# --- one row per place across the corpus ---------------------------------------------------------------------


def _display_form(written: str) -> str:
    """'JAKARTA' (a dateline) -> 'Jakarta'; other forms as written."""
    return written.title() if written.isupper() and len(written) > 3 else written


def _is_name_of(written: str, place: Entity) -> bool:
    """True when a written form may stand as the name of the place: for a city, a spelling the gazetteer lists
    for that very city ('Misrata' for Misratah, not 'Hague' for The Hague)."""
    if place.type != "city" or place.geonames_id is None:
        return True
    return any(c["geonameid"] == place.geonames_id for c in _cities().get(fold(written), []))


def resolve_places(extractions: list[ArticleExtraction]) -> list[dict]:
    """One row per place across the corpus; the place_id is already corpus-wide.

    Countries and curated regions keep their canonical name; cities and 'northern Israel' style regions take
    the form the articles write most often ('Misrata', not GeoNames' 'Misratah'), the gazetteer name breaking ties.
    """
    merged: dict[str, Entity] = {}
    forms: dict[str, Counter] = {}
    for ex in extractions:
        for ent in ex.places:
            cur = merged.setdefault(ent.key, ent)
            cur.aliases |= ent.aliases
        for m in ex.place_mentions:
            forms.setdefault(m.key, Counter())[_display_form(m.text)] += 1
    rows = []
    for key, e in sorted(merged.items()):
        name = e.name
        is_curated = fold(e.name) in _regions() or e.type == "country" or e.geonames_id and e.type == "region"
        counts = Counter({f: n for f, n in forms.get(key, Counter()).items() if _is_name_of(f, e)})
        if not is_curated and counts:
            name = max(counts, key=lambda f: (counts[f], f == e.name))
        rows.append(
            {
                "place_id": key,
                "name": name,
                "type": e.type,
                "country_code": e.country_code,
                "latitude": e.latitude,
                "longitude": e.longitude,
                "geonames_id": e.geonames_id,
                "aliases": " | ".join(sorted(a for a in e.aliases if a != name)),
            }
        )
    return rows
