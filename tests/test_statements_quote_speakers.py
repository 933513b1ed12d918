"""Quotations that name their own speaker in their own sentence, where the text gives no reporting verb the quote
finder reads: the speaker is that source, not the one who spoke last. Articles written for these tests."""

from __future__ import annotations

import pytest

from tests.test_statements import key_of, one

ACCORDING = """Ferry service to resume

The harbour master, Ines Valdez, said on Monday that the ferries would sail again in spring.

According to the regional transport board, “the new pier will be finished long before the first sailing.”

“Repairs to the old breakwater will cost more than the pier itself,” according to Tomas Berg, an engineer.

Fares will rise, Ms. Valdez said, but there is “no other way to pay for the work,” according to a board report.
"""


@pytest.mark.parametrize(
    "quote_start, speaker",
    [
        ("the new pier will be finished", "the regional transport board"),
        ("Repairs to the old breakwater", "Tomas Berg"),
    ],
)
def test_according_to_in_the_quotations_own_sentence_names_its_speaker(quote_start, speaker):
    s = one(ACCORDING, quote_start)
    assert s.speaker == speaker
    assert s.cue == "according to"
    assert s.rule == "statements.quote_according_to"


def test_according_to_names_the_person_as_an_actor():
    s = one(ACCORDING, "Repairs to the old breakwater")
    assert s.speaker_key == key_of(ACCORDING, "Tomas Berg")


def test_a_quotation_with_a_reporting_verb_keeps_that_verbs_speaker():
    # "X said …, according to Y" gives the words to X on purpose; only verb-less quotations look for "according to"
    s = one(
        "Budget approved\n\nThe council met on Monday.\n\n"
        "“We will not raise the rates,” the mayor said, according to a transcript.\n",
        "We will not raise the rates",
    )
    assert s.speaker == "the mayor"
    assert s.cue == "said"


ROUNDUP = """Morning round-up

The toll debate goes on in the valley, and the council meets again on Friday.

The last word went to the economist Lena Holt: “Nobody in this town will pay the new toll.”

From the council's report: “The toll would raise four million a year for the bridge.”
"""


@pytest.mark.parametrize(
    "quote_start, speaker",
    [
        ("Nobody in this town will pay", "Lena Holt"),
        ("The toll would raise four million", "the council's report"),
    ],
)
def test_a_name_and_a_colon_before_a_quotation_name_its_speaker(quote_start, speaker):
    s = one(ROUNDUP, quote_start)
    assert s.speaker == speaker
    assert s.rule == "statements.quote_after_name_and_colon"


def test_a_colon_after_a_word_that_names_nobody_gives_the_quotation_no_speaker_of_its_own():
    text = (
        "Toll vote\n\nThe mayor, Ana Ruiz, said the bridge would open in May.\n\n"
        "Then came the question: “Who pays for the bridge?”\n"
    )
    s = one(text, "Who pays for the bridge")
    assert s.rule == "statements.quote_of_last_speaker"


def test_the_person_named_before_the_colon_is_the_actor():
    s = one(ROUNDUP, "Nobody in this town will pay")
    assert s.speaker_key == key_of(ROUNDUP, "Lena Holt")


REVERSED = """Night ferry

The last ferry left the harbour late on Sunday.

“We waited for three hours in the rain,“ said Pia Lund, a nurse from the island.

“Nobody told us anything,“ she said. “Not one word.”
"""


@pytest.mark.parametrize(
    "quote, speaker",
    [("We waited for three hours in the rain,", "Pia Lund"), ("Nobody told us anything,", "she")],
)
def test_an_opening_mark_typed_to_close_a_quotation_still_closes_it(quote, speaker):
    s = one(REVERSED, quote)
    assert s.quote == quote
    assert s.speaker == speaker
    assert s.speaker_key == key_of(REVERSED, "Pia Lund")


def test_an_opening_mark_after_a_comma_and_before_a_word_still_opens():
    from tidynews.extract.statements.quotation_marks import find_quotations

    text = "Ana Ruiz said,“We will rebuild the pier.”"
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "We will rebuild the pier."
