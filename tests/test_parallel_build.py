"""`--workers 2` parses and extracts in worker processes; the package must not depend on it."""

from tidynews.build import build_package
from tidynews.paths import DATA_SUBDIR


def test_two_workers_write_the_same_csv_bytes_as_one(built_package, articles_dir, tmp_path):
    calls = []
    result = build_package(
        articles_dir, tmp_path / "pkg", workers=2, use_frictionless=False, on_article=lambda: calls.append(1)
    )
    one = sorted((built_package / DATA_SUBDIR).glob("*.csv"))
    two = sorted((tmp_path / "pkg" / DATA_SUBDIR).glob("*.csv"))
    assert [p.name for p in two] == [p.name for p in one] and len(one) == 7
    for a, b in zip(one, two, strict=True):
        assert b.read_bytes() == a.read_bytes(), b.name
    assert result.articles == 2
    assert len(calls) == 2  # the progress callback still fires once per article
