"""Why a row is in the package, or why a name is missing: every candidate the rules considered in one article.

`explain_article` reads one article file, parses it and runs the extractors with a recording `Trace`; it returns
the trace events (text, span, the rule that proposed the candidate, the rule that dropped or merged it and why)
and the rows that came out, each with its `rule`.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from tidynews.articles import read_article
from tidynews.errors import TidynewsError
from tidynews.extract.common import ArticleExtraction
from tidynews.extract.rules import Trace

TABLE_OF = {"statements": "statements", "figures": "figures", "actors": "actor_mentions", "places": "place_mentions"}


def explain_article(path: Path, tables: list[str] | None = None) -> dict:
    """The trace and the rows of one article: {"article": ..., "candidates": [...], "rows": {table: [...]}}."""
    from tidynews.extract import extract_article
    from tidynews.nlp import load_nlp, parse_articles

    # Load inputs
    path = Path(path)
    if not path.is_file():
        raise TidynewsError(f"{path}: no such article file")
    article = read_article(path, path.parent)
    wanted = tables or list(TABLE_OF)
    unknown = [t for t in wanted if t not in TABLE_OF]
    if unknown:
        raise TidynewsError(f"unknown table {unknown[0]!r}: choose from {', '.join(TABLE_OF)}")

    # Process data
    parsed = next(parse_articles([article], load_nlp()))
    trace = Trace()
    result: ArticleExtraction = extract_article(parsed, trace=trace)

    # Save outputs (as a dict the CLI prints)
    rows = {
        "statements": [asdict(s) for s in result.statements],
        "figures": [asdict(f) for f in result.figures],
        "actors": [asdict(m) for m in result.actor_mentions],
        "places": [asdict(m) for m in result.place_mentions],
    }
    return {
        "article": article.source_file,
        "candidates": [e.as_dict() for e in trace.events if e.table in wanted],
        "rows": {t: sorted(rows[t], key=lambda r: (r["start"], r["end"])) for t in wanted},
    }
