"""The command line: parse arguments, call the library, turn library errors into messages and exit codes."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidynews.errors import TidynewsError
from tidynews.paths import DEFAULT_BUILD_DIR, DIST_DIR, REPO_ROOT, SEEDS_DIR, database_path, find_package

app = typer.Typer(
    help="Turn news articles into a validated, versioned Frictionless data package.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    # click's plain help: a boolean flag is shown as a flag (`--skip-bad`), not as an option taking `<bool>`
    rich_markup_mode=None,
)
# emoji=False: a file name like "a:x:b.txt" is printed as it is, not with an emoji in place of ":x:"
out = Console(soft_wrap=True, emoji=False)
err = Console(stderr=True, soft_wrap=True, emoji=False)


def fail(exc: Exception) -> None:
    # escape: messages hold "[rule]" tags and file names, which rich would otherwise read as markup
    err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True, highlight=False)
    raise typer.Exit(1)


class ArticleProgress:
    """A progress bar on stderr for builds of more than one article; pass its methods as the library's callbacks."""

    def __init__(self) -> None:
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.task = None

    def on_start(self, n: int) -> None:
        if n > 1:
            self.bar.start()
            self.task = self.bar.add_task("extract", total=n)

    def on_article(self) -> None:
        if self.task is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        self.bar.stop()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"tidynews {version('tidynews')}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the tidynews version and exit."
    ),
) -> None:
    """Turn news articles into a validated, versioned Frictionless data package."""


def _build(seeds: Path, out_dir: Path, skip_bad: bool, workers: int, fast: bool, columns=None, **options):
    from tidynews.build import build_package

    progress = ArticleProgress()
    try:
        result = build_package(
            seeds,
            out_dir,
            skip_bad=skip_bad,
            workers=workers,
            use_frictionless=not fast,
            on_start=progress.on_start,
            on_article=progress.on_article,
            columns=columns,
            **options,
        )
    finally:
        progress.stop()
    for w in result.warnings:
        err.print(f"warning: {w}", markup=False, highlight=False)
    for p in result.skipped:
        err.print(f"skipped: {p}", markup=False, highlight=False)
    rows = ", ".join(f"{k} {v}" for k, v in result.rows.items())
    out.print(f"built {out_dir} from {result.articles} article(s): {rows}", markup=False, highlight=False)
    if result.from_cache:
        err.print(
            f"{result.from_cache} unchanged article(s) taken from the extraction cache, not parsed again",
            markup=False,
            highlight=False,
        )
    return result


SEEDS_HELP = (
    "A folder of .txt articles (first line = headline; optional sidecar NAME.json/.yaml or one metadata.csv) or "
    "saved .html pages, or one corpus file (.csv, .jsonl, .parquet) with one article per row."
)


def _column(default: str, what: str):
    return typer.Option(default, help=f"Corpus file: the column holding {what}.", show_default=True)


