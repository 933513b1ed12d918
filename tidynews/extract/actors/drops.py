"""Actor drops: the named rules that reject a candidate (each registered as `kind="drops"`).

A candidate is dropped when it is no actor: a photo credit, the place of a dateline, a date, a title word or a
nationality, an agreement or a geographic feature, a capitalised common noun opening a sentence, a description,
a place before its kind of area, a big city taken for a person; or when a longer candidate covers it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from tidynews.articles import CAPTION
from tidynews.extract.actors.lexicon import (
    AREA_KIND_WORDS,
    LOCAL_BODY_WORDS,
    NON_ACTOR_HEADS,
    ORG,
    ORG_HEADS,
    ORG_NOUNS_BEFORE_NAME,
    PERSON,
    PLACE_NOUNS,
    QUOTE_CHARS,
    SUPERLATIVE_WORDS,
    TRADE_WORDS,
    country_or_demonym_code,
    group_words,
    known_organisations,
    not_actor_names,
    word_list,
)
from tidynews.extract.actors.names import Candidate, is_acronym, reject
from tidynews.extract.countries import country_code, demonym_code, fold
from tidynews.extract.datelines import read_dateline
from tidynews.extract.geonames_index import big_city_names, entries
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.titles import is_title_word
from tidynews.nlp import ParsedArticle, ParsedBlock

if TYPE_CHECKING:
    from tidynews.extract.actors.article import Group


# a lower-case particle that opens a surname ("al-Qadir", "van Dijk"): such a name is not written in lower case
PARTICLE_PREFIX = re.compile(r"(?:al|el|van|von|de|bin)[- ]")
PARTICLE_BEFORE_CAPITAL = re.compile(PARTICLE_PREFIX.pattern + "[A-Z]")
CREDIT_IN_CAPTION = re.compile(r"\(([^()]*)\)\s*$")
# "Ana Ruiz/Reuters", "Saul Loeb/Pool/AFP": capitalised names of up to four words joined by slashes (not every
# run of words before a slash: "Prime Minister Lena Holt said the rate rose 2/32" holds no credit)
CREDIT_WORDS = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}"
CREDIT_NAMES = re.compile(r"(?<![\w.’'-])" + CREDIT_WORDS + r"(?:/" + CREDIT_WORDS + r")+")


def credit_char_ranges(block: ParsedBlock) -> list[tuple[int, int]]:
    """Block-relative character ranges of photo credits: "(Ariel Hermoni/Defense Ministry)" at the end
    of a caption, and any "Name/Agency" run joined by slashes."""
    text = block.text
    ranges = []
    m = CREDIT_IN_CAPTION.search(text)
    if m and ("/" in m.group(1) or block.zone == CAPTION):
        ranges.append((m.start(), m.end()))
    if "/" not in text:
        return ranges  # the pattern below needs a slash, and backtracks over every word of a block without one
    for m in CREDIT_NAMES.finditer(text):
        ranges.append((m.start(), m.end()))
    return ranges


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


@register_rule("actors.photo_credit", kind="drops")
def is_photo_credit(start: int, end: int, credits: list[tuple[int, int]]) -> bool:
    """A name inside a photo credit ("(Ana Ruiz/Reuters)" ending a caption, "Name/Agency") is no mention.

    Example: Rescuers search the rubble. Ana Ruiz/Northern Wire Agency"""
    return in_ranges(start, end, credits)


@register_rule("actors.treaty_or_place", kind="drops")
def is_treaty_or_place(name: str, doc: Doc, end: int) -> bool:
    """A name that is an agreement, event or geographic feature, not an actor: "the Coral Sea Partnership (CSP)
    trade agreement", "Convention on the Rights of the Child", "Taebaek Range".

    Example: Ministers signed the Convention on Coastal Fishing Rights in June."""
    words = name.replace("-", " ").split()
    last = words[-1].lower()
    if last in NON_ACTOR_HEADS:
        return True
    if last == "partnership" and TRADE_WORDS & {w.lower() for w in words}:
        return True
    if re.search(r"\b(?:convention|treaty|agreement) on\b", name, re.IGNORECASE):
        return True
    # followed by "(ACR)"? then by "trade agreement|deal|treaty"
    i = end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")":
            i += 1
        i += 1
    nxt = " ".join(t.lower_ for t in doc[i : i + 2])
    return bool(re.match(r"(?:trade |free trade |peace )?(?:agreement|deal|treaty|accord|pact)\b", nxt))


# a dateline written as a line of its own, the place and the filing date and nothing else: "SOUTHPORT 2024-05-02",
# "SOUTHPORT, Kent May 2" (the one-line form of wire copy; `read_dateline` reads the form that runs into the story)
DATELINE_LINE = re.compile(
    r"^[A-Z][A-Z.'’ /-]*[A-Z.](?:,\s*[A-Z][\w.'’ -]{1,30}?)?,?\s+"
    r"(?P<date>\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"\s*$"
)


@register_rule("actors.dateline_place", kind="drops")
def in_dateline(block: ParsedBlock, cand: Candidate) -> bool:
    """The place of a dateline is no actor: "NAIROBI (Reuters) -", "WASHINGTON —", or a line of its own with the
    place and the date only ("NAIROBI 2024-05-02").

    Example: SOUTHPORT CITY (Northern Wire) - Floods closed the port on Monday."""
    dateline = read_dateline(block.text)
    if dateline is not None:
        return cand.start - block.offset < dateline.place_end
    line = DATELINE_LINE.match(block.text)
    return line is not None and cand.start - block.offset < line.start("date")


@register_rule("actors.not_a_name", kind="drops")
def is_junk_name(name: str, kind: str) -> str:
    """Why a 'name' is never an actor ("" when it may be one): dates and numbers, lower-case words, single title
    or office words ("State" in "Secretary of State"), religions and nationalities ("Shiite"), party-state tags
    ("D-Ore"), countries, events and diseases (data/actor_not_actors.csv).

    Example: Talks on Brexit stalled again on Tuesday."""
    if not name or not any(c.isalpha() for c in name):
        return "no letters"
    if re.search(r"\d", name):
        return "a number or date"
    if name[0].islower() and not PARTICLE_PREFIX.match(name):
        return "lower case"
    words = name.split()
    if name.lower() in not_actor_names():
        return "an event, time zone or competition, not an actor (data/actor_not_actors.csv)"
    if all(is_title_word(w) for w in words):
        return "title words only"
    if name.lower() in group_words() or (country_or_demonym_code(name) and kind != PERSON):
        return "a nationality, group or country word"
    if kind == PERSON and (demonym_code(name) or " " in name and country_code(name)):
        return "a nationality or a country of two words ('Sri Lanka'), tagged as a person"
    if re.fullmatch(r"[DRI]-[A-Z][a-z]*\.?", name):
        return "a party-state tag"
    return "a quotation mark in the name" if any(q in name for q in QUOTE_CHARS) else ""


@register_rule("actors.sentence_initial_common_noun", kind="drops")
def is_sentence_initial_common_noun(doc: Doc, start: int, end: int, text: str) -> bool:
    """A one-word 'name' that is only a capitalised common noun at the start of a sentence or a quote,
    never written capitalised inside a sentence of the block (a company is written inside sentences too).

    Example: Households are struggling with bills this winter."""
    if end - start != 1:
        return False
    tok = doc[start]
    if not (tok.pos_ == "NOUN" or tok.tag_ in {"NNS", "NNPS"}) or not tok.is_title:
        return False  # a plural is a common noun even when spaCy calls it proper: "Pensioners said"
    if tok.text in known_organisations():
        return False
    at_start = tok.is_sent_start or start == 0 or doc[start - 1].is_punct and doc[start - 1].text in QUOTE_CHARS + "'("
    if not at_start:
        return False
    inside = re.search(r"(?<=[a-z0-9,;] )" + re.escape(tok.text) + r"\b", text)
    return inside is None


@register_rule("actors.name_in_compound_modifier", kind="drops")
def is_in_compound_modifier(cand: Candidate) -> bool:
    """A name glued by a hyphen to a lower-case word is the first half of a compound modifier ("Fabrikon-owned",
    "Alliance-led", "Treaty-era") before its noun, not a mention of the actor: the curated finder skips these the
    same way. A hyphenated given name ("Pak Su-mi said") has no noun after it.

    Example: The Nordbank-owned airline said on Monday it would cut fares."""
    doc, end = cand.doc, cand.tok_end
    if end + 1 >= len(doc) or doc[end - 1].whitespace_ or doc[end].text != "-" or doc[end].whitespace_:
        return False
    if not doc[end + 1].text[:1].islower() or end + 2 >= len(doc):
        return False
    return doc[end + 2].is_alpha and not doc[end + 2].is_stop  # a modifier has its noun; "Kim In-so to" is a name


@register_rule("actors.descriptive_phrase", kind="drops")
def is_descriptive_phrase(doc: Doc, start: int, end: int) -> bool:
    """A lower-case superlative or comparative inside a 'name' makes it a description, not a name:
    "the largest local authority in Europe", "the biggest lender", "a larger rival".

    Example: A spokesman for the biggest river flood authority said the gates were shut."""
    return any(
        t.is_lower and (t.tag_ in {"JJS", "JJR", "RBS"} or t.lower_ in SUPERLATIVE_WORDS) for t in doc[start:end]
    )


@register_rule("actors.area_before_kind_word", kind="drops")
def names_area_before_kind_word(doc: Doc, end: int) -> bool:
    """A name followed by a lower-case kind of area names a place, not an actor, unless a body follows:
    "Vostrel prefecture" and "Marenco province" are places; "Lagos state government" is a body.

    Example: Heavy snow fell in Vostrel prefecture on Monday."""
    if end >= len(doc) or doc[end].text not in AREA_KIND_WORDS:
        return False
    return end + 1 >= len(doc) or doc[end + 1].lower_ not in LOCAL_BODY_WORDS


@register_rule("actors.overlap", kind="drops")
def drop_overlaps(cands: list[Candidate], trace: Trace = NULL_TRACE) -> list[Candidate]:
    """Keep one candidate per stretch of text: the longest, a curated one on a tie.

    Example: The Riverside Farmers' Union said prices were too low."""
    rank = {
        "curated": 0,
        "state-body": 1,
        "local-body": 1,
        "possessive": 1,
        "cue": 1,
        "team": 1,
        "spacy": 2,
        "honorific": 3,
        "lowercase": 4,
        "age": 5,
    }
    # a team or scorer read from the shape of a results line wins over spaCy's reading of that line
    order = sorted(
        cands,
        key=lambda c: (c.kind == "weak", c.source != "results", -(c.end - c.start), rank.get(c.source, 9), c.start),
    )
    kept: list[Candidate] = []
    for c in order:
        covering = next((k for k in kept if c.start < k.end and k.start < c.end), None)
        if covering is None:
            kept.append(c)
        else:
            reject(trace, c, drop_overlaps, f"inside or across {covering.name!r} ({covering.rule})")
    # weak candidates come last in the order, so they never hide a real one
    return sorted(kept, key=lambda c: c.start)


