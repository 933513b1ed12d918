"""Figures: numbers that count or measure something. (First version: spaCy CARDINAL/MONEY/PERCENT.)"""

from __future__ import annotations

import re

from tidynews.articles import BODY
from tidynews.extract.common import ArticleExtraction, Figure
from tidynews.nlp import ParsedArticle

QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "at least": "at_least", "some": "approximate",
    "about": "approximate", "around": "approximate", "nearly": "approximate", "almost": "approximate",
    "up to": "at_most", "at most": "at_most", "less than": "less_than", "fewer than": "less_than",
}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract_figures(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Numbers written in digits that spaCy marks as a count, money or percentage.

    Example: "more than 80,000 residents" -> 80000, more_than, counts residents.
    """
    for block in parsed.zone_blocks(BODY):
        for ent in block.doc.ents:
            if ent.label_ not in {"CARDINAL", "MONEY", "PERCENT"}:
                continue
            m = NUMBER.search(ent.text)
            if not m:
                continue
            value = float(m.group().replace(",", ""))
            qualifier = "exact"
            low = ent.text.lower()
            for phrase, q in QUALIFIERS.items():
                if low.startswith(phrase + " "):
                    qualifier = q
            head = ent.root.head if ent.root.dep_ == "nummod" else None
            start, end = block.span_offsets(ent)
            result.figures.append(
                Figure(value=value, text=parsed.text[start:end], qualifier=qualifier, start=start, end=end,
                       counts=head.text if head is not None else "")
            )
