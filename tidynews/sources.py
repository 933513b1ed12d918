"""Read a corpus in any of its input forms into Articles with their metadata.

- a folder of `.txt` articles (first line = headline), each with an optional sidecar `name.json` / `name.yaml`
  beside it, and/or one `articles.csv` or `metadata.csv` in the folder keyed by file name (column `file`);
- a folder of saved web pages (`.html`, `.htm`): main text, title, date, author, site name and canonical URL taken
  by trafilatura (navigation, ads and comments are not article text); a page without main text is a `[no-text]`
  error; a sidecar or the metadata table may add to or correct what the page says;
- one corpus file, one article per row: `.csv`, `.jsonl` (or `.ndjson`) or `.parquet`, columns mapped by name
  (`Columns`). Read as a stream (csv/json line by line, Parquet in batches); every bad row is reported in one run
  with its row number (1 = the first article, the header not counted) and field.

Whatever the form, `Article.text` is the text every offset indexes into: for a row or a page it is the title, a
blank line, then the body (the title is not repeated when the body already starts with it), line ends made "\\n".
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidynews.articles import (
    _CONTROL,
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    Article,
    ReadResult,
    article_id_for,
    collect_articles,
    decode_article,
    find_article_files,
    link_problem,
    read_file_bytes,
    read_or_problem,
    split_zones,
)
from tidynews.errors import BadArticleError, Problem
from tidynews.metadata import METADATA_FIELDS, clean_metadata

CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
METADATA_TABLES = ("articles.csv", "metadata.csv")  # in a folder of articles: one row per file, column `file`
SIDECAR_SUFFIXES = (".json", ".yaml", ".yml")
HTML_SUFFIXES = (".html", ".htm")
PARQUET_BATCH_ROWS = 1024


@dataclass(frozen=True)
class Columns:
    """Which column of a corpus file holds what. A column the user named (`explicit`) must exist; a default one
    may be missing, except `text`. `published` is read from `date` by default, as news exports call it."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    published: str = "date"
    url: str = "url"
    outlet: str = "outlet"
    authors: str = "authors"
    language: str = "language"
    licence: str = "licence"
    explicit: frozenset[str] = field(default_factory=frozenset)

    OPTIONS = {
        "text": "--text-column",
        "title": "--title-column",
        "id": "--id-column",
        "published": "--date-column",
        "url": "--url-column",
        "outlet": "--outlet-column",
        "authors": "--authors-column",
        "language": "--language-column",
        "licence": "--licence-column",
    }

    # other names a default column goes by in exports, tried when the default is absent
    ALIASES = {"published": ("published",), "authors": ("author",), "licence": ("license",)}

    def column(self, name: str) -> str:
        return getattr(self, name)

    def column_in(self, name: str, record: dict | list) -> str:
        """The column `name` is read from in a record (or header): the option's, else a known alias present."""
        column = self.column(name)
        if column in record or name in self.explicit:
            return column
        return next((alias for alias in self.ALIASES.get(name, ()) if alias in record), column)


def read_sources(seeds: Path, skip_bad: bool = False, columns: Columns | None = None) -> ReadResult:
    """Every article of `seeds` (a folder, or a .csv/.jsonl/.parquet corpus file), with its metadata.

    Every problem is reported in one BadArticleError; with skip_bad the bad articles are left out and listed.
    """
    seeds = Path(seeds)
    if seeds.is_file():
        if seeds.suffix.lower() not in CORPUS_SUFFIXES:
            raise BadArticleError(
                f"cannot read {seeds}",
                [
                    Problem(
                        "no-seeds",
                        "--seeds takes a folder of .txt or .html articles, or a corpus file ending in "
                        + ", ".join(CORPUS_SUFFIXES),
                        file=str(seeds),
                    )
                ],
            )
        return read_corpus_file(seeds, columns or Columns(), skip_bad)
    return read_folder(seeds, skip_bad)


# --- a folder of articles ---------------------------------------------------------------------------------------


def read_folder(folder: Path, skip_bad: bool = False) -> ReadResult:
    """The .txt and .html articles of a folder with the metadata of their sidecars and the folder's table."""
    files = find_article_files(folder, ARTICLE_SUFFIXES)
    metadata, problems, warnings = folder_metadata(folder, files)

    def items() -> Iterator[Article | list[Problem]]:
        if problems:
            yield problems
        for path in files:
            rel = path.relative_to(folder).as_posix()
            link = link_problem(path, folder)  # a link out of the folder, or to nothing: refused, never read
            if link is not None:
                yield [link]
                continue
            article = read_html_or_problem(path, folder) if path.suffix.lower() in HTML_SUFFIXES else None
            if article is None:
                article = read_or_problem(path, folder)
            if isinstance(article, Article):
                for name, value in metadata.get(rel, {}).items():
                    if value:
                        setattr(article, name, value)
            yield article

    result = collect_articles(items(), str(folder), skip_bad)
    result.warnings[:0] = warnings
    return result


