"""Statements: recall steps of statements9d (transcripts printed as a dialogue; nouns and verbs of speech whose
content is a noun phrase).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import reported_triples as _found
from tests.test_statements import statements

QUOTED_TRANSCRIPT = """Harbour chief: ferries back on Monday

On a radio phone-in on Sunday, harbour master Ines Valdor said the ferries would soon run again.

Part of the exchange follows:

"HOST: Let me start with the question everyone is asking. When do the ferries come back?

"VALDOR: From Monday, if the weather holds. We have checked every pier twice this week.

"The crews have been trained on the new ramps as well.

"(CROSSTALK.)

"HOST: And the fares, will they go up?

"VALDOR: No, the fares stay where they are until next spring.

"Listen to the full programme on our website."
"""


def _turns(text: str) -> list[tuple[str, str]]:
    return [(s.speaker, s.quote) for s in statements(text) if s.rule == "statements.transcript_turn"]


def test_each_turn_of_a_quoted_transcript_is_its_speakers_statement():
    assert _turns(QUOTED_TRANSCRIPT) == [
        ("HOST", "Let me start with the question everyone is asking. When do the ferries come back?"),
        (
            "VALDOR",
            "From Monday, if the weather holds. We have checked every pier twice this week.\n\n"
            '"The crews have been trained on the new ramps as well.',
        ),
        ("HOST", "And the fares, will they go up?"),
        ("VALDOR", "No, the fares stay where they are until next spring."),
    ]


def test_no_quotation_of_a_transcript_runs_over_its_turns():
    turns = [s for s in statements(QUOTED_TRANSCRIPT) if s.rule == "statements.transcript_turn"]
    first, last = min(s.start for s in turns), max(s.end for s in turns)
    others = [s for s in statements(QUOTED_TRANSCRIPT) if s.rule != "statements.transcript_turn"]
    assert not [s.quote for s in others if s.start < last and first < s.end]


UNQUOTED_TRANSCRIPT = """Council budget

The council leader was interviewed on Tuesday.

PRESENTER: The council says the libraries will close. Is that true?

ROSS: We said the libraries would stay open, and they will stay open as long as I lead the council.

