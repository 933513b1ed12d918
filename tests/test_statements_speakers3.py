"""Who a pronoun or possessive speaker is: "his criticism of …" names the one "he" would be; a person named as the
owner of a main clause's subject ("Maria Lopez's lawsuit …") or as the subject of a clause that opens the sentence
("When Robert Fowler was asked …") is someone a later pronoun points back to. Articles written for these tests."""

from __future__ import annotations

from tests.test_statements import key_of, one

POSSESSIVE = """Toll hearing

Mayor Dana Whitlow opened the ferry hearing on Monday. His criticism of the new toll was sharp.
"""


def test_a_possessive_speaker_keeps_its_words_and_names_the_actor():
    s = one(POSSESSIVE, "the new toll")
    assert s.speaker == "His"
    assert s.speaker_key == key_of(POSSESSIVE, "Dana Whitlow")


OWNER = """Port dispute

Tom Vance chaired the meeting. Maria Lopez's lawsuit demands her old job back. She said the port was unfair.
"""


def test_a_pronoun_points_back_to_the_owner_of_the_subject():
    s = one(OWNER, "the port was unfair")
    assert s.speaker == "She"
    assert s.speaker_key == key_of(OWNER, "Maria Lopez")


LEADING = """Port strike

Tom Vance chaired the meeting. When Robert Fowler was asked about the strike, he said the port would close.
"""


def test_a_pronoun_points_back_to_the_subject_of_the_clause_that_opens_the_sentence():
    s = one(LEADING, "the port would close")
    assert s.speaker == "he"
    assert s.speaker_key == key_of(LEADING, "Robert Fowler")


OTHER_SEX = """Port strike

Maria Lopez chaired the meeting. When Mr. Robert Fowler was asked about the strike, she said the port would close.
"""


def test_a_pronoun_of_the_other_sex_does_not_take_the_leading_clause_subject():
    # "Mr." says Robert Fowler is a man: "she" is the woman named before him
    s = one(OTHER_SEX, "the port would close")
    assert s.speaker == "she"
    assert s.speaker_key == key_of(OTHER_SEX, "Maria Lopez")


HYPHEN = """Divorce files

The ruling was sealed. His ex-wife did not object, and argued that she should not have to sell the farm.
"""


def test_a_speaker_phrase_keeps_the_whole_hyphenated_word():
    s = one(HYPHEN, "she should not have to sell")
    assert s.speaker == "His ex-wife"


RELATIVE_OF_SEVERAL = """Defence talks

The plan could answer both Democrats and Republicans, who have said that the alliance spends too little.
"""


def test_a_relative_pronoun_of_several_stays_as_written():
    s = one(RELATIVE_OF_SEVERAL, "the alliance spends too little")
    assert s.speaker == "who"
