"""Build a package: read -> extract -> write into a staging folder -> validate -> move into place.

Nothing in the output folder changes unless the new package is complete and valid, so a failed
build leaves the last good package untouched.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tidynews.articles import Article
from tidynews.database import write_database
from tidynews.errors import BadArticleError, Problem
from tidynews.extract import extract_article
from tidynews.extract.common import ArticleExtraction
from tidynews.nlp import ParsedArticle, load_nlp, parse_articles
from tidynews.paths import (
    DATA_SUBDIR,
    REPO_ROOT,
    SCHEMA_SUBDIR,
    SCHEMAS_DIR,
    SEEDS_DIR,
    database_path,
    descriptor_path,
    table_path,
)
from tidynews.provenance import PROVENANCE_KEY, provenance
from tidynews.schemas import TableSchema, load_schemas
from tidynews.sources import Columns, read_sources
from tidynews.tables import assemble_tables, write_csv
from tidynews.validate import validate_package

DEFAULT_VERSION = "0.1.0"
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass
class BuildResult:
    out_dir: Path
    articles: int
    rows: dict[str, int]
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def created_timestamp(seeds_dir: Path) -> str:
    """When the inputs were made, not when we ran: SOURCE_DATE_EPOCH, else the last git commit of the seeds.

    Falls back to the newest seed file's modification time outside git.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seeds_dir = Path(seeds_dir)
    folder, pathspec = (seeds_dir.parent, seeds_dir.name) if seeds_dir.is_file() else (seeds_dir, ".")
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct", "--", pathspec],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            epoch = ""
    if not epoch:
        mtimes = (
            [seeds_dir.stat().st_mtime]
            if seeds_dir.is_file()
            else [p.stat().st_mtime for p in seeds_dir.rglob("*.txt")]
        )
        epoch = str(int(max(mtimes))) if mtimes else "0"
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def previous_version(out_dir: Path) -> str:
    try:
        return json.loads(descriptor_path(out_dir).read_text(encoding="utf-8")).get("version", DEFAULT_VERSION)
    except (OSError, ValueError):
        return DEFAULT_VERSION


def package_descriptor(
    staging: Path,
    schemas: dict[str, TableSchema],
    articles: list[Article],
    version: str,
    created: str,
    skipped: list[Problem],
) -> dict:
    resources = []
    for name, schema in schemas.items():
        path = table_path(staging, name)
        resources.append(
            {
                "name": name,
                "title": schema.descriptor.get("title", name),
                "description": schema.descriptor.get("description", ""),
                "path": f"{DATA_SUBDIR}/{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": path.stat().st_size,
                "hash": f"sha256:{sha256_file(path)}",
                "schema": f"{SCHEMA_SUBDIR}/{name}.json",
            }
        )
    descriptor = {
        "name": "tidynews",
        "title": "tidynews: statements, figures, actors and places extracted from news articles",
        "description": (
            "Who said what, which numbers were reported, and which people, organisations and places "
            "were named, in a corpus of news articles. Every row points to the exact characters of its "
            "article (start/end offsets into articles.text). A DuckDB database of the same tables is in "
            f"{DATA_SUBDIR}/tidynews.duckdb. The article texts remain the copyright of their publishers."
        ),
        "version": version,
        "created": created,
        "licenses": [LICENSE],
        "contributors": [{"title": "tidynews developers", "role": "author"}],
        "sources": [source_entry(a) for a in articles],
        "resources": resources,
        PROVENANCE_KEY: provenance(),
    }
    if skipped:
        descriptor["tidynews:skipped"] = [{"file": p.file, "rule": p.rule, "reason": p.message} for p in skipped]
    return descriptor


def source_entry(article: Article) -> dict:
    """One article as a Data Package source: title, its URL (else its input file), outlet, date, checksum."""
    entry = {"title": article.title, "path": article.url or f"seeds/{article.source_file}"}
    if article.outlet:
        entry["outlet"] = article.outlet
    if article.published:
        entry["published"] = article.published
    entry["sha256"] = article.sha256
    return entry


