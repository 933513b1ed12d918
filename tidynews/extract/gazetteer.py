"""The gazetteer of the place rules: what a name may be, and which place it is.

Owns: the `Place` record and its ids, the word lists of the place rules (data/place_words.csv), the curated tables
(data/regions.csv, place_ambiguous_names.csv, place_us_state_abbreviations.csv), GeoNames cities and US states, and
`resolve_place`, which turns a name (and what the text says around it) into one place.

How a name resolves, in order: curated regions (`data/regions.csv`), countries (`countries.country_code`), a city
of at least 500,000 people, US states, other cities (the most populous of that name unless the text or the article
points to another), "northern Israel" style regions of a country, and natural features. Determiners, quantifiers
and possessives are not part of a name.

Ids: ISO alpha-2 in lower case for countries ("us"), ISO 3166-2 for US states ("us-tx"), slug(name)-cc for
cities and regions of one country ("tel-aviv-il", "northern-israel-il"; a smaller namesake city in the same
country adds its GeoNames id), slug(name) for places of no single country ("middle-east").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from tidynews.extract import geonames_index as geo
from tidynews.extract.common import slugify
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

PLACE_LABELS = {"GPE", "LOC"}
# Labels spaCy sometimes gives to a country acting as a subject ("Israel said"): kept only on an exact match.
COUNTRY_ONLY_LABELS = {"ORG", "FAC", "NORP", "PRODUCT"}
# Labels spaCy gives to natural features it does not know ("Taebaek Range" as PERSON): kept when the name ends
# in a feature word.
FEATURE_LABELS = {"PERSON", "ORG", "FAC", "NORP"}


def _word_list(name: str) -> frozenset[str]:
    """One list of data/place_words.csv (see its schema): the words the place rules read."""
    return frozenset(r["word"] for r in _PLACE_WORDS if r["list"] == name)


_PLACE_WORDS = read_data_csv("place_words.csv")
DIRECTIONS = _word_list("direction")  # 'northern Israel' is a region of Israel
FEATURE_WORDS = _word_list("feature")  # 'Taebaek Range': a natural feature
SURNAME_FEATURE_WORDS = _word_list("surname_feature")  # 'Michael Bay': a PERSON ending in it is no feature
AREA_WORDS = _word_list("area")  # 'Borno State': an administrative area
LOCATIVE_PREPOSITIONS = _word_list("locative")  # 'flew to Dakar'
FUNCTION_WORDS = _word_list("function")  # 'Isle of Man'
AREA_AFTER = _word_list("area_after")  # 'the Donetsk region'
UNIT_DESCRIPTIONS = _word_list("unit_description")  # 'the Northern region' describes, does not name
CIVIC_WORDS = _word_list("civic")  # 'Brackley Police': an institution named after its town
CONTINENT_ADJECTIVES = _word_list("continent_adjective")  # 'the African Union': Africa
DONOR_BUILDINGS = _word_list("donor_building")  # 'the Omani Hospital' stands in another country
UNIT_KIND_WORDS = AREA_WORDS | {"parish", "borough", "township", "municipality"}
MIN_CITY_OVER_STATE = 500_000  # a city this big wins over a US state of the same name ("New York", "Washington")
ANY_US_STATE = "*"  # in us_state_codes: the story is about US states ("Florida and Georgia")
MIN_MISLABELLED_CITY = 100_000  # a PERSON/ORG-tagged name after 'in'/'to' counts as a city from this size
MIN_UNANCHORED_CITY = 100_000  # a smaller town counts only in a country the article names
MIN_WORLD_CITY = 1_000_000  # a name this big is the world city even in a story set in a state with a namesake
# a city smaller than this share of a same-named division's people yields to it ('Ontario', not Ontario, California;
# 'Beijing' the city, not the municipality)
CITY_SHARE_OF_DIVISION = 0.1
# a second-level division's people are summed from the towns joined to it by point, often a whole metro area: a
# same-named city this big is the place a bare name means ('Cambridge' the city, not a district of that name)
MIN_CITY_OVER_DISTRICT = 100_000
MIN_UNANCHORED_DIVISION = 1_000_000  # a division of a country the story does not name counts from this size
# a smaller namesake in a country the article names must have this share of the largest's people
OTHER_CITY_SHARE = 0.02


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
def curated_regions() -> dict[str, Place]:
    """Curated regions, seas and territories (data/regions.csv), by every name and alias."""
    table: dict[str, Place] = {}
    for row in read_data_csv("regions.csv"):
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        division = _division_of(names, row["country_code"]) if not row["geonames_id"] else None
        place = Place(
            place_id=place_id_for(row["name"], row["country_code"]),
            name=row["name"],
            type=row["type"],
            country_code=row["country_code"],
            latitude=division.latitude if division else float(row["latitude"]) if row["latitude"] else None,
            longitude=division.longitude if division else float(row["longitude"]) if row["longitude"] else None,
            geonames_id=division.geonames_id if division else int(row["geonames_id"]) if row["geonames_id"] else None,
        )
        for n in names:
            table[fold(n)] = place
    return table


def _division_of(names: list[str], code: str) -> geo.GeoRow | None:
    """The GeoNames first-level division of this country a curated region is ('Ontario', 'Tamil Nadu'), for its
    GeoNames id and point; None for regions of no country or that are no division ('Middle East', 'Siberia')."""
    if not code:
        return None
    for name in names:
        for entry in geo.entries(fold(name), ("admin1",)):
            if entry.country_code == code and entry.geonames_id:
                return entry
    return None


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    return frozenset(fold(r["name"]) for r in read_data_csv("place_ambiguous_names.csv"))


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """AP-style state abbreviations ('Mo.', 'N.Y.') -> state code; used only after a city and a comma."""
    return {r["abbreviation"]: r["state_code"] for r in read_data_csv("place_us_state_abbreviations.csv")}


@lru_cache(maxsize=1)
def us_states() -> dict[str, dict]:
    """US states (and DC) by folded name: code, name, GeoNames id and the point of the GeoNames index."""
    points = {r.admin1: r for r in geo.entries_of_kind("admin1") if r.country_code == "US"}
    table = {}
    for s in geonames().get_us_states().values():
        point = points.get(s["code"])
        table[fold(s["name"])] = {
            **s,
            "latitude": point.latitude if point else None,
            "longitude": point.longitude if point else None,
        }
    return table


def state_by_code(code: str) -> Place:
    """The place of a US state by its two-letter code ('KY')."""
    return state_place(next(s for s in us_states().values() if s["code"] == code))


def _city_dict(r: geo.GeoRow) -> dict:
    return {
        "name": r.name,
        "countrycode": r.country_code,
        "admin1code": r.admin1,
        "population": r.population,
        "geonameid": r.geonames_id,
        "latitude": r.latitude,
        "longitude": r.longitude,
    }


@lru_cache(maxsize=65536)
def _cities_of(key: str) -> tuple[dict, ...]:
    return tuple(_city_dict(r) for r in geo.entries(key, ("city",)))


class _CityTable:
    """Folded city name (or spelling) -> every town of 1,000 people or more of that name, most populous first."""

    def get(self, key: str, default: list | None = None) -> list[dict] | None:
        found = _cities_of(key)
        return list(found) if found else default

    def __contains__(self, key: str) -> bool:
        return bool(_cities_of(key))


_CITY_TABLE = _CityTable()


def cities_named() -> _CityTable:
    """City name (and its spellings in Latin script) -> every city of that name, most populous first."""
    return _CITY_TABLE


def country_place(code: str) -> Place:
    """The place row of a country: canonical short name, GeoNames id and a point (`geonames_index._country_points`)."""
    info = geonames_countries().get(code, {})
    point = geo.country_row(code)
    return Place(
        place_id=code.lower(),
        name=country_name(code),
        type="country",
        country_code=code,
        latitude=point.latitude if point else None,
        longitude=point.longitude if point else None,
        geonames_id=info.get("geonameid"),
    )


def city_place(city: dict) -> Place:
    """A city of the gazetteer. Its id is slug(name)-cc; a smaller namesake in the same country (Springfield,
    Illinois beside Springfield, Missouri) adds its GeoNames id so that ids stay unique."""
    place_id = place_id_for(city["name"], city["countrycode"])
    namesakes = [c for c in cities_named().get(fold(city["name"]), []) if c["countrycode"] == city["countrycode"]]
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
        latitude=state.get("latitude"),
        longitude=state.get("longitude"),
        geonames_id=state["geonameid"],
        admin1=state["code"],
    )


def division_place(r: geo.GeoRow) -> Place:
    """A first- or second-level division ('Ontario', 'Tamil Nadu', 'Laurel County'): a region with the point of
    the GeoNames index. A county's id carries its state ('laurel-county-us-ky'), as many states have one."""
    if r.country_code == "US" and r.kind == "admin1" and fold(r.name) in us_states():
        return state_place(us_states()[fold(r.name)])
    suffix = f"-{r.admin1.lower()}" if r.kind == "admin2" and r.admin1 else ""
    return Place(
        place_id=place_id_for(r.name, r.country_code) + suffix,
        name=r.name,
        type="region",
        country_code=r.country_code,
        latitude=r.latitude,
        longitude=r.longitude,
        geonames_id=r.geonames_id,
        admin1=r.admin1 if r.country_code == "US" else "",
    )