def folder_metadata(folder: Path, files: list[Path]) -> tuple[dict[str, dict[str, str]], list[Problem], list[str]]:
    """file (relative path) -> metadata, from the folder's metadata table, then each sidecar (which wins)."""
    known = {p.relative_to(folder).as_posix() for p in files}
    metadata: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    tables = [folder / name for name in METADATA_TABLES if (folder / name).is_file()]
    if len(tables) > 1:
        problems.append(
            Problem("metadata-table", "give the metadata in one table, not in both", file=" and ".join(METADATA_TABLES))
        )
    for table in tables[:1]:
        rows, table_problems = read_metadata_table(table, known)
        metadata.update(rows)
        problems += table_problems
    for path in files:
        rel = path.relative_to(folder).as_posix()
        sidecars = [path.with_suffix(s) for s in SIDECAR_SUFFIXES if path.with_suffix(s).is_file()]
        if len(sidecars) > 1:
            names = " and ".join(p.relative_to(folder).as_posix() for p in sidecars)
            problems.append(Problem("sidecar", f"{names} both describe {rel}: keep one", file=rel))
            continue
        for sidecar in sidecars:
            values, sidecar_problems = read_sidecar(sidecar, sidecar.relative_to(folder).as_posix())
            problems += sidecar_problems
            merged = metadata.setdefault(rel, {})
            merged.update({k: v for k, v in values.items() if v})
    # a sidecar beside no article (`Ferry.json` for `ferry.txt`) would lose its metadata without a word
    stems = {p.with_suffix("") for p in files}
    warnings = [
        f"{p.relative_to(folder).as_posix()}: describes no article (no .txt or .html file of that name); ignored"
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in SIDECAR_SUFFIXES and p.is_file() and p.with_suffix("") not in stems
    ]
    return metadata, problems, warnings


def unknown_field_problem(name: str, file: str, row: int | None = None) -> Problem:
    return Problem(
        "unknown-field",
        f"{name!r} is not an article field; the fields are {', '.join(METADATA_FIELDS)} "
        "(a misspelt field would otherwise be lost without a word)",
        file=file,
        row=row,
        column=name,
    )


def read_sidecar(path: Path, source: str) -> tuple[dict[str, str], list[Problem]]:
    """The metadata in a `name.json` / `name.yaml` sidecar; an unknown key or a bad value is a problem."""
    try:
        raw_text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            raw = json.loads(raw_text)
        else:
            import yaml  # PyYAML (pinned): safe_load builds plain data only, never objects

            raw = yaml.safe_load(raw_text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return {}, [Problem("sidecar", f"cannot read it: {exc}", file=source)]
    except Exception as exc:  # noqa: BLE001 -- yaml.YAMLError and its subclasses, reported with the file
        return {}, [Problem("sidecar", f"not valid YAML: {exc}", file=source)]
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return {}, [Problem("sidecar", "must hold one object of field: value pairs", file=source)]
    problems = [unknown_field_problem(str(k), source) for k in raw if k not in METADATA_FIELDS]
    values, bad = clean_metadata(raw, source)
    return values, problems + bad


def read_metadata_table(path: Path, known: set[str]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """`articles.csv` / `metadata.csv`: column `file` (the article's path in the folder) and metadata columns."""
    source = path.name
    out: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            if "file" not in header:
                return {}, [Problem("metadata-table", "needs a column `file` naming each article file", file=source)]
            problems += [unknown_field_problem(c, source) for c in header if c != "file" and c not in METADATA_FIELDS]
            for n, row in enumerate(reader, start=1):
                name = unicodedata.normalize("NFC", (row.get("file") or "").strip())
                if name not in known:
                    problems.append(
                        Problem("no-such-file", f"no article file {name!r} in the folder", file=source, row=n)
                    )
                    continue
                if name in out:
                    problems.append(Problem("duplicate-id", f"{name!r} has two rows", file=source, row=n))
                    continue
                values, bad = clean_metadata(row, source, row=n)
                problems += bad
                out[name] = values
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem("metadata-table", f"cannot read it: {exc}", file=source))
    return out, problems


# --- saved web pages --------------------------------------------------------------------------------------------


def read_html_or_problem(path: Path, root: Path) -> Article | list[Problem]:
    try:
        return read_html_page(path, root)
    except BadArticleError as exc:
        return exc.problems
    except OSError as exc:
        return [Problem("unreadable", str(exc), file=path.relative_to(root).as_posix())]


def read_html_page(path: Path, root: Path) -> Article:
    """One saved web page: its main text (trafilatura), with title, date, author, site name and canonical URL."""
    import trafilatura  # here, not at the top: it imports lxml and dateparser, which a text-only build never needs

    rel = path.relative_to(root)
    source = rel.as_posix()
    data = read_file_bytes(path, source)
    html, encoding = decode_article(data, source)
    tree = trafilatura.load_html(html) if html.strip() else None
    doc = (
        # precision, and no fallback to the generic extractors (readability, jusText): those return whatever text a
        # page has, so a page of navigation links would become an "article"
        trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            fast=True,
            deduplicate=False,
        )
        if tree is not None
        else None
    )
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        raise BadArticleError(
            f"cannot read {source}",
            [
                Problem(
                    "no-text",
                    "the page has no main text (navigation, ads and comments are not article text): save the "
                    "article's own page, or remove the file",
                    file=source,
                )
            ],
        )
    text = join_title_and_body(doc.title or "", body)
    article = article_from_text(text, article_id_for(rel), unicodedata.normalize("NFC", source), encoding, data)
    language = tree.get("lang") or ""  # <html lang="en">: trafilatura does not report it without a language detector
    page = {
        "published": doc.date,
        "outlet": doc.sitename,
        "url": doc.url,
        "authors": doc.author,
        "language": language.strip(),
    }
    values, bad = clean_metadata(page, source)
    for name, value in values.items():
        setattr(article, name, value)
    # a page's own markup is not the user's data: a value that is not valid is left out, with a warning
    article.warnings += [f"{p.file}: page field {p.column} left empty: {p.message}" for p in bad]
    return article


