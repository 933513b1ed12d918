"""Reading articles: decoding is reliable (UTF-8 first), long lines are cut at sentence ends, duplicates are caught."""

from __future__ import annotations

import pytest

from tidynews.articles import (
    BODY,
    HEADLINE,
    decode_article,
    is_furniture,
    read_articles,
    split_long_span,
    split_zones,
)
from tidynews.errors import BadArticleError


def test_utf8_that_is_also_valid_cp1252_is_read_as_utf8():
    # "Café" in UTF-8 is C3 A9, which Windows-1252 would read as "CafÃ©": UTF-8 must win.
    data = "Café owners protest\n\nThe café closed.\n".encode()
    assert data.decode("cp1252") != data.decode("utf-8")
    assert decode_article(data, "cafe.txt") == ("Café owners protest\n\nThe café closed.\n", "utf-8")


def test_windows_1252_smart_quotes_are_decoded():
    data = b"Mayor speaks\n\n\x93We will rebuild,\x94 the mayor said \x96 twice.\n"
    text, encoding = decode_article(data, "mayor.txt")
    assert encoding == "cp1252"
    assert text == "Mayor speaks\n\n“We will rebuild,” the mayor said – twice.\n"


def test_latin1_accents_are_decoded_as_cp1252():
    text, encoding = decode_article("Fête à Genève\n\nLa fête a eu lieu.\n".encode("latin-1"), "fete.txt")
    assert (text, encoding) == ("Fête à Genève\n\nLa fête a eu lieu.\n", "cp1252")


def test_another_8bit_encoding_is_refused_not_turned_into_mojibake():
    data = "Новости дня\n\nГород открыл новую библиотеку.\n".encode("cp1251")
    with pytest.raises(BadArticleError) as info:
        decode_article(data, "news.txt")
    (problem,) = info.value.problems
    assert problem.file == "news.txt" and problem.rule == "encoding"
    assert "re-save the file as UTF-8" in problem.message


def test_bytes_undefined_in_cp1252_are_refused():
    with pytest.raises(BadArticleError, match="news.txt") as info:
        decode_article(b"Headline\n\nA \x81 byte.\n", "news.txt")
    assert "not Windows-1252" in info.value.problems[0].message


def test_control_character_in_utf8_is_refused_with_its_position():
    with pytest.raises(BadArticleError) as info:
        decode_article(b"Headline\n\nBody\x07text\n", "bell.txt")
    assert "at character 14" in info.value.problems[0].message


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_old_line_endings_become_newlines(newline):
    text, _ = decode_article(f"Head{newline}{newline}Body one.{newline}".encode(), "x.txt")
    assert text == "Head\n\nBody one.\n"


def test_long_span_is_cut_after_sentence_ends():
    text = "One two three. Four five six! “Seven eight,” nine said. Ten eleven twelve."
    pieces = split_long_span(text, 0, len(text), limit=30)
    assert [text[s:e] for s, e in pieces] == [
        "One two three. Four five six!",
        "“Seven eight,” nine said.",
        "Ten eleven twelve.",
    ]


def test_long_span_without_sentence_end_is_cut_at_a_space_then_anywhere():
    text = "aaaa bbbb cccc dddd"
    assert [text[s:e] for s, e in split_long_span(text, 0, len(text), limit=10)] == ["aaaa bbbb", "cccc dddd"]
    word = "x" * 25
    assert [word[s:e] for s, e in split_long_span(word, 0, 25, limit=10)] == ["x" * 10, "x" * 10, "x" * 5]


def test_long_line_becomes_blocks_of_one_zone(monkeypatch):
    import tidynews.articles

    monkeypatch.setattr(tidynews.articles, "MAX_BLOCK_CHARS", 35)
    text = "Short headline\nThe first sentence is here. The second one follows. A third ends it."
    blocks = split_zones(text)
    assert [(text[b.start : b.end], b.zone) for b in blocks] == [
        ("Short headline", HEADLINE),
        ("The first sentence is here.", BODY),
        ("The second one follows.", BODY),
        ("A third ends it.", BODY),
    ]


def test_same_text_under_two_names_is_read_once_with_a_warning(tmp_path):
    body = "Dam inspection passes\n\nEngineers inspected the dam on Monday.\n"
    (tmp_path / "dam.txt").write_text(body, encoding="utf-8")
    (tmp_path / "dam (1).txt").write_text(body, encoding="utf-8")
    result = read_articles(tmp_path)
    assert [a.article_id for a in result.articles] == ["dam (1)"]  # sorted: "dam (1)" comes first
    assert result.warnings == ["dam.txt: same text as dam (1).txt; kept once, as dam (1)"]


def test_every_bad_file_is_listed_and_skip_bad_keeps_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Good headline\n\nGood body.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BadArticleError) as info:
        read_articles(tmp_path)
    assert sorted(p.file for p in info.value.problems) == ["empty.txt", "sub/binary.txt"]
    result = read_articles(tmp_path, skip_bad=True)
    assert [a.article_id for a in result.articles] == ["good"]
    assert sorted(p.rule for p in result.skipped) == ["binary", "empty"]


def article_from_text(article_id: str, text: str):
    from tidynews.articles import Article

    return Article(article_id, f"{article_id}.txt", "0" * 64, "utf-8", text, text.split("\n")[0], split_zones(text))


def test_parse_streams_articles_in_order():
    from tidynews.nlp import load_nlp, parse_articles

    articles = [
        article_from_text("a", "Port reopens\n\nShips returned on Monday. Dockers cheered."),
        article_from_text("empty", ""),  # no blocks at all: still yielded, in its place
        article_from_text("b", "Rain stops\n\nThe river fell overnight."),
    ] + [article_from_text(f"more{i}", f"Story {i}\n\nBody {i}.") for i in range(40)]
    pulled = []

    def lazily():
        for article in articles:
            pulled.append(article.article_id)
            yield article

    stream = parse_articles(lazily(), load_nlp(), batch_size=2)
    first = next(stream)
    assert len(pulled) < len(articles)  # streaming: the corpus is not read before the first article comes out
    rest = list(stream)
    assert [p.article.article_id for p in [first, *rest]] == [a.article_id for a in articles]
    assert [b.text for b in first.blocks] == ["Port reopens", "Ships returned on Monday. Dockers cheered."]
    assert rest[0].blocks == []


def test_a_report_ending_with_a_credit_is_not_furniture():
    credit = "Jane Roe and J. Doe contributed to this report."
    report = (
        "Two people were hurt when a crane fell on a bus shelter in the town centre on Tuesday, the fire service said. "
        "The driver was questioned and the street stayed closed for the evening. " + credit
    )
    assert is_furniture(credit)
    assert not is_furniture(report)
    text = f"Crane falls in town centre\n\n{report}\n"
    assert [b.zone for b in split_zones(text)] == ["headline", "body"]
