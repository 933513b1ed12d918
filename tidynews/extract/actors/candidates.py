"""Actor candidates: every rule that proposes a span naming a person or an organisation (`kind="finds"`).

Owns the finders run on each block: spaCy's PERSON/ORG entities cleaned, curated organisations (PhraseMatcher),
surnames after an honorific, names with an age, plural-possessive organisations, firms after a cue ("analysts at
X"), teams after their place, news agencies and desks; the finders of government bodies ("<country> government",
lower-case public bodies and ministries, councils named by their place) are in `government.py`. Each candidate
carries the id of the rule that found it; `find_candidates` runs them all and the drop rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from tidynews.extract.actors.drops import (
    EVENT_FOLLOWERS,
    drop_overlaps,
    in_dateline,
    in_ranges,
    is_descriptive_phrase,
    is_facility_in_place_slot,
    is_in_compound_modifier,
    is_junk_name,
    is_people_word,
    is_photo_credit,
    is_sentence_initial_common_noun,
    is_treaty_or_place,
    names_area_before_kind_word,
    names_event_or_index,
    nationality_described_before_person,
)
from tidynews.extract.actors.government import (
    local_government_candidates,
    lowercase_institution_candidates,
    lowercase_ministry_candidates,
    state_body_candidates,
)
from tidynews.extract.actors.lexicon import (
    CUE_LINKS,
    CUE_NOUNS,
    GPE_ORG_HEADS,
    HONORIFICS_BEFORE_NAME,
    LEADING_FUNCTION_WORDS,
    ORG,
    ORG_HEADS,
    ORG_NOUNS_BEFORE_NAME,
    PERSON,
    PLACE_NOUNS,
    POSSESSIVE,
    QUOTE_CHARS,
    country_or_demonym_code,
    group_words,
    known_organisations,
    word_list,
)
from tidynews.extract.actors.names import (
    Candidate,
    EntTypesBut,
    clean_span,
    extend_person_name,
    is_age,
    keeps_possessive_s,
    make_candidate,
    member_of_possessor,
    person_after_person_noun,
    place_word_before_org,
    propose,
    reject,
    reject_span,
    split_at_possessive,
    stands_alone,
    title_glued_to_person,
    trim_leading_titles,
)
from tidynews.extract.actors.results import results_line_candidates
from tidynews.extract.countries import demonym_code, fold
from tidynews.extract.geonames_index import big_city_names, entries, rows_named
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.titles import is_title_word
from tidynews.nlp import ParsedBlock

SKIPPED_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "LANGUAGE"}


@register_rule("actors.entity_person")
def entity_person(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """A person spaCy tags PERSON, without a title it glued on and with a surname it cut off; an organisation
    when its last word is an organisation word or it follows "the group" ("the campaign group Open Fields").

    Example: Party leader Maria Luisa Ortega opened the congress in the capital."""
    last = doc[end - 1].lower_
    start = trim_leading_titles(doc, start, end)
    if end - start >= 3 and demonym_code(doc[start].text):
        start += 1  # "Kenyan Piet Okoro": the nationality is no part of the name
    end = extend_person_name(doc, end)
    after_org_noun = start > 0 and doc[start - 1].lower_ in ORG_NOUNS_BEFORE_NAME
    # "St Arden" names a club, a town or a church: saints are not persons of the news
    saint_named = end - start == 2 and doc[start].lower_ in word_list("saint_prefix")
    return start, end, ORG if last in ORG_HEADS or after_org_noun or saint_named else PERSON


@register_rule("actors.entity_organisation")
def entity_organisation(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """An organisation spaCy tags ORG, with its "'s" when nothing it could own follows ("Moody's said"); a person
    when a title's end or an organisation's possessive was glued on ("Labour's Daren Hale").

    Example: The Northfield Mining Company said output fell by a third."""
    if keeps_possessive_s(doc, end):
        end += 1
    person_start = title_glued_to_person(doc, start, end)
    if person_start is not None:
        return person_start, end, PERSON
    if member_of_possessor(doc, start, end):
        return start, end, PERSON
    if nationality_before_person(doc, start, end):
        return start + 1, end, PERSON
    return place_word_before_org(doc, start), end, ORG


def nationality_before_person(doc: Doc, start: int, end: int) -> bool:
    """spaCy tags a nationality and a two-word name after it ORG: "American Lena Holt won" is a person named after
    her nationality ("Japanese Sony Corp" keeps its organisation word and stays an organisation)."""
    words = doc[start:end]
    return (
        len(words) == 3
        and bool(demonym_code(words[0].text))
        and all(t.is_title and t.is_alpha and t.lower_ not in ORG_HEADS for t in words[1:])
        and not any(is_title_word(t.text) for t in words[1:])
    )


@register_rule("actors.entity_with_org_head")
def entity_with_org_head(doc: Doc, start: int, end: int, label: str) -> str:
    """A name spaCy tags neither PERSON nor ORG that ends in an organisation word is an organisation: a regiment
    tagged as a work of art, a police force or ministry tagged as a place ("Misrata Police"); any other is 'weak',
    kept only if it later proves to be the name of a known person or organisation.

    Example: Floods swept across Europe on Sunday."""
    last = doc[end - 1].lower_
    if last in ORG_HEADS and label not in {"GPE", "LOC"} or last in GPE_ORG_HEADS:
        return ORG
    return "weak"


@register_rule("actors.place_after_place_noun", kind="drops")
def is_place_after_place_noun(doc: Doc, start: int) -> bool:
    """A 'person' right after "the town of", "the province of" is a place spaCy took for a person.

    Example: Shelling hit the town of Khan Bellmont on Sunday."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS


