"""Publish a release: build -> validate -> compare with the last release -> choose the version -> write the release.

A release is `dist/tidynews-<version>.zip` (+ `.zip.sha256`), holding one folder `tidynews-<version>/` with the
package (CSVs, schemas inline and as files), Parquet copies, the DuckDB database, README, codebook, changelog,
CITATION.cff, licence and SHA256SUMS. The package, CHANGELOG.md, CODEBOOK.md and CITATION.cff are also installed
at the repository root, which therefore always holds the current release.

Guarantees:
- nothing is released unless the build validates, and nothing is released when nothing changed;
- a version that exists is never overwritten; the archive is assembled in a temporary folder and linked into
  dist/ only when complete, so an interrupted publish leaves the previous release as it was;
- the same inputs give the same bytes: sorted rows, fixed zip timestamps and order, a DuckDB file without its
  random identifier, `created` from the inputs and the release date from SOURCE_DATE_EPOCH (else today, UTC).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tidynews.codebook import citation_cff, codebook, data_licence, release_readme, rules_markdown
from tidynews.diff import LEVELS, PackageDiff, diff_packages, load_package
from tidynews.errors import TidynewsError
from tidynews.guard import source_date_epoch
from tidynews.markdown import md_code, one_line
from tidynews.paths import (
    CHANGELOG_NAME,
    CHECKSUMS_NAME,
    CITATION_NAME,
    CODEBOOK_NAME,
    DATA_SUBDIR,
    DESCRIPTOR_NAME,
    DIST_DIR,
    LICENSE_NAME,
    README_NAME,
    RELEASE_NAME,
    REPO_ROOT,
    RULES_NAME,
    SCHEMA_SUBDIR,
    SEEDS_DIR,
    database_path,
    descriptor_path,
    parquet_path,
    release_stem,
    release_zip_path,
)
from tidynews.schemas import TableSchema, arrow_type, field_type, load_schemas

FIRST_VERSION = "0.1.0"
RELEASE_MARKER = "tidynews:release"  # in datapackage.json of a release; `tidynews build` does not write it
SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
ZIP_NAME = re.compile(rf"^{RELEASE_NAME}-(\d+\.\d+\.\d+)\.zip$")
CHANGELOG_HEADER = (
    "# Changelog\n\n"
    "Every release of the tidynews data package, newest first. Versions follow the Data Package versioning recipe: "
    "MAJOR when a table or field is removed, renamed, reordered or retyped, a constraint is tightened, or rows "
    "that other tables point to (articles, actors, places) are removed; MINOR when tables, fields or rows are added "
    "or a constraint is loosened; PATCH when rows are corrected, wrongly extracted statements or figures are "
    "removed, or only metadata changes. Written by `tidynews publish`.\n"
)
MAX_NAMED_ROWS = 10  # rows named per table and kind in a changelog entry
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can carry


class ReleaseError(TidynewsError):
    """The release cannot be made as asked (downgrade, existing version, unknown last release)."""


@dataclass
class LastRelease:
    version: str
    path: Path  # a release zip, or a package folder (the repository root)


@dataclass
class PublishResult:
    version: str | None  # None: nothing released
    level: str | None
    message: str
    zip_path: Path | None = None
    diff: PackageDiff | None = None
    changelog_entry: str = ""


# --- Versions ---------------------------------------------------------------------------------------


def parse_version(version: str) -> tuple[int, int, int]:
    m = SEMVER.match(version or "")
    if not m:
        raise ReleaseError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    return int(m[1]), int(m[2]), int(m[3])


def bump_version(version: str, level: str) -> str:
    """1.4.2 + 'minor' -> 1.5.0."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ReleaseError(f"unknown level {level!r}: use major, minor or patch")


def choose_level(needed: str, forced: str | None) -> str:
    """The level to release at: the one the changes need, or a higher one forced with --bump; never lower."""
    if forced is None:
        return needed
    if forced not in LEVELS:
        raise ReleaseError(f"--bump must be major, minor or patch, not {forced!r}")
    if LEVELS.index(forced) < LEVELS.index(needed):
        raise ReleaseError(
            f"the changes need a {needed.upper()} release; --bump {forced} would hide that from the data's users"
        )
    return forced


