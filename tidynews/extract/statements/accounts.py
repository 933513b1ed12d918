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


@register_rule("statements.quote_after_person_sentence")
def subject_of_sentence_before(block: ParsedBlock, quoted: list[bool], start: int) -> Token | None:
    """A quotation that opens a sentence with no reporting clause of its own, right after a sentence of the same
    paragraph whose subject is a person named by name ("Maria Lopez walked out. “…”"): that person speaks,
    not whoever spoke last before. Only a sentence of the writer's words (no quotation in it), whose main verb is
    outside quotation marks.

    Example: Maria Lopez visited the ferry pier on Monday. “Nobody in this town can pay that much.”
    """
    doc = block.doc
    lo = start - block.offset
    first = next((t for t in doc if t.idx >= lo), None)
    if first is None or not quoted[first.i]:
        return None
    sent = first.sent
    if any(not t.is_punct and not quoted[t.i] for t in doc[sent.start : first.i]):
        return None  # the quotation does not open its sentence
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if not any(t.is_punct and t.text in ".!?" for t in before[-2:]):
        return None
    root = before.root
    if root.pos_ not in ("VERB", "AUX") or quoted[root.i]:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or quoted[subject.i]:
        return None
    return subject