def spacy_candidates(block: ParsedBlock, credits: list[tuple[int, int]], trace: Trace = NULL_TRACE) -> list[Candidate]:
    """Named-entity spans that may name actors, cleaned ("the", possessives and quotes off) and typed by the
    `actors.entity_*` rules; then the drop rules that read the words around a span."""
    doc = block.doc
    out = []
    for ent in block.doc.ents:
        if ent.label_ in SKIPPED_LABELS:
            continue
        rule = ENTITY_RULES.get(ent.label_, "actors.entity_with_org_head")
        if in_ranges(ent.start_char, ent.end_char, credits):
            reject_span(trace, block, ent.start_char, ent.end_char, rule, is_photo_credit, "in a photo credit")
            continue
        parts = split_at_pair_words(doc, ent.start, ent.end)
        if len(parts) > 1:
            reject_span(trace, block, ent.start_char, ent.end_char, rule, split_at_pair_words, "two names, split")
        if ent.label_ == "PERSON":
            joined = surname_after_particle(doc, parts[-1][1])
            if joined > parts[-1][1]:
                parts[-1], rule = (parts[-1][0], joined), "actors.surname_after_particle"
        for part_start, part_end in parts:
            cand = spacy_candidate(block, part_start, part_end, ent.label_, rule, trace)
            if cand is not None:
                out.append(cand)
    return out


# Lower-case words that join a given name to its surname ("Rui da Costa", "Jan van Dijk", "Omar bin Said").
SURNAME_PARTICLES = word_list("surname_particle")


@register_rule("actors.surname_after_particle")
def surname_after_particle(doc: Doc, end: int) -> int:
    """The end of a person's name that spaCy cut before a lower-case particle and the capitalised surname after it
    ("Lawyer Sandro" + "dal Ferro"); `end` itself when no particle and surname follow.

    Example: Coach Pieter den Hollander said the team was tired."""
    i = end
    while i < len(doc) and doc[i].text in SURNAME_PARTICLES and doc[i - 1].whitespace_ and doc[i].whitespace_:
        i += 1  # "van der"
    last = i
    while last < min(i + 2, len(doc)) and doc[last].is_title and doc[last].is_alpha:
        last += 1
        if not doc[last - 1].whitespace_:
            break
    return last if i > end and last > i else end


# Words between two names that spaCy reads as one: "Arden v Castleford", "Ana Ruiz - Lena Holt" (a pair), and
# headline verbs in capitals ("MARLINS BEAT REDS", "BALTIMORE AT BOSTON").
PAIR_WORDS = {"v", "vs", "vs.", "-", "–", "—", "(", "BEAT", "BEATS", "AT"}