def release_date(date: str | None = None) -> str:
    """The release date: `date` when given (YYYY-MM-DD, to rebuild a past release), else SOURCE_DATE_EPOCH's day
    (reproducible builds), else today in UTC."""
    if date is not None:
        try:
            return datetime.strptime(date, "%Y-%m-%d").strftime("%Y-%m-%d")
        except ValueError:
            raise ReleaseError(f"--date must be YYYY-MM-DD, not {date!r}") from None
    epoch = source_date_epoch()
    now = datetime.fromtimestamp(epoch, tz=UTC) if epoch is not None else datetime.now(tz=UTC)
    return now.strftime("%Y-%m-%d")


# --- Finding the last release -------------------------------------------------------------------------


def released_zips(dist_dir: Path) -> dict[str, Path]:
    """version -> zip for every release in dist_dir."""
    out = {}
    if Path(dist_dir).is_dir():
        for p in Path(dist_dir).iterdir():
            if (m := ZIP_NAME.match(p.name)) and p.is_file():
                out[m[1]] = p
    return out


def root_release_version(root: Path) -> str | None:
    """The version of the package at root when it was installed by a release (not by a plain build)."""
    try:
        descriptor = json.loads(descriptor_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return descriptor.get("version") if RELEASE_MARKER in descriptor else None


def changelog_versions(root: Path) -> list[str]:
    try:
        text = (Path(root) / CHANGELOG_NAME).read_text(encoding="utf-8")
    except OSError:
        return []
    return re.findall(r"^## (\d+\.\d+\.\d+)", text, flags=re.M)


def find_last_release(dist_dir: Path, root: Path | None) -> LastRelease | None:
    """The newest release: the highest-versioned zip in dist/, or the package at root if that is newer.

    dist/ is not in git, so on a fresh clone the root package (installed by the last publish, and committed) is
    the last release. A root package overwritten by `tidynews build` is not a release: if the changelog says
    there was one and no copy of it is found, publishing stops rather than compare with the wrong thing.
    """
    candidates = [LastRelease(v, p) for v, p in released_zips(dist_dir).items()]
    if root is not None and (v := root_release_version(root)):
        candidates.append(LastRelease(v, Path(root)))
    # the highest version; for the same version prefer the zip (it is what was published)
    last = max(candidates, key=lambda c: (parse_version(c.version), c.path.suffix == ".zip"), default=None)
    versions = changelog_versions(root) if root is not None else []
    if versions and (last is None or parse_version(versions[0]) > parse_version(last.version)):
        raise ReleaseError(
            f"{CHANGELOG_NAME} lists release {versions[0]}, but neither {dist_dir} nor {root}/{DESCRIPTOR_NAME} "
            f"holds it (was the root package overwritten by `tidynews build`?). Restore it with "
            f"`git checkout -- {DESCRIPTOR_NAME} {DATA_SUBDIR}` or put {release_stem(versions[0])}.zip in {dist_dir}"
        )
    return last


def read_changelog(last: LastRelease | None) -> str:
    """The changelog of the last release (from its zip or root folder); the bare header when there is none."""
    if last is None:
        return CHANGELOG_HEADER
    if last.path.suffix == ".zip":
        with zipfile.ZipFile(last.path) as zf:
            name = f"{release_stem(last.version)}/{CHANGELOG_NAME}"
            if name in zf.namelist():
                return zf.read(name).decode("utf-8")
        return CHANGELOG_HEADER
    path = last.path / CHANGELOG_NAME
    return path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADER


# --- The changelog entry ---------------------------------------------------------------------------------


def _name_rows(label: str, keys: list[str]) -> str:
    shown = ", ".join(md_code(k) for k in keys[:MAX_NAMED_ROWS])
    more = f" and {len(keys) - MAX_NAMED_ROWS} more" if len(keys) > MAX_NAMED_ROWS else ""
    return f"  - {label}: {shown}{more}"


def changelog_entry(
    version: str, released: str, level: str, diff: PackageDiff | None, rows: dict[str, int], forced: bool
) -> str:
    """A dated entry that says in words and numbers what changed, naming the rows added, removed and corrected."""
    lines = [f"## {version} ({released})", ""]
    if diff is None:
        lines.append("First release: " + ", ".join(f"{t} {n} row{'s' * (n != 1)}" for t, n in rows.items()) + ".")
        return "\n".join(lines) + "\n"
    needed = diff.level
    why = "; ".join(diff.reasons(needed))
    head = f"**{level.upper()}**: {why}."
    if forced and level != needed:
        head = f"**{level.upper()}** (forced with `--bump {level}`; the changes alone need {needed.upper()}): {why}."
    lines += [head, ""]
    for c in diff.metadata:
        lines.append(f"- {c.what}")
    for t in diff.tables:
        summary = t.summary()
        if not summary:
            continue
        lines.append(f"- {summary}")
        if t.added and t.status == "same":
            lines.append(_name_rows("added", t.added))
        if t.removed:
            lines.append(_name_rows("removed", t.removed))
        if t.changed:
            lines.append(_name_rows("corrected", [f"{k} ({', '.join(cells)})" for k, cells in t.changed]))
    # row keys and field names come from file names and data: each line stays one line (no fake headings)
    return "\n".join(one_line(line) for line in lines) + "\n"


def add_to_changelog(changelog: str, entry: str) -> str:
    """The changelog with the entry on top of the earlier ones, under the standard header."""
    first = re.search(r"^## ", changelog, flags=re.M)
    earlier = changelog[first.start() :] if first else ""
    return CHANGELOG_HEADER + "\n" + entry + ("\n" + earlier if earlier else "")


# --- Writing the release ------------------------------------------------------------------------------------


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_parquet(package_dir: Path, schemas: dict[str, TableSchema], version: str) -> None:
    """A typed Parquet copy of every table; the version, table and schema in the file's key-value metadata.

    Empty cells are nulls, as in the DuckDB database.
    """
    for name, schema in schemas.items():
        types = {f["name"]: arrow_type(field_type(f)) for f in schema.fields}
        table = pacsv.read_csv(
            package_dir / DATA_SUBDIR / f"{name}.csv",
            convert_options=pacsv.ConvertOptions(
                column_types=types,
                include_columns=schema.field_names,
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                true_values=["true"],
                false_values=["false"],
            ),
        )
        fields = [
            pa.field(f["name"], types[f["name"]], metadata={"description": f.get("description", "")})
            for f in schema.fields
        ]
        metadata = {
            "tidynews:package": RELEASE_NAME,
            "tidynews:version": version,
            "tidynews:table": name,
            "tidynews:table_schema": json.dumps(schema.table_schema, ensure_ascii=False, sort_keys=True),
        }
        table = table.cast(pa.schema(fields, metadata=metadata))
        out = parquet_path(package_dir, name)
        out.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, out, compression="zstd")


