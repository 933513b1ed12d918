"""Actors in sports results: the teams of score, standings and fixture lines, and the scorers in their brackets.

A results line is a paragraph of its own with almost no lower-case words: "Arden Rovers 2 (Okoro 17th) Castleford 1",
a standings row "Castleford 5 3 1 1 9 4 10", a fixture "Arden Rovers v Castleford". spaCy reads such lines badly
(a club named after its town is tagged a place or a person, or nothing). Here a name in the team slot of such a
line is the team, an organisation, even when it is a town's name: in "Castleford 2 Arden 1" the word names the club,
not the place (a convention shared with CoNLL-2003). A country's name there is its national team, which CoNLL
calls a place; it is left to the places table, as in prose. A two-word name spaCy tags PERSON, or an initial and a
surname ("D. Marsh 86"), in a standings slot is a player (a person): cricket and golf tables list players.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidynews.articles import HEADLINE
from tidynews.extract.actors.drops import is_junk_name
from tidynews.extract.actors.lexicon import ORG, PERSON, word_list
from tidynews.extract.actors.names import Candidate, make_candidate
from tidynews.extract.common import Entity
from tidynews.extract.countries import country_or_demonym_code
from tidynews.extract.rules import register_rule
from tidynews.nlp import ParsedBlock

_WORD = r"(?:[A-Z][\w.'’&-]*|de|la|van|der|del|do|da|di|of|am|an|and)"
NAME = rf"[A-Z][\w.'’&-]*(?: {_WORD})*?"
NUMBER = r"\d+(?:\.\d+)?"
SCORE_LINE = re.compile(
    rf"^(?P<a>{NAME}) {NUMBER}(?: \((?P<sa>[^()]*)\))? (?P<b>{NAME}) {NUMBER}(?: \((?P<sb>[^()]*)\)?)?\.?$"
)
STANDINGS_LINE = re.compile(rf"^(?P<a>{NAME})(?: [\d./-]+){{3,}}$")
FIXTURE_LINE = re.compile(rf"^(?P<a>{NAME}) (?:v|vs\.?) (?P<b>{NAME})\.?$")
# one scorer in the brackets of a score line: "Okoro 17th", "Mary-Jo Bell 90th pen", "Okoro 17th, 44th"
SCORER = re.compile(r"(?:^|, |; )(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}) \d+(?:st|nd|rd|th)?\b")
PLAYER_NAME = re.compile(r"^[A-Z]\. ?[A-Z][\w'’-]+$")


@register_rule("actors.team_in_score_line")
def score_line_teams(block: ParsedBlock) -> list[Candidate]:
    """The two teams of a score line, each followed by its score (and its scorers in brackets).

    Example: Arden Rovers 2 Castleford 1"""
    m = SCORE_LINE.match(block.text)
    if m is None:
        return []
    return [c for g in ("a", "b") if (c := team_candidate(block, m.start(g), m.end(g), "actors.team_in_score_line"))]


@register_rule("actors.scorer_in_score_line")
def score_line_scorers(block: ParsedBlock) -> list[Candidate]:
    """The scorers in the brackets of a score line, each with the minute of the goal.

    Example: Arden Rovers 2 (Okoro 17th, Barnes 60th) Castleford 1 (Whitlow 88th)"""
    m = SCORE_LINE.match(block.text)
    if m is None:
        return []
    out = []
    for g in ("sa", "sb"):
        if not m.group(g):
            continue
        for s in SCORER.finditer(m.group(g)):
            start = m.start(g) + s.start("name")
            cand = span_candidate(block, start, start + len(s.group("name")), PERSON, "actors.scorer_in_score_line")
            if cand:
                out.append(cand)
    return out


@register_rule("actors.team_in_standings_line")
def standings_line_team(block: ParsedBlock) -> list[Candidate]:
    """The team of a standings row: a name followed by three numbers or more (a player in a players' table, see
    `settle_standings_tables`).

    Example: Castleford 5 3 1 1 9 4 10"""
    m = STANDINGS_LINE.match(block.text)
    if m is None:
        return []
    cand = team_candidate(block, m.start("a"), m.end("a"), "actors.team_in_standings_line", players=True)
    return [cand] if cand else []


@register_rule("actors.team_in_fixture_line")
def fixture_line_teams(block: ParsedBlock) -> list[Candidate]:
    """The two teams of a fixture: "home v away".

    Example: Arden Rovers v Castleford"""
    m = FIXTURE_LINE.match(block.text)
    if m is None:
        return []
    return [c for g in ("a", "b") if (c := team_candidate(block, m.start(g), m.end(g), "actors.team_in_fixture_line"))]


# one item of a fixture list: "Arden v Castleford", a pair cut at the line's end ("Arden v") or its start ("Arden").
# Sides with a country in brackets are left to `bracketed_players`: a tennis draw lists players that way.
FIXTURE_ITEM = re.compile(rf"^(?P<a>{NAME})(?: (?:v|vs\.?)(?: (?P<b>{NAME}))?)?$")
# a label before the list: "Postponed: ", "Playing Sunday: ", "Division two - "
FIXTURE_LABEL = re.compile(r"^[A-Z][\w' ]{0,40}?(?:: | - )")


@register_rule("actors.teams_in_fixture_list")
def fixture_list_teams(block: ParsedBlock) -> list[Candidate]:
    """The teams of a list of fixtures: pairs "home v away" separated by commas, perhaps after a label, the first or
    last pair cut by the line's end. Every item of the line must be a pair or a cut pair, so that a score or a
    sentence is never read as one.

    Example: Postponed: Arden v Castleford, Millbrook Town v Valdora Rovers, Leeds v"""
    text = block.text.rstrip(",.")
    if FIXTURE_LINE.match(block.text) or " v" not in text or not is_list_line(text):
        return []
    label = FIXTURE_LABEL.match(text)
    start = label.end() if label and " v" not in label.group(0) else 0
    spans = []
    for part in re.finditer(r"[^,]+", text[start:]):
        item = FIXTURE_ITEM.match(part.group(0).strip())
        if item is None:
            return []
        offset = start + part.start() + (len(part.group(0)) - len(part.group(0).lstrip()))
        spans += [(offset + item.start(g), offset + item.end(g)) for g in ("a", "b") if item.group(g)]
    return [c for a, b in spans if (c := team_candidate(block, a, b, "actors.teams_in_fixture_list"))]


# "In Arden: Castleford Rovers (Norway) 2 Valdora (Malta) 1": a cup tie between clubs of two countries, perhaps cut
# after the first team's score
CUP_TIE_LINE = re.compile(
    rf"^(?:(?:In|At) [^:]{{1,40}}: )?(?P<a>{NAME}) \((?P<ca>[A-Z][\w.' ]*)\) \d+"
    rf"(?: (?P<b>{NAME})(?: \((?P<cb>[A-Z][\w.' ]*)\))?(?: \d+.*)?)?$"
)
AGGREGATE_LINE = re.compile(rf"^(?P<a>{NAME}) (?:win|won|go through) \d+-\d+ on aggregate\b")


@register_rule("actors.team_in_cup_tie_line")
def cup_tie_teams(block: ParsedBlock) -> list[Candidate]:
    """The clubs of a cup tie's result, each with its country in brackets ("Castleford (Norway) 2 Valdora (Malta) 1"),
    and the club that goes through "on aggregate".

    Example: In Arden: Castleford Rovers (Norway) 2 Valdora City (Malta) 1"""
    if m := CUP_TIE_LINE.match(block.text):
        if not country_or_demonym_code(m.group("ca")) or m.group("cb") and not country_or_demonym_code(m.group("cb")):
            return []
        groups = ("a", "b")
    elif m := AGGREGATE_LINE.match(block.text):
        groups = ("a",)
    else:
        return []
    return [
        c
        for g in groups
        if m.group(g) and (c := team_candidate(block, m.start(g), m.end(g), "actors.team_in_cup_tie_line"))
    ]


# "Castleford - Okoro (12th), Piet Wirth (44th, penalty)": a team, then its scorers with the minutes in brackets
SCORERS_OF_TEAM_LINE = re.compile(rf"^(?P<team>{NAME}) - (?P<rest>{NAME} \(\d+.*)$")
SCORER_WITH_MINUTE = re.compile(rf"(?:^|, |\) )(?P<name>{NAME}) \(\d+(?:st|nd|rd|th)")


@register_rule("actors.scorers_of_a_team")
def team_scorers(block: ParsedBlock) -> list[Candidate]:
    """A line naming a team, a dash, then its scorers each with the minute in brackets: the team is an organisation
    (a country there is its national team, left out) and each scorer a person.

    Example: Castleford - Piet Okoro (12th), Lars Wirth (44th, penalty)"""
    m = SCORERS_OF_TEAM_LINE.match(block.text)
    if m is None:
        return []
    out = [c for c in [team_candidate(block, m.start("team"), m.end("team"), "actors.scorers_of_a_team")] if c]
    at = m.start("rest")
    for s in SCORER_WITH_MINUTE.finditer(m.group("rest")):
        start, end = at + s.start("name"), at + s.end("name")
        if player := span_candidate(block, start, end, PERSON, "actors.scorers_of_a_team"):
            out.append(player)
    return out


# a player in a team list numbered by shirt or position, "15 - Piet Okoro", perhaps with the substitute who came on
# in brackets ("(Lars Wirth, 70)", "(14 - Ana Ruiz 87th)"); a tennis draw numbers its seeds the same way
_LINEUP_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|van|der|den|von|da|dos|le|la)){0,3}?"
LINEUP_ITEM = re.compile(
    rf"(?:^|(?<=[\s(,;:]))\d{{1,2}}(?:/\d{{1,2}})? ?- ?(?P<name>{_LINEUP_NAME})(?=\s*(?:[,;.()]|\d|$))"
)
LINEUP_SUBSTITUTE = re.compile(rf"\((?P<name>{_LINEUP_NAME}),? \d{{1,3}}(?:st|nd|rd|th)?(?: mins?| minutes?)?\)")
LINEUP_TEAM = re.compile(rf"^(?P<team>{NAME}) - \d{{1,2}} ?- ?[A-Z]")


@register_rule("actors.numbered_player_in_lineup")
def lineup_players(block: ParsedBlock) -> list[Candidate]:
    """In a team list that numbers its players ("15 - Piet Okoro, 14 - Lars Wirth"), each numbered name is a player
    (a person), and so is a substitute named in brackets with the minute he came on; the team before the list is
    an organisation (a country there is its national team, left out). Three numbered names make a list, so that a
    score or a rating with a dash is not read as one.

    Example: Valdora - 15 - Piet Okoro (Lars Wirth, 70), 14 - Tomas Brandt, 13 - Ana Ruiz, 12 - Mary Sand"""
    items = [*LINEUP_ITEM.finditer(block.text)]
    if len(items) < 3:
        return []
    rule = "actors.numbered_player_in_lineup"
    out = []
    if (team := LINEUP_TEAM.match(block.text)) and (club := team_candidate(block, *team.span("team"), rule)):
        out.append(club)
    for m in [*items, *LINEUP_SUBSTITUTE.finditer(block.text)]:
        name = m.group("name")
        if country_or_demonym_code(name):
            continue
        end = m.end("name") - (name.endswith(".") and not re.search(r"\b[A-Z]\.$", name))  # the list's full stop
        if player := span_candidate(block, m.start("name"), end, PERSON, rule):
            out.append(player)
    return out


BRACKETED = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|der|dos|da|del)){0,3})"
    r" \((?P<inner>[A-Z][\w.' -]*)\)"
)


def is_list_line(text: str) -> bool:
    """A line of a table, list or results: fewer than four lower-case words."""
    return len(re.findall(r"\b[a-z]+\b", text)) < 4


# a draw's results written as running text ("Ana Ruiz (Spain) beat 4 - Lena Holt (Austria) 6-3 6-4 Mary Sand ..."):
# two players each with a country in brackets around "beat", then the games
DRAW_LINE = re.compile(r"\) (?:beat|bt\.?|def\.?) (?:\d{1,2}(?:/\d{1,2})? ?- ?)?[A-Z][^()]*\([A-Z][^()]*\) \d+-\d+")


def _in_draw(text: str, m: re.Match) -> bool:
    """The bracketed name of a draw line is a player's: "beat" right after it, or before it (past a seed's number)
    with the games after; a club's score right after "beat" ("(Malta) beat 2-1") is no player's."""
    after, before = text[m.end() :], text[: m.start()]
    if re.match(r" (?:beat|bt\.?|def\.?) [A-Z\d]", after):
        return not re.match(r" \S+ \d+-\d+", after)
    return bool(re.search(r"\b(?:beat|bt\.?|def\.?) (?:\d{1,2}(?:/\d{1,2})? ?- ?)?$", before)) and bool(
        re.match(r" \d+-\d+", after)
    )


@register_rule("actors.player_with_team_in_brackets")
def bracketed_players(block: ParsedBlock) -> list[Candidate]:
    """In a list or results line, a name followed by a country or a club in brackets is a player (a person), and a
    club in the brackets is an organisation: "Ana Ruiz (Spain) beat Lena Holt (Austria) 6-3 6-4". A draw written as
    running text (many "beat"s) counts too, for the names with a country around "beat" (`_in_draw`).

    Example: Tomas Brandt (Valdora Rovers), Piet Okoro (Germany), Lars Wirth (Arden City)"""
    draw = not is_list_line(block.text)
    if draw and not DRAW_LINE.search(block.text):
        return []
    out = []
    for m in BRACKETED.finditer(block.text):
        inner = m.group("inner").strip()
        if draw and not (country_or_demonym_code(inner) and _in_draw(block.text, m)):
            continue
        acronym = inner.isupper() and " " not in inner and not country_or_demonym_code(inner)
        if len(inner) < 3 or any(c.isdigit() for c in inner) or acronym:
            continue  # "(L)", "(H.K. cents)", an acronym defined in brackets; not a country's ("(U.S.)")
        rest = block.text[m.end() :].lstrip()
        if re.match(r"\d+(?:\s|$|[.,](?!\d))", rest) and not re.match(r"\d+-\d", rest):
            continue  # "Legia Warsaw (Poland) 2": a club with a score, not a player ("(Peru) 11.37" is a time)
        player = span_candidate(block, m.start("name"), m.end("name"), PERSON, "actors.player_with_team_in_brackets")
        if player is None or country_or_demonym_code(player.name):
            continue
        out.append(player)
        if not country_or_demonym_code(inner):
            start = m.start("inner")
            club = span_candidate(block, start, start + len(inner), ORG, "actors.player_with_team_in_brackets")
            if club:
                out.append(club)
        elif team := TEAM_AFTER_COUNTRY.match(block.text, m.end()):
            start, end = team.span("team")
            if (club := team_candidate(block, start, end, "actors.team_after_players_country")) and club.kind == ORG:
                out.append(club)
    return out


# the team after a rider's or driver's country, before the time or the end of the line: "(Italy) Valdora Motors 1:52"
TEAM_AFTER_COUNTRY = re.compile(
    r" (?P<team>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2})(?= \d| same time| at | \+|,|\s*$)"
)


@register_rule("actors.team_after_players_country")
def team_after_players_country() -> None:
    """In a list line, the name after a rider's or driver's country in brackets is their team (read in
    `bracketed_players`): cycling and motor racing results give "rank. rider (country) team time".

    Example: 1. Piet Okoro (Germany) Valdora Motors 1:52.318"""


SCORECARD_WORDS = frozenset({"not", "out", "v", "and", "dec", "b", "c", "lbw", "st", "retired", "hurt", "at"})
_FIGURE_NAME = r"(?:[A-Z]\. ?)*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
# "At Arden: Castleford 326 (" -- a team's innings total, then its batsmen and bowlers in brackets
INNINGS_TEAM = re.compile(rf"(?:^|: )(?P<team>{NAME}) \d+(?:-\d+)?(?: dec)? \(")
INNINGS_OPPONENT = re.compile(rf"\) v (?P<team>{NAME})\.?$")
# "T. Brandt 95 not out", "P. Okoro 7-73": a player with runs or bowling figures inside the brackets
FIGURE_PLAYER = re.compile(rf"(?:^|\(|, |; )(?P<name>{_FIGURE_NAME}) \d+(?:-\d+)?(?: not out)?(?=[,;)]|\s*$)")

CUT_PLAYER = re.compile(rf"\((?P<name>{_FIGURE_NAME})\s*$")


def is_scorecard_line(text: str) -> bool:
    """A line of a scorecard: fewer than four lower-case words besides the scorecard's own ("not out", "v")."""
    return len([w for w in re.findall(r"\b[a-z]+\b", text) if w not in SCORECARD_WORDS]) < 4


