"""`make bench`: build a generated corpus and measure throughput, memory and validation speed, in one run.

1. Generates >= 1,000 articles into bench/corpus (gitignored) from the test articles and the seeds: paragraphs are
   shuffled and mixed across articles, names, places and numbers substituted, so every article is different.
2. Times `tidynews build --workers N` and a bare spaCy `nlp.pipe(n_process=N)` over the same texts, both as
   subprocesses from start to end (start-up and model loading included in both), and prints their ratio.
3. Peak memory of the build: ru_maxrss of the largest process (getrusage RUSAGE_CHILDREN) and the peak sum of
   resident memory over the build's whole process tree (sampled from /proc), since spaCy workers are processes.
4. Times the same build with `--engine dask` (a local cluster of N worker processes) and prints the throughput ratio
   dask / local, its peak memory, and whether the two packages are byte-identical.
5. Adds one article and runs the first build command again (the extraction cache holds every other article): its
   time as a fraction of the full build.
6. Times `tidynews validate --fast` against `frictionless validate` on the corpus package, and on a copy whose
   figures table has 1,000,000 rows with a few seeded errors, and shows which seeded errors each one caught.
7. Times one 4.9 MB article against the same text cut into 5 KB articles (one worker each): every per-article step
   must be linear (target: the long article at most 1.3 times the split ones), and the peak memory of each.
   `--long-article` runs only this.
8. Prints a summary of every figure issue 14 and issue 9 (item 16) ask for, with its target.

Every time is given as wall-clock and as CPU time (user + system of the command's whole process tree, workers
included): the targets are wall-clock ratios on a quiet machine; the CPU ratios are the ones to trust when other
work shares the machine. The full run takes about 10 to 15 minutes on the 2-CPU development machine.

Not part of the test suite.
Usage: python scripts/bench.py [--articles 1000] [--workers 2] [--rows 1000000] [--long-article]
       [--long-bytes 4900000] [--long-timeout 900]
Quick check of every step: python scripts/bench.py --articles 40 --rows 20000 --long-bytes 60000
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO_ROOT / "bench"
BIN = Path(sys.executable).parent
SOURCES = [REPO_ROOT / "tests" / "fixtures" / "articles", REPO_ROOT / "seeds"]

# Substitutions that make every generated article different (names, places and numbers are what caches key on).
FIRST_NAMES = [
    "Ana",
    "Tom",
    "Leila",
    "Kwame",
    "Sofia",
    "Ivan",
    "Mei",
    "Omar",
    "Grace",
    "Pablo",
    "Nadia",
    "Arjun",
    "Fatima",
    "Lars",
    "Chloe",
    "Tariq",
    "Elena",
    "Jonas",
    "Amara",
    "Hugo",
]
LAST_NAMES = [
    "Ruiz",
    "Hale",
    "Okafor",
    "Novak",
    "Tanaka",
    "Haddad",
    "Moreau",
    "Silva",
    "Kowalski",
    "Mensah",
    "Lindqvist",
    "Rossi",
    "Nakamura",
    "Petrov",
    "Duarte",
    "Osei",
    "Brennan",
    "Farouk",
    "Keller",
    "Varga",
]
PLACES = [
    "Kenya",
    "Nairobi",
    "Spain",
    "Valencia",
    "Madrid",
    "France",
    "Lyon",
    "Brazil",
    "Recife",
    "India",
    "Pune",
    "Ghana",
    "Accra",
    "Poland",
    "Gdansk",
    "Japan",
    "Osaka",
    "Canada",
    "Halifax",
    "Italy",
    "Naples",
]
PERSON = re.compile(
    r"\b(?:Yoav Gallant|Gallant|Amos Hochstein|Hochstein|Kithure Kindiki|Kindiki|Maria Lopez|Lopez|"
    r"Daniel Reyes|Reyes)\b"
)
PLACE = re.compile(r"\b(?:Kenya|Nairobi|Valencia|Madrid|Tel Aviv|Lebanon)\b")
NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")


# --- corpus -----------------------------------------------------------------------------------


def source_articles() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of every test article and seed."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            if len(lines) > 1:
                out.append((lines[0], lines[1:]))
    return out


def vary(text: str, rng: random.Random, people: dict[str, str], places: dict[str, str]) -> str:
    """Substitute people, places and numbers; the same name maps to the same new name within an article."""

    def person(m: re.Match) -> str:
        name = m.group()
        if name not in people:
            surname = rng.choice(LAST_NAMES)
            people[name] = f"{rng.choice(FIRST_NAMES)} {surname}" if " " in name else surname
        return people[name]

    def place(m: re.Match) -> str:
        return places.setdefault(m.group(), rng.choice(PLACES))

    def number(m: re.Match) -> str:
        digits = m.group().replace(",", "")
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return m.group()  # a year
        value = rng.randint(max(1, int(digits) // 2), int(digits) * 2 + 3)
        return f"{value:,}" if "," in m.group() else str(value)

    return NUMBER.sub(number, PLACE.sub(place, PERSON.sub(person, text)))


def corpus_texts(seed: int = 5) -> Iterator[str]:
    """Varied articles without end, each with unique text; the same seed gives the same sequence."""
    rng = random.Random(seed)
    sources = source_articles()
    pool = [p for _, paragraphs in sources for p in paragraphs]
    seen = set()
    for i in itertools.count():
        headline, own = rng.choice(sources)
        paragraphs = list(own) + rng.sample(pool, k=min(len(pool), rng.randint(2, 6)))
        rng.shuffle(paragraphs)
        people: dict[str, str] = {}
        places: dict[str, str] = {}
        text = "\n\n".join([vary(headline, rng, people, places)] + [vary(p, rng, people, places) for p in paragraphs])
        text += f"\n\nThe council meets again on day {i + 1} of the session.\n"  # unique even if all else repeats
        assert text not in seen
        seen.add(text)
        yield text


def article_path(folder: Path, i: int) -> Path:
    return folder / f"bench_{i:05d}.txt"


def generate_corpus(n: int, folder: Path, seed: int = 5) -> list[Path]:
    """n varied articles, one file each, each with a unique id (its file name) and unique text."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paths = []
    for i, text in zip(range(n), corpus_texts(seed), strict=False):
        path = article_path(folder, i)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def add_article(folder: Path, n: int, seed: int = 5) -> Path:
    """Article number n + 1 of the same sequence, added to a corpus of n articles."""
    text = next(itertools.islice(corpus_texts(seed), n, None))
    path = article_path(folder, n)
    path.write_text(text, encoding="utf-8")
    return path


