from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return FIXTURES / "articles"


@pytest.fixture(scope="session")
def built_package(tmp_path_factory, articles_dir) -> Path:
    """One build of the fixture articles, shared by the tests that only read it."""
    from tidynews.build import build_package

    out = tmp_path_factory.mktemp("pkg")
    build_package(articles_dir, out)
    return out


@pytest.fixture
def package_copy(built_package, tmp_path) -> Path:
    """A private copy of the fixture package that a test may corrupt."""
    import shutil

    dst = tmp_path / "pkg"
    shutil.copytree(built_package, dst)
    return dst


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory) -> Path:
    """One build of the seed article(s) in seeds/ (fast validation only), shared by the tests that read it."""
    from tidynews.build import build_package
    from tidynews.paths import SEEDS_DIR

    out = tmp_path_factory.mktemp("seed-pkg")
    build_package(SEEDS_DIR, out, use_frictionless=False)
    return out