def pick_division(
    key: str, hints: list[Place], article_countries: set[str] | None, us_state_codes: set[str] | None
) -> geo.GeoRow | None:
    """The division of this name meant: one inside the state or country named after it, else in a state or
    country the article names, else the most populous."""
    found = geo.entries(key, ("admin1", "admin2"))
    if not found or key in _description_keys():
        return None
    for area in hints:
        inside = [
            r for r in found if r.country_code == area.country_code and (not area.admin1 or r.admin1 == area.admin1)
        ]
        if inside:
            return inside[0]
    if us_state_codes:
        inside = [r for r in found if r.country_code == "US" and r.admin1 in us_state_codes]
        if inside:
            return inside[0]
    if article_countries:
        inside = [r for r in found if r.country_code in article_countries]
        if inside:
            return inside[0]
    # a division of a country the story never names must be a big one ('Tamil Nadu'), not the 'Gulf' province of
    # a far country for 'the Gulf region'
    return found[0] if found[0].population >= MIN_UNANCHORED_DIVISION or _names_a_unit(key) else None


def resolve_country(name: str) -> str | None:
    """ISO alpha-2 code of a country name, or None (see `countries.country_code`)."""
    return country_code(name) or None


NEARBY_KM = 80  # a namesake this close to a reading of another name of the story lies near it


