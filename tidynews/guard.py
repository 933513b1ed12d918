"""What tidynews may read and write, in one place.

- A package names its files by relative paths inside itself: no absolute path, no `..`, no URL, no drive, and
  (in a folder) nothing that resolves outside the package or is not a regular file (a device, a FIFO). The same
  rule holds for resource paths and schema references, in a folder and in a zip.
- A zip is read within a budget (MAX_UNPACKED_BYTES): a zip bomb is refused, not unpacked.
- Output goes only into an empty folder or one that holds a tidynews package, unless forced.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import zipfile
from pathlib import Path, PurePosixPath

from tidynews.errors import TidynewsError

# The most a zip may unpack to, in all the members read from it: a release of a million-row corpus is a few
# hundred MB of CSV; an 8 MB zip that claims 4 GB is a zip bomb.
MAX_UNPACKED_BYTES = 2 * 1024**3
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # http:, file:, s3:, C: (a drive) ...


class UnsafePathError(TidynewsError):
    """A package refers to a file outside itself, a URL, or something that is not a regular file."""


def relative_ref_problem(ref: object) -> str | None:
    """Why `ref` is not a plain relative path inside a package, or None when it is one."""
    if not isinstance(ref, str) or not ref:
        return "is not a file path"
    if _URL.match(ref) or ref.startswith("//"):
        return "is a URL or a drive path: a package holds its own files"
    if "\\" in ref or "\x00" in ref:
        return "holds a backslash or a NUL: use '/'-separated relative paths"
    path = PurePosixPath(ref)
    if path.is_absolute():
        return "is an absolute path: a package names its files relative to itself"
    if ".." in path.parts:
        return "goes up with '..': a package names only files inside itself"
    return None


def package_file(package_dir: Path, ref: object, what: str = "path") -> Path:
    """The file that a package's relative reference names, checked: inside the package and a regular file.

    Raises UnsafePathError otherwise; a reference to a file that does not exist is returned as is (the caller
    reports it as missing).
    """
    why = relative_ref_problem(ref)
    if why:
        raise UnsafePathError(f"{what} {ref!r} {why}; refused (nothing outside the package is read)")
    package_dir = Path(package_dir)
    path = package_dir / str(ref)
    if not os.path.lexists(path):
        return path
    real, root = path.resolve(), package_dir.resolve()
    if not real.is_relative_to(root):
        raise UnsafePathError(f"{what} {ref!r} is a link to {real}, outside the package; refused")
    mode = os.stat(real).st_mode
    if not stat.S_ISREG(mode):
        raise UnsafePathError(f"{what} {ref!r} is not a regular file (a device, a folder or a pipe); refused")
    return path


def descriptor_refs(descriptor: dict) -> list[tuple[str, str, object]]:
    """(resource name, 'path' or 'schema', reference) for every file a descriptor's resources refer to."""
    refs = []
    for res in descriptor.get("resources", []) if isinstance(descriptor, dict) else []:
        if not isinstance(res, dict):
            continue
        name = str(res.get("name", "?"))
        paths = res.get("path")
        for ref in paths if isinstance(paths, list) else [paths]:
            refs.append((name, "path", ref))
        if isinstance(res.get("schema"), str):
            refs.append((name, "schema", res["schema"]))
        if isinstance(res.get("dialect"), str):
            refs.append((name, "dialect", res["dialect"]))
    return refs


def ref_problems(descriptor: dict) -> list[str]:
    """The descriptor's references that are not plain relative paths inside the package, in words."""
    problems = []
    for name, key, ref in descriptor_refs(descriptor):
        why = relative_ref_problem(ref)
        if why:
            problems.append(f"resource {name!r}: {key} {ref!r} {why}")
    return problems


def shape_problems(descriptor: object) -> list[str]:
    """What is wrong with a descriptor's shape, in words; empty when it is usable."""
    if not isinstance(descriptor, dict):
        return ["datapackage.json is not a JSON object"]
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return ["datapackage.json has no 'resources' list"]
    problems = []
    for i, res in enumerate(resources):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            problems.append(f"resource {i} is not an object with a 'name'")
            continue
        if "data" in res:
            problems.append(f"resource {res['name']!r} has inline 'data': a tidynews package keeps tables in files")
        if not isinstance(res.get("schema"), dict | str):
            problems.append(f"resource {res['name']!r} has no schema")
    return problems


