"""Actors within one article: `extract_actors` runs the stages in order and writes the mention rows.

Candidates (`candidates.py`) get their kind settled (person or organisation from the words around them, names in
capitals only dropped), are grouped into one actor per entity (`grouping.py`), their later mentions are found
(`references.py`), and each actor gets its role, country and type; one row per mention is written with the rule that
found it, a team of results lines one actor per competition (`team_parts`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from tidynews.articles import BODY, CAPTION, HEADLINE, STANDFIRST
from tidynews.extract.actors.candidates import (
    find_candidates,
)
from tidynews.extract.actors.corpus import trace_franchises
from tidynews.extract.actors.drops import (
    credit_char_ranges,
    drop_defined_non_actors,
    drop_non_actor_repeats,
    drop_places_in_place_slots,
    drop_vessels,
)
from tidynews.extract.actors.grouping import Group, group_candidates, settle_kinds_by_spelling
from tidynews.extract.actors.lexicon import (
    GOVERNMENT_HEADS,
    ORG,
    PERSON,
    STATE_BODIES,
    country_or_demonym_code,
)
from tidynews.extract.actors.names import (
    TABLE,
    Candidate,
    actor_type,
    company_short_forms,
    is_age,
    is_shouting,
    merged,
    org_parts,
    reject,
    role_after,
    role_country,
    title_before,
)
from tidynews.extract.actors.references import (
    TakenSpans,
    scan_known_names,
    scan_local_body_references,
    scan_ministry_references,
    scan_role_references,
)
from tidynews.extract.actors.results import TEAM_RULES, TeamEntity, competition_of, settle_standings_tables
from tidynews.extract.actors.sports_places import drop_team_repeats_in_place_slots, teams_named_by_places
from tidynews.extract.common import ArticleExtraction, Entity, Mention, slugify
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.titles import is_honorific, title_kinds
from tidynews.nlp import ParsedArticle, ParsedBlock


def article_country(blocks: list[ParsedBlock]) -> str:
    """The country an article is about: the one its place and nationality names point to most often
    ("" when two tie or none is named).

    Example: "Floods hit Peru ... Peruvian rescuers ... in Chile" -> "PE"."""
    counts: dict[str, int] = defaultdict(int)
    for block in blocks:
        for ent in block.doc.ents:
            if ent.label_ in {"GPE", "NORP"}:
                code = country_or_demonym_code(ent.text)
                if code:
                    counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def set_the_countrys_ministry(cands: list[Candidate], blocks: list[ParsedBlock]) -> None:
    """ "the country's health ministry" belongs to the country the article is about.

    Example: "Protests spread across Peru. The country's health ministry said..." -> "PE"."""
    possessed = [
        c
        for c in cands
        if c.source == "lowercase"
        and not c.country_code
        and re.search(r"\b(?:country|nation)['’]s\s+$", c.block.text[: c.start - c.block.offset])
    ]
    if possessed:
        code = article_country(blocks)
        for c in possessed:
            c.country_code = code


def person_from_apposition(cands: list[Candidate]) -> None:
    """A one-word 'organisation' followed by an age or a person's description is a person:
    "Smith, 45, a teacher," (spaCy often tags a lone surname ORG)."""
    for c in cands:
        if c.kind in {ORG, "weak"} and c.known is None and c.tok_end - c.tok_start == 1 and c.source == "spacy":
            doc = c.doc
            i = c.tok_end
            if i + 2 < len(doc) and doc[i].text == "," and is_age(doc[i + 1].text) and doc[i + 2].text == ",":
                c.kind = PERSON


def extract_actors(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find actor mentions and group the spellings of one entity within the article."""
    trace = result.trace
    blocks = parsed.zone_blocks(HEADLINE, STANDFIRST, BODY, CAPTION)
    credits = {id(b): credit_char_ranges(b) for b in blocks}
    cands = [c for block in blocks for c in find_candidates(block, credits[id(block)], trace)]
    cands = settle_kinds(cands, blocks, parsed, trace)
    people, orgs = group_candidates(cands, parsed.text, trace)
    groups = people + orgs
    taken = TakenSpans([(c.start, c.end) for g in groups for c in g.members])
    scan_known_names(parsed, blocks, groups, taken, credits, trace)
    drop_team_repeats_in_place_slots(orgs, trace)
    drop_non_actor_repeats(orgs, trace)
    scan_local_body_references(blocks, orgs, taken, trace)
    scan_ministry_references(blocks, orgs, taken, trace)
    describe_people(people, orgs)
    scan_role_references(blocks, people, taken, trace)
    if trace.enabled:
        trace_merges(groups, trace)
    emit(groups, result, blocks)
    if trace.enabled:
        trace_franchises(result, trace)