# --- shared by pages and rows -----------------------------------------------------------------------------------


def join_title_and_body(title: str, body: str) -> str:
    """The article text: the title on the first line, a blank line, the body (a title already there is kept once)."""
    title = " ".join(title.split())
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    first_line = body.lstrip().split("\n", 1)[0].strip()
    if not title or " ".join(first_line.split()) == title:
        return body
    return f"{title}\n\n{body}"


def article_from_text(
    text: str, article_id: str, source: str, encoding: str, data: bytes | None = None, row: int | None = None
) -> Article:
    """An Article from its final text: zones, title, checksums. `data`: the input file's bytes (else the text's)."""
    import hashlib

    blocks = split_zones(text)
    return Article(
        article_id=article_id,
        source_file=source,
        sha256=hashlib.sha256(data if data is not None else text.encode("utf-8")).hexdigest(),
        encoding=encoding,
        text=text,
        title=text[blocks[0].start : blocks[0].end],
        blocks=blocks,
        source_row=row,
    )


# --- corpus files: one article per row --------------------------------------------------------------------------


class CorpusFileError(Exception):
    """The file as a whole cannot be read (no text column, not UTF-8, not a table): one problem, no rows."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_corpus_file(path: Path, columns: Columns, skip_bad: bool = False) -> ReadResult:
    """Every row of a .csv / .jsonl / .parquet corpus as an Article, streamed; every bad row reported in one run."""
    name = path.name
    warnings: list[str] = []

    def items() -> Iterator[Article | list[Problem]]:
        try:
            for n, record in corpus_records(path, columns, warnings):
                yield article_from_record(record, n, path, columns)
        except CorpusFileError as exc:
            yield [exc.problem]

    result = collect_articles(items(), name, skip_bad, unit="row(s)")
    fatal = [p for p in result.skipped if p.rule in {"missing-column", "corpus-file"} and p.row is None]
    if fatal:
        raise BadArticleError(f"cannot read {name}", fatal)
    if not result.articles and not result.skipped:
        raise BadArticleError(f"no articles in {name}", [Problem("no-seeds", "the file holds no rows", file=name)])
    result.warnings[:0] = warnings
    return result


def check_header(header: list[str], path: Path, columns: Columns, warnings: list[str]) -> None:
    """The text column, and every column the user named, must exist; columns nobody reads are mentioned once."""
    missing = [f for f in Columns.OPTIONS if (f == "text" or f in columns.explicit) and columns.column(f) not in header]
    if missing:
        f = missing[0]
        raise CorpusFileError(
            Problem(
                "missing-column",
                f"no column {columns.column(f)!r} for the article {f} (set it with {Columns.OPTIONS[f]}); "
                f"the columns are: {', '.join(header) or 'none'}",
                file=path.name,
                column=columns.column(f),
            )
        )
    used = {columns.column_in(f, header) for f in Columns.OPTIONS}
    unused = [c for c in header if c not in used]
    if unused:
        warnings.append(f"{path.name}: columns not used: {', '.join(unused)}")


def corpus_records(path: Path, columns: Columns, warnings: list[str]) -> Iterator[tuple[int, dict]]:
    """(row number, record) for each row of the file, never more than one batch in memory."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from csv_records(path, columns, warnings)
    elif suffix == ".parquet":
        yield from parquet_records(path, columns, warnings)
    else:
        yield from jsonl_records(path, columns, warnings)


