"""Accounts: words the writer gives as someone's account with "according to X", though the clause that holds them
names another subject ("Fishermen joined a “slow sail”, according to the organisers": the organisers).
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.quotes import QuoteFinder
from tidynews.extract.statements.speakers import according_to_source, speaking_subject
from tidynews.extract.statements.syntax import is_speaker_like
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


@register_rule("statements.quote_after_colon_clause")
def subject_of_colon_clause(colon: Token, quoted: list[bool]) -> Token | None:
    """A quotation right after a clause of the writer's that ends with a colon and has no reporting verb the quotation
    finders know ("Ana Ruiz had one more message for the riders: “…”"), or after a paragraph that ends so ("Ana Ruiz
    released the following statement:" then the quotation as the next paragraph): the subject of that clause speaks,
    not whoever spoke last before. Only a subject that can speak (a name, a noun of people, a personal pronoun).

    Example: Mayor Daniel Brooks had one more message for the riders: “The ferry will sail again in May.”
    """
    if colon.text != ":" or quoted[colon.i]:
        return None
    # the writer's clause before the colon: its verb is the sentence's root, or hangs on the quotation after it
    root = next(
        (
            t
            for t in colon.doc[colon.sent.start : colon.i]
            if t.pos_ in ("VERB", "AUX") and not quoted[t.i] and (t.dep_ == "ROOT" or t.head.i > colon.i)
        ),
        None,
    )
    if root is None:
        return None
    subject = speaking_subject(next((c for c in root.children if c.dep_ == "nsubj"), None))
    if subject is None or quoted[subject.i] or not is_speaker_like(subject):
        return None
    return subject


def colon_before(block: ParsedBlock, start: int) -> Token | None:
    """The colon right before a quotation's opening mark in its paragraph, if there is one."""
    doc = block.doc
    lo = start - block.offset
    i = next((t.i for t in doc if t.idx >= lo), len(doc)) - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ("“", '"', "‘", "'", "''", "``")):
        i -= 1
    return doc[i] if i >= 0 and doc[i].text == ":" else None


def colon_ending(block: ParsedBlock) -> Token | None:
    """The colon that ends a paragraph, if it ends with one."""
    last = next((t for t in reversed(block.doc) if not t.is_space), None)
    return last if last is not None and last.text == ":" else None


@register_rule("statements.speaker_behind_expletive_it")
def doer_behind_expletive_it(subject: Token) -> Token | None:
    """The one who does what an expletive "it" stands in for ("The mayor will find it hard to repeat his attacks on
    the toll"): the subject of the verb above the adjective, not "it".

    Example: The mayor will find it hard to repeat his attacks on the ferry company.
    """
    adjective = subject.head
    if subject.lower_ != "it" or subject.dep_ != "nsubj" or adjective.pos_ != "ADJ":
        return None
    if adjective.dep_ not in ("ccomp", "xcomp", "oprd") or not any(
        c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.i > adjective.i for c in adjective.children
    ):
        return None  # not "find it hard to …"
    return speaking_subject(next((c for c in adjective.head.children if c.dep_ == "nsubj"), None))
