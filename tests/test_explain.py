"""`tidynews explain FILE`: the candidates the rules considered in one article, and the rows with their rule."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidynews.cli import app
from tidynews.explain import explain_article
from tidynews.paths import SEEDS_DIR

runner = CliRunner()
SEED = sorted(SEEDS_DIR.glob("*.txt"))[0]


@pytest.fixture(scope="module")
def report() -> dict:
    return explain_article(SEED)


def test_json_output_has_the_rows_of_every_table(report):
    result = runner.invoke(app, ["explain", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["article"] == SEED.name
    assert set(data["rows"]) == {"statements", "figures", "actors", "places"}
    # the seed article quotes its defence minister and names Israel: both tables have rows
    assert data["rows"]["statements"] and data["rows"]["places"]
    text = SEED.read_text(encoding="utf-8")
    assert "Israel" in [r["text"] for r in data["rows"]["places"]] and "Israel" in text


def test_every_row_points_to_its_text(report):
    from tidynews.articles import read_article

    article = read_article(SEED, SEED.parent)
    for table, rows in report["rows"].items():
        for r in rows:
            assert article.text[r["start"] : r["end"]] == (r.get("quote") or r["text"]), (table, r)


def test_table_output_names_the_tables_asked_for():
    result = runner.invoke(app, ["explain", str(SEED), "--table", "places"])
    assert result.exit_code == 0, result.output
    assert "candidates" in result.output and "places:" in result.output
    assert "statements:" not in result.output


def test_unknown_table_and_missing_file_are_messages(tmp_path):
    result = runner.invoke(app, ["explain", str(SEED), "--table", "quotes"])
    assert result.exit_code == 1 and "unknown table 'quotes'" in result.output
    result = runner.invoke(app, ["explain", str(tmp_path / "none.txt")])
    assert result.exit_code == 1 and "no such article file" in result.output


def test_every_row_has_a_registered_rule(report):
    from tidynews.extract.rules import RULES

    for table, rows in report["rows"].items():
        for r in rows:
            assert r["rule"] in RULES, (table, r)
