"""Statements: recall steps of statements6f (speakers the tagger missed).

Every article here is a short text written for these tests.
"""

from __future__ import annotations

from tests.test_statements import statements


def test_a_surname_tagged_as_a_noun_speaks_when_the_article_names_that_person():
    text = "Depot\n\nCouncillor Hal Mills spoke first. Mills vowed to reopen the depot by spring.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker, s.cue) == ("to reopen the depot by spring", "Mills", "vowed")
    text = "Pier\n\nAda Woods chairs the harbour trust. Woods praised the volunteers who rebuilt the pier.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker) == ("the volunteers who rebuilt the pier", "Woods")


def test_a_capitalised_noun_no_person_is_named_with_cannot_vow():
    # no person of the article is called Fires or Mills: the words are things, not speakers
    assert statements("Highway\n\nFires threatened to close the highway.\n") == []
    assert statements("Depot\n\nMills vowed to reopen the depot by spring.\n") == []
