"""Quotations that name their own source in their own words or in the noun that holds them, whatever the sentence's
subject or the last speaker: a transcript label at the start of a quotation ("“MAYOR: We will rebuild.”") and the
owner of a claim a partial quotation is part of ("The paper checked Lopez's claim that fares had “never been lower”").

Owns the rules `statements.label_inside_quotation` and `statements.partial_quote_of_claim_owner`; `extract_statements`
applies them before the speaker is resolved. Each returns the token that names the speaker, or None.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import QUOTE_CUES, REPORT_CUES
from tidynews.extract.statements.nouns import SPEECH_NOUNS
from tidynews.extract.statements.transcripts import LABEL_WORDS, TRANSCRIPT_LABEL
from tidynews.nlp import ParsedBlock

OPENING_MARKS = "“\"‘'`« "
# Nouns of what someone said that a quotation may be part of: "her claim that …", "his remark that …".
CLAIM_NOUNS = SPEECH_NOUNS


def _tokens_from(block: ParsedBlock, start: int, end: int) -> list[Token]:
    lo, hi = start - block.offset, end - block.offset
    return [t for t in block.doc if lo <= t.idx < hi]


@register_rule("statements.label_inside_quotation")
def label_inside_quotation(block: ParsedBlock, start: int, end: int, names: frozenset[str]) -> tuple[int, int] | None:
    """A quotation that opens with a transcript label in capitals naming a person of the article ("“VANCE: We will
    rebuild …”", as in a transcript quoted whole) is said by that person, not by the last speaker.

    Example: Mayor Tom Vance took questions. "VANCE: The ferries will run again from Monday."
    """
    text = block.text[start - block.offset : end - block.offset]
    skip = len(text) - len(text.lstrip(OPENING_MARKS))
    m = TRANSCRIPT_LABEL.match(text[skip:])
    if m is None:
        return None
    label = m.group(1)
    letters = [c for c in label if c.isalpha()]
    if len(letters) < 2 or not label.isupper() or label.lower().rstrip(".") in LABEL_WORDS:
        return None  # "Q:", "UPDATE:": no one who speaks
    if label.split()[-1].title() not in names:
        return None  # "NOTE:", "WARNING:": not the name of anyone the article names
    tokens = _tokens_from(block, start + skip, start + skip + len(label))
    return (tokens[0].i, tokens[-1].i + 1) if tokens else None


@register_rule("statements.partial_quote_of_claim_owner")
def claim_owner(block: ParsedBlock, quoted: list[bool], start: int, end: int) -> Token | None:
    """A partial quotation inside someone's claim ("checked Lopez's claim that fares had “never been lower”") is
    that someone's words: the owner of the claim noun, not the subject of the sentence. A reporting verb in between
    ("Lopez's claim that the mayor said “…”") names its own speaker, so nothing.

    Example: The paper checked Lena Holt's claim that ferry fares had “never been lower” in the region.
    """
    inside = [t for t in _tokens_from(block, start, end) if quoted[t.i] and not t.is_punct]
    if not inside:
        return None
    first = inside[0]
    for anc in first.ancestors:
        if anc.sent.start != first.sent.start:
            return None
        if quoted[anc.i]:
            continue  # a word of the quotation itself
        if anc.pos_ == "VERB" and (anc.lemma_.lower() in QUOTE_CUES or anc.lemma_.lower() in REPORT_CUES):
            return None  # "… claim that the mayor said “…”": the verb's subject said it
        if anc.pos_ == "NOUN" and (anc.lemma_.lower() in CLAIM_NOUNS or anc.lower_ in CLAIM_NOUNS):
            owner = next((c for c in anc.children if c.dep_ == "poss"), None)
            if owner is None or owner.i > anc.i:
                return None
            return owner
    return None
