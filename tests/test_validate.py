"""A corrupted cell, foreign key and span must each be caught, by both validators, with table/row/column."""

import csv

import pytest

from tidynews.errors import ValidationError
from tidynews.validate import validate_frictionless, validate_package, validate_pandera


def edit_csv(path, row_index, column, value):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    rows[row_index][column] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_fixture_package_is_valid(built_package):
    validate_package(built_package)


def test_bad_cell_is_caught(package_copy):
    edit_csv(package_copy / "datapackage" / "figures.csv", 0, "qualifier", "roughly")
    problems = validate_pandera(package_copy)
    assert any(p.table == "figures" and p.row == 2 and p.column == "qualifier" and "enum" in p.rule for p in problems)
    fl = validate_frictionless(package_copy)
    assert any(p.table == "figures" and p.row == 2 and p.column == "qualifier" for p in fl)


def test_not_a_number_is_caught(package_copy):
    edit_csv(package_copy / "datapackage" / "figures.csv", 1, "start", "twelve")
    problems = validate_pandera(package_copy)
    assert any(p.rule == "type-error" and p.row == 3 and p.column == "start" for p in problems)


def test_broken_foreign_key_is_caught(package_copy):
    edit_csv(package_copy / "datapackage" / "actor_mentions.csv", 0, "actor_id", "nobody-at-all")
    problems = validate_pandera(package_copy)
    assert any(p.rule == "foreign-key" and p.table == "actor_mentions" and p.row == 2 for p in problems)
    fl = validate_frictionless(package_copy)
    assert any(p.table == "actor_mentions" and "foreign" in p.rule for p in fl)


def test_span_that_no_longer_matches_is_caught(package_copy):
    edit_csv(package_copy / "datapackage" / "statements.csv", 0, "start", "0")
    problems = validate_pandera(package_copy)
    assert any(
        p.rule == "span-text" and p.table == "statements" and p.row == 2 and p.column == "quote" for p in problems
    )


def test_validate_package_raises_with_every_problem(package_copy):
    edit_csv(package_copy / "datapackage" / "figures.csv", 0, "qualifier", "roughly")
    edit_csv(package_copy / "datapackage" / "statements.csv", 0, "start", "0")
    with pytest.raises(ValidationError) as info:
        validate_package(package_copy, use_frictionless=False)
    text = str(info.value)
    assert "table figures, row 2, column qualifier" in text
    assert "table statements, row 2, column quote" in text
