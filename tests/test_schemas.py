"""The Table Schemas: one source in the library (tidynews/table_schemas/), a published copy in schemas/, one type
map for every engine, and rows that must have exactly the schema's fields."""

from __future__ import annotations

import duckdb
import pytest

from tidynews.checks import EXTRA_CHECKS, SPAN_SURFACE
from tidynews.errors import SchemaError
from tidynews.paths import PACKAGE_DIR, REPO_ROOT, SCHEMAS_DIR, TABLES
from tidynews.schemas import FIELD_TYPES, TableSchema, arrow_type, foreign_keys, load_schemas, primary_key
from tidynews.tables import ROW_VALUES, check_fields


def test_the_schemas_are_package_data():
    assert SCHEMAS_DIR.parent == PACKAGE_DIR
    assert sorted(p.stem for p in SCHEMAS_DIR.glob("*.json")) == sorted(TABLES)


def test_the_published_copy_in_schemas_agrees_with_the_library():
    published = REPO_ROOT / "schemas"
    assert sorted(p.name for p in published.glob("*.json")) == sorted(p.name for p in SCHEMAS_DIR.glob("*.json"))
    for source in SCHEMAS_DIR.glob("*.json"):
        assert (published / source.name).read_bytes() == source.read_bytes(), (
            f"schemas/{source.name} differs from tidynews/table_schemas/{source.name} (the source): edit the source, "
            "then copy it (`cp tidynews/table_schemas/*.json schemas/`) or run `tidynews publish`"
        )


def test_every_type_the_schemas_use_has_a_pandas_arrow_and_duckdb_type():
    used = {f.get("type", "string") for s in load_schemas().values() for f in s.fields}
    assert used <= set(FIELD_TYPES)
    con = duckdb.connect()
    for name, t in FIELD_TYPES.items():
        assert str(arrow_type(name)) in {"string", "int64", "double", "bool", "date32[day]", "timestamp[s]"}
        con.execute(f"SELECT CAST(NULL AS {t.duckdb})")  # a type DuckDB knows


def test_keys_are_read_in_either_form():
    one = {"primaryKey": "id", "foreignKeys": [{"fields": "a", "reference": {"resource": "t", "fields": "b"}}]}
    many = {
        "primaryKey": ["x", "y"],
        "foreignKeys": [{"fields": ["a", "c"], "reference": {"resource": "t", "fields": ["b", "d"]}}],
    }
    assert primary_key(one) == ["id"] and primary_key(many) == ["x", "y"] and primary_key({}) == []
    assert foreign_keys(one) == [(["a"], "t", ["b"])]
    assert foreign_keys(many) == [(["a", "c"], "t", ["b", "d"])]


def test_the_code_makes_every_field_of_every_schema_it_fills():
    schemas = load_schemas()
    for table, getters in ROW_VALUES.items():
        assert list(getters) == schemas[table].field_names, table


def test_a_row_with_an_unknown_or_missing_field_is_an_error():
    schema = TableSchema("actors", {"fields": [{"name": "actor_id"}, {"name": "name"}]})
    check_fields([{"actor_id": "a", "name": "A"}], schema)
    with pytest.raises(SchemaError) as err:
        check_fields([{"actor_id": "a", "name": "A"}, {"actor_id": "b", "full_name": "B"}], schema)
    assert "defines 'name', which no row has" in str(err.value.problems[0])
    assert "the rows have 'full_name'" in str(err.value.problems[0])


def test_a_schema_the_getters_do_not_match_is_an_error_even_without_rows():
    fields = [{"name": n} for n in ROW_VALUES["figures"] if n != "event"] + [{"name": "event_label"}]
    with pytest.raises(SchemaError, match="figures") as err:
        check_fields([], TableSchema("figures", {"fields": fields}))
    assert err.value.problems[0].column == "event_label"


def test_the_extra_checks_cover_every_span_table():
    spans = next(c for c in EXTRA_CHECKS if c.rule == "span-text")
    assert set(spans.tables) == set(SPAN_SURFACE) == {"statements", "figures", "actor_mentions", "place_mentions"}
    assert {c.rule for c in EXTRA_CHECKS} >= {"type-error", "span-range", "span-text", "duplicate-statement"}