class StoryMap:
    """The towns an article names, as first read (the most populous namesake unless the text says otherwise), on a
    one-degree grid: which namesake of another town lies near them (a 'Gainesville' in a story that places
    its other towns in Denton and Sherman is the Texas town)."""

    def __init__(self, towns: Iterable[tuple[str, float, float]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for key, lat, lon in set(towns):
            self.cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, key))

    def names_near(self, latitude: float, longitude: float, key: str) -> int:
        """How many other names of the story have a reading within NEARBY_KM of this point."""
        lat0, lon0 = math.floor(latitude), math.floor(longitude)
        near: set[str] = set()
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for lat, lon, other in self.cells.get((lat0 + dlat, lon0 + dlon), ()):
                    if other != key and other not in near and _km(latitude, longitude, lat, lon) < NEARBY_KM:
                        near.add(other)
        return len(near)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def nearest_namesake(name: str, place: Place, story_map: StoryMap) -> Place | None:
    """The namesake of a town or county that lies near more of the story's other places than the one chosen, or
    None when the chosen one is as near as any (a world city needs two other names near its namesake)."""
    key = fold(clean_place_text(name))
    kind = "city" if place.type == "city" else "admin2"
    namesakes = [r for r in geo.entries(key, (kind,)) if r.latitude is not None and r.longitude is not None]
    if len(namesakes) < 2 or place.latitude is None or place.longitude is None:
        return None
    chosen = next((r for r in namesakes if r.geonames_id == place.geonames_id), None)
    if chosen is None:
        return None
    support = story_map.names_near(chosen.latitude, chosen.longitude, key)
    best, best_support = chosen, support
    for r in namesakes:
        n = story_map.names_near(r.latitude, r.longitude, key)
        if n > best_support:
            best, best_support = r, n
    if best is chosen or (chosen.population >= MIN_WORLD_CITY and best_support < 2):
        return None
    return city_place(_city_dict(best)) if kind == "city" else division_place(best)


COUNTY_TOWN_KM = 50  # a town lies in a county whose middle is this close (a county is some 30-80 km across)


def county_town_readings(
    town_keys: Iterable[str], county_keys: Iterable[str], states: set[str] | None = None
) -> dict[str, geo.GeoRow]:
    """The readings of a story's towns and counties that lie together: a 'Paris' of a story that names 'Henry
    County' is the Paris lying in a Henry County (Tennessee), and that county is the Tennessee one. Folded name ->
    its one reading paired so; names with no pair, or with several readings paired, are left out. When the story
    names US states (`states`), only US counties of those states count."""
    paired: dict[str, set[int]] = {}
    towns_of = {k: [r for r in geo.entries(k, ("city",)) if r.latitude is not None] for k in set(town_keys)}
    for county_key in set(county_keys):
        counties = [
            r
            for r in geo.entries(county_key, ("admin2",))
            if r.latitude is not None and not (states and r.country_code == "US" and r.admin1 not in states)
        ]
        for town_key, towns in towns_of.items():
            if town_key == county_key or len(towns) < 2 and len(counties) < 2:
                continue  # one reading of each: nothing to choose
            for town in towns:
                for county in counties:
                    if _km(town.latitude, town.longitude, county.latitude, county.longitude) < COUNTY_TOWN_KM:
                        paired.setdefault(town_key, set()).add(town.row)
                        paired.setdefault(county_key, set()).add(county.row)
    return {key: geo.row(next(iter(rows))) for key, rows in paired.items() if len(rows) == 1}


