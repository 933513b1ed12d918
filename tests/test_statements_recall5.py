"""Statements: recall steps of statements9a (reported clauses the small parser hangs in the wrong place inside long
paragraphs: a double space before the reporting clause, two clauses before it, a clause of the speaker's apposition
taken for the complement, a closing phrase that holds another speaker's verb).

Every sentence here is written for these tests. Where the misparse only happens inside a long paragraph, the parse
is given by hand (`parsed`) and the rule is asked about it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tests.test_statements import reported_triples as _found
from tidynews.extract.statements.reported import complement_span, reported_clause_before_cue
from tidynews.extract.statements.syntax import subject_left_unattached, subject_of
from tidynews.nlp import load_nlp


def parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A one-sentence Doc with the parse given: (word, tag, pos, dep, head index, lemma) per token."""
    words, tags, pos, deps, heads, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(load_nlp().vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)


def test_a_double_space_before_the_reporting_clause_is_no_word():
    assert _found(
        "The city has made it too hard for small shops to stay open on the high street,  the mayor said."
    ) == [
        ("the mayor", "said", "The city has made it too hard for small shops to stay open on the high street"),
    ]


def test_a_closing_phrase_with_another_speakers_verb_is_not_part_of_the_clause():
    assert _found(
        "Sixty percent of the riders said the new timetable was better, about twice the share who said the same "
        "of the old timetable."
    ) == [
        ("Sixty percent of the riders", "said", "the new timetable was better"),
        ("who", "said", "the same of the old timetable"),
    ]


# "Ana Ruiz, whose union has been busing members to rallies, said her group would march." parsed as the small model
# parses such sentences inside a long paragraph: the relative clause's verb hung on "said" as a first complement.
APPOSITION_MISPARSE = [
    ("Ana", "NNP", "PROPN", "compound", 1, "Ana"),
    ("Ruiz", "NNP", "PROPN", "npadvmod", 12, "Ruiz"),
    (",", ",", "PUNCT", "punct", 1, ","),
    ("whose", "WP$", "DET", "poss", 4, "whose"),
    ("union", "NN", "NOUN", "nsubj", 7, "union"),
    ("has", "VBZ", "AUX", "aux", 7, "have"),
    ("been", "VBN", "AUX", "aux", 7, "be"),
    ("busing", "VBG", "VERB", "ccomp", 12, "bus"),
    ("members", "NNS", "NOUN", "dobj", 7, "member"),
    ("to", "IN", "ADP", "prep", 7, "to"),
    ("rallies", "NNS", "NOUN", "pobj", 9, "rally"),
    (",", ",", "PUNCT", "punct", 12, ","),
    ("said", "VBD", "VERB", "ROOT", 12, "say"),
    ("her", "PRP$", "PRON", "poss", 14, "her"),
    ("group", "NN", "NOUN", "nsubj", 16, "group"),
    ("would", "MD", "AUX", "aux", 16, "would"),
    ("march", "VB", "VERB", "ccomp", 12, "march"),
    (".", ".", "PUNCT", "punct", 12, "."),
]


def test_the_clause_after_the_verb_when_the_one_before_is_the_speakers_apposition():
    doc = parsed(APPOSITION_MISPARSE)
    lo, hi, rule = complement_span(doc[12])
    assert (doc[lo:hi].text, rule) == ("her group would march", "statements.reported_that_clause")


def test_no_clause_after_the_verb_that_a_relative_pronoun_opens():
    # "…, said reports that track …": "that" is the subject of a relative clause, not a reported clause
    rows = APPOSITION_MISPARSE[:13] + [
        ("that", "WDT", "PRON", "nsubj", 14, "that"),
        ("track", "VBP", "VERB", "ccomp", 12, "track"),
        ("spending", "NN", "NOUN", "dobj", 14, "spending"),
        (".", ".", "PUNCT", "punct", 12, "."),
    ]
    assert complement_span(parsed(rows)[12]) is None