def release_descriptor(build_dir: Path, version: str, released: str) -> dict:
    """The built descriptor with the version, the release marker and every Table Schema inline."""
    descriptor = json.loads(descriptor_path(build_dir).read_text(encoding="utf-8"))
    descriptor["version"] = version
    descriptor[RELEASE_MARKER] = {"released": released}
    for res in descriptor["resources"]:
        if isinstance(res.get("schema"), str):
            res["schema"] = json.loads((build_dir / res["schema"]).read_text(encoding="utf-8"))
    return descriptor


def assemble_release(build_dir: Path, release_dir: Path, version: str, released: str, changelog: str) -> None:
    """Lay out the complete release folder from a validated build."""
    from tidynews.build import write_descriptor  # local, like build_package in publish: build imports spaCy

    release_dir.mkdir(parents=True)
    # the CSVs and the DuckDB database exactly as built (the database depends on the CSVs and schemas only)
    shutil.copytree(build_dir / DATA_SUBDIR, release_dir / DATA_SUBDIR)
    shutil.copytree(build_dir / SCHEMA_SUBDIR, release_dir / SCHEMA_SUBDIR)
    descriptor = release_descriptor(build_dir, version, released)
    write_descriptor(descriptor, descriptor_path(release_dir))
    schemas = load_schemas(release_dir / SCHEMA_SUBDIR)
    write_parquet(release_dir, schemas, version)
    documents = {
        CHANGELOG_NAME: changelog,
        CODEBOOK_NAME: codebook(release_dir, released),
        RULES_NAME: rules_markdown(),
        README_NAME: release_readme(release_dir, released),
        CITATION_NAME: citation_cff(descriptor, released),
        LICENSE_NAME: data_licence(descriptor),
    }
    for name, text in documents.items():
        (release_dir / name).write_text(text, encoding="utf-8")
    files = sorted(p.relative_to(release_dir).as_posix() for p in release_dir.rglob("*") if p.is_file())
    sums = "".join(f"{sha256_bytes((release_dir / f).read_bytes())}  {f}\n" for f in files)
    (release_dir / CHECKSUMS_NAME).write_text(sums, encoding="utf-8")