@app.command()
def build(
    ctx: typer.Context,
    seeds: Path = typer.Option(SEEDS_DIR, "--seeds", help=SEEDS_HELP),
    out_dir: Path = typer.Option(
        DEFAULT_BUILD_DIR,
        "--out",
        help="Folder to write the package into: empty, or holding a tidynews package (never the release: "
        "`tidynews publish` writes that).",
    ),
    force: bool = typer.Option(
        False, "--force", help="Write into OUT even if it holds files that are not a tidynews package's."
    ),
    skip_bad: bool = typer.Option(
        False, "--skip-bad", help="Skip unreadable articles or rows (recorded in the package) instead of failing."
    ),
    workers: int = typer.Option(
        1, "--workers", min=1, help="Processes that parse and extract (with --engine dask: of the local cluster)."
    ),
    fast: bool = typer.Option(
        False, "--fast", help="Validate with the fast (Pandera) validator only, while iterating."
    ),
    text_column: str = _column("text", "the article's text (required)"),
    title_column: str = _column("title", "the headline"),
    id_column: str = _column("id", "the article id (else FILE-STEM/ROW)"),
    date_column: str = _column("date", "the publication date (or a column `published`)"),
    url_column: str = _column("url", "the article's URL"),
    outlet_column: str = _column("outlet", "the outlet"),
    authors_column: str = _column("authors", "the authors (or a column `author`)"),
    language_column: str = _column("language", "the language tag"),
    licence_column: str = _column("licence", "the text's licence (or a column `license`)"),
    engine: str = typer.Option(
        "local", "--engine", help="Where articles are parsed and extracted: local (this machine) or dask."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: the address of a running Dask scheduler (default: a local cluster of --workers).",
    ),
    cache: Path | None = typer.Option(
        None, "--cache", help="Folder of the extraction cache (default: .tidynews-cache in OUT)."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Parse and extract every article; neither read nor write the cache."
    ),
    no_text: bool = typer.Option(
        False,
        "--no-text",
        help="Publish without the article texts: spans then index a text the user obtains from the URL "
        "(articles.text_sha256 lets them check it).",
    ),
    parquet_parts: bool = typer.Option(
        False,
        "--parquet-parts",
        help="Write each table as Parquet parts (datapackage/TABLE/part-*.parquet) instead of one CSV; the database "
        "then holds views over the parts.",
    ),
    rows_per_part: int = typer.Option(1_000_000, "--rows-per-part", min=1, help="With --parquet-parts: rows per part."),
) -> None:
    """Extract, validate and write a complete package into OUT.

    Articles unchanged since the last build are taken from the extraction cache instead of being parsed again."""
    from tidynews.sources import Columns

    given = {
        "text": text_column,
        "title": title_column,
        "id": id_column,
        "published": date_column,
        "url": url_column,
        "outlet": outlet_column,
        "authors": authors_column,
        "language": language_column,
        "licence": licence_column,
    }
    option_names = {"published": "date_column"}
    # a column named on the command line must exist; a default one may be absent (Typer has its own click: compare
    # the source by name)
    sources = {name: ctx.get_parameter_source(option_names.get(name, f"{name}_column")) for name in given}
    explicit = frozenset(name for name, source in sources.items() if getattr(source, "name", "") == "COMMANDLINE")
    columns = Columns(**given, explicit=explicit)
    try:
        _build(
            seeds,
            out_dir,
            skip_bad,
            workers,
            fast,
            columns,
            engine=engine,
            scheduler=scheduler,
            cache_dir=cache,
            use_cache=not no_cache,
            include_text=not no_text,
            parquet_parts=parquet_parts,
            rows_per_part=rows_per_part,
            force=force,
        )
    except TidynewsError as exc:
        fail(exc)


@app.command()
def validate(
    package: Path = typer.Argument(
        Path("."), help="A package folder, its datapackage.json, or a release zip (default: the current folder)."
    ),
    fast: bool = typer.Option(False, "--fast", help="Skip the (slow) Frictionless pass; Pandera and span checks only."),
) -> None:
    """Run Frictionless and Pandera on a package; exit 1 when it is invalid."""
    from tidynews.validate import validate_any

    try:
        validate_any(package, use_frictionless=not fast)
    except TidynewsError as exc:
        fail(exc)
    out.print(f"valid: {package}", markup=False, highlight=False)


@app.command()
def publish(
    seeds: Path = typer.Option(SEEDS_DIR, "--seeds", help=SEEDS_HELP),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for spaCy parsing."),
    bump: str | None = typer.Option(
        None, "--bump", help="Force major, minor or patch (never below what the changes need)."
    ),
    dist: Path = typer.Option(DIST_DIR, "--dist", help="Folder of release zips."),
    root: Path = typer.Option(REPO_ROOT, "--root", help="Folder that holds the current release's package."),
    date: str | None = typer.Option(
        None,
        "--date",
        help="Release date YYYY-MM-DD (default: SOURCE_DATE_EPOCH's "
        "day, else today), to rebuild a past release byte for byte.",
    ),
    package: Path | None = typer.Option(
        None, "--package", help="Release this package folder, written by `tidynews build`, instead of building --seeds."
    ),
    force: bool = typer.Option(
        False, "--force", help="Install into ROOT even if it holds files that are not a tidynews release's."
    ),
) -> None:
    """Build, validate, compare with the last release and, if anything changed, release the next version
    (dist/tidynews-VERSION.zip, CHANGELOG.md, CODEBOOK.md, RULES.md, the package at the root). What `make publish`
    runs."""
    from tidynews.release import publish as publish_release
    from tidynews.release import release_package

    progress = ArticleProgress()
    try:
        if package is not None:
            result = release_package(package, root, dist, bump=bump, date=date, force=force)
        else:
            result = publish_release(
                seeds,
                root,
                dist,
                bump=bump,
                workers=workers,
                on_start=progress.on_start,
                on_article=progress.on_article,
                date=date,
                force=force,
            )
    except TidynewsError as exc:
        progress.stop()
        fail(exc)
    progress.stop()
    if result.changelog_entry:
        out.print(result.changelog_entry, markup=False, highlight=False)
    out.print(result.message, markup=False, highlight=False)