# "The fare is fair -- but then there are fees, she said." with the second clause parsed as a second complement
TWO_CLAUSES_BEFORE = [
    ("The", "DT", "DET", "det", 1, "the"),
    ("fare", "NN", "NOUN", "nsubj", 2, "fare"),
    ("is", "VBZ", "AUX", "ccomp", 12, "be"),
    ("fair", "JJ", "ADJ", "acomp", 2, "fair"),
    ("--", ":", "PUNCT", "punct", 2, "--"),
    ("but", "CC", "CCONJ", "cc", 8, "but"),
    ("then", "RB", "ADV", "advmod", 8, "then"),
    ("there", "EX", "PRON", "expl", 8, "there"),
    ("are", "VBP", "VERB", "ccomp", 12, "be"),
    ("fees", "NNS", "NOUN", "attr", 8, "fee"),
    (",", ",", "PUNCT", "punct", 12, ","),
    ("she", "PRP", "PRON", "nsubj", 12, "she"),
    ("said", "VBD", "VERB", "ROOT", 12, "say"),
    (".", ".", "PUNCT", "punct", 12, "."),
]


def test_two_clauses_before_the_reporting_clause_are_one_statement():
    doc = parsed(TWO_CLAUSES_BEFORE)
    lo, hi, rule = complement_span(doc[12])
    assert (doc[lo:hi].text, rule) == (
        "The fare is fair -- but then there are fees",
        "statements.reported_clause_before_cue",
    )


def test_the_name_before_the_verb_speaks_when_the_parser_attached_it_elsewhere():
    # "After the vote, Lena Marsh said the pool would reopen.": the name hung on the opening phrase
    rows = [
        ("After", "IN", "ADP", "prep", 6, "after"),
        ("the", "DT", "DET", "det", 2, "the"),
        ("vote", "NN", "NOUN", "pobj", 0, "vote"),
        (",", ",", "PUNCT", "punct", 6, ","),
        ("Lena", "NNP", "PROPN", "compound", 5, "Lena"),
        ("Marsh", "NNP", "PROPN", "appos", 2, "Marsh"),
        ("said", "VBD", "VERB", "ROOT", 6, "say"),
        ("the", "DT", "DET", "det", 8, "the"),
        ("pool", "NN", "NOUN", "nsubj", 10, "pool"),
        ("would", "MD", "AUX", "aux", 10, "would"),
        ("reopen", "VB", "VERB", "ccomp", 6, "reopen"),
        (".", ".", "PUNCT", "punct", 6, "."),
    ]
    doc = parsed(rows)
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert subject_of(doc[6]) is None  # the parse gives none
    assert subject_left_unattached(doc[6]).text == "Marsh"
    # past an apposition between commas and an adverb: "After the vote, Lena Marsh, 44, also said …"
    rows = rows[:6] + [
        (",", ",", "PUNCT", "punct", 5, ","),
        ("44", "CD", "NUM", "appos", 5, "44"),
        (",", ",", "PUNCT", "punct", 5, ","),
        ("also", "RB", "ADV", "advmod", 10, "also"),
        ("said", "VBD", "VERB", "ROOT", 10, "say"),
    ]
    rows = [(w, t, p, d, 10 if h == 6 else h, lemma) for w, t, p, d, h, lemma in rows]
    doc = parsed(rows)
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert subject_left_unattached(doc[10]).text == "Marsh"
    # a name the tagger reads as an adverb ("Early"): the parse gives the verb no subject
    assert _found("Senator Early said the new ferry would sail in June.") == [
        ("Senator Early", "said", "the new ferry would sail in June"),
    ]