@register_rule("actors.pair_split", kind="drops")
def split_at_pair_words(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a spaCy name that holds two names joined by "v", a spaced dash, a bracket or a headline verb in
    capitals; each part is a candidate of its own.

    Example: Piet Okoro - Lars Wirth (Valdora) won the pairs race."""
    parts, first = [], start
    for i in range(start + 1, end - 1):
        tok = doc[i]
        if tok.text in PAIR_WORDS and (tok.text == "(" or tok.whitespace_ and doc[i - 1].whitespace_):
            if tok.text.isalpha() and tok.text.isupper() and not doc[i - 1].is_upper:
                continue  # "AT" or "IN" inside a name in ordinary case is no headline verb
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    edge = {w for w in PAIR_WORDS if w.isalpha() and w.isupper()}
    out = []
    for s, e in parts:
        while s < e and doc[s].text in edge:
            s += 1
        while e > s and doc[e - 1].text in edge:
            e -= 1  # "ENGLAND BEAT" of "ENGLAND BEAT PAKISTAN"
        if s < e:
            out.append((s, e))
    return out


def spacy_candidate(block: ParsedBlock, start: int, end: int, label: str, rule: str, trace: Trace) -> Candidate | None:
    """The candidate of one spaCy entity (or one part of it), cleaned and typed, or None when a drop rule
    rejects it."""
    doc = block.doc
    ent_start_char, ent_end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    start, end = clean_span(doc, start, end)
    end = split_at_possessive(doc, start, end)
    start, end = clean_span(doc, start, end)
    if start >= end:
        return None
    if label == "PERSON":
        if is_place_after_place_noun(doc, start):
            reject_span(trace, block, ent_start_char, ent_end_char, rule, is_place_after_place_noun, "a place")
            return None
        start, end, kind = entity_person(doc, start, end)
    elif label == "ORG":
        start, end, kind = entity_organisation(doc, start, end)
        if kind == ORG and person_after_person_noun(doc, start, end):
            kind, rule = PERSON, "actors.person_after_person_noun"
    else:
        kind = entity_with_org_head(doc, start, end, label)
    cand = make_candidate(block, start, end, kind, "spacy", rule=rule)
    if cand is None:
        return None
    propose(trace, cand)
    why = spacy_drop(cand, kind)
    if why is not None:
        reject(trace, cand, *why)
        return None
    return cand


ENTITY_RULES = {"PERSON": "actors.entity_person", "ORG": "actors.entity_organisation"}


def spacy_drop(cand: Candidate, kind: str) -> tuple[Callable, str] | None:
    """The drop rule that rejects a spaCy candidate and why, or None."""
    doc, start, end = cand.doc, cand.tok_start, cand.tok_end
    if is_in_compound_modifier(cand):
        return is_in_compound_modifier, "the first half of a hyphenated modifier"
    if is_sentence_initial_common_noun(doc, start, end, cand.block.text):
        return is_sentence_initial_common_noun, "a capitalised common noun opening a sentence"
    if is_descriptive_phrase(doc, start, end):
        return is_descriptive_phrase, "a description, not a name"
    if names_area_before_kind_word(doc, end):
        return names_area_before_kind_word, "a place before its kind of area"
    if is_facility_in_place_slot(cand):
        return is_facility_in_place_slot, "a building written where news writes places"
    if is_people_word(cand.name) or nationality_described_before_person(cand):
        return is_people_word, "a word for people of a nation or group"
    why = names_event_or_index(cand, kind)
    if why:
        return names_event_or_index, why
    if kind != "weak":
        why = is_junk_name(cand.name, kind)
        if why:
            return is_junk_name, why
        if is_treaty_or_place(cand.name, doc, end):
            return is_treaty_or_place, "an agreement, event or geographic feature"
    elif cand.name.lower() in group_words() or country_or_demonym_code(cand.name):
        return is_junk_name, "a nationality, group or country word"
    return None


@lru_cache(maxsize=4)
def organisation_matcher(vocab: Vocab) -> PhraseMatcher:
    """A PhraseMatcher of every name and alias of data/actor_organisations.csv, each pattern's id the alias itself;
    names of three letters or fewer are searched only when written in capitals ("Fed" is not searched for)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for alias in known_organisations():
        if len(alias) <= 3 and not alias.isupper():
            continue
        words = tokenizer(alias)
        matcher.add(alias, [Doc(vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words])])
    return matcher


