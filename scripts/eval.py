"""Measure extraction on the shared evaluation sets: `python scripts/eval.py [SET ...] [--full]`.

Sets: dev, statements, places, actors, casualties (the dev splits; default: all), statements-train, actors-train.
Prints each scorer's full output (or only its summary line with --summary). Parses are cached between runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tidynews.evaluate import EVAL_SETS, run_eval, summary_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", default=list(EVAL_SETS))
    parser.add_argument("--out", type=Path, default=Path("/tmp/tidynews-eval"))
    parser.add_argument("--summary", action="store_true", help="print only each scorer's one-line summary")
    args, extra = parser.parse_known_args()
    outputs = run_eval(args.sets, args.out, extra)
    if args.summary:
        print("\n".join(summary_lines(outputs)))
    else:
        for name, out in outputs.items():
            print(f"=== {name}\n{out}")


if __name__ == "__main__":
    main()
