"""Statements: a reported complement stops before "and" + the speaker's next act, a second reporting verb with no
subject of its own (statements.speakers_next_act), which then is a statement of the same speaker.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.test_statements import reported_triples as _found


def test_a_clause_stops_before_the_speakers_next_act():
    assert _found("The ministry said it was firmly opposed to the canal plan and warned of a strong response.") == [
        ("The ministry", "said", "it was firmly opposed to the canal plan"),
        ("The ministry", "warned", "a strong response"),
    ]


def test_an_object_stops_before_the_speakers_next_act_in_the_present():
    assert _found("The residents accuse the council of being misled by the builder and urge it to halt the works.") == [
        ("The residents", "accuse", "the council of being misled by the builder"),
        ("The residents", "urge", "it to halt the works"),
    ]


def test_a_promise_after_the_clause_is_the_speakers():
    assert _found("Local farmers say the dam will flood their fields and promise to fight it in court.") == [
        ("Local farmers", "say", "the dam will flood their fields"),
        ("Local farmers", "promise", "to fight it in court"),
    ]


def test_talking_about_a_topic_stays_in_the_clause():
    assert _found("The nurses said the matron was strict and talked about the long night shifts.") == [
        ("The nurses", "said", "the matron was strict and talked about the long night shifts"),
    ]


def test_a_verb_of_a_clause_of_time_inside_the_report_is_not_the_speakers():
    assert _found("The clerk said the roof fell in when the crew lifted the beam and warned the owners.") == [
        ("The clerk", "said", "the roof fell in when the crew lifted the beam and warned the owners"),
    ]


def test_a_bare_verb_under_would_stays_in_the_clause():
    assert _found("The coach said he would sit the striker down and tell him to calm down.") == [
        ("The coach", "said", "he would sit the striker down and tell him to calm down"),
    ]
