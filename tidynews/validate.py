"""Validate a package twice: Frictionless (the publish gate) and Pandera, derived from the same schemas,
plus the checks a Table Schema cannot express (spans match their text, foreign keys, no duplicates).

Every problem is located by file, table, row (the CSV line number, header = 1) and column, and named by rule.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from tidynews.checks import NO_DUPLICATES, NUMBER_FORMS, SPAN_SURFACE
from tidynews.errors import Problem, TidynewsError, ValidationError
from tidynews.paths import DATA_SUBDIR, TABLES, descriptor_path, find_package, table_path
from tidynews.schemas import PANDAS_DTYPES, TableSchema, arrow_type, field_type, load_schemas, pandera_schema
from tidynews.validate_sql import SqlTables, is_large

if TYPE_CHECKING:
    import pandas as pd

# pandas, pyarrow and pandera are imported in the functions that use them, not here: together they take half a
# second to import, which `validate --fast` on a large table spends while DuckDB is already reading it.

MAX_PER_RULE = 20  # report this many rows per table and rule, then a count of the rest


def csv_row(index: int) -> int:
    """The CSV line number of a data row (0-based index): the header is line 1."""
    return int(index) + 2


# --- Frictionless -----------------------------------------------------------------------------


def validate_frictionless(package_dir: Path) -> list[Problem]:
    """Run frictionless on datapackage.json: types, constraints, primary and foreign keys, bytes and hash."""
    from frictionless import Package, system

    descriptor = descriptor_path(package_dir)
    if not descriptor.exists():
        return [Problem("no-package", "datapackage.json not found", file=str(descriptor))]
    # Not trusted mode: Frictionless itself then refuses absolute paths, '..' and URLs (package_problems below
    # has already refused them, and links out of the package, before Frictionless reads anything).
    with system.use_context(trusted=False):
        report = Package(str(descriptor)).validate()
    return frictionless_problems(report)


def frictionless_problems(report) -> list[Problem]:
    """A Frictionless report as problems: at most MAX_PER_RULE rows per table, rule and column, then a count."""
    problems = []
    for task in report.tasks:
        per_rule: dict[tuple[str, str], int] = {}
        for err in task.errors:
            note = getattr(err, "note", "") or err.message
            column = getattr(err, "field_name", None)
            seen = per_rule[(err.type, column)] = per_rule.get((err.type, column), 0) + 1
            if seen > MAX_PER_RULE:
                continue  # counted below, like the Pandera problems
            problems.append(
                Problem(
                    rule=err.type,
                    message=note,
                    file=f"{DATA_SUBDIR}/{task.name}.csv" if task.name else "datapackage.json",
                    table=task.name,
                    row=getattr(err, "row_number", None),
                    column=column,
                )
            )
        for (rule, column), count in per_rule.items():
            if count > MAX_PER_RULE:
                problems.append(
                    Problem(
                        rule,
                        f"... and {count - MAX_PER_RULE} more rows",
                        file=f"{DATA_SUBDIR}/{task.name}.csv",
                        table=task.name,
                        column=column,
                    )
                )
    for err in report.errors:
        problems.append(Problem(rule=err.type, message=err.message, file="datapackage.json"))
    return problems


# --- Pandera and the checks a schema cannot express -------------------------------------------


def parse_numbers(raw: pd.Series, ftype: str) -> tuple[pd.Series, pd.Series]:
    """Type a column of text as integer ('Int64') or number ('float64'); return (values, mask of bad cells).

    The form check and the cast run vectorised in Arrow; a bad cell becomes a missing value and is flagged.
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    text = raw.astype("string[pyarrow]")
    form = text.str.fullmatch(NUMBER_FORMS[ftype]).fillna(False).astype(bool)
    bad = text.notna() & ~form
    try:  # a safe cast: an integer beyond 64 bits raises instead of wrapping around
        cast = pc.cast(pa.array(text.where(form)), arrow_type(ftype))
        values = pd.Series(pd.arrays.ArrowExtensionArray(cast), index=text.index)
    except (pa.ArrowInvalid, ValueError, TypeError):
        values = pd.to_numeric(text.where(form), errors="coerce")
        if ftype == "integer":
            fits = values.notna() & values.abs().le(2**63 - 1)
            bad |= form & ~fits
            values = values.where(fits)
    return values.astype(PANDAS_DTYPES[ftype]), bad


