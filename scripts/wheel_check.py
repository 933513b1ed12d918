"""Prove that an installed wheel works outside the repository: `python scripts/wheel_check.py [--keep]`.

Builds the wheel of this checkout (`pip wheel . --no-deps`), makes a fresh virtual environment in a temporary folder
whose site-packages is a copy of this environment's dependencies (without tidynews itself, and without network),
installs the wheel there, and from another temporary folder runs `tidynews build` on a copy of the seed articles,
then `tidynews validate`. It prints where tidynews was imported from, and that only the new venv's site-packages
holds a tidynews package (no repository path, no editable-install hook), so the Table Schemas and data files must
have come from the wheel. `make wheel-check` runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(cmd: list[str], **kwargs) -> str:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    output = (done.stdout + done.stderr).strip()
    if output:
        print(output)
    if done.returncode != 0:
        raise SystemExit(f"failed with exit code {done.returncode}")
    return done.stdout


def not_tidynews(folder: str, names: list[str]) -> set[str]:
    """What copytree leaves out of site-packages: tidynews's editable install and pip (the new venv has its own)."""
    return {n for n in names if "tidynews" in n.lower() or n == "pip" or n.startswith("pip-")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tidynews-wheel-"))
    try:
        wheels = work / "wheels"
        run([sys.executable, "-m", "pip", "wheel", str(REPO), "-w", str(wheels), "--no-deps", "--quiet"])
        wheel = next(wheels.glob("tidynews-*.whl"))
        venv = work / "venv"
        run([str(Path(sys.base_prefix) / "bin" / "python3"), "-m", "venv", str(venv)])
        python = venv / "bin" / "python"
        target = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
        shutil.copytree(sysconfig.get_paths()["purelib"], target, ignore=not_tidynews, dirs_exist_ok=True)
        run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)])
        run([str(python), "-m", "pip", "check"])

        elsewhere = work / "elsewhere"
        (elsewhere / "articles").mkdir(parents=True)
        for article in sorted((REPO / "seeds").glob("*.txt")):
            shutil.copy(article, elsewhere / "articles" / article.name)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(elsewhere), "LANG": os.environ.get("LANG", "C.UTF-8")}
        probe = (
            "import os, sys, tidynews, tidynews.paths as p; print('tidynews from', tidynews.__file__); "
            "print('schemas from', p.SCHEMAS_DIR); "
            "print('folders on sys.path holding a tidynews package:', "
            "[x for x in sys.path if os.path.isdir(os.path.join(x or '.', 'tidynews'))]); "
            "print('editable-install hooks:', [n for x in sys.path if os.path.isdir(x) for n in os.listdir(x) "
            "if n.startswith('__editable__')])"
        )
        run([str(python), "-c", probe], cwd=elsewhere, env=env)
        tidynews = str(venv / "bin" / "tidynews")
        run([tidynews, "build", "--seeds", "articles", "--out", "pkg"], cwd=elsewhere, env=env)
        run([tidynews, "validate", "pkg"], cwd=elsewhere, env=env)
        print(f"ok: the wheel {wheel.name} built and validated the seed package in {elsewhere}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
