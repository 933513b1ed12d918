"""The codebook, README, CITATION.cff and licence are generated from the schemas and the data of the package."""

import csv
import json
import re

import duckdb
import pytest
import yaml

from tidynews.codebook import citation_cff, codebook, describe_constraints, release_readme
from tidynews.paths import database_path, table_path

RELEASED = "2026-01-01"
TABLES = ["articles", "actors", "places", "actor_mentions", "place_mentions", "statements", "figures"]


def schema_json(package, name: str) -> dict:
    """The package's Table Schema file as plain JSON (not through tidynews.schemas, which the codebook uses)."""
    return json.loads((package / "schemas" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def book(built_package) -> str:
    return codebook(built_package, RELEASED)


def section(book: str, table: str) -> str:
    return book.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]


def test_every_table_has_its_purpose_and_row_count(built_package, book):
    for name in TABLES:
        schema = schema_json(built_package, name)
        with open(table_path(built_package, name), encoding="utf-8") as f:
            n = sum(1 for _ in csv.DictReader(f))
        assert f"| [`{name}`](#{name}) | {n} |" in book
        text = section(book, name)
        assert text.lstrip().startswith(f"{schema['title']}: {schema['description']}")
        assert f"\n{n} row{'s' * (n != 1)}. File" in text


def test_every_field_has_a_row_with_its_type(built_package, book):
    for name in TABLES:
        text = section(book, name)
        for f in schema_json(built_package, name)["fields"]:
            row = next(line for line in text.splitlines() if line.startswith(f"| `{f['name']}` |"))
            assert f"| {f['type']} |" in row


def test_fields_in_words(book):
    # written from reading tidynews/table_schemas/statements.json and figures.json, not from the codebook code
    statements = section(book, "statements").splitlines()
    assert any(
        line.startswith(
            "| `kind` | string | required, one of: `direct`, `partial`, `indirect` | direct: a whole quoted"
        )
        for line in statements
    )
    assert "Primary key: `statement_id`." in statements
    assert "Foreign key: `speaker_id` → `actors.actor_id`." in statements
    mentions = section(book, "actor_mentions").splitlines()
    assert "Primary key: `article_id`, `start`, `end`." in mentions
    assert any(
        line.startswith("| `start` | integer | part of primary key, required, ≥ 0 | Offset") for line in mentions
    )


def test_the_checks_beyond_the_schemas_are_listed(book):
    checks = book.split("## Checks beyond the Table Schemas", 1)[1].split("\n## ", 1)[0]
    assert (
        "| `duplicate-statement` | `statements` | no two rows of `statements` share `article_id`, `start`, `end` |"
        in (checks)
    )
    assert "| `span-text` |" in checks and "`quote` (statements)" in checks


def test_the_rule_column_is_described_with_rows_per_rule(built_package, book):
    words = book.split("## Which rule made a row", 1)[1].split("\n## ", 1)[0]
    assert "`rule` column of" in words and "RULES.md" in words and "tidynews explain" in words
    for table in ("statements", "figures", "actor_mentions", "place_mentions"):
        with open(table_path(built_package, table), encoding="utf-8") as f:
            counts: dict[str, int] = {}
            for row in csv.DictReader(f):
                counts[row["rule"]] = counts.get(row["rule"], 0) + 1
        assert counts, table
        for rule, n in counts.items():
            assert f"| `{table}` | `{rule}` | {n} |" in words


def test_example_values_come_from_the_data(book):
    # the fixture articles are flood_relief.txt and harbour_strike.txt; rows are in primary-key order
    row = next(line for line in section(book, "articles").splitlines() if line.startswith("| `article_id` |"))
    assert row.endswith("| `flood_relief` |")
    row = next(line for line in section(book, "articles").splitlines() if line.startswith("| `title` |"))
    assert "`Floods force thousands from homes in northern Kenya`" in row


def test_constraints_in_words():
    f = {"name": "kind", "constraints": {"required": True, "enum": ["direct", "partial"]}}
    assert describe_constraints(f, ["statement_id"]) == "required, one of: `direct`, `partial`"
    f = {"name": "start", "constraints": {"required": True, "minimum": 0}}
    assert describe_constraints(f, ["article_id", "start", "end"]) == "part of primary key, required, ≥ 0"


def test_the_span_check_sql_runs_and_can_fail(built_package, book, tmp_path):
    sql = re.search(r"```sql\n(.*?)```", book, flags=re.S)[1]
    con = duckdb.connect(str(database_path(built_package)), read_only=True)
    assert con.execute(sql).fetchall() == []
    con.close()
    # the same check on a copy with one span shifted by a character finds exactly that statement
    copy = tmp_path / "shifted.duckdb"
    copy.write_bytes(database_path(built_package).read_bytes())
    con = duckdb.connect(str(copy))
    first = con.execute("SELECT min(statement_id) FROM statements").fetchone()[0]
    con.execute("UPDATE statements SET start = start + 1 WHERE statement_id = ?", [first])
    assert [r[0] for r in con.execute(sql).fetchall()] == [first]
    con.close()


def test_codebook_says_how_to_cite(built_package, book):
    version = json.loads((built_package / "datapackage.json").read_text())["version"]
    assert f"(Version {version}) [Data set]. Released {RELEASED}." in book.split("## How to cite", 1)[1]


def test_citation_cff_is_valid_yaml_with_the_version():
    descriptor = {
        "name": "tidynews",
        "title": 'tidynews: a "quoted" title',
        "version": "1.2.3",
        "contributors": [{"title": "tidynews developers"}],
        "licenses": [{"name": "CC-BY-4.0"}],
        "description": "Who said what: quotes.",
    }
    cff = yaml.safe_load(citation_cff(descriptor, RELEASED))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == "1.2.3" and cff["date-released"] == RELEASED
    assert cff["title"] == 'tidynews: a "quoted" title'
    assert cff["authors"] == [{"name": "tidynews developers"}] and cff["license"] == "CC-BY-4.0"


def test_readme_names_every_table(built_package):
    readme = release_readme(built_package, RELEASED)
    for name in TABLES:
        assert f"`{name}`" in readme


def test_release_readme_states_the_minimum_duckdb(built_package):
    assert "DuckDB 1.2.0 or later" in release_readme(built_package, "2026-01-01")
