"""The DuckDB database: tables typed from the Table Schemas, keys, comments, and views that save a join."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tidynews.paths import table_path
from tidynews.schemas import DUCKDB_TYPES, TableSchema, duckdb_ddl

VIEWS = {
    "statements_by_speaker": """
        CREATE VIEW statements_by_speaker AS
        SELECT s.statement_id, s.article_id, ar.title AS article_title, s.speaker, s.speaker_id,
               a.name AS speaker_name, a.role AS speaker_role, a.type AS speaker_type,
               s.kind, s.cue, s.quote, s.addressee, s.start, s."end"
        FROM statements s
        JOIN articles ar USING (article_id)
        LEFT JOIN actors a ON a.actor_id = s.speaker_id""",
    "figures_with_article": """
        CREATE VIEW figures_with_article AS
        SELECT f.*, ar.title AS article_title, ar.source_file
        FROM figures f JOIN articles ar USING (article_id)""",
    "actor_summary": """
        CREATE VIEW actor_summary AS
        SELECT a.actor_id, a.name, a.type, a.role, a.country_code,
               (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = a.actor_id) AS mentions,
               (SELECT count(*) FROM statements s WHERE s.speaker_id = a.actor_id) AS statements,
               (SELECT count(DISTINCT m.article_id) FROM actor_mentions m WHERE m.actor_id = a.actor_id) AS articles,
               (SELECT string_agg(DISTINCT m.article_id, ', ' ORDER BY m.article_id)
                  FROM actor_mentions m WHERE m.actor_id = a.actor_id) AS article_ids
        FROM actors a""",
    "place_summary": """
        CREATE VIEW place_summary AS
        SELECT p.place_id, p.name, p.type, p.country_code, p.latitude, p.longitude, p.geonames_id,
               (SELECT count(*) FROM place_mentions m WHERE m.place_id = p.place_id) AS mentions,
               (SELECT count(DISTINCT m.article_id) FROM place_mentions m WHERE m.place_id = p.place_id) AS articles
        FROM places p""",
}


def write_database(package_dir: Path, schemas: dict[str, TableSchema], path: Path) -> None:
    """Create the database at `path` from the package's CSVs (a new file; any old one is replaced)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        for schema in schemas.values():
            for stmt in duckdb_ddl(schema):
                con.execute(stmt)
            columns = ", ".join(
                f"'{f['name']}': '{DUCKDB_TYPES[f.get('type', 'string')]}'" for f in schema.fields
            )
            csv = str(table_path(package_dir, schema.name)).replace("'", "''")
            con.execute(
                f'INSERT INTO "{schema.name}" SELECT * FROM read_csv(\'{csv}\', header=true, '
                f"columns={{{columns}}}, quote='\"', escape='\"', delim=',', nullstr='')"
            )
        for sql in VIEWS.values():
            con.execute(sql)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def run_query(database: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL read-only against the database; return column names and rows."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description] if cur.description else []
        return columns, cur.fetchall()
    finally:
        con.close()
