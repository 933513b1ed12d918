"""Frictionless on the rows a build changed, when the last package was validated by Frictionless as it still is.

A build runs both validators on every package. Pandera (with the foreign-key, span and duplicate checks of
validate.py, or their DuckDB SQL for large tables) always reads every row of every table. Frictionless is the slow
one: an incremental build that adds one article to a thousand spent most of its time re-validating rows that
Frictionless had already passed in the previous build, unchanged.

What Frictionless checks splits in two:
- rules of one row (types, required, enum, pattern, bounds, lengths, missing or extra cells, blank rows) and of the
  header: the verdict on a row depends only on its cells, the header and the table schema;
- rules across rows (`unique`, `primaryKey`, `foreignKeys`) and of the file (bytes, hash).

So when a table's previous CSV is still the one the previous build validated with Frictionless (its SHA-256 is in
the record this module keeps in the extraction cache folder), with the same schema file and header as the new table,
a new row that is also a row of that CSV, cell for cell, has passed the first kind already. Frictionless then runs
on a package of the other rows only (their exact bytes, in their order), with a schema whose rules across rows are
taken out; every rule across rows is still checked on the whole tables by the other validator; the file's bytes and
hash are compared with the descriptor here. A problem is reported with its row number in the whole table.
Anything that does not match the record (no record, another Frictionless version, a hand-edited CSV, a changed
schema, --no-cache) means the whole package goes through Frictionless, as before.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from tidynews.errors import Problem
from tidynews.paths import DATA_SUBDIR, SCHEMA_SUBDIR, descriptor_path

RECORD_NAME = "frictionless-validated.json"
RECORD_VERSION = 1
# Rules that compare a row with other rows or other tables: checked on the whole tables by the other validator.
ACROSS_ROWS = ("primaryKey", "foreignKeys")
ACROSS_ROWS_CONSTRAINTS = ("unique",)


def sha256_bytes(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def frictionless_version() -> str:
    return metadata.version("frictionless")


def _table_hashes(package_dir: Path, names: list[str]) -> dict[str, dict[str, str]]:
    return {
        name: {
            "csv": sha256_bytes(package_dir / DATA_SUBDIR / f"{name}.csv"),
            "schema": sha256_bytes(package_dir / SCHEMA_SUBDIR / f"{name}.json"),
        }
        for name in names
    }


def record_validated(record_dir: Path, package_dir: Path, names: list[str]) -> None:
    """Note that the package at package_dir (just installed) passed Frictionless: each table's CSV and schema
    SHA-256 (written atomically; a record that cannot be written only means a full validation next time)."""
    record = {
        "version": RECORD_VERSION,
        "frictionless": frictionless_version(),
        "tables": _table_hashes(Path(package_dir), names),
    }
    try:
        Path(record_dir).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=record_dir, prefix=f".{RECORD_NAME}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(record, indent=1, sort_keys=True) + "\n")
        os.replace(tmp, Path(record_dir) / RECORD_NAME)
    except OSError:
        pass


def validated_tables(record_dir: Path | None, package_dir: Path, names: list[str]) -> dict[str, Path]:
    """The tables of the package at package_dir that the record says passed Frictionless exactly as they are now
    (CSV and schema unchanged, same Frictionless version): name -> that package's folder."""
    if record_dir is None:
        return {}
    try:
        record = json.loads((Path(record_dir) / RECORD_NAME).read_text(encoding="utf-8"))
        if record.get("version") != RECORD_VERSION or record.get("frictionless") != frictionless_version():
            return {}
        tables = record["tables"]
        now = _table_hashes(Path(package_dir), [n for n in names if n in tables])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return {name: Path(package_dir) for name, hashes in now.items() if tables.get(name) == hashes}


def csv_rows_with_bytes(path: Path) -> tuple[str, list[tuple[tuple[str, ...], str]]]:
    """The header line and every data row of a CSV, each as (cells, its exact text) (a cell may hold newlines)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    reader = csv.reader(iter(lines))
    header = next(reader, None)
    if header is None:
        return "", []
    header_text = "".join(lines[: reader.line_num])
    rows, done = [], reader.line_num
    for cells in reader:
        rows.append((tuple(cells), "".join(lines[done : reader.line_num])))
        done = reader.line_num
    return header_text, rows


def row_rules_only(schema: dict) -> dict:
    """The table schema without its rules across rows."""
    schema = json.loads(json.dumps(schema))
    for key in ACROSS_ROWS:
        schema.pop(key, None)
    for field in schema.get("fields", []):
        for key in ACROSS_ROWS_CONSTRAINTS:
            field.get("constraints", {}).pop(key, None)
    return schema


def rows_to_check(
    package_dir: Path, resource: dict, old_dir: Path | None
) -> tuple[str, list[tuple[tuple[str, ...], str]], list[int]]:
    """A table's header, its rows, and the indexes of the rows Frictionless must check: those that are not rows of
    the table in old_dir (validated), when old_dir has the same schema file and header; else all of them."""
    header, rows = csv_rows_with_bytes(package_dir / resource["path"])
    if (
        old_dir is not None
        and (old_dir / resource["schema"]).read_bytes() == (package_dir / resource["schema"]).read_bytes()
    ):
        old_header, old_rows = csv_rows_with_bytes(old_dir / resource["path"])
        if old_header == header:
            seen = {cells for cells, _ in old_rows}
            return header, rows, [i for i, (cells, _) in enumerate(rows) if cells not in seen]
    return header, rows, list(range(len(rows)))


def frictionless_on_changed_rows(package_dir: Path, previous: dict[str, Path]) -> list[Problem]:
    """Frictionless on the rows of each table that are not rows of the table's previous validated CSV (all rows of
    a table without one), rules across rows left to the other validator; problems in the whole table's rows."""
    from frictionless import Package, system

    from tidynews.validate import frictionless_problems

    package_dir = Path(package_dir)
    descriptor = json.loads(descriptor_path(package_dir).read_text(encoding="utf-8"))
    problems: list[Problem] = []
    row_numbers: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="tidynews-changed-rows-") as tmp:
        resources = []
        for resource in descriptor["resources"]:
            name = resource["name"]
            data = (package_dir / resource["path"]).read_bytes()
            digest = "sha256:" + hashlib.sha256(data).hexdigest()
            if resource.get("bytes") != len(data) or resource.get("hash") != digest:
                why = "the file's size or SHA-256 is not the descriptor's"
                problems.append(Problem("hash-count", why, file=resource["path"], table=name))
            header, rows, kept = rows_to_check(package_dir, resource, previous.get(name))
            row_numbers[name] = kept
            Path(tmp, f"{name}.csv").write_text(header + "".join(rows[i][1] for i in kept), encoding="utf-8")
            schema = row_rules_only(json.loads((package_dir / resource["schema"]).read_text(encoding="utf-8")))
            resources.append(
                {"name": name, "path": f"{name}.csv", "format": "csv", "encoding": "utf-8", "schema": schema}
            )
        Path(tmp, "datapackage.json").write_text(json.dumps({"name": "changed-rows", "resources": resources}))
        with system.use_context(trusted=False):
            report = Package(str(Path(tmp, "datapackage.json"))).validate()
    for problem in frictionless_problems(report):
        kept = row_numbers.get(problem.table or "")
        if problem.row is not None and kept is not None and 2 <= problem.row < len(kept) + 2:
            problem.row = kept[problem.row - 2] + 2  # the row's number in the whole table (the header is row 1)
        problems.append(problem)
    return problems
