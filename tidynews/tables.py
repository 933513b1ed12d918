"""Turn per-article extractions into the package's tables (lists of row dicts), and read/write them as CSV.

Rows are sorted by primary key and numbers formatted one way, so the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tidynews.articles import Article
from tidynews.errors import Problem, SchemaError
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


# How each field of the tables tidynews makes here gets its value, declared once per table: a getter of
# (article id, the extracted item, the id of the entity it points to). `check_fields` holds these against the
# Table Schemas before anything is written, whatever the number of rows: a field the schema has and no getter
# makes, or a getter the schema does not know, is an error (never an empty or a silently dropped column).
# actors and places rows are made by the extractors' corpus-wide resolvers and checked row by row.
Getter = Callable[[str, Any, str], object]


def _attr(name: str) -> Getter:
    return lambda _article_id, item, _entity_id: getattr(item, name)


def _article_id(article_id: str, _item: Any, _entity_id: str) -> str:
    return article_id


def _entity_id(_article_id: str, _item: Any, entity_id: str) -> str:
    return entity_id


def _span_id(kind: str) -> Getter:
    return lambda article_id, item, _entity_id: span_id(article_id, kind, item.start, item.end)


def _mention_values(id_column: str) -> dict[str, Getter]:
    return {
        "article_id": _article_id,
        id_column: _entity_id,
        **{n: _attr(n) for n in ("text", "start", "end", "zone", "rule")},
    }


ROW_VALUES: dict[str, dict[str, Getter]] = {
    "articles": {
        n: _attr(n)
        for n in ("article_id", "title", *METADATA_FIELDS, "source_file", "sha256", "text_sha256", "encoding", "text")
    },
    "actor_mentions": _mention_values("actor_id"),
    "place_mentions": _mention_values("place_id"),
    "statements": {
        "statement_id": _span_id("s"),
        "article_id": _article_id,
        "speaker_id": _entity_id,
        **{n: _attr(n) for n in ("speaker", "quote", "kind", "cue", "addressee", "start", "end", "zone", "rule")},
    },
    "figures": {
        "figure_id": _span_id("f"),
        "article_id": _article_id,
        **{n: _attr(n) for n in ("value", "text", "qualifier", "unit", "counts", "event", "start", "end", "rule")},
    },
}


def make_row(table: str, article_id: str, item: Any, entity_id: str = "") -> dict:
    """One row of `table` from an extracted item, every field by its getter in ROW_VALUES."""
    return {name: get(article_id, item, entity_id) for name, get in ROW_VALUES[table].items()}


def mention_rows(article_id: str, mentions: list[Mention], table: str, entity_id: Callable[[str], str]) -> list[dict]:
    """Rows of a mention table, one per span (a span found twice is kept once: the span is the primary key)."""
    rows, seen = [], set()
    for m in mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        rows.append(make_row(table, article_id, m, entity_id(m.key)))
    return rows


def assemble_tables(articles: list[Article], extractions: list[ArticleExtraction]) -> dict[str, list[dict]]:
    """All seven tables from the articles and their extractions, with corpus-wide actor ids."""
    actors, actor_id = resolve_actors(extractions)
    places = resolve_places(extractions)
    tables: dict[str, list[dict]] = {
        "articles": [make_row("articles", a.article_id, a) for a in articles],
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
            aid, ex.actor_mentions, "actor_mentions", lambda key, aid=aid: actor_id[(aid, key)]
        )
        tables["place_mentions"] += mention_rows(aid, ex.place_mentions, "place_mentions", lambda key: key)
        stmts = sorted({(s.start, s.end): s for s in ex.statements}.values(), key=lambda s: (s.start, s.end))
        for s in stmts:
            speaker_id = actor_id.get((aid, s.speaker_key), "") if s.speaker_key else ""
            tables["statements"].append(make_row("statements", aid, s, speaker_id))
        figs = sorted({(f.start, f.end): f for f in ex.figures}.values(), key=lambda f: (f.start, f.end))
        tables["figures"] += [make_row("figures", aid, f) for f in figs]
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


def field_problem(schema: TableSchema, missing: list[str], unknown: list[str], made_by: str) -> SchemaError:
    parts = []
    if missing:
        parts.append(f"schemas/{schema.name}.json defines {', '.join(map(repr, missing))}, which no row has")
    if unknown:
        parts.append(f"the rows have {', '.join(map(repr, unknown))}, which the schema does not define")
    return SchemaError(
        f"table {schema.name}: the schema and the rows tidynews makes disagree",
        [
            Problem(
                "schema-fields",
                "; ".join(parts) + f" (rename the field back in tidynews/table_schemas, or change {made_by})",
                file=f"tidynews/table_schemas/{schema.name}.json",
                table=schema.name,
                column=(missing or unknown)[0],
            )
        ],
    )


def check_fields(rows: list[dict], schema: TableSchema) -> None:
    """The rows have exactly the schema's fields: checked on the getters of ROW_VALUES (so also for a table without
    rows) and on every row. A field the code does not fill, or fills under a name the schema does not know, is an
    error naming both, never an empty or a dropped column."""
    wanted = set(schema.field_names)
    if schema.name in ROW_VALUES:
        made = set(ROW_VALUES[schema.name])
        if made != wanted:
            raise field_problem(
                schema, sorted(wanted - made), sorted(made - wanted), "ROW_VALUES in tidynews/tables.py"
            )
    for row in rows:
        if row.keys() != wanted:
            raise field_problem(
                schema, sorted(wanted - row.keys()), sorted(row.keys() - wanted), f"the code that makes {schema.name}"
            )


def check_tables(tables: dict[str, list[dict]], schemas: dict[str, TableSchema]) -> None:
    """Every table tidynews made has exactly its schema's fields, and every schema has its table (check_fields)."""
    for name, schema in schemas.items():
        if name not in tables:
            raise SchemaError(
                f"tidynews/table_schemas/{name}.json describes a table tidynews does not make",
                [Problem("schema-table", "no such table", file=f"tidynews/table_schemas/{name}.json", table=name)],
            )
        check_fields(tables[name], schema)


def write_csv(rows: list[dict], schema: TableSchema, path: Path) -> None:
    """Write rows as UTF-8 CSV with a header, in primary-key order, '\\n' line endings (a field a row lacks is
    empty: the rows of a build are held to the schemas by check_tables first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(schema.field_names)
    for row in sort_rows(rows, schema):
        writer.writerow([format_cell(row.get(c)) for c in schema.field_names])
    Path(path).write_bytes(buf.getvalue().encode("utf-8"))
