"""Statements: precision steps of session 6 (what a rule used to take for speech and is not).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import statements


def test_an_as_clause_with_its_own_object_tells_when_not_what():
    text = "Flood\n\nAs the governor urged residents to stay indoors, the river kept rising.\n"
    assert "the river kept rising" not in [s.quote for s in statements(text)]
    text = "Gala\n\nAs the senator spoke, the guests left the hall one by one.\n"
    assert statements(text) == []
    text = "Depot\n\nAs she called for calm, the workers blocked the gates of the depot.\n"
    assert "the workers blocked the gates of the depot" not in [s.quote for s in statements(text)]
    # "as X noted", "as X told reporters" still report the clause beside them
    (s,) = statements("Ferry\n\nAs the harbour master noted, the ferries are often late in winter.\n")
    assert (s.quote, s.speaker) == ("the ferries are often late in winter", "the harbour master")
    (s,) = statements("Ferry\n\nThe ferries are often late, as the harbour master told reporters on Monday.\n")
    assert (s.quote, s.speaker) == ("The ferries are often late", "the harbour master")


def test_a_quoted_title_with_short_words_in_lower_case_is_no_statement():
    text = "Talks\n\nThe harbour master told “Morning on the Coast” that the pier would reopen.\n"
    assert [s.quote for s in statements(text)] == ["the pier would reopen"]
    text = "Books\n\nThe former mayor signed copies of “The Art of the Harbour” on Friday.\n"
    assert statements(text) == []
    text = "Bridge\n\nThe council wants “a bridge for the whole town” before the election.\n"
    assert [s.quote for s in statements(text)] == ["a bridge for the whole town"]


def test_speaking_on_a_day_a_channel_or_for_someone_is_no_topic():
    assert statements("Radio\n\nThe mayor spoke on the radio for an hour.\n") == []
    assert statements("Dinner\n\nThe senator spoke on behalf of the ferry workers at the dinner.\n") == []
    assert statements("Forum\n\nThe harbour master spoke on Thursday at the forum.\n") == []
    # the topic beside them is still what was said
    (s,) = statements("Radio\n\nThe mayor spoke on the radio about the new toll.\n")
    assert (s.quote, s.speaker) == ("the new toll", "The mayor")


def test_challenging_a_named_rival_for_a_seat_is_a_race_not_words():
    text = "Race\n\nThe teacher, who is challenging Senator Ruiz for her seat, opened an office on Main Street.\n"
    assert statements(text) == []
    # challenging a named person to do something, or about something, still reports
    (s,) = statements("Race\n\nThe teacher challenged Senator Ruiz to debate the ferry plan.\n")
    assert s.speaker == "The teacher" and "debate the ferry plan" in s.quote
