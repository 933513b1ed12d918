"""Compare two packages (release zips or folders) table by table, and say which semver level the change needs.

Rows are matched by primary key. The level follows the Data Package versioning recipe
(https://datapackage.org/recipes/data-package-version/):

- MAJOR: a table or field removed, renamed, reordered or retyped; a constraint tightened; a primary key changed;
  rows removed from a table that other tables point to by foreign key (articles, actors, places: the recipe's
  "delete data that is referenced by another data resource").
- MINOR: a table, field or rows added; a constraint loosened.
- PATCH: rows corrected (same key, other values), or rows removed from a table nothing points to (a statement or
  figure that was wrongly extracted); only descriptive metadata changed.
- nothing: `created`, `version` and the derived `bytes`/`hash` are not changes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tidynews.errors import TidynewsError
from tidynews.guard import (
    ZipBudget,
    check_descriptor,
    descriptor_refs,
    load_descriptor,
    package_file,
    zip_package_prefix,
)
from tidynews.markdown import md_code
from tidynews.paths import DESCRIPTOR_NAME
from tidynews.schemas import field_type, foreign_keys, primary_key

LEVELS = ("patch", "minor", "major")  # in increasing order
# Descriptor properties that say when/what was built, not what the data is.
# tidynews:provenance (versions, commit, quality figures) describes the code, not the data: a new commit that
# leaves every row alone is no release
IGNORED_PACKAGE_KEYS = {"version", "created", "resources", "tidynews:release", "tidynews:provenance"}
IGNORED_RESOURCE_KEYS = {"bytes", "hash", "schema", "path"}
LOWER_BOUNDS = {"minimum", "exclusiveMinimum", "minLength"}  # raising one tightens
UPPER_BOUNDS = {"maximum", "exclusiveMaximum", "maxLength"}  # lowering one tightens
FLAGS = {"required", "unique"}  # switching one on tightens
# Field and schema properties that only describe; every other one (missingValues, groupChar, decimalChar,
# bareNumber, trueValues, falseValues, datetime formats, ...) changes how a cell is read: a MAJOR change.
DESCRIPTIVE_PROPS = {"title", "description", "example", "examples", "rdfType", "$schema"}
SCHEMA_STRUCTURE_KEYS = {"fields", "primaryKey", "foreignKeys"}  # compared on their own
# Resource properties that change how the file is read (the others, title and description, only describe).
PARSING_RESOURCE_KEYS = {"dialect", "encoding", "format", "mediatype", "compression", "scheme", "type", "innerpath"}


def code(value: object) -> str:
    """A name or value in a change's description, as a Markdown code span (the changelog is Markdown)."""
    return md_code(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def natural_key(key: str) -> list:
    """Sort 'a|62|69' before 'a|121|139': runs of digits compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)]


def max_level(*levels: str | None) -> str | None:
    """The highest of some levels ('major' > 'minor' > 'patch'), None when all are None."""
    found = [lv for lv in levels if lv]
    return max(found, key=LEVELS.index) if found else None


# --- Reading a package from a folder or a zip -------------------------------------------------------


@dataclass
class PackageSnapshot:
    """A package as stored: its descriptor, each table's schema, and a way to read each table's CSV text."""

    label: str
    descriptor: dict
    schemas: dict[str, dict]
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str | None:
        return self.descriptor.get("version")

    @property
    def tables(self) -> list[str]:
        return [r["name"] for r in self.descriptor.get("resources", [])]

    def resource(self, table: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == table)

    def rows(self, table: str) -> list[dict[str, str]]:
        """The table's rows as text, exactly as in the CSV ('' for an empty cell)."""
        path = self.resource(table)["path"]
        data = self.files.get(path)
        if data is None:
            raise TidynewsError(f"{self.label}: {path} is missing")
        try:
            return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        except UnicodeDecodeError as exc:
            raise TidynewsError(
                f"{self.label}: {path} (table {table}) is not UTF-8 (byte {exc.start}): a package's CSVs are UTF-8; "
                "rebuild it with `tidynews build`"
            ) from None
        except csv.Error as exc:
            raise TidynewsError(f"{self.label}: {path} (table {table}) is not a readable CSV: {exc}") from None


def _read_folder(folder: Path) -> tuple[dict, dict[str, bytes]]:
    descriptor = check_descriptor(load_descriptor(folder), str(folder / DESCRIPTOR_NAME))
    files = {}
    for name, key, ref in descriptor_refs(descriptor):
        path = package_file(folder, ref, f"resource {name!r} {key}")
        if path.is_file():
            files[ref] = path.read_bytes()
    return descriptor, files


def _read_zip(path: Path) -> tuple[dict, dict[str, bytes]]:
    budget = ZipBudget(path)
    with zipfile.ZipFile(path) as zf:
        prefix = zip_package_prefix(zf, path)
        descriptor = json.loads(budget.read(zf, prefix + DESCRIPTOR_NAME).decode("utf-8"))
        descriptor = check_descriptor(descriptor, f"{path}: {prefix}{DESCRIPTOR_NAME}")
        members = set(zf.namelist())
        files = {}
        for _name, _key, ref in descriptor_refs(descriptor):
            if prefix + ref in members:
                files[ref] = budget.read(zf, prefix + ref)
    return descriptor, files


def load_package(path: Path) -> PackageSnapshot:
    """Read a package from a folder holding datapackage.json, a datapackage.json file, or a release zip.

    Only files inside the package are read (relative paths, no links out of it, no URLs), and a zip only within
    guard.MAX_UNPACKED_BYTES.
    """
    path = Path(path)
    try:
        if path.is_dir():
            descriptor, files = _read_folder(path)
        elif path.name == DESCRIPTOR_NAME:
            descriptor, files = _read_folder(path.parent)
        elif zipfile.is_zipfile(path):
            descriptor, files = _read_zip(path)
        elif not path.exists():
            raise TidynewsError(f"no package at {path}: it does not exist")
        else:
            raise TidynewsError(f"{path} is not a package folder, a {DESCRIPTOR_NAME} or a release zip")
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise TidynewsError(f"cannot read the package at {path}: {exc}") from None
    schemas = {}
    for res in descriptor["resources"]:
        schema = res.get("schema", {})
        if isinstance(schema, str):
            if schema not in files:
                raise TidynewsError(f"{path}: schema {schema} of table {res['name']} is missing")
            try:
                schema = json.loads(files[schema].decode("utf-8"))
            except ValueError as exc:
                raise TidynewsError(f"{path}: schema {schema} of table {res['name']} is not JSON: {exc}") from None
        if not isinstance(schema, dict) or not isinstance(schema.get("fields", []), list):
            raise TidynewsError(f"{path}: the schema of table {res['name']} is not a Table Schema object")
        schemas[res["name"]] = schema
    return PackageSnapshot(str(path), descriptor, schemas, files)


# --- What changed ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One change to a table's structure or to the package's metadata, with the level it needs."""

    table: str
    what: str  # e.g. "field `qualifier` added"
    level: str


@dataclass
class TableDiff:
    table: str
    status: str = "same"  # same, added or removed
    old_rows: int = 0
    new_rows: int = 0
    changes: list[Change] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # primary keys, joined with '|'
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, dict[str, tuple[str, str]]]] = field(default_factory=list)  # key, field -> (old, new)
    referenced: bool = False  # another table points to this one by foreign key

    @property
    def removal_level(self) -> str | None:
        """Removing rows others point to breaks them (major); removing an unreferenced row corrects data (patch)."""
        if not self.removed:
            return None
        return "major" if self.referenced else "patch"

    @property
    def level(self) -> str | None:
        data = max_level("minor" if self.added else None, self.removal_level, "patch" if self.changed else None)
        return max_level(data, *(c.level for c in self.changes))

    def summary(self) -> str:
        """'statements: +14 rows, 2 corrected; field `qualifier` added' (empty when nothing changed)."""
        if self.status == "added":
            return f"{self.table}: new table, {self.new_rows} rows"
        if self.status == "removed":
            return f"{self.table}: table removed ({self.old_rows} rows)"
        parts = []
        if self.added:
            parts.append(f"+{len(self.added)} row{'s' * (len(self.added) != 1)}")
        if self.removed:
            parts.append(f"-{len(self.removed)} row{'s' * (len(self.removed) != 1)}")
        if self.changed:
            parts.append(f"{len(self.changed)} corrected")
        text = ", ".join(parts)
        structure = "; ".join(c.what for c in self.changes)
        return f"{self.table}: " + "; ".join(p for p in (text, structure) if p) if (text or structure) else ""


