"""The DuckDB database on a hand-written two-article package: typed tables with keys and comments, the four
views with counts read off the rows below, and the same bytes every time it is written."""

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tidynews.database import VIEWS, write_database
from tidynews.paths import DATA_SUBDIR, table_path
from tidynews.schemas import load_schemas
from tidynews.tables import write_csv

A1 = "Ann Lee said the port in Oslo will close. Oslo officials agreed, Lee said."
A2 = "\u201cWe are ready,\u201d said the mayor."  # curly quotes: offsets count code points
TABLES = {
    "articles": [
        {
            "article_id": "a1",
            "title": "Oslo port to close",
            "source_file": "a1.txt",
            "published": "2026-03-05",  # a Thursday: week of Monday 2026-03-02
            "outlet": "Harbour Gazette",
            "sha256": "0" * 64,
            "text_sha256": hashlib.sha256(A1.encode()).hexdigest(),
            "encoding": "utf-8",
            "text": A1,
        },
        {
            "article_id": "a2",
            "title": "Mayor ready",
            "source_file": "a2.txt",
            "published": "2026-03-09T23:30:00-05:00",  # a Monday where it was published, whatever the UTC day
            "outlet": "Harbour Gazette",
            "sha256": "1" * 64,
            "text_sha256": hashlib.sha256(A2.encode()).hexdigest(),
            "encoding": "utf-8",
            "text": A2,
        },
    ],
    "actors": [
        {"actor_id": "ann-lee", "name": "Ann Lee", "type": "person", "role": "harbour master"},
        {"actor_id": "nobody", "name": "Nobody", "type": "other"},
    ],
    "places": [
        {
            "place_id": "oslo-no",
            "name": "Oslo",
            "type": "city",
            "country_code": "NO",
            "latitude": 59.91,
            "longitude": 10.75,
            "geonames_id": 3143244,
        }
    ],
    "actor_mentions": [
        {
            "article_id": "a1",
            "actor_id": "ann-lee",
            "text": "Ann Lee",
            "start": 0,
            "end": 7,
            "zone": "body",
            "rule": "actors.person",
        },
        {
            "article_id": "a1",
            "actor_id": "ann-lee",
            "text": "Lee",
            "start": 65,
            "end": 68,
            "zone": "body",
            "rule": "actors.surname",
        },
    ],
    "place_mentions": [
        {
            "article_id": "a1",
            "place_id": "oslo-no",
            "text": "Oslo",
            "start": 25,
            "end": 29,
            "zone": "body",
            "rule": "places.city",
        },
        {
            "article_id": "a1",
            "place_id": "oslo-no",
            "text": "Oslo",
            "start": 42,
            "end": 46,
            "zone": "body",
            "rule": "places.city",
        },
    ],
    "statements": [
        {
            "statement_id": "a1/s001",
            "article_id": "a1",
            "speaker_id": "ann-lee",
            "speaker": "Ann Lee",
            "quote": "the port in Oslo will close",
            "kind": "indirect",
            "cue": "said",
            "start": 13,
            "end": 40,
            "zone": "body",
            "rule": "statements.reported_clause",
        },
        # Ann Lee is quoted in a2 without being named there: she still "appears" in a2
        {
            "statement_id": "a2/s001",
            "article_id": "a2",
            "speaker_id": "ann-lee",
            "speaker": "the mayor",
            "quote": "We are ready,",
            "kind": "direct",
            "cue": "said",
            "start": 1,
            "end": 14,
            "zone": "body",
            "rule": "statements.quote",
        },
    ],
    "figures": [],
}


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    pkg = tmp_path_factory.mktemp("db")
    (pkg / DATA_SUBDIR).mkdir()
    schemas = load_schemas()
    for name, schema in schemas.items():
        write_csv(TABLES[name], schema, table_path(pkg, name))
    write_database(pkg, schemas, pkg / "one.duckdb")
    return pkg


@pytest.fixture
def con(package):
    c = duckdb.connect(str(package / "one.duckdb"), read_only=True)
    yield c
    c.close()


def test_same_csvs_give_the_same_database_bytes(package):
    """Under the same file name: DuckDB stores the catalog name (the file's stem) in foreign-key references."""
    (package / "again").mkdir()
    write_database(package, load_schemas(), package / "again" / "one.duckdb")
    assert (package / "again" / "one.duckdb").read_bytes() == (package / "one.duckdb").read_bytes()


