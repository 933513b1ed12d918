"""What a release holds besides the CSVs, checked against them: the DuckDB database and the Parquet copies hold the
same rows (a row count and a content hash per table), the database's views are the package's own (over its own
tables, nothing else), and SHA256SUMS, where present, matches every file.

A quote rewritten in the database, or a view that reads a file outside the package, makes the package invalid.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from tidynews.database import QUERY_CONFIG, STORAGE_VERSION, VIEWS
from tidynews.errors import Problem
from tidynews.guard import relative_ref_problem
from tidynews.paths import (
    CHECKSUMS_NAME,
    DATA_SUBDIR,
    DATABASE_NAME,
    PARQUET_SUBDIR,
    database_path,
    parquet_path,
    table_path,
)
from tidynews.schemas import DUCKDB_TYPES, TableSchema, duckdb_ddl, field_type


def _fingerprint_sql(source: str, schema: TableSchema) -> str:
    """Row count and an order-free content hash of a table, every column cast to its schema's type first."""
    cols = ", ".join(f'CAST("{f["name"]}" AS {DUCKDB_TYPES.get(field_type(f), "VARCHAR")})' for f in schema.fields)
    return f"SELECT count(*), coalesce(sum(hash({cols})::HUGEINT), 0)::VARCHAR FROM {source}"


def _csv_source(package_dir: Path, schema: TableSchema) -> str:
    columns = ", ".join(f"'{f['name']}': 'VARCHAR'" for f in schema.fields)
    path = str(table_path(package_dir, schema.name)).replace("'", "''")
    return (
        f"read_csv('{path}', header=true, columns={{{columns}}}, quote='\"', escape='\"', delim=',', nullstr='', "
        "max_line_size=100000000)"
    )


def csv_fingerprints(package_dir: Path, schemas: dict[str, TableSchema]) -> dict[str, tuple]:
    con = duckdb.connect(":memory:")
    try:
        return {
            name: con.execute(_fingerprint_sql(_csv_source(package_dir, s), s)).fetchone()
            for name, s in schemas.items()
        }
    finally:
        con.close()


