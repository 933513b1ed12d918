"""Large tables are checked by DuckDB SQL instead of Pandera: both engines must find the same problems."""

import csv

import pytest

import tidynews.validate_sql
from tidynews.validate import validate_pandera


def edit_csv(path, row_index, column, value):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    rows[row_index][column] = rows[row_index - 1][column] if value is None else value  # None: copy the row above
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def located(problems):
    """(table, row, column, rule) of every problem that names a row."""
    return {(p.table, p.row, p.column, p.rule) for p in problems if p.row is not None}


@pytest.fixture
def broken_package(package_copy):
    """One seeded error of each kind the bench seeds, plus a foreign key and a span in other tables."""
    data = package_copy / "datapackage"
    edit_csv(data / "figures.csv", 0, "qualifier", "roughly")  # line 2: enum
    edit_csv(data / "figures.csv", 1, "value", "twelve")  # line 3: type
    edit_csv(data / "figures.csv", 2, "article_id", "no-such-article")  # line 4: foreign key
    edit_csv(data / "figures.csv", 4, "figure_id", None)  # line 6: same figure_id as line 5
    edit_csv(data / "figures.csv", 6, "start", "-3")  # line 8: minimum (and so the span is outside the text)
    edit_csv(data / "figures.csv", 7, "text", "")  # line 9: required
    edit_csv(data / "actor_mentions.csv", 0, "actor_id", "nobody-at-all")  # line 2: foreign key
    edit_csv(data / "statements.csv", 0, "start", "0")  # line 2: span text
    return package_copy


def test_sql_engine_finds_what_pandera_finds(broken_package, monkeypatch):
    by_pandera = located(validate_pandera(broken_package))
    monkeypatch.setattr(tidynews.validate_sql, "LARGE_TABLE_BYTES", 0)  # every table is "large": all SQL
    by_sql = located(validate_pandera(broken_package))
    expected = {
        ("figures", 2, "qualifier", "enum"),
        ("figures", 3, "value", "type-error"),
        ("figures", 4, "article_id", "foreign-key"),
        ("figures", 6, "figure_id", "unique"),
        ("figures", 8, "start", "minimum"),
        ("figures", 9, "text", "required"),
        ("actor_mentions", 2, "actor_id", "foreign-key"),
        ("statements", 2, "quote", "span-text"),
    }
    assert expected <= by_sql
    assert expected <= by_pandera
    assert by_sql == by_pandera


def test_sql_engine_accepts_a_valid_package(built_package, monkeypatch):
    monkeypatch.setattr(tidynews.validate_sql, "LARGE_TABLE_BYTES", 0)
    assert validate_pandera(built_package) == []


def test_only_one_table_large_mixes_both_engines(broken_package, monkeypatch):
    by_pandera = located(validate_pandera(broken_package))
    size = (broken_package / "datapackage" / "figures.csv").stat().st_size
    monkeypatch.setattr(tidynews.validate_sql, "LARGE_TABLE_BYTES", size - 1)  # figures (and larger) only
    assert located(validate_pandera(broken_package)) == by_pandera
