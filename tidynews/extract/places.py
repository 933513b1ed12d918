"""Places: countries, cities and regions, resolved to an ISO country code, coordinates and a GeoNames id.

Where the names come from (the rule ids in brackets):
- spaCy GPE/LOC entities, resolved through the gazetteer (places.entity); a name that resolves to nothing is
  dropped (places.drop_unknown_name: spaCy tags organisations and people as GPE often enough that emitting them
  costs precision), unless the text places it ("Bint Jbeil, Lebanon": places.placed_by_comma);
- spaCy ORG/FAC/NORP/PRODUCT entities whose whole text is a country or a curated region ("Israel said") or a big
  city after a locative word (places.exact_name; else places.drop_organisation_name);
- names spaCy tags PERSON after a locative word: cities of 100,000 people ("flew to Dakar": places.person_city;
  else places.drop_person_name);
- names ending in a feature word whatever their label ("Taebaek Range": places.feature);
- names spaCy did not tag: countries, curated regions and major cities (places.lexicon_scan), the city of a
  wire dateline ("KYIV, Ukraine (AP) —": places.dateline), and "<Name> region/province" ("the Donetsk region");
- sub-national units the gazetteer does not know, named with their kind ("Marenco province", "the province of
  Marenco": places.unit_of, places.unit_region): a region called by the bare name, in the country named in its
  sentence or most in the article (`unit_country_of`; empty code when none can be told).

Every way a place is found is a registered rule (tidynews.extract.rules; RULE_OF_SOURCE maps a candidate's source
to its id), every rejection a `drops` rule, and each mention carries the id of the rule that made it. Which place
a name is: tidynews.extract.gazetteer; country names: tidynews.extract.countries; datelines:
tidynews.extract.datelines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract import geonames_index as geo
from tidynews.extract.common import ArticleExtraction, Entity, Mention
from tidynews.extract.countries import (
    POSSESSIVE,
    clean_place_text,
    country_names,
    fold,
    read_data_csv,
)
from tidynews.extract.datelines import read_dateline
from tidynews.extract.gazetteer import (
    ANY_US_STATE,
    AREA_AFTER,
    COUNTRY_ONLY_LABELS,
    DIRECTIONS,
    FEATURE_LABELS,
    FEATURE_WORDS,
    FUNCTION_WORDS,
    LOCATIVE_PREPOSITIONS,
    MIN_MISLABELLED_CITY,
    PLACE_LABELS,
    Place,
    _names_a_unit,
    ambiguous_names,
    cities_named,
    ends_in_feature_word,
    hint_places,
    is_big_city,
    lexicon_kind,
    place_id_for,
    resolve_country,
    resolve_place,
    state_abbreviations,
    state_by_code,
    unit_region,
    us_states,
)
from tidynews.extract.place_table import resolve_places  # noqa: F401  (the places table, built from here)
from tidynews.extract.rules import register_rule
from tidynews.nlp import ParsedArticle, ParsedBlock

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
        elif doc[ent.end + 1].text in state_abbreviations():
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
MIN_PERSON_TOWN = 10_000  # a one-word name tagged PERSON or ORG is a town of the story from this size


@register_rule("places.embedded")
def embedded_candidates(doc: Doc) -> list[Candidate]:
    """A place named inside the name of an organisation, a building or an event ("Kentucky State Police", "the
    Ohio Department of Health", "University of Toronto"): a country, a state or province, or a city of 100,000
    people. The organisation keeps its full name in the actors table; the place gets its own mention.

    Example: The Kentucky State Police closed the highway on Sunday.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2:
            continue
        i = ent.start
        while i < ent.end:
            for n in range(min(3, ent.end - i), 0, -1):
                span = doc[i : i + n]
                if span.start == ent.start and span.end == ent.end or not _is_capitalised_name(span):
                    continue
                if span[0].lower_ in FUNCTION_WORDS or span[-1].lower_ in FUNCTION_WORDS:
                    continue
                if not (
                    (span[0].is_alpha or "." in span[0].text) and (span[-1].is_alpha or span[-1].text.endswith("."))
                ):
                    continue
                before = doc[span.start - 1] if span.start > 0 else None
                after = doc[span.end] if span.end < len(doc) else None
                if before is not None and (before.lower_ == "of" or before.text in HYPHENS):
                    continue  # 'Bank of Dandong' names the bank, 'Trans-Pacific' no ocean
                if after is not None and after.text in HYPHENS:
                    continue
                if embedded_place_kind(span.text):
                    out.append(Candidate(span.start_char, span.end_char, "embedded", after_locative=True))
                    i += n - 1
                    break
            i += 1
    return out


def embedded_place_kind(text: str) -> str | None:
    """'country', 'region' or 'city' when a name inside an organisation's name may be taken for a place."""
    if text.count(".") >= 2 and text in state_abbreviations():
        return "region"  # 'S.C.' of 'the S.C. Department of Revenue'
    kind = lexicon_kind(text)
    key = fold(text)
    if kind == "country" or kind == "region" and " " in key:
        return kind  # a one-word curated region ('Pacific', 'Atlantic') inside a name is mostly an adjective
    if key in us_states() or any(r.population >= 1_000_000 for r in geo.entries(key, ("admin1",))):
        return "region"
    if _names_a_unit(key) and geo.entries(key, ("admin2",)):
        return "region"  # 'Laurel County Sheriff's Office'
    largest = cities_named().get(key)
    if largest and is_big_city(text, MIN_EMBEDDED_CITY) and fold(largest[0]["name"]) == key and len(key) >= 4:
        return "city"  # by its own name, not a spelling GeoNames lists
    return None


@register_rule("places.state_abbreviation")
def state_abbreviation_candidates(doc: Doc) -> list[Candidate]:
    """A postal or AP abbreviation of a state after a town and a comma ("Lexington, Ky.", "Charleston, W.Va."),
    emitted as a mention of the state.

    Example: The plant in Lexington, Ky., will close in May.
    """
    out = []
    for token in doc[2:]:
        if doc[token.i - 1].text == "," and doc[token.i - 2].text[:1].isupper():
            text = token.text if token.text in state_abbreviations() else token.text + "."
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if text in state_abbreviations() and (text == token.text or nxt is not None and nxt.text == "."):
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


@register_rule("places.dateline")
def dateline_candidates(doc: Doc) -> list[Candidate]:
    """The city of a wire dateline at the start of a paragraph (see `datelines.read_dateline`), which spaCy often
    leaves untagged; 'Ukraine' of "KYIV, Ukraine (AP) —" helps choose the city.

    Example: NAIROBI, Kenya (Reuters) - Floods cut the main road to the coast on Monday.
    """
    out = []
    starts = sorted({0} | {sent.start_char for sent in doc.sents})
    for at in starts:  # a dateline may follow a headline run into the same paragraph
        rest = doc.text[at:]
        dateline = read_dateline(rest)
        if dateline is None:
            continue
        area = rest[slice(*dateline.area)] if dateline.area else ""
        out.extend(Candidate(at + start, at + end, "dateline", area) for start, end in dateline.places)
        if area and area in state_abbreviations():
            out.append(Candidate(at + dateline.area[0], at + dateline.area[1], "abbreviation"))
    return out


Resolution = tuple[Place | None, str, str]  # the place (None: dropped), the rule that decided, why


@dataclass(frozen=True)
class Story:
    """Where the article is set: its first town and its country (for streets and unplaced names)."""

    town: Place | None
    country: str
    person_words: frozenset[str] = frozenset()  # words of the story's names of people ('nelson' of 'Ann Nelson')


@register_rule("places.unit_region")
def unit_resolution(text: str, unit_country: str | None) -> Resolution:
    """A sub-national unit the gazetteer does not know, named with its kind ("Marenco province", "the province of
    Marenco"): a region in the country named in its sentence or most in the article (`unit_country_of`).

    Example: Heavy rains hit Marenco province on Sunday, officials in Ecuador said.
    """
    place = unit_region(text, unit_country) if unit_country is not None else None
    if place is None:
        return None, "places.drop_unknown_name", "no unit: a description, a country or no country to put it in"
    return place, "places.unit_region", ""


@register_rule("places.placed_by_comma")
def placed_by_comma(text: str, hints: list[Place]) -> Place | None:
    """A GPE the gazetteer does not know that the text places in a country or state right after it, with a comma
    ("Bint Jbeil, Lebanon"): kept as type 'other' in that country.

    Example: A dam burst near Brackenford, Oregon, on Monday.
    """
    name = clean_place_text(text)
    if not name or not name[0].isupper() or fold(name) in cities_named():
        return None
    name = name.title() if name.isupper() else name
    code = hints[-1].country_code
    return Place(place_id_for(name, code), name, "other", code)


@register_rule("places.town_of_the_story")
def town_of_the_story(
    text: str, cand: Candidate, article_countries: set[str], us_state_codes: set[str], story: Story | None = None
) -> Place | None:
    """A name spaCy tags as an organisation or a person that is a town or division of a state or country the
    story names ("Gainesville police said", "officials in Tamil Nadu"): a place. A one-word name tagged PERSON
    needs a town of 10,000 people, as many towns are also surnames.

    Example: Storms hit Ohio on Monday, and Lancaster declared an emergency.
    """
    if not text[:1].isupper() or is_institution(text) or cand.name_goes_on:
        return None  # 'Aung San' of 'Aung San Suu Kyi' split in two by spaCy is a person
    place = resolve_place(text, article_countries=article_countries, us_state_codes=us_state_codes)
    if place is None or place.type not in {"city", "region"}:
        return None
    in_story = place.admin1 in us_state_codes if place.country_code == "US" else place.country_code in article_countries
    if not in_story:
        return None
    one_word = " " not in text.strip()
    if one_word and (not is_big_city(text, MIN_PERSON_TOWN) or story is not None and fold(text) in story.person_words):
        return None  # 'Nelson' of 'Ann Nelson' elsewhere in the story is her, not the town
    return place


STREET_WORDS = {
    "street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "drive", "lane", "highway", "route",
    "parkway", "freeway", "expressway", "turnpike", "square", "bridge", "interstate", "way", "pike",
}  # fmt: skip


@register_rule("places.street")
def street_place(text: str, story_town: Place | None, story_country: str) -> Place | None:
    """A street, road or square named by spaCy ("Main Street", "Highway 19", "Grand Avenue"): a place of type
    'other' in the town the story is set in (its first town), with that town's point.

    Example: A water main broke on Darby Street in Gainesville, Florida, on Monday.
    """
    words = clean_place_text(text).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    if words[-1].lower() not in STREET_WORDS and words[0].lower() not in {"highway", "route", "interstate"}:
        return None
    name = " ".join(words)
    if story_town is not None:
        return Place(
            place_id_for(f"{name} {story_town.name}", story_town.country_code), name, "other",
            story_town.country_code, story_town.latitude, story_town.longitude,
        )  # fmt: skip
    return Place(place_id_for(name, story_country), name, "other", story_country)


# features that lie in one country more often than across borders; seas, gulfs, coasts and peninsulas do not
STORY_COUNTRY_FEATURE_WORDS = frozenset(FEATURE_WORDS) - {
    "sea", "ocean", "gulf", "strait", "straits", "peninsula", "coast", "channel", "desert", "corridor", "range",
    "archipelago", "plateau", "crossing",
}  # fmt: skip


@register_rule("places.feature_in_story_country")
def feature_in_story_country(place: Place, story_country: str) -> Place | None:
    """A river, lake, valley or island the text places in no country, in a story set in one country: that
    country's feature (a local paper's river is its own country's river).

    Example: Firefighters pulled two boys from the Wabasso River near Dayton, Ohio, on Sunday.
    """
    words = place.name.split()
    if place.country_code or not story_country or place.type != "other" or len(words) < 2:
        return None
    if words[-1].lower() not in STORY_COUNTRY_FEATURE_WORDS:
        return None
    return Place(
        place_id_for(place.name, story_country), place.name, "other", story_country,
        place.latitude, place.longitude, place.geonames_id, place.admin1,
    )  # fmt: skip


@register_rule("places.drop_government_department", kind="drops")
def is_government_department(cand: Candidate) -> bool:
    """'the department of <Name>' that the gazetteer does not know is a government department, not a unit.

    Example: The department of Justice opened an inquiry on Monday.
    """
    return cand.area_before == "department"


@register_rule("places.drop_organisation_name", kind="drops")
def is_organisation_name(cand: Candidate, kind: str | None, big_city_after_locative: bool) -> bool:
    """A spaCy ORG/FAC/NORP/PRODUCT that is no country, curated region or big city after 'in', 'to'...: not a
    place (an unknown unit named with its kind still is one, see places.unit_region).

    Example: Acme Holdings said on Monday that profits fell.
    """
    return cand.source == "exact" and kind not in {"country", "region"} and not big_city_after_locative


@register_rule("places.drop_person_name", kind="drops")
def is_person_name(cand: Candidate, big_city_after_locative: bool) -> bool:
    """A spaCy PERSON that is no big city after 'in', 'to'...: a PERSON-tagged 'Jordan' or 'Chad' is a person.

    Example: Jordan Henderson scored twice on Saturday.
    """
    return cand.source == "person" and not big_city_after_locative


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(fold(r["name"]) for r in read_data_csv("place_not_places.csv"))


@register_rule("places.drop_institution", kind="drops")
def is_institution(text: str) -> bool:
    """A seat of government named for the institution (data/place_not_places.csv): no place, even where the
    gazetteer lists a town of that name.

    Example: Officials at the White House said the talks would go on.
    """
    return fold(clean_place_text(text)) in _not_places()


@register_rule("places.drop_unknown_name", kind="drops")
def unknown_name(text: str) -> Resolution:
    """A name the gazetteer does not know and the text does not place: spaCy tags organisations and people as GPE
    often enough that emitting them as places costs precision.

    Example: Troops were sent to the town of Velmora, officials said.
    """
    return None, "places.drop_unknown_name", f"the gazetteer does not know {clean_place_text(text)!r}"


def resolve_candidate(
    text: str,
    cand: Candidate,
    article_countries: set[str],
    us_state_codes: set[str],
    unit_country: str | None = None,
    story: Story | None = None,
) -> Resolution:
    """Resolve one candidate with what is written around it: (place or None, the deciding rule id, why).

    What a candidate may become depends on how it was found (RULE_OF_SOURCE). A lower-case area word after a city
    makes a region of that city's country ('the Donetsk region'). A GPE the gazetteer does not know but the text
    places in a country ("Bint Jbeil, Lebanon") is kept as type 'other' in that country. A unit the gazetteer
    does not know but that is named with its kind ("Marenco province", "the province of Marenco") is a region in
    `unit_country` (see `unit_region`); None there means the kind word does not make a unit (see `unit_country_of`).
    """
    found_by = RULE_OF_SOURCE[cand.source]
    if is_institution(text):
        return None, "places.drop_institution", "a seat of government named for the institution"
    if cand.source in {"entity", "embedded"} and text.strip() in state_abbreviations():
        if cand.source == "entity" or text.count(".") >= 2:  # 'S.C.' in a name; 'Ind.' there may be 'Independent'
            return state_by_code(state_abbreviations()[text.strip()]), found_by, ""
    if cand.source == "abbreviation":
        return state_by_code(state_abbreviations()[text.strip()]), found_by, ""
    if cand.source == "embedded":
        place = resolve_place(
            text, article_countries=article_countries, us_state_codes=us_state_codes, after_locative=True
        )
        return (place, found_by, "") if place is not None else unknown_name(text)
    if cand.area_before:
        text = re.split(r"\s+of\s+", text, maxsplit=1)[-1]
        place = resolve_place(text, article_countries=article_countries, after_locative=True)
        if place is None:
            if is_government_department(cand):
                return None, "places.drop_government_department", "a government department"
            return unit_resolution(text, unit_country)
        if place.type == "city":  # "the province of Kandahar": the unit named after its city
            name = f"{clean_place_text(text)} {cand.area_before}"
            return Place(place_id_for(name, place.country_code), name, "region", place.country_code), found_by, ""
        return place, found_by, ""  # "the state of Israel", "the region of Tuscany"
    if cand.area_word:
        text = text[: text.rfind(cand.area_word)].strip()
    kind = lexicon_kind(text)
    big_city_after_locative = cand.after_locative and is_big_city(text, MIN_MISLABELLED_CITY)
    if cand.source in {"exact", "person"} and story is not None:
        street = street_place(text, story.town, story.country)
        if street is not None:
            return street, "places.street", ""
    if is_organisation_name(cand, kind, big_city_after_locative):
        # spaCy tags an unknown unit NORP or ORG ("Marenco province"): its area word still says it is a place
        if cand.area_word and unit_country is not None:
            return unit_resolution(text, unit_country)
        place = town_of_the_story(text, cand, article_countries, us_state_codes, story)
        if place is not None:
            return place, "places.town_of_the_story", ""
        return None, "places.drop_organisation_name", "no country, curated region or big city after a locative"
    if cand.source == "scan" and kind is None and not cand.area_word:
        return unknown_name(text)
    if is_person_name(cand, big_city_after_locative):
        # "Tigray region" tagged PERSON: the lower-case kind word after it says it is a place
        if cand.area_word and unit_country is not None:
            return unit_resolution(text, unit_country)
        place = town_of_the_story(text, cand, article_countries, us_state_codes, story)
        if place is not None:
            return place, "places.town_of_the_story", ""
        return None, "places.drop_person_name", "a PERSON that is no big city after a locative"
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
        place = placed_by_comma(text, hints)
        if place is not None:
            return place, "places.placed_by_comma", ""
    if place is not None and cand.area_word:
        with_area = resolve_place(f"{clean_place_text(text)} {cand.area_word}")
        if with_area is not None and with_area.type == "region":
            return with_area, found_by, ""  # "Washington state", "New York state"
        if place.type == "city":
            name = f"{clean_place_text(text)} {cand.area_word}"
            return Place(place_id_for(name, place.country_code), name, "region", place.country_code), found_by, ""
    if place is None and cand.area_word and unit_country is not None:
        return unit_resolution(text, unit_country)
    if place is None and cand.source == "entity":
        place = resolve_place(text, hints=hints, article_countries=article_countries, us_state_codes=states,
                              after_locative=True)  # fmt: skip
    if place is None:
        return unknown_name(text)
    return place, found_by, ""


def _town_in_states(key: str, states: set[str]) -> bool:
    return any(c["countrycode"] == "US" and c["admin1code"] in states for c in cities_named().get(key, []))


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
    trace = result.trace
    found: list[tuple[ParsedBlock, Candidate]] = []
    for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION):
        taken: set[int] = set()
        area_of = area_of_candidates(block.doc)
        candidates = (
            dateline_candidates(block.doc)
            + state_abbreviation_candidates(block.doc)
            + embedded_candidates(block.doc)  # before its organisation's own candidate, which starts there too
            + entity_candidates(block.doc)
            + scan_candidates(block.doc)
        )
        # "the province of Cotopaxi": the name inside is read with its kind word, not on its own
        candidates = area_of + [c for c in candidates if not any(a.start <= c.start < a.end for a in area_of)]
        for cand in candidates:
            if cand.start not in taken:
                taken.add(cand.start)
                found.append((block, cand))
                if trace.enabled:
                    trace.propose(
                        "places", block.text[cand.start : cand.end], block.offset + cand.start,
                        block.offset + cand.end, RULE_OF_SOURCE[cand.source],
                    )  # fmt: skip

    article_countries: set[str] = set()
    article_country_counts: Counter = Counter()
    us_state_codes: set[str] = set()
    city_countries: set[str] = set()
    named_states: set[str] = set()
    story_town: Place | None = None
    country_words: dict[str, set[str]] = {}
    for block, cand in found:
        text = block.text[cand.start : cand.end]
        if cand.source == "abbreviation":
            place = state_by_code(state_abbreviations()[text.strip()])
        elif cand.source in {"entity", "dateline"} and not is_institution(text):
            place = resolve_place(text, hints=hint_places(cand.next_text))
        else:
            place = None
        if place is None:
            continue
        if place.type == "city" and story_town is None:
            story_town = place
        if place.type != "city" and place.country_code:
            article_countries.add(place.country_code)
        if place.type == "country":
            article_country_counts[place.country_code] += 1
            country_words.setdefault(place.country_code, set()).add(fold(clean_place_text(text)))
        if place.type == "city":
            city_countries.add(place.country_code)
            if place.admin1:
                us_state_codes.add(place.admin1)
        elif place.admin1:
            named_states.add(place.admin1)
    country_like_states = {s["code"]: country_names()[n] for n, s in us_states().items() if n in country_names()}
    if named_states - set(country_like_states) and not city_countries & set(country_like_states.values()):
        # a story naming Florida makes Georgia the state, unless it names a city of the country Georgia too
        us_state_codes.add(ANY_US_STATE)
    us_state_codes |= named_states  # the towns of a story about Ohio are Ohio's ('Lancaster')
    for code, words in country_words.items():
        if named_states and code != "US" and all(_town_in_states(w, named_states) for w in words):
            article_countries.discard(code)  # 'Palestine' in a story about Texas is the Texas town: no country named
            del article_country_counts[code]
    ranked = article_country_counts.most_common(1)
    story_country = ranked[0][0] if ranked else story_town.country_code if story_town else ""
    if not story_country and named_states:
        story_country = "US"
    person_words = frozenset(
        fold(t.text)
        for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION)
        for ent in block.doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for t in ent
    )
    story = Story(story_town, story_country, person_words)
    seen: dict[str, Entity] = {}
    for block, cand in found:
        unit_country = (
            unit_country_of(block, cand, article_country_counts) if cand.area_word or cand.area_before else None
        )
        place, rule, reason = resolve_candidate(
            block.text[cand.start : cand.end], cand, article_countries, us_state_codes, unit_country, story
        )
        if place is None:
            if trace.enabled:
                text = block.text[cand.start : cand.end]
                start, end = block.offset + cand.start, block.offset + cand.end
                trace.drop("places", text, start, end, rule, reason, RULE_OF_SOURCE[cand.source])
            continue
        placed = feature_in_story_country(place, story.country)
        if placed is not None:
            place, rule = placed, "places.feature_in_story_country"
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
        result.place_mentions.append(Mention(place.place_id, written, a_start, a_end, block.zone, rule))
    result.places.extend(seen.values())
