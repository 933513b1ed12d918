"""The Table Schemas in tidynews/table_schemas/ (package data, so they travel with the wheel) are the single source
of truth; a package's schemas/ folder, and the repository's, is a copy written by `tidynews build`/`publish`.
Everything else is derived here: Pandera schemas, DuckDB DDL with column comments, and the resource entries of
datapackage.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tidynews.errors import Problem, SchemaError
from tidynews.paths import SCHEMAS_DIR, TABLES, schema_path

if TYPE_CHECKING:
    import pandera.pandas as pa


@dataclass(frozen=True)
class FieldType:
    """How one Table Schema type is stored by each engine: pandas dtype, Arrow type, DuckDB type."""

    pandas: str
    arrow: tuple[str, tuple]  # a pyarrow factory and its arguments: ("timestamp", ("s",)) is pa.timestamp("s")
    duckdb: str


# The one map from Table Schema types to the engines' types (pandas for Pandera, Arrow for Parquet, DuckDB).
# Optional integers are pandas' nullable Int64; dates stay text in pandas (Frictionless and DuckDB check them).
FIELD_TYPES = {
    "string": FieldType("str", ("string", ()), "VARCHAR"),
    "integer": FieldType("Int64", ("int64", ()), "BIGINT"),
    "number": FieldType("float64", ("float64", ()), "DOUBLE"),
    "boolean": FieldType("boolean", ("bool_", ()), "BOOLEAN"),
    "date": FieldType("str", ("date32", ()), "DATE"),
    "datetime": FieldType("str", ("timestamp", ("s",)), "TIMESTAMP"),
}
KNOWN_TYPES = set(FIELD_TYPES)
DUCKDB_TYPES = {name: t.duckdb for name, t in FIELD_TYPES.items()}
PANDAS_DTYPES = {name: t.pandas for name, t in FIELD_TYPES.items()}


def field_type(f: dict) -> str:
    """A field's Table Schema type ('string' when the schema leaves it out, as the standard says)."""
    return f.get("type", "string")


def arrow_type(ftype: str):
    """The pyarrow type of a Table Schema type (pyarrow imported here: it is slow to import)."""
    import pyarrow as pa

    factory, args = FIELD_TYPES[ftype].arrow
    return getattr(pa, factory)(*args)


def as_list(value: object) -> list:
    """A Table Schema key given as one name or as a list of names, as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def primary_key(descriptor: dict) -> list[str]:
    """The primary key of a Table Schema descriptor, as a list of field names."""
    return as_list(descriptor.get("primaryKey"))


def foreign_keys(descriptor: dict) -> list[tuple[list[str], str, list[str]]]:
    """The foreign keys of a Table Schema descriptor: (fields, referenced resource, referenced fields)."""
    out = []
    for fk in descriptor.get("foreignKeys", []):
        reference = fk.get("reference", {})
        out.append((as_list(fk.get("fields")), reference.get("resource", ""), as_list(reference.get("fields"))))
    return out


@dataclass(frozen=True)
class TableSchema:
    name: str
    descriptor: dict

    @property
    def fields(self) -> list[dict]:
        return self.descriptor["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        return primary_key(self.descriptor)

    @property
    def foreign_keys(self) -> list[tuple[list[str], str, list[str]]]:
        return foreign_keys(self.descriptor)

    def type_of(self, name: str) -> str:
        return field_type(self.field(name))

    def field(self, name: str) -> dict:
        return next(f for f in self.fields if f["name"] == name)

    @cached_property
    def table_schema(self) -> dict:
        """The descriptor without the resource-level title/description (they go on the resource)."""
        return {k: v for k, v in self.descriptor.items() if k not in {"title", "description"}}


def load_schema(table: str, schemas_dir: Path = SCHEMAS_DIR) -> TableSchema:
    """Load and sanity-check one Table Schema; a broken file raises SchemaError naming it."""
    path = schema_path(table, schemas_dir)
    where = f"schemas/{table}.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(
            f"missing schema {where}", [Problem("schema-missing", "file not found", file=where)]
        ) from None
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"schema {where} is not valid JSON",
            [
                Problem(
                    "schema-json",
                    f"line {exc.lineno} column {exc.colno}: {exc.msg}; fix the JSON there "
                    "(or restore the file from git)",
                    file=where,
                )
            ],
        ) from None
    problems = []
    fields = descriptor.get("fields") if isinstance(descriptor, dict) else None
    if not isinstance(fields, list) or not fields:
        problems.append(Problem("schema-fields", "a Table Schema needs a non-empty 'fields' list", file=where))
    else:
        for i, f in enumerate(fields):
            if not isinstance(f, dict) or "name" not in f:
                problems.append(Problem("schema-field", f"field {i} has no name", file=where))
            elif field_type(f) not in KNOWN_TYPES:
                problems.append(
                    Problem(
                        "schema-type",
                        f"field {f['name']!r} has unknown type {f.get('type')!r}",
                        file=where,
                        column=f["name"],
                    )
                )
    if problems:
        raise SchemaError(f"schema {where} is not a usable Table Schema", problems)
    return TableSchema(table, descriptor)


def load_schemas(schemas_dir: Path = SCHEMAS_DIR) -> dict[str, TableSchema]:
    """All the package's schemas, in foreign-key order; every broken one is reported together."""
    schemas, problems = {}, []
    for table in TABLES:
        try:
            schemas[table] = load_schema(table, schemas_dir)
        except SchemaError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SchemaError(f"{len(problems)} problem(s) in the schemas in {schemas_dir}", problems)
    return schemas