# rules that read a person from the slot of a results line, where a town's name is a player's ("c Leeds b Hull 4")
PLAYER_SLOT_RULES = frozenset(
    {
        "actors.player_in_scorecard",
        "actors.scorer_in_score_line",
        "actors.scorers_of_a_team",
        "actors.bowler_with_figures",
        "actors.player_with_round_scores",
        "actors.numbered_player_in_lineup",
    }
)


@register_rule("actors.city_not_person", kind="drops")
def is_city_not_person(g: Group) -> bool:
    """A one-word 'person' that is a big city or a country and never written with a first name or honorific:
    "as Hull cuts services", "Malawi's former president" (spaCy tags many place names as people).

    Example: Leeds told Hull to wait."""
    names = {n for n in g.names}
    return (
        all(" " not in n for n in names)
        and not g.honorific
        and all(n in big_city_names() or country_code(n) for n in names)
        and not any(c.source in {"honorific", "age"} or c.rule in PLAYER_SLOT_RULES for c in g.members)
    )


@register_rule("actors.acronym_of_non_actor", kind="drops")
def drop_defined_non_actors(
    cands: list[Candidate], parsed: ParsedArticle, trace: Trace = NULL_TRACE
) -> list[Candidate]:
    """An acronym defined in brackets after an agreement is the agreement too:
    "the Coral Sea Partnership (CSP) trade agreement" -> "CSP" is no actor.

    Example: Both sides signed the Coral Sea Partnership (CSP) trade agreement, and the CSP took effect."""
    out = []
    for c in cands:
        if c.kind == ORG and c.known is None and is_acronym(c.name):
            m = re.search(r"([A-Z][\w'’ -]+?) \(" + re.escape(c.name) + r"\)", parsed.text)
            if m:
                words = m.group(1).split()
                long_name = " ".join(words[-max(len(c.name.replace(".", "")), 1) - 1 :])
                doc = c.doc
                if is_treaty_or_place(long_name, doc, len(doc)) or _defined_before_agreement(parsed.text, c.name):
                    reject(trace, c, drop_defined_non_actors, f"the acronym of {long_name!r}, no actor")
                    continue
        out.append(c)
    return out


