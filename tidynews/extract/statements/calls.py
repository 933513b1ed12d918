"""Calls for someone to act: "called for the council to resign", "sounded a call for the state to take in refugees",
"pleaded for the port to stay open". The parser reads "for" as the marker of a clause of purpose with its own subject
("the council to resign"), so the verb or noun of the call has no object to report; the clause is what was called for.

Owns the rule `statements.call_for_someone_to`.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import words
from tidynews.extract.statements.syntax import Found, is_to_infinitive, statement_of_tokens, subject_of, trim
from tidynews.nlp import ParsedBlock

CALL_WORDS = words("statement_words", "call_for_word")  # call, appeal, plea, plead, push …


def _for_clause(head: Token) -> Token | None:
    """The clause "for X to VERB" after `head`: a verb whose marker is "for", with a subject and "to" of its own."""
    for c in head.children:
        if c.i <= head.i or c.dep_ not in ("advcl", "acl", "ccomp"):
            continue
        kids = list(c.children)
        mark = next((k for k in kids if k.dep_ == "mark" and k.lower_ == "for"), None)
        if mark is not None and any(k.dep_ in ("nsubj", "nsubjpass") for k in kids) and is_to_infinitive(c):
            return c
    return None


def _speaker(head: Token) -> Token | None:
    """Who calls: the subject of the verb of calling, or for a noun ("a call") its owner or the subject of the verb
    that makes it ("sounded a call")."""
    if head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if head.dep_ == "dobj":
        return next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.head.i), None)
    return None


@register_rule("statements.call_for_someone_to")
def calls_for_someone_to(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A call for someone to act: "called for the council to resign", "made an appeal for donors to give" -> what
    was called for ("the council to resign"), said by the one who calls (word list call_for_word); not a negated or
    future call, nor one nobody the sentence names makes.

    Example: The nurses' union sounded a call for the city to hire more staff.
    """
    doc = block.doc
    out = []
    for head in doc:
        if quoted[head.i] or head.lemma_.lower() not in CALL_WORDS or head.pos_ not in ("VERB", "NOUN"):
            continue
        clause = _for_clause(head)
        if clause is None:
            continue
        verb = head if head.pos_ == "VERB" else head.head
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("will", "would", "could")) for c in verb.children):
            continue
        speaker = _speaker(head)
        if speaker is None or speaker.tag_ in ("WDT", "WP"):
            continue
        mark = next(k for k in clause.children if k.dep_ == "mark")
        span = trim(doc, mark.i + 1, clause.right_edge.i + 1)
        if span is None or any(quoted[i] for i in range(*span)):
            continue
        out.append(statement_of_tokens(block, span, head, speaker, calls_for_someone_to.rule_id))
    return out
