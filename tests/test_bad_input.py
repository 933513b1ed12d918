"""Bad and awkward input: a clear error naming the file and what to do, no traceback, the last good package untouched.

Awkward-but-valid input (BOM, CRLF, straight or nested quotes, a title alone ...) builds a valid package.
Every build here runs through the CLI, as a user would; successful builds use --fast (Pandera only) to keep the
suite quick, except where Frictionless itself is the point.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidynews.cache import CACHE_DIR_NAME
from tidynews.cli import app
from tidynews.paths import SCHEMAS_DIR

runner = CliRunner()

# Small articles written for these tests.
PLAIN = (
    "Council opens new library in Millbrook\n\n"
    "The city council opened a new public library in Millbrook on Saturday.\n\n"
    "“Everyone deserves a quiet place to read,” Mayor Ana Ruiz said.\n"
)
NO_QUOTES_NO_NUMBERS = (
    "Gardeners gather for spring fair\n\n"
    "Gardeners from the valley gathered at the town hall on Saturday for the spring fair.\n\n"
    "Visitors bought seedlings and swapped advice about tomatoes.\n"
)
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 64


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def snapshot(package: Path) -> dict[str, str]:
    """sha256 of every file of a package, to show a failed run changed nothing (the extraction cache beside it is
    no part of the package: a failed build may still cache the articles it extracted)."""
    return {
        p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(package.rglob("*"))
        if p.is_file() and CACHE_DIR_NAME not in p.relative_to(package).parts
    }


@pytest.fixture
def good_package(built_package, tmp_path) -> Path:
    """The last good package: a copy of the fixture build that a bad build must leave as it is."""
    dst = tmp_path / "out"
    shutil.copytree(built_package, dst)
    return dst


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    write(folder, "library.txt", PLAIN)
    return folder


def build(seeds: Path, out: Path, *extra: str):
    return runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), *extra])


def assert_clean_failure(result, *expected: str) -> None:
    """Exit 1, a message holding every expected piece, and no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for piece in expected:
        assert piece in result.output, f"{piece!r} not in {result.output!r}"


def assert_fails_untouched(seeds: Path, package: Path, *expected: str) -> None:
    before = snapshot(package)
    result = build(seeds, package)
    assert_clean_failure(result, *expected)
    assert snapshot(package) == before
    assert not [p for p in package.iterdir() if p.name.startswith(".tidynews-") and p.name != CACHE_DIR_NAME]


def built_ok(seeds: Path, out: Path, *extra: str):
    result = build(seeds, out, "--fast", *extra)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def read_table(package: Path, table: str) -> list[dict]:
    with open(package / "datapackage" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- unreadable articles: the build fails, names the file and says what to do -------------------


def test_empty_file(seeds, good_package):
    write(seeds, "blank.txt", b"")
    assert_fails_untouched(seeds, good_package, "blank.txt", "[empty]", "is empty", "or remove it", "--skip-bad")


def test_whitespace_only_file(seeds, good_package):
    write(seeds, "spaces.txt", "  \n\t\n   \r\n")
    assert_fails_untouched(seeds, good_package, "spaces.txt", "only white space", "or remove it")


def test_binary_file(seeds, good_package):
    write(seeds, "photo.txt", PNG_BYTES)
    assert_fails_untouched(seeds, good_package, "photo.txt", "[binary]", "not a plain-text article")


def test_utf16_file_is_refused_with_the_fix(seeds, good_package):
    write(seeds, "wide.txt", "Headline\n\nBody text.\n".encode("utf-16"))
    assert_fails_untouched(seeds, good_package, "wide.txt", "UTF-16", "re-save it as UTF-8")


def test_too_large_article(seeds, good_package):
    # 50 MB in one line: refused before it is read, with the size and the remedy.
    write(seeds, "huge.txt", "Huge headline\n" + "The river rose again today. " * 1_800_000)
    assert (seeds / "huge.txt").stat().st_size > 50_000_000
    assert_fails_untouched(seeds, good_package, "huge.txt", "[too-large]", "one file per article")


def test_every_bad_file_is_reported_in_one_run(seeds, good_package):
    write(seeds, "a_empty.txt", b"")
    write(seeds, "b_photo.txt", PNG_BYTES)
    write(seeds, "c_spaces.txt", "   \n")
    before = snapshot(good_package)
    result = build(seeds, good_package)
    assert_clean_failure(result, "3 article file(s)", "a_empty.txt", "b_photo.txt", "c_spaces.txt")
    assert snapshot(good_package) == before


def test_skip_bad_records_skipped_files_and_frictionless_accepts_it(seeds, tmp_path):
    write(seeds, "a_empty.txt", b"")
    write(seeds, "b_photo.txt", PNG_BYTES)
    out = tmp_path / "pkg"
    result = build(seeds, out, "--skip-bad")  # full validation: Frictionless must accept "tidynews:skipped"
    assert result.exit_code == 0, result.output
    assert "skipped: a_empty.txt" in result.output and "skipped: b_photo.txt" in result.output
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    skipped = {s["file"]: s["rule"] for s in descriptor["tidynews:skipped"]}
    assert skipped == {"a_empty.txt": "empty", "b_photo.txt": "binary"}
    assert [a["article_id"] for a in read_table(out, "articles")] == ["library"]
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_extraction_error_in_one_article_is_reported_not_a_traceback(seeds, good_package, tmp_path, monkeypatch):
    import tidynews.engines

    write(seeds, "trouble.txt", "Trouble ahead\n\nA rule will fail on this article.\n")
    real = tidynews.engines.extract_article

    def failing(parsed):
        if parsed.article.article_id == "trouble":
            raise IndexError("list index out of range")
        return real(parsed)

    monkeypatch.setattr(tidynews.engines, "extract_article", failing)
    assert_fails_untouched(seeds, good_package, "trouble.txt", "[extract-error]", "IndexError", "--skip-bad")
    out = tmp_path / "skipping"
    built_ok(seeds, out, "--skip-bad")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in descriptor["tidynews:skipped"]] == ["trouble.txt"]
    assert [a["article_id"] for a in read_table(out, "articles")] == ["library"]