def _defined_before_agreement(text: str, acronym: str) -> bool:
    return bool(
        re.search(r"\(" + re.escape(acronym) + r"\)\s+(?:free )?(?:trade )?(?:agreement|deal|treaty|pact)", text)
    )


# "clashes in Arden", "the road near Arden": the word before a place; not after a stake ("shares in Arden")
PLACE_PREPOSITIONS = word_list("place_preposition")
STAKE_WORDS = word_list("stake_word")
# "Arden airport", "the Arden hinterland": lower-case words after a place's name
PLACES_AFTER_NAME = word_list("place_after_name")


def in_place_slot(c: Candidate) -> bool:
    """Whether a name sits where news writes a place: after "in", "at", "near", "outside" ("clashes in Arden"),
    after "the town of" ("the port of Arden"), or before a lower-case kind of place ("Arden airport")."""
    doc, start, end = c.doc, c.tok_start, c.tok_end
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in PLACE_PREPOSITIONS and not (start > 1 and doc[start - 2].lower_ in STAKE_WORDS):
        return True
    if before == "of" and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in PLACES_AFTER_NAME


def acts_as_actor(c: Candidate) -> bool:
    """Whether a name is written as an actor: the subject of a verb right after it ("Arden announced", not "the
    embassy in Arden said"), or after "the club", "the firm"."""
    doc, start, end = c.doc, c.tok_start, c.tok_end
    if start > 0 and doc[start - 1].lower_ in ORG_NOUNS_BEFORE_NAME:
        return True
    if in_place_slot(c):
        return False  # "the embassy in Arden said": the verb is the embassy's
    after = doc[end] if end < len(doc) else None
    return after is not None and after.tag_ in {"VBD", "VBZ"} and after.dep_ != "aux" and after.lemma_ != "be"