@register_rule("actors.organisation_lexicon")
def curated_candidates(
    block: ParsedBlock, credits: list[tuple[int, int]], trace: Trace = NULL_TRACE
) -> list[Candidate]:
    """Well-known organisations written exactly as in data/actor_organisations.csv (PhraseMatcher), wherever they
    are: spaCy misses "IDF" and "Islamic State" and calls Hezbollah a person.

    Example: Hezbollah said its fighters had left the village."""
    doc = block.doc
    text = block.text
    out = []
    letters = [c for c in text if c.isalpha()]
    shouting = sum(c.isupper() for c in letters) > 0.6 * max(len(letters), 1)  # "WHO WILL PAY?" is no WHO
    matcher = organisation_matcher(doc.vocab)
    for match_id, tok_start, tok_end in matcher(doc):
        alias = doc.vocab.strings[match_id]
        if shouting and alias.isupper():
            continue
        span = doc[tok_start:tok_end]
        start, end = span.start_char, span.end_char
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
            continue  # part of a longer word: "U.N." inside "U.N.-backed"
        if end < len(text) and (
            text[end].isalnum()
            or text[end] in "_-"
            or text[end] == "."
            and end + 1 < len(text)
            and (text[end + 1].isalnum() or text[end + 1] == "_")
        ):
            continue
        if not alias.isupper() and not stands_alone(doc, span, CURATED_BEFORE_OK, CURATED_AFTER_OK):
            continue
        cand = make_candidate(
            block,
            span.start,
            span.end,
            ORG,
            "curated",
            known_organisations()[alias],
            rule="actors.organisation_lexicon",
        )
        if cand is None:
            continue
        cand.name = alias
        if is_photo_credit(start, end, credits):
            reject(trace, cand, is_photo_credit, "in a photo credit")
            continue
        if tok_end < len(doc) and doc[tok_end].text in EVENT_FOLLOWERS:
            reject(trace, cand, names_event_or_index, f"part of an event's name ({alias} {doc[tok_end].text})")
            continue
        out.append(cand)
    return out


# a curated name followed by another organisation's word is part of that name; before it, a place may qualify it
CURATED_BEFORE_OK = frozenset({"GPE", "NORP"})
CURATED_AFTER_OK = EntTypesBut(frozenset({"ORG"}))


@register_rule("actors.person_with_age")
def age_apposition_candidates(block: ParsedBlock) -> list[Candidate]:
    """A capitalised name followed by an age in commas is a person, tagged or not: "Musk, 51, wrote".

    Example: Tomasz Wirth, 51, told reporters he would appeal."""
    doc = block.doc
    out = []
    for i in range(len(doc) - 3):
        if not (doc[i + 1].text == "," and doc[i + 2].like_num and doc[i + 3].text == ","):
            continue
        if not is_age(doc[i + 2].text):
            continue
        j = i + 1
        while j - 1 >= 0 and i + 1 - (j - 1) <= 3 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title:
            j -= 1
        if j > i or doc[i].ent_type_ in {"GPE", "LOC", "FAC", "NORP"} or is_title_word(doc[j].text):
            continue
        cand = make_candidate(block, j, i + 1, PERSON, "age", rule="actors.person_with_age")
        if cand and not country_or_demonym_code(cand.name):
            out.append(cand)
    return out


POSSESSIVE_ORG = re.compile(
    # an optional capitalised lead ("National"), a plural owner with its apostrophe, capitalised words,
    # an organisation head: "National Farmers’ Union", "People's Action Party", "Workers' Party"
    r"(?<![\w'’])((?:[A-Z][\w-]*\s+){0,2}(?:[A-Z][a-z]+s['’]|[A-Z][a-z]*(?:people|men|children)['’]s|(?:People|Women|Children|Men)['’]s)"
    r"(?:\s+[A-Z][\w-]*){0,3}?\s+([A-Z][a-z]+))(?![\w'’])"
)