def settle_kinds(
    cands: list[Candidate], blocks: list[ParsedBlock], parsed: ParsedArticle, trace: Trace
) -> list[Candidate]:
    """Country of "the country's ministry", person or organisation from the words around a candidate, and the
    acronyms of agreements dropped."""
    set_the_countrys_ministry(cands, blocks)
    settle_standings_tables(cands, blocks)
    person_from_apposition(cands)
    people_named_like_organisations(cands)
    settle_kinds_by_spelling(cands)
    cands = drop_shouted_unknown_names(cands, parsed.text, trace)
    cands = drop_places_in_place_slots(cands, trace, blocks)
    cands = drop_vessels(cands, trace)
    cands = teams_named_by_places(cands, blocks, trace)
    # names used as titles are no actors: drop treaty acronyms "(CSP)" defined after a dropped name
    return drop_defined_non_actors(cands, parsed, trace)


@register_rule("actors.shouted_unknown_name", kind="drops")
def drop_shouted_unknown_names(cands: list[Candidate], text: str, trace: Trace = NULL_TRACE) -> list[Candidate]:
    """In a line written in capitals spaCy takes headline words for names ("RAIN STOPS PLAY", "DEFEAT"): a
    name found there by spaCy is kept only when the article also writes it in lower case letters elsewhere
    ("Gallant" for "GALLANT"), or it is a curated organisation or a results line's team.

    Example (headline): STORM DELAYS HARVEST IN NORTH"""
    out = []
    for c in cands:
        if c.source == "spacy" and c.known is None and is_shouting(c.block.text):
            written = c.name.title()
            if not re.search(r"(?<![\w-])" + re.escape(written) + r"(?![\w-])", text):
                reject(
                    trace, c, drop_shouted_unknown_names, "written in capitals only, and nowhere else in the article"
                )
                continue
        out.append(c)
    return out


def describe_people(people: list[Group], orgs: list[Group]) -> None:
    """Role, honorific and country of each person, from the titles and appositions around their mentions."""
    person_tokens: dict[int, frozenset[int]] = defaultdict(frozenset)
    for g in people:
        for c in g.members:
            person_tokens[id(c.block)] |= frozenset(range(c.tok_start, c.tok_end))
    for g in people:
        set_person_details(g, person_tokens)
        g.country_code = g.country_code or country_from_role_orgs(g.role, orgs)


def trace_merges(groups: list[Group], trace: Trace) -> None:
    """Record, for each spelling folded into an actor, the merges rule that did it."""
    for g in groups:
        name = g.full_name() if g.names else ""
        for c in g.members:
            if c.merged_by:
                merged(trace, c, c.merged_by, name)


def people_named_like_organisations(cands: list[Candidate]) -> None:
    """A one-word 'person' written exactly as an organisation of the same article (or its short form) is that
    organisation: spaCy tags "Globex" PERSON in "after Globex said" when "Globex Inc." is named before."""
    org_names = {c.name for c in cands if c.kind == ORG}
    org_names |= {f for n in list(org_names) for f in company_short_forms(n)}
    for c in cands:
        if c.kind == PERSON and c.source == "spacy" and " " not in c.name and c.name in org_names:
            c.kind = ORG


def set_person_details(g: Group, person_tokens: dict[int, frozenset[int]] | None = None) -> None:
    """Role, honorific and country of a person from the words around each of their mentions."""
    for c in sorted(g.members, key=lambda c: c.start):
        if c.source == "role":
            continue
        role, honorific = title_before(c.doc, c.tok_start)
        if honorific and not g.honorific:
            g.honorific = honorific
        others = (person_tokens or {}).get(id(c.block), frozenset()) - set(range(c.tok_start, c.tok_end))
        after = role_after(c.doc, c.tok_end, frozenset(others))
        for r in (role, after):
            if r and r not in g.roles:
                g.roles.append(r)
    # the fullest title wins: "US special envoy to the region" over a headline's "US envoy"
    g.role = (
        max(
            g.roles,
            key=lambda r: (bool(title_kinds(r.split()[-1]) & {"head", "rank"}) or " of " in r or " to " in r, len(r)),
        )
        if g.roles
        else ""
    )
    for r in g.roles:
        code = role_country(r)
        if code:
            g.country_code = code
            break