# --- measuring subprocesses -------------------------------------------------------------------


def process_tree(root: int) -> dict[tuple[int, int], tuple[int, float]]:
    """(pid, start time) -> (resident bytes, CPU seconds so far: user + system) of a process and all its
    descendants, from /proc."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, tuple[int, float]]] = {}
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2 :].split()
            pid, ppid = int(entry.name), int(fields[1])
            cpu = (int(fields[11]) + int(fields[12])) / tick
            stats[pid] = (int(fields[19]), (int(fields[21]) * page, cpu))
            children.setdefault(ppid, []).append(pid)
        except (OSError, ValueError, IndexError):
            continue
    tree, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            started, values = stats[pid]
            tree[(pid, started)] = values
        stack.extend(children.get(pid, []))
    return tree


@dataclass
class Measured:
    """One command run to the end: wall-clock seconds, CPU seconds of its whole process tree (user + system, worker
    processes included), peak resident bytes of the tree, result."""

    seconds: float
    cpu: float
    peak: int
    result: subprocess.CompletedProcess


def run(cmd: list[str], timeout: float | None = None, **kwargs) -> Measured:
    """Run cmd to the end (TimeoutExpired after `timeout` s, the process killed) and measure it.

    The tree is sampled every 0.1 s. CPU time: the larger of two counts that can each only miss time, the last
    CPU time seen of every process of the tree (misses a process's last tenth of a second), and getrusage of the
    waited-for children (misses processes nobody waits for: a forkserver's pool workers, Dask's workers).
    """
    peak = 0
    cpu_seen: dict[tuple[int, int], float] = {}
    cpu_before = child_cpu_seconds()
    start = time.perf_counter()
    # the code of this checkout, whichever editable install the interpreter's tidynews points to
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **kwargs)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            tree = process_tree(proc.pid)
            peak = max(peak, sum(rss for rss, _ in tree.values()))
            for key, (_, cpu) in tree.items():
                cpu_seen[key] = max(cpu_seen.get(key, 0.0), cpu)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        done.set()
        raise
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    cpu = max(child_cpu_seconds() - cpu_before, sum(cpu_seen.values()))
    return Measured(seconds, cpu, peak, subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr))


def child_cpu_seconds() -> float:
    """User + system CPU of the finished child processes so far, and of their own waited-for children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def package_bytes(package: Path) -> dict[str, bytes]:
    """The package's files (descriptor, tables, database) by relative path; not the extraction cache."""
    files = sorted([package / "datapackage.json", *(package / "datapackage").rglob("*")])
    return {p.relative_to(package).as_posix(): p.read_bytes() for p in files if p.is_file()}


def must(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, result.args))}\n{result.stdout}\n{result.stderr}")
    return result


