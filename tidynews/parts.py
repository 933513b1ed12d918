"""Tables as Parquet parts, for corpora whose tables outgrow one CSV: `tidynews build --parquet-parts`.

Each table becomes a folder of typed Parquet files, `datapackage/<table>/part-00000.parquet`, ... (at most
`rows_per_part` rows each, in primary-key order), listed in datapackage.json as one multi-part resource (`path` is
the list of parts, `format` parquet; each part's bytes, SHA-256 and row count under `tidynews:parts`). The DuckDB
database holds views over the parts instead of copies of the rows.

How such a package is checked: the build first writes and validates the CSVs as always (Pandera and Frictionless:
types, constraints, primary keys, foreign keys across tables, spans), then turns each validated CSV into its parts,
then has Frictionless validate the rows of every part against its Table Schema (types and constraints row by row;
keys that span parts were checked on the CSVs). Frictionless 5 validates only the first file of a multi-part Parquet
resource (`frictionless validate datapackage.json` reads `path[0]`), which is why the build validates part by part.

`tidynews validate` of a parts package (`validate_parts_package`): every part present with the bytes and SHA-256
the descriptor records, its rows valid for Frictionless, primary and foreign keys across parts and tables in DuckDB
SQL (the span checks run on CSV packages only).

The views read the parts by paths relative to the package folder: run DuckDB from that folder (`tidynews query`
does this for you).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tidynews.errors import Problem
from tidynews.paths import DATA_SUBDIR, table_path
from tidynews.schemas import TableSchema, arrow_type, field_type, sql_literal

DEFAULT_ROWS_PER_PART = 1_000_000
PARTS_KEY = "tidynews:parts"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def typed_table(csv_path: Path, schema: TableSchema, metadata: dict[str, str] | None = None):
    """A table's CSV as a pyarrow Table typed from its Table Schema (empty cells are nulls), each column described."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    types = {f["name"]: arrow_type(field_type(f)) for f in schema.fields}
    table = pacsv.read_csv(
        csv_path,
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=schema.field_names,
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            true_values=["true"],
            false_values=["false"],
        ),
    )
    fields = [
        pa.field(f["name"], types[f["name"]], metadata={"description": f.get("description", "")}) for f in schema.fields
    ]
    return table.cast(pa.schema(fields, metadata=metadata))


def part_name(table: str, number: int) -> str:
    return f"{DATA_SUBDIR}/{table}/part-{number:05d}.parquet"


def write_parts(
    package_dir: Path, schemas: dict[str, TableSchema], rows_per_part: int = DEFAULT_ROWS_PER_PART
) -> dict[str, list[dict]]:
    """Turn each table's CSV into Parquet parts and remove the CSV; table -> [{path, bytes, hash, rows}, ...]."""
    import pyarrow.parquet as pq

    parts: dict[str, list[dict]] = {}
    for name, schema in schemas.items():
        csv_path = table_path(package_dir, name)
        table = typed_table(csv_path, schema, {"tidynews:table": name})
        parts[name] = []
        for number, start in enumerate(range(0, max(table.num_rows, 1), rows_per_part)):
            chunk = table.slice(start, rows_per_part)
            path = part_name(name, number)
            (package_dir / path).parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(chunk, package_dir / path, compression="zstd")
            data = (package_dir / path).read_bytes()
            parts[name].append(
                {
                    "path": path,
                    "bytes": len(data),
                    "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                    "rows": len(chunk),
                }
            )
        csv_path.unlink()
    return parts


def parts_descriptor(descriptor: dict, parts: dict[str, list[dict]]) -> dict:
    """The package descriptor with each table's resource pointing to its parts instead of its CSV."""
    resources = []
    for resource in descriptor["resources"]:
        resource = {k: v for k, v in resource.items() if k not in ("path", "format", "mediatype", "encoding")}
        resource.pop("bytes", None)
        resource.pop("hash", None)
        table_parts = parts[resource["name"]]
        schema = resource.pop("schema")
        resource.update(
            {
                "path": [p["path"] for p in table_parts],
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "schema": schema,
                PARTS_KEY: table_parts,
            }
        )
        resources.append(resource)
    return {**descriptor, "resources": resources}