@register_rule("actors.place_in_place_slots", kind="drops")
def drop_places_in_place_slots(
    cands: list[Candidate], trace: Trace = NULL_TRACE, blocks: list[ParsedBlock] | None = None
) -> list[Candidate]:
    """A name spaCy tags as an organisation or person that is a town or region of the gazetteer and that the
    article writes, at least half the times, where news writes a place ("in Arden", "the town of Arden", "Arden
    airport") is that place, no actor: spaCy's small model tags many foreign towns ORG.

    Example: Refugees marched towards Tartu on Sunday. Police in Tartu said the road was shut."""
    by_name: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.source == "spacy" and c.known is None and c.kind in {ORG, PERSON, "weak"} and starts_proper(c.name):
            by_name.setdefault(c.name, []).append(c)
    dropped: set[int] = set()
    sports = sports_story(cands, blocks or [])
    for name, members in by_name.items():
        cue = next((c for c in members if described_as_place(c)), None) or (
            members[0] if described_as_place(members[0], blocks) else None
        )
        if cue is not None and len(name.split()) <= 3 and not any(after_org_noun(c) for c in members):
            # in a sports story a town may be its club elsewhere ("Arden, coached by ..."): only its place uses go
            for c in members if not sports else [c for c in members if described_as_place(c) or in_place_slot(c)]:
                reject(trace, c, described_as_place, f"a place: {cue.name!r} is described as one")
                dropped.add(id(c))
            continue
        if len(name.split()) > 2 or name.lower() in ORG_HEADS or not entries(fold(name), ("city", "admin1", "admin2")):
            continue  # "Congress" is also a town's name
        if any(acts_as_actor(c) for c in members):
            continue
        in_slot = sum(in_place_slot(c) for c in members)
        if in_slot and 2 * in_slot >= len(members):
            for c in members:
                reject(trace, c, drop_places_in_place_slots, "a place: written where news writes places")
                dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


