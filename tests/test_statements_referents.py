"""The subject of a clause that leads into a quotation is someone the quotation's "she said" may point back to.
Articles written for these tests."""

from __future__ import annotations

from tests.test_statements import key_of, one

SCOLDED = """Ferry hearing

Daniel Brooks, the harbour master, defended the timetable on Tuesday.

Senator Ana Ruiz scolded him: “Nobody in this town trusts the ferry company any more,” she said.
"""


def test_a_pronoun_after_a_quotation_points_back_to_the_subject_of_the_clause_before_it():
    ruiz = key_of(SCOLDED, "Ana Ruiz")
    trusts = one(SCOLDED, "Nobody in this town trusts")
    assert trusts.speaker == "she"
    assert ruiz and trusts.speaker_key == ruiz  # not Daniel Brooks, named in the sentence before


REPORTED = """Ferry hearing

Daniel Brooks, the harbour master, defended the timetable on Tuesday.

Ana Ruiz will resign from the board, he said.
"""


def test_the_subject_of_what_a_pronoun_reports_is_not_who_the_pronoun_is():
    resign = one(REPORTED, "Ana Ruiz will resign")
    assert resign.speaker == "he"
    assert resign.speaker_key == key_of(REPORTED, "Daniel Brooks")


SAIL = """Harbour protest

Fishermen joined a “slow sail” across the bay on Sunday, according to the organisers.

Mayor Daniel Brooks opened the new ferry pier on Monday.

Fishermen want to “take back the sea” this summer.
"""


def test_a_fragment_of_a_clause_with_no_reporting_verb_is_the_account_of_according_to():
    sail = one(SAIL, "a “slow sail”")
    assert sail.speaker == "the organisers" and sail.cue == "according to"
    # with no "according to", the fragment stays with the subject of its clause
    assert one(SAIL, "to “take back the sea”").speaker == "Fishermen"


HEARING = """Ferry hearing

“The timetable will not change this year,” said Daniel Brooks, the harbour master.

John Carter walked out of the hearing on Monday. “Nobody in this town can pay that much.”

The council met again on Tuesday. “We will look at the toll in May.”
"""


def test_a_quotation_after_a_sentence_about_a_named_person_is_that_persons():
    toll = one(HEARING, "Nobody in this town")
    assert toll.speaker == "John Carter" and toll.speaker_key == key_of(HEARING, "John Carter")


def test_a_quotation_after_a_sentence_with_no_named_person_keeps_the_last_speaker():
    # the subject before it is no person named by name: the one who spoke last goes on speaking
    assert one(HEARING, "We will look at the toll").speaker == "John Carter"


DIRECTOR = """Ferry talks

Mayor Daniel Brooks opened the new pier on Monday.

The spokeswoman for the Ferry Users Association, Maria Lopez, said the ferry would sail again in May.

She said the toll would stay.
"""


def test_a_description_with_a_name_set_off_after_it_is_that_person():
    lopez = key_of(DIRECTOR, "Maria Lopez")
    sail = one(DIRECTOR, "the ferry would sail")
    assert sail.speaker == "The spokeswoman for the Ferry Users Association" and sail.speaker_key == lopez
    # and "she" points back to her, not to the mayor
    assert one(DIRECTOR, "the toll would stay").speaker_key == lopez


STATEMENT = """Ferry talks

“The pier is closed for repairs,” said Daniel Brooks, the harbour master.

Mayor Maria Lopez released the following statement:

“The ferry will sail again in May, and the toll will stay as it is.”

The list of repairs is long:

“New ropes, a new gangway and a new roof for the waiting room.”
"""


def test_a_quotation_after_a_paragraph_ending_with_a_colon_is_the_subject_of_that_paragraph():
    may = one(STATEMENT, "The ferry will sail again in May")
    assert may.speaker == "Mayor Maria Lopez" and may.speaker_key == key_of(STATEMENT, "Maria Lopez")


def test_a_colon_after_no_one_who_can_speak_keeps_the_last_speaker():
    # "the list" can say nothing: the quotation goes on as the mayor's, the last one who spoke
    assert one(STATEMENT, "New ropes").speaker == "Mayor Maria Lopez"


def test_a_quotation_after_a_colon_in_its_own_paragraph_is_the_subject_of_the_clause_before():
    text = "Report\n\nMayor Daniel Brooks had one more message for the riders: “The ferry will sail again in May.”\n"
    assert one(text, "The ferry will sail").speaker == "Mayor Daniel Brooks"


WARNING = """Pier hearing

Harbour master Daniel Brooks met the board on Monday. Mayor Ana Okafor spoke after him.

Brooks's warning earned him a second hearing, where he said the pier was unsafe.
"""


def test_a_pronoun_after_a_name_that_owns_the_subject_is_that_person():
    # "Brooks's" is no person to the tagger, but it names one of the article: "he" is him, not the mayor
    assert one(WARNING, "the pier was unsafe").speaker_key == key_of(WARNING, "Daniel Brooks")


def test_an_expletive_it_is_no_speaker():
    text = "Report\n\nThe mayor will find it hard to repeat his attacks on the ferry company.\n"
    assert one(text, "his attacks").speaker == "The mayor"
    # a real "it" subject stays: the company speaks
    plain = "Report\n\nThe ferry company said it would repeat its warnings about the pier.\n"
    assert one(plain, "it would repeat").speaker == "The ferry company"