@dataclass
class PackageDiff:
    old_version: str | None
    new_version: str | None
    tables: list[TableDiff]
    metadata: list[Change] = field(default_factory=list)

    @property
    def level(self) -> str | None:
        """The semver level the change needs; None when nothing changed."""
        return max_level(*(t.level for t in self.tables), *(c.level for c in self.metadata))

    def reasons(self, level: str | None = None) -> list[str]:
        """Why the level is what it is: each change that needs `level` (default: the diff's own level)."""
        level = level or self.level
        out = []
        for t in self.tables:
            for c in t.changes:
                if c.level == level:
                    out.append(f"{t.table}: {c.what}")
            if t.removed and t.removal_level == level:
                out.append(f"{t.table}: {len(t.removed)} row(s) removed")
            if level == "minor" and t.added:
                out.append(f"{t.table}: {len(t.added)} row(s) added")
            if level == "patch" and t.changed:
                out.append(f"{t.table}: {len(t.changed)} row(s) corrected")
        out += [c.what for c in self.metadata if c.level == level]
        return out


def compare_constraint(name: str, old: object, new: object) -> str | None:
    """'tightened', 'loosened' or None for one constraint's old and new value (None = absent).

    >>> compare_constraint("enum", ["a", "b"], ["a"])
    'tightened'
    """
    if old == new:
        return None
    if name in FLAGS:
        return "tightened" if new else "loosened"
    if name in LOWER_BOUNDS | UPPER_BOUNDS:
        if old is None:
            return "tightened"
        if new is None:
            return "loosened"
        raised = new > old
        return "tightened" if raised == (name in LOWER_BOUNDS) else "loosened"
    if name == "enum":
        if old is None:
            return "tightened"
        if new is None or set(new) >= set(old):
            return "loosened"
        return "tightened"  # a value that was allowed no longer is
    # pattern and anything else: adding or changing one may reject what passed before
    return "loosened" if new is None else "tightened"