# "the Briton", "Chechens", "a Frenchman", "Sri Lankans", "Rwandan Hutu refugees": words for people of a nation or
# a group, read in the singular, the plural and the "-man" form
PEOPLE_NOUNS = word_list("people_noun")


def _people_forms(word: str) -> set[str]:
    """The word, its singular and its nationality ("Frenchmen" -> "french"), lower case."""
    w = word.lower()
    forms = {w}
    for end in ("men", "man"):
        if w.endswith(end) and len(w) > len(end) + 3:
            forms.add(w[: -len(end)])
            forms.add(w[: -len(end) - 1] if w[: -len(end)].endswith("s") else w[: -len(end)])
    for f in list(forms):
        if f.endswith("s"):
            forms.add(f[:-1])
    return forms


def _names_people(word: str) -> bool:
    return any(f in PEOPLE_NOUNS or f in group_words() or demonym_code(f.title()) for f in _people_forms(word))


@register_rule("actors.people_word", kind="drops")
def is_people_word(name: str) -> bool:
    """A word for people of a nation, region or group, singular or plural, with nationalities before it, is no
    actor: "the Briton", "Chechens", "a Frenchman", "Sri Lankans", "Rwandan Hutu refugees".

    Example: The Briton, who turned 30 this year, won the third set easily."""
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if _names_people(name):
        return True
    return len(words) > 1 and _names_people(words[-1]) and all(demonym_code(w) for w in words[:-1])


def nationality_described_before_person(cand: Candidate) -> bool:
    """A capitalised word opening a sentence and a nationality, right before a person's name, describe the person:
    "Outspoken Australian Lena Holt" (spaCy tags "Outspoken Australian" ORG or PERSON)."""
    doc, start, end = cand.doc, cand.tok_start, cand.tok_end
    words = doc[start:end]
    return (
        len(words) == 2
        and words[0].is_sent_start
        and words[0].is_title
        and not demonym_code(words[0].text)
        and bool(demonym_code(words[1].text))
        and end < len(doc)
        and doc[end].ent_type_ == "PERSON"
    )


EVENT_HEADS = word_list("event_head")
EVENT_FOLLOWERS = word_list("event_follower")
EVENT_NOUNS = word_list("event_noun")
INDEX_WORDS = word_list("index_word")
INDEX_MODIFIERS = word_list("index_modifier")
# "three RBI", "a 3.45 ERA": a statistic after its number (the same letters may name a bank elsewhere)
STATISTICS = word_list("statistic")
STATISTIC_NOUNS = word_list("statistic_noun")
LEAGUE_SECTION = re.compile(
    r"(?:\bLeague|\b[AN]\.?L\.?)\s+(?:Central|East|West|Eastern|Western|North|South)(?:\s+Division)?$"
)


@register_rule("actors.event_or_index", kind="drops")
def names_event_or_index(cand: Candidate, kind: str) -> str:
    """Why a name is a sports event, a holiday or a market index and no actor ("" when it is none of them): its
    last word names an event ("the Northern Golf Tour", "the Harbour Classic"), a capitalised event word follows
    it ("Labour Day", "the Acme Cup"), it is a tournament before a lower-case title word ("the Wimbledon
    champion"), a league's section ("the National League Central"), or an index or contract follows it ("the
    Nasdaq composite index", "Nikkei futures").

    Example: He has three career wins on the Northern Golf Tour, his manager said."""
    if kind == PERSON or cand.known is not None:
        return ""
    doc, start, end = cand.doc, cand.tok_start, cand.tok_end
    words = cand.name.split()
    nxt = doc[end] if end < len(doc) else None
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in EVENT_HEADS:
        return "the name of a sports event"
    if LEAGUE_SECTION.search(cand.name):
        return "a league's section"
    if nxt is not None and nxt.text in EVENT_FOLLOWERS:
        return f"part of an event's or holiday's name ({cand.name} {nxt.text})"
    if cand.name.lower() in STATISTICS and (
        start > 0 and doc[start - 1].like_num or nxt is not None and nxt.lower_ in STATISTIC_NOUNS
    ):
        return "a statistic after its number or before a play ('three RBI', 'an RBI double')"
    if nxt is not None and nxt.is_lower and nxt.lower_ in EVENT_NOUNS and len(words) <= 2 and not cand.name.isupper():
        return f"a tournament ({cand.name} {nxt.text})"
    i = end
    if i < len(doc) and doc[i].like_num:
        i += 1  # "the FTSE 100 index"
    for _ in range(4):  # "the Acme composite index", "the Acme industrial average", "Acme futures"
        tok = doc[i] if i < len(doc) else None
        # "the Dow Jones industrial average" (not a month: "the Acme August index" is a survey's)
        if tok is None or not (tok.is_lower or tok.is_title and i == end and tok.ent_type_ != "DATE"):
            break
        if tok.lower_ in INDEX_WORDS and words[-1].lower() not in ORG_HEADS:  # "the Acme Stock Exchange index"
            return "a market index or contract"
        if not (tok.tag_ == "JJ" or tok.lower_ in INDEX_MODIFIERS or tok.is_title and i == end):
            break
        i += 1
    return ""


