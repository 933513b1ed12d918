"""Extraction quality on the shared evaluation sets: build each set's package quickly and run its scorer.

The sets live outside the project (`../shared/eval/` beside the repository, or `$TIDYNEWS_EVAL`); their texts are
never copied into the project. Each set is read from its articles folder and scored by its own standard-library
`score.py`. To make rule changes quick to measure, spaCy's parses are cached (one DocBin per article, keyed by the
article's text and the model's name and version) in `$TIDYNEWS_PARSE_CACHE` or `~/.cache/tidynews/parses`: a rule
change re-runs extraction only. The package written here is the one `tidynews build` writes, minus validation and
the DuckDB file (the scorers read the CSVs); final figures for a release come from `tidynews build` + the scorer.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from tidynews.articles import Article, read_articles
from tidynews.errors import Problem
from tidynews.paths import DATA_SUBDIR, REPO_ROOT, SCHEMA_SUBDIR, SCHEMAS_DIR, descriptor_path, table_path


@dataclass(frozen=True)
class EvalSet:
    """One measuring set: its articles folder, its gold file and scorer (relative to the eval folder)."""

    name: str
    articles: str
    gold: str
    scorer: str


# The dev split of each corpus: the one to measure on (train splits are for finding patterns).
EVAL_SETS = {
    "dev": EvalSet("dev", "dev/articles", "dev/gold", "score.py"),
    "statements": EvalSet("statements", "statements/dev/articles", "statements/dev/gold.json", "statements/score.py"),
    "places": EvalSet("places", "places/articles", "places/gold.json", "places/score.py"),
    "actors": EvalSet("actors", "actors/dev/articles", "actors/dev/gold.json", "actors/score.py"),
    "casualties": EvalSet("casualties", "casualties/articles", "casualties/gold.json", "casualties/score.py"),
}
# Splits for finding patterns (never reported as quality figures).
TRAIN_SETS = {
    "statements-train": EvalSet(
        "statements-train", "statements/train/articles", "statements/train/gold.json", "statements/score.py"
    ),
    "actors-train": EvalSet("actors-train", "actors/train/articles", "actors/train/gold.json", "actors/score.py"),
}


def eval_dir() -> Path:
    return Path(os.environ.get("TIDYNEWS_EVAL", REPO_ROOT.parent / "shared" / "eval"))


def parse_cache_dir() -> Path:
    default = Path.home() / ".cache" / "tidynews" / "parses"
    return Path(os.environ.get("TIDYNEWS_PARSE_CACHE", default))


def _cache_key(article: Article, nlp: Language) -> str:
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}\n".encode())
    for block in article.blocks:
        digest.update(f"{block.start}:{block.end}:{block.zone}\n".encode())
    digest.update(article.text.encode("utf-8"))
    return digest.hexdigest()


def cached_parses(articles: list[Article], nlp: Language, cache: Path) -> Iterator:
    """ParsedArticle for each article, in order: from the cache when there, else parsed and stored."""
    from tidynews.nlp import ParsedArticle, ParsedBlock, parse_articles

    cache.mkdir(parents=True, exist_ok=True)
    keys = [_cache_key(a, nlp) for a in articles]
    missing = [a for a, k in zip(articles, keys, strict=True) if not (cache / f"{k}.spacy").exists()]
    fresh = {id(p.article): p for p in parse_articles(missing, nlp)} if missing else {}
    for article, key in zip(articles, keys, strict=True):
        path = cache / f"{key}.spacy"
        if id(article) in fresh:
            parsed = fresh[id(article)]
            bin_ = DocBin(store_user_data=False)
            for block in parsed.blocks:
                bin_.add(block.doc)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_bytes(bin_.to_bytes())
            os.replace(tmp, path)
            yield parsed
            continue
        docs: list[Doc] = list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
        yield ParsedArticle(article, [ParsedBlock(b, d) for b, d in zip(article.blocks, docs, strict=True)])


def build_eval_package(articles_dir: Path, out_dir: Path, cache: Path | None = None) -> dict[str, int]:
    """Write the package of one article folder (CSVs + descriptor, not validated) using cached parses."""
    from tidynews.build import package_descriptor, write_descriptor
    from tidynews.engines import extract_or_problem
    from tidynews.nlp import load_nlp
    from tidynews.schemas import load_schemas
    from tidynews.tables import assemble_tables, check_tables, write_csv

    # Load inputs
    schemas = load_schemas(SCHEMAS_DIR)
    read = read_articles(articles_dir, skip_bad=True)
    nlp = load_nlp()

    # Process data
    articles, extractions = [], []
    for parsed in cached_parses(read.articles, nlp, cache or parse_cache_dir()):
        result = extract_or_problem(parsed)
        if isinstance(result, Problem):
            read.skipped.append(result)
            print(f"[{result.rule}] {result.file}: {result.message}", file=sys.stderr)
            continue
        articles.append(parsed.article)
        extractions.append(result)
    tables = assemble_tables(articles, extractions)
    check_tables(tables, schemas)

    # Save outputs
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / DATA_SUBDIR).mkdir(exist_ok=True)
    (out_dir / SCHEMA_SUBDIR).mkdir(exist_ok=True)
    for name, schema in schemas.items():
        (out_dir / SCHEMA_SUBDIR / f"{name}.json").write_text(
            (SCHEMAS_DIR / f"{name}.json").read_text(encoding="utf-8"), encoding="utf-8"
        )
        write_csv(tables[name], schema, table_path(out_dir, name))
    descriptor = package_descriptor(out_dir, schemas, articles, "0.0.0", "1970-01-01T00:00:00Z", read.skipped)
    write_descriptor(descriptor, descriptor_path(out_dir))
    return {k: len(v) for k, v in tables.items()}


def score(eval_set: EvalSet, package: Path, extra: list[str] | None = None) -> str:
    """Run the set's scorer on a package; return what it printed."""
    root = eval_dir()
    gold = root / eval_set.gold
    golds = sorted(str(p) for p in gold.glob("*.json")) if gold.is_dir() else [str(gold)]
    cmd = [sys.executable, str(root / eval_set.scorer), str(package), *golds, *(extra or [])]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def run_eval(names: list[str], out_root: Path, extra: list[str] | None = None) -> dict[str, str]:
    """Build and score each named set; return each scorer's output."""
    sets = {**EVAL_SETS, **TRAIN_SETS}
    outputs = {}
    for name in names:
        eval_set = sets[name]
        package = out_root / name
        build_eval_package(eval_dir() / eval_set.articles, package)
        outputs[name] = score(eval_set, package, extra)
    return outputs


