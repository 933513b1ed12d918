"""Statements: a quoted fragment is reported with the words of the complement around it (statements7a).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import reported_triples, statements
from tidynews.extract.statements.quotes import clause_around_quotation, named_by_a_speaker
from tidynews.nlp import load_nlp


def _only(text: str):
    found = statements("Report\n\n" + text + "\n")
    assert len(found) == 1, [s.quote for s in found]
    return found[0]


def test_a_fragment_under_a_reporting_verb_takes_the_object_it_describes():
    s = _only("Governor Ana Ruiz, who has called the ferry plan “reckless,” visited the port on Friday.")
    assert (s.quote, s.cue, s.kind) == ("the ferry plan “reckless,”", "called", "partial")


def test_a_fragment_under_a_speaker_subject_takes_the_rest_of_its_complement():
    s = _only("The union wants to “take back the depot” from the city.")
    assert (s.quote, s.speaker, s.rule) == (
        "to “take back the depot” from the city",
        "The union",
        "statements.partial_quote_of_subject",
    )


def test_two_fragments_of_one_complement_are_one_statement():
    s = _only("The mayor, who has called the toll plan “costly” and “late,” visited the port.")
    assert s.quote == "the toll plan “costly” and “late,”"


def test_a_fragment_whose_complement_a_reported_clause_already_holds_stays_as_written():
    # the reported clause ends after the first fragment; the second one keeps its own words, no overlapping rows
    found = statements(
        "Report\n\nThe union accused the board of “playing games” with pensions and “ignoring” nurses.\n"
    )
    spans = sorted((s.start, s.end) for s in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)), spans
    assert sorted(s.quote for s in found) == ["ignoring", "the board of “playing games”"]


def test_a_title_in_quotation_marks_is_still_no_statement():
    assert statements("Report\n\nThe council backed the “Green Corridor” plan on Monday.\n") == []


def test_clause_around_quotation_example():
    doc = load_nlp()("She called the plan “a disaster” on Monday.")
    verb = next(t for t in doc if t.lower_ == "called")
    root = next(t for t in doc if t.lower_ == "disaster")
    lo, hi = clause_around_quotation(verb, root)
    assert doc[lo:hi].text == "the plan “a disaster”"
    # a fragment before its verb is not widened
    doc = load_nlp()("“A disaster” is what she called it.")
    verb = next(t for t in doc if t.lower_ == "called")
    assert clause_around_quotation(verb, next(t for t in doc if t.lower_ == "disaster")) is None


def test_a_name_a_speaker_gave_is_a_statement_a_name_nobody_gave_is_not():
    s = _only("Rivals of the governor, who he dubbed “the Little Senator,” laughed at the rally.")
    assert (s.quote, s.speaker, s.cue) == ("the Little Senator,", "he", "dubbed")
    assert statements("Report\n\nThe plan, dubbed “Operation Tide,” starts in May.\n") == []
    assert statements("Report\n\nShe joined a group called the “Harbour Friends” in May.\n") == []


def test_named_by_a_speaker_example():
    doc = load_nlp()("The mayor has dubbed the new ferry “the Floating Shed”.")
    before = [t for t in doc if t.i < next(t.i for t in doc if t.text == "“")]
    assert named_by_a_speaker(before)
    doc = load_nlp()("The plan, dubbed “Operation Tide,” starts in May.")
    before = [t for t in doc if t.i < next(t.i for t in doc if t.text == "“")]
    assert not named_by_a_speaker(before)


def test_a_widened_fragment_is_judged_by_the_quotation_it_carries():
    # the quotation's own range travels with the statement (it was kept in a dict keyed by id(), which a later
    # statement could inherit once the first was discarded and its address reused: output varied between runs)
    from tidynews.extract.statements import _without_partials_inside
    from tidynews.extract.statements.syntax import Found

    clause = Found(100, 160, "indirect")
    inside = Found(90, 170, "partial", quotation=(120, 140))  # widened past the clause; its quotation is inside
    outside = Found(90, 170, "partial")  # the same words with no quotation of its own: not inside the clause
    kept, merged = _without_partials_inside([inside, outside], [clause])
    assert merged == [inside]
    assert kept == [outside]


def test_a_chant_or_a_song_is_the_words_voiced_by_whoever_voiced_them():
    assert reported_triples("The crowd outside the court chanted “Free them now!” as the judge left.") == [
        ("The crowd outside the court", "chanted", "Free them now!")
    ]
    assert reported_triples("At the picnic, the singer called the guests over, singing “Our Day Has Come.”") == [
        ("the singer", "singing", "Our Day Has Come.")
    ]
    (s,) = statements("Report\n\nThe mayor was greeted with chants of “Four More Years” at the pier.\n")
    assert (s.quote, s.cue, s.speaker, s.kind, s.rule) == (
        "Four More Years",
        "chants",
        "unknown",
        "direct",
        "statements.voiced_words",
    )


def test_a_title_after_a_word_that_is_not_one_of_voicing_stays_no_statement():
    assert statements("Report\n\nThe mayor watched “Four More Years” at the old cinema.\n") == []


def test_a_quotation_a_clause_introduces_with_a_colon_is_a_whole_quotation_not_a_scare_quote():
    (s,) = statements("Report\n\nThe union had one message for the harbour board: “No more cuts.”\n")
    assert (s.quote, s.kind, s.speaker) == ("No more cuts.", "direct", "The union")
    (s,) = statements("Report\n\nThe paper ran the story under a bold headline: “Ferry Chaos Returns.”\n")
    assert (s.quote, s.kind, s.speaker) == ("Ferry Chaos Returns.", "direct", "unknown")


def test_a_name_before_a_colon_is_no_clause_of_the_writers():
    from tidynews.extract.statements.quotes import clause_before_colon

    doc = load_nlp()("Lena Holt: “We will not pay.”")
    assert clause_before_colon(list(doc[:3])) is None
    doc = load_nlp()("The union had one message: “No more cuts.”")
    assert clause_before_colon(list(doc[:6])).lemma_ == "have"


def test_a_slogan_a_speaker_proclaims_is_a_statement_a_name_before_its_noun_is_not():
    assert reported_triples("The coach proclaimed a motto of “Run Hard, Rest Later.”") == [
        ("The coach", "proclaimed", "a motto of “Run Hard, Rest Later.”")
    ]
    assert statements("Report\n\nThe senator appeared on “Meet the Press” on Sunday.\n") == []
    assert statements("Report\n\nThe author wrote under the pen name “Harbour Ghost” for years.\n") == []
