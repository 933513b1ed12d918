"""The DuckDB database: tables typed from the Table Schemas, keys, comments, and views that save a join.

The file is made byte-reproducible: DuckDB writes a random 16-byte database identifier into the file header,
which we replace by one derived from the file's own contents (and fix the header checksum), so the same CSVs
always give the same database bytes under the same file name (DuckDB also stores the catalog name, the file's
stem, inside the file). Everything else in the file is already deterministic with one thread.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import duckdb

from tidynews.errors import TidynewsError
from tidynews.paths import DATA_SUBDIR, table_path
from tidynews.schemas import DUCKDB_TYPES, TableSchema, duckdb_ddl, field_type, sql_literal

# The Monday of the week of an article's publication day (`published` is ISO 8601: its first 10 characters are the
# day as the source gave it, also for a date-time with an offset).
WEEK = "CAST(date_trunc('week', CAST(substr(ar.published, 1, 10) AS DATE)) AS DATE)"

# name -> (what it is, SQL). Every view is ordered by its key so its output is stable.
VIEWS: dict[str, tuple[str, str]] = {
    "statements_with_speaker": (
        "One row per statement with the speaker's canonical name, role and type (empty when the speaker is not a "
        "named actor) and the title, publication date and outlet of the article.",
        """
        SELECT s.statement_id, s.article_id, ar.title AS article_title, ar.published, ar.outlet,
               s.speaker, s.speaker_id, a.name AS speaker_name, a.role AS speaker_role, a.type AS speaker_type,
               s.kind, s.cue, s.quote, s.addressee, s.start, s."end"
        FROM statements s
        JOIN articles ar USING (article_id)
        LEFT JOIN actors a ON a.actor_id = s.speaker_id
        ORDER BY s.statement_id""",
    ),
    "figures_with_article": (
        "One row per figure with the title, source file, publication date and outlet of its article.",
        """
        SELECT f.*, ar.title AS article_title, ar.source_file, ar.published, ar.outlet
        FROM figures f JOIN articles ar USING (article_id)
        ORDER BY f.figure_id""",
    ),
    "statements_by_week": (
        "One row per week and outlet: how many statements the articles published that week quote, in how many "
        "articles, from how many named speakers. The week starts on Monday and is that of the article's date as "
        "published (a date-time counts by its own local date); articles without a date are left out.",
        f"""
        SELECT {WEEK} AS week, ar.outlet, count(*) AS statements, count(DISTINCT s.article_id) AS articles,
               count(DISTINCT s.speaker_id) AS named_speakers
        FROM statements s JOIN articles ar USING (article_id)
        WHERE ar.published IS NOT NULL
        GROUP BY ALL
        ORDER BY week, ar.outlet NULLS LAST""",
    ),
    "figures_by_week": (
        "One row per week and outlet: how many figures the articles published that week report, in how many "
        "articles, and how many of them count people or things (`counts` set). Weeks as in statements_by_week.",
        f"""
        SELECT {WEEK} AS week, ar.outlet, count(*) AS figures, count(DISTINCT f.article_id) AS articles,
               count(f.counts) AS counted
        FROM figures f JOIN articles ar USING (article_id)
        WHERE ar.published IS NOT NULL
        GROUP BY ALL
        ORDER BY week, ar.outlet NULLS LAST""",
    ),
    "actor_summary": (
        "One row per actor: how often it is named, how many statements it makes, and the articles it appears in "
        "(named or quoted).",
        """
        WITH m AS (SELECT actor_id, count(*) AS mentions FROM actor_mentions GROUP BY actor_id),
             s AS (SELECT speaker_id AS actor_id, count(*) AS statements FROM statements
                   WHERE speaker_id IS NOT NULL GROUP BY speaker_id),
             seen AS (SELECT actor_id, article_id FROM actor_mentions
                      UNION SELECT speaker_id, article_id FROM statements WHERE speaker_id IS NOT NULL),
             arts AS (SELECT actor_id, count(*) AS articles, string_agg(article_id, ', ' ORDER BY article_id)
                      AS article_ids FROM seen GROUP BY actor_id)
        SELECT x.actor_id, x.name, x.type, x.role, x.country_code,
               coalesce(m.mentions, 0) AS mentions, coalesce(s.statements, 0) AS statements,
               coalesce(arts.articles, 0) AS articles, coalesce(arts.article_ids, '') AS article_ids
        FROM actors x
        LEFT JOIN m USING (actor_id) LEFT JOIN s USING (actor_id) LEFT JOIN arts USING (actor_id)
        ORDER BY x.actor_id""",
    ),
    "place_summary": (
        "One row per place with its coordinates, how often it is named, and the articles it is named in.",
        """
        WITH m AS (SELECT place_id, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                          string_agg(DISTINCT article_id, ', ' ORDER BY article_id) AS article_ids
                   FROM place_mentions GROUP BY place_id)
        SELECT p.place_id, p.name, p.type, p.country_code, p.latitude, p.longitude, p.geonames_id,
               coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles,
               coalesce(m.article_ids, '') AS article_ids
        FROM places p LEFT JOIN m USING (place_id)
        ORDER BY p.place_id""",
    ),
}

# The storage format written: the oldest DuckDB that reads it is 1.2.0 (DuckDB 2 writes a newer format by default,
# which the DuckDB CLI 1.x that analysts install cannot open). Stated in the release README.
STORAGE_VERSION = "v1.2.0"
MINIMUM_DUCKDB = "1.2.0"

# DuckDB reads at most 2 MB per CSV line by default; a line of articles.csv holds a whole article (up to 5 MB,
# more with quotes doubled), so the database of a 4.9 MB article failed to load. Room for any article we accept.
MAX_CSV_LINE_BYTES = 64_000_000

# DuckDB's main file header (first 4096 bytes): an 8-byte checksum of bytes 8..4096, the magic "DUCK" at 8, and
# (since DuckDB 1.4) a random 16-byte database identifier at 124. Checked against duckdb 2.0.1 (pinned).
HEADER_SIZE = 4096
MAGIC = b"DUCK"
IDENTIFIER_OFFSET, IDENTIFIER_SIZE = 124, 16
CHECKSUM_MULTIPLIER = 0xBF58476D1CE4E5B9


def header_checksum(header: bytes) -> int:
    """DuckDB's block checksum of header[8:]: 5381 xor-folded with each little-endian word times a constant."""
    result = 5381
    for (word,) in struct.iter_unpack("<Q", header[8:HEADER_SIZE]):
        result ^= (word * CHECKSUM_MULTIPLIER) & 0xFFFFFFFFFFFFFFFF
    return result


