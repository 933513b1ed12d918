"""Accounts: words the writer gives as someone's account with "according to X", though the clause that holds them
names another subject ("Fishermen joined a “slow sail”, according to the organisers": the organisers).
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.quotes import QuoteFinder
from tidynews.extract.statements.speakers import according_to_source
from tidynews.nlp import ParsedBlock

# A quoted fragment attributed to the subject of its clause only because no reporting verb is above it.
PARTIAL_QUOTE_OF_SUBJECT = QuoteFinder._governing_subject.rule_id


@register_rule("statements.partial_quote_according_to")
def account_of_partial_quote(rule: str, block: ParsedBlock, quoted: list[bool], start: int, end: int) -> Token | None:
    """A quoted fragment in a clause with no reporting verb, in a sentence that says whose account it is with
    "according to X": X is the speaker, not the clause's subject, who is not said to have said anything.

    Example: Fishermen joined a “slow sail” across the bay on Sunday, according to the organisers.
    """
    if rule != PARTIAL_QUOTE_OF_SUBJECT:
        return None
    return according_to_source(block, quoted, start, end)
