"""Claims whose noun phrase names no owner ("repeated accusations that …"): the one who makes them is the subject of
the verb that makes them; one who faces a claim is not its maker. Articles written for these tests."""

from __future__ import annotations

import pytest

from tests.test_statements import one

CLAIMS = """Ferry row deepens

The senator made accusations that the ferry company had hidden its losses for years.

The harbour union persisted in arguments that the night crossings were unsafe.

The ferry company faced claims that its boats were short of crew.
"""


def test_the_subject_of_made_accusations_makes_them():
    s = one(CLAIMS, "the ferry company had hidden")
    assert s.speaker == "The senator"
    assert s.cue == "accusations"
    assert s.rule == "statements.speech_noun_of_subject"


def test_the_subject_who_persists_in_arguments_makes_them():
    s = one(CLAIMS, "the night crossings were unsafe")
    assert s.speaker == "The harbour union"
    assert s.rule == "statements.speech_noun_of_subject"


def test_one_who_faces_a_claim_is_not_its_maker():
    s = one(CLAIMS, "its boats were short of crew")
    assert s.speaker == "unknown"
    assert s.rule == "statements.speech_noun_clause"


def test_a_claim_making_verb_read_as_an_adjective_still_names_the_maker():
    # the parser reads "repeated" as a modifier of "accusations" here; the subject is still the one who repeats them
    text = (
        "Toll fight\n\nSenator Ada Lind on Tuesday repeated accusations that the toll company had hidden its losses.\n"
    )
    s = one(text, "the toll company had hidden")
    assert s.speaker == "Senator Ada Lind"
    assert s.rule == "statements.speech_noun_of_subject"


OWN_WORDS = """Toll fight

The mayor stepped up his criticism of the new toll on Monday.

The drivers stepped up their attacks on the toll company.

He renewed her criticism of the bus plan at the meeting.
"""


@pytest.mark.parametrize(
    "quote_start, speaker",
    [("the new toll", "The mayor"), ("the toll company", "The drivers")],
)
def test_the_subject_who_steps_up_their_own_criticism_is_named(quote_start, speaker):
    s = one(OWN_WORDS, quote_start)
    assert s.speaker == speaker
    assert s.rule == "statements.speech_noun_of_actor"


def test_a_possessive_that_cannot_be_the_subject_stays():
    # "He renewed her criticism": the criticism is hers, not his
    s = one(OWN_WORDS, "the bus plan")
    assert s.speaker == "her"
    assert s.rule == "statements.speech_noun_object"