def _fields(schema: dict) -> list[dict]:
    return schema.get("fields", [])


def _foreign_keys(schema: dict) -> set[str]:
    return {
        json.dumps({"fields": cols, "resource": ref, "ref": ref_cols}, sort_keys=True)
        for cols, ref, ref_cols in foreign_keys(schema)
    }


def _renames(
    old: PackageSnapshot,
    new: PackageSnapshot,
    table: str,
    removed: list[str],
    added: list[str],
    old_rows: list[dict],
    new_rows: list[dict],
    key: list[str],
) -> dict[str, str]:
    """Removed fields that reappear under another name: same position, same type, same values (old -> new)."""
    old_fields = {f["name"]: (i, field_type(f)) for i, f in enumerate(_fields(old.schemas[table]))}
    new_fields = {f["name"]: (i, field_type(f)) for i, f in enumerate(_fields(new.schemas[table]))}
    new_by_key = {tuple(r[k] for k in key): r for r in new_rows} if key else {}
    out = {}
    for name in removed:
        for candidate in added:
            if candidate in out.values() or new_fields[candidate] != old_fields[name]:
                continue
            same_values = all(
                new_by_key[k].get(candidate) == r.get(name)
                for r in old_rows
                if (k := tuple(r[c] for c in key)) in new_by_key
            )
            if same_values:
                out[name] = candidate
                break
    return out