def test_database_still_opens_writable_after_the_header_fix(package, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes((package / "one.duckdb").read_bytes())
    c = duckdb.connect(str(copy))
    c.execute("CREATE TABLE notes (x INTEGER)")
    c.close()
    c = duckdb.connect(str(copy), read_only=True)
    assert c.execute("SELECT count(*) FROM actors").fetchone()[0] == 2
    c.close()


def test_tables_are_typed_from_the_schemas(con):
    types = dict(
        con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'places'").fetchall()
    )
    assert types["latitude"] == "DOUBLE" and types["geonames_id"] == "BIGINT" and types["name"] == "VARCHAR"


def test_every_table_and_column_has_its_schema_description(con):
    for name, schema in load_schemas().items():
        comment = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0]
        assert comment == schema.descriptor["description"]
        comments = dict(
            con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [name]).fetchall()
        )
        assert comments == {f["name"]: f["description"] for f in schema.fields}
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert views == {name: comment for name, (comment, _) in VIEWS.items()}


def test_primary_and_foreign_keys_are_enforced(package, tmp_path):
    copy = tmp_path / "keys.duckdb"
    copy.write_bytes((package / "one.duckdb").read_bytes())
    c = duckdb.connect(str(copy))
    try:
        with pytest.raises(duckdb.ConstraintException):
            c.execute("INSERT INTO actors VALUES ('ann-lee', 'Ann Lee', 'person', NULL, NULL, NULL)")
        with pytest.raises(duckdb.ConstraintException):
            c.execute(
                "INSERT INTO place_mentions VALUES ('a9', 'oslo-no', 'Oslo', 0, 4, 'body', 'places.gazetteer_name')"
            )
    finally:
        c.close()


def test_statements_with_speaker(con):
    rows = con.execute(
        "SELECT statement_id, speaker, speaker_name, speaker_role, article_title FROM statements_with_speaker"
    ).fetchall()
    assert rows == [
        ("a1/s001", "Ann Lee", "Ann Lee", "harbour master", "Oslo port to close"),
        ("a2/s001", "the mayor", "Ann Lee", "harbour master", "Mayor ready"),
    ]


def test_actor_summary_counts_mentions_statements_and_articles(con):
    rows = con.execute("SELECT actor_id, mentions, statements, articles, article_ids FROM actor_summary").fetchall()
    assert rows == [("ann-lee", 2, 2, 2, "a1, a2"), ("nobody", 0, 0, 0, "")]


def test_place_summary_has_coordinates_and_counts(con):
    rows = con.execute("SELECT place_id, latitude, longitude, mentions, articles FROM place_summary").fetchall()
    assert rows == [("oslo-no", 59.91, 10.75, 2, 1)]


def test_figures_with_article(package, con):
    assert con.execute("SELECT count(*) FROM figures_with_article").fetchone()[0] == 0
    cols = [d[0] for d in con.execute("SELECT * FROM figures_with_article").description]
    assert cols[-4:] == ["article_title", "source_file", "published", "outlet"]


def test_statements_by_week_counts_by_the_monday_of_the_publication_day(con):
    rows = con.execute("SELECT * FROM statements_by_week").fetchall()
    # a1 is of Thursday 5 March 2026 (week of Monday 2 March); a2 of Monday 9 March in its own time zone
    assert rows == [
        (date(2026, 3, 2), "Harbour Gazette", 1, 1, 1),
        (date(2026, 3, 9), "Harbour Gazette", 1, 1, 1),
    ]


def test_spans_check_in_sql_with_substr(con):
    """DuckDB's substr counts code points from 1: text[start:end] is substr(text, start + 1, end - start)."""
    bad = con.execute(
        "SELECT s.statement_id FROM statements s JOIN articles a USING (article_id) "
        'WHERE s.quote <> substr(a.text, s.start + 1, s."end" - s.start)'
    ).fetchall()
    assert bad == []
    bad = con.execute(
        "SELECT m.text FROM actor_mentions m JOIN articles a USING (article_id) "
        'WHERE m.text <> substr(a.text, m.start + 1, m."end" - m.start)'
    ).fetchall()
    assert bad == []