def place_of_reading(r: geo.GeoRow) -> Place:
    """The place of one index entry: a town or a division."""
    return city_place(_city_dict(r)) if r.kind == "city" else division_place(r)


def town_near_the_story(name: str, story_map: StoryMap, not_in: str = "") -> Place | None:
    """The town of this name (outside country `not_in`) lying near most of the story's other towns; None when no
    town of the name lies near any of them."""
    key = fold(clean_place_text(name))
    best, best_support = None, 0
    for r in geo.entries(key, ("city",)):
        if r.country_code == not_in or r.latitude is None or r.longitude is None:
            continue
        n = story_map.names_near(r.latitude, r.longitude, key)
        if n > best_support:
            best, best_support = r, n
    return city_place(_city_dict(best)) if best is not None else None


def _cities_inside(cities: list[dict], area: Place) -> list[dict]:
    if area.type == "region" and area.country_code == "US" and area.admin1:
        return [c for c in cities if c["countrycode"] == "US" and c.get("admin1code") == area.admin1]
    return [c for c in cities if c["countrycode"] == area.country_code]


@lru_cache(maxsize=1)
def province_abbreviations() -> dict[str, Place]:
    """Abbreviations of Canadian provinces and Australian states ('B.C.', 'Ont.', 'NSW';
    data/place_province_abbreviations.csv) -> the province or state."""
    table = {}
    for r in read_data_csv("place_province_abbreviations.csv"):
        place = resolve_place(r["name"])
        if place is not None and place.country_code == r["country_code"]:
            table[r["abbreviation"]] = place
    return table


def hint_places(hint_text: str) -> list[Place]:
    """What the name after a comma may be: 'Georgia' is the US state for 'Atlanta, Georgia', the country for
    'Tbilisi, Georgia', so both readings are offered, the state first."""
    if not hint_text:
        return []
    abbreviated = state_abbreviations().get(hint_text.strip())
    if abbreviated:
        return [state_place(geonames().get_us_states()[abbreviated])]
    province = province_abbreviations().get(hint_text.strip())
    if province is not None:
        return [province]  # 'Sarnia, Ont.'
    readings = []
    state = us_states().get(fold(clean_place_text(hint_text)))
    if state:
        readings.append(state_place(state))
    place = resolve_place(hint_text)
    if place is not None and place.type in {"country", "region"}:
        readings.append(place)
    return readings


