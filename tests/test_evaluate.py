"""`make eval`'s table: headline measures read from each scorer's --json output (made-up outputs here: the shared
sets are never copied into the project), and a quiet skip where the shared folder is absent (CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tidynews.evaluate import EVAL_SETS, HEADLINES, headline_table, scorer_json
from tidynews.paths import REPO_ROOT


def test_every_dev_set_has_headline_measures():
    assert set(HEADLINES) == set(EVAL_SETS)
    assert all(HEADLINES[name] for name in HEADLINES)


def test_scorer_json_reads_the_object_before_a_summary_line():
    output = json.dumps({"summary": {"actors": {"f1": 0.5}}}, indent=1) + "\nF1 actors 0.50\n"
    assert scorer_json(output) == {"summary": {"actors": {"f1": 0.5}}}


def test_table_has_one_row_per_measure_with_ratios_and_missing_values():
    dev = {
        "summary": {
            "actors": {"f1": 0.75},
            "places": {"f1": 1.0, "country_ok": 3, "country_n": 4},
            "statements": {"f1": 0.5, "attributed": 1, "tp": 2},
            "figures": {"f1": 0.25, "counts_ok": 0, "tp": 0},  # nothing found: the ratio is missing, not 0
        }
    }
    lines = headline_table({"dev": dev}).splitlines()
    assert lines[0] == "| set | measure | value | target |"
    assert len(lines) == 2 + len(HEADLINES["dev"])
    assert "| dev | actors F1 | 0.750 | ≥ 0.90 |" in lines
    assert "| dev | places country code right | 0.750 | ≥ 0.95 |" in lines
    assert "| dev | statements speaker right, of found | 0.500 | ≥ 0.85 |" in lines
    assert "| dev | figures counted object right | missing | ≥ 0.85 |" in lines


def test_make_eval_without_the_shared_folder_says_so_and_succeeds(tmp_path):
    env = {**os.environ, "TIDYNEWS_EVAL": str(tmp_path / "absent"), "PYTHONPATH": str(REPO_ROOT)}
    run = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "eval.py"), "--table"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "no evaluation sets at" in run.stdout and "absent" in run.stdout
