"""Statements: a quotation that finishes the writer's clause carries that clause's subject (statements8c).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import statements


def _only(text: str):
    found = statements("Report\n\n" + text + "\n")
    assert len(found) == 1, [s.quote for s in found]
    return found[0]


def test_the_subject_before_the_quotation_is_part_of_the_statement():
    s = _only("The old ferry “will sail again in May,” the harbour master said.")
    assert (s.quote, s.speaker, s.kind, s.rule) == (
        "The old ferry “will sail again in May,”",
        "the harbour master",
        "partial",
        "statements.quote_with_subject_before_it",
    )


def test_an_inverted_reporting_clause_after_it_too():
    s = _only("The council’s budget “leaves nothing for the harbour,” said Ana Reyes, a local trader.")
    assert (s.quote, s.speaker) == ("The council’s budget “leaves nothing for the harbour,”", "Ana Reyes")


def test_a_conjunction_opening_the_sentence_stays_out():
    s = _only("But the mayor “will not resign,” her aide said.")
    assert s.quote == "the mayor “will not resign,”"


def test_a_whole_quotation_stays_as_written():
    s = _only("“We will rebuild the pier,” the mayor said.")
    assert (s.quote, s.kind, s.rule) == ("We will rebuild the pier,", "direct", "statements.quote_cue_after")


def test_a_quotation_after_a_dash_is_not_joined_to_the_words_before_it():
    s = _only("The towns are angry - “nobody asked us,” one resident said.")
    assert s.quote == "nobody asked us,"


def test_a_quotation_opening_with_a_capital_is_a_sentence_of_its_own():
    s = _only("Neither rival was moved by the speech - “Too little, too late,” one aide said.")
    assert s.quote == "Too little, too late,"


def test_two_quoted_pieces_joined_by_and_are_one_statement_with_their_subject():
    s = _only("Ferries are “a public lifeline” and “cannot be cut,” the pilot said.")
    assert (s.quote, s.speaker) == ("Ferries are “a public lifeline” and “cannot be cut,”", "the pilot")


def test_not_a_but_b_quoted_is_one_statement():
    s = _only("The aim is not to “save money” but to “save the port,” the mayor said.")
    assert s.quote == "The aim is not to “save money” but to “save the port,”"


def test_a_reported_clause_goes_on_to_a_coordinated_quotation():
    s = _only("The mayor said the ferry was not “a luxury” but “a lifeline.”")
    assert (s.quote, s.rule) == ("the ferry was not “a luxury” but “a lifeline.”", "statements.reported_that_clause")


def test_pieces_reported_by_two_verbs_stay_two_statements():
    found = statements("Report\n\nThe pilot called the plan a “disaster” and promised to “fight it,” her aide said.\n")
    assert len(found) == 2, [s.quote for s in found]


def test_pieces_joined_by_more_than_a_conjunction_stay_apart():
    found = statements("Report\n\nShe wants “a new pier” and has long argued for “a bigger harbour,” her aide said.\n")
    assert all("and has long argued" not in s.quote for s in found), [s.quote for s in found]
