"""Transcripts printed as a dialogue: paragraphs that open with a speaker's label and a colon ("MAYOR: We will
rebuild."), often each inside an opening quotation mark that runs on to the next paragraph ('"MAYOR: We will …').

Owns the rules `statements.transcript_turn` and `statements.transcript_label` (one labelled paragraph:
"MAYOR: We will rebuild.", "Q: Why now?"). A turn is the labelled speaker's statement, from after the label to the
end of the paragraph; in the quoted form the unlabelled quoted paragraphs after it continue it. In a dialogue the turn
is the statement of its paragraphs: the quotations the quotation finder read there (which run on over several turns
and take the last speaker) give way to it, and reported speech inside it does not hide it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import words
from tidynews.extract.statements.syntax import Found
from tidynews.nlp import ParsedBlock

OPENING_MARKS = "\"“‘'"
CLOSING_MARKS = "\"”’'"
LABEL_WORDS = words("statement_words", "headline_label")  # "Update:", "Watch:": labels of the page, no speakers
# a speaker's label: up to three words, the first capitalised, then a colon and the words of the turn
SPEAKER_LABEL = r"((?:[A-Z][A-Za-z.'’-]*\s){0,2}[A-Z][A-Za-z.'’-]*):\s+(?=\S)"
TRANSCRIPT_LABEL = re.compile("^" + SPEAKER_LABEL)
TURN_LABEL = re.compile(r"^([\"“‘']?)" + SPEAKER_LABEL)  # the same, maybe inside an opening quotation mark
# "(CROSSTALK.)", "[APPLAUSE]", "(BEGIN VIDEO CLIP)": a stage direction, nobody's words
STAGE_DIRECTION = re.compile(r"^[\"“‘']?\s*[(\[]")
MIN_TURN_WORDS = 3


CLOSING_OF = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _runs_on(text: str) -> bool | None:
    """For a paragraph that opens with a quotation mark: True when the quotation runs on past the paragraph (no closing
    mark), False when it closes at its end, None when it closes inside it ('"NOTE: this is it," she added.')."""
    at = text.find(CLOSING_OF[text[0]], 1)
    if at < 0:
        return True
    return False if not text[at + 1 :].strip(" .,;:!?\n" + CLOSING_MARKS) else None


def _label(block: ParsedBlock) -> tuple[re.Match[str], bool] | None:
    """The speaker's label opening a paragraph and whether it stands inside an opening quotation mark that runs on;
    None when the paragraph opens with no label, a label of the page ("Update:", "Watch:"), too few words after it,
    or a quotation that closes before the paragraph ends (the label is part of someone's quoted words)."""
    m = TURN_LABEL.match(block.text)
    if m is None or m.group(2).lower().rstrip(".") in LABEL_WORDS:
        return None
    label = m.group(2)
    if sum(c.isalpha() for c in label) < 2 or len(block.text[m.end() :].split()) < MIN_TURN_WORDS:
        return None
    person = any(t.ent_type_ == "PERSON" for t in block.doc if m.start(2) <= t.idx < m.end(2))
    if not (label.isupper() or person):
        return None  # "Note:", "Photo:": a label, not a speaker
    if not m.group(1):
        return m, False
    runs_on = _runs_on(block.text)
    if not label.isupper() or runs_on is None:
        return None  # '"The answer: …': a quotation that opens with a phrase and a colon, no speaker's label
    return m, runs_on


def labelled_statement(block: ParsedBlock, start: int, end: int, kind: str, label: list[Token], rule: str) -> Found:
    """The statement of a labelled paragraph: its words from `start` to `end`, said by the label's words."""
    return Found(
        start,
        end,
        kind,
        block=block,
        cue_text=":",
        subject=label[-1],
        subject_span=(label[0].i, label[-1].i + 1),
        anchor=block.offset,
        rule=rule,
    )


@register_rule("statements.transcript_label")
def transcript_label(block: ParsedBlock) -> Found | None:
    """A paragraph of a transcript or interview: a short capitalised label, a colon, and what was said
    ("MAYOR: We will rebuild.", "Q: Why now?"); labels of the page ("Update:", "Watch:") and times are not speakers.

    Example: HARBOUR MASTER: The ferries will run again from Monday.
    """
    m = TRANSCRIPT_LABEL.match(block.text)
    if m is None or m.group(1).lower().rstrip(".") in LABEL_WORDS:
        return None
    label = m.group(1)
    if not (label.isupper() or len(label) <= 2) and not any(
        t.ent_type_ == "PERSON" for t in block.doc if t.idx < len(label)
    ):
        return None  # "Note:", "Photo:": a label, not a speaker (unless in capitals, a Q/A, or a person's name)
    end = len(block.text.rstrip())
    if len(block.text[m.end() : end].split()) < 3:
        return None
    doc = block.doc
    head_tokens = [t for t in doc if t.idx < len(label)]
    if not head_tokens:
        return None
    return labelled_statement(
        block, block.offset + m.end(), block.offset + end, "indirect", head_tokens, transcript_label.rule_id
    )


def _end_of_words(block: ParsedBlock) -> int:
    """Article offset of the end of a paragraph's words, without a closing quotation mark after them."""
    text = block.text.rstrip()
    return block.offset + len(text.rstrip(CLOSING_MARKS).rstrip())


@register_rule("statements.transcript_turn")
def transcript_turns(blocks: list[ParsedBlock]) -> dict[int, Found]:
    """The turns of a transcript printed as a dialogue (two or more paragraphs open with a speaker's label in
    capitals or a person's name, or one opens with a label in capitals inside a quotation mark that runs on): each
    turn is that speaker's statement; quoted paragraphs with no label before the last turn go on with it.

    Example: "HARBOUR MASTER: The ferries will run again from Monday, and the pier will reopen in May.
    """
    labels = {bi: found for bi, block in enumerate(blocks) if (found := _label(block)) is not None}
    if len(labels) < 2 and not any(runs_on for _, runs_on in labels.values()):
        return {}  # one label in a closed quotation: the quotation's own (statements.label_inside_quotation)
    last = max(labels)
    turns: dict[int, Found] = {}
    for bi, (m, runs_on) in labels.items():
        block = blocks[bi]
        end = _end_of_words(block)
        if runs_on:  # '"PENCE: …' + '"But …': the quotation of the turn runs on to the next label
            k = bi + 1
            while k < last and k not in labels and blocks[k].text[:1] in OPENING_MARKS:
                if STAGE_DIRECTION.match(blocks[k].text):
                    break
                end = _end_of_words(blocks[k])
                k += 1
        head = [t for t in block.doc if m.start(2) <= t.idx < m.end(2)]
        if not head or end <= block.offset + m.end():
            continue
        kind = "direct" if m.group(1) else "indirect"
        turns[bi] = labelled_statement(block, block.offset + m.end(), end, kind, head, transcript_turns.rule_id)
    return turns