# --- the headline measures: one table over every set -------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One headline measure of a set: where it is in the scorer's `--json` output, and the issue's target."""

    label: str
    path: tuple[str, ...]
    target: str = ""
    per: tuple[str, ...] | None = None  # a denominator path: the measure is path / per


# The measures the issues name (statements: issue 10; places: issue 11; actors and casualties: issue 12; dev: the
# README's first table), each read from its scorer's --json output (see each set's README for the definitions).
HEADLINES: dict[str, list[Measure]] = {
    "dev": [
        Measure("actors F1", ("summary", "actors", "f1"), "≥ 0.90"),
        Measure("places F1", ("summary", "places", "f1"), "≥ 0.90"),
        Measure(
            "places country code right",
            ("summary", "places", "country_ok"),
            "≥ 0.95",
            ("summary", "places", "country_n"),
        ),
        Measure("statements F1", ("summary", "statements", "f1"), "≥ 0.85"),
        Measure(
            "statements speaker right, of found",
            ("summary", "statements", "attributed"),
            "≥ 0.85",
            ("summary", "statements", "tp"),
        ),
        Measure("figures F1", ("summary", "figures", "f1"), "≥ 0.90"),
        Measure(
            "figures counted object right", ("summary", "figures", "counts_ok"), "≥ 0.85", ("summary", "figures", "tp")
        ),
    ],
    "statements": [
        Measure("precision (overlaps an attribution)", ("precision_any",), "≥ 0.95"),
        Measure("recall of statements in scope", ("recall",), "≥ 0.85"),
        Measure("recall, with a quotation mark", ("recall_direct",), "≥ 0.97"),
        Measure("recall, reported clause without one", ("recall_indirect_with_finite_verb",), "≥ 0.85"),
        Measure("speaker right", ("speaker_accuracy",), "≥ 0.94"),
        Measure("speaker right, pronouns checked by coreference", ("speaker_accuracy_resolved",), "≥ 0.92"),
        Measure("attributed recall", ("attributed_recall",), "≥ 0.80"),
        Measure("mean token Jaccard of quote", ("jaccard_mean",), "≥ 0.85"),
    ],
    "places": [
        Measure(
            "geotagging precision (noun, overlap)", ("overall", "tidynews", "geotagging", "noun_overlap", "p"), "≥ 0.93"
        ),
        Measure("geotagging recall (noun, overlap)", ("overall", "tidynews", "geotagging", "noun_overlap", "r")),
        Measure("geotagging F1 (noun, overlap)", ("overall", "tidynews", "geotagging", "noun_overlap", "f1"), "≥ 0.82"),
        Measure("country code right, of found", ("overall", "tidynews", "geocoding", "country_acc"), "≥ 0.95"),
        Measure("within 161 km, strict", ("overall", "tidynews", "geocoding", "acc161_strict"), "≥ 0.80"),
        Measure("GeoNames id equal to gold", ("overall", "tidynews", "geocoding", "geonames_match"), "≥ 0.80"),
        Measure(
            "recall inside organisation names (embedded)",
            ("overall", "tidynews", "recall_by_gold_type", "Embedded_Non_Lit", "recall"),
            "≥ 0.70",
        ),
    ],
    "actors": [
        Measure("mentions F1, exact span", ("mentions_exact", "f1"), "≥ 0.85"),
        Measure("prose lines F1, overlap", ("overlap_by_line_kind", "prose", "f1"), "≥ 0.93"),
        Measure("non-prose lines F1, overlap", ("overlap_by_line_kind", "non-prose", "f1"), "≥ 0.80"),
        Measure("headline recall, overlap", ("overlap_by_line_kind", "headline", "r"), "≥ 0.80"),
        Measure("person ↔ PER F1, overlap + type", ("typed_overlap", "PER", "f1"), "≥ 0.92"),
        Measure("organisation ↔ ORG F1, overlap + type", ("typed_overlap", "ORG", "f1"), "≥ 0.75"),
        Measure(
            "same entity written differently, one actor id",
            ("resolution_linked", "within_doc_different_surface", "share_same_actor"),
            "≥ 0.95",
        ),
        Measure(
            "one actor id, one real entity", ("resolution_linked", "within_doc_actor_ids_not_merged", "share"), "≥ 0.99"
        ),
    ],
    "casualties": [
        Measure(
            "killed, strict recall (gold ≥ 2, written)",
            ("n_killed", "recall_by_stratum", "gold>=2 written", "strict_r"),
            "≥ 0.90",
        ),
        Measure(
            "injured, strict recall (gold ≥ 2, written)",
            ("n_injured", "recall_by_stratum", "gold>=2 written", "strict_r"),
            "≥ 0.90",
        ),
        Measure("article killed count right", ("n_killed", "article_answer_exact_match_accuracy"), "≥ 0.86"),
        Measure("article injured count right", ("n_injured", "article_answer_exact_match_accuracy"), "≥ 0.70"),
    ],
}