def test_seeds_folder_missing(tmp_path, good_package):
    assert_fails_untouched(tmp_path / "nowhere", good_package, "no seeds folder", "nowhere", "--seeds")


def test_seeds_folder_empty(tmp_path, good_package):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", "notes.md", "not an article")
    assert_fails_untouched(tmp_path / "empty", good_package, "no articles in", "holds no .txt files")


# --- awkward but valid articles: a valid package -----------------------------------------------


def test_windows_1252_is_decoded_with_a_warning(seeds, tmp_path):
    write(seeds, "cafe.txt", "Café owners protest\n\nThe café’s owners said “non” to the new rules.\n".encode("cp1252"))
    out = tmp_path / "pkg"
    result = built_ok(seeds, out)
    assert "warning: cafe.txt: not UTF-8; decoded as Windows-1252" in result.output
    row = next(a for a in read_table(out, "articles") if a["article_id"] == "cafe")
    assert row["encoding"] == "cp1252"
    assert row["title"] == "Café owners protest"
    assert "café’s owners" in row["text"]


def test_utf8_with_bom(seeds, tmp_path):
    write(seeds, "bom.txt", b"\xef\xbb\xbf" + PLAIN.replace("Millbrook", "Eastford").encode("utf-8"))
    out = tmp_path / "pkg"
    built_ok(seeds, out)
    row = next(a for a in read_table(out, "articles") if a["article_id"] == "bom")
    assert row["encoding"] == "utf-8-sig"
    assert row["title"] == "Council opens new library in Eastford"  # no BOM in the title or text
    assert not row["text"].startswith("\ufeff")


