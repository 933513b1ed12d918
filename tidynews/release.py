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

import pyarrow.parquet as pq

from tidynews.build import sha256_file
from tidynews.codebook import citation_cff, codebook, data_licence, release_readme, rules_markdown
from tidynews.diff import LEVELS, PackageDiff, diff_packages, load_package
from tidynews.errors import BadArticleError, TidynewsError
from tidynews.guard import check_output_folder, extract_package_zip, source_date_epoch, step
from tidynews.markdown import md_code, one_line
from tidynews.parts import typed_table
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
    TABLES,
    database_path,
    descriptor_path,
    parquet_path,
    release_stem,
    release_zip_path,
)
from tidynews.schemas import TableSchema, load_schemas

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
        metadata = {
            "tidynews:package": RELEASE_NAME,
            "tidynews:version": version,
            "tidynews:table": name,
            "tidynews:table_schema": json.dumps(schema.table_schema, ensure_ascii=False, sort_keys=True),
        }
        table = typed_table(package_dir / DATA_SUBDIR / f"{name}.csv", schema, metadata)
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
            step(f"linked {target.name}")
    except BaseException:
        for target in linked:
            target.unlink(missing_ok=True)
        raise


ROOT_FILES = (DESCRIPTOR_NAME, CHANGELOG_NAME, CODEBOOK_NAME, RULES_NAME, CITATION_NAME)
# The repository's RULES.md follows the code (scripts/write_rules.py, checked by a test) and runs ahead of the last
# release when rules change but the seed package does not; it is no sign that the root lost its release.
FOLLOWS_THE_CODE = frozenset({RULES_NAME})


RELEASES_SUBDIR = "releases"
RELEASE_SUMS = f"{RELEASES_SUBDIR}/SHA256SUMS"  # committed: the checksum of every release's zip, one line each
JOURNAL_NAME = ".tidynews-install.json"  # at root while an install is under way: what to finish after a crash


