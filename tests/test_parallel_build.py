"""`--workers 2` parses and extracts in worker processes; the package must not depend on it."""

import shutil

import tidynews.build
import tidynews.engines
from tidynews.articles import read_articles
from tidynews.build import build_package, extract_all
from tidynews.engines import WARM_UP_TEXT, extract_batch, worker_tasks
from tidynews.paths import DATA_SUBDIR


def test_two_workers_with_one_article_per_task_give_the_extractions_of_one(articles_dir, monkeypatch):
    # one article per task: the two fixture articles go to two tasks, run by two processes, and each result must
    # come back beside its own article (a result list in another order fails here)
    monkeypatch.setattr(tidynews.engines, "ARTICLES_PER_TASK", 1)
    articles = read_articles(articles_dir).articles
    assert [[a.article_id for a in t] for t in worker_tasks(articles)] == [["flood_relief"], ["harbour_strike"]]

    calls = []
    done, extractions, failed = extract_all(articles, workers=2, on_article=lambda: calls.append(1))
    assert not failed and len(calls) == 2  # the progress callback still fires once per article
    assert [a.article_id for a in done] == [e.article_id for e in extractions] == ["flood_relief", "harbour_strike"]
    _, in_process, _ = extract_all(articles, workers=1)
    assert extractions == in_process
    assert all(e.statements and e.actor_mentions for e in extractions)  # not two equal empty results


def test_tasks_keep_input_order_and_size(articles_dir, monkeypatch):
    articles = read_articles(articles_dir).articles * 5  # ten articles
    monkeypatch.setattr(tidynews.engines, "ARTICLES_PER_TASK", 4)
    tasks = worker_tasks(articles)
    assert [len(t) for t in tasks] == [4, 4, 2]
    assert [a for t in tasks for a in t] == articles


def test_warm_up_article_is_read_by_every_extractor():
    from tidynews.sources import article_from_text

    (extraction,) = extract_batch([article_from_text(WARM_UP_TEXT, "warm-up", "warm-up.txt", "utf-8")])
    assert extraction.statements and extraction.figures and extraction.actor_mentions and extraction.place_mentions


def test_the_workers_start_while_the_corpus_is_read_when_every_article_will_be_parsed(
    articles_dir, tmp_path, monkeypatch
):
    """--workers 2 with an empty cache: the pool starts (and loads the model) before the build reads the corpus, and
    parses every article, even when they make one task. An incremental build's one new article is parsed in this
    process once the cache look-ups are done (a pool would not be ready sooner), and the package is the one a fresh
    build in one process writes."""
    seeds = tmp_path / "seeds"
    shutil.copytree(articles_dir, seeds)
    events: list[str] = []
    real_pool, real_read = tidynews.build.LocalPool, tidynews.build.read_sources

    class RecordingPool(real_pool):
        def __init__(self, workers: int) -> None:
            events.append(f"pool of {workers}")
            super().__init__(workers)

    def read(*args, **kwargs):
        events.append("read")
        return real_read(*args, **kwargs)

    real_extract = tidynews.engines.extract_or_problem

    def extract_here(parsed):
        events.append(f"extract {parsed.article.article_id} here")
        return real_extract(parsed)

    monkeypatch.setattr(tidynews.build, "LocalPool", RecordingPool)
    monkeypatch.setattr(tidynews.build, "read_sources", read)
    monkeypatch.setattr(tidynews.engines, "extract_or_problem", extract_here)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")

    def same_as_fresh_build() -> bool:
        build_package(seeds, tmp_path / "fresh", workers=1, use_frictionless=False, use_cache=False, force=True)
        return all(
            (tmp_path / "pkg" / DATA_SUBDIR / f"{name}.csv").read_bytes()
            == (tmp_path / "fresh" / DATA_SUBDIR / f"{name}.csv").read_bytes()
            for name in ("articles", "statements", "actors", "actor_mentions", "figures", "places")
        )

    build_package(seeds, tmp_path / "pkg", workers=2, use_frictionless=False)
    assert events == ["pool of 2", "read"]  # two articles, one task: still the pool's
    (seeds / "ferry.txt").write_text(
        "Ferry strike ends\n\nFerry crews returned to work on Friday, the union said.\n", encoding="utf-8"
    )
    events.clear()
    again = build_package(seeds, tmp_path / "pkg", workers=2, use_frictionless=False)
    assert again.from_cache == 2 and again.articles == 3
    assert events[:2] == ["read", "extract ferry here"]
    assert same_as_fresh_build()
