"""The validation rules a Table Schema cannot express, declared once.

Both engines of the fast validator (Pandera in validate.py, DuckDB SQL in validate_sql.py for large tables) read
their parameters from here, and the codebook lists them from here, so the three never disagree: which column of
which table a span must match, the lexical forms of numbers Frictionless accepts, and which columns no two
statements may share.
"""

from __future__ import annotations

from dataclasses import dataclass

# Every span table and the column holding its surface text: articles.text[start:end] must equal it.
SPAN_SURFACE = {"actor_mentions": "text", "place_mentions": "text", "statements": "quote", "figures": "text"}

# The lexical forms Frictionless accepts (bareNumber: true): "12", "-3", "+7"; "1.5", ".5", "2e6", "NaN", "INF".
# Written so that Python's re and DuckDB's RE2 read them alike.
NUMBER_FORMS = {
    "integer": r"[-+]?\d+",
    "number": r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?i:nan|inf|infinity)",
}

# Columns no two rows of a table may share beyond its primary key, and the rule a breach is reported under.
NO_DUPLICATES = {"statements": ("duplicate-statement", ("article_id", "start", "end"))}


@dataclass(frozen=True)
class ExtraCheck:
    """One rule beyond the Table Schemas: the name problems carry, the tables it applies to, and what it checks."""

    rule: str
    tables: tuple[str, ...]
    description: str


def _names(columns: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{c}`" for c in columns)


EXTRA_CHECKS = (
    ExtraCheck(
        "type-error",
        (),
        "an `integer` cell matches `"
        + NUMBER_FORMS["integer"]
        + "` and fits 64 bits; a `number` cell matches `"
        + NUMBER_FORMS["number"]
        + "` (the forms Frictionless accepts)",
    ),
    ExtraCheck(
        "span-range",
        tuple(SPAN_SURFACE),
        "0 ≤ `start` ≤ `end` ≤ the number of characters of the article's `text`",
    ),
    ExtraCheck(
        "span-text",
        tuple(SPAN_SURFACE),
        "the article's `text[start:end]` is the row's "
        + ", ".join(f"`{column}` ({table})" for table, column in SPAN_SURFACE.items()),
    ),
    *(
        ExtraCheck(rule, (table,), f"no two rows of `{table}` share {_names(columns)}")
        for table, (rule, columns) in NO_DUPLICATES.items()
    ),
)
