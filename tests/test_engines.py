"""`--engine dask`: the same package as the local engine, bad articles reported as locally, dying workers retried and
then reported. Runs on a local cluster of two worker processes, on a few short articles of our own."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import cloudpickle
import dask
import pytest
from distributed import LocalCluster

import tidynews.build
import tidynews.engines
from tidynews.articles import read_articles
from tidynews.build import build_package
from tidynews.engines import dask_results, extract_batch
from tidynews.errors import Problem, TidynewsError
from tidynews.extract.common import ArticleExtraction
from tidynews.paths import DATA_SUBDIR, descriptor_path

# The tasks below are defined in this module: send them to the workers by value (they cannot import a test file).
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARTICLES = {
    "a_bridge.txt": (
        "Council closes river bridge after inspectors find cracks\n\n"
        "The Kelston road bridge will stay shut for at least six weeks, the county council said on Tuesday.\n\n"
        "\"We cannot risk anyone's safety,\" said Tom Hale, the council's head of highways.\n"
    ),
    "b_library.txt": (
        "Library opens in Millbrook\n\n"
        "The city council opened a new public library in Millbrook on Saturday.\n\n"
        "“Everyone deserves a quiet place to read,” Mayor Ana Ruiz said.\n"
    ),
    "c_ferry.txt": (
        "Ferry strike strands 2,000 travellers\n\n"
        "Ferry crews walked out on Monday, leaving about 2,000 travellers stranded in the port of Marseille.\n\n"
        "The union said the strike would last 48 hours.\n"
    ),
    "d_market.txt": (
        "Farmers' market moves to the harbour\n\n"
        "The weekly farmers' market will move to the harbour from May, organisers said.\n\n"
        "About 40 stalls are expected, up from 25 last year.\n"
    ),
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each; a task is retried once after its worker dies, then given up."""
    with dask.config.set({**tidynews.engines.LOCAL_CLUSTER_CONFIG, "distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        )
    yield cluster
    cluster.close()


def package_files(package: Path) -> dict[str, bytes]:
    files = {"datapackage.json": descriptor_path(package).read_bytes()}
    for path in sorted((package / DATA_SUBDIR).rglob("*")):
        if path.is_file():
            files[path.relative_to(package).as_posix()] = path.read_bytes()
    return files


def test_dask_on_a_local_cluster_of_two_workers_writes_the_bytes_of_the_local_engine(
    seeds, cluster, tmp_path, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setattr(tidynews.engines, "ARTICLES_PER_TASK", 1)  # four tasks over two workers
    calls = []
    result = build_package(
        seeds,
        tmp_path / "dask",
        engine="dask",
        scheduler=cluster.scheduler_address,
        use_frictionless=False,
        use_cache=False,
        on_article=lambda: calls.append(1),
    )
    build_package(seeds, tmp_path / "local", use_frictionless=False, use_cache=False)
    dask_files, local_files = package_files(tmp_path / "dask"), package_files(tmp_path / "local")
    assert sorted(dask_files) == sorted(local_files) and len(local_files) >= 9
    for name in local_files:
        assert dask_files[name] == local_files[name], name
    assert result.articles == 4 and len(calls) == 4
    assert b"Tom Hale" in dask_files["datapackage/statements.csv"]  # not two equal empty packages


def failing_rule_task(batch):
    """extract_batch with a rule that raises on one article (as a bug in a rule would), in whichever process."""
    real = tidynews.engines.extract_article

    def failing(parsed, *args, **kwargs):
        if "farmers' market" in parsed.text:
            raise IndexError("list index out of range")
        return real(parsed, *args, **kwargs)

    tidynews.engines.extract_article = failing
    try:
        return extract_batch(batch)
    finally:
        tidynews.engines.extract_article = real


def test_a_bad_article_on_a_worker_is_reported_exactly_as_locally(seeds, cluster):
    articles = read_articles(seeds).articles
    on_dask = list(dask_results(articles, scheduler=cluster.scheduler_address, task=failing_rule_task))
    locally = failing_rule_task(articles)
    assert on_dask == locally
    problems = [r for r in on_dask if isinstance(r, Problem)]
    assert [(p.file, p.rule) for p in problems] == [("d_market.txt", "extract-error")]
    assert "IndexError: list index out of range" in problems[0].message
    assert all(isinstance(r, ArticleExtraction) for r in on_dask[:3])


# The tests below are about the engine, not the extraction: their tasks answer each article with a marker instead of
# parsing it, so the worker processes that die and restart need not load spaCy again.


def done(batch):
    return [Problem("done", a.article_id, file=a.source_file) for a in batch]


def test_a_worker_that_dies_once_is_retried_and_one_that_keeps_dying_is_reported(seeds, cluster, tmp_path):
    articles = read_articles(seeds).articles
    died_once = tmp_path / "died-once"

    def dying_task(batch):
        """Kill the worker process on the ferry article the first time; on the market article every time."""
        for article in batch:
            if "Ferry crews" in article.text and not died_once.exists():
                died_once.write_text("")
                os._exit(70)
            if "farmers' market" in article.text:
                os._exit(71)
        return done(batch)

    results = list(dask_results(articles, scheduler=cluster.scheduler_address, task=dying_task, articles_per_task=1))
    assert died_once.exists()
    assert results[:3] == done(articles[:3])  # the ferry article came back from its second attempt
    problem = results[3]
    assert isinstance(problem, Problem) and (problem.file, problem.rule) == ("d_market.txt", "worker-died")
    assert "died on each of 2 attempts" in problem.message and "--skip-bad" in problem.message


def test_a_task_of_several_articles_whose_worker_keeps_dying_is_retried_article_by_article(seeds, cluster):
    articles = read_articles(seeds).articles[2:]  # ferry and market, in one task

    def dying_task(batch):
        if any("farmers' market" in a.text for a in batch):
            os._exit(71)
        return done(batch)

    results = list(dask_results(articles, scheduler=cluster.scheduler_address, task=dying_task, articles_per_task=2))
    assert results[0] == done(articles[:1])[0]  # the ferry article shared the dying task and still came back
    assert isinstance(results[1], Problem) and (results[1].file, results[1].rule) == ("d_market.txt", "worker-died")


def test_without_a_scheduler_a_local_cluster_of_the_workers_is_started_and_results_come_in_input_order(seeds):
    articles = read_articles(seeds).articles * 3

    def slow_first(batch):
        # the cluster's workers run without the dashboard's diagnostics (LOCAL_CLUSTER_CONFIG reaches them)
        assert dask.config.get("distributed.worker.profile.enabled") is False
        assert dask.config.get("distributed.admin.tick.interval") == "1s"
        # glibc's own allocator settings, as in a pool worker (distributed's trim threshold costs CPU), one BLAS thread
        assert "MALLOC_TRIM_THRESHOLD_" not in os.environ
        assert os.environ["OMP_NUM_THREADS"] == "1"
        if batch[0] is not None and batch[0].article_id == "a_bridge":
            import time

            time.sleep(0.3)  # the first tasks finish last
        return done(batch)

    assert list(dask_results(articles, workers=2, task=slow_first, articles_per_task=1)) == done(articles)


def test_unknown_engine_and_unreachable_scheduler_are_clear_errors(seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(tidynews.engines, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(TidynewsError, match="--engine must be one of local, dask"):
        build_package(seeds, tmp_path / "x", engine="spark", use_frictionless=False)
    with pytest.raises(TidynewsError, match="--scheduler needs --engine dask"):
        build_package(seeds, tmp_path / "x", scheduler="tcp://127.0.0.1:1", use_frictionless=False, use_cache=False)
    with pytest.raises(TidynewsError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        build_package(
            seeds, tmp_path / "x", engine="dask", scheduler="tcp://127.0.0.1:1", use_frictionless=False, use_cache=False
        )
    assert not (tmp_path / "x").exists()


def test_a_dask_build_connects_before_reading_and_disconnects_while_it_validates(seeds, cluster, tmp_path, monkeypatch):
    """The cluster's start overlaps the reading of the corpus, its stop the writing and validation; a build whose
    cache holds articles connects only once it knows some are missing (here none: no connection at all)."""
    events: list[str] = []
    real_connection = tidynews.build.DaskConnection
    real_read, real_validate = tidynews.build.read_sources, tidynews.build.validate_package

    class RecordingConnection(real_connection):
        def __init__(self, *args, **kwargs) -> None:
            events.append("connect")
            super().__init__(*args, **kwargs)

        def close(self, wait: bool = True) -> None:
            events.append(f"close wait={wait}")
            super().close(wait)

    def read(*args, **kwargs):
        events.append("read")
        return real_read(*args, **kwargs)

    def validate(*args, **kwargs):
        events.append("validate")
        return real_validate(*args, **kwargs)

    monkeypatch.setattr(tidynews.build, "DaskConnection", RecordingConnection)
    monkeypatch.setattr(tidynews.engines, "DaskConnection", RecordingConnection)
    monkeypatch.setattr(tidynews.build, "read_sources", read)
    monkeypatch.setattr(tidynews.build, "validate_package", validate)
    options = {"engine": "dask", "scheduler": cluster.scheduler_address, "use_frictionless": False}
    first = build_package(seeds, tmp_path / "pkg", **options)
    assert events == ["connect", "read", "close wait=False", "validate", "close wait=True"]
    assert first.articles == 4 and first.from_cache == 0
    events.clear()
    again = build_package(seeds, tmp_path / "pkg", **options)
    assert events == ["read", "validate"] and again.from_cache == 4