def validate_parts(package_dir: Path, descriptor: dict, schemas: dict[str, TableSchema]) -> list[Problem]:
    """Frictionless on every part of every table: types and constraints (keys across parts: see the docstring).

    Each part is read by pyarrow and its rows handed to Frictionless as they are (nulls as None): Frictionless' own
    Parquet reader goes through pandas, which turns a null number into NaN and then fails its minimum and maximum.
    """
    import pyarrow.parquet as pq
    from frictionless import Resource, Schema, system

    problems = []
    with system.use_context(trusted=False):
        for resource in descriptor["resources"]:
            table = resource["name"]
            schema = Schema.from_descriptor(
                {k: v for k, v in schemas[table].table_schema.items() if k != "foreignKeys"}
            )
            for part in resource[PARTS_KEY]:
                columns = pq.read_table(Path(package_dir) / part["path"]).to_pydict()
                rows = [list(columns)] + [list(row) for row in zip(*columns.values(), strict=True)]
                report = Resource(data=rows, schema=schema).validate()
                for task in report.tasks:
                    for err in task.errors:
                        problems.append(
                            Problem(
                                rule=err.type,
                                message=getattr(err, "note", "") or err.message,
                                file=part["path"],
                                table=table,
                                row=getattr(err, "row_number", None),
                                column=getattr(err, "field_name", None),
                            )
                        )
                problems += [Problem(rule=e.type, message=e.message, file=part["path"]) for e in report.errors]
    return problems


def key_problems(package_dir: Path, descriptor: dict, schemas: dict[str, TableSchema]) -> list[Problem]:
    """Primary keys unique and foreign keys found across all parts of all tables (DuckDB SQL over the parts)."""
    import duckdb

    def rows_of(table: str) -> str:
        resource = next(r for r in descriptor["resources"] if r["name"] == table)
        paths = ", ".join(sql_literal(str(Path(package_dir) / p)) for p in resource["path"])
        return f"read_parquet([{paths}])"

    def cols(names: list[str]) -> str:
        return ", ".join(f'"{n}"' for n in names)

    problems = []
    con = duckdb.connect()
    try:
        for name, schema in schemas.items():
            if schema.primary_key:
                sql = f"SELECT count(*) FROM (SELECT {cols(schema.primary_key)} FROM {rows_of(name)} GROUP BY ALL "
                (duplicates,) = con.execute(sql + "HAVING count(*) > 1)").fetchone()
                if duplicates:
                    message = f"{duplicates} value(s) of {', '.join(schema.primary_key)} are not unique across parts"
                    problems.append(Problem("primary-key", message, table=name))
            for fields, target, target_fields in schema.foreign_keys:
                on = " AND ".join(f'c."{f}" = p."{t}"' for f, t in zip(fields, target_fields, strict=True))
                present = " AND ".join(f'c."{f}" IS NOT NULL' for f in fields)
                sql = (
                    f"SELECT count(*) FROM {rows_of(name)} c WHERE {present} AND NOT EXISTS "
                    f"(SELECT 1 FROM {rows_of(target or name)} p WHERE {on})"
                )
                (missing,) = con.execute(sql).fetchone()
                if missing:
                    message = f"{missing} row(s) whose {', '.join(fields)} is not in {target or name}"
                    problems.append(Problem("foreign-key", message, table=name))
    finally:
        con.close()
    return problems


def validate_parts_package(package_dir: Path, schemas: dict[str, TableSchema]) -> list[Problem]:
    """Everything `tidynews validate` checks of a parts package: each listed part present with its recorded bytes
    and SHA-256, its rows valid for Frictionless, primary and foreign keys across parts and tables."""
    package_dir = Path(package_dir)
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    problems = []
    for resource in descriptor["resources"]:
        for part in resource.get(PARTS_KEY, []):
            path = package_dir / part["path"]
            if not path.is_file():
                problems.append(Problem("missing-part", "listed in datapackage.json, not found", file=part["path"]))
                continue
            data = path.read_bytes()
            if f"sha256:{hashlib.sha256(data).hexdigest()}" != part["hash"] or len(data) != part["bytes"]:
                problems.append(
                    Problem("hash-count", "bytes or SHA-256 differ from datapackage.json", file=part["path"])
                )
    if problems:
        return problems
    return validate_parts(package_dir, descriptor, schemas) + key_problems(package_dir, descriptor, schemas)


def parts_database_sql(descriptor: dict, schemas: dict[str, TableSchema]) -> list[str]:
    """The statements that make one view per table over its parts, with the table's and columns' descriptions."""
    statements = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        paths = ", ".join(sql_literal(p) for p in resource["path"])
        statements.append(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{paths}])')
        description = schemas[name].descriptor.get("description", "")
        if description:
            statements.append(f'COMMENT ON VIEW "{name}" IS {sql_literal(description)}')
    return statements


def has_parts(package_dir: Path) -> bool:
    """Whether the package at package_dir lists its tables as Parquet parts."""
    try:
        descriptor = json.loads((Path(package_dir) / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any(PARTS_KEY in r for r in descriptor.get("resources", []) if isinstance(r, dict))