def _in_brackets(text: str, at: int) -> bool:
    """Inside brackets, also when the line is cut inside them: an open "(" before, or an unopened ")" after."""
    before, after = text[:at], text[at:]
    return before.rfind("(") > before.rfind(")") or 0 <= after.find(")") < (after.find("(") % (len(after) + 1))


@register_rule("actors.innings_summary")
def innings_summary(block: ParsedBlock) -> list[Candidate]:
    """A cricket innings summary: the batting team before its total, the players with runs or bowling figures in
    the brackets after it (people), and the other team after "v".

    Example: At Arden: Castleford 326 (T. Brandt 95 not out, L. Holt 54; P. Okoro 7-73) v Millbrook."""
    text = block.text
    if not is_scorecard_line(text):
        return []
    out = []
    teams = [*INNINGS_TEAM.finditer(text), *INNINGS_OPPONENT.finditer(text)]
    if teams and (cut := CUT_PLAYER.search(text)):  # "Valdora 210-6 (M. Sand": the line breaks before the runs
        start, end = cut.span("name")
        if player := span_candidate(block, start, end, PERSON, "actors.innings_summary"):
            out.append(player)
    for m in teams:
        if team := team_candidate(block, m.start("team"), m.end("team"), "actors.innings_summary"):
            out.append(team)
    for m in FIGURE_PLAYER.finditer(text):
        if _in_brackets(text, m.start("name")):
            start, end = m.span("name")
            if not country_or_demonym_code(m.group("name")) and (
                player := span_candidate(block, start, end, PERSON, "actors.innings_summary")
            ):
                out.append(player)
    return out


