"""Statements: recall steps of session 6 (reporting verbs whose speaker, cue or complement the rules used to miss).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import statements


def test_a_campaign_or_a_candidate_can_accuse_and_announce():
    (s,) = statements("Race\n\nThe candidate accused the governor of hiding the audit.\n")
    assert (s.quote, s.speaker, s.cue) == ("the governor of hiding the audit", "The candidate", "accused")
    (s,) = statements("Race\n\nHer campaign announced a new tour of the northern towns.\n")
    assert (s.quote, s.speaker) == ("a new tour of the northern towns", "Her campaign")
    (s,) = statements("Race\n\nSeveral supporters criticized the decision to close the depot.\n")
    assert s.quote == "the decision to close the depot"
    # a thing still cannot promise or threaten
    assert statements("Race\n\nThe new timetable threatens to end the night trains.\n") == []


def test_a_short_answer_after_said_is_what_was_said():
    text = "Poll\n\nAsked about the new bridge, 60 percent of residents said yes. Another 30 percent said no.\n"
    found = {s.quote: s for s in statements(text)}
    assert {"yes", "no"} <= set(found)
    assert found["yes"].speaker == "60 percent of residents"
    (s,) = statements("Poll\n\nThe mayor backed the toll. Most councillors said the same.\n")
    assert (s.quote, s.speaker) == ("the same", "Most councillors")
    # "so" and "no" that open a longer phrase are no answer
    assert "so" not in [s.quote for s in statements("Pier\n\nThe skipper said so many times that nobody came.\n")]


def test_a_reporting_verb_under_seem_try_or_quick_to_still_reports():
    (s,) = statements("Talks\n\nThe minister seemed to confirm that the talks had failed.\n")
    assert (s.quote, s.speaker) == ("the talks had failed", "The minister")
    (s,) = statements("Ferry\n\nThe mayor was quick to point out that the ferry was older than the bridge.\n")
    assert s.quote == "the ferry was older than the bridge"
    (s,) = statements("Pier\n\nThe harbour master tried to explain that the pier was closed for repairs.\n")
    assert s.quote == "the pier was closed for repairs"
    # a refusal still reports nothing
    assert statements("Plant\n\nThe company declined to say the plant would close.\n") == []


def test_a_noun_of_speech_with_its_owner_reports_its_object():
    (s,) = statements("Toll\n\nThe mayor's criticism of the new toll was sharp.\n")
    assert (s.quote, s.speaker, s.cue) == ("the new toll", "The mayor", "criticism")
    (s,) = statements("Fares\n\nHis pledge to cut bus fares won him the district.\n")
    assert (s.quote, s.cue) == ("to cut bus fares", "pledge")
    # no owner, or an owner that cannot speak: nothing
    assert statements("Storm\n\nThe call for help came late in the night.\n") == []
    assert statements("Fares\n\nThe plan's promise of lower fares fell flat with riders.\n") == []


def test_a_chant_or_an_exclamation_in_capitals_is_spoken_not_a_title():
    (s,) = statements("Rally\n\nThe crowd outside the town hall chanted “Save Our Ferry!” for an hour.\n")
    assert (s.quote, s.speaker) == ("Save Our Ferry!", "The crowd outside the town hall")
    # a title in capitals is still no statement
    assert statements("Film\n\nThe council showed the film “Harbour Lights” on Friday.\n") == []


def test_we_it_and_some_can_vow_and_accuse():
    (s,) = statements("Union\n\nThe union met on Monday. It accused the ferry company of cutting corners.\n")
    assert (s.quote, s.cue) == ("the ferry company of cutting corners", "accused")
    (s,) = statements("Union\n\nWe vowed to keep the night ferry running.\n")
    assert s.quote == "to keep the night ferry running"


def test_a_letter_or_a_lawsuit_can_accuse():
    (s,) = statements("Port\n\nThe letter also accuses the port authority of ignoring the divers' warnings.\n")
    assert (s.quote, s.cue) == ("the port authority of ignoring the divers' warnings", "accuses")
