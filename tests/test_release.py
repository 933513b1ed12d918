"""Releases: first release, byte-identical re-publish, nothing released without a change, a new article gives a
MINOR release naming its rows, forced and refused bumps, never overwriting, and an interrupted publish.

Every publish goes into tmp folders (dist/ and a stand-in for the repository root), never into the repository.
"""

import csv
import hashlib
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from tidynews import release
from tidynews.cache import CACHE_DIR_NAME
from tidynews.database import VIEWS
from tidynews.guard import FAULT_ENV
from tidynews.release import ReleaseError, publish

EPOCH = "1767225600"  # 2026-01-01: fixes `created` and the release date, so bytes can be compared
NEW_ARTICLE = """Council closes river bridge after inspectors find cracks

The Kelston road bridge will stay shut for at least six weeks, the county council said on Tuesday.

"We cannot risk anyone's safety," said Tom Hale, the council's head of highways.

About 9,000 vehicles cross the bridge each day.
"""


@pytest.fixture(autouse=True)
def fixed_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture(scope="module")
def first_release(tmp_path_factory, articles_dir):
    """0.1.0 of the two fixture articles: (seeds, dist, root)."""
    base = tmp_path_factory.mktemp("first")
    seeds = base / "seeds"
    shutil.copytree(articles_dir, seeds)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = publish(seeds, base / "root", base / "dist")
    assert result.version == "0.1.0"
    return seeds, base / "dist", base / "root"


@pytest.fixture
def released(first_release, tmp_path):
    """A private copy of the first release (seeds, dist, root) that a test may publish on top of."""
    seeds, dist, root = first_release
    for src in (seeds, dist, root):
        shutil.copytree(src, tmp_path / src.name)
    return tmp_path / "seeds", tmp_path / "dist", tmp_path / "root"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; not the extraction cache at the root (no part of a release: a refused publish may still
    have cached the articles it extracted)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE_DIR_NAME not in p.relative_to(folder).parts
    }


def test_first_release_writes_zip_checksum_and_root(first_release):
    _, dist, root = first_release
    assert sorted(p.name for p in dist.iterdir()) == ["tidynews-0.1.0.zip", "tidynews-0.1.0.zip.sha256"]
    digest = hashlib.sha256((dist / "tidynews-0.1.0.zip").read_bytes()).hexdigest()
    assert (dist / "tidynews-0.1.0.zip.sha256").read_text() == f"{digest}  tidynews-0.1.0.zip\n"
    for name in (
        "datapackage.json",
        "CHANGELOG.md",
        "CODEBOOK.md",
        "RULES.md",
        "CITATION.cff",
        "datapackage/tidynews.duckdb",
    ):
        assert (root / name).exists(), name
    assert "## 0.1.0 (2026-01-01)" in (root / "CHANGELOG.md").read_text()


def test_same_inputs_give_identical_bytes(first_release, tmp_path):
    seeds, dist, _ = first_release
    again = publish(seeds, tmp_path / "root", tmp_path / "dist")
    assert again.version == "0.1.0"
    assert (tmp_path / "dist" / "tidynews-0.1.0.zip").read_bytes() == (dist / "tidynews-0.1.0.zip").read_bytes()