SPORTS_ROLE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}) (?:"
    + "|".join(re.escape(w) for w in sorted(word_list("sports_role"), key=len, reverse=True))
    + r")\b"
)
TEAM_CUE = re.compile(
    r"\b(?:play(?:s|ed|ing)? for|signed (?:for|from)|on loan (?:from|to)|transfer(?:red)? (?:to|from)|"
    r"(?:beat|beating|defeated|drew with|lost to|draw with)) (?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})"
)


@register_rule("actors.team_before_sports_role")
def teams_before_sports_roles(block: ParsedBlock) -> list[Candidate]:
    """A name written right before a player's or coach's role is their club: "Valdora defender Piet Okoro",
    "the Arden coach". A country there is its national team (a place in CoNLL's convention) and is left out.

    Example: Castleford midfielder Piet Okoro was sent off in the second half."""
    return _cue_teams(block, SPORTS_ROLE, "actors.team_before_sports_role", person_ok=True)


@register_rule("actors.team_after_sports_cue")
def teams_after_sports_cues(block: ParsedBlock) -> list[Candidate]:
    """A name after "played for", "signed for", "on loan from", or after "beat" in a story with a score, is a team.

    Example: Okoro, who played for Castleford for five seasons, signed for Arden Rovers on Monday."""
    return _cue_teams(block, TEAM_CUE, "actors.team_after_sports_cue")


