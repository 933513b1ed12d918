"""Major professional sports franchises (data/sports_teams.csv): one club written three ways across articles.

A North American results table lists a club by its place under its league's heading ("CHICAGO 71 64" under
"AMERICAN LEAGUE"), a match report names it in full ("the Chicago White Sox") and then by its nickname ("the White
Sox"). Each form read here gives the franchise's name, which `corpus.resolve_actors` uses as the actor's identity
across articles. A place is read only with its sport and, where the place has two clubs in that sport, the league
("CHICAGO" is the White Sox in the American League, the Cubs in the National); a nickname only in an article that
names a franchise of that sport in full or lists its teams under that sport's headline ("Rangers" is a baseball,
hockey or Scottish football club).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from tidynews.paths import DATA_DIR


@dataclass(frozen=True)
class Franchise:
    """One row of data/sports_teams.csv: a name of a franchise, the franchise it names, its forms and league."""

    word: str
    value: str
    place: str
    nickname: str
    leagues: frozenset[str]
    sport: str


def _fold(name: str) -> str:
    """Case, full stops and the apostrophe's form do not matter: "ST. LOUIS" = "St Louis"."""
    return " ".join(name.replace(".", " ").replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def franchises() -> tuple[Franchise, ...]:
    with open(DATA_DIR / "sports_teams.csv", encoding="utf-8", newline="") as f:
        return tuple(
            Franchise(
                row["word"],
                row["value"],
                row["place"],
                row["nickname"],
                frozenset(_fold(x) for x in row["league"].split("|")),
                row["sport"],
            )
            for row in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def _by_full_name() -> dict[str, Franchise]:
    return {_fold(f.word): f for f in franchises()}


def sports() -> frozenset[str]:
    return frozenset(f.sport for f in franchises())


def franchise_by_full_name(name: str) -> Franchise | None:
    """The franchise a full name ("Chicago White Sox", "CALIFORNIA ANGELS") names, in any sport."""
    return _by_full_name().get(_fold(name))


def _one(found: list[Franchise]) -> Franchise | None:
    return found[0] if len({f.value for f in found}) == 1 else None


def franchise_by_nickname(nickname: str, sport: str) -> Franchise | None:
    """The one franchise of the sport with this nickname ("Yankees" in baseball)."""
    key = _fold(nickname)
    return _one([f for f in franchises() if f.sport == sport and _fold(f.nickname) == key])


def franchise_by_place(place: str, sport: str, league: str = "") -> Franchise | None:
    """The one franchise of the sport named by this place, in the league when one is given and the place has a
    club in it ("New York" in baseball: the Yankees in the American League, the Mets in the National League;
    without a league, neither)."""
    key = _fold(place)
    found = [f for f in franchises() if f.sport == sport and _fold(f.place) == key]
    if league and any(_fold(league) in f.leagues for f in found):
        found = [f for f in found if _fold(league) in f.leagues]
    return _one(found)


def sport_of_league(league: str) -> str:
    """The one sport whose franchises are listed under this heading ("American League": baseball); none for a
    heading two sports share ("Eastern Conference")."""
    found = {f.sport for f in franchises() if _fold(league) in f.leagues}
    return found.pop() if len(found) == 1 else ""
