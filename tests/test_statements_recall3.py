"""Statements: recall steps of statements7b (a second act of the speaker after a reported clause; two statements in one
sentence hung on one verb).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import reported_triples as _found


def test_a_verb_that_cannot_share_the_clause_auxiliary_is_the_speakers_next_act():
    assert _found("The chief said the bridge had been inspected and vowed to reopen it.") == [
        ("The chief", "said", "the bridge had been inspected"),
        ("The chief", "vowed", "to reopen it"),
    ]


def test_a_verb_in_the_tense_of_the_reporting_verb_is_the_speakers_next_act():
    assert _found("A farmer, Ana Ruiz, said she earns $30,000 a year and questioned how the tax would help her.") == [
        ("A farmer", "said", "she earns $30,000 a year"),
        ("A farmer", "questioned", "how the tax would help her"),
    ]


def test_a_verb_that_shares_the_clause_stays_in_it():
    # "moved" shares "had" with "weakened": both are what the officials said
    assert _found("Officials said the storm had weakened and moved out to sea.") == [
        ("Officials", "said", "the storm had weakened and moved out to sea"),
    ]


def test_two_speakers_joined_by_a_semicolon_give_two_statements():
    text = "Six in 10 said they feared the next months of the race; 46 percent said they were bored by the election."
    assert _found(text) == [
        ("Six in 10", "said", "they feared the next months of the race"),
        ("46 percent", "said", "they were bored by the election"),
    ]


def test_a_contrast_with_another_speakers_words_ends_the_reported_clause():
    text = "Most of the farmers said they would sell the herd, while 15 percent said they would wait for spring."
    assert _found(text) == [
        ("Most of the farmers", "said", "they would sell the herd"),
        ("15 percent", "said", "they would wait for spring"),
    ]
    # a contrast inside what was said stays in it
    assert _found("The mayor said prices rose while wages fell.") == [
        ("The mayor", "said", "prices rose while wages fell"),
    ]


def test_a_that_clause_after_an_adverbial_of_the_reporting_verb_is_what_was_said():
    assert _found("The harbour master said on Friday for the first time that two cranes had failed.") == [
        ("The harbour master", "said", "two cranes had failed"),
    ]
    # a relative clause of time after a verb that reports nothing gives nothing
    assert _found("The mayor spoke at the time that the bridge had been closed.") == []


def test_a_question_put_to_someone_is_the_askers_statement():
    assert _found("The senator was asked by a caller why the ferry was late.") == [
        ("a caller", "asked", "why the ferry was late"),
    ]
    # the one asked did not ask: the question's asker is unknown, the answer is the mayor's
    assert _found("Asked if the bridge was safe, the mayor said yes.") == [
        ("unknown", "Asked", "if the bridge was safe"),
        ("the mayor", "said", "yes"),
    ]
    assert _found("The mayor was asked to resign.") == []


def test_a_clause_said_to_be_reported_has_an_unknown_speaker():
    assert _found("The ferry company is reportedly planning to sell two of its boats.") == [
        ("unknown", "reportedly", "The ferry company is reportedly planning to sell two of its boats"),
    ]
    # a reporting verb says who reported it
    assert _found("The mayor reportedly said the bridge was safe.") == [("The mayor", "said", "the bridge was safe")]


def test_a_response_or_an_article_speaks_for_whoever_sent_or_ran_it():
    assert _found("The council sent a response saying the pool would stay open.") == [
        ("The council", "saying", "the pool would stay open"),
    ]
