"""Build a package: read -> extract -> write into a staging folder -> validate -> move into place.

Nothing in the output folder changes unless the new package is complete and valid, so a failed
build leaves the last good package untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tidynews.articles import Article
from tidynews.cache import CACHE_DIR_NAME, ExtractionCache
from tidynews.database import write_database
from tidynews.engines import DaskConnection, LocalPool, check_engine, extracted_articles
from tidynews.errors import BadArticleError, Problem, TidynewsError, ValidationError
from tidynews.extract.common import ArticleExtraction
from tidynews.guard import check_output_folder, source_date_epoch
from tidynews.parts import DEFAULT_ROWS_PER_PART, parts_database_sql, parts_descriptor, validate_parts, write_parts
from tidynews.paths import (
    DATA_SUBDIR,
    DEFAULT_BUILD_DIR,
    SCHEMA_SUBDIR,
    SCHEMAS_DIR,
    SEEDS_DIR,
    TABLES,
    database_path,
    descriptor_path,
    table_path,
)
from tidynews.provenance import PROVENANCE_KEY, TEXT_KEY, provenance
from tidynews.schemas import TableSchema, load_schemas
from tidynews.sources import Columns, read_sources
from tidynews.tables import assemble_tables, check_tables, write_csv
from tidynews.validate import validate_package
from tidynews.validate_changed import record_validated, validated_tables

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
    from_cache: int = 0  # articles whose extraction came from the cache, not parsed again


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
    given = source_date_epoch()
    epoch = str(given) if given is not None else ""
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
            else [p.lstat().st_mtime for p in seeds_dir.rglob("*.txt")]  # lstat: a dangling link has a time too
        )
        epoch = str(int(max(mtimes))) if mtimes else "0"
    if not epoch.isdigit():  # git printed something else
        epoch = "0"
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
    if article.authors:
        entry["authors"] = article.authors
    if article.published:
        entry["published"] = article.published
    entry["sha256"] = article.sha256
    return entry


TEXTS_OMITTED_NOTE = (
    "This package was published without the article texts (`tidynews build --no-text`): `articles.text` is empty. "
    "Every span's `start` and `end` still index the text the package was built from, which a user must obtain "
    "from the article's URL (`articles.url`) and prepare as tidynews does (line ends made \\n; for a web page or "
    "corpus row, the title, a blank line, then the body); `articles.text_sha256` is that text's SHA-256, so a user "
    "can check that their copy is the one the offsets index. The spans were checked against the texts when the "
    "package was built."
)


def omit_texts(staging: Path, schemas: dict[str, TableSchema], rows: list[dict], descriptor: dict) -> dict:
    """Publish a validated package without its texts: `articles.text` emptied (and no longer required in the
    package's own schema, which says why), the descriptor saying so; return the package's schemas."""
    articles = json.loads(json.dumps(schemas["articles"].descriptor))
    text = next(f for f in articles["fields"] if f["name"] == "text")
    text.get("constraints", {}).pop("required", None)
    text["description"] = "Empty: " + TEXTS_OMITTED_NOTE
    (staging / SCHEMA_SUBDIR / "articles.json").write_text(
        json.dumps(articles, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    schemas = {**schemas, "articles": TableSchema("articles", articles)}
    write_csv([{**row, "text": ""} for row in rows], schemas["articles"], table_path(staging, "articles"))
    for resource in descriptor["resources"]:  # the articles CSV changed: its size and checksum with it
        if resource["name"] == "articles":
            path = table_path(staging, "articles")
            resource["bytes"], resource["hash"] = path.stat().st_size, f"sha256:{sha256_file(path)}"
    descriptor[TEXT_KEY] = {"included": False, "note": TEXTS_OMITTED_NOTE}
    write_descriptor(descriptor, descriptor_path(staging))
    return schemas


def write_descriptor(descriptor: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def cached_results(
    articles: list[Article],
    cache: ExtractionCache | None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    connection: DaskConnection | LocalPool | None = None,
) -> Iterator[ArticleExtraction | Problem]:
    """One result per article, in input order, streaming: from the cache when it holds the article, else from the
    engine (which then parses only the articles the cache misses); new extractions are stored in the cache."""
    if cache is None:
        yield from extracted_articles(articles, workers, engine, scheduler, connection)
        return
    cached = [cache.get(article) for article in articles]
    missing = [a for a, hit in zip(articles, cached, strict=True) if hit is None]
    fresh = extracted_articles(missing, workers, engine, scheduler, connection) if missing else iter(())
    for article, hit in zip(articles, cached, strict=True):
        if hit is not None:
            yield hit
            continue
        result = next(fresh)
        if not isinstance(result, Problem):
            cache.put(article, result)
        yield result


def extract_all(
    articles: list[Article],
    workers: int = 1,
    on_article: Callable[[], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    cache: ExtractionCache | None = None,
    connection: DaskConnection | LocalPool | None = None,
) -> tuple[list[Article], list[ArticleExtraction], list[Problem]]:
    """Parse and extract every article, streaming; return the articles that worked, their extractions, and
    one problem per article whose extraction raised.
    """
    done, extractions, failed = [], [], []
    results = cached_results(articles, cache, workers, engine, scheduler, connection)
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, Problem):
            failed.append(result)
        else:
            done.append(article)
            extractions.append(result)
        if on_article:
            on_article()
    return done, extractions, failed


def extraction_cache(seeds_dir: Path, out_dir: Path, cache_dir: Path | None) -> ExtractionCache:
    """The build's cache: `cache_dir`, or .tidynews-cache/ in out_dir; never inside the articles folder (its files
    would be read as input)."""
    root = Path(cache_dir) if cache_dir is not None else out_dir / CACHE_DIR_NAME
    if root.resolve().is_relative_to(seeds_dir.resolve()):
        raise TidynewsError(f"the cache folder {root} is inside the articles folder {seeds_dir}: choose another")
    return ExtractionCache(root)


def write_parquet_parts(
    staging: Path, schemas: dict[str, TableSchema], descriptor: dict, rows_per_part: int, use_frictionless: bool
) -> None:
    """Replace the validated CSVs in staging by Parquet parts, validate the parts, write the database of views."""
    parts = write_parts(staging, schemas, rows_per_part)
    descriptor = parts_descriptor(descriptor, parts)
    write_descriptor(descriptor, descriptor_path(staging))
    problems = validate_parts(staging, descriptor, schemas) if use_frictionless else []
    if problems:
        raise ValidationError(f"the Parquet parts are invalid: {len(problems)} problem(s)", problems)
    write_database(staging, schemas, database_path(staging), table_sql=parts_database_sql(descriptor, schemas))


class DatabaseInBackground:
    """The package's DuckDB database, written from the staged CSVs in a thread while the build validates them
    (DuckDB releases the GIL while it reads the CSVs): in a folder of its own beside the package's, moved into place
    by `install` once validation has passed, so nothing ever sees half a database. Under the same file name: DuckDB
    stores the catalog name (the file's stem) in foreign-key references."""

    def __init__(self, staging: Path, schemas: dict[str, TableSchema]) -> None:
        self.target = database_path(staging)
        self.partial = staging / ".tidynews-database" / self.target.name
        self.partial.parent.mkdir()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._write, args=(staging, schemas), name="tidynews-database")
        self.thread.start()

    def _write(self, staging: Path, schemas: dict[str, TableSchema]) -> None:
        try:
            write_database(staging, schemas, self.partial)
        except BaseException as exc:  # noqa: BLE001 -- raised again by install, in the build's thread
            self.error = exc

    def wait(self) -> None:
        self.thread.join()

    def install(self) -> None:
        self.wait()
        if self.error is not None:
            raise self.error
        os.replace(self.partial, self.target)