# --- Pandera ----------------------------------------------------------------------------------


def pandera_schema(schema: TableSchema) -> pa.DataFrameSchema:
    """A Pandera schema derived from a Table Schema: types, required, unique, enum, pattern, bounds, primary key.

    Optional integers are nullable `Int64` (pandera's own frictionless reader makes them non-nullable).
    Foreign keys and spans are checked in validate.py, as they need other tables.
    """
    import pandera.pandas as pa  # here, not at the top: importing pandera (and pandas) takes half a second

    columns = {}
    for f in schema.fields:
        c = f.get("constraints", {})
        checks = []
        if "enum" in c:
            checks.append(pa.Check.isin(c["enum"], name="enum"))
        if "pattern" in c:
            checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$", name="pattern"))
        if "minimum" in c:
            checks.append(pa.Check.ge(c["minimum"], name="minimum"))
        if "maximum" in c:
            checks.append(pa.Check.le(c["maximum"], name="maximum"))
        if "minLength" in c:
            checks.append(pa.Check.str_length(min_value=c["minLength"], name="minLength"))
        columns[f["name"]] = pa.Column(
            PANDAS_DTYPES[field_type(f)],
            checks=checks,
            nullable=not c.get("required", False),
            unique=bool(c.get("unique", False)),
            required=True,
        )
    pk = schema.primary_key
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=pk if len(pk) > 1 else None, name=schema.name)


# --- DuckDB -----------------------------------------------------------------------------------


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def duckdb_ddl(schema: TableSchema) -> list[str]:
    """CREATE TABLE with types, NOT NULL, PRIMARY KEY and FOREIGN KEY, then COMMENT ON table and columns."""
    lines = []
    for f in schema.fields:
        required = f.get("constraints", {}).get("required", False)
        lines.append(f'  "{f["name"]}" {DUCKDB_TYPES[field_type(f)]}{" NOT NULL" if required else ""}')
    if schema.primary_key:
        lines.append("  PRIMARY KEY (" + ", ".join(f'"{c}"' for c in schema.primary_key) + ")")
    for cols, ref, ref_cols in schema.foreign_keys:
        lines.append(
            "  FOREIGN KEY ("
            + ", ".join(f'"{c}"' for c in cols)
            + f') REFERENCES "{ref}" ('
            + ", ".join(f'"{c}"' for c in ref_cols)
            + ")"
        )
    stmts = [f'CREATE TABLE "{schema.name}" (\n' + ",\n".join(lines) + "\n)"]
    if schema.descriptor.get("description"):
        stmts.append(f'COMMENT ON TABLE "{schema.name}" IS {sql_literal(schema.descriptor["description"])}')
    for f in schema.fields:
        if f.get("description"):
            stmts.append(f'COMMENT ON COLUMN "{schema.name}"."{f["name"]}" IS {sql_literal(f["description"])}')
    return stmts
