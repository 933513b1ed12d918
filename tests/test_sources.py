"""Every input form builds a valid package with the article metadata in `articles`: a .txt folder with sidecars, a
.txt folder with one metadata CSV, a CSV corpus (the Reuters-style export, no options), a JSONL corpus (columns
named by options), a Parquet corpus and a folder of saved web pages. Bad metadata gives one clear error naming the
file or row and the field, and writes nothing. All texts are written for these tests."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidynews.build import build_package
from tidynews.cli import app
from tidynews.errors import BadArticleError
from tidynews.metadata import METADATA_FIELDS, check_url, normalise_published
from tidynews.schemas import load_schemas
from tidynews.sources import read_sources

runner = CliRunner()

FERRY = (
    "Island council adds late ferry\n\n"
    "The island council on Tuesday added a late ferry to the winter timetable, council leader Hana Berg said.\n\n"
    "\u201cPeople who work in town can finally get home after a late shift,\u201d Berg told the council meeting.\n"
)
LIBRARY = (
    "Library reopens after flood repairs\n\n"
    "The central library reopened on Saturday after repairs that cost 1.2 million dollars, the city said.\n"
)
MARKET = (
    "Night market returns to the old square\n\n"
    "The night market will return in June with 80 stalls, its organisers said.\n"
)


def articles_rows(package: Path) -> dict[str, dict[str, str]]:
    with open(package / "datapackage" / "articles.csv", encoding="utf-8", newline="") as f:
        return {row["article_id"]: row for row in csv.DictReader(f)}


def table_rows(package: Path, table: str) -> list[dict[str, str]]:
    with open(package / "datapackage" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assert_spans_index_articles_text(package: Path) -> None:
    texts = {aid: row["text"] for aid, row in articles_rows(package).items()}
    for row in table_rows(package, "statements"):
        assert texts[row["article_id"]][int(row["start"]) : int(row["end"])] == row["quote"]
    for row in table_rows(package, "figures"):
        assert texts[row["article_id"]][int(row["start"]) : int(row["end"])] == row["text"]


# --- the metadata fields ------------------------------------------------------------------------------------------


def test_metadata_fields_are_articles_fields_in_the_schema():
    names = load_schemas()["articles"].field_names
    assert all(name in names for name in METADATA_FIELDS)
    assert "text_sha256" in names


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("November 2, 2017 ", "2017-11-02"),
        ("Nov 2, 2017", "2017-11-02"),
        ("2 November 2017", "2017-11-02"),
        ("19-Feb-18", "2018-02-19"),
        ("2017-11-02", "2017-11-02"),
        ("2024-01-05T10:00:00Z", "2024-01-05T10:00:00+00:00"),
        ("2024-01-05 10:00:00-05:00", "2024-01-05T10:00:00-05:00"),
    ],
)
def test_publication_dates_become_iso_8601(given, iso):
    assert normalise_published(given) == iso


@pytest.mark.parametrize("bad", ["02/11/2017", "yesterday", "2017-13-40", "November 31, 2017", "https://x.org/a"])
def test_ambiguous_or_impossible_dates_are_refused(bad):
    with pytest.raises(ValueError):
        normalise_published(bad)


@pytest.mark.parametrize("bad", ["www.example.org/a", "ftp://example.org/a", "https://", "https://ex ample.org"])
def test_urls_must_be_absolute_http(bad):
    with pytest.raises(ValueError):
        check_url(bad)


# --- a folder of .txt files -------------------------------------------------------------------------------------


def test_txt_folder_with_sidecars(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds / "ferry.txt", FERRY)
    write(
        seeds / "ferry.json",
        json.dumps(
            {
                "published": "2026-01-13",
                "outlet": "Island Herald",
                "url": "https://herald.example.org/ferry",
                "authors": ["Jo Lind", "Sam Ek"],
                "language": "en",
            }
        ),
    )
    write(seeds / "library.txt", LIBRARY)
    write(
        seeds / "library.yaml",
        "published: 2026-01-17T09:30:00+01:00\noutlet: City Post\nlicence: CC-BY-4.0\nauthors: Ria Holm\n",
    )
    write(seeds / "market.txt", MARKET)  # no sidecar: empty metadata
    out = tmp_path / "pkg"
    build_package(seeds, out)
    rows = articles_rows(out)
    ferry, library, market = rows["ferry"], rows["library"], rows["market"]
    assert (ferry["published"], ferry["outlet"], ferry["url"]) == (
        "2026-01-13",
        "Island Herald",
        "https://herald.example.org/ferry",
    )
    assert (ferry["authors"], ferry["language"], ferry["licence"]) == ("Jo Lind; Sam Ek", "en", "")
    assert (library["published"], library["outlet"], library["licence"], library["authors"]) == (
        "2026-01-17T09:30:00+01:00",
        "City Post",
        "CC-BY-4.0",
        "Ria Holm",
    )
    assert all(market[name] == "" for name in METADATA_FIELDS)
    assert ferry["text_sha256"] == hashlib.sha256(FERRY.encode("utf-8")).hexdigest()
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    ferry_source = next(s for s in descriptor["sources"] if s["title"] == "Island council adds late ferry")
    assert ferry_source["path"] == "https://herald.example.org/ferry"
    assert (ferry_source["outlet"], ferry_source["published"]) == ("Island Herald", "2026-01-13")
    provenance = descriptor["tidynews:provenance"]
    assert provenance["spacy"]["version"] and provenance["spacy"]["model"]
    assert provenance["extraction_quality"]["tables"]
    assert_spans_index_articles_text(out)


def test_txt_folder_with_one_metadata_csv(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds / "ferry.txt", FERRY)
    write(seeds / "more" / "library.txt", LIBRARY)
    write(
        seeds / "metadata.csv",
        "file,published,outlet,url\n"
        "ferry.txt,13 January 2026,Island Herald,https://herald.example.org/ferry\n"
        "more/library.txt,2026-01-17,City Post,\n",
    )
    out = tmp_path / "pkg"
    build_package(seeds, out)
    rows = articles_rows(out)
    assert (rows["ferry"]["published"], rows["ferry"]["outlet"]) == ("2026-01-13", "Island Herald")
    assert (rows["more/library"]["published"], rows["more/library"]["url"]) == ("2026-01-17", "")


# --- corpus files ---------------------------------------------------------------------------------------------------

REUTERS_STYLE = (
    "title,text,subject,date\n"
    '"Island council adds late ferry","HARBOURTOWN (Reuters) - The island council on Tuesday added a late ferry to '
    "the winter timetable, council leader Hana Berg said.\n"
    '""People who work in town can finally get home after a late shift,"" Berg told the council meeting.",'
    'politicsNews,"January 13, 2026 "\n'
    '"Library reopens after flood repairs","The central library reopened on Saturday after repairs that cost 1.2 '
    'million dollars, the city said.",politicsNews,"January 17, 2026"\n'
)


def test_reuters_style_csv_builds_with_seeds_alone(tmp_path):
    corpus = write(tmp_path / "export.csv", REUTERS_STYLE)
    out = tmp_path / "pkg"
    result = runner.invoke(app, ["build", "--seeds", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "columns not used: subject" in result.output
    rows = articles_rows(out)
    assert sorted(rows) == ["export/1", "export/2"]
    first = rows["export/1"]
    assert first["published"] == "2026-01-13"
    assert first["title"] == "Island council adds late ferry"
    assert first["text"].startswith("Island council adds late ferry\n\nHARBOURTOWN (Reuters) - The island council")
    assert first["source_file"] == "export.csv#row=1"
    assert rows["export/2"]["published"] == "2026-01-17"
    statements = table_rows(out, "statements")
    assert any(s["quote"].startswith("People who work in town") for s in statements)
    assert_spans_index_articles_text(out)
    # the dates answer a question by week: both articles are in the week of Monday 12 January 2026
    result = runner.invoke(
        app, ["query", "--package", str(out), "--format", "csv", "SELECT week, statements FROM statements_by_week"]
    )
    assert result.output.splitlines()[1].startswith("2026-01-12,")


def test_jsonl_corpus_with_column_options(tmp_path):
    records = [
        {"key": "f-1", "headline": "Island council adds late ferry", "body": FERRY.split("\n\n", 1)[1],
         "pubdate": "2026-01-13T18:05:00Z", "site": "Island Herald", "link": "https://herald.example.org/ferry",
         "author": "Jo Lind"},
        {"key": "l-2", "headline": "Library reopens after flood repairs", "body": LIBRARY.split("\n\n", 1)[1],
         "pubdate": "2026-01-17", "site": "City Post", "link": None, "author": None},
    ]  # fmt: skip
    corpus = write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "pkg"
    args = ["build", "--seeds", str(corpus), "--out", str(out), "--id-column", "key", "--text-column", "body"]
    args += ["--title-column", "headline", "--date-column", "pubdate", "--outlet-column", "site"]
    args += ["--url-column", "link"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = articles_rows(out)
    assert sorted(rows) == ["f-1", "l-2"]
    assert (rows["f-1"]["published"], rows["f-1"]["outlet"], rows["f-1"]["url"], rows["f-1"]["authors"]) == (
        "2026-01-13T18:05:00+00:00",
        "Island Herald",
        "https://herald.example.org/ferry",
        "Jo Lind",  # from `author`, the alias of the default `authors`
    )
    assert rows["l-2"]["text"] == LIBRARY.rstrip("\n")
    assert_spans_index_articles_text(out)


def test_parquet_corpus_is_read_in_batches(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 2500  # more than two batches
    table = pa.table(
        {
            "id": [f"p{i}" for i in range(n)],
            "title": [f"Notice {i}" for i in range(n)],
            "text": [f"The harbour office posted notice number {i} on the board." for i in range(n)],
            "date": ["2026-02-0" + str(1 + i % 9) for i in range(n)],
        }
    )
    pq.write_table(table, tmp_path / "notices.parquet")
    read = read_sources(tmp_path / "notices.parquet")
    assert len(read.articles) == n
    last = read.articles[-1]
    assert (last.article_id, last.published, last.source_file) == ("p2499", "2026-02-07", "notices.parquet#row=2500")
    assert last.text == "Notice 2499\n\nThe harbour office posted notice number 2499 on the board."


# --- saved web pages ------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Island council adds late ferry | Island Herald</title>
<link rel="canonical" href="https://herald.example.org/news/late-ferry">
<meta property="og:site_name" content="Island Herald">
<meta property="og:title" content="Island council adds late ferry">
<meta name="author" content="Jo Lind">
<meta property="article:published_time" content="2026-01-13T17:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<div class="advert">Advertisement: boat insurance at half price this week only</div>
<article><h1>Island council adds late ferry</h1>
<p>The island council on Tuesday added a late ferry to the winter timetable, council leader Hana Berg said.</p>
<p>"People who work in town can finally get home after a late shift," Berg told the council meeting.</p>
<p>The new crossing leaves the mainland at 11 p.m. and will run until the end of March.</p>
</article>
<section class="comments"><h2>Comments</h2><p>About time too, this was promised years ago. - Olle</p></section>
<footer>All rights reserved. Island Herald.</footer>
</body></html>
"""
NAV_ONLY = """<!DOCTYPE html><html><head><title>Island Herald - Home</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></body></html>
"""