def test_unzipped_release_validates_and_opens_in_duckdb(first_release, tmp_path):
    _, dist, _ = first_release
    with zipfile.ZipFile(dist / "tidynews-0.1.0.zip") as zf:
        zf.extractall(tmp_path)
    pkg = tmp_path / "tidynews-0.1.0"
    expected = {
        "datapackage.json",
        "README.md",
        "CODEBOOK.md",
        "RULES.md",
        "CHANGELOG.md",
        "CITATION.cff",
        "LICENSE.md",
        "SHA256SUMS",
        "datapackage/tidynews.duckdb",
        "parquet/statements.parquet",
        "schemas/figures.json",
    }
    assert expected <= set(snapshot(pkg))

    # frictionless, as a user would run it
    run = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"], cwd=pkg, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr

    # every file is in SHA256SUMS with the right digest
    sums = dict(line.split("  ")[::-1] for line in (pkg / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == set(snapshot(pkg)) - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((pkg / name).read_bytes()).hexdigest() == digest, name

    # DuckDB: every view runs; the actor summary agrees with the CSVs
    with open(pkg / "datapackage" / "actor_mentions.csv", encoding="utf-8") as f:
        mentions = list(csv.DictReader(f))
    con = duckdb.connect(str(pkg / "datapackage" / "tidynews.duckdb"), read_only=True)
    try:
        for view in VIEWS:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view
        actor = mentions[0]["actor_id"]
        expected_mentions = sum(m["actor_id"] == actor for m in mentions)
        got = con.execute("SELECT mentions FROM actor_summary WHERE actor_id = ?", [actor]).fetchone()[0]
        assert got == expected_mentions
    finally:
        con.close()

    # Parquet carries the version
    import pyarrow.parquet as pq

    assert pq.read_schema(pkg / "parquet" / "figures.parquet").metadata[b"tidynews:version"] == b"0.1.0"


def test_no_change_releases_nothing(released):
    seeds, dist, root = released
    before = snapshot(dist), snapshot(root)
    result = publish(seeds, root, dist)
    assert result.version is None
    assert result.message == "no change since 0.1.0: nothing released"
    assert (snapshot(dist), snapshot(root)) == before


def test_new_article_gives_minor_release_naming_its_rows_then_nothing(released):
    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    result = publish(seeds, root, dist)
    assert (result.version, result.level) == ("0.2.0", "minor")
    changelog = (root / "CHANGELOG.md").read_text()
    assert changelog.index("## 0.2.0 (2026-01-01)") < changelog.index("## 0.1.0 (2026-01-01)")
    assert "- articles: +1 row\n  - added: `bridge_closure`" in changelog
    table_diff = next(t for t in result.diff.tables if t.table == "articles")
    assert table_diff.added == ["bridge_closure"] and not table_diff.removed and not table_diff.changed
    assert (dist / "tidynews-0.2.0.zip").exists()
    assert '"version": "0.2.0"' in (root / "datapackage.json").read_text()

    again = publish(seeds, root, dist)
    assert again.version is None
    assert again.message == "no change since 0.2.0: nothing released"


def test_forced_major_and_refused_downgrade(released):
    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = snapshot(dist)
    with pytest.raises(ReleaseError, match="need a MINOR release; --bump patch"):
        publish(seeds, root, dist, bump="patch")
    assert snapshot(dist) == before
    result = publish(seeds, root, dist, bump="major")
    assert result.version == "1.0.0"
    assert "forced with `--bump major`; the changes alone need MINOR" in result.changelog_entry


def test_an_existing_version_is_never_overwritten(released, monkeypatch):
    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = snapshot(dist), snapshot(root)
    monkeypatch.setattr(release, "bump_version", lambda version, level: "0.1.0")  # as if 0.2.0 were taken
    with pytest.raises(ReleaseError, match="already exists"):
        publish(seeds, root, dist)
    assert (snapshot(dist), snapshot(root)) == before


def test_linking_into_dist_refuses_an_existing_file(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "tidynews-0.3.0.zip").write_bytes(b"the real 0.3.0")
    staged = tmp_path / "staged"
    staged.mkdir()
    for name in ("tidynews-0.3.0.zip.sha256", "tidynews-0.3.0.zip"):
        (staged / name).write_bytes(b"impostor")
    with pytest.raises(ReleaseError, match="never overwritten"):
        release.move_into_dist([staged / "tidynews-0.3.0.zip.sha256", staged / "tidynews-0.3.0.zip"], dist)
    assert snapshot(dist) == {"tidynews-0.3.0.zip": b"the real 0.3.0"}  # and the .sha256 linked first is gone


def test_interrupted_publish_leaves_the_last_release_intact(released, monkeypatch):
    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = snapshot(dist), snapshot(root)

    def crash(files, dist_dir):
        assert files[0].name == "tidynews-0.2.0.zip" and files[0].stat().st_size > 0  # written, not yet moved
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(release, "move_into_dist", crash)
    with pytest.raises(KeyboardInterrupt):
        publish(seeds, root, dist)
    assert (snapshot(dist), snapshot(root)) == before
    assert not [p for p in dist.iterdir() if p.name.startswith(".")]  # the temporary folder is gone too

    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert publish(seeds, root, dist).version == "0.2.0"  # the next run picks up where it stopped


def test_rules_list_ahead_of_the_release_is_left_alone(released):
    """New rules that leave the seed package unchanged: RULES.md at the root follows the code, not the last release."""
    seeds, dist, root = released
    newer_rules = (root / "RULES.md").read_text(encoding="utf-8") + "\n| `statements.a_newer_rule` | finds | … |\n"
    (root / "RULES.md").write_text(newer_rules, encoding="utf-8")
    result = publish(seeds, root, dist)
    assert result.message == "no change since 0.1.0: nothing released"
    assert (root / "RULES.md").read_text(encoding="utf-8") == newer_rules


def test_plain_build_over_the_root_is_repaired_from_the_zip(released):
    """`tidynews build` into the root drops the release marker; publish puts the released package back."""
    from tidynews.build import build_package

    seeds, dist, root = released
    released_descriptor = (root / "datapackage.json").read_bytes()
    build_package(seeds, root, use_frictionless=False)
    assert (root / "datapackage.json").read_bytes() != released_descriptor
    result = publish(seeds, root, dist)
    assert result.version is None and "reinstalled 0.1.0" in result.message
    assert (root / "datapackage.json").read_bytes() == released_descriptor


def test_invalid_build_releases_nothing(released, monkeypatch):
    from tidynews import build
    from tidynews.errors import Problem, ValidationError

    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = snapshot(dist), snapshot(root)

    def invalid(package_dir, use_frictionless=True, frictionless_validated=None):
        raise ValidationError("package is invalid", [Problem("enum", "bad cell", file="figures.csv")])

    monkeypatch.setattr(build, "validate_package", invalid)
    with pytest.raises(ValidationError):
        publish(seeds, root, dist)
    assert (snapshot(dist), snapshot(root)) == before


def test_fresh_clone_compares_with_the_root_and_refuses_an_unreleased_root(released):
    """dist/ is not committed: the root package is then the last release, unless a plain build replaced it."""
    from tidynews.build import build_package

    seeds, dist, root = released
    original = (dist / "tidynews-0.1.0.zip").read_bytes()
    shutil.rmtree(dist)
    result = publish(seeds, root, dist)
    assert result.message.startswith("no change since 0.1.0: nothing released")
    # the missing archive of the current release is rebuilt and checked against releases/SHA256SUMS (issue 9 item 13)
    assert "rebuilt" in result.message and (dist / "tidynews-0.1.0.zip").read_bytes() == original
    shutil.rmtree(dist)
    build_package(seeds, root, use_frictionless=False)
    with pytest.raises(ReleaseError, match="CHANGELOG.md lists release 0.1.0, but neither"):
        publish(seeds, root, dist)
    assert list(dist.iterdir()) == []


def test_publish_builds_once_and_writes_the_database_once(tmp_path, articles_dir, monkeypatch):
    import tidynews.build

    calls = {"build": 0, "database": 0}
    build, write_database = tidynews.build.build_package, tidynews.build.write_database

    def counted_build(*args, **kwargs):
        calls["build"] += 1
        return build(*args, **kwargs)

    def counted_database(*args, **kwargs):
        calls["database"] += 1
        return write_database(*args, **kwargs)

    monkeypatch.setattr(tidynews.build, "build_package", counted_build)
    monkeypatch.setattr(tidynews.build, "write_database", counted_database)
    result = publish(articles_dir, tmp_path / "root", tmp_path / "dist")
    assert result.version == "0.1.0"
    assert calls == {"build": 1, "database": 1}


def test_release_of_a_built_package_carries_its_database_as_built(package_copy, tmp_path):
    result = release.release_package(package_copy, tmp_path / "root", tmp_path / "dist")
    assert result.version == "0.1.0"
    with zipfile.ZipFile(result.zip_path) as zf:
        database = zf.read("tidynews-0.1.0/datapackage/tidynews.duckdb")
        assert "tidynews-0.1.0/RULES.md" in zf.namelist()
    assert database == (package_copy / "datapackage" / "tidynews.duckdb").read_bytes()


def test_release_of_a_folder_that_is_not_a_built_package_is_refused(tmp_path):
    (tmp_path / "pkg").mkdir()
    with pytest.raises(ReleaseError, match="not a package built by `tidynews build`"):
        release.release_package(tmp_path / "pkg", tmp_path / "root", tmp_path / "dist")
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


# --- issue 9: interrupted publishes, the committed checksums, the root's files ------------------------------------


def test_each_release_checksum_is_committed_at_the_root(first_release):
    _, dist, root = first_release
    digest = hashlib.sha256((dist / "tidynews-0.1.0.zip").read_bytes()).hexdigest()
    assert (root / "releases" / "SHA256SUMS").read_text() == f"{digest}  tidynews-0.1.0.zip\n"


def test_a_rebuilt_archive_that_differs_is_not_put_in_dist(released):
    seeds, dist, root = released
    shutil.rmtree(dist)
    sums = root / "releases" / "SHA256SUMS"
    sums.write_text(f"{'0' * 64}  tidynews-0.1.0.zip\n")
    result = publish(seeds, root, dist)
    assert "does not match its checksum" in result.message
    assert not (dist / "tidynews-0.1.0.zip").exists()


def fake_release(folder: Path, version: str, tag: str) -> Path:
    """A release folder as install_root takes it, every file holding `tag` (the old and the new release differ)."""
    rel = folder / f"tidynews-{version}"
    for name in ("datapackage/articles.csv", "datapackage/tidynews.duckdb", "schemas/articles.json"):
        (rel / name).parent.mkdir(parents=True, exist_ok=True)
        (rel / name).write_text(f"{tag} {name}\n")
    for name in release.ROOT_FILES:
        (rel / name).write_text(f"{tag} {name}\n")
    return rel


def root_state(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".tidynews-")}


def killed_install(release_dir: Path, root: Path, at: int) -> int:
    """install_root in a child process that SIGKILLs itself at its at-th rename (as kill -9 would); its exit signal."""
    import os

    pid = os.fork()
    if pid == 0:  # the child: no pytest clean-up may run here
        try:
            os.environ[FAULT_ENV] = str(at)
            release.install_root(release_dir, root, zip_sha="a" * 64)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


def test_kill_at_every_rename_of_the_root_install_leaves_old_or_new_in_full(tmp_path):
    old_rel, new_rel = fake_release(tmp_path / "o", "0.1.0", "old"), fake_release(tmp_path / "n", "0.2.0", "new")
    reference = tmp_path / "reference"
    release.install_root(old_rel, reference, zip_sha="b" * 64)
    old_state = root_state(reference)
    release.install_root(new_rel, reference, zip_sha="a" * 64)
    new_state = root_state(reference)
    assert old_state != new_state
    at, outcomes = 0, []
    while True:
        at += 1
        root = tmp_path / f"root{at}"
        shutil.copytree(tmp_path / "o", tmp_path / f"o{at}")
        release.install_root(tmp_path / f"o{at}" / "tidynews-0.1.0", root, zip_sha="b" * 64)
        signal_number = killed_install(new_rel, root, at)
        if signal_number == 0:
            break  # the install ran through: every step has been tried
        assert signal_number == signal.SIGKILL
        release.recover(root, tmp_path / "dist")  # what the next publish does first
        state = root_state(root)
        assert state in (old_state, new_state), f"kill at step {at}: a mixed root"
        assert not list(root.glob(".tidynews-*")), f"kill at step {at}: leftovers"
        outcomes.append("new" if state == new_state else "old")
    assert at > 10  # the journal, each item's two renames, the journal's removal
    assert outcomes[0] == "old" and set(outcomes[1:]) == {"new"}  # once the journal is written, the new one wins


def test_a_zip_without_its_checksum_or_a_half_installed_root_is_repaired(released):
    seeds, dist, root = released
    (dist / "tidynews-0.1.0.zip.sha256").unlink()
    (root / "CODEBOOK.md").write_text("# an older codebook\n")
    (root / ".tidynews-install-999999-x").mkdir()  # a leftover of a dead process
    result = publish(seeds, root, dist)
    assert result.version is None and "reinstalled 0.1.0" in result.message
    digest = hashlib.sha256((dist / "tidynews-0.1.0.zip").read_bytes()).hexdigest()
    assert (dist / "tidynews-0.1.0.zip.sha256").read_text() == f"{digest}  tidynews-0.1.0.zip\n"
    with zipfile.ZipFile(dist / "tidynews-0.1.0.zip") as zf:
        assert (root / "CODEBOOK.md").read_bytes() == zf.read("tidynews-0.1.0/CODEBOOK.md")
    assert not (root / ".tidynews-install-999999-x").exists()


def test_publish_does_not_suggest_skip_bad(released):
    seeds, dist, root = released
    (seeds / "empty.txt").write_text("")
    with pytest.raises(release.BadArticleError) as exc:
        publish(seeds, root, dist)
    assert "--skip-bad" not in exc.value.summary.replace("has no --skip-bad", "")


def test_publish_refuses_a_root_with_the_users_own_files(released, tmp_path):
    seeds, dist, _ = released
    root = tmp_path / "mine"
    root.mkdir()
    (root / "CHANGELOG.md").write_text("# My project\n\nMy own notes.\n")
    (root / "datapackage.json").write_text('{"name": "my-data", "resources": []}')
    with pytest.raises(release.TidynewsError, match="not empty and holds no tidynews package"):
        publish(seeds, root, dist)
    assert (root / "CHANGELOG.md").read_text() == "# My project\n\nMy own notes.\n"
    from typer.testing import CliRunner

    from tidynews.cli import app

    args = ["publish", "--seeds", str(seeds), "--root", str(root), "--dist", str(dist)]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1 and "--force" in refused.output
    forced = CliRunner().invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output


def test_a_root_that_cannot_be_written_after_the_zip_says_so(released, monkeypatch):
    seeds, dist, root = released
    (seeds / "bridge.txt").write_text(NEW_ARTICLE)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(root))

    monkeypatch.setattr(release, "install_root", full)
    with pytest.raises(ReleaseError, match=r"released 0\.2\.0 into .*tidynews-0\.2\.0\.zip, but could not install"):
        publish(seeds, root, dist)
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = publish(seeds, root, dist)  # the next publish finishes the install
    assert "reinstalled 0.2.0" in result.message
    assert '"version": "0.2.0"' in (root / "datapackage.json").read_text()


