"""Titles and honorifics: the one list of them for every extractor (`data/actor_titles.csv`).

Owns the title vocabulary: honorifics ("Mr", "Dr", "Sheikh"), ranks ("Gen.", "Lt"), title heads ("minister",
"spokesman"), modifiers ("deputy", "acting") and office words ("State" of "Secretary of State"). Words are compared
lower-case without a final "." ("Gen." = "gen"). `surname_follows` marks the honorifics that British copy writes
before a bare surname ("Mr Haddad", "Lord Justice Penrose"), which the actors extractor looks for.

API: `title_kinds("Gen.")` -> {"rank"}; `is_title_word`, `is_honorific`; `honorifics()` (every honorific);
`honorifics_before_surname()`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache

from tidynews.paths import DATA_DIR

TITLES_FILE = DATA_DIR / "actor_titles.csv"
KINDS = ("honorific", "rank", "head", "modifier", "office")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with open(TITLES_FILE, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@lru_cache(maxsize=1)
def title_words() -> dict[str, frozenset[str]]:
    """Lower-case title word without '.' -> its kinds (honorific, rank, head, modifier, office)."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        table[row["word"].strip().lower()].add(row["kind"])
    return {word: frozenset(kinds) for word, kinds in table.items()}


def title_kinds(word: str) -> frozenset[str]:
    """Kinds of a title word, ignoring case and a final '.': "Gen." -> {"rank"}; "" when none."""
    return title_words().get(word.lower().rstrip("."), frozenset())


def is_title_word(word: str) -> bool:
    """A word of a title or an honorific: "Minister", "Gen.", "Mr" -> True; "Smith" -> False."""
    return bool(title_kinds(word))


def is_honorific(word: str) -> bool:
    """ "Mr", "Dr.", "Sheikh" -> True; "Minister" -> False."""
    return "honorific" in title_kinds(word)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Every honorific, lower-case without '.': mr, mrs, dr, sir, rev, sheikh, ..."""
    return frozenset(w for w, kinds in title_words().items() if "honorific" in kinds)


@lru_cache(maxsize=1)
def honorifics_before_surname() -> frozenset[str]:
    """Honorifics written before a bare surname in British copy ("Mr Haddad", "Dr Roe"), lower-case."""
    return frozenset(row["word"].strip().lower() for row in _rows() if row.get("surname_follows") == "yes")
