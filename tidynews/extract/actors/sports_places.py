"""A town or county standing for its club in a sports story ("Arden beat Castleford by six wickets").

CoNLL-2003 and sports writing name a club by its town or county: in a story about a sport (the headline names one,
or the article has results lines) a place that plays a match (the subject or object of "beat", "drew with", "were
bowled out"; "Arden's captain"; "a win over Arden"), or that is a team of the article's own results lines, is the
club, an organisation. Elsewhere in prose a town stays a place, and a country is left out (its national team is a
place in CoNLL's convention, and in our places table).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from tidynews.extract.actors.drops import in_dateline, in_place_slot
from tidynews.extract.actors.grouping import Group
from tidynews.extract.actors.lexicon import ORG, PERSON, country_or_demonym_code, word_list
from tidynews.extract.actors.names import Candidate, make_candidate, propose, reject
from tidynews.extract.actors.results import TEAM_RULES, headline_sport
from tidynews.extract.countries import fold
from tidynews.extract.geonames_index import entries
from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.nlp import ParsedBlock

RULE = "actors.team_named_by_place"
# the rules that read a team in a results line (not in prose): an article with one of them is a sports story
RESULTS_LINE_RULES = TEAM_RULES - {"actors.team_before_sports_role", "actors.team_after_sports_cue", RULE}
# a preposition linking a team to a match verb or result: "a win over X", "lost to X", "drew with X", "played for X"
# ("lost at X"; but a line's opening "At X:" is the ground: "At Newbridge: Arden beat Castleford")
TEAM_PREPOSITIONS = frozenset({"over", "against", "to", "with", "for", "from", "at", "behind"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PLACE_KINDS = ("city", "admin1", "admin2")
TEAM_PLACE_POPULATION = 20_000


def is_sports_story(cands: list[Candidate], blocks: list[ParsedBlock]) -> bool:
    """Whether the headline names a sport or a candidate of the article is a team of a results line."""
    return bool(headline_sport(blocks)) or any(c.rule in RESULTS_LINE_RULES for c in cands)


def is_place_name(c: Candidate) -> bool:
    """A town, county or region (spaCy's GPE/LOC, or the gazetteer's), not a country."""
    if country_or_demonym_code(c.name) or not c.name[:1].isupper() or c.name.isupper():
        return False
    span = c.doc[c.tok_start : c.tok_end]
    if any(not t.is_alpha and t.text not in {"-", "."} for t in span):
        return False
    return all(t.ent_type_ in {"GPE", "LOC"} for t in span) or bool(entries(fold(c.name), PLACE_KINDS))


def first_conjunct(tok: Token) -> Token:
    """The first of a list of names: "Arden" of "Arden, Castleford and Newbridge drew"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def after_team_descriptor(first: Token) -> bool:
    """Whether a name comes right after a word describing a team in its league: "reigning champions X", "title
    hopefuls X", "second-placed X"."""
    if first.i == 0:
        return False
    before = first.doc[first.i - 1].lower_
    return before in word_list("team_descriptor") or before.endswith("-placed")


def plays_a_match(root: Token) -> bool:
    """Whether a name's head word is the subject or object of a match verb, owns a team's thing ("X's captain"), or
    follows "over"/"against"/"to"/"with"/"for" attached to a match verb or result ("a win over X")."""
    tok = first_conjunct(root)
    head = tok.head
    if tok.dep_ in SUBJECTS or tok.dep_ in {"dobj", "attr"}:
        return head.lemma_.lower() in word_list("sports_verb")
    if tok.dep_ == "poss":  # "X's captain", "X's Piet Okoro" (a player of the club)
        return head.lemma_.lower() in word_list("sports_possessed") or head.ent_type_ == "PERSON"
    if tok.dep_ in {"compound", "nmod"}:  # "the former X and Y skipper"
        return head.lower_ in word_list("sports_role")
    if tok.dep_ == "pobj" and head.lower_ in TEAM_PREPOSITIONS and not (head.lower_ == "at" and head.is_sent_start):
        governor = head.head.lemma_.lower()
        return governor in word_list("sports_verb") or governor in word_list("sports_result_noun")
    return False