def diff_table(old: PackageSnapshot, new: PackageSnapshot, table: str) -> TableDiff:
    """Structure and rows of one table present in both packages."""
    td = TableDiff(table)
    old_schema, new_schema = old.schemas[table], new.schemas[table]
    old_rows, new_rows = old.rows(table), new.rows(table)
    td.old_rows, td.new_rows = len(old_rows), len(new_rows)
    old_names = [f["name"] for f in _fields(old_schema)]
    new_names = [f["name"] for f in _fields(new_schema)]
    old_key, new_key = primary_key(old_schema), primary_key(new_schema)

    # Fields: renamed, removed, added, reordered, retyped
    removed = [n for n in old_names if n not in new_names]
    added = [n for n in new_names if n not in old_names]
    key = [c for c in new_key if c in old_names] if new_key == old_key else []
    renames = _renames(old, new, table, removed, added, old_rows, new_rows, key)
    for o, n in renames.items():
        td.changes.append(Change(table, f"field {code(o)} renamed to {code(n)}", "major"))
    for n in removed:
        if n not in renames:
            td.changes.append(Change(table, f"field {code(n)} removed", "major"))
    for n in added:
        if n not in renames.values():
            td.changes.append(Change(table, f"field {code(n)} added", "minor"))
    common_old = [renames.get(n, n) for n in old_names if n in new_names or n in renames]
    common_new = [n for n in new_names if n in common_old]
    if common_old != common_new:
        td.changes.append(Change(table, "fields reordered: " + ", ".join(f"{code(n)}" for n in common_new), "major"))
    old_by_name = {renames.get(f["name"], f["name"]): f for f in _fields(old_schema)}
    for f in _fields(new_schema):
        o = old_by_name.get(f["name"])
        if o is None:
            continue
        for prop in ("type", "format"):
            if o.get(prop, "default" if prop == "format" else "string") != f.get(
                prop, "default" if prop == "format" else "string"
            ):
                td.changes.append(
                    Change(
                        table,
                        f"field {code(f['name'])} {code(prop)} {code(o.get(prop))} -> {code(f.get(prop))}",
                        "major",
                    )
                )
        oc, nc = o.get("constraints", {}), f.get("constraints", {})
        for name in sorted(set(oc) | set(nc)):
            direction = compare_constraint(name, oc.get(name), nc.get(name))
            if direction:
                td.changes.append(
                    Change(
                        table,
                        f"field {code(f['name'])} constraint {code(name)} {direction} "
                        f"({code(oc.get(name))} -> {code(nc.get(name))})",
                        "major" if direction == "tightened" else "minor",
                    )
                )
        for prop in sorted((set(o) | set(f)) - {"name", "type", "format", "constraints"}):
            if o.get(prop) != f.get(prop):
                if prop in DESCRIPTIVE_PROPS:
                    td.changes.append(Change(table, f"field {code(f['name'])} {code(prop)} changed", "patch"))
                else:  # missingValues, groupChar, decimalChar, bareNumber, trueValues ...: "80,000" may now read as 8
                    td.changes.append(
                        Change(
                            table,
                            f"field {code(f['name'])} {code(prop)} {code(o.get(prop))} -> {code(f.get(prop))} "
                            "(changes how values are read)",
                            "major",
                        )
                    )
    for prop in sorted((set(old_schema) | set(new_schema)) - SCHEMA_STRUCTURE_KEYS - DESCRIPTIVE_PROPS):
        if old_schema.get(prop) != new_schema.get(prop):  # missingValues of the whole table, ...
            td.changes.append(
                Change(
                    table,
                    f"schema {code(prop)} {code(old_schema.get(prop))} -> {code(new_schema.get(prop))} "
                    "(changes how values are read)",
                    "major",
                )
            )

    # Keys
    if [renames.get(c, c) for c in old_key] != new_key:
        td.changes.append(Change(table, f"primary key {old_key} -> {new_key}", "major"))
    old_fks, new_fks = _foreign_keys(old_schema), _foreign_keys(new_schema)
    for fk in sorted(new_fks - old_fks):
        td.changes.append(Change(table, f"foreign key added {json.loads(fk)['fields']}", "major"))
    for fk in sorted(old_fks - new_fks):
        td.changes.append(Change(table, f"foreign key removed {json.loads(fk)['fields']}", "minor"))

    # Resource metadata (title, description, ...)
    old_res = {k: v for k, v in old.resource(table).items() if k not in IGNORED_RESOURCE_KEYS}
    new_res = {k: v for k, v in new.resource(table).items() if k not in IGNORED_RESOURCE_KEYS}
    for prop in sorted(set(old_res) | set(new_res)):
        if old_res.get(prop) != new_res.get(prop):
            if prop in PARSING_RESOURCE_KEYS:
                what = f"table {code(prop)} {code(old_res.get(prop))} -> {code(new_res.get(prop))} (read differently)"
                td.changes.append(Change(table, what, "major"))
            else:
                td.changes.append(Change(table, f"table {prop} changed", "patch"))

    # Rows, by primary key (a table without one: by the whole row, so a change shows as one removed + one added)
    renamed_back = {n: o for o, n in renames.items()}
    pairs = [(renamed_back.get(n, n), n) for n in new_names if renamed_back.get(n, n) in old_names]  # (old, new)
    match_key = new_key if new_key and [renames.get(c, c) for c in old_key] == new_key else []

    def row_id(row: dict, side: str) -> str:
        if match_key:
            return "|".join(row[renamed_back.get(c, c) if side == "old" else c] for c in match_key)
        values = {n: row[o if side == "old" else n] for o, n in pairs}
        return json.dumps(values, sort_keys=True, ensure_ascii=False)

    old_index = {row_id(r, "old"): r for r in old_rows}
    new_index = {row_id(r, "new"): r for r in new_rows}
    td.added = sorted((k for k in new_index if k not in old_index), key=natural_key)
    td.removed = sorted((k for k in old_index if k not in new_index), key=natural_key)
    for k in sorted(set(old_index) & set(new_index), key=natural_key):
        o, n = old_index[k], new_index[k]
        cells = {nn: (o[on], n[nn]) for on, nn in pairs if o[on] != n[nn]}
        if cells:
            td.changed.append((k, cells))
    return td


