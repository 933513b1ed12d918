"""Regenerate the README's example questions: run each query against a package's DuckDB database and write the
SQL with its real output between the README's `examples` markers. `make publish` runs it after each release.

    .venv/bin/python scripts/readme_examples.py [--package DIR] [--readme README.md]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tidynews.database import run_query
from tidynews.markdown import md_text
from tidynews.paths import REPO_ROOT, database_path
from tidynews.tables import format_cell

START, END = "<!-- examples:start -->", "<!-- examples:end -->"
CELL_WIDTH = 50

# question -> SQL. Written for any corpus: no names of this corpus's actors or places.
EXAMPLES = {
    "Who is quoted most, and in what role?": """
SELECT speaker_name, speaker_role, count(*) AS statements, count(DISTINCT article_id) AS articles
FROM statements_with_speaker
WHERE speaker_id IS NOT NULL
GROUP BY ALL
ORDER BY statements DESC, speaker_name
LIMIT 5""",
    "Which actors are named in the most articles?": """
SELECT name, type, articles, mentions, statements
FROM actor_summary
ORDER BY articles DESC, mentions DESC, name
LIMIT 5""",
    "Which places are named most, and where are they?": """
SELECT name, type, country_code, latitude, longitude, mentions
FROM place_summary
ORDER BY mentions DESC, name
LIMIT 5""",
    "What are the largest counts of people reported, and in which article?": """
SELECT text, value, counts, event, article_title
FROM figures_with_article
WHERE unit IS NULL AND counts IS NOT NULL
ORDER BY value DESC
LIMIT 5""",
    "How many statements were quoted each week, and by which outlet? (dates from the articles' metadata)": """
SELECT week, outlet, statements, articles, named_speakers
FROM statements_by_week
ORDER BY week, outlet
LIMIT 5""",
    "Does every span match its article's text? (0 mismatches expected)": """
SELECT 'statements' AS table_name, count(*) AS spans,
       count(*) FILTER (WHERE s.quote <> substr(a.text, s.start + 1, s."end" - s.start)) AS mismatches
FROM statements s JOIN articles a USING (article_id)
UNION ALL
SELECT 'figures', count(*), count(*) FILTER (WHERE f.text <> substr(a.text, f.start + 1, f."end" - f.start))
FROM figures f JOIN articles a USING (article_id)""",
}


def markdown_table(columns: list[str], rows: list[tuple]) -> str:
    def cell(value: object) -> str:
        text = format_cell(value)  # 80000.0 -> 80000, None -> '', as in the CSVs
        text = text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"
        return md_text(text)  # data in the README: one line, Markdown syntax shown as text

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    if not rows:
        lines.append("| " + " | ".join("" for _ in columns) + " |")
    return "\n".join(lines)


def examples_section(database: Path) -> str:
    parts = [START, ""]
    for n, (question, sql) in enumerate(EXAMPLES.items(), 1):
        columns, rows = run_query(database, sql)
        parts += [f"**{n}. {question}**", "", "```sql", sql.strip(), "```", "", markdown_table(columns, rows), ""]
    parts.append(END)
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, default=REPO_ROOT, help="Folder holding the package.")
    parser.add_argument("--readme", type=Path, default=REPO_ROOT / "README.md")
    args = parser.parse_args(argv)
    readme = args.readme.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        print(f"{args.readme} has no {START} ... {END} markers", file=sys.stderr)
        return 1
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    args.readme.write_text(before + examples_section(database_path(args.package)) + after, encoding="utf-8")
    print(f"wrote {len(EXAMPLES)} examples from {database_path(args.package)} into {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