@register_rule(RULE)
def teams_named_by_places(
    cands: list[Candidate], blocks: list[ParsedBlock], trace: Trace = NULL_TRACE
) -> list[Candidate]:
    """In a sports story, a town or county that plays a match ("X beat Y", "X were bowled out", "X's captain",
    "a win over X") or that is a team of the article's results lines is that club: an organisation.

    Example (headline): Cricket: Dorset beat Norfolk by six wickets to go top of the table"""
    if not is_sports_story(cands, blocks):
        return cands
    results_teams = {c.name for c in cands if c.rule in RESULTS_LINE_RULES}
    people = {w for c in cands if c.kind == PERSON and c.tok_end - c.tok_start > 1 for w in c.name.split()}
    for c in cands:
        if c.source != "spacy" or c.known is not None or c.kind == ORG or c.tok_end - c.tok_start > 2:
            continue
        if c.kind == PERSON and (c.tok_end - c.tok_start > 1 or c.name in people):
            continue  # a player's name, or a surname a player of the article has
        if not is_place_name(c) or is_shouted_line(c.block):
            continue
        root = c.doc[c.tok_end - 1]
        if c.name in results_teams or plays_a_match(root) or after_team_descriptor(c.doc[c.tok_start]):
            c.kind = ORG
            c.rule = RULE
            propose(trace, c)
    return cands + untagged_places_playing(cands, blocks, results_teams, trace)


def untagged_places_playing(
    cands: list[Candidate], blocks: list[ParsedBlock], results_teams: set[str], trace: Trace
) -> list[Candidate]:
    """Candidates of a one-word town or county spaCy tags nothing (often not even a proper noun) that plays a
    match ("Dorset beat Norfolk")."""
    taken = {(id(c.block), i) for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    for block in blocks:
        if is_shouted_line(block):
            continue
        for tok in block.doc:
            if tok.pos_ not in {"PROPN", "NOUN"} or tok.ent_type_ or not tok.is_alpha or not tok.is_title:
                continue
            if (id(block), tok.i) in taken or country_or_demonym_code(tok.text) or not is_team_place(tok.text):
                continue
            if not (tok.text in results_teams and tok.dep_ != "compound" or plays_a_match(tok)) and not (
                after_team_descriptor(tok)
            ):
                continue
            cand = make_candidate(block, tok.i, tok.i + 1, ORG, "team", rule=RULE)
            if cand is not None:
                out.append(propose(trace, cand))
    return out


def is_team_place(name: str) -> bool:
    """A county, state or province, or a town big enough to give a club its name."""
    return any(
        r.kind in {"admin1", "admin2"} or r.population >= TEAM_PLACE_POPULATION
        for r in entries(fold(name), PLACE_KINDS)
    )


def is_shouted_line(block: ParsedBlock) -> bool:
    """A line written in capitals (a headline or a table heading), whose words spaCy does not parse as prose."""
    return not re.search(r"[a-z]", block.text)


@register_rule("actors.team_place_in_place_slot", kind="drops")
def drop_team_repeats_in_place_slots(groups: list[Group], trace: Trace = NULL_TRACE) -> None:
    """A later "in X" or "at X" of a team named by its town is the town, not the team: the repeated name of a club
    found in a results line or by `actors.team_named_by_place` is dropped where news writes a place, and in the
    dateline ("ARDEN 2031-05-04").

    Example (headline): Cricket: Dorset beat Norfolk by six wickets after rain in Dorset"""
    for g in groups:
        if g.kind != ORG or not any(c.rule in TEAM_RULES for c in g.members):
            continue
        kept = []
        for c in g.members:
            if c.rule == "actors.known_name_repeated" and (in_place_slot(c) or in_dateline(c.block, c)):
                reject(
                    trace, c, drop_team_repeats_in_place_slots, "the town of a team, written where news writes places"
                )
            else:
                kept.append(c)
        g.members[:] = kept
