"""Extraction: one module per table. `extract_article` runs them in order on one parsed article.

Actors come first: statements resolve their speakers to the actors of the same article.
"""

from __future__ import annotations

from tidynews.extract.actors import extract_actors
from tidynews.extract.common import ArticleExtraction
from tidynews.extract.figures import extract_figures
from tidynews.extract.places import extract_places
from tidynews.extract.rules import NULL_TRACE, Trace
from tidynews.extract.statements import extract_statements
from tidynews.nlp import ParsedArticle


def extract_article(parsed: ParsedArticle, trace: Trace = NULL_TRACE) -> ArticleExtraction:
    """Run every extractor on one parsed article; `trace` records what the rules considered (tidynews explain)."""
    result = ArticleExtraction(article_id=parsed.article.article_id, trace=trace)
    extract_actors(parsed, result)
    extract_places(parsed, result)
    extract_statements(parsed, result)
    extract_figures(parsed, result)
    return result