def test_crlf_line_endings(seeds, tmp_path):
    write(seeds, "crlf.txt", NO_QUOTES_NO_NUMBERS.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "pkg"
    built_ok(seeds, out)
    row = next(a for a in read_table(out, "articles") if a["article_id"] == "crlf")
    assert "\r" not in row["text"]
    assert row["title"] == "Gardeners gather for spring fair"


def test_long_single_line_article_is_cut_into_blocks(tmp_path, monkeypatch):
    import tidynews.articles

    # The cut-off is lowered so the test parses little; the rule is the same at 100,000 characters.
    monkeypatch.setattr(tidynews.articles, "MAX_BLOCK_CHARS", 300)
    folder = tmp_path / "seeds"
    sentence = "The harbour board met on Tuesday and “We will rebuild the pier,” chair Tom Hale said. "
    write(folder, "long.txt", "Harbour board meets\n" + sentence * 20)
    out = tmp_path / "pkg"
    built_ok(folder, out)
    statements = read_table(out, "statements")
    assert len(statements) == 20  # one per sentence: no sentence was cut in two
    assert {s["quote"] for s in statements} == {"We will rebuild the pier,"}


def test_no_quotes_and_no_numbers_gives_empty_tables(tmp_path):
    folder = tmp_path / "seeds"
    write(folder, "fair.txt", NO_QUOTES_NO_NUMBERS)
    out = tmp_path / "pkg"
    result = built_ok(folder, out)
    assert "statements 0" in result.output and "figures 0" in result.output
    assert read_table(out, "statements") == [] and read_table(out, "figures") == []
    assert len(read_table(out, "articles")) == 1


def test_unbalanced_quotation_marks(tmp_path):
    folder = tmp_path / "seeds"
    write(
        folder,
        "unbalanced.txt",
        "Ferry service cut\n\n“The ferry will stop in May, the operator said.\n\n"
        "Passengers were angry. “We were not told,” one commuter said.\n",
    )
    out = tmp_path / "pkg"
    built_ok(folder, out)
    quotes = [s["quote"] for s in read_table(out, "statements")]
    assert "We were not told," in quotes  # the balanced quote in the next paragraph is still found


def test_nested_quotes(tmp_path):
    folder = tmp_path / "seeds"
    write(
        folder,
        "nested.txt",
        "Teacher recalls advice\n\n“My mother told me ‘never give up’ and I listened,” the teacher said.\n",
    )
    out = tmp_path / "pkg"
    built_ok(folder, out)
    quotes = [s["quote"] for s in read_table(out, "statements")]
    assert quotes == ["My mother told me ‘never give up’ and I listened,"]


def test_straight_quotes(tmp_path):
    folder = tmp_path / "seeds"
    write(folder, "straight.txt", 'Bridge reopens\n\n"The bridge is safe again," the engineer said.\n')
    out = tmp_path / "pkg"
    built_ok(folder, out)
    assert [s["quote"] for s in read_table(out, "statements")] == ["The bridge is safe again,"]


def test_title_only_article(tmp_path):
    folder = tmp_path / "seeds"
    write(folder, "title_only.txt", "Storm warning for the coast\n")
    out = tmp_path / "pkg"
    built_ok(folder, out)
    (row,) = read_table(out, "articles")
    assert row["title"] == "Storm warning for the coast"
    assert read_table(out, "statements") == [] and read_table(out, "figures") == []


def test_same_article_under_two_names_is_kept_once_with_a_warning(seeds, tmp_path):
    write(seeds, "library_copy.txt", PLAIN)
    out = tmp_path / "pkg"
    result = built_ok(seeds, out)
    assert "warning: library_copy.txt: same text as library.txt" in result.output
    assert [a["article_id"] for a in read_table(out, "articles")] == ["library"]


def test_same_name_in_different_case(seeds, tmp_path):
    other = write(seeds, "LIBRARY.txt", NO_QUOTES_NO_NUMBERS)
    if not (seeds / "library.txt").exists() or not other.exists() or len(list(seeds.iterdir())) < 2:
        pytest.skip("case-insensitive file system: the two names are one file")
    out = tmp_path / "pkg"
    result = built_ok(seeds, out)
    assert "library.txt: name differs from LIBRARY.txt only in case" in result.output
    assert sorted(a["article_id"] for a in read_table(out, "articles")) == ["LIBRARY", "library"]


def test_file_name_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "seeds"
    write(folder, "Zürich flood report.txt", NO_QUOTES_NO_NUMBERS)
    out = tmp_path / "pkg"
    built_ok(folder, out)
    result = runner.invoke(
        app, ["query", "--package", str(out), "--format", "csv", "select article_id, source_file from articles"]
    )
    assert result.output == "article_id,source_file\nZürich flood report,Zürich flood report.txt\n"


def test_same_name_in_two_unicode_forms_is_refused(tmp_path, good_package):
    folder = tmp_path / "seeds"
    write(folder, unicodedata.normalize("NFC", "café.txt"), PLAIN)
    write(folder, unicodedata.normalize("NFD", "café.txt"), NO_QUOTES_NO_NUMBERS)
    if len(list(folder.iterdir())) < 2:
        pytest.skip("the file system normalises names: the two are one file")
    assert_fails_untouched(folder, good_package, "[duplicate-id]", "rename one of them")


def test_quote_starting_with_formula_characters_is_kept_verbatim(tmp_path):
    # CSV injection: the data is not altered (offsets must match the text); README says how to open it safely.
    folder = tmp_path / "seeds"
    write(
        folder,
        "formula.txt",
        "Clerk explains the budget sheet\n\n"
        "“=SUM(A1:A9) is how the total was made,” the clerk said.\n\n"
        "“+1 for the new plan,” the mayor said.\n\n"
        "“-5 degrees is too cold for the market,” the trader said.\n\n"
        "“@council please answer,” the resident said.\n",
    )
    out = tmp_path / "pkg"
    built_ok(folder, out)
    quotes = {s["quote"] for s in read_table(out, "statements")}
    assert quotes == {
        "=SUM(A1:A9) is how the total was made,",
        "+1 for the new plan,",
        "-5 degrees is too cold for the market,",
        "@council please answer,",
    }


# --- broken schemas --------------------------------------------------------------------------------


def test_schema_that_is_not_json_fails_the_build(seeds, good_package, tmp_path, monkeypatch):
    import tidynews.engines

    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, schemas)
    (schemas / "figures.json").write_text('{"fields": [', encoding="utf-8")
    monkeypatch.setattr(tidynews.build, "SCHEMAS_DIR", schemas)
    assert_fails_untouched(seeds, good_package, "schemas/figures.json", "[schema-json]", "line 1")