def release_sums(root: Path) -> dict[str, str]:
    """zip name -> SHA-256 from root/releases/SHA256SUMS (empty when there is none)."""
    try:
        text = (Path(root) / RELEASE_SUMS).read_text(encoding="utf-8")
    except OSError:
        return {}
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if re.fullmatch(r"[0-9a-f]{64}", digest) and ZIP_NAME.match(name):
            sums[name] = digest
    return sums


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temp_folder(prefix: str, parent: Path) -> Path:
    """A new folder `.tidynews-<what>-<pid>-<random>` in parent: the pid lets a later run tell a leftover from the
    folder of a publish still running."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def remove_leftovers(folder: Path) -> list[str]:
    """Remove the `.tidynews-*` folders that interrupted runs left in folder (not those of running processes)."""
    removed = []
    if not Path(folder).is_dir():
        return removed
    for entry in Path(folder).iterdir():
        m = re.match(r"^\.tidynews-(?:build|publish|install|restore|rebuild)-(\d+)-", entry.name)
        if entry.is_dir() and m and int(m[1]) != os.getpid() and not _pid_alive(int(m[1])):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    return removed


def _finish_install(root: Path) -> bool:
    """Finish the install the journal at root describes (idempotent: each item is either still in new/, or already
    at root); return whether there was one."""
    journal = root / JOURNAL_NAME
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        raise ReleaseError(f"{journal} (an interrupted publish) is unreadable: {exc}; remove it and publish") from None
    staging = root / plan["staging"]
    for name in plan["items"]:
        new, old, target = staging / "new" / name, staging / "old" / name, root / name
        if not os.path.lexists(new):
            continue  # already installed
        if os.path.lexists(target):
            if os.path.lexists(old):  # cannot happen in the order install_root works; keep the new release
                shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
            else:
                old.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, old)
                step(f"finish: old {name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, target)
        step(f"finish: new {name}")
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True


def recover(root: Path | None, dist_dir: Path) -> list[str]:
    """Finish an interrupted publish: complete a root install whose journal is there, write the missing `.sha256`
    of a zip in dist/ (verified against releases/SHA256SUMS when listed there), remove leftover temporary
    folders. Returns what was done, in words."""
    done = []
    if root is not None and Path(root).is_dir():
        if _finish_install(Path(root)):
            done.append(f"finished the interrupted install at {root}")
        done += [f"removed {name} from {root}" for name in remove_leftovers(Path(root))]
    dist_dir = Path(dist_dir)
    sums = release_sums(root) if root is not None else {}
    for version, zip_path in sorted(released_zips(dist_dir).items()):
        sha_path = zip_path.with_name(zip_path.name + ".sha256")
        if sha_path.exists():
            continue
        digest = sha256_file(zip_path)
        if zip_path.name in sums and sums[zip_path.name] != digest:
            raise ReleaseError(
                f"{zip_path} does not match its checksum in {root}/{RELEASE_SUMS}: it is not the release {version}; "
                "move it away and publish again"
            )
        tmp = dist_dir / f".{sha_path.name}.tmp"
        tmp.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
        os.replace(tmp, sha_path)
        done.append(f"wrote the missing {sha_path.name}")
    done += [f"removed {name} from {dist_dir}" for name in remove_leftovers(dist_dir)]
    return done


def install_root(release_dir: Path, root: Path, zip_sha: str | None = None) -> None:
    """Make the root hold the release: its descriptor, CSVs and database, schemas, changelog, codebook, rules,
    citation, and the zip's checksum added to releases/SHA256SUMS.

    All or nothing, even under kill -9: everything is staged in root/.tidynews-install-*/new, then a journal naming
    the items is written (atomically), then each item is swapped in by renames, then the journal is removed. A
    publish that finds the journal finishes the swap (recover), so the root ends as the old release or the new one
    in full. The Parquet copies and the README stay in the zip (the repository has its own README).
    """
    root.mkdir(parents=True, exist_ok=True)
    _finish_install(root)  # an earlier interrupted install first: one journal at a time
    staging = _temp_folder(".tidynews-install-", root)
    new = staging / "new"
    new.mkdir()
    shutil.copytree(release_dir / DATA_SUBDIR, new / DATA_SUBDIR)
    shutil.copytree(release_dir / SCHEMA_SUBDIR, new / SCHEMA_SUBDIR)
    for name in ROOT_FILES:
        shutil.copy2(release_dir / name, new / name)
    items = [DATA_SUBDIR, SCHEMA_SUBDIR, *ROOT_FILES]
    if zip_sha is not None:
        zip_name = f"{release_dir.name}.zip"
        sums = {**release_sums(root), zip_name: zip_sha}
        lines = sorted(sums.items(), key=lambda kv: parse_version(ZIP_NAME.match(kv[0])[1]))
        (new / RELEASES_SUBDIR).mkdir()
        (new / RELEASE_SUMS).write_text("".join(f"{d}  {n}\n" for n, d in lines), encoding="utf-8")
        items.append(RELEASE_SUMS)
    # the descriptor last: a reader who sees the new version sees every other file of it already
    items.remove(DESCRIPTOR_NAME)
    items.append(DESCRIPTOR_NAME)
    journal_tmp = staging / "journal.json"
    journal_tmp.write_text(json.dumps({"staging": staging.name, "items": items}), encoding="utf-8")
    step("staged")  # killed here: no journal, the root is the old release; the next publish removes the staging
    os.replace(journal_tmp, root / JOURNAL_NAME)
    step("journal written")
    for name in items:
        target, old = root / name, staging / "old" / name
        if os.path.lexists(target):
            old.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, old)
            step(f"old {name} moved aside")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new / name, target)
        step(f"new {name} in place")
    (root / JOURNAL_NAME).unlink()
    step("journal removed")
    shutil.rmtree(staging, ignore_errors=True)


def root_holds(zip_path: Path, root: Path) -> bool:
    """Whether root holds, byte for byte, the package files and documents of the release in zip_path."""
    stem = zip_path.name[: -len(".zip")]
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            rel = info.filename[len(stem) + 1 :]
            top = rel.split("/", 1)[0]
            if top not in {DATA_SUBDIR, SCHEMA_SUBDIR, *ROOT_FILES} or top in FOLLOWS_THE_CODE or info.is_dir():
                continue
            path = root / rel
            if not path.is_file() or path.stat().st_size != info.file_size or path.read_bytes() != zf.read(info):
                return False
    return True


def restore_root(last: LastRelease, root: Path, work: Path) -> bool:
    """Reinstall the last release at root when root does not hold it in full (a plain build, a crash between
    dist/ and the root); return whether it did."""
    if last.path.suffix != ".zip" or root_holds(last.path, root):
        return False
    stem = release_stem(last.version)
    extract_package_zip(last.path, work / "restore" / stem)
    install_root(work / "restore" / stem, root, zip_sha=sha256_file(last.path))
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
    force: bool = False,
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
    recover(Path(root) if root is not None else None, dist_dir)
    if root is not None:
        check_release_root(Path(root), force)
    last = find_last_release(dist_dir, Path(root) if root is not None else None)
    work = _temp_folder(".tidynews-build-", dist_dir)
    try:
        # build and validate (raises, releasing nothing, when the package is invalid)
        built = work / "build"
        try:
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
        except BadArticleError as exc:  # publish has no --skip-bad: a release holds every article
            raise BadArticleError(
                exc.summary.replace(
                    "(fix or remove them, or build with --skip-bad)",
                    "(fix or remove them: a release holds every article, so publish has no --skip-bad)",
                ),
                exc.problems,
            ) from None
        return release_package(built, root, dist_dir, bump=bump, date=date, validated=True, force=force)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_release_root(root: Path, force: bool = False) -> None:
    """The root may receive a release: empty, or holding a tidynews package whose documents are tidynews's (never a
    user's own CHANGELOG.md), and writable (checked now, before any work)."""
    check_output_folder(root, list(TABLES), force=force)
    changelog = root / CHANGELOG_NAME
    if not force and changelog.is_file():
        head = changelog.read_text(encoding="utf-8", errors="replace")[: len(CHANGELOG_HEADER)]
        if not head.startswith("# Changelog\n\nEvery release of the tidynews data package"):
            raise ReleaseError(
                f"{changelog} was not written by tidynews publish and would be replaced; move it, or use --force"
            )
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = _temp_folder(".tidynews-publish-", root)
        probe.rmdir()
    except OSError as exc:
        raise ReleaseError(f"cannot write into {root}: {exc.strerror or exc}; nothing was released") from None


