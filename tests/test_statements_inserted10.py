"""Statements: reporting clauses set inside unquoted reported speech that the small parser hangs in the wrong place
(statements10b): the reported clause's subject taken as a second subject of the reporting verb, the reported clause
split into a clause of its own after the reporting clause, the reporting clause taken as the complement of the
that-clause it reports, an opening "as" participle with its source, and "as X pointed out with …".

Every sentence here is written for these tests. Where the misparse only happens inside a long paragraph, the parse
is given by hand (`parsed`) and the rule is asked about it.
"""

from __future__ import annotations

from tests.test_statements import reported_triples as _found
from tests.test_statements_recall5 import parsed
from tidynews.extract.statements.inserted import (
    reported_clause_continued_after_cue,
    reported_clause_split_by_cue,
    reported_subject_hung_on_cue,
)
from tidynews.extract.statements.reported import complement_span
from tidynews.extract.statements.syntax import subject_of


def test_a_subject_hung_on_the_reporting_verb_belongs_to_the_reported_clause():
    assert _found("Members, the treasurer suggested, don’t have to pay for the new hall themselves.") == [
        (
            "the treasurer",
            "suggested",
            "Members, the treasurer suggested, don’t have to pay for the new hall themselves",
        ),
    ]


# "Commuters, the council suggested, fear the new toll." parsed with both subjects on "suggested".
TWO_SUBJECTS = [
    ("Commuters", "NNS", "NOUN", "nsubj", 4, "commuter"),
    (",", ",", "PUNCT", "punct", 4, ","),
    ("the", "DT", "DET", "det", 3, "the"),
    ("council", "NN", "NOUN", "nsubj", 4, "council"),
    ("suggested", "VBD", "VERB", "parataxis", 6, "suggest"),
    (",", ",", "PUNCT", "punct", 4, ","),
    ("fear", "VBP", "VERB", "ROOT", 6, "fear"),
    ("the", "DT", "DET", "det", 9, "the"),
    ("new", "JJ", "ADJ", "amod", 9, "new"),
    ("toll", "NN", "NOUN", "dobj", 6, "toll"),
    (".", ".", "PUNCT", "punct", 6, "."),
]


def test_the_speaker_is_the_second_subject_and_the_first_opens_the_reported_clause():
    doc = parsed(TWO_SUBJECTS)
    verb = doc[4]
    assert subject_of(verb).text == "council"
    # the whole sentence but the full stop: "Commuters , the council suggested , fear the new toll"
    assert complement_span(verb) == (0, 10, "statements.reported_subject_hung_on_cue")


def test_a_naming_verb_with_an_object_is_no_inserted_reporting_clause():
    # "The ferry, a boat the islanders called Gull, sank." with "boat" and "islanders" both subjects of "called"
    doc = parsed(
        [
            ("The", "DT", "DET", "det", 1, "the"),
            ("ferry", "NN", "NOUN", "nsubj", 6, "ferry"),
            (",", ",", "PUNCT", "punct", 6, ","),
            ("the", "DT", "DET", "det", 4, "the"),
            ("islanders", "NNS", "NOUN", "nsubj", 5, "islander"),
            ("called", "VBD", "VERB", "advcl", 8, "call"),
            ("Gull", "NNP", "PROPN", "dobj", 5, "Gull"),
            (",", ",", "PUNCT", "punct", 8, ","),
            ("sank", "VBD", "VERB", "ROOT", 8, "sink"),
            (".", ".", "PUNCT", "punct", 8, "."),
        ]
    )
    doc[1].head = doc[5]
    assert reported_subject_hung_on_cue(doc[5]) is None


def test_a_reported_clause_the_parser_splits_after_the_reporting_clause_is_one_statement():
    assert _found("The mayor hoped, he said, that the council would back away from the plan now.") == [
        ("he", "said", "The mayor hoped, he said, that the council would back away from the plan now"),
    ]