def test_schema_that_is_not_json_fails_validate(package_copy):
    (package_copy / "schemas" / "statements.json").write_text("{'fields': []}", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(package_copy)])
    assert_clean_failure(result, "schemas/statements.json: [schema-json] line 1 column 2", "fix")


def test_schema_that_removes_a_field(seeds, good_package, tmp_path, monkeypatch, package_copy):
    import tidynews.build

    # The code still makes the field: the build stops, naming it, instead of silently dropping the column.
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, schemas)
    figures = json.loads((schemas / "figures.json").read_text(encoding="utf-8"))
    figures["fields"] = [f for f in figures["fields"] if f["name"] != "event"]
    (schemas / "figures.json").write_text(json.dumps(figures), encoding="utf-8")
    monkeypatch.setattr(tidynews.build, "SCHEMAS_DIR", schemas)
    assert_fails_untouched(
        seeds, good_package, "table figures, column event: [schema-fields]", "the rows have 'event', which the schema"
    )
    # An old package checked against the new schema: the column it still has is named.
    shutil.copy(schemas / "figures.json", package_copy / "schemas" / "figures.json")
    result = runner.invoke(app, ["validate", "--fast", str(package_copy)])
    assert_clean_failure(result, "datapackage/figures.csv, table figures, column event: [extra-column]")


def test_schema_that_renames_an_optional_field_fails_the_build(seeds, good_package, tmp_path, monkeypatch):
    import tidynews.build

    # Renaming `addressee` (optional, often empty) used to give a valid package with an empty column.
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, schemas)
    statements = json.loads((schemas / "statements.json").read_text(encoding="utf-8"))
    for f in statements["fields"]:
        if f["name"] == "addressee":
            f["name"] = "addressee_name"
    (schemas / "statements.json").write_text(json.dumps(statements), encoding="utf-8")
    monkeypatch.setattr(tidynews.build, "SCHEMAS_DIR", schemas)
    assert_fails_untouched(
        seeds,
        good_package,
        "table statements, column addressee_name: [schema-fields]",
        "defines 'addressee_name', which no row has",
        "the rows have 'addressee'",
    )


# --- a hand-edited package: `tidynews validate` names file, table, row and column ------------------


def edit_cell(package: Path, table: str, row_index: int, column: str, value: str) -> None:
    path = package / "datapackage" / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[row_index][column] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("table", "column", "value", "expected"),
    [
        ("figures", "qualifier", "roughly", "datapackage/figures.csv, table figures, row 3, column qualifier"),
        (
            "actor_mentions",
            "actor_id",
            "nobody-at-all",
            "datapackage/actor_mentions.csv, table actor_mentions, row 3, column actor_id: [foreign-key]",
        ),
        ("statements", "start", "0", "datapackage/statements.csv, table statements, row 3, column quote: [span-text]"),
    ],
    ids=["bad-cell", "broken-foreign-key", "span-no-longer-matches"],
)
def test_hand_edited_csv_is_caught_by_validate(package_copy, table, column, value, expected):
    edit_cell(package_copy, table, 1, column, value)
    result = runner.invoke(app, ["validate", "--fast", str(package_copy)])
    assert_clean_failure(result, expected, "Fix the cells listed")


def test_csv_with_broken_quoting_is_a_problem_not_a_traceback(package_copy):
    path = package_copy / "datapackage" / "statements.csv"
    path.write_text(path.read_text(encoding="utf-8") + '"unclosed,quote\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "--fast", str(package_copy)])
    assert_clean_failure(result, "datapackage/statements.csv, table statements: [csv-parse]", "tidynews build")
