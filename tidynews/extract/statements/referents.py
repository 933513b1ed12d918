"""Who a later "he" or "she" may point back to, beyond speakers and the subjects of main clauses: a person the writer
names as the subject of a clause leading into a quotation whose own reporting clause has a pronoun subject
("Senator Ana Ruiz scolded him: “…,” she said.").

The rule only adds referents (see `SpeakerResolver.note_subjects`); it makes no rows of its own, and the
trace names it as `decided_by` when a pronoun speaker is resolved to the person it added.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from tidynews.extract.common import Mention
from tidynews.extract.rules import register_rule


@register_rule("statements.referent_subject_before_quotation")
def is_subject_before_quotation(subject: Token, quoted: list[bool]) -> bool:
    """A person named as the subject of a clause that leads into a quotation, when the parse hangs that clause on the
    quotation's own reporting verb after it ("Ana Ruiz scolded him: “…,” she said"): the pronoun of the reporting
    clause points back to that person. A clause with no quotation between it and the reporting verb ("Ruiz will
    resign, he said") is what the pronoun reports, so its subject is no referent.

    Example: Senator Ana Ruiz scolded the minister: “Nobody in this town trusts the ferry company,” she said.
    """
    clause = subject.head
    verb = subject.sent.root
    if subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or subject.dep_ != "nsubj":
        return False
    if clause.dep_ not in ("ccomp", "parataxis") or not subject.i < clause.i < verb.i:
        return False
    if quoted[subject.i] or quoted[clause.i] or quoted[verb.i]:
        return False
    if clause.head.i != verb.i and not quoted[clause.head.i]:
        return False  # hung on a verb of the writer's other than the reporting one
    return any(quoted[i] for i in range(clause.i + 1, verb.i))


# A comma (or dash) that sets a name off after a description, and what may end it.
SET_OFF_OPEN = re.compile(r"\s*(?:,|—|–|--)\s*")
SET_OFF_CLOSE = re.compile(r"\s*(?:,|—|–|--|\()")


@register_rule("statements.speaker_named_in_apposition")
def person_set_off_after(text: str, end: int, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The name set off by commas right after a speaker's description, wherever the parse hung it ("The chairman of
    the Ferry Users Association, John Carter, said" -> John Carter, though the parse makes him an apposition of
    "Association").

    Example: The chairman of the Ferry Users Association, John Carter, said the toll was unfair.
    """
    comma = SET_OFF_OPEN.match(text, end)
    if comma is None or not text[end : comma.end()].strip():
        return None
    k = bisect.bisect_left(starts, comma.end())
    if k >= len(mentions) or starts[k] != comma.end():
        return None
    mention = mentions[k]
    return mention if SET_OFF_CLOSE.match(text, mention.end) else None


@register_rule("statements.referent_possessor_actor_of_subject")
def possessor_name_of_subject(subject: Token) -> Token | None:
    """A name that owns a main clause's subject ("Brooks's warning earned him …"), though the tagger did not take it
    for a person: a referent when it names a person of the article (the caller checks), so "he" after it is them.

    Example: Daniel Brooks met the board. Brooks's warning earned him a hearing, where he said the pier was unsafe.
    """
    if subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ == "PERSON" or not owner.text[:1].isupper():
        return None
    return owner