# Tables whose quoted values hold line breaks by design: Arrow's multi-threaded reader cannot split them into blocks.
MULTILINE_TABLES = {"articles"}


def read_csv_as_text(path: Path, multiline: bool = True) -> pd.DataFrame:
    """Every column as text, an empty cell as missing.

    Single-line tables are read by Arrow's multi-threaded parser (several times faster on a 1M-row table); if it
    cannot (a value with a line break straddles its blocks), or for multi-line tables, pandas' own parser reads it.
    """
    import pandas as pd
    import pyarrow as pa

    if not multiline:
        try:
            return pd.read_csv(
                path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8", engine="pyarrow"
            )
        except (ValueError, pa.ArrowInvalid):
            pass  # read it again, the careful way; a CSV that is really broken fails there with pandas' message
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def read_table(package_dir: Path, schema: TableSchema) -> tuple[pd.DataFrame, list[Problem]]:
    """Read a CSV as text, then type it by its schema; cells that do not parse become problems."""
    import pandas as pd

    path = table_path(package_dir, schema.name)
    where = f"{DATA_SUBDIR}/{schema.name}.csv"
    if not path.exists():
        return pd.DataFrame(columns=schema.field_names), [
            Problem("missing-table", "file not found", file=where, table=schema.name)
        ]
    try:
        frame = read_csv_as_text(path, multiline=schema.name in MULTILINE_TABLES)
    except (ValueError, UnicodeDecodeError) as exc:  # pandas' ParserError is a ValueError
        return pd.DataFrame(columns=schema.field_names), [
            Problem(
                "csv-parse",
                f"the file is not a readable CSV ({exc}); rebuild the package with `tidynews build`",
                file=where,
                table=schema.name,
            )
        ]
    problems = []
    type_error_rows = pd.Series(False, index=frame.index)
    for f in schema.fields:
        name, ftype = f["name"], field_type(f)
        if name not in frame.columns or ftype not in {"integer", "number"}:
            continue
        raw = frame[name]
        num, bad = parse_numbers(raw, ftype)
        for idx in frame.index[bad][:MAX_PER_RULE]:
            problems.append(
                Problem(
                    "type-error",
                    f"{raw[idx]!r} is not a valid {ftype}",
                    file=where,
                    table=schema.name,
                    row=csv_row(idx),
                    column=name,
                )
            )
        type_error_rows |= bad
        frame[name] = num
    # rows with a cell that is not a number: reported once as a type error, left out of the Pandera checks
    frame.attrs["type_error_rows"] = frame.index[type_error_rows]
    return frame, problems


# Pandera's check names, in the words of the Table Schema constraint they come from.
PANDERA_RULES = {
    "isin": "enum",
    "str_matches": "pattern",
    "greater_than_or_equal_to": "minimum",
    "less_than_or_equal_to": "maximum",
    "str_length": "minLength",
    "field_uniqueness": "unique",
    "not_nullable": "required",
    "dtype": "type",
    "multiple_fields_uniqueness": "primary-key",
    "column_in_dataframe": "missing-column",
    "column_in_schema": "extra-column",
    "column_ordered": "column-order",
}


COLUMN_CHECKS = {
    "column_in_schema": "the CSV has a column {column!r} that {schema} does not define: rebuild the package "
    "with `tidynews build`, or add the field back to the schema",
    "column_in_dataframe": "{schema} defines a column {column!r} that the CSV lacks: rebuild the package",
    "column_ordered": "column {column!r} is out of the order {schema} gives: rebuild the package",
}


def pandera_rule(check: str) -> str:
    name = str(check).split("(")[0]
    return PANDERA_RULES.get(name, name)


