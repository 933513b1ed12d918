"""Every curated data file under tidynews/data/ (CSV word lists, JSONL patterns) has a Table Schema beside it
(`<name>.schema.json`) and matches it (Frictionless): a data file without a schema fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidynews.paths import DATA_DIR

DATA_FILES = sorted([*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.jsonl")])


def schema_of(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + ".schema.json")


def jsonl_rows(path: Path, field_names: list[str]) -> list[list]:
    """A JSONL file as rows of the schema's fields; a line that is not a JSON object fails the test."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        assert isinstance(record, dict), f"{path.name} line {n}: not a JSON object"
        unknown = set(record) - set(field_names)
        assert not unknown, f"{path.name} line {n}: fields {sorted(unknown)} are not in its schema"
        rows.append([json.dumps(v) if isinstance(v, (list, dict)) else v for v in map(record.get, field_names)])
    return rows


def test_there_are_data_files():
    assert any(p.suffix == ".csv" for p in DATA_FILES)


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_data_file_matches_its_table_schema(path):
    from frictionless import Resource, Schema

    schema_path = schema_of(path)
    assert schema_path.is_file(), (
        f"tidynews/data/{path.name} has no Table Schema: write tidynews/data/{schema_path.name}"
    )
    schema = Schema.from_descriptor(json.loads(schema_path.read_text(encoding="utf-8")))
    if path.suffix == ".csv":
        resource = Resource(path=path.name, schema=schema, basepath=str(DATA_DIR))
    else:
        names = [f.name for f in schema.fields]
        resource = Resource(data=[names, *jsonl_rows(path, names)], schema=schema)
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_every_schema_describes_a_data_file():
    for schema_path in DATA_DIR.glob("*.schema.json"):
        stem = schema_path.name.removesuffix(".schema.json")
        assert (DATA_DIR / f"{stem}.csv").exists() or (DATA_DIR / f"{stem}.jsonl").exists(), schema_path.name
