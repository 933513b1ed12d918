"""`tidynews build --parquet-parts`: each table as Parquet parts listed as one multi-part resource, the database as
views over them; the same rows as the CSV package, every part validated by Frictionless, reproducible bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidynews.build import build_package
from tidynews.database import run_query
from tidynews.errors import TidynewsError
from tidynews.parts import PARTS_KEY, validate_parts
from tidynews.paths import DATA_SUBDIR, TABLES, database_path, descriptor_path
from tidynews.schemas import load_schemas


@pytest.fixture(scope="module")
def parts_package(tmp_path_factory, articles_dir) -> Path:
    out = tmp_path_factory.mktemp("parts") / "pkg"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        build_package(articles_dir, out, parquet_parts=True, rows_per_part=4, use_cache=False)
    return out


def descriptor(package: Path) -> dict:
    return json.loads(descriptor_path(package).read_text(encoding="utf-8"))


def test_each_table_is_a_multi_part_parquet_resource(parts_package):
    resources = {r["name"]: r for r in descriptor(parts_package)["resources"]}
    assert sorted(resources) == sorted(TABLES)
    assert not list((parts_package / DATA_SUBDIR).glob("*.csv"))
    mentions = resources["actor_mentions"]
    assert mentions["format"] == "parquet" and len(mentions["path"]) >= 2  # more than 4 actor mentions
    assert mentions["path"][0] == "datapackage/actor_mentions/part-00000.parquet"
    for resource in resources.values():
        listed = resource[PARTS_KEY]
        assert [p["path"] for p in listed] == resource["path"]
        assert all(p["rows"] <= 4 for p in listed)
        for part in listed:
            assert pq.read_metadata(parts_package / part["path"]).num_rows == part["rows"]
            assert (parts_package / part["path"]).stat().st_size == part["bytes"]


def test_parts_hold_the_rows_of_the_csv_package_and_the_views_work_from_anywhere(parts_package, built_package):
    for table in TABLES:
        sql = f'select * from "{table}"'
        assert run_query(database_path(parts_package), sql) == run_query(database_path(built_package), sql), table
    sql = "select statement_id, speaker_name from statements_with_speaker"
    columns, rows = run_query(database_path(parts_package), sql)
    assert rows and rows == run_query(database_path(built_package), sql)[1]


def test_a_query_still_reads_nothing_outside_the_package(parts_package, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours")
    with pytest.raises(TidynewsError, match="disabled by configuration"):
        run_query(database_path(parts_package), f"select * from read_text('{secret}')")


def test_a_bad_value_in_any_part_is_reported_with_its_part_row_and_column(parts_package, tmp_path):
    import shutil

    copy = tmp_path / "pkg"
    shutil.copytree(parts_package, copy)
    desc = descriptor(copy)
    resource = next(r for r in desc["resources"] if r["name"] == "actor_mentions")
    last = copy / resource["path"][-1]
    table = pq.read_table(last)
    starts = table.column("start").to_pylist()
    starts[0] = -3
    pq.write_table(table.set_column(table.schema.get_field_index("start"), "start", pa.array(starts)), last)
    problems = validate_parts(copy, desc, load_schemas())
    assert [(p.file, p.table, p.row, p.column, p.rule) for p in problems] == [
        (resource["path"][-1], "actor_mentions", 2, "start", "constraint-error")
    ]
    assert validate_parts(parts_package, descriptor(parts_package), load_schemas()) == []


def test_parts_package_is_reproducible(parts_package, articles_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    again = tmp_path / "again"
    build_package(articles_dir, again, parquet_parts=True, rows_per_part=4, use_cache=False, use_frictionless=False)
    files = sorted(p.relative_to(parts_package) for p in (parts_package / DATA_SUBDIR).rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in (again / DATA_SUBDIR).rglob("*") if p.is_file())
    for name in files:
        assert (again / name).read_bytes() == (parts_package / name).read_bytes(), name
    assert descriptor_path(again).read_bytes() == descriptor_path(parts_package).read_bytes()


def test_tidynews_validate_checks_a_parts_package_part_by_part(parts_package, tmp_path):
    import shutil

    from tidynews.errors import ValidationError
    from tidynews.parts import key_problems
    from tidynews.validate import validate_package

    validate_package(parts_package)  # valid as built
    copy = tmp_path / "pkg"
    shutil.copytree(parts_package, copy)
    desc = descriptor(copy)
    resource = next(r for r in desc["resources"] if r["name"] == "actor_mentions")
    first, last = copy / resource["path"][0], copy / resource["path"][-1]
    pq.write_table(pa.concat_tables([pq.read_table(last), pq.read_table(first).slice(0, 1)]), last)
    with pytest.raises(ValidationError, match="bytes or SHA-256 differ") as caught:
        validate_package(copy)
    assert caught.value.problems[0].file == resource["path"][-1]
    problems = key_problems(copy, desc, load_schemas())  # the row copied from the first part repeats its key
    assert [(p.rule, p.table) for p in problems] == [("primary-key", "actor_mentions")]