def _cue_teams(block: ParsedBlock, pattern: re.Pattern, rule: str, person_ok: bool = False) -> list[Candidate]:
    """Teams named by the group "name" of each match; spaCy's PERSON vetoes one unless `person_ok` and a
    capitalised name (the player's) follows the match: spaCy takes "Castleford" of "Castleford defender Piet
    Okoro" for a person."""
    out = []
    text = block.text
    for m in pattern.finditer(text):
        start, end = m.start("name"), m.end("name")
        span = block.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span[0].is_sent_start and span[0].pos_ != "PROPN":
            continue  # "Midfielder" opening a sentence is no club
        player_follows = person_ok and re.match(r" [A-Z]", text[m.end() :]) is not None
        if any(t.ent_type_ == "PERSON" for t in span) and not player_follows:
            continue  # "beat Ana Ruiz": a player
        cand = team_candidate(block, start, end, rule)
        if cand:
            out.append(cand)
    return out


_PLAYER = r"(?:[A-Z]\. ?)*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
BATTING_LINE = re.compile(
    rf"^(?P<bat>{_PLAYER}) (?:(?:c (?P<c>{_PLAYER}) b|c & b|lbw b|b|st (?P<st>{_PLAYER}) b) (?P<b>{_PLAYER})"
    r"|run out|not out|retired hurt)(?: not out)? \d+"
)