@app.command()
def diff(
    old: Path = typer.Argument(..., help="The older package: a release zip or a folder holding datapackage.json."),
    new: Path = typer.Argument(..., help="The newer package: a release zip or a folder."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
    max_rows: int = typer.Option(20, "--max-rows", min=0, help="Rows listed per table and kind of change."),
) -> None:
    """Show what changed between two packages, per table, with the changed rows and the semver level needed."""
    from tidynews.diff import diff_as_json, diff_packages, format_diff

    if fmt not in {"text", "json"}:
        fail(TidynewsError(f"--format must be text or json, not {fmt!r}"))
    try:
        result = diff_packages(old, new)
    except TidynewsError as exc:
        fail(exc)
    if fmt == "json":
        sys.stdout.write(json.dumps(diff_as_json(result), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_diff(result, max_rows=max_rows))


@app.command()
def query(
    sql: str = typer.Argument(..., help="SQL to run against the package's DuckDB database."),
    package: Path = typer.Option(
        Path("."), "--package", help="Folder holding the package (default: the current folder)."
    ),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Run SQL against the package's DuckDB database and print the result.

    The query can read the package's tables and views and nothing else: no other files, no network, no
    extensions. To join other files, open the database in your own DuckDB session
    (`duckdb -readonly datapackage/tidynews.duckdb`, or ATTACH it there)."""
    from tidynews.database import run_query

    if fmt not in {"table", "csv", "json"}:
        fail(TidynewsError(f"--format must be table, csv or json, not {fmt!r}"))
    try:
        db = database_path(find_package(package))
        if not db.exists():
            raise TidynewsError(f"no database at {db}: run `tidynews build` first")
        columns, rows = run_query(db, sql)
    except TidynewsError as exc:
        fail(exc)
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        sys.stdout.write(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, default=str, indent=1)
            + "\n"
        )
    else:
        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r])
        out.print(table)


@app.command()
def explain(
    file: Path = typer.Argument(..., help="One article file (.txt)."),
    table: list[str] = typer.Option(
        None, "--table", help="statements, figures, actors or places (repeatable; default: all)."
    ),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Show every candidate the rules considered in one article: the rule that proposed it, and the rule that
    dropped or merged it and why; then the rows that came out, each with its rule."""
    from tidynews.explain import explain_article

    if fmt not in {"table", "json"}:
        fail(TidynewsError(f"--format must be table or json, not {fmt!r}"))
    try:
        report = explain_article(file, table or None)
    except TidynewsError as exc:
        fail(exc)
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    candidates = Table("table", "text", "span", "proposed by", "outcome", "decided by", "why", title="candidates")
    for e in report["candidates"]:
        candidates.add_row(
            e["table"],
            escape(e["text"][:80]),
            f"{e['start']}-{e['end']}",
            e["proposed_by"],
            e["outcome"] + (f" into {escape(e['into'])}" if e["into"] else ""),
            e["decided_by"],
            escape(e["reason"]),
        )
    out.print(candidates)
    for name, rows in report["rows"].items():
        result = Table("text", "span", "rule", title=f"{name}: {len(rows)} row(s)")
        for r in rows:
            text = r.get("quote") or r.get("text") or ""
            result.add_row(escape(text[:100]), f"{r['start']}-{r['end']}", r["rule"])
        out.print(result)


def main(argv: list[str] | None = None) -> None:
    app(argv)
