"""A name the tagger took for a place or a thing is a person when a "he" or "she" of its own clause takes it up, so a
later pronoun points back to it and not to someone named before. Articles written for these tests."""

from __future__ import annotations

from tests.test_statements import extract, key_of, one

HALL = """Mosque board meets

Mayor Daniel Brooks opened the meeting on Monday and spoke about the new car park.

Okwuosa sat in the hall where he met the imam every Friday. He said the board had not been told of the vote.

“We will ask for the minutes,” he said.
"""


def test_a_pronoun_after_a_name_tagged_as_a_place_is_not_the_man_named_before():
    brooks = key_of(HALL, "Daniel Brooks")
    told = one(HALL, "the board had not been told")
    minutes = one(HALL, "We will ask for the minutes")
    assert told.speaker == "He" and minutes.speaker == "he"
    # Okwuosa is no actor of the article: speaker_id stays empty rather than naming the mayor
    assert "Okwuosa" not in {e.name for e in extract(HALL).actors}
    assert told.speaker_key == "" and minutes.speaker_key == ""
    assert brooks != ""


INSERTED = """Harbour vote

Mayor Daniel Brooks opened the meeting on Monday.

Okwuosa, he said, was the only town that had voted against the ferry.

“The crossing will close in May,” he said.
"""


def test_a_pronoun_of_an_inserted_reporting_clause_does_not_make_the_subject_a_person():
    brooks = key_of(INSERTED, "Daniel Brooks")
    assert one(INSERTED, "The crossing will close").speaker_key == brooks


CONTINUED = """Port strike

The strike was led by Maria Lopez, who said the port would close on Friday.

“We have waited three years for this contract.”
"""


def test_a_quotation_continuing_a_relative_clause_takes_the_name_not_who():
    said = one(CONTINUED, "the port would close")
    continued = one(CONTINUED, "We have waited")
    assert said.speaker == "who"  # the words at its own reporting clause
    assert continued.speaker == "Maria Lopez"  # no "who" of its own
    assert continued.speaker_key == said.speaker_key == key_of(CONTINUED, "Maria Lopez")