@register_rule("actors.player_in_scorecard")
def scorecard_players(block: ParsedBlock) -> list[Candidate]:
    """The players of a cricket batting line: the batsman, the catcher ("c"), the wicketkeeper ("st") and the bowler
    ("b"), each a person.

    Example: T. Brandt c Okoro b Wirth 54"""
    m = BATTING_LINE.match(block.text)
    if m is None:
        return []
    out = []
    for g in ("bat", "c", "st", "b"):
        if m.group(g):
            cand = span_candidate(block, m.start(g), m.end(g), PERSON, "actors.player_in_scorecard")
            if cand:
                out.append(cand)
    return out


# a golfer's rounds (two to four scores from 59 to 89), after an optional total or score to par and country:
# "134 Ana Ruiz 68 66", "+2 Lena Holt (Spain) 70 72"
ROUND_SCORES_ITEM = re.compile(
    rf"(?:^|, )(?P<lead>(?:\d{{3}}|[+-]\d{{1,2}}) )?(?P<name>{_PLAYER})(?: \([A-Z][\w.' ]*\))?"
    r"(?: (?:59|[6-8]\d)){2,4}(?=,|\.?\s*$| \()"
)
# a bowler's figures, overs-maidens-runs-wickets: "Okoro 22-6-56-2", "Wirth 14.3-4-45-1"
BOWLING_ITEM = re.compile(rf"(?:^|, |: )(?P<name>{_PLAYER}) \d+(?:\.\d)?-\d+-\d+-\d+(?=[\s,.;(]|$)")
# the last player of a list line whose row goes on in the next line: "..., Piet"
CUT_LAST_ITEM = re.compile(rf", (?P<name>{_PLAYER})\s*$")


