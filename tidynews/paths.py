"""Every path the project uses, in one place.

The library's own files (Table Schemas, curated data) are package data beside this file, so an installed wheel
works anywhere. The repository root is found from this file when the library runs from a checkout; installed
elsewhere, the defaults (seeds/, the package folder, dist/) are relative to the current folder instead.
A package directory (the repository root, or any `--out DIR`) has the same layout:
`datapackage.json`, `schemas/` (a copy of the library's Table Schemas, written by every build),
and `datapackage/` holding the CSVs and the DuckDB database.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# A checkout: the folder holding pyproject.toml next to the library; an installed wheel: the current folder.
REPO_ROOT = PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "pyproject.toml").is_file() else Path.cwd()
SCHEMAS_DIR = PACKAGE_DIR / "table_schemas"  # the source of truth; a package's schemas/ is a copy
SEEDS_DIR = REPO_ROOT / "seeds"
DIST_DIR = REPO_ROOT / "dist"
# `tidynews build` without --out writes here (relative to the current folder), never over the release at the root
DEFAULT_BUILD_DIR = Path("build") / "package"
DATA_DIR = PACKAGE_DIR / "data"  # curated tables that ship with the library (gazetteer, lexicons)

DESCRIPTOR_NAME = "datapackage.json"
DATA_SUBDIR = "datapackage"
DATABASE_NAME = "tidynews.duckdb"
SCHEMA_SUBDIR = "schemas"

# Order matters: a table comes after every table its foreign keys point to.
TABLES = (
    "articles",
    "actors",
    "places",
    "actor_mentions",
    "place_mentions",
    "statements",
    "figures",
)


def find_package(path: Path) -> Path:
    """The package folder that `path` names: a folder holding datapackage.json, or that file itself.

    Raises TidynewsError saying there is no package there (not a complaint about schemas or tables).
    """
    from tidynews.errors import TidynewsError

    path = Path(path)
    if path.name == DESCRIPTOR_NAME and path.is_file():
        return path.parent
    if not path.exists():
        raise TidynewsError(f"no package at {path}: it does not exist")
    if not descriptor_path(path).is_file():
        where = f"{path} ({path.resolve()})" if str(path) in {".", ""} else str(path)
        raise TidynewsError(
            f"no package at {where}: there is no {DESCRIPTOR_NAME}; give the package folder (or run where it is)"
        )
    return path


def descriptor_path(package_dir: Path) -> Path:
    return Path(package_dir) / DESCRIPTOR_NAME


def table_path(package_dir: Path, table: str) -> Path:
    return Path(package_dir) / DATA_SUBDIR / f"{table}.csv"


def database_path(package_dir: Path) -> Path:
    return Path(package_dir) / DATA_SUBDIR / DATABASE_NAME


def schema_path(table: str, schemas_dir: Path = SCHEMAS_DIR) -> Path:
    return Path(schemas_dir) / f"{table}.json"


# --- Releases ------------------------------------------------------------------------------------
# A release is dist/tidynews-<version>.zip (+ .zip.sha256). Inside, one folder tidynews-<version>/ holds the package
# (same layout as above, schemas also inline in datapackage.json) plus the files below.
RELEASE_NAME = "tidynews"
PARQUET_SUBDIR = "parquet"
CHANGELOG_NAME = "CHANGELOG.md"
CODEBOOK_NAME = "CODEBOOK.md"
RULES_NAME = "RULES.md"
README_NAME = "README.md"
CITATION_NAME = "CITATION.cff"
LICENSE_NAME = "LICENSE.md"
CHECKSUMS_NAME = "SHA256SUMS"


def release_stem(version: str) -> str:
    """`tidynews-1.2.0`: the zip's name without `.zip`, and the folder inside it."""
    return f"{RELEASE_NAME}-{version}"


def release_zip_path(version: str, dist_dir: Path = DIST_DIR) -> Path:
    return Path(dist_dir) / f"{release_stem(version)}.zip"


def parquet_path(package_dir: Path, table: str) -> Path:
    return Path(package_dir) / PARQUET_SUBDIR / f"{table}.parquet"