BARE_SPACY = """
import sys
from pathlib import Path
from tidynews.nlp import load_nlp
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for doc in load_nlp().pipe(texts, batch_size=64, n_process=int(sys.argv[2])):
    pass
"""


# --- the 1,000,000-row figures table -----------------------------------------------------------


def seeded_errors(n_rows: int) -> dict[int, tuple[str, str, str]]:
    """CSV line -> (column, bad value, what it breaks); spread over the table."""
    lines = [n_rows // 7 + 2, n_rows // 3 + 2, n_rows // 2 + 2, 2 * n_rows // 3 + 2, 5 * n_rows // 6 + 2, n_rows - 3]
    kinds = [
        ("qualifier", "roughly", "enum"),
        ("value", "twelve", "type"),
        ("article_id", "no-such-article", "foreign key"),
        ("figure_id", "DUPLICATE", "unique / primary key"),
        ("start", "-3", "minimum"),
        ("text", "", "required"),
    ]
    return dict(zip(lines, kinds, strict=True))


def write_million_figures(corpus_pkg: Path, out: Path, n_rows: int) -> dict[int, tuple[str, str, str]]:
    """A copy of the corpus package whose figures table has n_rows rows (real spans, repeated) and seeded errors."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(corpus_pkg, out, ignore=shutil.ignore_patterns("*.duckdb"))
    figures_csv = out / "datapackage" / "figures.csv"
    with open(figures_csv, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        base = list(reader)
    errors = seeded_errors(n_rows)
    col = {name: i for i, name in enumerate(header)}
    with open(figures_csv, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        previous_id = ""
        for i in range(n_rows):
            row = list(base[i % len(base)])
            row[col["figure_id"]] = f"{row[col['article_id']]}/m{i:07d}"
            line = i + 2
            if line in errors:
                column, value, _ = errors[line]
                row[col[column]] = previous_id if value == "DUPLICATE" else value
            previous_id = row[col["figure_id"]]
            writer.writerow(row)
    descriptor_path = out / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:
        if entry["name"] == "figures":
            data = figures_csv.read_bytes()
            entry["bytes"] = len(data)
            entry["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return errors


OUR_PROBLEM = re.compile(r"table (\w+), row (\d+)(?:, column ([\w,]+))?: \[([\w-]+)\]")


def our_catches(output: str) -> set[tuple[str, int]]:
    return {(m.group(1), int(m.group(2))) for m in OUR_PROBLEM.finditer(output)}


def frictionless_catches(output: str) -> set[tuple[str, int]]:
    report = json.loads(output[output.index("{") :])
    return {
        (task.get("name") or task.get("resource", {}).get("name", ""), err["rowNumber"])
        for task in report.get("tasks", [])
        for err in task.get("errors", [])
        if err.get("rowNumber")
    }


def validate_both(pkg: Path, label: str) -> tuple[float, float, set, set]:
    ours = run([str(BIN / "tidynews"), "validate", "--fast", str(pkg)])
    fl = run([str(BIN / "frictionless"), "validate", "--json", str(pkg / "datapackage.json")], cwd=pkg)
    print(
        f"{label}: ours (tidynews validate --fast) {ours.seconds:.1f} s (CPU {ours.cpu:.1f} s), frictionless "
        f"validate {fl.seconds:.1f} s (CPU {fl.cpu:.1f} s): ours is {fl.seconds / ours.seconds:.1f}x faster"
    )
    return (
        ours.seconds,
        fl.seconds,
        our_catches(ours.result.stdout + ours.result.stderr),
        frictionless_catches(fl.result.stdout),
    )


# --- main -------------------------------------------------------------------------------------


LONG_ARTICLE_BYTES = 4_900_000  # under the 5 MB limit of one article
SPLIT_ARTICLE_BYTES = 5_000
MEMORY_BUDGET = 2**30  # peak resident memory of a build's whole process tree


def long_and_split(folder: Path, total: int = LONG_ARTICLE_BYTES, part: int = SPLIT_ARTICLE_BYTES) -> tuple[Path, Path]:
    """One article of `total` bytes (a headline, then generated paragraphs) in folder/long, and the same paragraphs
    cut into articles of about `part` bytes in folder/split (each part's first paragraph is its headline)."""
    long_dir, split_dir = folder / "long", folder / "split"
    for d in (long_dir, split_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    paragraphs, size = [], 0
    for text in corpus_texts(seed=11):
        for paragraph in text.split("\n\n"):
            paragraph = paragraph.strip()
            if size + len(paragraph.encode()) + 2 > total:
                break
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        else:
            continue
        break
    (long_dir / "long.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    parts, current, current_size = [], [], 0
    for paragraph in paragraphs:
        if current and current_size + len(paragraph.encode()) > part:
            parts.append(current)
            current, current_size = [], 0
        current.append(paragraph)
        current_size += len(paragraph.encode()) + 2
    parts.append(current)
    for i, chunk in enumerate(parts):
        (split_dir / f"part_{i:05d}.txt").write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
    return long_dir, split_dir


class Summary:
    """The figures the issues ask for, with their targets, printed together at the end of the run."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, measure: str, value: str, target: str, met: bool | None) -> None:
        self.rows.append((measure, value, target, "-" if met is None else "yes" if met else "NO"))

    def print(self) -> None:
        print("\nsummary (ratios as wall-clock | CPU time; targets are for a quiet machine, judged on wall-clock)")
        widths = [max(len(r[i]) for r in [("measure", "value", "target", "met"), *self.rows]) for i in range(4)]
        for row in [("measure", "value", "target", "met"), *self.rows]:
            print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def bench_long_article(timeout: float, summary: Summary, total: int = LONG_ARTICLE_BYTES) -> None:
    """Item 16 of issue 9: every per-article step is linear, so one 4.9 MB article costs about what the same text
    costs as 5 KB articles (target: at most 1.3 times). One worker each, no extraction cache."""
    long_dir, split_dir = long_and_split(BENCH_DIR / "long-article", total=total)
    n_split = len(list(split_dir.iterdir()))
    size = (long_dir / "long.txt").stat().st_size
    print(f"long article: {size:,} bytes in one file; the same text as {n_split} articles of about 5 KB")
    runs: dict[str, Measured] = {}
    for label, seeds in (("split", split_dir), ("long", long_dir)):
        out = BENCH_DIR / "long-article" / f"pkg-{label}"
        if out.exists():
            shutil.rmtree(out)
        cmd = [str(BIN / "tidynews"), "build", "--seeds", str(seeds), "--out", str(out), "--workers", "1"]
        cmd += ["--no-cache", "--fast"]
        try:
            runs[label] = measured = run(cmd, timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"  {label:5} over the {timeout:.0f} s limit: stopped")
            continue
        must(measured.result)
        print(
            f"  {label:5} {measured.seconds:7.1f} s  CPU {measured.cpu:7.1f} s  peak memory {mib(measured.peak)}   "
            f"{' '.join(cmd[1:])}"
        )
    long, split = runs.get("long"), runs.get("split")
    if long and split:
        wall, cpu = long.seconds / split.seconds, long.cpu / split.cpu
        print(f"  ratio long / split: {wall:.2f} (target <= 1.3); in CPU time {cpu:.2f}")
        summary.add(
            f"one {size / 1e6:.1f} MB article / its 5 KB pieces", f"{wall:.2f} | {cpu:.2f}", "<= 1.3", wall <= 1.3
        )
    else:
        summary.add(f"one {size / 1e6:.1f} MB article / its 5 KB pieces", "not measured (timeout)", "<= 1.3", False)
    for label, measured in runs.items():
        summary.add(
            f"peak memory, {'the long article' if label == 'long' else 'its pieces'}",
            mib(measured.peak),
            "<= 1024 MiB",
            measured.peak <= MEMORY_BUDGET,
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def throughput_ratio(run_a: Measured, run_b: Measured) -> tuple[float, float]:
    """Throughput of run_a relative to run_b over the same articles, in wall-clock and in CPU time: b's time / a's."""
    return run_b.seconds / run_a.seconds, run_b.cpu / run_a.cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="A quick check of every step: --articles 40 --rows 20000 --long-bytes 60000 (about 3 minutes).",
    )
    parser.add_argument("--articles", type=int, default=1000, help="Articles in the generated corpus.")
    parser.add_argument("--workers", type=int, default=2, help="Worker processes of the builds and of nlp.pipe.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="Rows of the generated figures table.")
    parser.add_argument(
        "--long-article",
        action="store_true",
        help="Only time one long article against the same text as 5 KB articles (also part of the full run).",
    )
    parser.add_argument(
        "--long-bytes", type=int, default=LONG_ARTICLE_BYTES, help="Size of the long article (default 4.9 MB)."
    )
    parser.add_argument(
        "--long-timeout", type=float, default=900, help="Seconds before a long-article build is stopped."
    )
    args = parser.parse_args()
    summary = Summary()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    if args.long_article:
        bench_long_article(args.long_timeout, summary, args.long_bytes)
        summary.print()
        return

    corpus, pkg, dask_pkg = BENCH_DIR / "corpus", BENCH_DIR / "pkg", BENCH_DIR / "pkg-dask"
    paths = generate_corpus(args.articles, corpus)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"corpus: {len(paths)} articles, {chars / len(paths):,.0f} characters each on average, in {corpus}")

    # The build first: RUSAGE_CHILDREN's maxrss is the largest child so far, so it must be the first child.
    # Every build starts from an empty extraction cache (and writes it), unless said otherwise.
    def build(out: Path, *options: str) -> tuple[list[str], Measured]:
        cmd = [str(BIN / "tidynews"), "build", "--seeds", str(corpus), "--out", str(out), *options]
        measured = run(cmd)
        must(measured.result)
        return cmd, measured

    for folder in (pkg, dask_pkg):
        if folder.exists():
            shutil.rmtree(folder)
    build_cmd, local = build(pkg, "--workers", str(args.workers))
    build_maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(local.result.stdout.strip())
    spacy = run([sys.executable, "-c", BARE_SPACY, str(corpus), str(args.workers)])
    must(spacy.result)
    wall, cpu = throughput_ratio(local, spacy)
    print(f"build: {' '.join(build_cmd[1:])}")
    print(
        f"  tidynews build      {local.seconds:6.1f} s  CPU {local.cpu:6.1f} s  "
        f"{len(paths) / local.seconds:6.1f} articles/s"
    )
    print(
        f"  bare spaCy nlp.pipe {spacy.seconds:6.1f} s  CPU {spacy.cpu:6.1f} s  {len(paths) / spacy.seconds:6.1f} "
        f"articles/s   (n_process={args.workers})"
    )
    print(f"  ratio build / nlp.pipe: {wall:.2f} (target >= 0.8 on a quiet machine); in CPU time {cpu:.2f}")
    print(
        f"  peak memory: largest process {mib(build_maxrss)} (ru_maxrss), whole process tree "
        f"{mib(local.peak)} (target <= 1024 MiB); bare nlp.pipe tree {mib(spacy.peak)}"
    )
    summary.add("build / bare nlp.pipe throughput", f"{wall:.2f} | {cpu:.2f}", ">= 0.8", wall >= 0.8)
    summary.add("peak memory of the build, whole tree", mib(local.peak), "<= 1024 MiB", local.peak <= MEMORY_BUDGET)

    # The same build on Dask: a local cluster of the same number of worker processes.
    dask_cmd, dask = build(dask_pkg, "--engine", "dask", "--workers", str(args.workers))
    local_files, dask_files = package_bytes(pkg), package_bytes(dask_pkg)
    differ = sorted(
        name for name in local_files.keys() | dask_files.keys() if local_files.get(name) != dask_files.get(name)
    )
    wall, cpu = throughput_ratio(dask, local)
    print(f"dask: {' '.join(dask_cmd[1:])}")
    print(
        f"  tidynews build --engine dask {dask.seconds:6.1f} s  CPU {dask.cpu:6.1f} s  "
        f"{len(paths) / dask.seconds:6.1f} articles/s"
    )
    print(f"  throughput dask / local: {wall:.2f} (target >= 0.9); in CPU time {cpu:.2f}")
    print(f"  peak memory, whole process tree (scheduler, nannies, workers): {mib(dask.peak)}")
    print(f"  package byte-identical to the local engine's: {'yes' if not differ else 'NO: ' + ', '.join(differ)}")
    summary.add("dask / local throughput", f"{wall:.2f} | {cpu:.2f}", ">= 0.9", wall >= 0.9)
    summary.add("peak memory with dask, whole tree", mib(dask.peak), "<= 1024 MiB", dask.peak <= MEMORY_BUDGET)
    summary.add("dask package byte-identical to local", "yes" if not differ else "NO", "yes", not differ)

    # Incremental: one article more, the same command again (the cache holds the other articles' extractions).
    add_article(corpus, len(paths))
    _, again = build(pkg, "--workers", str(args.workers))
    wall, cpu = again.seconds / local.seconds, again.cpu / local.cpu
    print(f"incremental: one article added to {len(paths)}, the same build command again")
    print(
        f"  {again.seconds:.1f} s (CPU {again.cpu:.1f} s), {wall:.3f} of the full build (target <= 0.10); in CPU "
        f"time {cpu:.3f}; {again.result.stderr.strip()}"
    )
    print(f"  peak memory, whole process tree: {mib(again.peak)}")
    print(f"load average {os.getloadavg()[0]:.1f} after the builds")
    summary.add("incremental build (one article added) / full", f"{wall:.3f} | {cpu:.3f}", "<= 0.10", wall <= 0.10)

    validate_both(pkg, f"corpus package ({len(paths)} articles)")
    million = BENCH_DIR / "million"
    errors = write_million_figures(pkg, million, args.rows)
    ours_s, fl_s, ours, theirs = validate_both(million, f"figures table of {args.rows:,} rows")
    print("  seeded error (figures.csv line, column, value)          ours  frictionless")
    for line, (column, value, rule) in errors.items():
        mine, fl = ("figures", line) in ours, ("figures", line) in theirs
        print(
            f"  line {line:>8} {column:<10} {value!r:<18} {rule:<22} {'yes' if mine else 'NO':<5} "
            f"{'yes' if fl else 'NO'}"
        )
    caught = sum(("figures", line) in ours for line in errors)
    summary.add(
        f"validate {args.rows:,} figures rows: ours vs Frictionless",
        f"{fl_s / ours_s:.1f}x",
        ">= 10x",
        fl_s / ours_s >= 10,
    )
    summary.add(
        "seeded errors caught by ours", f"{caught}/{len(errors)}", f"{len(errors)}/{len(errors)}", caught == len(errors)
    )
    bench_long_article(args.long_timeout, summary, args.long_bytes)
    summary.print()


if __name__ == "__main__":
    main()
