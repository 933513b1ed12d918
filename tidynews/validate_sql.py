"""The fast validator's engine for large tables: the same rules as the Pandera schema, as DuckDB SQL.

Pandera on a pandas frame takes over a second for a million rows, plus reading and typing the frame. A table
larger than LARGE_TABLE_BYTES is instead read by DuckDB's CSV reader (every column as text, typed in the same pass) and
checked with SQL generated from the same Table Schema: types (the number forms Frictionless accepts), required,
enum, pattern, minimum, maximum, minLength, unique, primary key, then foreign keys (anti-joins), spans (a join on
the article text) and duplicate statements. Every problem names table, CSV line (header = 1), column and rule,
with the rule names the Pandera path uses, so the two paths report alike (tests/test_validate_sql.py runs both).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from tidynews.checks import NO_DUPLICATES, NUMBER_FORMS, SPAN_SURFACE
from tidynews.database import MAX_CSV_LINE_BYTES
from tidynews.errors import Problem
from tidynews.paths import DATA_SUBDIR, table_path
from tidynews.schemas import FIELD_TYPES, TableSchema, field_type

if TYPE_CHECKING:
    import pandas as pd

# Above this CSV size a table is checked here rather than by Pandera (about 200,000 rows of figures).
LARGE_TABLE_BYTES = 16 * 2**20
MAX_PER_RULE = 20
SQL_TYPES = {ftype: FIELD_TYPES[ftype].duckdb for ftype in NUMBER_FORMS}  # the types whose cells are parsed
# Span checks cut spans of up to SPAN_WINDOW characters from windows that start every SPAN_STRIDE characters.
SPAN_STRIDE = 128
SPAN_WINDOW = 384


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def is_large(package_dir: Path, table: str) -> bool:
    path = table_path(package_dir, table)
    return path.exists() and path.stat().st_size > LARGE_TABLE_BYTES


class SqlTables:
    """Large tables loaded into one in-memory DuckDB, each typed by its schema, with its CSV line in `_line`."""

    def __init__(self) -> None:
        self.con = duckdb.connect()
        self.names: set[str] = set()
        self.views: set[str] = set()

    def load(self, package_dir: Path, schema: TableSchema) -> list[Problem]:
        """Read the CSV as text in one pass, number each row by its CSV line, type it by the schema; report
        an unreadable file, columns that do not match the schema, and cells that are not of their field's type."""
        where = f"{DATA_SUBDIR}/{schema.name}.csv"
        typed = quote_name(schema.name)
        path = literal(str(table_path(package_dir, schema.name)))
        source = (
            f"read_csv({path}, all_varchar = true, header = true, delim = ',', quote = '\"', escape = '\"', "
            f"encoding = 'utf-8', max_line_size = {MAX_CSV_LINE_BYTES})"
        )
        try:
            columns = [row[0] for row in self.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
            problems = column_problems(columns, schema, where)
            present = [f for f in schema.fields if f["name"] in columns]
            select, bad_any = [], []
            for f in present:
                name, ftype = quote_name(f["name"]), field_type(f)
                cell = f"NULLIF(src.{name}, '')"
                if ftype in SQL_TYPES:
                    # a type error: not in Frictionless' form, or does not fit the type (an integer beyond 2**63)
                    bad = (
                        f"({cell} IS NOT NULL AND (NOT regexp_full_match({cell}, {literal(NUMBER_FORMS[ftype])}) "
                        f"OR TRY_CAST({cell} AS {SQL_TYPES[ftype]}) IS NULL))"
                    )
                    # the bad cell's text is kept (only for bad cells) to quote it in the problem
                    select += [
                        f"TRY_CAST({cell} AS {SQL_TYPES[ftype]}) AS {name}",
                        f"CASE WHEN {bad} THEN src.{name} END AS {quote_name('_bad_' + f['name'])}",
                    ]
                    bad_any.append(f"{quote_name('_bad_' + f['name'])} IS NOT NULL")
                else:
                    select.append(f"{cell} AS {name}")
            # WITH ORDINALITY numbers the rows in the file's order (1 = the first data row = CSV line 2). DuckDB then
            # reads on one thread, which leaves the other core to Pandera on the small tables; row_number() OVER ()
            # after a parallel read would be a second, serial pass over the table.
            self.con.execute(
                f"CREATE TABLE {typed} AS SELECT *, ({' OR '.join(bad_any) or 'false'}) AS _type_error FROM "
                f"(SELECT src.ordinality + 1 AS _line, {', '.join(select)} FROM {source} WITH ORDINALITY AS src)"
            )
        except duckdb.Error as exc:
            return [
                Problem(
                    "csv-parse",
                    f"the file is not a readable CSV ({exc}); rebuild the package with `tidynews build`",
                    file=where,
                    table=schema.name,
                )
            ]
        self.names.add(schema.name)
        for f in present:
            if field_type(f) in SQL_TYPES:
                bad = quote_name("_bad_" + f["name"])
                problems += self.located(
                    f"SELECT _line, {bad} FROM {typed} WHERE {bad} IS NOT NULL",
                    lambda v, f=f: f"{v!r} is not a valid {f.get('type')}",
                    "type-error",
                    schema.name,
                    f["name"],
                )
        return problems

    def located(
        self, query: str, message, rule: str, table: str, column: str | None, limit: int = MAX_PER_RULE
    ) -> list[Problem]:
        """Run a query whose rows are (CSV line, value, ...): the first `limit` in line order, then a count."""
        where = f"{DATA_SUBDIR}/{table}.csv"
        rows = self.con.execute(f"SELECT *, count(*) OVER () FROM ({query}) ORDER BY 1 LIMIT {limit}").fetchall()
        if not rows:
            return []
        count = rows[0][-1]
        problems = [
            Problem(rule, message(*row[1:-1]), file=where, table=table, row=int(row[0]), column=column) for row in rows
        ]
        if count > limit:
            problems.append(Problem(rule, f"... and {count - limit} more rows", file=where, table=table, column=column))
        return problems

    def schema_problems(self, schema: TableSchema) -> list[Problem]:
        """The Table Schema's constraints, on every row without a type error (those are reported once, as such)."""
        typed = quote_name(schema.name)
        columns = {row[0] for row in self.con.execute(f"DESCRIBE {typed}").fetchall()}
        ok = "NOT _type_error"
        problems = []
        for f in schema.fields:
            if f["name"] not in columns:
                continue
            c, name = f.get("constraints", {}), quote_name(f["name"])
            rules = []
            if c.get("required"):
                rules.append(("required", f"{name} IS NULL"))
            if "enum" in c:
                rules.append(("enum", f"{name} NOT IN ({', '.join(literal(v) for v in c['enum'])})"))
            if "pattern" in c:
                rules.append(("pattern", f"NOT regexp_full_match({name}, {literal('(?:' + c['pattern'] + ')')})"))
            if "minimum" in c:
                rules.append(("minimum", f"{name} < {literal(c['minimum'])}"))
            if "maximum" in c:
                rules.append(("maximum", f"{name} > {literal(c['maximum'])}"))
            if "minLength" in c:
                rules.append(("minLength", f"length({name}) < {int(c['minLength'])}"))
            for rule, condition in rules:
                problems += self.located(
                    f"SELECT _line, {name} FROM {typed} WHERE {ok} AND {condition}",
                    lambda v, rule=rule: f"value {v!r} fails {rule}",
                    rule,
                    schema.name,
                    f["name"],
                )
            if c.get("unique"):
                problems += self.duplicates(schema, [f["name"]], "unique", f["name"])
        if len(schema.primary_key) > 1 and all(k in columns for k in schema.primary_key):
            problems += self.duplicates(schema, schema.primary_key, "primary-key", None)
        return problems

    def duplicates(self, schema: TableSchema, cols: list[str], rule: str, column: str | None) -> list[Problem]:
        """Every row whose value (or key) another row also has, as Pandera's uniqueness check reports them."""
        key = ", ".join(quote_name(c) for c in cols)
        shown = " || '/' || ".join(f"CAST({quote_name(c)} AS VARCHAR)" for c in cols)
        present = " AND ".join(f"{quote_name(c)} IS NOT NULL" for c in cols)
        return self.located(
            f"SELECT _line, value FROM (SELECT _line, {shown} AS value, count(*) OVER (PARTITION BY {key}) AS n "
            f"FROM {quote_name(schema.name)} WHERE NOT _type_error AND {present}) WHERE n > 1",
            lambda v: f"value {v!r} fails {rule}: another row has it too",
            rule,
            schema.name,
            column,
        )

    def relation(self, name: str, frames: dict[str, pd.DataFrame]) -> str:
        """A table to join with: a loaded large table, or a (small) pandas frame registered as a view, its CSV line
        in `_line`."""
        if name in self.names:
            return quote_name(name)
        view = f"frame_{name}"
        if view not in self.views:
            frame = frames[name]
            self.con.register(view, frame.assign(_line=frame.index + 2))
            self.views.add(view)
        return quote_name(view)

    def involves(self, *tables: str) -> bool:
        """Whether a check over these tables needs SQL (one of them is large); all-small checks stay in pandas."""
        return any(t in self.names for t in tables)

    def foreign_key_problems(self, frames: dict[str, pd.DataFrame], schema: TableSchema) -> list[Problem]:
        """Every non-empty foreign key value exists in the table it points to (an anti-join per key)."""
        problems = []
        for cols, ref, ref_cols in schema.foreign_keys:
            if not self.involves(schema.name, ref) or (ref not in frames and ref not in self.names):
                continue
            table, target = self.relation(schema.name, frames), self.relation(ref, frames)
            match = " AND ".join(
                f"CAST(t.{quote_name(c)} AS VARCHAR) = CAST(r.{quote_name(rc)} AS VARCHAR)"
                for c, rc in zip(cols, ref_cols, strict=True)
            )
            shown = " || '/' || ".join(f"CAST(t.{quote_name(c)} AS VARCHAR)" for c in cols)
            present = " AND ".join(f"t.{quote_name(c)} IS NOT NULL" for c in cols)
            problems += self.located(
                f"SELECT t._line, {shown} FROM {table} t WHERE {present} "
                f"AND NOT EXISTS (SELECT 1 FROM {target} r WHERE {match})",
                lambda v, ref=ref, ref_cols=ref_cols: f"{v!r} is not a {'/'.join(ref_cols)} of {ref}",
                "foreign-key",
                schema.name,
                ",".join(cols),
            )
        return problems

    def span_problems(self, frames: dict[str, pd.DataFrame], table: str) -> list[Problem]:
        """The article text at [start:end] (in code points, as DuckDB's substring counts) is the row's surface text.

        substring() walks the UTF-8 text from its start, so slicing a 6,000-character article a million times is
        slow; instead each article is cut once into overlapping windows (every SPAN_STRIDE characters, each
        SPAN_STRIDE + SPAN_WINDOW long), and a span no longer than SPAN_WINDOW is cut from the window where it
        starts. A longer span (rare) is cut from the whole text.
        """
        surface = SPAN_SURFACE[table]
        rows = self.relation(table, frames)
        columns = {row[0] for row in self.con.execute(f"DESCRIBE {rows}").fetchall()}
        if not {"article_id", "start", "end", surface} <= columns:
            return []
        if "span_windows" not in self.views:
            articles = self.relation("articles", frames)
            self.con.execute(
                "CREATE TEMP TABLE span_articles AS SELECT article_id, coalesce(text, '') AS text, "
                f"length(coalesce(text, '')) AS n FROM {articles}"
            )
            self.con.execute(
                f"CREATE TEMP TABLE span_windows AS SELECT article_id, k, n, substring(text, k * {SPAN_STRIDE} + 1, "
                f"{SPAN_STRIDE + SPAN_WINDOW}) AS piece FROM (SELECT article_id, text, n, "
                f"unnest(range(0, n // {SPAN_STRIDE} + 1)) AS k FROM span_articles)"
            )
            self.views.add("span_windows")
        typed_only = "AND NOT _type_error" if table in self.names else ""  # a bad number is a type error only
        rows_with_spans = f"""
            SELECT _line, article_id, start, "end", coalesce({quote_name(surface)}, '') AS want FROM {rows}
            WHERE start IS NOT NULL AND "end" IS NOT NULL {typed_only}"""

        def in_range(length: str) -> str:
            return f't.start >= 0 AND t.start <= t."end" AND t."end" <= {length}'

        problems = self.located(
            f'SELECT t._line, t.start, t."end", a.n FROM ({rows_with_spans}) t '
            "JOIN (SELECT article_id, n FROM span_articles) a ON t.article_id = a.article_id "
            f"WHERE NOT ({in_range('a.n')})",
            lambda s, e, n: f"[{s}:{e}] is outside the article's {n} characters",
            "span-range",
            table,
            surface,
        )
        # A span in range: a short one from the window it starts in (which carries its article's length, so one
        # join does), a long one from the whole text. No join carries an article's whole text along a short span.
        # (The row query is repeated, not a WITH: DuckDB would materialise a WITH used twice, a million rows.)
        spans = f"""(
            SELECT t._line, t.start, t."end", t.want,
                substring(w.piece, t.start - w.k * {SPAN_STRIDE} + 1, t."end" - t.start) AS got
            FROM ({rows_with_spans}) t
            JOIN span_windows w ON w.article_id = t.article_id AND w.k = t.start // {SPAN_STRIDE}
            WHERE t."end" - t.start <= {SPAN_WINDOW} AND {in_range("w.n")}
            UNION ALL
            SELECT t._line, t.start, t."end", t.want, substring(a.text, t.start + 1, t."end" - t.start) AS got
            FROM ({rows_with_spans}) t JOIN span_articles a ON t.article_id = a.article_id
            WHERE t."end" - t.start > {SPAN_WINDOW} AND {in_range("a.n")}
        )"""
        problems += self.located(
            f'SELECT _line, start, "end", got, want FROM {spans} WHERE got IS DISTINCT FROM want',
            lambda s, e, got, want: f"article text at [{s}:{e}] is {got!r}, not {want!r}",
            "span-text",
            table,
            surface,
        )
        return problems

    def duplicate_statement_problems(self) -> list[Problem]:
        """No statement twice: one row per (article, span) (checks.NO_DUPLICATES); the first one is not reported."""
        rule, columns = NO_DUPLICATES["statements"]
        return self.located(
            f"SELECT _line, 1 FROM (SELECT _line, row_number() OVER (PARTITION BY "
            f"{', '.join(quote_name(c) for c in columns)} ORDER BY _line) AS nth FROM statements) WHERE nth > 1",
            lambda _: "same article and span as an earlier statement",
            rule,
            "statements",
            None,
        )


def column_problems(columns: list[str], schema: TableSchema, where: str) -> list[Problem]:
    """The CSV's header against the schema's fields: extra, missing, out of order (as Pandera's strict schema)."""
    problems = []
    wanted = schema.field_names
    for name in columns:
        if name not in wanted:
            problems.append(
                Problem(
                    "extra-column",
                    f"the CSV has a column {name!r} that schemas/{schema.name}.json does not define: rebuild the "
                    "package with `tidynews build`, or add the field back to the schema",
                    file=where,
                    table=schema.name,
                    column=name,
                )
            )
    for name in wanted:
        if name not in columns:
            problems.append(
                Problem(
                    "missing-column",
                    f"schemas/{schema.name}.json defines a column {name!r} that the CSV lacks: rebuild the package",
                    file=where,
                    table=schema.name,
                    column=name,
                )
            )
    shared = [c for c in columns if c in wanted]
    if shared != [c for c in wanted if c in columns]:
        problems.append(
            Problem(
                "column-order",
                f"the columns are out of the order schemas/{schema.name}.json gives: rebuild the package",
                file=where,
                table=schema.name,
            )
        )
    return problems
