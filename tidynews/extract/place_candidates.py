"""Finding the names that may be places: the candidate finders of the places extractor.

Each finder is a registered rule (tidynews.extract.rules) that proposes `Candidate`s, stretches of a parsed block
with how they were found (`source`, mapped to a rule id by RULE_OF_SOURCE) and what the text says around them (a
place after a comma, an area word, a locative word before). tidynews.extract.places decides which of them are
places and resolves them; tidynews.extract.gazetteer says which place a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidynews.extract import geonames_index as geo
from tidynews.extract.countries import (
    POSSESSIVE,
    clean_place_text,
    country_adjectives,
    fold,
)
from tidynews.extract.datelines import read_dateline
from tidynews.extract.gazetteer import (
    AREA_AFTER,
    CIVIC_WORDS,
    CONTINENT_ADJECTIVES,
    COUNTRY_ONLY_LABELS,
    DIRECTIONS,
    DONOR_BUILDINGS,
    FEATURE_LABELS,
    FUNCTION_WORDS,
    LOCATIVE_PREPOSITIONS,
    PLACE_LABELS,
    Place,
    _names_a_unit,
    ambiguous_names,
    cities_named,
    curated_regions,
    ends_in_feature_word,
    is_big_city,
    lexicon_kind,
    province_abbreviations,
    resolve_place,
    state_abbreviations,
    us_states,
)
from tidynews.extract.rules import register_rule

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
    name_goes_on: bool = False  # a capitalised proper noun right after it: 'Aung San' of 'Aung San Suu Kyi'
    names_a_body: bool = False  # a team's plural or a town body's word right after it: 'Buffalo' of 'Buffalo Bisons'


# How a candidate was found (Candidate.source), and so what it may resolve to; the rule id its mentions carry.
RULE_OF_SOURCE = {
    "entity": "places.entity",
    "exact": "places.exact_name",
    "person": "places.person_city",
    "feature": "places.feature",
    "scan": "places.lexicon_scan",
    "dateline": "places.dateline",
    "unit_of": "places.unit_of",
    "embedded": "places.embedded",
    "abbreviation": "places.state_abbreviation",
    "embedded_town": "places.embedded_town",
    "demonym": "places.embedded_demonym",
    "story_town": "places.embedded_story_town",
}


@register_rule("places.entity")
def is_place_entity(ent: Span) -> bool:
    """A spaCy GPE/LOC entity: a place if the gazetteer knows it or the text places it ("Bint Jbeil, Lebanon").

    Example: Talks in Lagos, Nigeria ended on Friday.
    """
    return ent.label_ in PLACE_LABELS


@register_rule("places.feature")
def is_feature_entity(ent: Span) -> bool:
    """A spaCy PERSON/ORG/FAC/NORP entity ending in a feature word: a natural feature ('Taebaek Range').

    Example: Climbers set out for Kellan Glacier at dawn.
    """
    return ent.label_ in FEATURE_LABELS and ends_in_feature_word(ent.text, ent.label_)


@register_rule("places.exact_name")
def is_exact_name_entity(ent: Span) -> bool:
    """A spaCy ORG/FAC/NORP/PRODUCT entity whose whole text is a country or curated region ('Israel said'), or a
    city of 100,000 people after 'in', 'to'... ('from Kursk').

    Example: The minister flew home from Kursk on Friday.
    """
    return ent.label_ in COUNTRY_ONLY_LABELS


@register_rule("places.person_city")
def is_person_entity(ent: Span) -> bool:
    """A spaCy PERSON entity whose whole text is a city of 100,000 people after 'in', 'to'... ('flew to Dakar').

    Example: The minister flew to Dakar on Tuesday.
    """
    return ent.label_ == "PERSON"


# In this order: the first that holds gives the source of an entity's candidate.
ENTITY_SOURCES = (
    ("entity", is_place_entity),
    ("feature", is_feature_entity),
    ("exact", is_exact_name_entity),
    ("person", is_person_entity),
)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Offsets of the cleaned name inside doc.text[start:end] (no determiner, possessive or punctuation)."""
    text = doc.text[start:end]
    cleaned = clean_place_text(text)
    with_article = POSSESSIVE.sub("", text.strip())
    if fold(cleaned) not in cities_named() and fold(with_article) in cities_named():
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
        else:
            nxt = _abbreviation_at(doc, ent.end + 1)  # "Ferguson, Mo.", "Sarnia, Ont."
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
        source = next((name for name, holds in ENTITY_SOURCES if holds(ent)), None)
        if source is None:
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
            goes_on = ent.end < len(doc) and doc[ent.end].pos_ == "PROPN" and doc[ent.end].text[:1].isupper()
            out.append(
                Candidate(
                    start, end, source, nxt.strip(), prev.strip(), area.text if area and last else "",
                    _after_locative(doc, ent), name_goes_on=goes_on,
                )
            )  # fmt: skip
    return out