def write_descriptor(descriptor: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def extract_or_problem(parsed: ParsedArticle) -> ArticleExtraction | Problem:
    """The article's extraction, or the problem naming its file when a rule raised (a bug in a rule must not hide
    the other articles' problems)."""
    try:
        return extract_article(parsed)
    except Exception as exc:  # noqa: BLE001 -- reported with the file, never as a traceback
        return Problem(
            "extract-error",
            f"extraction failed ({type(exc).__name__}: {exc}); this is a bug in "
            "tidynews: report it with this file, or build with --skip-bad",
            file=parsed.article.source_file,
        )


def extract_batch(batch: list[Article]) -> list[ArticleExtraction | Problem]:
    """Parse and extract a few articles in this process (a worker's task); one result per article, in order."""
    return [extract_or_problem(parsed) for parsed in parse_articles(batch, load_nlp())]


# Articles per worker task: enough blocks for spaCy to batch well, small enough to keep both workers busy to the end.
ARTICLES_PER_TASK = 8


def worker_tasks(articles: list[Article]) -> list[list[Article]]:
    """The articles cut into the workers' tasks, ARTICLES_PER_TASK each, in input order."""
    return [articles[i : i + ARTICLES_PER_TASK] for i in range(0, len(articles), ARTICLES_PER_TASK)]


def worker_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where there is one (Linux), else 'spawn'.

    Not a plain fork of this process: it runs the progress bar's thread, and a fork taken while that thread holds
    the stderr lock can hang the child. The server imports nothing itself (preloading spaCy there would add one more
    process holding spaCy, about 200 MB, to the build's memory); each worker imports spaCy and loads the model once,
    both workers at the same time. That start-up costs about 2 s per build, against about 1 s for a plain fork.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([])  # not even __main__ (the default): the workers import what they need
        return context
    return multiprocessing.get_context("spawn")


def extracted_articles(articles: list[Article], workers: int = 1) -> Iterator[ArticleExtraction | Problem]:
    """One result per article, in input order, streaming.

    workers == 1: parse and extract here, one `nlp.pipe` stream. workers > 1: that many processes, each loading the
    model once and doing parse AND extract for a task of a few articles, so N processes share N cores (parsing in
    workers while extracting here ran three processes on two cores); only the small, picklable extractions travel
    back, never spaCy Docs. `imap` returns the tasks in order, so the output is identical to workers == 1.
    """
    if workers <= 1:
        for parsed in parse_articles(articles, load_nlp()):
            yield extract_or_problem(parsed)
        return
    with worker_context().Pool(workers, initializer=load_nlp) as pool:
        for results in pool.imap(extract_batch, worker_tasks(articles)):
            yield from results


def extract_all(
    articles: list[Article], workers: int = 1, on_article: Callable[[], None] | None = None
) -> tuple[list[Article], list[ArticleExtraction], list[Problem]]:
    """Parse and extract every article, streaming; return the articles that worked, their extractions, and
    one problem per article whose extraction raised.
    """
    done, extractions, failed = [], [], []
    for article, result in zip(articles, extracted_articles(articles, workers), strict=True):
        if isinstance(result, Problem):
            failed.append(result)
        else:
            done.append(article)
            extractions.append(result)
        if on_article:
            on_article()
    return done, extractions, failed


def install_package(staging: Path, out_dir: Path) -> None:
    """Move a complete, validated package from staging into out_dir, replacing the old one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    old = out_dir / f".tidynews-old-{os.getpid()}"
    if (out_dir / DATA_SUBDIR).exists():
        os.replace(out_dir / DATA_SUBDIR, old)
    os.replace(staging / DATA_SUBDIR, out_dir / DATA_SUBDIR)
    if (out_dir / SCHEMA_SUBDIR).resolve() != SCHEMAS_DIR.resolve():
        if (out_dir / SCHEMA_SUBDIR).exists():
            shutil.rmtree(out_dir / SCHEMA_SUBDIR)
        os.replace(staging / SCHEMA_SUBDIR, out_dir / SCHEMA_SUBDIR)
    os.replace(descriptor_path(staging), descriptor_path(out_dir))
    shutil.rmtree(old, ignore_errors=True)


def build_package(
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = REPO_ROOT,
    skip_bad: bool = False,
    workers: int = 1,
    use_frictionless: bool = True,
    version: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[], None] | None = None,
    columns: Columns | None = None,
) -> BuildResult:
    """Build the package for every article in seeds_dir (a folder, or a .csv/.jsonl/.parquet corpus file with
    `columns`) into out_dir; raise on bad input or invalid output."""
    seeds_dir, out_dir = Path(seeds_dir), Path(out_dir)

    # Load inputs
    schemas = load_schemas(SCHEMAS_DIR)
    read = read_sources(seeds_dir, skip_bad=skip_bad, columns=columns)
    if on_start:
        on_start(len(read.articles))

    # Process data: an article whose extraction fails is reported like an unreadable one
    articles, extractions, failed = extract_all(read.articles, workers=workers, on_article=on_article)
    if failed and not skip_bad:
        raise BadArticleError(
            f"{len(failed)} article(s) in {seeds_dir} could not be extracted (build with --skip-bad to leave them out)",
            failed,
        )
    read.skipped.extend(failed)
    tables = assemble_tables(articles, extractions)

    # Save outputs: staging folder inside out_dir (same file system, so the final moves are renames)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tidynews-build-", dir=out_dir))
    try:
        (staging / DATA_SUBDIR).mkdir()
        shutil.copytree(SCHEMAS_DIR, staging / SCHEMA_SUBDIR)
        for name, schema in schemas.items():
            write_csv(tables[name], schema, table_path(staging, name))
        descriptor = package_descriptor(
            staging,
            schemas,
            articles,
            version or previous_version(out_dir),
            created_timestamp(seeds_dir),
            read.skipped,
        )
        write_descriptor(descriptor, descriptor_path(staging))
        validate_package(staging, use_frictionless=use_frictionless)
        write_database(staging, schemas, database_path(staging))
        install_package(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(out_dir, len(articles), {k: len(v) for k, v in tables.items()}, read.skipped, read.warnings)
