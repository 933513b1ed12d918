"""Statements: recall steps of statements8b (a sentence joined to the next by a colon or dash; a reported clause
whose subject is a gerund; reports in the passive).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import reported_triples as _found


def test_the_clause_after_a_colon_is_what_the_speaker_said_not_the_sentence_before():
    assert _found("The union polled its members: most said the new rota was unfair.") == [
        ("most", "said", "the new rota was unfair"),
    ]


def test_the_clause_after_a_semicolon_or_dash_is_what_the_speaker_said():
    assert _found("The mayor closed the bridge on Monday; she said the repairs would take a month.") == [
        ("she", "said", "the repairs would take a month"),
    ]
    assert _found("Fares rose again - commuters said they could no longer afford the train.") == [
        ("commuters", "said", "they could no longer afford the train"),
    ]


def test_a_clause_before_the_speaker_after_a_comma_is_still_what_was_said():
    assert _found("The ferry sank near the harbour, the coastguard said.") == [
        ("the coastguard", "said", "The ferry sank near the harbour"),
    ]


def test_a_reported_clause_whose_subject_is_a_gerund():
    assert _found(
        "Yet economists, like their colleagues, say taxing fuel encourages savings, investment and growth."
    ) == [
        ("economists", "say", "taxing fuel encourages savings, investment and growth"),
    ]


def test_a_gerund_that_is_no_clause_is_no_statement():
    # "recalled meeting him" is an object, not a clause with a finite verb: the gerund rule does not read it
    from tidynews.extract.statements.cues import gerund_subject_clause
    from tidynews.nlp import load_nlp

    doc = load_nlp()("She said leaving early.")
    assert all(gerund_subject_clause(t) is None for t in doc)


def test_an_expletive_passive_report_gives_its_clause_with_no_speaker():
    assert _found("It was reported on Monday that the ferry company would sell two of its boats.") == [
        ("unknown", "reported", "the ferry company would sell two of its boats"),
    ]


def test_a_passive_report_with_a_by_agent_is_the_agents():
    assert _found("The plan to sell the port was first reported by the Daily Courier.") == [
        ("the Daily Courier", "reported", "The plan to sell the port"),
    ]


def test_said_to_with_an_infinitive_is_a_report_of_the_subject_and_the_infinitive():
    assert _found("The mayor is said to be planning a run for the senate.") == [
        ("unknown", "said", "The mayor is said to be planning a run for the senate"),
    ]


def test_passives_that_report_nothing_give_no_statement():
    assert _found("The closure was confirmed on Friday.") == []  # no agent: it tells of the closure
    assert _found("The bridge was built by the army in 1950.") == []  # not a verb of speech
    assert _found("She was told that the bridge would close.") == []  # the one told is no speaker


def test_as_reported_by_gives_the_clause_beside_it_to_the_agent():
    assert _found("As reported by the Daily Courier, the port authority plans to sell two of its ferries.") == [
        ("the Daily Courier", "reported", "the port authority plans to sell two of its ferries"),
    ]
    # with no agent the writer reports it: no statement
    assert _found("As reported earlier, the port authority plans to sell two ferries.") == []
