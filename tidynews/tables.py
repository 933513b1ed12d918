"""Turn per-article extractions into the package's tables (lists of row dicts), and read/write them as CSV.

Rows are sorted by primary key and numbers formatted one way, so the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from pathlib import Path

from tidynews.articles import Article
from tidynews.extract.actors import resolve_actors
from tidynews.extract.common import ArticleExtraction, Mention
from tidynews.extract.places import resolve_places
from tidynews.metadata import METADATA_FIELDS
from tidynews.schemas import TableSchema


def span_id(article_id: str, kind: str, start: int, end: int) -> str:
    """An id that names the span, so it survives rebuilds and changes elsewhere in the article: 'a1/s744-796'.

    A positional number would shift whenever an earlier statement is found or dropped, and a researcher's
    citation of 'statement 3' would silently point to another quote.
    """
    return f"{article_id}/{kind}{start}-{end}"


def mention_rows(
    article_id: str, mentions: list[Mention], id_column: str, entity_id: Callable[[str], str]
) -> list[dict]:
    """Rows of a mention table, one per span (a span found twice is kept once: the span is the primary key)."""
    rows, seen = [], set()
    for m in mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        rows.append(
            {
                "article_id": article_id,
                id_column: entity_id(m.key),
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "zone": m.zone,
                "rule": m.rule,
            }
        )
    return rows


def assemble_tables(articles: list[Article], extractions: list[ArticleExtraction]) -> dict[str, list[dict]]:
    """All seven tables from the articles and their extractions, with corpus-wide actor ids."""
    actors, actor_id = resolve_actors(extractions)
    places = resolve_places(extractions)
    tables: dict[str, list[dict]] = {
        "articles": [
            {
                "article_id": a.article_id,
                "title": a.title,
                **{name: getattr(a, name) for name in METADATA_FIELDS},
                "source_file": a.source_file,
                "sha256": a.sha256,
                "text_sha256": a.text_sha256,
                "encoding": a.encoding,
                "text": a.text,
            }
            for a in articles
        ],
        "actors": actors,
        "places": places,
        "actor_mentions": [],
        "place_mentions": [],
        "statements": [],
        "figures": [],
    }
    for ex in extractions:
        aid = ex.article_id
        tables["actor_mentions"] += mention_rows(
            aid, ex.actor_mentions, "actor_id", lambda key, aid=aid: actor_id[(aid, key)]
        )
        tables["place_mentions"] += mention_rows(aid, ex.place_mentions, "place_id", lambda key: key)
        stmts = sorted({(s.start, s.end): s for s in ex.statements}.values(), key=lambda s: (s.start, s.end))
        for s in stmts:
            tables["statements"].append(
                {
                    "statement_id": span_id(aid, "s", s.start, s.end),
                    "article_id": aid,
                    "speaker_id": actor_id.get((aid, s.speaker_key), "") if s.speaker_key else "",
                    "speaker": s.speaker,
                    "quote": s.quote,
                    "kind": s.kind,
                    "cue": s.cue,
                    "addressee": s.addressee,
                    "start": s.start,
                    "end": s.end,
                    "rule": s.rule,
                }
            )
        figs = sorted({(f.start, f.end): f for f in ex.figures}.values(), key=lambda f: (f.start, f.end))
        for f in figs:
            tables["figures"].append(
                {
                    "figure_id": span_id(aid, "f", f.start, f.end),
                    "article_id": aid,
                    "value": f.value,
                    "text": f.text,
                    "qualifier": f.qualifier,
                    "unit": f.unit,
                    "counts": f.counts,
                    "event": f.event,
                    "start": f.start,
                    "end": f.end,
                    "rule": f.rule,
                }
            )
    return tables


def format_cell(value: object) -> str:
    """One text form per value: None -> '', 80000.0 -> '80000', 1.26 -> '1.26'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def sort_rows(rows: list[dict], schema: TableSchema) -> list[dict]:
    """Rows in primary-key order (integers compare as numbers, everything else as text)."""
    pk = schema.primary_key

    def key(row: dict) -> tuple:
        return tuple(row[c] if isinstance(row.get(c), int) else format_cell(row.get(c)) for c in pk)

    return sorted(rows, key=key)


def write_csv(rows: list[dict], schema: TableSchema, path: Path) -> None:
    """Write rows as UTF-8 CSV with a header, in primary-key order, '\\n' line endings."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(schema.field_names)
    for row in sort_rows(rows, schema):
        writer.writerow([format_cell(row.get(c)) for c in schema.field_names])
    Path(path).write_bytes(buf.getvalue().encode("utf-8"))
