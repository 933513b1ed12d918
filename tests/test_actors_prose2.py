"""A known person's surname that is also a country or a title ("Jordan", "King") names that person again where a
person stands (`actors.surname_in_person_slot`): the subject of a verb, after "said", before ", who"; the same word
after "to", "in", "the" or before "of" stays the country or the title.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from tests.test_actors_mentions import extract
from tidynews.extract.common import ArticleExtraction

RULE = "actors.surname_in_person_slot"


def mentions(result: ArticleExtraction, word: str) -> list[tuple[int, str, str]]:
    """(start, actor key, rule) of the body's mentions written exactly `word`."""
    return [(m.start, m.key, m.rule) for m in result.actor_mentions if m.text == word and m.zone != "headline"]


def key_of(result: ArticleExtraction, full_name: str) -> str:
    return next(m.key for m in result.actor_mentions if m.text == full_name)


def test_a_surname_that_is_a_country_is_the_person_as_subject():
    body = "The film was directed by Maya Jordan in Dublin. Jordan has made four films."
    result = extract(body)
    hits = mentions(result, "Jordan")
    start = body.index("Jordan has") + len("Report\n\n")
    assert (start, key_of(result, "Maya Jordan"), RULE) in hits


def test_the_same_word_after_to_stays_the_country():
    body = (
        "The film was directed by Maya Jordan in Dublin. Jordan, whose last film won a prize, flew to Jordan "
        "for the premiere."
    )
    result = extract(body)
    offset = len("Report\n\n")
    starts = {s for s, _, _ in mentions(result, "Jordan")}
    assert body.index("Jordan, whose") + offset in starts
    assert body.index("to Jordan") + len("to ") + offset not in starts


def test_a_surname_that_is_a_title_is_the_person_after_said():
    body = 'Coach Tessa King picked the squad for the cup. "It is a fine group," said King on Monday.'
    result = extract(body)
    start = body.index("said King") + len("said ") + len("Report\n\n")
    assert (start, key_of(result, "Tessa King"), RULE) in mentions(result, "King")


def test_the_title_after_the_stays_a_title():
    body = "Coach Tessa King met the royal family at the palace. The King thanked the players for their work."
    result = extract(body)
    start = body.index("The King") + len("The ") + len("Report\n\n")
    assert start not in {s for s, _, _ in mentions(result, "King")}


def test_a_surname_that_is_a_country_name_before_a_verb_is_the_person():
    body = "Tomas Holland was moved to another prison last week. Holland is serving nine years for fraud."
    result = extract(body)
    start = body.index("Holland is") + len("Report\n\n")
    assert (start, key_of(result, "Tomas Holland"), RULE) in mentions(result, "Holland")