@register_rule("actors.player_with_round_scores")
def round_score_players(block: ParsedBlock) -> list[Candidate]:
    """In a golf results line, each name followed by its round scores is a player (a person), also the name left at
    the end of a line the row goes on from. A line qualifies with two players or more, or one after a total or a
    score to par, so that a club with two scores is not read as a golfer.

    Example: 134 Ana Ruiz 68 66, Lena Holt (Spain) 67 67, Mary Okoro 70 64"""
    items = [*ROUND_SCORES_ITEM.finditer(block.text)] if is_list_line(block.text) else []
    if len(items) < 2 and not (items and items[0].group("lead")):
        return []
    return _list_players(block, items, "actors.player_with_round_scores")


@register_rule("actors.bowler_with_figures")
def bowling_figure_players(block: ParsedBlock) -> list[Candidate]:
    """In a cricket bowling line, each name followed by overs-maidens-runs-wickets is a bowler (a person), also the
    name left at the end of a line the list goes on from.

    Example: Bowling: Okoro 22-6-56-2, Wirth 14.3-4-45-1, Brandt 17-0-91-0"""
    items = [*BOWLING_ITEM.finditer(block.text)] if is_list_line(block.text) else []
    return _list_players(block, items, "actors.bowler_with_figures")


def _list_players(block: ParsedBlock, items: list[re.Match], rule: str) -> list[Candidate]:
    """The players named by the "name" group of each item, and the one at the cut end of the line."""
    if not items:
        return []
    if (cut := CUT_LAST_ITEM.search(block.text)) and cut.start() >= items[-1].end():
        items.append(cut)
    out = []
    for m in items:
        if country_or_demonym_code(m.group("name")):
            continue
        if player := span_candidate(block, m.start("name"), m.end("name"), PERSON, rule):
            out.append(player)
    return out


def settle_standings_tables(cands: list[Candidate], blocks: list[ParsedBlock]) -> None:
    """A table lists teams or players, not both: the rows of one table (standings lines one after another) are all
    teams unless most of them read as players. spaCy tags many two-word clubs PERSON ("Arden Rovers 5 3 1 1"), and a
    row taken for a player there would make the club a person wherever the article names it."""
    row_of = {id(b): i for i, b in enumerate(blocks)}
    rows = sorted(
        (c for c in cands if c.rule == "actors.team_in_standings_line" and id(c.block) in row_of),
        key=lambda c: row_of[id(c.block)],
    )
    tables: list[list[Candidate]] = []
    for c in rows:
        if tables and row_of[id(c.block)] == row_of[id(tables[-1][-1].block)] + 1:
            tables[-1].append(c)
        else:
            tables.append([c])
    for table in tables:
        if sum(c.kind == PERSON for c in table) * 2 <= len(table):
            for c in table:
                c.kind = ORG