def make_identifier_deterministic(path: Path) -> bool:
    """Replace the random database identifier in the header by a hash of the file; return whether it did.

    Leaves the file alone (returns False) when the header is not laid out as expected, e.g. after a DuckDB
    upgrade: the reproducibility test then fails and says so, instead of a corrupted database.
    """
    path = Path(path)
    with open(path, "r+b") as f:
        header = bytearray(f.read(HEADER_SIZE))
        if (
            len(header) < HEADER_SIZE
            or header[8:12] != MAGIC
            or struct.unpack("<Q", header[:8])[0] != header_checksum(header)
        ):
            return False
        if not any(header[IDENTIFIER_OFFSET : IDENTIFIER_OFFSET + IDENTIFIER_SIZE]):
            return True  # a storage format without the identifier (STORAGE_VERSION v1.2.0): nothing random to fix
        header[IDENTIFIER_OFFSET : IDENTIFIER_OFFSET + IDENTIFIER_SIZE] = bytes(IDENTIFIER_SIZE)
        header[:8] = bytes(8)  # the old checksum covers the random identifier
        digest = hashlib.sha256(header)
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
        header[IDENTIFIER_OFFSET : IDENTIFIER_OFFSET + IDENTIFIER_SIZE] = digest.digest()[:IDENTIFIER_SIZE]
        header[:8] = struct.pack("<Q", header_checksum(header))
        f.seek(0)
        f.write(header)
    return True


