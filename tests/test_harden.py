"""Hardening (issue 9): what a hostile or careless input must not do, each found by trying to break tidynews.

Every test here failed on the code before the fix it names."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidynews.cli import app

runner = CliRunner()


# --- item 5: a query reads the package and nothing else ------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "COPY articles TO '{tmp}/leak.csv'",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "INSTALL httpfs",
        "SET enable_external_access = true",
        "ATTACH '{tmp}/other.duckdb' AS other",
    ],
)
def test_query_cannot_read_write_or_download_outside_the_package(built_package, tmp_path, sql):
    result = runner.invoke(app, ["query", "--package", str(built_package), sql.format(tmp=tmp_path)])
    assert result.exit_code == 1, result.output
    assert "query failed" in result.output
    assert "root:" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "leak.csv").exists()


def test_query_of_nothing_is_a_message(built_package):
    for sql in ("", "   ", "/* only a comment */"):
        result = runner.invoke(app, ["query", "--package", str(built_package), sql])
        assert result.exit_code == 1, (sql, result.output)
        assert "no SQL" in result.output or "query failed" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# --- item 12: query and validate use the package in the current folder ---------------------------------------


def test_query_and_validate_default_to_the_current_folder(built_package, monkeypatch):
    monkeypatch.chdir(built_package)
    result = runner.invoke(app, ["query", "--format", "csv", "select article_id from articles order by 1"])
    assert result.exit_code == 0, result.output
    assert result.output == "article_id\nflood_relief\nharbour_strike\n"
    result = runner.invoke(app, ["validate", "--fast"])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_query_outside_a_package_says_there_is_none(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["query", "select 1"])
    assert result.exit_code == 1
    assert "no package" in result.output and str(tmp_path) in result.output


# --- item 15: messages -----------------------------------------------------------------------------------


def test_file_names_are_not_rendered_as_emoji(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a:x:b.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "a:x:b.txt" in result.output, result.output


def test_validate_of_a_missing_folder_says_there_is_no_package(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nonexistent")])
    assert result.exit_code == 1
    assert "no package" in result.output and "nonexistent" in result.output
    assert "schema" not in result.output


# --- item 4: validate, diff and publish read only files inside the package ---------------------------------------


def edit_descriptor(package: Path, edit) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def set_resource(table: str, key: str, value):
    def edit(descriptor):
        next(r for r in descriptor["resources"] if r["name"] == table)[key] = value

    return edit


HOSTILE_REFS = [
    ("path", "/etc/passwd"),
    ("path", "../../../../../../etc/passwd"),
    ("path", "http://127.0.0.1:9/statements.csv"),
    ("path", "file:///etc/passwd"),
    ("schema", "/etc/passwd"),
    ("schema", "../../../../../../etc/passwd"),
]


@pytest.mark.parametrize("key,ref", HOSTILE_REFS)
def test_validate_refuses_paths_outside_the_package(package_copy, key, ref):
    edit_descriptor(package_copy, set_resource("statements", key, ref))
    for extra in ([], ["--fast"]):
        result = runner.invoke(app, ["validate", str(package_copy), *extra])
        assert result.exit_code == 1, result.output
        assert "unsafe-path" in result.output and "statements" in result.output
        assert "root:" not in result.output and "Traceback" not in result.output


def test_validate_refuses_a_table_that_links_outside_the_package(package_copy):
    csv = package_copy / "datapackage" / "statements.csv"
    csv.unlink()
    csv.symlink_to("/etc/passwd")
    result = runner.invoke(app, ["validate", str(package_copy), "--fast"])
    assert result.exit_code == 1
    assert "unsafe-path" in result.output and "outside the package" in result.output
    assert "root:" not in result.output


@pytest.mark.parametrize("key,ref", HOSTILE_REFS)
def test_diff_refuses_paths_outside_the_package(built_package, package_copy, key, ref):
    edit_descriptor(package_copy, set_resource("statements", key, ref))
    result = runner.invoke(app, ["diff", str(built_package), str(package_copy)])
    assert result.exit_code == 1, result.output
    assert "refused" in result.output or "not a" in result.output
    assert "root:" not in result.output and "Traceback" not in result.output


def test_diff_refuses_a_table_that_links_outside_the_package(built_package, package_copy):
    csv = package_copy / "datapackage" / "statements.csv"
    csv.unlink()
    csv.symlink_to("/etc/passwd")
    result = runner.invoke(app, ["diff", str(built_package), str(package_copy)])
    assert result.exit_code == 1
    assert "outside the package" in result.output and "root:" not in result.output


# --- item 7 (descriptor part) and item 14: a missing or broken descriptor is a message ---------------------------


@pytest.mark.parametrize("content", [None, "not json {", "[1, 2]", '{"name": "tidynews", "resources": 5}'])
def test_validate_fast_requires_a_usable_descriptor(package_copy, content):
    if content is None:
        (package_copy / "datapackage.json").unlink()
    else:
        (package_copy / "datapackage.json").write_text(content, encoding="utf-8")
    for extra in (["--fast"], []):
        result = runner.invoke(app, ["validate", str(package_copy), *extra])
        assert result.exit_code == 1, result.output
        assert "datapackage.json" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize("content", ["not json {", "[1, 2]", '{"resources": 5}', '{"resources": [{"path": 3}]}'])
def test_diff_of_a_malformed_descriptor_is_a_message(built_package, package_copy, content):
    (package_copy / "datapackage.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(built_package), str(package_copy)])
    assert result.exit_code == 1, result.output
    assert "datapackage.json" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_diff_of_a_csv_that_is_not_utf8_is_a_message(built_package, package_copy):
    csv = package_copy / "datapackage" / "statements.csv"
    csv.write_bytes(csv.read_bytes() + "caf\u00e9\n".encode("cp1252"))
    result = runner.invoke(app, ["diff", str(built_package), str(package_copy)])
    assert result.exit_code == 1, result.output
    assert "statements.csv" in result.output and "UTF-8" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_validate_accepts_the_descriptor_file_and_a_zip(built_package, tmp_path):
    result = runner.invoke(app, ["validate", "--fast", str(built_package / "datapackage.json")])
    assert result.exit_code == 0, result.output
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for p in sorted(built_package.rglob("*")):
            if p.is_file():
                zf.write(p, f"pkg-1/{p.relative_to(built_package).as_posix()}")
    result = runner.invoke(app, ["validate", "--fast", str(archive)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


# --- item 6: a zip bomb is refused, not unpacked --------------------------------------------------------------


def test_diff_and_validate_refuse_a_zip_that_unpacks_past_the_limit(built_package, tmp_path, monkeypatch):
    from tidynews import guard

    monkeypatch.setattr(guard, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(built_package.rglob("*")):
            if p.is_file() and p.name not in {"statements.csv", "tidynews.duckdb"}:
                zf.write(p, f"pkg/{p.relative_to(built_package).as_posix()}")
        zf.writestr("pkg/datapackage/statements.csv", b"0" * 3_000_000)  # 3 MB of zeros: a few kB zipped
    assert bomb.stat().st_size < 200_000
    for args in (["diff", str(built_package), str(bomb)], ["validate", "--fast", str(bomb)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "zip bomb" in result.output and "statements.csv" in result.output


# --- item 10: names and data cannot write Markdown structure into generated files ---------------------------------

FAKE = "x\n\n## 9.9.9 (2030-01-01)\n\nRetracted: all data is fake `|` <b>"


def test_a_file_name_with_a_newline_writes_no_heading_into_the_changelog():
    from tidynews.diff import PackageDiff, TableDiff
    from tidynews.release import changelog_entry

    table = TableDiff("articles", added=[FAKE], removed=[], changed=[(FAKE + "/s001", {"quote": ("a", "b")})])
    entry = changelog_entry("0.2.0", "2026-01-02", "minor", PackageDiff("0.1.0", "0.2.0", [table]), {}, False)
    assert [line for line in entry.splitlines() if line.startswith("#")] == ["## 0.2.0 (2026-01-02)"]
    assert "Retracted" in entry  # shown, as text inside a code span
    assert all("\n" not in line for line in entry.splitlines())


def test_data_in_the_codebook_stays_inside_its_cell(package_copy):
    import csv as csvmod

    from tidynews.codebook import codebook

    path = package_copy / "datapackage" / "articles.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csvmod.DictReader(f))
    rows.sort(key=lambda r: r["article_id"])
    rows[0]["title"] = FAKE
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csvmod.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    book = codebook(package_copy, "2026-01-01")
    assert not [line for line in book.splitlines() if line.startswith("## 9.9.9")]
    title_row = next(line for line in book.splitlines() if line.startswith("| `title` |"))
    assert "Retracted" in title_row and title_row.count(" | ") == 4  # five cells: the pipe in the data is escaped


def test_markdown_helpers():
    from tidynews.markdown import md_code, md_text

    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"
    assert md_code("a|b", in_table=True) == "`a\\|b`"
    assert md_text("# x\n*y*") == "\\# x\\n\\*y\\*"