def pandera_problems(frame: pd.DataFrame, schema: TableSchema) -> list[Problem]:
    import pandas as pd
    import pandera.errors

    where = f"{DATA_SUBDIR}/{schema.name}.csv"
    try:
        pandera_schema(schema).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        problems = []
        cases = exc.failure_cases
        for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=True):
            rows = group.head(MAX_PER_RULE)
            for _, case in rows.iterrows():
                idx = case["index"]
                if str(check) in COLUMN_CHECKS:  # a whole column: pandera names it in failure_case
                    problems.append(
                        Problem(
                            pandera_rule(check),
                            COLUMN_CHECKS[str(check)].format(
                                column=case["failure_case"], schema=f"schemas/{schema.name}.json"
                            ),
                            file=where,
                            table=schema.name,
                            column=str(case["failure_case"]),
                        )
                    )
                    continue
                problems.append(
                    Problem(
                        rule=pandera_rule(check),
                        message=f"value {case['failure_case']!r} fails {check}",
                        file=where,
                        table=schema.name,
                        row=csv_row(idx) if pd.notna(idx) else None,
                        column=None if pd.isna(column) else str(column),
                    )
                )
            if len(group) > MAX_PER_RULE:
                problems.append(
                    Problem(
                        pandera_rule(check),
                        f"... and {len(group) - MAX_PER_RULE} more rows",
                        file=where,
                        table=schema.name,
                        column=None if pd.isna(column) else str(column),
                    )
                )
        return problems
    return []


def foreign_key_problems(frames: dict[str, pd.DataFrame], schema: TableSchema) -> list[Problem]:
    """Every non-empty foreign key value exists in the table it points to."""
    import pandas as pd

    problems = []
    frame = frames[schema.name]
    for cols, ref, ref_cols in schema.foreign_keys:
        if ref not in frames or any(c not in frame.columns for c in cols):
            continue
        have = frame[cols].notna().all(axis=1)
        # vectorised: a MultiIndex membership test instead of a Python loop over rows (1M rows in well under 1 s)
        target = pd.MultiIndex.from_frame(frames[ref][ref_cols].astype(str))
        keys = pd.MultiIndex.from_frame(frame.loc[have, cols].astype(str))
        absent = ~keys.isin(target)
        missing = list(zip(frame.index[have][absent], keys[absent], strict=True))
        for idx, vals in missing[:MAX_PER_RULE]:
            problems.append(
                Problem(
                    "foreign-key",
                    f"{'/'.join(vals)!r} is not a {'/'.join(ref_cols)} of {ref}",
                    file=f"{DATA_SUBDIR}/{schema.name}.csv",
                    table=schema.name,
                    row=csv_row(idx),
                    column=",".join(cols),
                )
            )
        if len(missing) > MAX_PER_RULE:
            problems.append(
                Problem(
                    "foreign-key",
                    f"... and {len(missing) - MAX_PER_RULE} more rows",
                    file=f"{DATA_SUBDIR}/{schema.name}.csv",
                    table=schema.name,
                )
            )
    return problems


def span_problems(frames: dict[str, pd.DataFrame], table: str) -> list[Problem]:
    """The text at [start:end] of the article is the row's surface text (text, or quote for statements)."""
    surface = SPAN_SURFACE[table]
    frame = frames[table]
    texts = dict(zip(frames["articles"]["article_id"], frames["articles"]["text"].fillna(""), strict=True))
    where = f"{DATA_SUBDIR}/{table}.csv"
    problems = []
    cols = ["article_id", "start", "end", surface]
    if any(c not in frame.columns for c in cols):
        return []
    # missing values and unknown articles are reported by the other checks
    ok = frame["start"].notna() & frame["end"].notna() & frame["article_id"].isin(texts.keys())
    rows = frame.index[ok].tolist()
    aids = frame.loc[ok, "article_id"].to_numpy(dtype=object).tolist()
    starts = frame.loc[ok, "start"].astype("int64").tolist()
    ends = frame.loc[ok, "end"].astype("int64").tolist()
    wants = frame.loc[ok, surface].fillna("").to_numpy(dtype=object).tolist()
    # one tight pass over plain Python lists: slicing is cheap, pandas row iteration is not
    bad = [
        (idx, aid, start, end, want)
        for idx, aid, start, end, want in zip(rows, aids, starts, ends, wants, strict=True)
        if not 0 <= start <= end <= len(texts[aid]) or texts[aid][start:end] != want
    ]
    for idx, aid, start, end, want in bad[:MAX_PER_RULE]:
        text = texts[aid]
        if not 0 <= start <= end <= len(text):
            rule, msg = "span-range", f"[{start}:{end}] is outside the article's {len(text)} characters"
        else:
            rule, msg = "span-text", f"article text at [{start}:{end}] is {text[start:end]!r}, not {want!r}"
        problems.append(Problem(rule, msg, file=where, table=table, row=csv_row(idx), column=surface))
    if len(bad) > MAX_PER_RULE:
        problems.append(
            Problem(
                "span-text", f"... and {len(bad) - MAX_PER_RULE} more rows", file=where, table=table, column=surface
            )
        )
    return problems