def diff_packages(old: PackageSnapshot | Path, new: PackageSnapshot | Path) -> PackageDiff:
    """Every difference between two packages that a user of the data could notice."""
    old = old if isinstance(old, PackageSnapshot) else load_package(old)
    new = new if isinstance(new, PackageSnapshot) else load_package(new)
    tables = []
    for t in new.tables:
        if t not in old.tables:
            tables.append(TableDiff(t, "added", new_rows=len(new.rows(t)), changes=[Change(t, "table added", "minor")]))
        else:
            tables.append(diff_table(old, new, t))
    for t in old.tables:
        if t not in new.tables:
            tables.append(
                TableDiff(t, "removed", old_rows=len(old.rows(t)), changes=[Change(t, "table removed", "major")])
            )
    referenced = {ref for schema in old.schemas.values() for _, ref, _ in foreign_keys(schema)}
    for t in tables:
        t.referenced = t.table in referenced
    common_old = [t for t in old.tables if t in new.tables]
    common_new = [t for t in new.tables if t in old.tables]
    metadata = []
    if common_old != common_new:
        metadata.append(Change("", "tables reordered", "patch"))
    for prop in sorted((set(old.descriptor) | set(new.descriptor)) - IGNORED_PACKAGE_KEYS):
        if old.descriptor.get(prop) != new.descriptor.get(prop):
            metadata.append(Change("", f"package {code(prop)} changed", "patch"))
    return PackageDiff(old.version, new.version, tables, metadata)


# --- Saying it in words ------------------------------------------------------------------------------


def _clip(text: str, width: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_diff(diff: PackageDiff, max_rows: int = 20) -> str:
    """The diff for a terminal: per table a summary, then the added, removed and changed rows."""
    lines = [
        f"{diff.old_version or '?'} -> {diff.new_version or '?'}: "
        + (f"needs a {diff.level.upper()} release" if diff.level else "no change")
    ]
    for c in diff.metadata:
        lines.append(f"  {c.what}")
    for t in diff.tables:
        summary = t.summary()
        if not summary:
            continue
        lines.append(summary)
        for label, keys in (("+", t.added), ("-", t.removed)):
            for k in keys[:max_rows]:
                lines.append(f"  {label} {k}")
            if len(keys) > max_rows:
                lines.append(f"  {label} … and {len(keys) - max_rows} more")
        for k, cells in t.changed[:max_rows]:
            detail = "; ".join(f"{f}: {_clip(o, 30)!r} -> {_clip(n, 30)!r}" for f, (o, n) in cells.items())
            lines.append(f"  ~ {k}: {detail}")
        if len(t.changed) > max_rows:
            lines.append(f"  ~ … and {len(t.changed) - max_rows} more")
    return "\n".join(lines) + "\n"


def diff_as_json(diff: PackageDiff) -> dict:
    """The diff as plain data, for scripts."""
    return {
        "old_version": diff.old_version,
        "new_version": diff.new_version,
        "level": diff.level,
        "metadata": [c.what for c in diff.metadata],
        "tables": [
            {
                "table": t.table,
                "status": t.status,
                "old_rows": t.old_rows,
                "new_rows": t.new_rows,
                "level": t.level,
                "changes": [{"what": c.what, "level": c.level} for c in t.changes],
                "added": t.added,
                "removed": t.removed,
                "changed": [
                    {"key": k, "cells": {f: {"old": o, "new": n} for f, (o, n) in cells.items()}}
                    for k, cells in t.changed
                ],
            }
            for t in diff.tables
        ],
    }
