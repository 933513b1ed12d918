"""The vocabulary of attribution in news English, read from the data files of the statements rules.

`tidynews/data/statement_verbs.csv` (reporting verbs by role), `statement_nouns.csv` (speaker, person, research
and organisation nouns), `statement_words.csv` (small closed lists), each checked against the Table Schema beside
it; honorifics come from `tidynews/extract/titles.py`, the one list of titles. Parser labels and pronouns
are grammar, not vocabulary: they stay here as constants.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from tidynews.extract.titles import honorifics
from tidynews.paths import DATA_DIR


@cache
def _roles(name: str) -> dict[str, frozenset[str]]:
    """value -> words of one data file `tidynews/data/<name>.csv` (columns word, value, reason, example)."""
    out: dict[str, set[str]] = {}
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["value"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


def words(name: str, value: str) -> frozenset[str]:
    """The words of role `value` in the data file `name` (e.g. words("statement_verbs", "quote_cue"))."""
    return _roles(name).get(value, frozenset())


# Verbs that attribute a quotation ("…,” she said / said Smith / Smith added: “…”).
QUOTE_CUES = words("statement_verbs", "quote_cue")
# Verbs that introduce reported speech without quotation marks: X said (that) …
REPORT_CUES = words("statement_verbs", "report_cue")
# Verbs of findings that report only for research or a named source ("the study found (that) …").
RESEARCH_CUES = words("statement_verbs", "research_cue")
# Verbs whose complement may be an object rather than a clause: "denied any role", "called on Israel to …".
OBJECT_CUES = words("statement_verbs", "object_cue")
# Verbs that report what they are about as the object of "to": "referring to the plan", "pointed to the figures".
OBJECT_TO_CUES = words("statement_verbs", "object_to_cue")
# Of those, the ones that need a speaker as subject ("the plan promises to …" is no statement).
NEEDS_SPEAKER_SUBJECT = words("statement_verbs", "needs_speaker_subject")
# Verbs that take no noun object: a long "object" of theirs is a misparsed clause ("says the council plan …").
CLAUSE_ONLY_CUES = words("statement_verbs", "clause_only")
# Verbs of asking: their whether/if/wh- clause is the question asked ("asked whether the bridge was safe").
QUESTION_CUES = words("statement_verbs", "question_cue")
# Verbs that report only what they are about ("spoke about the harbour"): a preposition about/on/of, no object.
TOPIC_CUES = words("statement_verbs", "topic_cue")
TOPIC_PREPS = {"about", "on", "of"}

RESEARCH_NOUNS = words("statement_nouns", "research")
PERSON_NOUNS = words("statement_nouns", "person")
SPEAKER_NOUNS = words("statement_nouns", "speaker") | PERSON_NOUNS
BODY_NOUNS = words("statement_nouns", "body")
BUSINESS_WORDS = words("statement_nouns", "business")
STANDS_FOR_POSSESSOR = words("statement_nouns", "stands_for_possessor")

BACKGROUND_PREPOSITIONS = words("statement_words", "background_preposition")
OBJECT_COMPLEMENT_PREPS = words("statement_words", "object_complement_preposition")
TERMS_OF_SPEAKING = words("statement_words", "terms_of_speaking")  # "on condition of anonymity", "on the record"
INFINITIVE_THAT_REPORTS = words("statement_words", "infinitive_that_reports")  # "took to the radio to say"
ISSUING_VERBS = words("statement_words", "issuing_verb")
CLAIM_MAKING_VERBS = words("statement_words", "claim_making_verb")  # "repeated claims that …"
OWN_CLAIM_PREPOSITIONS = words("statement_words", "own_claim_preposition")  # "persisted in arguments that …"
TITLE_SMALL_WORDS = words(
    "statement_words", "title_small_word"
)  # "Meet the Press": lower case inside a title  # "issued a statement", "released a letter"
HONORIFICS = honorifics()  # the one list of honorifics (tidynews/extract/titles.py)


def _alternation(items: frozenset[str]) -> str:
    return "|".join(sorted(items, key=lambda w: (-len(w), w)))


# A definite description that can only be someone already named: an age or a nationality.
DESCRIBES_A_PERSON = re.compile(
    r"^(?i:the)\s+(?:\d+-year-old|[A-Z][a-z]+(?:man|woman|ian|ean|ese|ish|i|an)|"
    + _alternation(words("statement_words", "person_word"))
    + r")$"
)
# "the company said": a body named earlier; the noun must be in its name, or say what kind of body it is.
BODY_DESCRIPTION = re.compile(r"^(?i:the)\s+(" + _alternation(BODY_NOUNS) + r")$")
INDEFINITE = re.compile(r"^(?:" + _alternation(words("statement_words", "indefinite")) + r")\s", re.IGNORECASE)
# An inflected reporting verb that ends a dash quotation: "— We will win, said the mayor."
DASH_REPORTING_WORDS = re.compile(r"\b(" + _alternation(words("statement_words", "dash_tail_form")) + r")\b")

# --- grammar: parser labels and pronouns ---------------------------------------------------------------------

OBJECT_COMPLEMENT_DEPS = {"dobj", "xcomp", "oprd", "ccomp", "attr"}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them"}
PRONOUNS_THING = {"it"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
SENTENCE_PUNCT = {".", "!", "?"}