def expected_views(schemas: dict[str, TableSchema]) -> dict[str, str]:
    """The SQL DuckDB stores for each of the package's views: made on empty tables in a database file written and
    read back as the package's is (DuckDB re-renders a view's SQL when it stores it)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tidynews-views-") as tmp:
        path = str(Path(tmp) / DATABASE_NAME)
        con = duckdb.connect(path, config={"storage_compatibility_version": STORAGE_VERSION})
        try:
            for schema in schemas.values():
                for stmt in duckdb_ddl(schema):
                    con.execute(stmt)
            for name, (_comment, sql) in VIEWS.items():
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
        con = duckdb.connect(path, read_only=True)
        try:
            return dict(con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())
        finally:
            con.close()


def database_problems(package_dir: Path, schemas: dict[str, TableSchema], fingerprints: dict[str, tuple]) -> list:
    where = f"{DATA_SUBDIR}/{database_path(package_dir).name}"
    problems = []
    try:
        con = duckdb.connect(str(database_path(package_dir)), read_only=True, config=QUERY_CONFIG)
    except duckdb.Error as exc:
        return [Problem("database", f"cannot open the database: {exc}", file=where)]
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}
        views = dict(con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())
        if tables != set(schemas):
            problems.append(
                Problem(
                    "database-tables",
                    f"the database's tables are {sorted(tables)}, not the package's {sorted(schemas)}; "
                    "rebuild the package with `tidynews build`",
                    file=where,
                )
            )
        expected = expected_views(schemas)
        for name in sorted(set(views) | set(expected)):
            if views.get(name) != expected.get(name):
                what = "is not one of the package's views" if name not in expected else "is not defined as tidynews"
                problems.append(
                    Problem(
                        "database-view",
                        f"view {name!r} {what} defines it (a view may read only the package's own tables); "
                        "rebuild the package with `tidynews build`",
                        file=where,
                    )
                )
        for name, schema in schemas.items():
            if name not in tables:
                continue
            got = con.execute(_fingerprint_sql(f'"{name}"', schema)).fetchone()
            if got != fingerprints[name]:
                problems.append(_mismatch(where, name, got, fingerprints[name]))
    except duckdb.Error as exc:
        problems.append(Problem("database", f"cannot read the database: {exc}", file=where))
    finally:
        con.close()
    return problems


def _mismatch(where: str, table: str, got: tuple, want: tuple) -> Problem:
    rows = f"{got[0]} rows against the CSV's {want[0]}" if got[0] != want[0] else "the same row count, other values"
    return Problem(
        "copy-mismatch",
        f"table {table} differs from {DATA_SUBDIR}/{table}.csv ({rows}); rebuild the package with `tidynews build`",
        file=where,
        table=table,
    )


def parquet_problems(package_dir: Path, schemas: dict[str, TableSchema], fingerprints: dict[str, tuple]) -> list:
    problems = []
    con = duckdb.connect(":memory:")
    try:
        for name, schema in schemas.items():
            path = parquet_path(package_dir, name)
            where = f"{PARQUET_SUBDIR}/{name}.parquet"
            if not path.is_file():
                problems.append(Problem("missing-copy", "the Parquet copy is missing", file=where, table=name))
                continue
            source = "read_parquet('" + str(path).replace("'", "''") + "')"
            try:
                got = con.execute(_fingerprint_sql(source, schema)).fetchone()
            except duckdb.Error as exc:
                problems.append(Problem("parquet", f"cannot read it: {exc}", file=where, table=name))
                continue
            if got != fingerprints[name]:
                problems.append(_mismatch(where, name, got, fingerprints[name]))
    finally:
        con.close()
    return problems


def checksum_problems(package_dir: Path) -> list[Problem]:
    """Every file SHA256SUMS lists has that SHA-256, and every file of the package is listed."""
    sums_path = Path(package_dir) / CHECKSUMS_NAME
    if not sums_path.is_file():
        return []
    problems, listed = [], set()
    for n, line in enumerate(sums_path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        digest, _, name = line.partition("  ")
        why = relative_ref_problem(name)
        if len(digest) != 64 or why:
            problems.append(Problem("checksums", f"line {n} is not '<sha256>  <relative path>'", file=CHECKSUMS_NAME))
            continue
        listed.add(name)
        path = Path(package_dir) / name
        if not path.is_file() or path.is_symlink():
            problems.append(Problem("checksums", f"{name} is listed but missing", file=CHECKSUMS_NAME))
            continue
        with open(path, "rb") as f:
            actual = hashlib.file_digest(f, "sha256").hexdigest()
        if actual != digest:
            problems.append(Problem("checksums", f"{name} does not match its SHA-256", file=CHECKSUMS_NAME))
    present = {
        p.relative_to(package_dir).as_posix()
        for p in Path(package_dir).rglob("*")
        if p.is_file() and p.name != CHECKSUMS_NAME and not p.relative_to(package_dir).as_posix().startswith(".")
    }
    for name in sorted(present - listed):
        problems.append(Problem("checksums", f"{name} is in the package but not in {CHECKSUMS_NAME}", file=name))
    return problems


def copies_problems(package_dir: Path, schemas: dict[str, TableSchema]) -> list[Problem]:
    """The database and Parquet copies (where present) agree with the CSVs; SHA256SUMS (where present) holds."""
    package_dir = Path(package_dir)
    problems = checksum_problems(package_dir)
    has_db = database_path(package_dir).is_file()
    has_parquet = (package_dir / PARQUET_SUBDIR).is_dir()
    if not (has_db or has_parquet) or any(not table_path(package_dir, n).is_file() for n in schemas):
        return problems  # a missing CSV is reported by the table checks
    try:
        fingerprints = csv_fingerprints(package_dir, schemas)
    except duckdb.Error:
        return problems  # an unreadable CSV is reported by the table checks, with its row
    if has_db:
        problems += database_problems(package_dir, schemas, fingerprints)
    if has_parquet:
        problems += parquet_problems(package_dir, schemas, fingerprints)
    return problems