@register_rule("actors.possessive_organisation")
def possessive_org_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """An organisation whose name holds a plural possessive, straight or curly apostrophe, which spaCy
    splits or misses: "the Farmers' Union", "Workers’ Party", "People's Action Party", "Doctors’ Association".
    The last word must be an organisation word; a country before the owner is no part of the name.

    Example: Leaders of the Farmers' Union met the Doctors’ Association on Friday."""
    doc = block.doc
    out = []
    for m in POSSESSIVE_ORG.finditer(block.text):
        if m.group(2).lower() not in ORG_HEADS or in_ranges(m.start(), m.end(), credits):
            continue
        start_char = m.start(1)
        words = m.group(1).split()
        while words and (words[0] in LEADING_FUNCTION_WORDS or country_or_demonym_code(words[0])):
            start_char = block.text.index(words[1], start_char + len(words[0])) if len(words) > 1 else m.end()
            words.pop(0)
        if len(words) < 2:
            continue
        span = doc.char_span(start_char, m.end(1), alignment_mode="expand")
        if span is None:
            continue
        owner = next((t.i for t in span if t.i + 1 < span.end and doc[t.i + 1].text in POSSESSIVE), span.start)
        first = span.start
        while first < owner and (doc[first].pos_ != "PROPN" or doc[first].ent_type_ in {"DATE", "TIME"}):
            first += 1  # "Yesterday Farmers' Union members": a capitalised adverb is no part of the name
        cand = make_candidate(block, first, span.end, ORG, "possessive", rule="actors.possessive_organisation")
        if cand:
            out.append(cand)
    return out


@register_rule("actors.organisation_after_cue")
def cue_phrase_org_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """The capitalised name after "analysts at", "economists at", "a spokesperson for", "officials from",
    "shares in" is an organisation, even when spaCy misses it or calls it a person; so is the name after
    "according to" when it keeps its "'s" ("according to Moody's"). Places, people and titles are not taken.

    Example: Analysts at Kestrel Capital said growth would slow."""
    doc = block.doc
    out = []
    for i in range(len(doc) - 2):
        cue = doc[i].lower_ in CUE_NOUNS and doc[i + 1].lower_ in CUE_LINKS
        cue = cue or doc[i].lower_ == "according" and doc[i + 1].lower_ == "to"
        cue = cue or doc[i].lower_ in {"shares", "stock"} and doc[i + 1].lower_ in {"in", "of"}
        if not cue:
            continue
        j = k = i + 2
        while k < len(doc) and (
            (doc[k].is_title or doc[k].is_upper and doc[k].is_alpha)
            and doc[k].text not in QUOTE_CHARS
            or doc[k].text == "&"
            and k > j
            and k + 1 < len(doc)
            and doc[k + 1].is_title
        ):
            k += 1
        if k == j or k - j > 4:
            continue
        according = doc[i].lower_ == "according"
        if keeps_possessive_s(doc, k):
            k += 1
        elif according:
            continue  # "according to Smith" may be a person: only "according to Moody's" is sure
        span = doc[j:k]
        # analysts work at firms, so a one-word 'person' there is a firm ("strategists at Jefferies"); a
        # spokesman may speak for a person ("a spokesman for Johnson")
        firm_cue = doc[i].lower_.startswith(("analyst", "economist", "strategist", "trader", "researcher", "share"))
        firm_cue = firm_cue or doc[i].lower_ == "stock"
        blocked = {"NORP", "DATE", "TIME"}
        if k - j > 1 or not firm_cue:  # a one-word firm is often tagged a place ("at Jefferies")
            blocked |= {"PERSON", "GPE", "LOC", "FAC"}
        if any(t.ent_type_ in blocked for t in span):
            continue
        if is_title_word(doc[j].text) or country_or_demonym_code(span.text) or span.text in big_city_names():
            continue
        if in_ranges(span.start_char, span.end_char, credits):
            continue
        cand = make_candidate(block, j, k, ORG, "cue", rule="actors.organisation_after_cue")
        if cand and not is_junk_name(cand.name, ORG):
            out.append(cand)
    return out