def load_descriptor(package_dir: Path) -> object:
    """The parsed datapackage.json of a package folder (not yet checked); raises TidynewsError."""
    path = Path(package_dir) / "datapackage.json"
    try:
        return json.loads(package_file(package_dir, "datapackage.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TidynewsError(f"no package at {package_dir}: there is no datapackage.json") from None
    except (OSError, ValueError) as exc:
        raise TidynewsError(f"{path} is not a readable JSON file: {exc}") from None


def check_descriptor(descriptor: object, where: str) -> dict:
    """The descriptor when its shape and references are usable; else TidynewsError naming every problem."""
    problems = shape_problems(descriptor) or ref_problems(descriptor)
    if problems:
        raise TidynewsError(f"{where} is not a usable package descriptor: " + "; ".join(problems))
    return descriptor


def read_descriptor(package_dir: Path) -> dict:
    """The package's datapackage.json, parsed and checked (shape and references); raises TidynewsError."""
    return check_descriptor(load_descriptor(package_dir), str(Path(package_dir) / "datapackage.json"))


# --- zips ------------------------------------------------------------------------------------------------


class ZipBudget:
    """How many bytes may still be unpacked from one zip; reading past it raises, whatever the headers claim."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        self.path = path
        self.left = MAX_UNPACKED_BYTES if limit is None else limit

    def read(self, zf: zipfile.ZipFile, name: str) -> bytes:
        info = zf.getinfo(name)
        if info.file_size > self.left:
            raise self._refuse(name, info.file_size)
        chunks, size = [], 0
        with zf.open(info) as f:  # the header's size can lie: count what really comes out
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > self.left:
                    raise self._refuse(name, size)
                chunks.append(chunk)
        self.left -= size
        return b"".join(chunks)

    def _refuse(self, name: str, size: int) -> TidynewsError:
        return TidynewsError(
            f"{self.path}: member {name} unpacks to {size:,} bytes or more, over the "
            f"{MAX_UNPACKED_BYTES:,}-byte limit tidynews unpacks from one zip (a zip bomb?); refused. "
            "Unzip it yourself if you trust it, and give the folder"
        )


def zip_package_prefix(zf: zipfile.ZipFile, path: Path) -> str:
    """The folder inside a zip that holds the package's datapackage.json ('' at the top)."""
    names = [n for n in zf.namelist() if PurePosixPath(n).name == "datapackage.json"]
    if not names:
        raise TidynewsError(f"{path} holds no datapackage.json")
    top = min(names, key=lambda n: n.count("/"))
    prefix = top[: -len("datapackage.json")]
    if relative_ref_problem(top):
        raise UnsafePathError(f"{path}: member {top!r} {relative_ref_problem(top)}")
    return prefix


def extract_package_zip(path: Path, dest: Path) -> Path:
    """Unpack the package folder of a zip into dest (safe names, within the budget); return the package folder."""
    budget = ZipBudget(path)
    with zipfile.ZipFile(path) as zf:
        prefix = zip_package_prefix(zf, path)
        for info in zf.infolist():
            if not info.filename.startswith(prefix) or info.is_dir():
                continue
            rel = info.filename[len(prefix) :]
            why = relative_ref_problem(rel)
            if why:
                raise UnsafePathError(f"{path}: member {info.filename!r} {why}")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise UnsafePathError(f"{path}: member {info.filename!r} is a symbolic link; refused")
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(budget.read(zf, info.filename))
    return dest


# --- output folders ---------------------------------------------------------------------------------------

# What tidynews writes into a package folder (build) or a release root (publish); everything else is the user's.
PACKAGE_FILES = {"datapackage.json", "CHANGELOG.md", "CODEBOOK.md", "CITATION.cff"}
PACKAGE_DIRS = {"datapackage", "schemas", "releases"}


def is_tidynews_package(folder: Path) -> bool:
    """A folder whose datapackage.json is a tidynews package's (name 'tidynews')."""
    try:
        descriptor = json.loads((Path(folder) / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(descriptor, dict) and descriptor.get("name") == "tidynews"


def _ours(folder: Path, sub: str, names: set[str]) -> list[str]:
    """Files in folder/sub that tidynews did not write (their names are not among `names`)."""
    path = folder / sub
    if not path.is_dir():
        return [] if not path.exists() else [sub]
    return sorted(f"{sub}/{p.name}" for p in path.iterdir() if p.name not in names)


def check_output_folder(folder: Path, tables: list[str], force: bool = False) -> None:
    """Refuse to write into a folder that is neither empty nor a tidynews package (or that holds files of the user's
    in the package's own sub-folders), naming the folder and what is in it; `force` allows it."""
    folder = Path(folder)
    if force or not folder.exists():
        return
    if not folder.is_dir():
        raise TidynewsError(f"{folder} is a file, not a folder; give another --out")
    entries = sorted(p.name for p in folder.iterdir() if not p.name.startswith(".tidynews-"))
    if not entries:
        return
    own = {f"{t}.csv" for t in tables} | set(tables) | {"tidynews.duckdb", "tidynews.duckdb.wal"}  # set: Parquet parts
    if not is_tidynews_package(folder):
        shown = ", ".join(entries[:8]) + (f" and {len(entries) - 8} more" if len(entries) > 8 else "")
        raise TidynewsError(
            f"{folder} is not empty and holds no tidynews package ({shown}): tidynews writes only into an empty "
            "folder or one holding a tidynews package. Give another folder, or --force to write there anyway "
            "(datapackage.json, datapackage/, schemas/ and the release documents would be replaced)"
        )
    foreign = _ours(folder, "datapackage", own) + _ours(folder, "schemas", {f"{t}.json" for t in tables})
    if foreign:
        raise TidynewsError(
            f"{folder} holds files tidynews did not write where it would replace them: {', '.join(foreign)}. "
            "Move them elsewhere, or use --force to replace them"
        )


# --- SOURCE_DATE_EPOCH ------------------------------------------------------------------------------------

LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second a date of four digits can name


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as seconds since 1970, None when unset; a clear error when it is not such a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        epoch = int(value)
    except ValueError:
        raise TidynewsError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (e.g. 1767225600), not {value!r}"
        ) from None
    if not 0 <= epoch <= LAST_EPOCH:
        raise TidynewsError(
            f"SOURCE_DATE_EPOCH {epoch} is out of range: give seconds from 0 (1970) to {LAST_EPOCH} (9999-12-31)"
        )
    return epoch


# --- fault injection (tests) ------------------------------------------------------------------------------

FAULT_ENV = "TIDYNEWS_KILL_AT"
_steps: list[str] = []


def step(name: str) -> None:
    """Mark one rename or link of a publish; with TIDYNEWS_KILL_AT=N (tests only) the process kills itself with
    SIGKILL at the N-th step, so a test can check what an interrupted publish leaves behind."""
    want = os.environ.get(FAULT_ENV)
    if not want:
        return
    _steps.append(name)
    if len(_steps) == int(want):
        os.kill(os.getpid(), signal.SIGKILL)