def csv_records(path: Path, columns: Columns, warnings: list[str]) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(min(sys.maxsize, 4 * MAX_ARTICLE_BYTES))
    n = 0
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            check_header(list(reader.fieldnames or []), path, columns, warnings)
            for n, record in enumerate(reader, start=1):  # noqa: B007 -- n names the row of a csv.Error below
                yield n, record
    except UnicodeDecodeError as exc:
        raise CorpusFileError(
            Problem("corpus-file", f"not UTF-8 near row {n + 1} ({exc.reason}); re-save it as UTF-8", file=path.name)
        ) from None
    except csv.Error as exc:
        raise CorpusFileError(Problem("corpus-file", f"not a readable CSV: {exc}", file=path.name, row=n + 1)) from None


def jsonl_records(path: Path, columns: Columns, warnings: list[str]) -> Iterator[tuple[int, dict]]:
    """One JSON object per line; the row number is the line number. The first object's keys are the header."""
    checked = False
    try:
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    record = exc
                if not isinstance(record, dict):
                    what = f"not JSON ({record})" if isinstance(record, ValueError) else "not a JSON object"
                    yield n, {"__problem__": what}
                    continue
                if not checked:
                    check_header(list(record), path, columns, warnings)
                    checked = True
                yield n, record
    except UnicodeDecodeError as exc:
        raise CorpusFileError(Problem("corpus-file", f"not UTF-8 ({exc.reason})", file=path.name)) from None


def parquet_records(path: Path, columns: Columns, warnings: list[str]) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 -- pyarrow raises several types for a file that is not Parquet
        raise CorpusFileError(Problem("corpus-file", f"not a readable Parquet file: {exc}", file=path.name)) from None
    header = parquet.schema_arrow.names
    check_header(header, path, columns, warnings)
    wanted = [c for c in header if c in {columns.column_in(f, header) for f in Columns.OPTIONS}]
    n = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
        for record in batch.to_pylist():
            n += 1
            yield n, record


def article_from_record(record: dict, n: int, path: Path, columns: Columns) -> Article | list[Problem]:
    """One row as an Article, or every problem of the row (each naming the file, row and field)."""
    name = path.name

    def problem(rule: str, message: str, column: str | None) -> Problem:
        return Problem(rule, message, file=name, row=n, column=column)

    if "__problem__" in record:
        return [problem("corpus-file", record["__problem__"], None)]
    problems: list[Problem] = []
    text_col, title_col, id_col = columns.text, columns.title, columns.id
    body, title = record.get(text_col), record.get(title_col)
    if not isinstance(body, str) or not body.strip():
        what = "empty" if body is None or isinstance(body, str) else f"a {type(body).__name__}, not text"
        problems.append(problem("empty", f"the text is {what}: every row needs the article's text", text_col))
        body = ""
    if title is not None and not isinstance(title, str):
        title = str(title)
    text = join_title_and_body(title or "", body) if body else ""
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        problems.append(problem("too-large", f"more than {MAX_ARTICLE_BYTES:,} bytes: not one article", text_col))
    control = _CONTROL.search(text)
    if control:
        problems.append(
            problem(
                "binary",
                f"the text holds a control character ({control.group()!r}): remove it",
                title_col if title and control.start() < len(title) else text_col,
            )
        )
    if id_col in record:
        article_id = "" if record[id_col] is None else unicodedata.normalize("NFC", str(record[id_col]).strip())
        if not article_id:
            problems.append(problem("missing-id", "the id is empty: every row needs one (or drop the column)", id_col))
    else:
        article_id = f"{path.stem}/{n}"
    names = {f: columns.column_in(f, record) for f in METADATA_FIELDS}
    values, bad = clean_metadata({f: record.get(c) for f, c in names.items()}, name, row=n, column_names=names)
    problems += bad
    if problems:
        return problems
    article = article_from_text(text, article_id, f"{name}#row={n}", "utf-8", row=n)
    for field_name, value in values.items():
        setattr(article, field_name, value)
    return article
