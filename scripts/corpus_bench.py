"""Peak memory of building a package from one CSV corpus of generated short articles (issue 13).

    python scripts/corpus_bench.py --articles 20000 --workers 2 [--dir bench/corpus]

Writes `corpus.csv` (id, title, text, date, outlet, url; one row per article, generated from sentences written for
this script, names, places, numbers and dates varied so that every article is unique), then runs
`tidynews build --seeds corpus.csv --workers N --no-cache` and prints the wall time, the peak resident memory of
the build's whole process tree (sampled from /proc every 0.1 s) and of its largest process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
from datetime import date, timedelta
from pathlib import Path

from bench import REPO_ROOT, must, run  # scripts/ is on sys.path when this script runs

PEOPLE = ["Mara Quist", "Tomas Reyes", "Ines Marlow", "Hana Berg", "Jonas Ekdahl", "Lucia Ferrer", "Oren Tal"]
ROLES = ["the mayor", "the harbour master", "a union spokesman", "the transport minister", "a council member"]
PLACES = ["Harbourtown", "Eastfield", "the northern district", "Port Alden", "the river valley", "Westmere"]
OUTLETS = ["Island Herald", "City Post", "Valley Courier", "Coastal Ledger"]
THINGS = ["ferry crossings", "bus routes", "school places", "housing units", "hospital beds", "street lamps"]
TITLES = [
    "{place} council votes on {things}",
    "{person} defends plan for {things}",
    "Residents of {place} wait for new {things}",
    "Budget for {things} in {place} approved",
]
PARAGRAPHS = [
    "The council in {place} on {day} approved {n} new {things}, {person}, {role}, said.",
    '"We promised this to the people of {place} and we have kept our word," {person} told reporters.',
    "About {m} residents signed a petition last year asking for more {things}, according to the council.",
    "Critics said the plan would cost {n2} million euros and take {k} years to finish.",
    "{person} said the work would start in the spring if the weather allowed it.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, path: Path, seed: int = 13) -> None:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "title", "text", "date", "outlet", "url"])
        for i in range(n):
            values = {
                "place": rng.choice(PLACES),
                "person": rng.choice(PEOPLE),
                "role": rng.choice(ROLES),
                "things": rng.choice(THINGS),
                "day": rng.choice(DAYS),
                "n": rng.randint(2, 400),
                "m": f"{rng.randint(1, 90) * 100:,}",
                "n2": rng.randint(2, 90),
                "k": rng.randint(2, 9),
            }
            title = rng.choice(TITLES).format(**values)
            paragraphs = [PARAGRAPHS[0]] + rng.sample(PARAGRAPHS[1:], 2)
            text = "\n\n".join(p.format(**values) for p in paragraphs) + f" (Item {i}.)"
            published = (start + timedelta(days=rng.randint(0, 364))).strftime("%B %-d, %Y")
            outlet = rng.choice(OUTLETS)
            url = f"https://{outlet.lower().replace(' ', '-')}.example.org/news/{i}"
            writer.writerow([f"g{i:05d}", title, text, published, outlet, url])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", type=Path, default=REPO_ROOT / "bench" / "corpus")
    args = parser.parse_args()
    corpus = args.dir / "corpus.csv"
    generate(args.articles, corpus)
    print(f"{corpus}: {args.articles:,} articles, {corpus.stat().st_size / 2**20:.1f} MiB", flush=True)
    tidynews = [sys.executable, "-c", "from tidynews.cli import main; main()"]  # this interpreter, this checkout
    cmd = [*tidynews, "build", "--seeds", str(corpus), "--out", str(args.dir / "pkg")]
    cmd += ["--workers", str(args.workers), "--no-cache"]
    seconds, peak, result = run(cmd, cwd=REPO_ROOT)
    must(result)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(result.stdout.strip())
    print(
        f"build: {seconds:,.1f} s, {args.articles / seconds:.1f} articles/s; peak memory: whole process tree "
        f"{peak / 2**20:,.0f} MiB, largest process {largest / 2**20:,.0f} MiB (ru_maxrss)"
    )


if __name__ == "__main__":
    main()
