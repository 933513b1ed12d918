"""Actors' vocabulary: the curated tables and word lists, loaded once, and the lookups built on them.

Owns: `data/actor_words.csv` (every word list the actor rules use, one `list` per concept: organisation heads,
legal suffixes, state bodies, cue nouns, ...), `data/actor_organisations.csv` (well-known organisations, their
aliases and types), `data/actor_not_actors.csv` (events, diseases, holidays spaCy tags as organisations), the
GeoNames city lists the
actor rules consult. Each data file has a Table Schema beside it (`<name>.schema.json`). Titles and honorifics
live in `tidynews.extract.titles`, shared with the statements extractor.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from tidynews.extract.countries import country_or_demonym_code, geonames_countries
from tidynews.extract.titles import honorifics_before_surname
from tidynews.paths import DATA_DIR

PERSON, ORG = "person", "org"
POSSESSIVE = ("'s", "’s", "'", "’")
QUOTE_CHARS = '"“”‘«»'


@lru_cache(maxsize=1)
def _word_rows() -> tuple[dict, ...]:
    with open(DATA_DIR / "actor_words.csv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def word_list(name: str) -> frozenset[str]:
    """The words of one list of data/actor_words.csv ("government_head", "cue_noun", ...)."""
    words = frozenset(row["word"] for row in _word_rows() if row["list"] == name)
    if not words:
        raise ValueError(f"data/actor_words.csv has no list {name!r}")
    return words


def word_map(name: str) -> dict[str, str]:
    """word -> value of one list of data/actor_words.csv ("spelling": "defence" -> "defense")."""
    return {row["word"]: row["value"] for row in _word_rows() if row["list"] == name}


# Last words that make a name an organisation whatever spaCy says ("the Prince's Carlow Regiment").
GOVERNMENT_HEADS = word_list("government_head")
ORG_HEADS = GOVERNMENT_HEADS | word_list("organisation_head")
# Company legal forms written after the name: "Globex Inc.", "Siemens AG" (compared lower-case, without dots).
LEGAL_SUFFIXES = word_list("legal_suffix")
# Trailing words of a company name that its short form drops: "Acme Holdings" is written "Acme".
COMPANY_TAIL_WORDS = word_list("company_tail")
# Names that are agreements, laws, events or places, not actors ("Convention on the Rights of the Child").
NON_ACTOR_HEADS = word_list("non_actor_head")
# "the campaign group Open Fields": a name right after one of these nouns is an organisation's.
ORG_NOUNS_BEFORE_NAME = word_list("org_noun_before_name")
# Last words that make even a GPE-tagged name an organisation: "Gaza Health Ministry", "Misrata Police".
GPE_ORG_HEADS = word_list("gpe_org_head")
PLACE_NOUNS = word_list("place_noun")
TRADE_WORDS = word_list("trade_word")
# Nouns that make "<country> <noun>" a government actor: "the French government", "U.S. navy".
STATE_BODIES = word_list("state_body")
STOP_BEFORE_TITLE = word_list("stop_before_title")
ROLE_LINKS = word_list("role_link")
SUPERLATIVE_WORDS = word_list("superlative")
AREA_KIND_WORDS = word_list("area_kind")
LOCAL_BODY_WORDS = word_list("local_body_word")
LOWERCASE_INSTITUTION_HEADS = word_list("lowercase_institution_head")
GENERIC_MODIFIERS = word_list("generic_modifier")
# Words before "ministry" that do not name one: "the same ministry", "the new ministry".
MINISTRY_NON_NAMES = GENERIC_MODIFIERS | word_list("ministry_non_name")
# Possessors that stand for the country the article is about: "the country's health ministry".
COUNTRY_POSSESSORS = word_list("country_possessor")
CUE_NOUNS = word_list("cue_noun")
CUE_LINKS = word_list("cue_link")
GENERIC_ORG_WORDS = word_list("generic_org_word")
LEADING_FUNCTION_WORDS = word_list("leading_function_word")
SPELLING = word_map("spelling")
HONORIFICS_BEFORE_NAME = honorifics_before_surname()

ARMED_GROUP_CUES = re.compile(
    r"\b(militias?|militants?|rebels?|insurgents?|jihad|mujahideen|liberation (?:army|front)|"
    r"martyrs|brigades|guerrillas?|paramilitar(?:y|ies))\b",
    re.IGNORECASE,
)
MEDIA_CUES = re.compile(
    r"\b(news|times|post|journal|gazette|herald|tribune|telegraph|chronicle|radio|tv|television|"
    r"broadcast\w*|press|newspaper|magazine|wire)\b",
    re.IGNORECASE,
)
GOVERNMENT_CUES = re.compile(
    r"\b(" + "|".join(sorted(GOVERNMENT_HEADS - {"house", "executive"})) + r"|white house)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class KnownOrg:
    name: str
    type: str
    country_code: str


@lru_cache(maxsize=1)
def known_organisations() -> dict[str, KnownOrg]:
    """Every name and alias in data/actor_organisations.csv (exact case) -> the organisation."""
    table: dict[str, KnownOrg] = {}
    with open(DATA_DIR / "actor_organisations.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            org = KnownOrg(row["name"], row["type"], row["country_code"])
            for n in [row["name"], *filter(None, row["aliases"].split("|"))]:
                table[n.strip()] = org
    return table


@lru_cache(maxsize=1)
def _demonym_rows() -> list[dict]:
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def group_words() -> set[str]:
    """Religious, ethnic and bloc words that are never actors on their own ("Shiite", "Yazidi")."""
    return {row["word"].lower() for row in _demonym_rows() if row["kind"] == "group"}


@lru_cache(maxsize=1)
def not_actor_names() -> set[str]:
    """Names of events, diseases, holidays and laws that spaCy tags ORG or PERSON (data/actor_not_actors.csv)."""
    with open(DATA_DIR / "actor_not_actors.csv", encoding="utf-8", newline="") as f:
        return {row["word"].lower() for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def capital_countries() -> dict[str, str]:
    """Capital city name -> ISO code (GeoNames country table): "Lima" -> "PE"."""
    return {c["capital"]: code for code, c in geonames_countries().items() if c["capital"]}


@lru_cache(maxsize=4096)
def is_place_word(word: str) -> bool:
    """A word that names a place when it leads an organisation's name: a country or nationality ("Kenya"),
    a gazetteer place ("Victoria", "Queensland"), or a short upper-case place abbreviation ("NSW", "QLD").

    Example: "NSW" of "NSW Rural Fire Service" -> True; "Rural" -> False."""
    from tidynews.extract.places import resolve_place  # places imports nothing of actors; lazy for start-up time

    if country_or_demonym_code(word):
        return True
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 4:
        return True
    return word[:1].isupper() and resolve_place(word) is not None