def test_folder_of_html_pages(tmp_path):
    seeds = tmp_path / "pages"
    write(seeds / "late-ferry.html", PAGE)
    out = tmp_path / "pkg"
    build_package(seeds, out)
    row = articles_rows(out)["late-ferry"]
    assert row["title"] == "Island council adds late ferry"
    assert (row["published"], row["outlet"], row["authors"], row["language"]) == (
        "2026-01-13",
        "Island Herald",
        "Jo Lind",
        "en-GB",
    )
    assert row["url"] == "https://herald.example.org/news/late-ferry"  # the canonical URL
    assert "leaves the mainland at 11 p.m." in row["text"]
    for not_article in ("Advertisement", "About time too", "Sport", "All rights reserved"):
        assert not_article not in row["text"]
    assert row["sha256"] == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()
    assert any(s["quote"].startswith("People who work in town") for s in table_rows(out, "statements"))
    assert_spans_index_articles_text(out)


# --- bad metadata: one clear error naming the file or row and the field; nothing written ---------------------------


def assert_refused(tmp_path: Path, seeds: Path, *expected: str, extra: list[str] | None = None) -> str:
    out = tmp_path / "never"
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), *(extra or [])])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for piece in expected:
        assert piece in result.output, f"{piece!r} not in {result.output!r}"
    assert not out.exists()
    return result.output