def results_line_candidates(block: ParsedBlock) -> list[Candidate]:
    """Every team, scorer and player of one results or list line, and the teams named around sports words."""
    found = score_line_teams(block) + score_line_scorers(block) + standings_line_team(block) + fixture_line_teams(block)
    found += fixture_list_teams(block) + cup_tie_teams(block) + team_scorers(block)
    found += scorecard_players(block) + innings_summary(block) + round_score_players(block)
    found += bowling_figure_players(block) + lineup_players(block)
    return found + bracketed_players(block) + teams_before_sports_roles(block) + teams_after_sports_cues(block)


def team_candidate(block: ParsedBlock, start: int, end: int, rule: str, players: bool = False) -> Candidate | None:
    """The team named by block.text[start:end]; none for a country (its national team, a place in CoNLL's
    convention), a month or a number word; a person when `players` and the name is a player's."""
    text = block.text[start:end].rstrip(".")
    end = start + len(text)
    if country_or_demonym_code(text):
        return None
    span = block.doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"} for t in span):
        return None
    kind = ORG
    if players and (PLAYER_NAME.match(text) or len(span) >= 2 and all(t.ent_type_ == "PERSON" for t in span)):
        kind = PERSON
    return span_candidate(block, start, end, kind, rule)


def span_candidate(block: ParsedBlock, start: int, end: int, kind: str, rule: str) -> Candidate | None:
    span = block.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    cand = make_candidate(block, span.start, span.end, kind, "results", rule=rule)
    if cand is None or is_junk_name(cand.name, kind):
        return None
    return cand


TEAM_RULES = frozenset(
    {
        "actors.team_in_score_line",
        "actors.team_in_standings_line",
        "actors.team_in_fixture_line",
        "actors.teams_in_fixture_list",
        "actors.team_in_cup_tie_line",
        "actors.scorers_of_a_team",
        "actors.team_before_sports_role",
        "actors.team_after_sports_cue",
        "actors.team_after_players_country",
        "actors.innings_summary",
        "actors.team_named_by_place",
    }
)
_SPORT = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(word_list("sport"), key=len, reverse=True)) + r")\b"
)


@dataclass
class TeamEntity(Entity):
    """A team known in its article only from results lines (often by its town: "Castleford 2 Arden 1"), with the
    competition it was read in ("soccer|premier league"). Across articles it is one actor only with a team of the
    same name in the same competition: "Arden" of a rugby table and "Arden" of a soccer table are two clubs, and
    neither is the town."""

    competition: str = ""


def headline_sport(blocks: list[ParsedBlock]) -> str:
    """The sport the article's headline names ("soccer" of "Soccer: Arden beat Castleford"), or ""."""
    headline = next((b.text for b in blocks if b.zone == HEADLINE), "")
    return m.group(0) if (m := _SPORT.search(headline.lower())) else ""


def competition_of(blocks: list[ParsedBlock], block: ParsedBlock) -> str:
    """'sport|competition' of a results line: the sport named in the headline and the nearest short heading above
    the line that names a competition ("Northern League", "Division two"), skipping a group inside one
    ("EASTERN DIVISION"); either part may be empty."""
    sport = headline_sport(blocks)
    section = ""
    index = next((i for i, b in enumerate(blocks) if b is block), 0)
    for above in reversed(blocks[:index]):
        words = re.findall(r"[a-z]+", above.text.lower())
        if above.zone == HEADLINE or not words or len(words) > 6 or any(c.isdigit() for c in above.text):
            continue
        if not set(words) & word_list("competition_word"):
            continue
        if words[0] in word_list("section_compass") and "league" not in words:
            continue  # "EASTERN DIVISION" is a group inside the league above it; "Northern League" is a league
        section = " ".join(words)
        break
    return f"{sport}|{section}"