def zip_timestamp(created: str) -> tuple[int, int, int, int, int, int]:
    """Every entry's time: the package's `created` (from the inputs), never the clock; at least 1980."""
    try:
        when = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        when = ZIP_EPOCH
    when = max(when, ZIP_EPOCH)
    return when.year, when.month, when.day, when.hour, when.minute, when.second


def write_zip(release_dir: Path, zip_path: Path) -> None:
    """Zip the release folder reproducibly: sorted entries under one top folder, fixed times and permissions."""
    created = json.loads(descriptor_path(release_dir).read_text(encoding="utf-8")).get("created", "")
    stamp = zip_timestamp(created)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(p for p in release_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{release_dir.name}/{path.relative_to(release_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the platform
            info.external_attr = 0o100644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    zip_path.write_bytes(buf.getvalue())


def move_into_dist(files: list[Path], dist_dir: Path) -> None:
    """Link each finished file into dist/ under its own name; fail, changing nothing, if one already exists.

    A hard link is atomic and refuses to replace an existing file, so even two publishes racing cannot
    overwrite a version. The zip comes first: a crash before it leaves dist/ as it was.
    """
    linked = []
    try:
        for f in files:
            target = dist_dir / f.name
            try:
                os.link(f, target)
            except FileExistsError:
                raise ReleaseError(f"{target} already exists: a released version is never overwritten") from None
            except OSError:  # a file system without hard links: check, then rename (not race-proof)
                if target.exists():
                    raise ReleaseError(f"{target} already exists: a released version is never overwritten") from None
                os.replace(f, target)
            linked.append(target)
    except BaseException:
        for target in linked:
            target.unlink(missing_ok=True)
        raise


ROOT_FILES = (DESCRIPTOR_NAME, CHANGELOG_NAME, CODEBOOK_NAME, RULES_NAME, CITATION_NAME)


def install_root(release_dir: Path, root: Path) -> None:
    """Make the root hold the release: its descriptor, CSVs and database, schemas, changelog, codebook, rules and
    citation.

    The Parquet copies and the README stay in the zip (the repository has its own README). The root's schemas/ is
    the published copy of the library's Table Schemas (tidynews/table_schemas/), replaced like the rest.
    """
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tidynews-install-", dir=root))
    try:
        shutil.copytree(release_dir / DATA_SUBDIR, staging / DATA_SUBDIR)
        for name in ROOT_FILES:
            shutil.copy2(release_dir / name, staging / name)
        shutil.copytree(release_dir / SCHEMA_SUBDIR, staging / SCHEMA_SUBDIR)
        old = staging / "old"
        for name in (DATA_SUBDIR, SCHEMA_SUBDIR):
            if (staging / name).exists():
                if (root / name).exists():
                    old.mkdir(exist_ok=True)
                    os.replace(root / name, old / name)
                os.replace(staging / name, root / name)
        for name in ROOT_FILES:  # the descriptor last among the package files would be nicer, but all are renames
            os.replace(staging / name, root / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_root(last: LastRelease, root: Path, work: Path) -> bool:
    """Reinstall the last release at root when root no longer holds it (a plain build, a crash); return if done."""
    if last.path.suffix != ".zip":
        return False
    stem = release_stem(last.version)
    with zipfile.ZipFile(last.path) as zf:
        released = zf.read(f"{stem}/{DESCRIPTOR_NAME}")
        current = descriptor_path(root).read_bytes() if descriptor_path(root).exists() else b""
        if current == released:
            return False
        zf.extractall(work / "restore")
    install_root(work / "restore" / stem, root)
    return True


# --- The whole flow -------------------------------------------------------------------------------------------


def publish(
    seeds_dir: Path = SEEDS_DIR,
    root: Path | None = REPO_ROOT,
    dist_dir: Path = DIST_DIR,
    bump: str | None = None,
    workers: int = 1,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[], None] | None = None,
    date: str | None = None,
) -> PublishResult:
    """Build and validate the package of seeds_dir once, then release it (release_package).

    root: the folder that holds the current release (the repository root); None to only write dist/.
    date: the release date for the changelog and citation (default: see release_date).
    """
    from tidynews.build import build_package
    from tidynews.cache import CACHE_DIR_NAME

    check_bump(bump)
    dist_dir = Path(dist_dir)
    dist_dir.mkdir(parents=True, exist_ok=True)
    last = find_last_release(dist_dir, Path(root) if root is not None else None)
    work = Path(tempfile.mkdtemp(prefix=".tidynews-build-", dir=dist_dir))
    try:
        # build and validate (raises, releasing nothing, when the package is invalid)
        built = work / "build"
        build_package(
            seeds_dir,
            built,
            workers=workers,
            # the extraction cache outlives the build folder: beside the release at root, never in it
            cache_dir=root / CACHE_DIR_NAME if root is not None else None,
            version=last.version if last else FIRST_VERSION,
            on_start=on_start,
            on_article=on_article,
        )
        return release_package(built, root, dist_dir, bump=bump, date=date, validated=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_bump(bump: str | None) -> None:
    if bump is not None and bump not in LEVELS:
        raise ReleaseError(f"--bump must be major, minor or patch, not {bump!r}")


def table_rows(package_dir: Path) -> dict[str, int]:
    """Rows per table of a package folder, in the descriptor's order."""
    import csv

    descriptor = json.loads(descriptor_path(package_dir).read_text(encoding="utf-8"))
    rows = {}
    for res in descriptor["resources"]:
        with open(Path(package_dir) / res["path"], encoding="utf-8", newline="") as f:
            rows[res["name"]] = sum(1 for _ in csv.DictReader(f))
    return rows


def release_package(
    built: Path,
    root: Path | None = REPO_ROOT,
    dist_dir: Path = DIST_DIR,
    bump: str | None = None,
    date: str | None = None,
    validated: bool = False,
) -> PublishResult:
    """Release a package `tidynews build` wrote: compare it with the last release, choose the version, and if
    anything changed write the release (its CSVs and DuckDB database as built, never rebuilt) into dist/ and root.

    validated: the caller has just built (and so validated) it; otherwise it is validated here first, as a
    package folder may have been edited since its build.
    """
    from tidynews.validate import validate_package

    check_bump(bump)
    built = Path(built)
    if not descriptor_path(built).is_file() or not database_path(built).is_file():
        raise ReleaseError(f"{built} is not a package built by `tidynews build` (no datapackage.json or database)")
    if not validated:
        validate_package(built)
    dist_dir = Path(dist_dir)
    root = Path(root) if root is not None else None
    released = release_date(date)
    dist_dir.mkdir(parents=True, exist_ok=True)
    last = find_last_release(dist_dir, root)
    work = Path(tempfile.mkdtemp(prefix=".tidynews-publish-", dir=dist_dir))
    try:
        # 1. compare and choose the version
        if last is None:
            diff, needed = None, "minor"
            version = FIRST_VERSION if bump is None else bump_version("0.0.0", bump)
            level = bump or "minor"
        else:
            diff = diff_packages(load_package(last.path), load_package(built))
            needed = diff.level
            if needed is None:
                restored = root is not None and restore_root(last, root, work)
                note = f"; reinstalled {last.version} at {root}" if restored else ""
                return PublishResult(None, None, f"no change since {last.version}: nothing released{note}", diff=diff)
            level = choose_level(needed, bump)
            version = bump_version(last.version, level)
        zip_path = release_zip_path(version, dist_dir)
        if zip_path.exists():
            raise ReleaseError(f"{zip_path} already exists: a released version is never overwritten")

        # 2. version, changelog entry; 3. the release folder and its archive
        entry = changelog_entry(version, released, level, diff, table_rows(built), forced=bump is not None)
        changelog = add_to_changelog(read_changelog(last), entry)
        release_dir = work / release_stem(version)
        assemble_release(built, release_dir, version, released, changelog)
        staged_zip = work / zip_path.name
        write_zip(release_dir, staged_zip)
        staged_sum = work / f"{zip_path.name}.sha256"
        staged_sum.write_text(f"{sha256_bytes(staged_zip.read_bytes())}  {zip_path.name}\n", encoding="utf-8")

        # 4. into dist/ only when complete, then the root
        move_into_dist([staged_zip, staged_sum], dist_dir)
        if root is not None:
            install_root(release_dir, root)
        return PublishResult(version, level, f"released {version} ({level}): {zip_path}", zip_path, diff, entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
