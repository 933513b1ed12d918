"""Statements: who said what. (First version: quoted passages in the body, speaker from the nearest cue.)"""

from __future__ import annotations

import re

from tidynews.articles import BODY
from tidynews.extract.common import ArticleExtraction, Statement
from tidynews.nlp import ParsedArticle

QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
CUE_VERBS = {"say", "tell", "add", "warn", "argue", "insist", "state", "claim", "deny", "explain", "respond"}


def extract_statements(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Quoted passages in body blocks, each attributed to the subject of a reporting verb in its sentence.

    Example: “We will not give up,” Smith said. -> speaker Smith, cue said, kind direct.
    """
    actor_at = {(m.start, m.end): m.key for m in result.actor_mentions}
    for block in parsed.zone_blocks(BODY):
        text = block.doc.text
        for m in QUOTED.finditer(text):
            g = 1 if m.group(1) is not None else 2
            qs, qe = m.start(g), m.end(g)
            sent = next((s for s in block.doc.sents if s.start_char <= qs < s.end_char), None)
            if sent is None:
                continue
            cue = next((t for t in sent if t.lemma_ in CUE_VERBS and t.pos_ == "VERB"
                        and not (qs <= t.idx < qe)), None)
            if cue is None:
                continue
            subj = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            speaker = ""
            key = ""
            if subj is not None:
                span = block.doc[subj.left_edge.i : subj.right_edge.i + 1]
                speaker = span.text
                s, e = block.span_offsets(span)
                key = actor_at.get((s, e), "")
            kind = "direct" if m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":")) else "partial"
            result.statements.append(
                Statement(speaker=speaker or "unknown", quote=text[qs:qe], kind=kind, cue=cue.text,
                          start=block.offset + qs, end=block.offset + qe, speaker_key=key)
            )