def _is_capitalised_name(tokens: Span) -> bool:
    words = [t for t in tokens if t.is_alpha or "." in t.text]
    return bool(words) and all(t.text[0].isupper() or t.lower_ in FUNCTION_WORDS for t in words)


@register_rule("places.lexicon_scan")
def scan_candidates(doc: Doc) -> list[Candidate]:
    """Places spaCy did not tag: capitalised words outside every entity naming a country, a curated region of
    two words or more, or a major city (a capital or a city of a million people).

    A city, or a name that is also a first name or a common word (data/place_ambiguous_names.csv), needs a
    locative word before it ("into Chad"), and a name followed or preceded by another capitalised name
    ('Jordan Peterson', 'Bank of China') is skipped. All-capital blocks are not scanned: 'US' there is also the
    pronoun.
    Example: Rains hit Papua New Guinea.
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
            kind = lexicon_kind(span.text)
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
            needs_locative = kind == "city" or fold(clean_place_text(span.text)) in ambiguous_names()
            if needs_locative and not _after_locative(doc, span):
                continue
            end = area.idx + len(area.text) if area is not None else span.end_char
            out.append(Candidate(_extend_direction(doc, span), end, "scan", area_word=area.text if area else ""))
            i += n - 1
            break
        i += 1
    return out


EMBEDDING_LABELS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP"}
HYPHENS = {"-", "–", "—"}
MIN_EMBEDDED_CITY = 100_000
TOWN_BODY_WORDS = {"city", "high"}  # 'Lansing City Council', 'Norfolk High School': the town's own bodies
MIN_WORLD_CITY = 1_000_000  # a city this big is the reading of its name inside an organisation's name
_NO_PLACE = Place("", "", "")
MIN_PERSON_TOWN = 10_000  # a one-word name tagged PERSON or ORG is a town of the story from this size


@register_rule("places.embedded")
def embedded_candidates(doc: Doc) -> list[Candidate]:
    """A place named inside the name of an organisation, a building or an event ("Kentucky State Police", "the
    Ohio Department of Health", "University of Toronto", "Bank of Japan"), or of a team spaCy tags GPE ("Norwich
    City"): a country, a state or province, or a city of 100,000 people. Also a team or body spaCy tags PERSON
    ('Preston Rovers'), a world city that is also a first name before a team's word ('the Houston Texans'), and a
    province abbreviation spaCy tags alone after the name's first word ('WorkSafe BC'). The organisation keeps its
    full name in the actors table; the place gets its own mention.

    Example: The Kentucky State Police closed the highway on Sunday.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        if len(ent) < 2 or ent.label_ not in EMBEDDING_LABELS and not _unknown_place_name(ent):
            if _team_tagged_person(ent):
                out.append(Candidate(ent[0].idx, ent[0].idx + len(ent[0].text), "embedded", after_locative=True))
            elif _lone_province_abbreviation(doc, ent):
                out.append(Candidate(ent.start_char, ent.end_char, "embedded", after_locative=True))
            continue
        i = ent.start
        first = ent.start + 1 if ent[0].lower_ == "the" else ent.start  # 'The Holy See' is the name itself
        while i < ent.end:
            for n in range(min(3, ent.end - i), 0, -1):
                span = doc[i : i + n]
                if span.start in {ent.start, first} and span.end == ent.end or not _is_capitalised_name(span):
                    continue
                if span[0].lower_ in FUNCTION_WORDS or span[-1].lower_ in FUNCTION_WORDS:
                    continue
                if not (
                    (span[0].is_alpha or "." in span[0].text) and (span[-1].is_alpha or span[-1].text.endswith("."))
                ):
                    continue
                before = doc[span.start - 1] if span.start > 0 else None
                after = doc[span.end] if span.end < len(doc) else None
                if (
                    before is not None and before.text in HYPHENS or after is not None and after.text in HYPHENS
                ) and not (_country_pair(doc, span)):
                    continue  # 'Trans-Pacific' names no ocean; 'the Chile-Peru Friendship Group' names two countries
                kind = embedded_place_kind(span.text)
                if kind is None and span.start == first and _world_city_team(doc, span, ent):
                    kind = "city"
                if kind and _inside_longer_place(doc, span, ent.start, ent.end):
                    continue  # 'South Wales' of 'New South Wales' names no place of its own
                last_word = span.end == ent.end and n == 1 and not span.text.isupper()
                if kind == "region" and last_word and (before is None or before.lower_ != "of"):
                    continue  # 'Rogers Centre': the last word names the kind of thing, not a division ('Centre')
                if kind == "city" and before is not None and before.lower_ == "of":
                    continue  # 'Bank of Dandong' is named for its city's people, 'Bank of Japan' for a country
                if kind:
                    body = after is not None and span.end < ent.end and _names_a_team_or_body(after, True)
                    body = body or after is not None and span.end < ent.end and after.lower_ in TOWN_BODY_WORDS
                    out.append(
                        Candidate(span.start_char, span.end_char, "embedded", after_locative=True, names_a_body=body)
                    )
                    i += n - 1
                    break
            i += 1
    return out


def _country_pair(doc: Doc, span: Span) -> bool:
    """True when span is a country joined by a hyphen to another country's name: 'Chile' and 'Peru' of 'the
    Chile-Peru Friendship Group'."""
    if lexicon_kind(span.text) != "country":
        return False
    if span.end + 1 < len(doc) and doc[span.end].text in HYPHENS and lexicon_kind(doc[span.end + 1].text) == "country":
        return True
    return (
        span.start >= 2 and doc[span.start - 1].text in HYPHENS and lexicon_kind(doc[span.start - 2].text) == "country"
    )


def _inside_longer_place(doc: Doc, span: Span, start: int, end: int) -> bool:
    """True when a longer name between tokens start and end that contains span is itself a place ('New South
    Wales' around 'South Wales', 'West Virginia' around 'Virginia'): the part is then a piece of that name, not a
    place named inside an organisation."""
    for j in range(max(start, span.start - 3), span.start + 1):
        for k in range(span.end, min(end, j + 5) + 1):
            longer = doc[j:k]
            if (j, k) == (span.start, span.end) or not (longer[0].is_alpha and longer[-1].is_alpha):
                continue  # 'Japan's' and 'Ireland (' are the place and what follows it, not a longer name
            if longer[0].lower_ in FUNCTION_WORDS or longer[-1].lower_ in FUNCTION_WORDS:
                continue
            if _is_capitalised_name(longer) and embedded_place_kind(longer.text):
                return True
    return False


def _team_tagged_person(ent: Span) -> bool:
    """A team or body spaCy tags PERSON: a city of 100,000 people (no first name) followed by a plural noun or a
    town institution's word ('Bolton Wanderers', 'Leeds Rhinos', 'the Abuja Chamber of Commerce')."""
    if ent.label_ != "PERSON" or len(ent) < 2 or ent[0].lower_ == "the":
        return False
    return _names_a_team_or_body(ent[1]) and embedded_place_kind(ent[0].text) == "city"


def _names_a_team_or_body(word: Token, written_plural: bool = False) -> bool:
    """A plural proper noun ('Rockets', 'Wanderers') or a town institution's word ('Chamber'): what follows a
    city's name in the name of its team or of one of its bodies. With `written_plural`, a capitalised word ending
    in a plural 's' counts too (spaCy tags 'Mavericks' NNP); not for PERSON entities, where it is a surname's."""
    if word.tag_ == "NNPS" or word.lower_.rstrip(".") in CIVIC_WORDS:
        return True
    return (
        written_plural and word.is_title and len(word) > 3 and word.text.endswith("s") and word.text[-2] not in "suiy'"
    )


def _world_city_team(doc: Doc, span: Span, ent: Span) -> bool:
    """A city of a million people whose name is also a first name ('Houston', 'Dallas'), first in an
    organisation's name and followed by a team's or a body's word: 'the Houston Rockets', 'Dallas Police'."""
    if len(span) != 1 or span.end >= ent.end or not _names_a_team_or_body(doc[span.end], written_plural=True):
        return False
    largest = cities_named().get(fold(span.text))
    return bool(largest) and largest[0]["population"] >= MIN_WORLD_CITY and fold(largest[0]["name"]) == fold(span.text)


def _lone_province_abbreviation(doc: Doc, ent: Span) -> bool:
    """A province abbreviation spaCy tags alone as an organisation, closing a name that begins with a capitalised
    word outside the entity ('Small Business BC', 'Destination NSW')."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.text not in province_abbreviations() or "." in ent.text:
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.text[:1].isupper() and before.is_alpha and not before.is_sent_start


def _unknown_place_name(ent: Span) -> bool:
    """A GPE the gazetteer does not know as a whole ('Norwich City', 'Houston Rockets'): a team or body named after
    a place."""
    return ent.label_ == "GPE" and resolve_place(ent.text) is None


@register_rule("places.embedded_town")
def embedded_town_candidates(doc: Doc) -> list[Candidate]:
    """A town at the start of the name of a town's institution (its police, council, school, library, club:
    data/place_words.csv, list 'civic'), whatever its size ("Brackley Police", "the Brackley Garden Club"); kept
    only when the town lies in a state or country the story names (see places.embedded_town_place).

    Example: Storms hit Ohio on Monday, and the Bellville Fire Department rescued two people.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC"} or len(ent) < 2:
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        rest_words = {t.lower_.rstrip(".") for t in doc[start + 1 : ent.end]}
        if not rest_words & CIVIC_WORDS:
            continue
        for n in range(min(3, ent.end - start - 1), 0, -1):
            span = doc[start : start + n]
            if not _is_capitalised_name(span) or not all(t.is_alpha or t.text.endswith(".") for t in span):
                continue
            if span.text.isupper() and len(span.text) <= 4:
                continue  # an abbreviation ('EU Council'), not a town's name
            if {t.lower_ for t in span} & CIVIC_WORDS or span[-1].lower_ in FUNCTION_WORDS:
                continue
            if fold(span.text) in cities_named():
                out.append(Candidate(span.start_char, span.end_char, "embedded_town", after_locative=True))
                break
    return out