def scorer_json(output: str) -> dict:
    """The JSON object a scorer prints with --json (some print a summary line after it)."""
    text = output.lstrip()
    try:
        return json.JSONDecoder().raw_decode(text)[0]
    except ValueError:
        raise ValueError(f"the scorer printed no JSON: {output.strip()[:300]!r}") from None


def _at(data: dict, path: tuple[str, ...]) -> float:
    for key in path:
        data = data[key]
    return float(data)


def headline_values(name: str, data: dict) -> list[tuple[str, str, str]]:
    """(measure, value, target) for each headline measure of a set; a measure the scorer lacks is 'missing'."""
    rows = []
    for m in HEADLINES[name]:
        try:
            value = _at(data, m.path) / (_at(data, m.per) if m.per else 1.0)
            shown = f"{value:.3f}"
        except (KeyError, TypeError, ZeroDivisionError):
            shown = "missing"
        rows.append((m.label, shown, m.target))
    return rows


def headline_table(results: dict[str, dict]) -> str:
    """One Markdown table of the headline measures of every scored set."""
    lines = ["| set | measure | value | target |", "|---|---|---:|---|"]
    for name, data in results.items():
        for label, value, target in headline_values(name, data):
            lines.append(f"| {name} | {label} | {value} | {target} |")
    return "\n".join(lines) + "\n"


def available_sets(names: list[str] | None = None) -> list[str]:
    """The dev sets whose folder exists under the eval folder (none when the folder itself is absent)."""
    root = eval_dir()
    return [n for n in (names or list(EVAL_SETS)) if (root / EVAL_SETS[n].articles).is_dir()]


def run_headlines(out_root: Path, names: list[str] | None = None) -> dict[str, dict]:
    """Build and score every available dev set with --json; the parsed output of each scorer."""
    return {name: scorer_json(out) for name, out in run_eval(available_sets(names), out_root, ["--json"]).items()}


def summary_lines(outputs: dict[str, str]) -> list[str]:
    """The last line (the one-line summary) of each scorer's output."""
    return [
        f"{name}: {out.strip().splitlines()[-1] if out.strip() else '(no output)'}" for name, out in outputs.items()
    ]


def main_json(outputs: dict[str, str]) -> str:
    return json.dumps(outputs, indent=1)
