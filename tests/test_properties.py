"""Property tests: for any Unicode text, reading and extraction do not crash, and every span points at its text.

In memory, without files: an Article is built from text with articles.split_zones, as read_article does.
max_examples is kept small: each example is parsed by spaCy.
"""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tidynews.articles import Article, decode_article, split_long_span, split_zones
from tidynews.errors import BadArticleError
from tidynews.extract import extract_article
from tidynews.nlp import load_nlp, parse_articles

# News-like pieces mixed with arbitrary Unicode, so the rules (quotes, numbers, names) actually fire.
NEWSY = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        " said",
        " told reporters",
        "Mayor Ana Ruiz",
        "Paris",
        "Kenya",
        "80,000",
        " more than 12 people",
        "$3.5 million",
        "40%",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\t",
        "(Photo: AP)",
        "=SUM(A1)",
        "@",
        "é",
        "\u00a0",
        "\u200b",
        "\u2028",
        "\ufeff",
        "🙂",
        "ﬁ",
        "İ",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=60).map("".join))


def article_from_text(text: str, article_id: str = "a") -> Article:
    blocks = split_zones(text)
    title = text[blocks[0].start : blocks[0].end] if blocks else ""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(article_id, f"{article_id}.txt", sha, "utf-8", text, title, blocks)


def spans_of(extraction) -> list[tuple[int, int, str]]:
    return (
        [(m.start, m.end, m.text) for m in extraction.actor_mentions + extraction.place_mentions]
        + [(s.start, s.end, s.quote) for s in extraction.statements]
        + [(f.start, f.end, f.text) for f in extraction.figures]
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_crashes_and_every_span_matches_its_text(text):
    article = article_from_text(text)
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start : block.end] == text[block.start : block.end].strip()
    (parsed,) = list(parse_articles([article], load_nlp()))
    extraction = extract_article(parsed)
    for start, end, surface in spans_of(extraction):
        assert text[start:end] == surface, (start, end, surface)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_any_bytes_gives_text_or_a_clear_refusal(data):
    try:
        text, encoding = decode_article(data, "x.txt")
    except BadArticleError as exc:
        assert exc.problems and all(p.file == "x.txt" for p in exc.problems)
    else:
        assert "\r" not in text
        assert encoding in {"utf-8", "utf-8-sig", "cp1252"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=5, max_value=60))
@example("\r\t0000", 5)  # white space first: the first cut used to give an empty piece (0, 0)
def test_cut_pieces_are_short_in_order_and_lose_no_visible_character(text, limit):
    pieces = split_long_span(text, 0, len(text), limit)
    assert all(0 < e - s <= limit for s, e in pieces)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    kept = "".join(text[s:e] for s, e in pieces)
    assert "".join(kept.split()) == "".join(text.split())


def test_bytes_shaped_like_utf8_that_do_not_decode_are_no_traceback():
    # F4 91 80 91 has the byte shape of a four-byte UTF-8 character but encodes a code point past U+10FFFF.
    for data in (b"\xf4\x91\x80\x91", b"Caf\xe9 \xf4\x91\x80\x91 news"):
        try:
            text, encoding = decode_article(data, "x.txt")
        except BadArticleError as exc:
            assert exc.problems[0].file == "x.txt"
        else:
            assert encoding == "cp1252" and text