STREET_WORDS = {
    "street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "drive", "lane", "highway", "route",
    "parkway", "freeway", "expressway", "turnpike", "square", "bridge", "interstate", "way", "pike",
}  # fmt: skip
DEMONYM_EMBEDDING_LABELS = EMBEDDING_LABELS - {"NORP"}  # a NORP entity is the people ('the Syrians'), no name


@register_rule("places.embedded_demonym")
def embedded_demonym_candidates(doc: Doc) -> list[Candidate]:
    """The adjective of a country inside the name of an organisation, a building, an event or a law ("the Nigerian
    Army", "Canadian Blood Services", "the Georgian Parliament", "BBC Russian Service"): the country gets a
    mention on the adjective's words; so does a continent or world region ('the African Union': data/place_words.csv,
    list 'continent_adjective'). Adjectives of no one country or region ('European', 'Arab') give none,
    nor an adjective before a building word ('the Omani Hospital', 'the Italian Restaurant': data/place_words.csv,
    list 'donor_building'), named for its donors, founders or cooking.

    Example: The Kenyan Red Cross sent tents to the flooded villages.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in DEMONYM_EMBEDDING_LABELS or len(ent) < 2:
            continue
        first = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        for i in range(first, ent.end - 1):
            before = doc[i - 1] if i > first else None
            if before is not None and not (
                before.lower_ in {"of", "for"}
                or before.is_upper
                and len(before) > 1  # 'BBC Russian Service'
                or before.is_punct
                and before.text not in HYPHENS  # a list or a quotation inside the entity
            ):
                continue  # 'Native American', 'Catholic French', 'African-American' qualify a word before them
            for n in (2, 1):
                span = doc[i : i + n]
                if span.end >= ent.end or not all(t.is_alpha and t.text[:1].isupper() for t in span):
                    continue  # the adjective comes before the noun it qualifies, inside the name
                if doc[span.end].text in HYPHENS:
                    break  # 'African-American' qualifies the word after the hyphen
                if span.end < ent.end and doc[span.end].lower_ in DONOR_BUILDINGS:
                    break  # 'the Omani Hospital' in another country is named for its donors, not set in Oman
                if fold(span.text) in country_adjectives() or fold(span.text) in CONTINENT_ADJECTIVES:
                    out.append(Candidate(span.start_char, span.end_char, "demonym", after_locative=True))
                    break
    return out


def _is_street_word(token: Token) -> bool:
    return token.lower_ in STREET_WORDS or token.lower_ + "." in STREET_WORDS


def _inside_longer_town(doc: Doc, span: Span, end: int) -> bool:
    """True when the span and the capitalised words after it name a town or a place themselves ('Rock Hill',
    'Avondale Estates')."""
    for k in range(span.end + 1, min(end, span.end + 2) + 1):
        longer = doc[span.start : k]
        if fold(longer.text) in cities_named() or embedded_place_kind(longer.text):
            return True
    return False


@register_rule("places.embedded_story_town")
def embedded_story_town_candidates(doc: Doc) -> list[Candidate]:
    """A town at the start of an organisation's or a building's name, whatever follows it ('the Dubuque Times',
    'Dubuque Energy Group'); kept only when the story also names that town on its own (see
    places.resolve_candidate): a local story names its town, then its town's bodies. A town institution's name
    (places.embedded_town) falls back on this too. Not a street ('Dubuque Avenue': places.street), not the first
    word of a longer town's name ('Morgan' of 'Morgan Hill').

    Example: Rain fell on Dubuque, Iowa, on Monday, and staff of the Dubuque Energy Group went home.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC"} or len(ent) < 2 or any(_is_street_word(t) for t in ent):
            continue  # 'Darby Street' is a street (places.street), not a body of the town
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        for n in range(min(2, ent.end - start - 1), 0, -1):
            span = doc[start : start + n]
            if not all(t.is_alpha and t.text[:1].isupper() for t in span) or span.text.isupper():
                continue
            if not doc[start + n].text[:1].isupper():
                continue  # "Dunmore's" or "Dunmore and": the name is the town's itself
            if fold(span.text) in country_adjectives():
                break  # 'Canadian Coast Guard': the country's adjective (places.embedded_demonym), not a town
            if _inside_longer_town(doc, span, ent.end):
                break  # 'Morgan' of 'Morgan Hill': the town is the longer name
            if fold(span.text) in cities_named() or geo.entries(fold(span.text), ("admin1", "admin2")):
                out.append(Candidate(span.start_char, span.end_char, "story_town", after_locative=True))
                break
    for token in doc[:-1]:  # 'Slidell PD' that spaCy leaves untagged: a capitalised word before a civic word
        after = doc[token.i + 1]
        if token.ent_iob_ != "O" or after.ent_iob_ != "O" or not (token.is_alpha and token.is_title):
            continue
        if after.lower_.rstrip(".") not in CIVIC_WORDS or not after.text[:1].isupper() or token.is_sent_start:
            continue
        if token.i > 0 and doc[token.i - 1].text[:1].isupper():
            continue  # part of a longer name
        if fold(token.text) in cities_named():
            out.append(Candidate(token.idx, token.idx + len(token.text), "story_town", after_locative=True))
    return out