@register_rule("actors.titled_person")
def honorific_candidates(block: ParsedBlock, credits: list[tuple[int, int]]) -> list[Candidate]:
    """A surname after an honorific, which spaCy often leaves untagged in British copy:
    "Lord Justice Penrose", "Mr Haddad", "Dr. Roe". The honorific is not part of the candidate.

    Example: Mr Okafor declined to comment on the report."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_.rstrip(".") not in HONORIFICS_BEFORE_NAME or not tok.text[0].isupper():
            continue
        j = i + 1
        while j < len(doc) and doc[j].lower_.rstrip(".") in HONORIFICS_BEFORE_NAME and doc[j].text[0].isupper():
            j += 1
        k = j
        while k < len(doc) and k - j < 3 and doc[k].is_title and doc[k].is_alpha and not is_title_word(doc[k].text):
            k += 1
        if k == j or doc[k - 1].lower_ in ORG_HEADS or doc[j].ent_type_ not in {"", "PERSON"}:
            continue
        if k < len(doc) and doc[k].text in POSSESSIVE and k + 1 < len(doc) and doc[k + 1].lower_ in ORG_HEADS:
            continue
        cand = make_candidate(block, j, k, PERSON, "honorific", rule="actors.titled_person")
        if cand and not in_ranges(doc[j].idx, doc[k - 1].idx + 1, credits):
            out.append(cand)
    return out


# "the Yugoslav news agency Tanjug", "private Ihlas news agency": a name written against "news agency"
# (two patterns: "the Yugoslav news agency Tanjug" has a word on each side, and one search would take only the first)
NEWS_AGENCY = (
    re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}) news agency\b"),
    re.compile(r"\bnews agency (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})(?![\w'’-])"),
)


@register_rule("actors.news_agency")
def news_agency_candidates(block: ParsedBlock) -> list[Candidate]:
    """The name written right before or after "news agency" is the agency's: "the private Kestrel news agency",
    "the state news agency Kestrel said". A nationality or place there ("the Kenyan news agency") names none.

    Example: The state news agency Kestrel said the talks would resume."""
    out = []
    for m in (m for pattern in NEWS_AGENCY for m in pattern.finditer(block.text)):
        span = block.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or country_or_demonym_code(span.text) or is_title_word(span[0].text):
            continue
        if any(t.ent_type_ in {"NORP", "GPE", "LOC", "DATE", "TIME"} or t.tag_ == "JJ" for t in span):
            continue  # "the Yugoslav news agency": a nationality or place names no agency
        if span[0].is_sent_start and span[0].pos_ != "PROPN":
            continue  # "State news agency X": a capitalised common word opening the sentence
        cand = make_candidate(block, span.start, span.end, ORG, "cue", rule="actors.news_agency")
        if cand and not is_junk_name(cand.name, ORG):
            out.append(cand)
    return out


# a town of this many people or more, a state or a province may give its name to a club
TEAM_PLACE_POPULATION = 20_000


def names_team_place(words: Span) -> bool:
    """Whether words name a state, a province or a town big enough to give a club its name."""
    if words.text[:1].islower() or any(not t.is_alpha or t.ent_type_ in {"DATE", "TIME"} for t in words):
        return False
    if words.root.ent_type_ in {"GPE"} and words[0].ent_iob_ == "B":
        return True
    return any(
        r.kind in {"admin1", "country"} or r.population >= TEAM_PLACE_POPULATION
        for r in entries(fold(words.text), ("city", "admin1", "country"))
    )


@register_rule("actors.team_after_place")
def team_after_place_candidates(block: ParsedBlock) -> list[Candidate]:
    """A place followed by a capitalised plural nickname names a team, which spaCy splits into a place and a
    person or leaves untagged: "the Colorado Rockies", "Florida Marlins", "Wigan Warriors". One or two nickname
    words; a party's members ("Ohio Democrats"), a people ("Texas Kurds"), an event ("Atlanta Olympics"), a longer
    place name ("Colorado Springs"), a title-case verb ("Texas Wins") and a person ("David Millns") are none.

    Example: The Colorado Rockies edged the Pittsburgh Pirates 5-4 on Wednesday."""
    doc = block.doc
    out = []
    for i, tok in enumerate(doc):
        if not tok.is_alpha or not tok.text[:1].isupper():
            continue
        if i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start:
            continue  # inside a longer name: "Real Colorado Rockies"
        for width in (2, 1):
            end = team_nickname_end(doc, i, i + width)
            if end is not None:
                cand = make_candidate(block, i, end, ORG, "team", rule="actors.team_after_place")
                if cand:
                    cand.short_name = doc[i + width : end].text
                    out.append(cand)
                break
    return out


def team_nickname_end(doc: Doc, start: int, end: int) -> int | None:
    """The end of a team's name made of the place doc[start:end] and a plural nickname after it, or None."""
    if end >= len(doc) or any(t.pos_ != "PROPN" for t in doc[start:end]) or doc[start:end].text.isupper():
        return None  # a capitalised common word ("Most Spaniards"); a headline in capitals ("POLAND WINS TOSS")
    if doc[end - 1].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        return None  # one person's name, given name first: "David Millns"
    if not names_team_place(doc[start:end]):
        return None
    k = end
    while k < len(doc) and k - end < 2:
        tok = doc[k]
        if not tok.is_alpha or not tok.is_title or not doc[k - 1].whitespace_:
            break
        if tok.ent_type_ not in {"", "ORG", "PERSON"} or is_title_word(tok.text):
            break  # a people ("Texas Kurds", tagged NORP), a date, a title
        k += 1
    while k > end:
        last = doc[k - 1]
        after = doc[k] if k < len(doc) else None
        plural = last.lower_.endswith("s") and len(last) > 3 and last.pos_ in {"PROPN", "NOUN"}
        if (
            plural
            and (after is None or not (after.is_alpha and after.text[:1].isupper()))
            and last.lower_ not in word_list("not_team_nickname")
            and last.lower_ not in group_words()
            and not country_or_demonym_code(doc[end:k].text)
            and not rows_named(fold(doc[start:k].text))
        ):
            return k
        k -= 1
    return None


