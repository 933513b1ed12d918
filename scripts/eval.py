"""Measure extraction on the shared evaluation sets: `python scripts/eval.py [SET ...] [--table | --summary]`.

Sets: dev, statements, places, actors, casualties (the dev splits; default: all), statements-train, actors-train.
Prints each scorer's full output, only its summary line (--summary), or one table of the headline measures of every
dev set (--table: what `make eval` runs, and what the README's extraction-quality section shows). Parses are cached
between runs. Without the shared folder (`../shared/eval`, or $TIDYNEWS_EVAL) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Measure the checkout this script is in (a git worktree too), not whichever tidynews the venv has installed:
# `python scripts/eval.py` puts scripts/ first on sys.path, not the checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tidynews.evaluate import (  # noqa: E402
    EVAL_SETS,
    available_sets,
    eval_dir,
    headline_table,
    run_eval,
    run_headlines,
    summary_lines,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", default=list(EVAL_SETS))
    parser.add_argument("--out", type=Path, default=Path("/tmp/tidynews-eval"))
    parser.add_argument("--summary", action="store_true", help="print only each scorer's one-line summary")
    parser.add_argument("--table", action="store_true", help="print one table of every dev set's headline measures")
    args, extra = parser.parse_known_args()
    if not eval_dir().is_dir():
        print(f"no evaluation sets at {eval_dir()}: nothing to measure (set TIDYNEWS_EVAL to their folder)")
        return
    if args.table:
        sets = available_sets([s for s in args.sets if s in EVAL_SETS])
        if not sets:
            print(f"none of {', '.join(args.sets)} is under {eval_dir()}: nothing to measure")
            return
        print(headline_table(run_headlines(args.out, sets)), end="")
        return
    outputs = run_eval(args.sets, args.out, extra)
    if args.summary:
        print("\n".join(summary_lines(outputs)))
    else:
        for name, out in outputs.items():
            print(f"=== {name}\n{out}")


if __name__ == "__main__":
    main()