def after_org_noun(c: Candidate) -> bool:
    """Whether a name follows "the club", "the firm", "the group": an organisation's name however it is used."""
    return c.tok_start > 0 and c.doc[c.tok_start - 1].lower_ in ORG_NOUNS_BEFORE_NAME


_PLACE_NOUN_WORDS = "|".join(sorted(PLACE_NOUNS | {"settlement", "resort", "enclave", "island", "province"}))
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
# "the town of X", "the mining towns of X", "20 km (12 miles) from X", "just east of X", "the capital X"
PLACE_BEFORE = re.compile(
    rf"(?:\b(?:{_PLACE_NOUN_WORDS})s? of|\b{_COMPASS} of|\b(?:km|kms|kilometres?|kilometers?|miles?)\)? "
    rf"(?:{_COMPASS} )?(?:from|of)|\bcapital,?) (?:the )?$",
    re.IGNORECASE,
)
# "X, a village 40 km from", "X is a Norwegian settlement": an apposition or copula naming a kind of place, which no
# noun follows ("X, a town councillor" is a person)
PLACE_AFTER = re.compile(
    rf"^,? (?:is |was )?an? (?:[a-z-]+ ){{0,2}}(?:{_PLACE_NOUN_WORDS})\b"
    r"(?=\s*[,.;:()]|\s*$| (?:of|in|on|near|about|some|where|which|that|with|north|south|east|west|\d))"
)


# "X region", "X airport", "X mosque": a lower-case kind of area or place right after the name (not "X region council")
PLACE_KIND_AFTER = re.compile(
    rf"^ (?:(?:{'|'.join(sorted(AREA_KIND_WORDS))})\b(?! (?:{'|'.join(sorted(LOCAL_BODY_WORDS))})\b)"
    rf"|(?:{'|'.join(sorted(word_list('place_kind_after')))})\b)"
)