def embedded_place_kind(text: str) -> str | None:
    """'country', 'region' or 'city' when a name inside an organisation's name may be taken for a place."""
    if text.count(".") >= 2 and text in state_abbreviations():
        return "region"  # 'S.C.' of 'the S.C. Department of Revenue'
    if text in province_abbreviations():
        return "region"  # 'BC' of 'Small Business BC', 'NSW' of 'NSW Health'
    kind = lexicon_kind(text)
    key = fold(text)
    if kind == "country" or kind == "region" and (" " in key or curated_regions().get(key, _NO_PLACE).country_code):
        return kind  # a one-word curated region of no country ('Pacific', 'Atlantic') inside a name is an adjective
    if key in us_states() or any(r.population >= 1_000_000 for r in geo.entries(key, ("admin1",))):
        return "region"
    if _names_a_unit(key) and geo.entries(key, ("admin2",)):
        return "region"  # 'Laurel County Sheriff's Office'
    largest = cities_named().get(key)
    if largest and is_big_city(text, MIN_EMBEDDED_CITY) and fold(largest[0]["name"]) == key and len(key) >= 4:
        return "city"  # by its own name, not a spelling GeoNames lists
    return None


def _abbreviation_at(doc: Doc, i: int) -> str:
    """The state or province abbreviation starting at token i ('Ky.', 'Ont.'; spaCy often splits the full stop
    off: 'Ont' '.'), "" when none."""
    if i >= len(doc):
        return ""
    token = doc[i]
    abbreviations = state_abbreviations().keys() | province_abbreviations().keys()
    if token.text in abbreviations:
        return token.text
    dotted = token.text + "."
    if (
        dotted in abbreviations
        and i + 1 < len(doc)
        and doc[i + 1].text == "."
        and doc[i + 1].idx == token.idx + len(token.text)
    ):
        return dotted
    return ""