def rebuild_archive(built: Path, root: Path, dist_dir: Path, version: str, work: Path) -> str:
    """The zip of the release at root, rebuilt from a build of the same inputs, into dist/ when it matches the
    checksum committed in releases/SHA256SUMS byte for byte (a fresh clone has no dist/); says what happened."""
    zip_path = release_zip_path(version, dist_dir)
    listed = release_sums(root).get(zip_path.name)
    if listed is None:
        return f"{root}/{RELEASE_SUMS} lists no checksum for {zip_path.name}: it cannot be rebuilt and checked"
    descriptor = json.loads(descriptor_path(root).read_text(encoding="utf-8"))
    released = (descriptor.get(RELEASE_MARKER) or {}).get("released")
    rebuild = work / "rebuild"
    shutil.copytree(built, rebuild, ignore=shutil.ignore_patterns(".tidynews-*"))
    from tidynews.build import write_descriptor

    built_descriptor = json.loads(descriptor_path(rebuild).read_text(encoding="utf-8"))
    built_descriptor["created"] = descriptor.get("created", built_descriptor.get("created"))
    write_descriptor(built_descriptor, descriptor_path(rebuild))
    release_dir = work / "rebuilt" / release_stem(version)
    release_dir.parent.mkdir()
    changelog = (root / CHANGELOG_NAME).read_text(encoding="utf-8")
    assemble_release(rebuild, release_dir, version, released, changelog)
    staged_zip = work / "rebuilt" / zip_path.name
    write_zip(release_dir, staged_zip)
    digest = sha256_file(staged_zip)
    if digest != listed:
        return (
            f"rebuilt {zip_path.name} does not match its checksum in {RELEASE_SUMS} ({digest[:12]}… against "
            f"{listed[:12]}…): the code that made {version} differs from this checkout; check out the commit of "
            f"{version} to rebuild it"
        )
    staged_sum = work / "rebuilt" / f"{zip_path.name}.sha256"
    staged_sum.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
    move_into_dist([staged_zip, staged_sum], dist_dir)
    return f"rebuilt {zip_path} byte for byte (it matches {RELEASE_SUMS})"


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
    force: bool = False,
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
    recovered = recover(root, dist_dir)
    if root is not None:
        check_release_root(root, force)
    last = find_last_release(dist_dir, root)
    work = _temp_folder(".tidynews-publish-", dist_dir)
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
                notes = recovered + ([f"reinstalled {last.version} at {root}"] if restored else [])
                if last.path.suffix != ".zip" and root is not None:
                    notes.append(rebuild_archive(built, root, dist_dir, last.version, work))
                note = "".join(f"; {n}" for n in notes if n)
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
            try:
                install_root(release_dir, root, zip_sha=sha256_file(staged_zip))
            except OSError as exc:
                raise ReleaseError(
                    f"released {version} into {zip_path}, but could not install it at {root}: "
                    f"{exc.strerror or exc} ({exc.filename or root}). Free space or make {root} writable, then run "
                    "`tidynews publish` again: it finishes the install"
                ) from None
        return PublishResult(version, level, f"released {version} ({level}): {zip_path}", zip_path, diff, entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