def _pick_city(
    cities: list[dict],
    hints: list[Place],
    article_countries: set[str] | None,
    after_locative: bool = False,
    us_state_codes: set[str] | None = None,
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
    foreign_unnamed = article_countries is not None and largest["countrycode"] not in article_countries
    if us_state_codes and (largest["population"] < MIN_WORLD_CITY or foreign_unnamed):
        # a Kentucky story's 'Richmond' is the Kentucky town, unless the name is a world city's
        in_states = [c for c in cities if c["countrycode"] == "US" and c.get("admin1code") in us_state_codes]
        if in_states:
            return in_states[0]
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


def _directional_region(
    name: str, hints: list[Place], article_countries: set[str] | None, us_state_codes: set[str] | None = None
) -> Place | None:
    """'northern Israel', 'eastern Congo', 'north-east Nigeria' -> a region of that country, named as written.

    The direction word is kept lower case so 'Northern Israel' at the start of a sentence is the same region.
    """
    first, _, rest = name.partition(" ")
    if fold(first) not in DIRECTIONS or not rest:
        return None
    # 'north Georgia' in a story about US states is a part of the state, as 'Georgia' alone would be
    base = resolve_place(rest, hints=hints, article_countries=article_countries, us_state_codes=us_state_codes)
    if base is None:
        return None
    written = f"{first.lower()} {base.name if rest.isupper() else rest}"
    # the point of the place it is part of: GeoNames has no entry for 'northern Israel', and the whole's point
    # is nearer the part than none (its GeoNames id stays empty: it is not that place)
    return Place(
        place_id=place_id_for(written, base.country_code), name=written, type="region", country_code=base.country_code,
        latitude=base.latitude, longitude=base.longitude,
    )  # fmt: skip


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
    region = curated_regions().get(key)
    if region:
        return region
    code = country_names().get(key)
    if code:
        for area in hints:
            in_state = _cities_inside(cities_named().get(key, []), area) if area.admin1 else []
            if in_state:
                return city_place(in_state[0])  # "Lebanon, Pa.": the town the text places in a US state
        state_code = us_states().get(key, {}).get("code")
        us_story = bool(us_state_codes) and article_countries is not None and article_countries <= {"US"}
        if (
            state_code
            and us_state_codes
            and (state_code in us_state_codes or ANY_US_STATE in us_state_codes or us_story)
        ):
            return state_place(us_states()[key])  # "Atlanta, Georgia": the state, not the country
        in_story_states = [
            c
            for c in cities_named().get(key, [])
            if c["countrycode"] == "US" and c["admin1code"] in (us_state_codes or ())
        ]
        if us_story and in_story_states:
            return city_place(in_story_states[0])  # 'Palestine' in a Texas story: the Texas town
        return country_place(code)
    cities = cities_named().get(key) or cities_named().get(fold(POSSESSIVE.sub("", name.strip())), [])  # "The Hague"
    state = us_states().get(key) or us_states().get(re.sub(r" state$", "", key))
    if state and (
        key.endswith(" state")
        or not cities
        or cities[0]["population"] < MIN_CITY_OVER_STATE
        or (fold(cities[0]["name"]) != key and cities[0]["population"] < MIN_WORLD_CITY)
    ):
        return state_place(state)  # 'Oklahoma' is the state; Oklahoma City, not a world city, is called in full
    division = pick_division(key, hints, article_countries, us_state_codes)
    if division is not None and division.kind == "admin1" and division.country_code == "US":
        division = None  # US states are read above, with their namesake cities
    if division is not None and (
        not cities
        or (
            cities[0]["population"] < CITY_SHARE_OF_DIVISION * division.population
            and not (division.kind == "admin2" and cities[0]["population"] >= MIN_CITY_OVER_DISTRICT)
        )
        or _names_a_unit(key)
    ):
        return division_place(division)  # 'Ontario', 'Tamil Nadu', 'Laurel County'
    if cities:
        city = _pick_city(cities, hints, article_countries, after_locative, us_state_codes)
        if city is not None:
            return city_place(city)
    if division is not None and after_locative:
        return division_place(division)
    return _directional_region(key_text, hints, article_countries, us_state_codes) or _natural_feature(key_text, hints)


@lru_cache(maxsize=1)
def _description_keys() -> frozenset[str]:
    return frozenset(fold(w) for w in UNIT_DESCRIPTIONS)


def _names_a_unit(key: str) -> bool:
    """'laurel county', 'orleans parish': the name says it is a division."""
    return key.rsplit(" ", 1)[-1] in UNIT_KIND_WORDS


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
    if not name or not name[0].isupper() or resolve_country(name) or fold(name) in ambiguous_names():
        return None
    if any(w in _unit_non_names() for w in name.split()):
        return None  # "the Kurdish region", "the Northern region": a description, not a unit's name
    return Place(place_id_for(name, country_code), name, "region", country_code)


def ends_in_feature_word(text: str, label: str = "") -> bool:
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
    # From the index's columns, not a GeoRow per town: every worker process pays for this once, and making 170,000
    # rows (and folding each name) took a second of its start-up. A capital is found by its folded name, which
    # the index lists every town under.
    c = geo.index()
    city = geo.KINDS.index("city")
    names = {fold(c["name"][n]) for n, pop in enumerate(c["pop"]) if pop >= 1_000_000 and c["kind"][n] == city}
    names |= {
        key
        for code, key in capitals
        if any(c["kind"][n] == city and c["cc"][n] == code and fold(c["name"][n]) == key for n in geo.rows_named(key))
    }
    return frozenset(names - ambiguous_names())


def is_big_city(text: str, population: int) -> bool:
    """True for an unambiguous city name whose largest bearer has at least `population` people."""
    key = fold(clean_place_text(text))
    cities = cities_named().get(key)
    return bool(cities) and cities[0]["population"] >= population and key not in ambiguous_names()


def lexicon_kind(text: str) -> str | None:
    """'country', 'region' or 'city' for a name the scan may take, also after a direction word ('northern Chad')."""
    key = fold(clean_place_text(text))
    first, _, rest = key.partition(" ")
    if first in DIRECTIONS and rest and key not in curated_regions() and key not in country_names():
        key = rest
    if key in curated_regions():
        return "region"
    if key in country_names():
        return "country"
    if key in _major_cities():
        return "city"
    return None
