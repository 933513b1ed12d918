"""Frictionless on the rows a build changed (tidynews/validate_changed.py): an incremental build still catches a bad
new row, at its row number in the whole table, and writes the bytes a build from scratch writes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

import tidynews.validate_changed as validate_changed
from tidynews.build import build_package
from tidynews.cache import CACHE_DIR_NAME
from tidynews.errors import ValidationError
from tidynews.paths import TABLES
from tidynews.validate import validate_frictionless
from tidynews.validate_changed import RECORD_NAME, csv_rows_with_bytes, frictionless_on_changed_rows, rows_to_check

MARKET = """Night market reopens after repairs

The night market on Harbour Road reopened on Friday after six weeks of repairs, the town council said.

"We lost about 40 stalls to the storm, and 35 are back," said market manager Dana Whitfield.

Traders said takings were down by a third since the spring.
"""


def rewrite_cell(package: Path, table: str, row_index: int, column: str, value: str) -> int:
    """Set one cell of a table (0-based data row) and the descriptor's size and hash; return the row's number."""
    path = package / "datapackage" / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row_index + 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    descriptor_file = package / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == table:
            data = path.read_bytes()
            resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor_file.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return row_index + 2


def located(problems) -> set[tuple]:
    return {(p.table, p.row, p.column, p.rule) for p in problems if p.row is not None}


def test_csv_rows_keep_the_exact_text_of_rows_with_newlines(tmp_path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"two\nlines"\n3,x\n', encoding="utf-8")
    header, rows = csv_rows_with_bytes(path)
    assert header == "a,b\n"
    assert rows == [(("1", "two\nlines"), '1,"two\nlines"\n'), (("3", "x"), "3,x\n")]


def test_a_bad_new_row_is_reported_as_the_whole_package_run_reports_it(built_package, package_copy) -> None:
    previous = {name: built_package for name in TABLES}
    assert frictionless_on_changed_rows(package_copy, previous) == []  # nothing changed, nothing wrong
    # the second article follows one whose text spans many lines: its row number is counted in rows, not lines
    article_row = rewrite_cell(package_copy, "articles", 1, "published", "last Tuesday")
    figure_row = rewrite_cell(package_copy, "figures", 2, "start", "-3")
    changed = frictionless_on_changed_rows(package_copy, previous)
    whole = validate_frictionless(package_copy)
    assert located(changed) == located(whole)
    assert {(t, r) for t, r, _, _ in located(changed)} == {("articles", article_row), ("figures", figure_row)}


def test_only_rows_missing_from_the_previous_validated_table_go_to_frictionless(built_package, package_copy) -> None:
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    _, rows, kept = rows_to_check(package_copy, resources["figures"], built_package)
    assert len(rows) >= 3 and kept == []
    rewrite_cell(package_copy, "figures", 1, "start", "-3")
    assert rows_to_check(package_copy, resources["figures"], built_package)[2] == [1]  # the changed row only
    # no validated previous table, or one with another schema: every row
    assert rows_to_check(package_copy, resources["figures"], None)[2] == list(range(len(rows)))
    schema = package_copy / "schemas" / "figures.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"title"', '"title" ', 1), encoding="utf-8")
    assert rows_to_check(package_copy, resources["figures"], built_package)[2] == list(range(len(rows)))


@pytest.fixture
def seeds(tmp_path, articles_dir) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(articles_dir, folder)
    return folder


def test_incremental_build_checks_new_rows_and_equals_a_build_from_scratch(seeds, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    build_package(seeds, out)
    assert (out / CACHE_DIR_NAME / RECORD_NAME).exists()
    (seeds / "market.txt").write_text(MARKET, encoding="utf-8")
    calls = []
    real = validate_changed.frictionless_on_changed_rows

    def spy(package_dir, previous):
        calls.append(sorted(previous))
        return real(package_dir, previous)

    monkeypatch.setattr(validate_changed, "frictionless_on_changed_rows", spy)
    build_package(seeds, out)
    assert calls == [sorted(TABLES)]
    scratch = tmp_path / "scratch"
    build_package(seeds, scratch, use_cache=False)
    for path in sorted(scratch.rglob("*")):
        if path.is_file():
            assert (out / path.relative_to(scratch)).read_bytes() == path.read_bytes(), path


def test_incremental_build_still_catches_a_bad_new_row(seeds, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    build_package(seeds, out)
    (seeds / "market.txt").write_text(MARKET, encoding="utf-8")
    import tidynews.build

    real_assemble = tidynews.build.assemble_tables

    def bad_market_figure(articles, extractions):
        tables = real_assemble(articles, extractions)
        row = next(r for r in tables["figures"] if r["article_id"] == "market")
        row["start"] = -3
        return tables

    monkeypatch.setattr(tidynews.build, "assemble_tables", bad_market_figure)
    with pytest.raises(ValidationError) as caught:
        build_package(seeds, out)
    frictionless_rules = {"constraint-error", "type-error"}
    bad = [p for p in caught.value.problems if p.rule in frictionless_rules and p.table == "figures"]
    assert [(p.column, p.row is not None) for p in bad] == [("start", True)]