@register_rule("places.state_abbreviation")
def state_abbreviation_candidates(doc: Doc) -> list[Candidate]:
    """A postal or AP abbreviation of a state, or a Canadian Press one of a province, after a town and a comma
    ("Lexington, Ky.", "Charleston, W.Va.", "Sarnia, Ont."), emitted as a mention of the state or province.

    Example: The plant in Lexington, Ky., will close in May.
    """
    out = []
    for token in doc[2:]:
        if doc[token.i - 1].text == "," and doc[token.i - 2].text[:1].isupper():
            text = _abbreviation_at(doc, token.i)
            if text:
                out.append(Candidate(token.idx, token.idx + len(text), "abbreviation"))
    return out


AREA_OF = re.compile(
    r"\b[Tt]he (province|region|state|county|district|prefecture|governorate|department|oblast) of "
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


@register_rule("places.unit_of")
def area_of_candidates(doc: Doc) -> list[Candidate]:
    """A sub-national unit written as "the <kind> of <Name>", lower-case kind: "the province of Cotopaxi",
    "the department of Valdora". The candidate covers "province of Cotopaxi"; the name is the part after "of".

    Example: Heavy rains hit the province of Marenco on Sunday.
    """
    return [
        Candidate(m.start(1), m.end(2), "unit_of", area_before=m.group(1), after_locative=True)
        for m in AREA_OF.finditer(doc.text)
    ]


# an all-capital place, maybe its state or a date, then a news agency in brackets, with no dash after: web copies
# often drop the dash ("HALIFAX, N.S. (CP) The ferry...", "QUETTA, May 3 (APP):")
AGENCY_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Z'’ -]*[A-Z])(?:,\s*(?P<area>[A-Z][A-Za-z.]{1,14}))??"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*\((?P<agency>[A-Z][A-Za-z]{1,9})\)"
)


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DATELINE_SECOND = _CAPITALS | frozenset(".'’ /-")