def duplicate_statement_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """No statement twice: one row per (article, span) (checks.NO_DUPLICATES)."""
    rule, columns = NO_DUPLICATES["statements"]
    frame = frames["statements"]
    dup = frame.duplicated(subset=list(columns), keep="first")
    return [
        Problem(
            rule,
            "same article and span as an earlier statement",
            file=f"{DATA_SUBDIR}/statements.csv",
            table="statements",
            row=csv_row(idx),
        )
        for idx in frame.index[dup][:MAX_PER_RULE]
    ]


def validate_pandera(package_dir: Path, schemas: dict[str, TableSchema] | None = None) -> list[Problem]:
    """The fast validator: Pandera schemas derived from schemas/, foreign keys, spans, duplicates.

    A table over validate_sql.LARGE_TABLE_BYTES (16 MiB, some 200,000 rows of figures) is checked by the same rules
    as DuckDB SQL instead of Pandera (see validate_sql.py); a package of a few thousand articles is all Pandera.
    """
    package_dir = Path(package_dir)
    schemas = schemas or load_schemas(package_dir / "schemas")
    frames: dict[str, pd.DataFrame] = {}
    per_table: dict[str, list[Problem]] = {name: [] for name in schemas}
    # A table too large for Pandera to be fast is checked by the DuckDB engine (see validate_sql.py), in a thread:
    # DuckDB releases the GIL, so its CSV reading and SQL checks overlap Pandera's work on the small tables.
    large = [name for name in schemas if is_large(package_dir, name)]
    sql = SqlTables() if large else None
    failure: list[BaseException] = []

    def check_large_tables() -> None:
        try:
            for name in large:
                per_table[name] += sql.load(package_dir, schemas[name])
                if name in sql.names:
                    per_table[name] += sql.schema_problems(schemas[name])
        except BaseException as exc:  # noqa: BLE001 -- re-raised in the calling thread
            failure.append(exc)

    worker = threading.Thread(target=check_large_tables, name="tidynews-duckdb")
    if large:
        worker.start()
    for name, schema in schemas.items():
        if name in large:
            continue
        frame, type_problems = read_table(package_dir, schema)
        frames[name] = frame
        per_table[name] += type_problems
        # rows with type errors are left out, so every other rule is still checked on every other row
        bad_rows = frame.attrs.get("type_error_rows", [])
        per_table[name] += pandera_problems(frame.drop(index=bad_rows) if len(bad_rows) else frame, schema)
    if large:
        worker.join()
    if failure:
        raise failure[0]
    problems = [p for name in schemas for p in per_table[name]]
    # the checks across tables: pandas when every table involved is a frame, SQL when one of them is large
    for schema in schemas.values():
        if sql and sql.involves(schema.name, *(ref for _, ref, _ in schema.foreign_keys)):
            problems += sql.foreign_key_problems(frames, schema)
        if schema.name in frames:
            problems += foreign_key_problems(frames, schema)
    # a package published without its texts (--no-text) has nothing to check spans against: they were checked
    # when it was built, and articles.text_sha256 lets a user check the text they obtain
    for table in SPAN_SURFACE if not texts_omitted(package_dir) else ():
        if sql and sql.involves(table, "articles"):
            problems += sql.span_problems(frames, table)
        elif table in frames and "articles" in frames:
            problems += span_problems(frames, table)
    if sql and sql.involves("statements"):
        problems += sql.duplicate_statement_problems()
    elif "statements" in frames:
        problems += duplicate_statement_problems(frames)
    return problems


