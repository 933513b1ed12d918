"""Every path the project uses, in one place.

The repository root is found from this file, so the library works from any current directory.
A package directory (the repository root, or any `--out DIR`) has the same layout:
`datapackage.json`, `schemas/`, and `datapackage/` holding the CSVs and the DuckDB database.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
SCHEMAS_DIR = REPO_ROOT / "schemas"
SEEDS_DIR = REPO_ROOT / "seeds"
DIST_DIR = REPO_ROOT / "dist"
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


def descriptor_path(package_dir: Path) -> Path:
    return Path(package_dir) / DESCRIPTOR_NAME


def table_path(package_dir: Path, table: str) -> Path:
    return Path(package_dir) / DATA_SUBDIR / f"{table}.csv"


def database_path(package_dir: Path) -> Path:
    return Path(package_dir) / DATA_SUBDIR / DATABASE_NAME


def schema_path(table: str, schemas_dir: Path = SCHEMAS_DIR) -> Path:
    return Path(schemas_dir) / f"{table}.json"
