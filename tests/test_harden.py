"""Hardening (issue 9): what a hostile or careless input must not do, each found by trying to break tidynews.

Every test here failed on the code before the fix it names."""

from __future__ import annotations

import json
import shutil
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
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()  # a database the query could attach if it were allowed
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


# --- item 3 and item 14: links in the seeds folder -------------------------------------------------------------

ARTICLE = "Port reopens after storm\n\nThe harbour reopened on Monday, the port authority said.\n"


def build_cli(seeds: Path, out: Path, *extra: str):
    return runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--fast", *extra])


@pytest.fixture
def link_seeds(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    secret = tmp_path / "private"
    secret.mkdir()
    (secret / "credentials.txt").write_text("aws_secret_access_key = hunter2\n", encoding="utf-8")
    return seeds


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_links_out_of_the_seeds_folder_are_refused(link_seeds, tmp_path, kind):
    secret = tmp_path / "private"
    if kind == "file":
        (link_seeds / "passwd.txt").symlink_to(secret / "credentials.txt")
    else:
        (link_seeds / "more").symlink_to(secret, target_is_directory=True)
    result = build_cli(link_seeds, tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "[outside-seeds]" in result.output
    assert "hunter2" not in result.output
    result = build_cli(link_seeds, tmp_path / "out2", "--skip-bad")
    assert result.exit_code == 0, result.output
    texts = (tmp_path / "out2" / "datapackage" / "articles.csv").read_text(encoding="utf-8")
    assert "hunter2" not in texts and "harbour reopened" in texts


def test_a_dangling_link_is_reported_before_extraction(link_seeds, tmp_path, monkeypatch):
    (link_seeds / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = build_cli(link_seeds, tmp_path / "out")
    assert result.exit_code == 1
    assert "[broken-link]" in result.output and "gone.txt" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_a_link_inside_the_seeds_folder_is_read(link_seeds, tmp_path):
    (link_seeds / "sub").mkdir()
    (link_seeds / "sub" / "again.txt").symlink_to(link_seeds / "port.txt")
    result = build_cli(link_seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output  # the same text twice: kept once, with a warning
    assert "same text" in result.output


# --- item 15: encodings ---------------------------------------------------------------------------------


def test_utf16_without_bom_is_called_utf16_not_binary():
    from tidynews.articles import decode_article
    from tidynews.errors import BadArticleError

    for codec in ("utf-16-le", "utf-16-be"):
        with pytest.raises(BadArticleError) as exc:
            decode_article(ARTICLE.encode(codec), "a.txt")
        assert exc.value.problems[0].rule == "encoding"
        assert "UTF-16" in exc.value.problems[0].message


def test_a_file_mixing_utf8_and_cp1252_is_refused_not_garbled():
    from tidynews.articles import decode_article
    from tidynews.errors import BadArticleError

    data = "Caf\u00e9 owners met.\n".encode() + "The na\u00efve plan failed.\n".encode("cp1252")
    with pytest.raises(BadArticleError) as exc:
        decode_article(data, "mixed.txt")
    problem = exc.value.problems[0]
    assert problem.rule == "encoding" and "mixes UTF-8 and Windows-1252" in problem.message
    # plain Windows-1252 is still read, with its warning
    assert decode_article("The na\u00efve plan failed.\n".encode("cp1252"), "a.txt") == (
        "The na\u00efve plan failed.\n",
        "cp1252",
    )


# --- item 1: never overwrite a user's files -------------------------------------------------------------------


@pytest.mark.parametrize(
    "mine",
    [
        "notes.md",  # a folder of the user's own files
        "schemas/my_db_schema.sql",
        "datapackage/notes.md",
    ],
)
def test_build_refuses_a_folder_with_files_it_did_not_write(link_seeds, built_package, tmp_path, mine):
    out = tmp_path / "out"
    if "/" in mine:
        shutil.copytree(built_package, out)  # a tidynews package, with a file of the user's inside
    (out / mine).parent.mkdir(parents=True, exist_ok=True)
    (out / mine).write_text("my own work\n", encoding="utf-8")
    result = build_cli(link_seeds, out)
    assert result.exit_code == 1, result.output
    assert str(out) in result.output and Path(mine).name in result.output and "--force" in result.output
    assert (out / mine).read_text(encoding="utf-8") == "my own work\n"
    result = build_cli(link_seeds, out, "--force")
    assert result.exit_code == 0, result.output


def test_build_refuses_someone_elses_datapackage(link_seeds, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "datapackage.json").write_text('{"name": "my-survey", "resources": []}', encoding="utf-8")
    result = build_cli(link_seeds, out)
    assert result.exit_code == 1 and "datapackage.json" in result.output
    assert json.loads((out / "datapackage.json").read_text())["name"] == "my-survey"


def test_build_into_its_own_package_again_is_allowed(link_seeds, tmp_path):
    out = tmp_path / "out"
    assert build_cli(link_seeds, out).exit_code == 0
    result = build_cli(link_seeds, out)
    assert result.exit_code == 0, result.output


# --- item 2: build's default output is not the release --------------------------------------------------------


def test_build_without_out_does_not_write_the_release(link_seeds, tmp_path, monkeypatch):
    from tidynews.paths import REPO_ROOT

    monkeypatch.chdir(tmp_path)
    before = (REPO_ROOT / "datapackage.json").stat().st_mtime_ns
    result = runner.invoke(app, ["build", "--seeds", str(link_seeds), "--fast"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "package" / "datapackage.json").exists()
    assert (REPO_ROOT / "datapackage.json").stat().st_mtime_ns == before


def test_make_build_does_not_publish():
    from tidynews.paths import REPO_ROOT

    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\nbuild:", 1)[1].split()[0]  # the file `make build` makes
    rule = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
    recipe = [line for line in rule.splitlines()[1:] if line.startswith("\t")]
    assert recipe and all("publish" not in line for line in recipe), rule
    assert any("tidynews build" in line for line in recipe), rule


# --- item 14: messages, not tracebacks ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["notanumber", "99999999999999999999", "-5"])
def test_a_bad_source_date_epoch_is_a_message_before_extraction(link_seeds, tmp_path, monkeypatch, value):
    from tidynews import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    monkeypatch.setattr(build, "extract_all", lambda *a, **k: pytest.fail("extraction ran"))
    result = build_cli(link_seeds, tmp_path / "out")
    assert result.exit_code == 1
    assert "SOURCE_DATE_EPOCH" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_an_unwritable_out_is_a_message_before_extraction(link_seeds, tmp_path, monkeypatch):
    """Tests run as root, which writes anywhere: the read-only folder is simulated where the folder is made."""
    import tempfile

    from tidynews import build

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "ro"))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    monkeypatch.setattr(build, "extract_all", lambda *a, **k: pytest.fail("extraction ran"))
    result = build_cli(link_seeds, tmp_path / "ro")
    assert result.exit_code == 1
    assert "cannot write into" in result.output and "Permission denied" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_a_full_disk_is_a_message_and_the_old_package_stays(link_seeds, tmp_path, monkeypatch):
    import errno

    from tidynews import build

    out = tmp_path / "out"
    assert build_cli(link_seeds, out).exit_code == 0
    before = (out / "datapackage" / "articles.csv").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out))

    monkeypatch.setattr(build, "write_csv", full)
    result = build_cli(link_seeds, out)
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert (out / "datapackage" / "articles.csv").read_bytes() == before
    assert not list(out.glob(".tidynews-build-*"))


# --- item 7: validate checks what a release holds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def release_folder(tmp_path_factory, articles_dir) -> Path:
    """A release (zip unpacked): CSVs, database, Parquet copies and SHA256SUMS."""
    from tidynews.guard import extract_package_zip
    from tidynews.release import publish

    base = tmp_path_factory.mktemp("rel")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        result = publish(articles_dir, base / "root", base / "dist")
    return extract_package_zip(result.zip_path, base / "unzipped")


@pytest.fixture
def release_copy(release_folder, tmp_path) -> Path:
    dst = tmp_path / "rel"
    shutil.copytree(release_folder, dst)
    return dst


def test_a_valid_release_folder_is_valid(release_folder):
    result = runner.invoke(app, ["validate", "--fast", str(release_folder)])
    assert result.exit_code == 0, result.output


def test_a_quote_rewritten_in_the_database_is_caught(release_copy):
    import duckdb

    con = duckdb.connect(str(release_copy / "datapackage" / "tidynews.duckdb"))
    con.execute(
        "UPDATE statements SET quote = 'we never said that' "
        "WHERE statement_id = (SELECT min(statement_id) FROM statements)"
    )
    con.close()
    result = runner.invoke(app, ["validate", "--fast", str(release_copy)])
    assert result.exit_code == 1
    assert "copy-mismatch" in result.output and "statements" in result.output


def test_a_view_reading_a_file_outside_the_package_is_caught(release_copy):
    import duckdb

    con = duckdb.connect(str(release_copy / "datapackage" / "tidynews.duckdb"))
    con.execute("CREATE OR REPLACE VIEW figures_with_article AS SELECT * FROM read_text('/etc/hostname')")
    con.close()
    result = runner.invoke(app, ["validate", "--fast", str(release_copy)])
    assert result.exit_code == 1
    assert "database-view" in result.output and "figures_with_article" in result.output


def test_a_changed_parquet_copy_is_caught(release_copy):
    import pyarrow.parquet as pq

    path = release_copy / "parquet" / "figures.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(0, max(table.num_rows - 1, 0)), path)
    result = runner.invoke(app, ["validate", "--fast", str(release_copy)])
    assert result.exit_code == 1
    assert "copy-mismatch" in result.output and "figures.parquet" in result.output


def test_a_file_that_does_not_match_sha256sums_is_caught(release_copy):
    readme = release_copy / "README.md"
    readme.write_text(readme.read_text() + "\nAll data is fake.\n")
    result = runner.invoke(app, ["validate", "--fast", str(release_copy)])
    assert result.exit_code == 1
    assert "README.md does not match its SHA-256" in result.output
