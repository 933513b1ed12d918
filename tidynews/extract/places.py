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

The finders live in tidynews.extract.place_candidates; this module decides which candidates are places and
resolves them. Every way a place is found is a registered rule (tidynews.extract.rules; RULE_OF_SOURCE maps a
candidate's source to its id), every rejection a `drops` rule, and each mention carries the id of the rule that
made it. Which place a name is: tidynews.extract.gazetteer; country names: tidynews.extract.countries; datelines:
tidynews.extract.datelines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.common import ArticleExtraction, Entity, Mention
from tidynews.extract.countries import (
    clean_place_text,
    country_adjectives,
    country_names,
    fold,
    read_data_csv,
)
from tidynews.extract.gazetteer import (
    ANY_US_STATE,
    FEATURE_WORDS,
    MIN_MISLABELLED_CITY,
    Place,
    StoryMap,
    cities_named,
    country_place,
    county_town_readings,
    hint_places,
    is_big_city,
    lexicon_kind,
    nearest_namesake,
    place_id_for,
    place_of_reading,
    province_abbreviations,
    resolve_country,
    resolve_place,
    state_abbreviations,
    state_by_code,
    town_near_the_story,
    unit_region,
    us_states,
)
from tidynews.extract.geonames_index import GeoRow
from tidynews.extract.place_candidates import (  # noqa: F401  (re-exported: the rules register on import)
    MIN_PERSON_TOWN,
    RULE_OF_SOURCE,
    STREET_WORDS,
    Candidate,
    _trim,
    area_of_candidates,
    dateline_candidates,
    embedded_candidates,
    embedded_demonym_candidates,
    embedded_story_town_candidates,
    embedded_town_candidates,
    entity_candidates,
    scan_candidates,
    state_abbreviation_candidates,
)
from tidynews.extract.place_table import resolve_places  # noqa: F401  (the places table, built from here)
from tidynews.extract.rules import register_rule
from tidynews.nlp import ParsedArticle, ParsedBlock

Resolution = tuple[Place | None, str, str]
# the rules whose place may be a namesake chosen by size alone (see places.nearby_namesake)
NAMESAKE_RULES = {
    "places.entity",
    "places.dateline",
    "places.town_of_the_story",
    "places.person_city",
}  # the place (None: dropped), the rule that decided, why


@dataclass(frozen=True)
class Story:
    """Where the article is set: its first town and its country (for streets and unplaced names)."""

    town: Place | None
    country: str
    person_words: frozenset[str] = frozenset()  # words of the story's names of people ('nelson' of 'Ann Nelson')
    towns: StoryMap | None = None  # the story's towns, as first read
    named_towns: dict[str, Place] | None = None  # folded name -> the town, for towns the story names on their own


def abbreviated_place(text: str) -> Place:
    """The US state or the Canadian or Australian province an abbreviation after a town stands for."""
    code = state_abbreviations().get(text.strip())
    return state_by_code(code) if code else province_abbreviations()[text.strip()]


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
    story names ("Gainesville police said", "officials in Tamil Nadu"), or that lies near another town the story
    names: a place. A one-word name tagged PERSON needs a town of 10,000 people, as many towns are also surnames.

    Example: Storms hit Ohio on Monday, and Lancaster declared an emergency.
    """
    if not text[:1].isupper() or is_institution(text) or cand.name_goes_on:
        return None  # 'Aung San' of 'Aung San Suu Kyi' split in two by spaCy is a person
    place = resolve_place(text, article_countries=article_countries, us_state_codes=us_state_codes)
    if place is None and story is not None and story.towns is not None:
        place = resolve_place(text)  # a small town of a country the story does not name: nearness decides below
    if place is None or place.type not in {"city", "region"}:
        return None
    in_story = place.admin1 in us_state_codes if place.country_code == "US" else place.country_code in article_countries
    if not in_story and story is not None and story.towns is not None and place.latitude is not None:
        # a town lying near another town the story names ('Cirencester' beside Gloucester and Cheltenham)
        in_story = story.towns.names_near(place.latitude, place.longitude, fold(clean_place_text(text))) > 0
    if not in_story:
        return None
    one_word = " " not in text.strip()
    if one_word and (not is_big_city(text, MIN_PERSON_TOWN) or story is not None and fold(text) in story.person_words):
        return None  # 'Nelson' of 'Ann Nelson' elsewhere in the story is her, not the town
    return place


def embedded_town_place(text: str, article_countries: set[str], us_state_codes: set[str]) -> Place | None:
    """The town at the start of an institution's name ("Brackley Police"), when it lies in a state or country
    the story names; None otherwise (a 'Lincoln Fire Department' of a story set elsewhere)."""
    place = resolve_place(text, article_countries=article_countries, us_state_codes=us_state_codes, after_locative=True)
    if place is None or place.type not in {"city", "region"}:
        return None
    in_story = place.admin1 in us_state_codes if place.country_code == "US" else place.country_code in article_countries
    return place if in_story else None


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


@register_rule("places.nearby_namesake")
def nearby_namesake(
    text: str, place: Place, cand: Candidate, named_states: set[str], story_map: StoryMap
) -> Place | None:
    """A town or county with namesakes elsewhere, that the text does not place with a comma or in a state the
    story names: the namesake lying near more of the story's other places (a local paper's towns lie together).

    Example: GAINESVILLE — Police in Denton and Sherman searched for the driver on Monday.
    """
    if place.type not in {"city", "region"} or place.geonames_id is None or hint_places(cand.next_text):
        return None
    if place.country_code == "US" and place.admin1 in named_states:
        return None  # the town of a state the story names
    return nearest_namesake(text, place, story_map)


@register_rule("places.town_in_county")
def town_in_county(
    text: str, place: Place, cand: Candidate, named_states: set[str], readings: dict[str, GeoRow]
) -> Place | None:
    """A town (or a county) with namesakes, not placed by a comma or in a state the story names, when the story
    also names a county (or a town) and only one namesake pair lies together: that namesake (a local paper names
    its county beside its towns).

    Example: A Paris woman was hurt on Sunday, Henry County deputies said.
    """
    if place.type not in {"city", "region", "country"} or hint_places(cand.next_text):
        return None
    reading = readings.get(fold(clean_place_text(text)))
    if reading is None or reading.kind not in {"city", "admin2"}:
        return None
    paired = place_of_reading(reading)
    if paired.place_id != place.place_id and place.country_code == "US" and place.admin1 in named_states:
        return None  # the town of a state the story names
    return paired


@register_rule("places.country_or_namesake_town")
def country_or_namesake_town(text: str, place: Place, cand: Candidate, story_map: StoryMap) -> Place | None:
    """A country's name that is also a town's ('Lebanon', 'Palestine', 'China'), not placed by a comma: the town
    when it lies near another town of the story, else the country (a state named elsewhere in the story is not
    enough: a Texas story may speak of China).

    Example: Crews from Tyler and Jacksonville helped Palestine restore power on Monday.
    """
    name = clean_place_text(text)
    code = country_names().get(fold(name))
    if not code or place.type not in {"city", "country"} or hint_places(cand.next_text):
        return None
    if name.replace(".", "").isupper():
        return None  # 'US', 'UAE': an abbreviation names the country, never a town spelled so
    town = town_near_the_story(text, story_map, not_in=code)
    if place.type == "country" and town is not None:
        return town
    if place.type == "city" and place.country_code != code and town is None:
        return country_place(code)
    return None


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
        return abbreviated_place(text), found_by, ""
    if cand.source in {"embedded_town", "story_town"}:
        place = embedded_town_place(text, article_countries, us_state_codes) if cand.source == "embedded_town" else None
        if place is None and story is not None and story.named_towns:
            place = story.named_towns.get(fold(clean_place_text(text)))
            found_by = "places.embedded_story_town" if place is not None else found_by
        if place is None:
            return None, found_by, "not a town of a state or country the story names, nor named on its own"
        return place, found_by, ""
    if cand.source == "demonym" and fold(text) in country_adjectives():
        return country_place(country_adjectives()[fold(text)]), found_by, ""
    if cand.source == "demonym":  # a continent's adjective is its name plus -n ('African', 'Latin American')
        region = resolve_place(text[:-1])
        return region, found_by, "" if region is not None else "no region of that name"
    if cand.source == "embedded" and text.strip() in province_abbreviations():
        return province_abbreviations()[text.strip()], found_by, ""
    if cand.source == "embedded":
        place = resolve_place(
            text, article_countries=article_countries, us_state_codes=us_state_codes, after_locative=True
        )
        if place is None and cand.names_a_body:  # a team's or a town body's city abroad ('the Buffalo Bisons')
            place = resolve_place(text, after_locative=True)
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
            + embedded_town_candidates(block.doc)
            + embedded_story_town_candidates(block.doc)
            + embedded_demonym_candidates(block.doc)
            + entity_candidates(block.doc)
            + scan_candidates(block.doc)
        )
        # "the province of Cotopaxi": the name inside is read with its kind word, not on its own
        candidates = area_of + [c for c in candidates if not any(a.start <= c.start < a.end for a in area_of)]
        for cand in candidates:
            if cand.start not in taken:
                if cand.source != "story_town":  # it gives way to its organisation's candidate unless kept
                    taken.add(cand.start)
                found.append((block, cand))
                if trace.enabled:
                    trace.propose(
                        "places", block.text[cand.start : cand.end], block.offset + cand.start,
                        block.offset + cand.end, RULE_OF_SOURCE[cand.source],
                    )  # fmt: skip

    county_keys: set[str] = set()
    town_keys: set[str] = set()
    stated: set[str] = set()  # the US states the story names itself (not through a county)
    for block, cand in found:
        key = fold(clean_place_text(block.text[cand.start : cand.end]))
        if key.rsplit(" ", 1)[-1] in {"county", "parish"}:
            county_keys.add(key)
        elif key in cities_named():
            town_keys.add(key)
        if key in us_states():
            stated.add(us_states()[key]["code"])
        elif cand.source == "abbreviation":
            stated.add(abbreviated_place(block.text[cand.start : cand.end]).admin1)
    readings = county_town_readings(town_keys, county_keys, stated - {""}) if county_keys else {}
    article_countries: set[str] = set()
    article_country_counts: Counter = Counter()
    us_state_codes: set[str] = set()
    city_countries: set[str] = set()
    named_states: set[str] = set()
    story_towns: list[tuple[str, float, float]] = []
    placed_states: set[str] = set()  # states the text names or places a town in ('Ocala, Fla.')
    story_town: Place | None = None
    towns_seen: list[Place] = []
    named_towns: dict[str, Place] = {}
    country_words: dict[str, set[str]] = {}
    for block, cand in found:
        text = block.text[cand.start : cand.end]
        if cand.source == "abbreviation":
            place = abbreviated_place(text)
        elif cand.source in {"entity", "dateline"} and not is_institution(text):
            place = resolve_place(text, hints=hint_places(cand.next_text))
        else:
            place = None
        if place is None:
            continue
        reading = readings.get(fold(clean_place_text(text))) if not cand.next_text else None
        if reading is not None and place.type in {"city", "region", "country"}:
            place = place_of_reading(reading)  # see places.town_in_county
        if place.type in {"city", "region"}:  # a county names its bodies too ('the Suffolk Gazette')
            named_towns.setdefault(fold(clean_place_text(text)), place)
        if place.type == "city":
            towns_seen.append(place)
        if place.type == "city" and story_town is None:
            story_town = place
        if place.type == "city" and place.latitude is not None and place.longitude is not None:
            story_towns.append((fold(clean_place_text(text)), place.latitude, place.longitude))
        if place.type != "city" and place.country_code:
            article_countries.add(place.country_code)
        if place.type == "country":
            article_country_counts[place.country_code] += 1
            country_words.setdefault(place.country_code, set()).add(fold(clean_place_text(text)))
        if place.type == "city":
            city_countries.add(place.country_code)
            if place.admin1:
                us_state_codes.add(place.admin1)
                if cand.next_text:
                    placed_states.add(place.admin1)
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
    states_inside_names = any(  # 'the Louisiana State Museum': a story set in the US
        cand.source == "embedded" and fold(clean_place_text(block.text[cand.start : cand.end])) in us_states()
        for block, cand in found
    )
    story_country = ranked[0][0] if ranked else story_town.country_code if story_town else ""
    if not ranked and (named_states or states_inside_names):
        story_country = "US"
    # the town of the story's streets lies in the story's country ('Royal Street' of a Louisiana story is not in a
    # foreign namesake of a surname read as a town)
    story_town = next((t for t in towns_seen if t.country_code == story_country), None if story_country else story_town)
    person_words = frozenset(
        fold(t.text)
        for block in parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION)
        for ent in block.doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for t in ent
    )
    story_map = StoryMap(story_towns)
    story = Story(story_town, story_country, person_words, story_map, named_towns)
    seen: dict[str, Entity] = {}
    emitted: set[tuple[int, int]] = set()
    town_bodies: set[tuple[int, int]] = set()  # (block, start) of a town kept by places.embedded_story_town
    for block, cand in found:
        if (block.offset, cand.start) in town_bodies:
            continue  # the organisation's own candidate starting at the town kept just before
        unit_country = (
            unit_country_of(block, cand, article_country_counts) if cand.area_word or cand.area_before else None
        )
        place, rule, reason = resolve_candidate(
            block.text[cand.start : cand.end], cand, article_countries, us_state_codes, unit_country, story
        )
        if place is None and cand.source == "story_town":
            continue  # its organisation's own candidate, next, is read as usual
        if cand.source == "story_town":
            town_bodies.add((block.offset, cand.start))
        if place is None:
            if trace.enabled:
                text = block.text[cand.start : cand.end]
                start, end = block.offset + cand.start, block.offset + cand.end
                trace.drop("places", text, start, end, rule, reason, RULE_OF_SOURCE[cand.source])
            continue
        in_county = (
            town_in_county(block.text[cand.start : cand.end], place, cand, named_states | placed_states, readings)
            if readings and (rule in NAMESAKE_RULES or rule == "places.embedded_town")
            else None
        )
        if in_county is not None:
            place, rule = in_county, "places.town_in_county"
        if rule in NAMESAKE_RULES:
            near = nearby_namesake(
                block.text[cand.start : cand.end], place, cand, named_states | placed_states, story_map
            )
            if near is not None:
                place, rule = near, "places.nearby_namesake"
        if rule in NAMESAKE_RULES | {"places.exact_name", "places.lexicon_scan"}:
            other = country_or_namesake_town(block.text[cand.start : cand.end], place, cand, story_map)
            if other is not None:
                place, rule = other, "places.country_or_namesake_town"
        placed = feature_in_story_country(place, story.country)
        if placed is not None:
            place, rule = placed, "places.feature_in_story_country"
        start, end = _trim(block.doc, cand.start, cand.end)
        a_start, a_end = block.offset + start, block.offset + end
        if (a_start, a_end) in emitted:
            continue  # two finders read the same words ('The Holy See' as a name and inside one)
        emitted.add((a_start, a_end))
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
