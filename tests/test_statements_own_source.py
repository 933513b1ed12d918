"""Quotations that name their own source: a transcript label at the start of the quotation, and the owner of the
claim a partial quotation is part of. Articles written for these tests."""

from __future__ import annotations

from tests.test_statements import key_of, one, statements

TRANSCRIPT = """Harbour hearing

Mayor Ines Brandt spoke first. “We will reopen the pier in May,” she said.

The council published the exchange that followed with the harbour master, Tom Vance.

"VANCE: The ferries will run again from Monday, and the night crossing will come back in June."
"""


def test_a_label_inside_a_quotation_is_its_speaker_not_the_last_one():
    s = one(TRANSCRIPT, "VANCE: The ferries")
    assert s.speaker == "VANCE"
    assert s.rule == "statements.label_inside_quotation"


NOT_A_LABEL = """Harbour hearing

Mayor Ines Brandt spoke first. “We will reopen the pier in May,” she said.

“NOTE: this is the last crossing of the year,” she added.
"""


def test_a_page_label_inside_a_quotation_names_no_one():
    s = one(NOT_A_LABEL, "NOTE: this is")
    assert s.speaker == "she"
    assert s.rule != "statements.label_inside_quotation"


CLAIM = """Fares checked

Mayor Tom Vance spoke at the harbour on Monday.

The paper checked Lena Holt's claim that ferry fares had “never been lower” in the region.

Mr. Vance spoke again on Tuesday. The paper checked his claim that the crossing was “the safest in Europe” too.
"""


def test_a_partial_quotation_in_a_claim_is_the_owner_s_words():
    s = one(CLAIM, "never been lower")
    assert s.speaker == "Lena Holt"
    assert s.cue == "claim"
    assert s.rule == "statements.partial_quote_of_claim_owner"


def test_a_possessive_owner_of_the_claim_names_the_actor():
    s = one(CLAIM, "the safest in Europe")
    assert s.speaker == "his"
    assert s.speaker_key == key_of(CLAIM, "Tom Vance")


INNER_VERB = """Fares checked

The paper checked Lena Holt's claim that the mayor said fares were “never lower” than now.
"""


def test_a_reporting_verb_inside_the_claim_keeps_its_own_speaker():
    s = one(INNER_VERB, "fares were “never lower”")  # the fragment with its reported complement
    assert s.speaker == "the mayor"


# Marks typed with spaces inside them (' " We will …, "she said.'), as some wire copy has: a quotation starts in one
# paragraph and is read with the reporting clause of the next. Its partial quotation must be checked against the
# quotation marks of the paragraph its words come from (it raised IndexError on a long article).
SPACED_MARKS = """Mill margins to slip

Mill chief Ruth Okafor told analysts on Monday that margins fell to 4.2 percent from 5.1 percent.

"I think a margin of 4.2 percent is not where we want to be, and the board (and its lenders) knows it.

" We need prices to rise before we get back to 5 percent, " she said, adding:" We count on the new plants. "

" We're going to work hard on the cost side this year -- it's going to be tough.

But we have the best mills in the region, "Okafor said.

" When the (timber) prices will climb again is just a matter of markets recovering a little, "she said.

Analysts at the investment bank said the company's outlook" remained weak" and "could get worse.
"""


def test_a_quotation_read_with_the_next_paragraphs_cue_is_extracted_without_error():
    s = one(SPACED_MARKS, "I think a margin of 4.2 percent")
    assert s.speaker == "she"
    assert any(t.quote.startswith("We count on the new plants") for t in statements(SPACED_MARKS))