def killed_publish(seeds: Path, root: Path, dist: Path, at: int) -> int:
    """publish in a child process that SIGKILLs itself at its at-th step (dist/ links, then the root install's
    renames); the child's exit signal, 0 when it ran through."""
    import os

    pid = os.fork()
    if pid == 0:  # the child: no pytest clean-up may run here
        try:
            os.environ[FAULT_ENV] = str(at)
            publish(seeds, root, dist)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


def test_kill_at_every_step_of_a_publish_then_publish_again_gives_the_release(released, tmp_path):
    """kill -9 at each dist/ link of a whole publish (the zip, then its checksum) and at the first step of the root
    install: the next publish ends with the same dist/ and root as a publish never interrupted, and the release
    before stays whole meanwhile. (Every rename of the root install is tried by the test above.)"""
    seeds, dist, root = released
    (seeds / "bridge_closure.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    clean = tmp_path / "clean"
    for folder in (dist, root):
        shutil.copytree(folder, clean / folder.name)
    assert publish(seeds, clean / "root", clean / "dist").version == "0.2.0"
    want = snapshot(clean / "dist"), root_state(clean / "root")
    old_zip = (dist / "tidynews-0.1.0.zip").read_bytes()
    for at in (1, 2, 3):
        trial = tmp_path / f"kill{at}"
        for folder in (dist, root):
            shutil.copytree(folder, trial / folder.name)
        assert killed_publish(seeds, trial / "root", trial / "dist", at) == signal.SIGKILL
        assert (trial / "dist" / "tidynews-0.1.0.zip").read_bytes() == old_zip, f"kill at step {at}"
        linked = sorted(p.name for p in (trial / "dist").glob("tidynews-0.2.0*"))
        # each step is taken after its link: the zip first, then its checksum; then the root install begins
        assert linked == ["tidynews-0.2.0.zip", "tidynews-0.2.0.zip.sha256"][:at], f"kill at step {at}"
        again = publish(seeds, trial / "root", trial / "dist")
        assert again.version == "0.2.0" or "0.2.0" in again.message, f"kill at step {at}: {again.message}"
        assert (snapshot(trial / "dist"), root_state(trial / "root")) == want, f"kill at step {at}"
        shutil.rmtree(trial)