PRESENTER: Thank you for joining us this morning.
"""


def test_a_turn_is_the_speakers_even_when_it_reports_someone_else():
    turns = _turns(UNQUOTED_TRANSCRIPT)
    assert ("PRESENTER", "The council says the libraries will close. Is that true?") in turns
    assert (
        "ROSS",
        "We said the libraries would stay open, and they will stay open as long as I lead the council.",
    ) in (turns)


def test_a_single_label_of_the_page_makes_no_transcript():
    text = "Ferries\n\nUPDATE: The ferries will run again from Monday morning.\n\nThe pier reopens in May.\n"
    assert _turns(text) == []


def test_a_quoted_label_that_closes_in_its_paragraph_is_no_turn():
    text = 'Ferries\n\nThe mayor spoke on Monday.\n\n"NOTE: the last crossing leaves at nine," she added.\n'
    assert _turns(text) == []


# --- nouns of speech with what they are about, with no owner ----------------------------------------------------


def _nouns(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.speaker, s.cue, s.quote)
        for s in statements(f"Report\n\n{text}\n")
        if s.rule in ("statements.speech_noun_topic", "statements.speech_noun_of_subject")
    ]


def test_criticism_of_something_is_a_statement_of_no_named_speaker():
    assert _nouns("The council faced sharp criticism of its plan to close the old library.") == [
        ("unknown", "criticism", "its plan to close the old library"),
    ]


def test_accusations_of_something_are_a_statement():
    assert _nouns("The ferry company has long faced accusations of favouritism toward its largest clients.") == [
        ("unknown", "accusations", "favouritism toward its largest clients"),
    ]


def test_praise_voiced_by_someone_is_theirs():
    assert _nouns("The union voiced praise for the crews who cleared the harbour after the storm.") == [
        ("The union", "praise", "the crews who cleared the harbour after the storm"),
    ]


def test_nouns_that_are_as_often_deeds_are_no_statement():
    assert _nouns("Two attacks on the harbour police left three officers hurt.") == []
    assert _nouns("The mayor made a phone call for help to the coastguard.") == []


# --- nouns of speech that someone makes, gives or raises -------------------------------------------------------


def _made(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.speaker, s.cue, s.quote)
        for s in statements(f"Report\n\n{text}\n")
        if s.rule == "statements.speech_noun_made"
    ]


def test_remarks_made_about_something_are_the_makers_statement():
    assert _made("The senator made several angry remarks about the new ferry timetable.") == [
        ("The senator", "remarks", "the new ferry timetable"),
    ]


def test_questions_raised_about_something_are_a_statement():
    assert _made("The auditor raised questions about the harbour contract.") == [
        ("The auditor", "questions", "the harbour contract"),
    ]


def test_a_call_made_to_do_something_reports_the_infinitive():
    assert _made("The senator made a call to reopen the pier before the summer.") == [
        ("The senator", "call", "to reopen the pier before the summer"),
    ]


def test_a_day_a_purpose_or_a_denial_is_no_statement():
    assert _made("The mayor gave a speech on Monday.") == []
    assert _made("The mayor gave a speech to win back the fishermen.") == []
    assert _made("The mayor did not make any comment on the fire.") == []
    assert _made("The mayor faced questions about the fire.") == []


# --- verbs whose content is a noun phrase -------------------------------------------------------------------


def test_portrayed_x_as_y_reports_both():
    assert _found("The senator portrayed the new toll as a tax on the poor.") == [
        ("The senator", "portrayed", "the new toll as a tax on the poor"),
    ]


def test_referenced_and_disputed_report_their_object():
    assert _found("In the letter, the mayor referenced a police report on the harbour fire.") == [
        ("the mayor", "referenced", "a police report on the harbour fire"),
    ]
    assert _found("The union disputed the council's account of the strike.") == [
        ("The union", "disputed", "the council's account of the strike"),
    ]


def test_implied_reports_its_clause_when_a_speaker_implies():
    assert _found("The mayor implied that the pier would close in winter.") == [
        ("The mayor", "implied", "the pier would close in winter"),
    ]
    assert _found("The figures implied that the pier would close in winter.") == []


def test_questions_raised_by_no_one_the_sentence_names_are_left():
    assert _made("The minister attacked the envoy for raising questions about the ferry deal.") == []


# --- calls for someone to act ---------------------------------------------------------------------------------


def _calls(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.speaker, s.cue, s.quote)
        for s in statements(f"Report\n\n{text}\n")
        if s.rule == "statements.call_for_someone_to"
    ]


def test_a_call_for_someone_to_act_reports_who_is_to_act_and_how():
    assert _calls("The nurses' union sounded a call for the city to hire more staff.") == [
        ("The nurses' union", "call", "the city to hire more staff"),
    ]
    assert _calls("The senator is calling for the harbour master to be replaced immediately.") == [
        ("The senator", "calling", "the harbour master to be replaced immediately"),
    ]


def test_a_call_not_made_yet_or_a_purpose_is_no_statement():
    assert _calls("The senator will call for the harbour master to be replaced.") == []
    assert _calls("She came for the children to see the boats.") == []


def test_demands_reports_its_object():
    assert _found("The union demands higher wages for the harbour crews.") == [
        ("The union", "demands", "higher wages for the harbour crews"),
    ]


# --- a question put to the speaker, told as a participle with an infinitive ----------------------------------


def test_asked_to_do_something_is_a_question_of_an_unknown_asker():
    found = _found("Asked to name a date for the reopening, the mayor said it would be May.")
    assert ("unknown", "Asked", "to name a date for the reopening") in found
    assert ("the mayor", "said", "it would be May") in found


def test_being_asked_in_the_passive_names_no_question():
    assert [s for s in _found("She was asked to name a date and said nothing.") if s[1] == "asked"] == []