def country_from_role_orgs(role: str, orgs: list[Group]) -> str:
    """Country of a person whose title names an organisation with a country:
    "IDF Chief of Staff" -> IL, "White House press secretary" -> US."""
    if not role:
        return ""
    for g in orgs:
        # the title names the organisation? (`n in role` first: a regex per name, organisation and person is slow)
        names = dict.fromkeys(g.names)
        if not any(n in role and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", role) for n in names):
            continue
        if g.known:
            # a state body or armed group gives its people a country; a company or broadcaster does not
            code = g.known.country_code if g.known.type in {"government", "armed_group"} else ""
        else:
            code = g.country_code if actor_type(g.full_name(), None, ORG) == "government" else ""
        if code:
            return code
    return ""


def _mention_span(c: Candidate, honorific: str) -> tuple[int, int]:
    """A person's mention includes an honorific written right before it: "Mr Haddad"."""
    if c.kind != PERSON or not honorific:
        return c.start, c.end
    doc = c.doc
    i = c.tok_start
    while i > 0 and is_honorific(doc[i - 1].text):
        i -= 1
    return c.block.offset + doc[i].idx, c.end


ARMED_CONTEXT = re.compile(
    r"\b(rebels?|militants?|jihadists?|militias?|insurgents?|guerrillas?|paramilitar(?:y|ies)|armed group|"
    r"terror(?:ist)? (?:group|organi[sz]ation))\b",
    re.IGNORECASE,
)


def armed_context(c: Candidate) -> bool:
    """An organisation described as a non-state armed group right before or after its name:
    "the jihadist group Nusra Front", "the Free Syrian Army, a rebel alliance,"."""
    doc = c.doc
    before = doc[max(0, c.tok_start - 6) : c.tok_start].text
    after = (
        doc[c.tok_end : min(len(doc), c.tok_end + 5)].text
        if c.tok_end < len(doc) and doc[c.tok_end].text == ","
        else ""
    )
    return bool(ARMED_CONTEXT.search(before) or ARMED_CONTEXT.search(after))


@register_rule("actors.body_of_the_articles_country", kind="merges")
def body_of_the_articles_country(name: str, blocks: list[ParsedBlock]) -> str:
    """The country of a state body or party named without one ("Congress", "the Foreign Ministry", "Parliament",
    "the Socialist Party"): the country the article is about (`article_country`), so that across articles it joins
    that country's body only, not another country's body of the same name; "" for any other name or when the
    article names no one country.

    Example: Floods hit Peru on Monday, and Congress voted emergency funds for the Peruvian army."""
    norm = org_parts(name)[1]
    words = name.lower().split()
    ministry = "ministry" in words and norm != name.lower()  # "Foreign Ministry" -> "foreign"
    party = len(words) == 2 and words[1] == "party"  # "Socialist Party": many countries have one
    if not (ministry or party) and norm not in STATE_BODIES and norm not in GOVERNMENT_HEADS:
        return ""
    return article_country(blocks)


def emit(groups: list[Group], result: ArticleExtraction, blocks: list[ParsedBlock]) -> None:
    used_keys: set[str] = set()
    trace = result.trace
    for g, competition in (part for group in groups for part in team_parts(group, blocks)):
        if not g.members:
            continue
        name = g.full_name()
        kind = g.kind
        key = slugify(name)
        if key in used_keys:
            key = f"{key}-{len(used_keys)}"
        used_keys.add(key)
        country = g.country_code or (g.known.country_code if g.known else "")
        etype = actor_type(name, g.known, kind)
        if (
            kind == ORG
            and not g.known
            and etype in {"organization", "government"}
            and any(map(armed_context, g.members))
        ):
            etype = "armed_group"
        if kind == ORG and not g.known and etype != "government":
            country = ""  # "Syrian American Medical Society" is not a Syrian body: only state bodies take the prefix
        if kind == ORG and not g.known and not country and competition is None:
            if country := body_of_the_articles_country(name, blocks):
                if trace.enabled:
                    rule = body_of_the_articles_country.rule_id
                    for c in g.members:
                        reason = "a state body of the article's country"
                        trace.merge(TABLE, c.name, c.start, c.end, rule, f"{name} ({country})", reason, c.rule)
        if competition is None:
            ent = Entity(key=key, name=name, type=etype, role=g.role, country_code=country)
        else:
            ent = TeamEntity(key, name, etype, g.role, country, competition=competition)
        for c in g.members:
            start, end = _mention_span(c, g.honorific)
            text = result_text(c, start, end)
            if c.source != "role":
                ent.aliases.add(c.name)
                if text != c.name and "[" not in text:
                    ent.aliases.add(text)
            result.actor_mentions.append(Mention(key, text, start, end, c.block.zone, rule=c.rule))
        ent.aliases.discard(name)
        result.actors.append(ent)


def team_parts(g: Group, blocks: list[ParsedBlock]) -> list[tuple[Group, str | None]]:
    """A team the article names only in results lines (and their repetitions), one part per competition it is
    listed in: "Arden" of the first division table and "Arden" of the women's table are two teams. Any other
    actor is one part without a competition (None)."""
    rules = {c.rule for c in g.members}
    if g.kind != ORG or g.known or not rules & TEAM_RULES or rules - TEAM_RULES - {"actors.known_name_repeated"}:
        return [(g, None)]
    parts: dict[str, list[Candidate]] = {}
    for c in g.members:
        if c.rule in TEAM_RULES:
            parts.setdefault(competition_of(blocks, c.block), []).append(c)
    first = next(iter(parts))
    for c in g.members:
        if c.rule not in TEAM_RULES:  # a repetition joins the part of its own line's competition, else the first
            parts.get(competition_of(blocks, c.block), parts[first]).append(c)
    return [(replace(g, members=sorted(members, key=lambda c: c.start)), comp) for comp, members in parts.items()]


def result_text(c: Candidate, start: int, end: int) -> str:
    off = c.block.offset
    return c.block.text[start - off : end - off]