def test_no_speaker_from_a_place_inside_an_apposition_or_a_date():
    rows = [
        ("Ben", "NNP", "PROPN", "compound", 1, "Ben"),
        ("Ode", "NNP", "PROPN", "npadvmod", 8, "Ode"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("Dover", "NNP", "PROPN", "appos", 1, "Dover"),
        (",", ",", "PUNCT", "punct", 3, ","),
        ("Del.", "NNP", "PROPN", "appos", 3, "Del."),
        (",", ",", "PUNCT", "punct", 5, ","),
        ("pastor", "NN", "NOUN", "appos", 5, "pastor"),
        ("said", "VBD", "VERB", "ROOT", 8, "say"),
    ]
    rows = rows[:7] + [(",", ",", "PUNCT", "punct", 8, ",")] + rows[8:]  # "Ben Ode, Dover, Del., said"
    doc = parsed(rows)
    doc.ents = [Span(doc, 3, 4, label="GPE"), Span(doc, 5, 6, label="GPE")]
    assert subject_left_unattached(doc[8]) is None
    rows = [
        ("On", "IN", "ADP", "prep", 3, "on"),
        ("Monday", "NNP", "PROPN", "pobj", 0, "Monday"),
        ("also", "RB", "ADV", "advmod", 3, "also"),
        ("said", "VBD", "VERB", "ROOT", 3, "say"),
    ]
    doc = parsed(rows)
    doc.ents = [Span(doc, 1, 2, label="DATE")]
    assert subject_left_unattached(doc[3]) is None


def test_a_that_clause_after_an_adverbial_with_that_parsed_as_an_adverb():
    # "Ruiz said for the first time that the dam had cracked.": "that" (tagged IN) hung on the clause as an adverb
    rows = [
        ("Ruiz", "NNP", "PROPN", "nsubj", 1, "Ruiz"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("for", "IN", "ADP", "prep", 1, "for"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("first", "JJ", "ADJ", "amod", 5, "first"),
        ("time", "NN", "NOUN", "pobj", 2, "time"),
        ("that", "IN", "SCONJ", "advmod", 10, "that"),
        ("the", "DT", "DET", "det", 8, "the"),
        ("dam", "NN", "NOUN", "nsubj", 10, "dam"),
        ("had", "VBD", "AUX", "aux", 10, "have"),
        ("cracked", "VBN", "VERB", "relcl", 5, "crack"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    doc = parsed(rows)
    lo, hi, rule = complement_span(doc[1])
    assert (doc[lo:hi].text, rule) == ("the dam had cracked", "statements.that_clause_after_adverbial")
    # a relative "that" (WDT) opens no reported clause: "said at the time that had passed"
    rows[6] = ("that", "WDT", "PRON", "nsubj", 10, "that")
    assert complement_span(parsed(rows)[1]) is None


def test_a_closing_participle_of_speaking_is_the_speakers_next_act():
    assert _found("Ms Vidal said the new fare was fair, calling the old one a scandal.") == [
        ("Ms Vidal", "said", "the new fare was fair"),
        ("Ms Vidal", "calling", "the old one a scandal"),
    ]
    assert _found("The mayor said the bridge would reopen in May, noting the cost of the repairs.") == [
        ("The mayor", "said", "the bridge would reopen in May"),
    ]


def test_a_closing_participle_that_is_no_speech_stays_in_the_clause():
    assert _found("The mayor said the bridge would reopen in May, hoping the repairs would hold.") == [
        ("The mayor", "said", "the bridge would reopen in May, hoping the repairs would hold"),
    ]


# "The plan includes a school, the mayor told the council." with the reporting clause parsed as a conjunct of the
# clause before (as the small model does inside long paragraphs)
CONJUNCT_MISPARSE = [
    ("The", "DT", "DET", "det", 1, "the"),
    ("plan", "NN", "NOUN", "nsubj", 2, "plan"),
    ("includes", "VBZ", "VERB", "ROOT", 2, "include"),
    ("a", "DT", "DET", "det", 4, "a"),
    ("school", "NN", "NOUN", "dobj", 2, "school"),
    (",", ",", "PUNCT", "punct", 2, ","),
    ("the", "DT", "DET", "det", 7, "the"),
    ("mayor", "NN", "NOUN", "nsubj", 8, "mayor"),
    ("told", "VBD", "VERB", "conj", 2, "tell"),
    ("the", "DT", "DET", "det", 10, "the"),
    ("council", "NN", "NOUN", "dobj", 8, "council"),
    (".", ".", "PUNCT", "punct", 2, "."),
]


def test_a_reporting_clause_parsed_as_a_conjunct_of_the_clause_before():
    doc = parsed(CONJUNCT_MISPARSE)
    lo, hi, rule = complement_span(doc[8])
    assert (doc[lo:hi].text, rule) == ("The plan includes a school", "statements.reported_clause_before_cue")
    # "…, and the mayor told the council": a second act of the writer's sentence, not a reporting clause
    rows = CONJUNCT_MISPARSE[:6] + [("and", "CC", "CCONJ", "cc", 9, "and")]
    rows += [(w, t, p, d, h + 1 if h > 5 else h, lemma) for w, t, p, d, h, lemma in CONJUNCT_MISPARSE[6:]]
    doc = parsed(rows)
    assert reported_clause_before_cue(doc[9]) is None


def test_the_cue_of_a_quotation_before_it_still_reports_its_own_clause():
    assert _found(
        "Although the mayor admitted that the two had “met a few times,” she claimed they had never spoken."
    ) == [
        ("the mayor", "admitted", "the two had “met a few times,”"),
        ("she", "claimed", "they had never spoken"),
    ]
    # a quotation after the verb is its statement: no second one from the same words
    assert _found("The mayor said: “The count had been wrong.”") == [("The mayor", "said", "The count had been wrong.")]
