"""Questions put to a speaker, told as a participle with what they were about: "Asked about the closure, the mayor
said …", "Asked to name a date, she said …". The speaker of the sentence answers; the question is someone else's
(a reporter's, unnamed), so its speaker is unknown.

Owns the rule `statements.asked_about`; "Asked if/why …" is `statements.question_put_to` (cues.py).
"""

from __future__ import annotations

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.cues import is_question_cue
from tidynews.extract.statements.syntax import Found, is_to_infinitive, statement_of_tokens, trim
from tidynews.nlp import ParsedBlock


@register_rule("statements.asked_about")
def questions_asked_about(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A participle of asking with no subject, and what the question was about or asked for: "Asked about the
    closure, the mayor said …" -> "the closure"; "Asked to name a date, she said …" -> "to name a date"; the asker is
    unknown (not a passive "She was asked about it", which tells of her, not of a question put).

    Example: Asked to name a date for the reopening, the mayor said it would be May.
    """
    doc = block.doc
    out = []
    for verb in doc:
        if (
            verb.tag_ != "VBN"
            or verb.dep_ != "advcl"
            or quoted[verb.i]
            or not is_question_cue(verb)
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "ccomp") for c in verb.children)
        ):
            continue
        about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i), None)
        wanted = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if about is not None:
            obj = next((g for g in about.children if g.dep_ in ("pobj", "pcomp")), None)
            span = trim(doc, obj.left_edge.i, obj.right_edge.i + 1) if obj is not None else None
        elif wanted is not None and is_to_infinitive(wanted):
            span = trim(doc, wanted.left_edge.i, wanted.right_edge.i + 1)
        else:
            continue
        if span is None or any(quoted[i] for i in range(*span)):
            continue
        out.append(statement_of_tokens(block, span, verb, None, questions_asked_about.rule_id))
    return out