def test_unparseable_date_names_row_and_column(tmp_path):
    corpus = write(
        tmp_path / "export.csv",
        'title,text,date\nFerry,"The ferry runs late, the council said.",January 13 2026x\n'
        'Library,"The library reopened, the city said.",2026-01-17\n',
    )
    assert_refused(tmp_path, corpus, "export.csv, row 1, column date: [bad-published]", "'January 13 2026x'")


def test_every_bad_row_is_reported_in_one_run(tmp_path):
    corpus = write(
        tmp_path / "export.csv",
        "title,text,date,url\n"
        "Ferry,The ferry runs late.,someday,\n"
        "Library,The library reopened.,2026-01-17,herald.example.org/library\n"
        "Market,,2026-01-18,\n"
        "Bridge,The bridge is closed.,2026-01-19,\n",
    )
    output = assert_refused(tmp_path, corpus, "3 row(s) in export.csv")
    assert "row 1, column date: [bad-published]" in output
    assert "row 2, column url: [bad-url]" in output
    assert "row 3, column text: [empty]" in output


def test_skip_bad_rows_builds_the_good_ones_and_records_the_others(tmp_path):
    corpus = write(
        tmp_path / "export.csv",
        'title,text,date\nFerry,"The ferry runs late, the council said.",someday\n'
        'Library,"The library reopened, the city said.",2026-01-17\n',
    )
    out = tmp_path / "pkg"
    result = runner.invoke(app, ["build", "--seeds", str(corpus), "--out", str(out), "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert sorted(articles_rows(out)) == ["export/2"]
    skipped = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["tidynews:skipped"]
    assert [(s["file"], s["rule"]) for s in skipped] == [("export.csv", "bad-published")]


def test_unknown_sidecar_field_is_an_error(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds / "ferry.txt", FERRY)
    write(seeds / "ferry.json", json.dumps({"published": "2026-01-13", "publisher": "Island Herald"}))
    assert_refused(tmp_path, seeds, "ferry.json, column publisher: [unknown-field]")


def test_a_sidecar_beside_no_article_is_named_in_a_warning(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds / "ferry.txt", FERRY)
    write(seeds / "Ferry.json", json.dumps({"outlet": "Island Herald"}))  # wrong case: describes no article
    read = read_sources(seeds)
    assert read.articles[0].outlet == ""
    assert read.warnings == ["Ferry.json: describes no article (no .txt or .html file of that name); ignored"]


def test_unknown_metadata_table_column_and_missing_file_are_errors(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds / "ferry.txt", FERRY)
    write(seeds / "articles.csv", "file,date\nferry.txt,2026-01-13\nferyy.txt,2026-01-14\n")
    output = assert_refused(tmp_path, seeds, "articles.csv, column date: [unknown-field]")
    assert "articles.csv, row 2: [no-such-file]" in output


def test_missing_text_column_is_one_error(tmp_path):
    corpus = write(tmp_path / "export.csv", "title,body\nFerry,The ferry runs late.\n")
    output = assert_refused(tmp_path, corpus, "export.csv, column text: [missing-column]", "--text-column")
    assert output.count("[missing-column]") == 1


def test_named_column_that_is_missing_is_an_error(tmp_path):
    corpus = write(tmp_path / "export.jsonl", json.dumps({"text": "The ferry runs late."}) + "\n")
    assert_refused(tmp_path, corpus, "column published_at: [missing-column]", extra=["--date-column", "published_at"])


def test_duplicate_id_names_the_row(tmp_path):
    lines = [
        {"id": "a-1", "text": "The ferry runs late, the council said."},
        {"id": "a-2", "text": "The library reopened, the city said."},
        {"id": "a-1", "text": "The market returns in June, organisers said."},
    ]
    corpus = write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    assert_refused(tmp_path, corpus, "feed.jsonl, row 3, column id: [duplicate-id]", "'a-1'")


def test_html_page_without_main_text_is_a_no_text_error(tmp_path):
    seeds = tmp_path / "pages"
    write(seeds / "ferry.html", PAGE)
    write(seeds / "home.html", NAV_ONLY)
    assert_refused(tmp_path, seeds, "home.html: [no-text]")


def test_read_sources_refuses_other_files(tmp_path):
    other = write(tmp_path / "corpus.xlsx", "not a corpus")
    with pytest.raises(BadArticleError, match="corpus file"):
        read_sources(other)


# --- the command line ---------------------------------------------------------------------------------------------


def test_version_and_short_help():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"tidynews {version('tidynews')}\n"
    result = runner.invoke(app, ["build", "-h"])
    assert result.exit_code == 0
    assert "--skip-bad " in result.output and "<bool>" not in result.output