@register_rule("places.dateline")
def dateline_candidates(doc: Doc) -> list[Candidate]:
    """The city of a wire dateline at the start of a paragraph (see `datelines.read_dateline`), which spaCy often
    leaves untagged; 'Ukraine' of "KYIV, Ukraine (AP) —" helps choose the city.

    Example: NAIROBI, Kenya (Reuters) - Floods cut the main road to the coast on Monday.
    """
    out = []
    starts = {0} | {sent.start_char for sent in doc.sents}
    starts |= {m.end() for m in re.finditer(r"\s{2,}(?=[A-Z]{3})", doc.text)}  # a headline joined by two spaces
    text = doc.text
    for at in sorted(starts):  # a dateline may follow a headline run into the same paragraph
        if text[at : at + 1] not in _CAPITALS or text[at + 1 : at + 2] not in _DATELINE_SECOND:
            continue  # both dateline patterns start with two capitals (or a capital and a stop, space, hyphen ...)
        rest = text[at:]
        dateline = read_dateline(rest)
        if dateline is None:
            match = AGENCY_DATELINE.match(rest)
            if match is not None:  # "BEIRUT (AP) The army said": the agency ends the dateline, no dash
                out.append(Candidate(at + match.start("city"), at + match.end("city"), "dateline", match["area"] or ""))
            continue
        area = rest[slice(*dateline.area)] if dateline.area else ""
        out.extend(Candidate(at + start, at + end, "dateline", area) for start, end in dateline.places)
        if area and area in state_abbreviations():
            out.append(Candidate(at + dateline.area[0], at + dateline.area[1], "abbreviation"))
    return out
