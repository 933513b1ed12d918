"""The speaker column: the words that name the speaker at the reporting clause, as written (a name, a noun phrase,
a pronoun, a relative "who"), with speaker_id saying which actor that is. Articles written for these tests."""

from __future__ import annotations

import pytest

from tests.test_statements import key_of, one

RELATIVE = """Port strike ends

Dock workers returned to the port of Halvik on Tuesday.

The strike was called off by union leader Marta Kowalczyk, who said the new contract was fair.

The port's new owner, Brandt Logistics, which said last week that it would cut 300 jobs, has dropped the plan.

A spokesman for the harbour police, who asked not to be named, said the night had been calm.
"""


def test_a_relative_pronoun_is_the_speaker_as_written_and_the_actor_is_its_antecedent():
    s = one(RELATIVE, "the new contract was fair")
    assert (s.speaker, s.cue) == ("who", "said")
    assert s.speaker_key == key_of(RELATIVE, "Marta Kowalczyk")


def test_which_for_an_organisation_is_kept_as_written_with_the_organisation_as_actor():
    s = one(RELATIVE, "it would cut 300 jobs")
    assert s.speaker == "which"
    assert s.speaker_key == key_of(RELATIVE, "Brandt Logistics")


def test_a_relative_clause_that_does_not_hold_the_reporting_verb_leaves_the_speaker_as_named():
    s = one(RELATIVE, "the night had been calm")
    assert s.speaker == "A spokesman for the harbour police"
    assert s.speaker_key == ""  # nobody named: no actor is guessed


PRONOUNS = """Ferry service cut

A senior harbour official said the evening ferry would stop in March.

He added that the morning boats would keep running.

“We have no choice,” he said.

Captain Ines Morales said she would keep sailing.

Later she said the crew had not been paid since May.
"""


@pytest.mark.parametrize("quote_start", ["the morning boats", "We have no choice"])
def test_a_pronoun_with_no_actor_behind_it_stays_as_written_and_no_actor_is_guessed(quote_start):
    s = one(PRONOUNS, quote_start)
    assert s.speaker in ("He", "he")
    assert s.speaker_key == ""


def test_a_pronoun_of_a_named_person_stays_as_written_with_the_person_as_actor():
    s = one(PRONOUNS, "the crew had not been paid")
    assert s.speaker == "she"
    assert s.speaker_key == key_of(PRONOUNS, "Ines Morales")


CONTINUED = """Library to close

The head of the city library, Ruth Okonjo, spoke on Monday.

“We kept the doors open for ninety years,” she said.

“Nobody asked the readers what they wanted.”
"""


def test_a_quotation_that_continues_without_a_reporting_clause_repeats_the_speaker_as_written():
    first = one(CONTINUED, "We kept the doors")
    second = one(CONTINUED, "Nobody asked")
    assert (first.speaker, second.speaker) == ("she", "she")
    assert first.speaker_key == second.speaker_key == key_of(CONTINUED, "Ruth Okonjo")


JUDGES = """Appeal rejected

Judge Helga Brandt and Judge Tomas Lind heard the appeal in Oslo on Friday.

They said the contract had been broken by the shipping firm.
"""


def test_they_for_several_named_people_gives_their_names_since_no_one_actor_says_who():
    s = one(JUDGES, "the contract had been broken")
    assert s.speaker == "Judge Helga Brandt and Judge Tomas Lind"
    assert s.speaker_key == ""


INVERTED = """Dock jobs

Most of the dockers said the pay was too low.

"I am better with a crane than with a computer," said Dana Whitlow, half joking.

"We lost the vote," said the retired crane driver Ben Okoro, asked about the ballot.
"""


@pytest.mark.parametrize(
    "quote_start, name",
    [("I am better with a crane", "Dana Whitlow"), ("We lost the vote", "Ben Okoro")],
)
def test_the_name_after_an_inverted_said_is_the_speaker_when_a_clause_follows_it(quote_start, name):
    s = one(INVERTED, quote_start)
    assert name in s.speaker
    assert s.speaker_key == key_of(INVERTED, name)


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("HAMBURG (Reuters) - Finance Minister Ida Lang met the unions and said taxes would rise.", "Finance Minister"),
        ("HAMBURG (Reuters) - Ida Lang said taxes would rise.", "Ida Lang"),
    ],
)
def test_a_dateline_is_no_part_of_the_speaker(paragraph, speaker):
    text = f"Taxes to rise\n\n{paragraph}\n\nLang has led the ministry since May.\n"
    s = one(text, "taxes would rise")
    assert s.speaker.startswith(speaker) and "HAMBURG" not in s.speaker and "Reuters" not in s.speaker
    assert s.speaker_key == key_of(text, "Ida Lang")


DOCUMENTS = """Plant to close

Mayor Maria Olsen visited the plant on Monday.

She released a short letter that says the plant will close in June.

The union's chief, Tomas Berg, said the workers had not been told.
"""


def test_one_who_releases_a_document_speaks_through_it():
    s = one(DOCUMENTS, "the plant will close")
    assert s.speaker == "She"
    assert s.speaker_key == key_of(DOCUMENTS, "Maria Olsen")