# "-- Lisbon Newsroom +351 21 000 0000", "U.S. Energy Desk": the desk of a news agency signing a story
NEWS_DESK = re.compile(r"(?<![\w.'’-])(?P<name>(?:[A-Z][\w.'’-]*\s){1,3}(?:Newsroom|Desk))(?![\w-])")


@register_rule("actors.news_desk")
def news_desk_candidates(block: ParsedBlock) -> list[Candidate]:
    """The desk or newsroom that signs a wire story ("-- Lisbon Newsroom +351 ...") is an organisation.

    Example: -- Valdora Newsroom +44 20 7000 0000"""
    out = []
    for m in NEWS_DESK.finditer(block.text):
        span = block.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or span[0].is_sent_start and span[0].lower_ in {"the", "a"}:
            continue
        cand = make_candidate(block, span.start, span.end, ORG, "cue", rule="actors.news_desk")
        if cand and not is_junk_name(cand.name, ORG):
            out.append(cand)
    return out


def find_candidates(block: ParsedBlock, credits: list[tuple[int, int]], trace: Trace = NULL_TRACE) -> list[Candidate]:
    """Every candidate of one block: each finder's proposals, less datelines and overlaps."""
    found = spacy_candidates(block, credits, trace) + curated_candidates(block, credits, trace)
    others = state_body_candidates(block) + honorific_candidates(block, credits)
    others += lowercase_institution_candidates(block, trace) + age_apposition_candidates(block)
    others += lowercase_ministry_candidates(block)
    others += possessive_org_candidates(block, credits) + local_government_candidates(block)
    others += cue_phrase_org_candidates(block, credits) + news_desk_candidates(block)
    others += team_after_place_candidates(block) + news_agency_candidates(block)
    others += results_line_candidates(block)
    for c in others:
        propose(trace, c)
    found += others
    kept = []
    for c in found:
        if in_dateline(block, c):
            reject(trace, c, in_dateline, "the place of a dateline")
        else:
            kept.append(c)
    return drop_overlaps(kept, trace)
