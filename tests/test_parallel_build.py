"""`--workers 2` parses and extracts in worker processes; the package must not depend on it."""

import tidynews.engines
from tidynews.articles import read_articles
from tidynews.build import extract_all
from tidynews.engines import worker_tasks


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