def install_package(staging: Path, out_dir: Path) -> None:
    """Move a complete, validated package from staging into out_dir, replacing the old one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    old = out_dir / f".tidynews-old-{os.getpid()}"
    if (out_dir / DATA_SUBDIR).exists():
        os.replace(out_dir / DATA_SUBDIR, old)
    os.replace(staging / DATA_SUBDIR, out_dir / DATA_SUBDIR)
    if (out_dir / SCHEMA_SUBDIR).exists():  # the package's copy of the schemas (the source is in the library)
        shutil.rmtree(out_dir / SCHEMA_SUBDIR)
    os.replace(staging / SCHEMA_SUBDIR, out_dir / SCHEMA_SUBDIR)
    os.replace(descriptor_path(staging), descriptor_path(out_dir))
    shutil.rmtree(old, ignore_errors=True)


def make_staging(out_dir: Path) -> Path:
    """A new staging folder inside out_dir (made first, so a folder we cannot write to fails at once)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".tidynews-build-", dir=out_dir))
    except OSError as exc:
        raise TidynewsError(
            f"cannot write into {out_dir}: {exc.strerror or exc}; give a folder you can write to (--out)"
        ) from None


def build_package(
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = DEFAULT_BUILD_DIR,
    skip_bad: bool = False,
    workers: int = 1,
    use_frictionless: bool = True,
    version: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[], None] | None = None,
    columns: Columns | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    include_text: bool = True,
    parquet_parts: bool = False,
    rows_per_part: int = DEFAULT_ROWS_PER_PART,
    force: bool = False,
) -> BuildResult:
    """Build the package for every article in seeds_dir (a folder, or a .csv/.jsonl/.parquet corpus file with
    `columns`) into out_dir; raise on bad input or invalid output.

    engine/scheduler: where the per-article parse and extraction run (tidynews.engines). The extraction cache
    (tidynews.cache) is `cache_dir`, by default `.tidynews-cache/` in out_dir; `use_cache=False` parses everything
    and leaves the cache alone. include_text=False (--no-text): the package is built and validated with the texts,
    then published without them (see omit_texts). parquet_parts: each table as Parquet parts of at most
    rows_per_part rows, the database as views over them (tidynews.parts), once the CSVs are validated. out_dir must
    be empty or hold a tidynews package (guard.check_output_folder), unless `force`.
    """
    seeds_dir, out_dir = Path(seeds_dir), Path(out_dir)
    check_engine(engine, scheduler)
    # Before the (long) extraction: whether out_dir may be written to at all, and SOURCE_DATE_EPOCH
    check_output_folder(out_dir, list(TABLES), force=force)
    created = created_timestamp(seeds_dir)
    out_existed = out_dir.exists()
    staging = make_staging(out_dir)
    done = False
    connection = database = None
    try:
        cache = extraction_cache(seeds_dir, out_dir, cache_dir) if use_cache else None
        # When every article will be parsed (no cache, or an empty one), the engine's processes start while the
        # corpus is read: the Dask cluster, or the local workers (loading the model). Otherwise they start once the
        # cache look-ups know what is missing: an incremental build's few new articles are parsed in this process.
        if cache is None or cache.is_empty():
            if engine == "dask":
                connection = DaskConnection(max(workers, 1), scheduler)
            elif workers > 1:
                connection = LocalPool(workers)

        # Load inputs
        schemas = load_schemas(SCHEMAS_DIR)
        read = read_sources(seeds_dir, skip_bad=skip_bad, columns=columns)
        if on_start:
            on_start(len(read.articles))

        # Process data: an article whose extraction fails is reported like an unreadable one
        articles, extractions, failed = extract_all(
            read.articles,
            workers=workers,
            on_article=on_article,
            engine=engine,
            scheduler=scheduler,
            cache=cache,
            connection=connection,
        )
        if connection is not None:
            connection.close(wait=False)  # stops while the package is written and validated
        if failed and not skip_bad:
            raise BadArticleError(
                f"{len(failed)} article(s) in {seeds_dir} could not be extracted (build with --skip-bad to leave them "
                "out)",
                failed,
            )
        read.skipped.extend(failed)
        tables = assemble_tables(articles, extractions)
        check_tables(tables, schemas)

        # Save outputs: the staging folder is inside out_dir (same file system, so the final moves are renames)
        try:
            (staging / DATA_SUBDIR).mkdir()
            shutil.copytree(SCHEMAS_DIR, staging / SCHEMA_SUBDIR)
            for name, schema in schemas.items():
                write_csv(tables[name], schema, table_path(staging, name))
            if include_text and not parquet_parts:  # the database of these very CSVs, while they are validated
                database = DatabaseInBackground(staging, schemas)
            descriptor = package_descriptor(
                staging, schemas, articles, version or previous_version(out_dir), created, read.skipped
            )
            write_descriptor(descriptor, descriptor_path(staging))
            # tables of the package in out_dir that passed Frictionless as they are: only new rows need it again
            record_dir = cache.root if cache is not None and use_frictionless and not parquet_parts else None
            validated = validated_tables(record_dir, out_dir, list(schemas))
            validate_package(staging, use_frictionless=use_frictionless, frictionless_validated=validated)
            if not include_text:
                schemas = omit_texts(staging, schemas, tables["articles"], descriptor)
                validate_package(staging, use_frictionless=use_frictionless)
            if parquet_parts:
                write_parquet_parts(staging, schemas, descriptor, rows_per_part, use_frictionless)
            elif database is not None:
                database.install()
            else:
                write_database(staging, schemas, database_path(staging))
            install_package(staging, out_dir)
            done = True
            if record_dir is not None:
                record_validated(record_dir, out_dir, list(schemas))
        except OSError as exc:  # disk full, a folder made read-only meanwhile: the old package stays as it was
            raise TidynewsError(
                f"cannot write the package into {out_dir}: {exc.strerror or exc} ({exc.filename or out_dir}); "
                "nothing there was changed. Free some space or give another --out"
            ) from None
    finally:
        if database is not None:
            database.wait()  # before its folder is removed
        if connection is not None:
            connection.close()
        shutil.rmtree(staging, ignore_errors=True)
        if not done and not out_existed:  # a failed build leaves no trace: not even the folder it made
            shutil.rmtree(out_dir, ignore_errors=True)
    if cache is not None:
        cache.keep_only_used()
    rows = {k: len(v) for k, v in tables.items()}
    return BuildResult(out_dir, len(articles), rows, read.skipped, read.warnings, cache.hits if cache else 0)