def write_database(
    package_dir: Path, schemas: dict[str, TableSchema], path: Path, table_sql: list[str] | None = None
) -> None:
    """Create the database at `path` from the package's CSVs (a new file; any old one is replaced).

    table_sql: statements that make the tables instead (views over Parquet parts, tidynews.parts), with paths
    relative to package_dir.
    """
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION, "threads": 1})
    try:
        con.execute("SET threads = 1")  # one writer thread: the same rows land in the same blocks every time
        # The same bytes for the same CSVs at any size: no automatic checkpoint part-way (where it falls moved blocks
        # between runs), and no FSST string compression (it trains its symbol table on a sample and chose FSST or
        # not differently from run to run on a 600-article package); CHECKPOINT below writes everything once.
        con.execute("SET checkpoint_threshold = '1TB'")
        con.execute("SET disabled_compression_methods = 'fsst'")
        if table_sql is not None:
            con.execute(f"SET file_search_path = {sql_literal(str(Path(package_dir).resolve()))}")
            for stmt in table_sql:
                con.execute(stmt)
        for schema in schemas.values() if table_sql is None else ():
            for stmt in duckdb_ddl(schema):
                con.execute(stmt)
            columns = ", ".join(f"'{f['name']}': '{DUCKDB_TYPES[field_type(f)]}'" for f in schema.fields)
            csv = str(table_path(package_dir, schema.name)).replace("'", "''")
            con.execute(
                f"INSERT INTO \"{schema.name}\" SELECT * FROM read_csv('{csv}', header=true, "
                f"columns={{{columns}}}, quote='\"', escape='\"', delim=',', nullstr='', "
                f"max_line_size={MAX_CSV_LINE_BYTES})"
            )
        for name, (comment, sql) in VIEWS.items():
            con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.execute(f'COMMENT ON VIEW "{name}" IS {sql_literal(comment)}')
        con.execute("CHECKPOINT")
    finally:
        con.close()
    make_identifier_deterministic(path)


# A query reads the package's database and nothing else: no files, no network, no extensions, and no statement
# can switch that back on. An analyst who wants to join other files opens the database in their own DuckDB session.
QUERY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


PARTS_QUERY_CONFIG = {name: value for name, value in QUERY_CONFIG.items() if "extensions" in name}


def run_query(database: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL read-only against the database, with external access off; return column names and rows."""
    from tidynews.parts import has_parts

    package_dir = Path(database).resolve().parent.parent
    if has_parts(package_dir):
        # its tables are views over Parquet files in the package's data folder: that folder, and nothing else
        con = duckdb.connect(str(database), read_only=True, config=PARTS_QUERY_CONFIG)
        allowed = [f"{DATA_SUBDIR}/", f"{package_dir / DATA_SUBDIR}/"]  # as the views name them, and absolute
        con.execute(f"SET allowed_directories = [{', '.join(sql_literal(a) for a in allowed)}]")
        con.execute(f"SET file_search_path = {sql_literal(str(package_dir))}")
        for name, value in QUERY_CONFIG.items():
            con.execute(f"SET {name} = {str(value).lower()}")
    else:
        con = duckdb.connect(str(database), read_only=True, config=QUERY_CONFIG)
    try:
        cur = con.execute(sql)
        if cur is None or cur.description is None:  # "" or only a comment: DuckDB runs nothing
            raise TidynewsError('no SQL to run: give a statement, e.g. "select count(*) from statements"')
        columns = [d[0] for d in cur.description]
        return columns, cur.fetchall()
    except duckdb.Error as exc:
        raise TidynewsError(f"query failed: {exc}") from None
    finally:
        con.close()
