"""Types shared by the extractors. Each extractor reads a ParsedArticle and returns these."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tidynews.extract.rules import NULL_TRACE, Trace


@dataclass
class Entity:
    """One actor or place as seen in one article; `key` is unique within that article."""

    key: str
    name: str
    type: str
    role: str = ""
    country_code: str = ""
    aliases: set[str] = field(default_factory=set)
    # places only
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


@dataclass
class Mention:
    """Where an entity is named: article offsets, the surface text, and the zone it is in."""

    key: str
    text: str
    start: int
    end: int
    zone: str
    rule: str = ""  # id of the rule that found this mention (tidynews.extract.rules)


@dataclass
class Statement:
    speaker: str
    quote: str
    kind: str
    cue: str
    start: int
    end: int
    speaker_key: str = ""  # key of an actor Entity of the same article, when the speaker is one
    addressee: str = ""
    rule: str = ""  # id of the rule that found this statement (tidynews.extract.rules)
    zone: str = "body"  # the part of the article it is in: headline, standfirst or body


@dataclass
class Figure:
    value: float
    text: str
    qualifier: str
    start: int
    end: int
    unit: str = ""
    counts: str = ""
    event: str = ""
    rule: str = ""  # id of the rule that found this figure (tidynews.extract.rules)


@dataclass
class ArticleExtraction:
    article_id: str
    actors: list[Entity] = field(default_factory=list)
    actor_mentions: list[Mention] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    place_mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # What the rules considered and decided (tidynews explain); a build records nothing.
    trace: Trace = field(default_factory=lambda: NULL_TRACE, repr=False, compare=False)


def slugify(name: str) -> str:
    """An id-safe form of a name: 'Yoav Gallant' -> 'yoav-gallant', 'Côte d’Ivoire' -> 'cote-d-ivoire'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"