def loan_clause(w1: tuple[str, str, str, str, int, str], w2: tuple[str, str, str, str, int, str]):
    """ "It is a loan , they say , W1 W2 will be repaid ." with "repaid" a conjunct of "is" and "say" hung on
    "repaid" (the parse of such sentences inside long paragraphs)."""
    rows = [
        ("It", "PRP", "PRON", "nsubj", 1, "it"),
        ("is", "VBZ", "AUX", "ROOT", 1, "be"),
        ("a", "DT", "DET", "det", 3, "a"),
        ("loan", "NN", "NOUN", "attr", 1, "loan"),
        (",", ",", "PUNCT", "punct", 6, ","),
        ("they", "PRP", "PRON", "nsubj", 6, "they"),
        ("say", "VBP", "VERB", "parataxis", 11, "say"),
        (",", ",", "PUNCT", "punct", 6, ","),
        w1,
        w2,
        ("will", "MD", "AUX", "aux", 11, "will"),
        ("repaid", "VBN", "VERB", "conj", 1, "repay"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    return parsed(rows)


def test_a_relative_clause_parsed_as_a_conjunct_after_the_reporting_clause_is_part_of_the_statement():
    # "It is a loan , they say , that soon will be repaid ."
    doc = loan_clause(("that", "WDT", "PRON", "nsubjpass", 11, "that"), ("soon", "RB", "ADV", "advmod", 11, "soon"))
    # the whole sentence but the full stop
    assert reported_clause_continued_after_cue(doc[6]) == (0, 12)


def test_a_second_clause_joined_by_and_after_the_reporting_clause_is_not_part_of_the_statement():
    doc = loan_clause(("and", "CC", "CCONJ", "cc", 11, "and"), ("rates", "NNS", "NOUN", "nsubjpass", 11, "rate"))
    assert reported_clause_continued_after_cue(doc[6]) is None


# "If the pier closes, the mayor warned in a statement, the ferry will be full." with "closes" hung on "warned"
# and "warned" a complement of "be" (the parse of such sentences inside long paragraphs).
PREPOSITION_IN_REPORTING_CLAUSE = [
    ("If", "IN", "SCONJ", "mark", 3, "if"),
    ("the", "DT", "DET", "det", 2, "the"),
    ("pier", "NN", "NOUN", "nsubj", 3, "pier"),
    ("closes", "VBZ", "VERB", "advcl", 7, "close"),
    (",", ",", "PUNCT", "punct", 7, ","),
    ("the", "DT", "DET", "det", 6, "the"),
    ("mayor", "NN", "NOUN", "nsubj", 7, "mayor"),
    ("warned", "VBD", "VERB", "ccomp", 15, "warn"),
    ("in", "IN", "ADP", "prep", 7, "in"),
    ("a", "DT", "DET", "det", 10, "a"),
    ("statement", "NN", "NOUN", "pobj", 8, "statement"),
    (",", ",", "PUNCT", "punct", 15, ","),
    ("the", "DT", "DET", "det", 13, "the"),
    ("ferry", "NN", "NOUN", "nsubj", 15, "ferry"),
    ("will", "MD", "AUX", "aux", 15, "will"),
    ("be", "VB", "AUX", "ROOT", 15, "be"),
    ("full", "JJ", "ADJ", "acomp", 15, "full"),
    (".", ".", "PUNCT", "punct", 15, "."),
]


def test_where_the_reporting_clause_was_said_does_not_end_it():
    doc = parsed(PREPOSITION_IN_REPORTING_CLAUSE)
    # the whole sentence but the full stop, from "If" to "full"
    assert reported_clause_split_by_cue(doc[7]) == (0, 17)


def test_an_opening_as_participle_names_its_source():
    assert _found("As reported by the harbour master, the ferries were late four times in May.") == [
        ("the harbour master", "reported", "the ferries were late four times in May"),
    ]


def test_a_trailing_as_participle_is_no_source():
    assert _found("The navy is running a twofold task as declared by the admiral, to guard the coast.") == []


def test_as_x_noted_with_a_chart_still_reports_but_as_x_argued_with_rivals_does_not():
    assert _found("As one engineer noted with a simple chart, the bridge is older than the town hall.") == [
        ("one engineer", "noted", "the bridge is older than the town hall"),
    ]
    assert _found("As the mayor argued with her rivals, the river kept rising.") == []