def texts_omitted(package_dir: Path) -> bool:
    """Whether the package was published without its article texts (`tidynews:text` in its descriptor)."""
    from tidynews.provenance import TEXT_KEY

    try:
        descriptor = json.loads(descriptor_path(package_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(descriptor, dict) and descriptor.get(TEXT_KEY, {}).get("included") is False


def package_problems(package_dir: Path) -> list[Problem]:
    """The descriptor is there, is JSON, and names only regular files inside the package (checked before any
    validator reads a file it names: a hostile descriptor must not make tidynews read /etc/passwd or a URL)."""
    from tidynews.guard import (
        UnsafePathError,
        descriptor_refs,
        load_descriptor,
        package_file,
        relative_ref_problem,
        shape_problems,
    )

    try:
        descriptor = load_descriptor(package_dir)
    except TidynewsError as exc:
        return [Problem("descriptor", str(exc), file="datapackage.json")]
    shape = shape_problems(descriptor)
    if shape:
        return [Problem("descriptor", why, file="datapackage.json") for why in shape]
    problems = []
    refs = descriptor_refs(descriptor)
    for name, key, ref in refs:
        why = relative_ref_problem(ref)
        if why:
            problems.append(Problem("unsafe-path", f"{key} {ref!r} {why}", file="datapackage.json", table=name))
    if problems:
        return problems
    refs += [(t, "path", f"{DATA_SUBDIR}/{t}.csv") for t in TABLES]
    for name, key, ref in refs:
        try:
            package_file(package_dir, ref, f"resource {name!r} {key}")
        except UnsafePathError as exc:
            problems.append(Problem("unsafe-path", str(exc), file="datapackage.json", table=name))
    return problems


def validate_any(path: Path, use_frictionless: bool = True) -> None:
    """Validate a package given as its folder, its datapackage.json, or a release zip (unpacked within limits)."""
    import tempfile
    import zipfile

    from tidynews.guard import extract_package_zip

    path = Path(path)
    if path.is_file() and path.name != "datapackage.json":
        if not zipfile.is_zipfile(path):
            raise TidynewsError(f"{path} is not a package folder, a datapackage.json or a release zip")
        with tempfile.TemporaryDirectory(prefix="tidynews-validate-") as tmp:
            validate_package(extract_package_zip(path, Path(tmp)), use_frictionless)
        return
    validate_package(find_package(path), use_frictionless)


def validate_package(
    package_dir: Path, use_frictionless: bool = True, frictionless_validated: dict[str, Path] | None = None
) -> None:
    """Run both validators (or only the fast one); raise ValidationError listing every problem.

    frictionless_validated: tables whose previous CSV (in the package folder given) passed Frictionless as it is
    now; Frictionless then checks only the rows not in it (see validate_changed.py), Pandera still every row."""
    package_dir = Path(package_dir)
    unsafe = package_problems(package_dir)
    if unsafe:  # nothing else is read from a package whose descriptor is missing, broken or points outside it
        raise ValidationError(f"package at {package_dir} is invalid: {len(unsafe)} problem(s)", unsafe)
    from tidynews.parts import has_parts, validate_parts_package

    if has_parts(package_dir):  # tables as Parquet parts (build --parquet-parts): checked part by part
        problems = validate_parts_package(package_dir, load_schemas(package_dir / "schemas"))
    else:
        problems = validate_pandera(package_dir)
        if use_frictionless and frictionless_validated:
            from tidynews.validate_changed import frictionless_on_changed_rows

            problems += frictionless_on_changed_rows(package_dir, frictionless_validated)
        elif use_frictionless:
            problems += validate_frictionless(package_dir)
        if not problems:  # the copies are compared with CSVs that are themselves valid
            from tidynews.validate_copies import copies_problems

            problems += copies_problems(package_dir, load_schemas(package_dir / "schemas"))
    if problems:
        raise ValidationError(
            f"package at {package_dir} is invalid: {len(problems)} problem(s). Fix the cells listed below, or "
            "rebuild the package with `tidynews build` (a hand-edited CSV is overwritten)",
            problems,
        )
