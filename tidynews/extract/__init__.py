"""Extraction: one module per table, run as steps on one parsed article by `extract_article`.

Each step declares the fields of `ArticleExtraction` it reads (`requires`) and the ones it fills (`assigns`), as
spaCy's components do; the order the steps run in is computed from that (`step_order`), and a step whose
requirement no other step assigns is an error, not a silently empty input. Statements require the actors of the
article: a speaker is resolved to an actor of the same article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from tidynews.errors import TidynewsError
from tidynews.extract.actors import extract_actors
from tidynews.extract.common import ArticleExtraction
from tidynews.extract.figures import extract_figures
from tidynews.extract.places import extract_places
from tidynews.extract.rules import NULL_TRACE, Trace
from tidynews.extract.statements import extract_statements
from tidynews.nlp import ParsedArticle

# What a step may require or assign: the lists of ArticleExtraction (not its id or its trace).
EXTRACTION_FIELDS = tuple(f.name for f in fields(ArticleExtraction) if f.name not in {"article_id", "trace"})


class StepOrderError(TidynewsError):
    """The extraction steps cannot be ordered: a requirement nobody assigns, a cycle, or an unknown field."""


@dataclass(frozen=True)
class Step:
    """One extractor: what it reads from the article's extraction so far, and what it adds to it."""

    name: str
    run: Callable[[ParsedArticle, ArticleExtraction], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STEPS = (
    Step("actors", extract_actors, requires=(), assigns=("actors", "actor_mentions")),
    Step("places", extract_places, requires=(), assigns=("places", "place_mentions")),
    Step("statements", extract_statements, requires=("actors", "actor_mentions"), assigns=("statements",)),
    Step("figures", extract_figures, requires=(), assigns=("figures",)),
)


def step_order(steps: tuple[Step, ...] | list[Step]) -> list[Step]:
    """The steps in an order where each runs after every step that assigns what it requires.

    Among steps that are ready, the declared order is kept, so the order (and the trace) is stable.
    """
    assigned_by: dict[str, str] = {}
    for step in steps:
        for name in (*step.requires, *step.assigns):
            if name not in EXTRACTION_FIELDS:
                raise StepOrderError(
                    f"extraction step {step.name!r} names {name!r}, which is not one of {', '.join(EXTRACTION_FIELDS)}"
                )
        for name in step.assigns:
            if name in assigned_by:
                raise StepOrderError(f"{name!r} is assigned by two extraction steps: {assigned_by[name]}, {step.name}")
            assigned_by[name] = step.name
    for step in steps:
        for name in step.requires:
            if name not in assigned_by:
                raise StepOrderError(f"extraction step {step.name!r} requires {name!r}, which no step assigns")
    done: set[str] = set()
    order: list[Step] = []
    waiting = list(steps)
    while waiting:
        ready = next((s for s in waiting if all(assigned_by[r] in done for r in s.requires)), None)
        if ready is None:
            raise StepOrderError(
                "extraction steps require each other in a cycle: " + ", ".join(s.name for s in waiting)
            )
        order.append(ready)
        done.add(ready.name)
        waiting.remove(ready)
    return order


PIPELINE = step_order(STEPS)


def extract_article(parsed: ParsedArticle, trace: Trace = NULL_TRACE) -> ArticleExtraction:
    """Run every extractor on one parsed article; `trace` records what the rules considered (tidynews explain)."""
    result = ArticleExtraction(article_id=parsed.article.article_id, trace=trace)
    for step in PIPELINE:
        step.run(parsed, result)
    return result