def place_described_at(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] describe it as a place."""
    return bool(
        PLACE_BEFORE.search(text[max(0, start - 60) : start])
        or PLACE_AFTER.match(text[end : end + 60])
        or PLACE_KIND_AFTER.match(text[end : end + 40])
    )


@register_rule("actors.place_by_description", kind="drops")
def described_as_place(c: Candidate, blocks: list[ParsedBlock] | None = None) -> bool:
    """A name the article describes once as a place is that place in every mention: "the town of X", "the mining
    towns of X", "20 km (12 miles) from X", "east of X", "the capital X", "X, a village near", "X is a town", "X
    region", "X airport" (spaCy's small model tags many small towns as organisations or people). With `blocks`, any
    place where the article writes the name counts.

    Example: Rebels took the mountain town of Velmora. Velmora was quiet on Monday, officials said."""
    if place_described_at(c.block.text, c.start - c.block.offset, c.end - c.block.offset):
        return True
    pattern = re.compile(r"(?<![\w-])" + re.escape(c.name) + r"(?![\w-])")
    return any(
        place_described_at(b.text, m.start(), m.end())
        for b in blocks or []
        if c.name in b.text
        for m in pattern.finditer(b.text)
    )


def sports_story(cands: list[Candidate], blocks: list[ParsedBlock]) -> bool:
    """Whether the headline names a sport or a candidate is a team of a results line."""
    from tidynews.extract.actors.results import TEAM_RULES, headline_sport  # results imports this module

    return bool(headline_sport(blocks)) or any(c.rule in TEAM_RULES for c in cands)


VESSEL_BEFORE = re.compile(
    r"\b(?:aircraft carrier|ship|warship|tanker|vessel|liner|frigate|destroyer|submarine|freighter|ferry|cruiser"
    r"|yacht)s? (?:the )?$"
)
VESSEL_PREFIX = re.compile(r"^(?:HMS|USS|RMS|HMAS|MV|SS) (?=[A-Z])")


@register_rule("actors.vessel_name", kind="drops")
def drop_vessels(cands: list[Candidate], trace: Trace = NULL_TRACE) -> list[Candidate]:
    """A ship's name is no actor, in every mention: a name right after "the aircraft carrier", "the tanker", "the
    liner", or written with a prefix ("HMS", "USS", "RMS"); its later mentions without the prefix too.

    Example: Jets took off from the aircraft carrier Mary Kellner on Monday. The Mary Kellner sailed at dawn."""
    vessels: set[str] = set()
    for c in cands:
        if c.source == "spacy" and c.known is None:
            before = c.block.text[max(0, c.start - c.block.offset - 40) : c.start - c.block.offset]
            if VESSEL_BEFORE.search(before) or VESSEL_PREFIX.match(c.name):
                vessels |= {c.name, VESSEL_PREFIX.sub("", c.name)}
    if not vessels:
        return cands
    out = []
    for c in cands:
        if c.source == "spacy" and c.known is None and c.name in vessels:
            reject(trace, c, drop_vessels, "a ship's name")
        else:
            out.append(c)
    return out


FACILITY_HEADS = word_list("facility_head")
# "at the X Hospital", "to New York's X Hospital", "behind the one-storey X Motel"
FACILITY_SLOT = re.compile(
    r"\b(?:in|at|to|from|into|behind|outside|near|inside|towards?) (?:the )?"
    r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)*['’]s )?(?:[a-z-]+ )?$"
)


@register_rule("actors.facility_in_place_slot", kind="drops")
def is_facility_in_place_slot(cand: Candidate) -> bool:
    """A named building (a hospital, hotel, prison, museum, church, arena) written where news writes a place
    ("admitted to the X Hospital", "at the X Centre") is that place, no actor; the same name as a subject ("the X
    Hospital said") stays an organisation.

    Example: The singer was taken to the Saint Arvid Hospital on Monday night."""
    words = cand.name.split()
    if len(words) < 2 or words[-1].lower() not in FACILITY_HEADS or cand.known is not None:
        return False
    return bool(
        FACILITY_SLOT.search(
            cand.block.text[max(0, cand.start - cand.block.offset - 60) : cand.start - cand.block.offset]
        )
    )


def starts_proper(name: str) -> bool:
    """A name that begins with a capital, or with a lower-case particle before one ("al-Qadir", "van Dijk")."""
    return name[:1].isupper() or bool(PARTICLE_BEFORE_CAPITAL.match(name))


@register_rule("actors.repeat_of_non_actor", kind="drops")
def drop_non_actor_repeats(groups: list[Group], trace: Trace = NULL_TRACE) -> None:
    """A later mention found by repeating a known name is dropped where the same words make it an event, an index
    or a building written as a place ("the Acme Cup", "Acme 100 index", "behind the Acme Motel"), as the rules that
    read spaCy's names do.

    Example: The Lakeside Motel reopened on Monday. Police said a truck parked behind the Lakeside Motel exploded."""
    for g in groups:
        kept = []
        for c in g.members:
            why = ""
            if c.rule == "actors.known_name_repeated" and g.kind != PERSON and c.known is None:
                why = names_event_or_index(c, ORG) or (
                    "a building written where news writes places" if is_facility_in_place_slot(c) else ""
                )
            if why:
                reject(trace, c, drop_non_actor_repeats, why)
            else:
                kept.append(c)
        g.members[:] = kept