def test_duckdb_1x_cli_opens_the_database_and_every_view(package):
    """Analysts install the DuckDB CLI 1.x (`pip install duckdb-cli`, a dev dependency): it must read the file
    (the storage format of DuckDB 1.2, not DuckDB 2's) and run every view."""
    cli = Path(sys.executable).parent / "duckdb"
    assert cli.exists(), "the duckdb-cli dev dependency is not installed (make venv)"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert version.startswith("v1."), version
    sql = "; ".join(f'SELECT count(*) FROM "{name}"' for name in VIEWS) + "; SELECT count(*) FROM statements;"
    done = subprocess.run(
        [str(cli), "-readonly", "-csv", "-noheader", str(package / "one.duckdb"), sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(package / "one.duckdb"), read_only=True)
    try:
        expected = [str(con.execute(q).fetchone()[0]) for q in sql.split(";") if q.strip()]
    finally:
        con.close()
    assert done.stdout.split() == expected
    assert expected[-1] == "2"  # the two statements of the rows above


def test_an_article_of_several_megabytes_fits_in_one_csv_line(tmp_path):
    """DuckDB's default CSV line limit is 2 MB: a 4.9 MB article (under the 5 MB limit) failed to load."""
    import copy

    pkg = tmp_path / "big"
    (pkg / DATA_SUBDIR).mkdir(parents=True)
    schemas = load_schemas()
    tables = copy.deepcopy(TABLES)
    tables["articles"][1]["text"] = A2 + ' "Quoted," she said.' * 150_000  # about 3 MB, quotes doubled in the CSV
    for name, schema in schemas.items():
        write_csv(tables[name], schema, table_path(pkg, name))
    write_database(pkg, schemas, pkg / "big.duckdb")
    con = duckdb.connect(str(pkg / "big.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT length(text) FROM articles WHERE article_id = 'a2'").fetchone()[0] == len(
            tables["articles"][1]["text"]
        )
    finally:
        con.close()


def test_a_large_package_gives_the_same_database_bytes(tmp_path):
    """Small tables hid it: on thousands of rows DuckDB checkpointed part-way and picked FSST or not by sampling,
    so two writes of the same CSVs differed."""
    import copy
    import random

    rng = random.Random(7)
    words = "port harbour ferry crane dock tonnes ships workers containers berths cranes tugs pilots".split()
    tables = copy.deepcopy(TABLES)
    tables["figures"] = [
        {
            "figure_id": f"a1/f{i}",
            "article_id": "a1",
            "value": rng.randint(1, 10**6),
            "text": " ".join(rng.choice(words) for _ in range(rng.randint(2, 9))),
            "qualifier": "exact",
            "unit": rng.choice(["", "tonnes", "km"]),
            "counts": rng.choice(words),
            "event": "",
            "start": 0,
            "end": 3,
            "rule": "figures.digits",
        }
        for i in range(40_000)
    ]
    schemas = load_schemas()
    written = []
    for run in ("first", "second"):
        pkg = tmp_path / run
        (pkg / DATA_SUBDIR).mkdir(parents=True)
        for name, schema in schemas.items():
            write_csv(tables[name], schema, table_path(pkg, name))
        write_database(pkg, schemas, pkg / "tidynews.duckdb")
        written.append((pkg / "tidynews.duckdb").read_bytes())
    assert written[0] == written[1]


def test_a_build_writes_the_database_while_it_validates_and_the_same_bytes(tmp_path, monkeypatch):
    """The build writes the database in a thread of its own during validation, then moves it into place: the bytes
    are those of write_database run alone on the package's CSVs. A build whose validation fails waits for that
    thread and leaves nothing behind."""
    import threading

    import tidynews.build
    from tidynews.build import build_package
    from tidynews.errors import ValidationError
    from tidynews.paths import database_path

    articles = Path(__file__).parent / "fixtures" / "articles"
    threads: list[str] = []
    real_write = tidynews.build.write_database

    def write(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(tidynews.build, "write_database", write)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_package(articles, tmp_path / "pkg", use_frictionless=False, use_cache=False)
    assert threads == ["tidynews-database"]
    (tmp_path / "alone").mkdir()
    write_database(tmp_path / "pkg", load_schemas(), tmp_path / "alone" / "tidynews.duckdb")
    assert (tmp_path / "alone" / "tidynews.duckdb").read_bytes() == database_path(tmp_path / "pkg").read_bytes()

    def invalid(*args, **kwargs):
        raise ValidationError("invalid on purpose", [])

    monkeypatch.setattr(tidynews.build, "validate_package", invalid)
    with pytest.raises(ValidationError):
        build_package(articles, tmp_path / "bad", use_frictionless=False, use_cache=False)
    assert not (tmp_path / "bad").exists()
    assert not any(t.name == "tidynews-database" for t in threading.enumerate())
