"""Statements: who said what, found in the body of an article and attributed to a speaker.

Three passes find statements, then one pass resolves their speakers, in text order:

1. Quotations. Every passage in quotation marks (curly or straight, double or single, or a paragraph
   opening with a dash), one statement per quotation; a quotation that runs on into the next paragraph
   (or reopens after a full stop without closing) stays one statement. It is attributed to the reporting
   clause after it ("…,” he said.), before it (Smith said: “…”), to the reporting verb that governs it
   when it is a fragment inside the writer's sentence, or, when it stands alone, to the speaker of the
   statement before it.
2. Reported speech. A reporting verb outside quotation marks with its complement: "X said (that) …",
   "X told Y …", "…, X said.", "X warned / denied / described / called on …". The quote is the complement.
   A second reported clause is a second statement of the same speaker: "X said A and that B", "X said A but
   warned that B", "X said A, adding that B". A reporting gerund after a preposition of time or concession
   ("after admitting …", "despite saying …") is background, not a statement.
   Findings are reported speech too: "found"/"showed" report only when their subject is research (a study,
   report, survey, analysis, poll, review, researchers, scientists, data…) or a named person or body
   ("…, the study found." / "A report by the agency found that …"; "Police found a body" is no statement);
   "concluded" and "estimated" report with any subject, as the other reporting verbs do. See `reports_a_finding`.
   A reported clause that quotes some of the speaker's words is one statement of kind "partial", quotation and all
   ('called the offer “an insult”' -> 'the offer “an insult”'; 'said the fire was “out of control”' -> 'the fire
   was “out of control”', also when the parse leaves the quoted predicate out: see `is_subject_and_copula_only`);
   the quotation is not a second statement.
3. "according to X".

Speakers are the subject of the reporting verb, resolved to an actor of the same article through the
actor mentions (full name, surname, role such as "the defense minister", "his office", he/she/they). The speaker
column keeps the words of the reporting clause as written: a pronoun ("she said") or a relative ("Ana Ruiz, who
said …": "who") stays, and speaker_id names the actor it stands for (empty when it is none); a quotation that goes
on without a reporting clause repeats the speaker of the one before.

The rules are named and registered (`tidynews/extract/rules.py`); every statement carries the id of the rule that
made it and `tidynews explain FILE --table statements` shows each candidate and the rule that kept or dropped it.
The vocabulary is data (`tidynews/data/statement_*.csv`). Modules: `quotation_marks` (marks in plain text),
`quotes` (pass 1), `reported` (passes 2 and 3), `syntax` (what the parse says about a reporting verb), `speakers`
(who the speaker is), `lexicon` (the word lists); this module puts them together into the table. Each step is
linear or n log n in the size of the article.
"""

from __future__ import annotations

import bisect
import re

from tidynews.articles import BODY, HEADLINE
from tidynews.extract.common import ArticleExtraction, Statement
from tidynews.extract.rules import Trace, register_rule
from tidynews.extract.statements.accounts import (
    account_of_partial_quote,
    colon_before,
    colon_ending,
    doer_behind_expletive_it,
    subject_of_colon_clause,
    subject_of_sentence_before,
)
from tidynews.extract.statements.asked import questions_asked_about
from tidynews.extract.statements.calls import calls_for_someone_to
from tidynews.extract.statements.cues import passive_reports, questions_put_to, reportedly_clauses
from tidynews.extract.statements.headlines import headline_colon_person, headline_statements
from tidynews.extract.statements.lexicon import PRONOUNS
from tidynews.extract.statements.nouns import (
    speech_noun_clauses,
    speech_noun_object,
    speech_noun_topic,
)
from tidynews.extract.statements.own_source import claim_owner, label_inside_quotation
from tidynews.extract.statements.quotation_marks import find_quotations
from tidynews.extract.statements.quotes import QuoteFinder
from tidynews.extract.statements.reported import Intervals, according_to, reported_speech
from tidynews.extract.statements.speakers import (
    Referent,
    SpeakerResolver,
    according_to_source,
    actor_behind_owner,
    issuer_of_document,
    maker_of_claim,
    name_before_colon,
    possessive_speaker,
    relative_pronoun,
)
from tidynews.extract.statements.syntax import Found, name_of_owner, noun_phrase, person_name_words
from tidynews.extract.statements.transcripts import transcript_label, transcript_turns
from tidynews.nlp import ParsedArticle

__all__ = ["extract_statements", "find_quotations"]


@register_rule("statements.scare_quote", kind="drops")
def is_scare_quote(item: Found, speaker: str) -> bool:
    """A quoted fragment nobody is said to have said (no reporting verb, no speaker before it) is a scare quote.

    Example: The “new normal” has arrived for the farmers of the valley.
    """
    return item.from_context and not speaker and item.kind == "partial"


# rules of a noun of speech whose maker the sentence may name ("raised questions about …", "repeated claims that …")
NOUN_RULES = (speech_noun_clauses.rule_id, speech_noun_topic.rule_id)

MARKUP = re.compile(r"<[^<>\n]{1,400}>")


@register_rule("statements.markup_is_not_speech", kind="drops")
def in_markup(item: Found, tags: Intervals) -> bool:
    """Markup left in an article's text (an embedded post: <tweet id="…">) is no speech, nor is what it quotes.

    Example: Riders were angry. <tweet author="ferrywatch" text="The ferry is late again"> Nobody replied.
    """
    return tags.overlaps(item.start, item.end)


def _without_partials_inside(found: list[Found], reported: list[Found]) -> tuple[list[Found], list[Found]]:
    """Split `found` into the statements kept and the partial quotations that lie inside a reported clause (they are
    part of it; a fragment widened to the complement around it counts by its quotation, `Found.quotation`).
    O(n log n): reported clauses sorted by start with a running maximum of their ends."""
    if not reported:
        return _one_per_complement(found, [])
    clauses = sorted((r.start, r.end) for r in reported)
    starts = [a for a, _ in clauses]
    max_end, best = [], -1
    for _, b in clauses:
        best = max(best, b)
        max_end.append(best)
    kept, merged = [], []
    for f in found:
        lo, hi = f.quotation or (f.start, f.end)
        k = bisect.bisect_right(starts, lo)  # clauses that start at or before it
        if f.kind == "partial" and k and max_end[k - 1] >= hi:
            merged.append(f)
            continue
        host = next((r for r in reported if r.start <= lo < r.end < hi), None) if f.joined else None
        if host is not None:  # 'said the aim was not “A”' + ' but “B”': the clause goes on to the second quotation
            host.end = hi
            merged.append(f)
            continue
        if f.quotation is not None and any(a < f.end and f.start < b for a, b in clauses):
            f.start, f.end = lo, hi  # widened over a reported clause of its own: the quotation alone, as written
        kept.append(f)
    return _one_per_complement(kept, merged)


def _one_per_complement(found: list[Found], merged: list[Found]) -> tuple[list[Found], list[Found]]:
    """Two quoted fragments of one reported complement widened to the same words are one statement
    ('called the plan “costly” and “late”'): the second is merged into the first."""
    kept, spans = [], set()
    for f in found:
        if f.kind == "partial" and (f.start, f.end) in spans:
            merged.append(f)
            continue
        spans.add((f.start, f.end))
        kept.append(f)
    return kept, merged


def _own_source(item: Found, quoted: list[bool], names: frozenset[str], trace: Trace, text: str) -> None:
    """A quotation whose own words ("“MAYOR: …”") or claim noun ("Lopez's claim that …") name its speaker."""
    block = item.block
    span = label_inside_quotation(block, item.start, item.end, names) if item.kind == "direct" else None
    owner = claim_owner(block, quoted, item.start, item.end) if item.kind == "partial" and span is None else None
    if span is not None:
        item.subject, item.subject_span, item.rule = block.doc[span[1] - 1], span, label_inside_quotation.rule_id
        item.from_context, item.cue_text = False, ":"
    elif owner is not None:
        item.subject, item.subject_span, item.rule = owner, name_of_owner(owner), claim_owner.rule_id
        item.from_context, item.cue_text = False, owner.head.text
    else:
        return
    if trace.enabled:
        trace.propose("statements", text[item.start : item.end], item.start, item.end, item.rule)


def _opens_paragraph(item: Found) -> bool:
    """Whether a statement starts its paragraph (nothing but an opening mark before it)."""
    block = item.block
    return block is not None and not block.text[: item.start - block.offset].strip(" “‘\"'")


def extract_statements(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Find the statements of the body of an article and attribute each to its speaker.

    “We will not give up,” Smith said. -> speaker Smith, cue said, kind direct.
    """
    blocks = parsed.zone_blocks(BODY)
    trace = result.trace
    finder = QuoteFinder(blocks, parsed.text, trace)
    quotes = finder.statements()
    # a transcript's turns are its statements: the quotations read over them give way (statements9d's hook)
    turns = transcript_turns(blocks)
    if turns:
        in_turns = Intervals([(t.start, t.end) for t in turns.values()])
        outside = []
        for f in quotes:
            if not in_turns.overlaps(f.start, f.end):
                outside.append(f)
            elif trace.enabled:
                text, reason = parsed.text[f.start : f.end], "a transcript turn"
                trace.drop("statements", text, f.start, f.end, transcript_turns.rule_id, reason, proposed_by=f.rule)
        quotes = outside
    used_by_block: dict[int, set[int]] = {}
    for bi, ti in finder.used_cues:
        used_by_block.setdefault(bi, set()).add(ti)
    quotes_by_block: list[list[Found]] = [[] for _ in blocks]
    for f in quotes:
        quotes_by_block[f.paragraph].append(f)
    # per paragraph: the quotations touching it (one may run over several) and the cues of quotations in it
    touching: list[list[tuple[Found, bool]]] = [[] for _ in blocks]  # (quotation, True: its span / False: its cue)
    block_starts = [b.offset for b in blocks]
    for f in quotes:
        last = bisect.bisect_right(block_starts, f.end - 1) - 1
        for bi in range(f.paragraph, max(f.paragraph, last) + 1):
            touching[bi].append((f, True))
        if f.cue is not None:
            bi = bisect.bisect_right(block_starts, f.anchor) - 1
            if 0 <= bi < len(blocks):
                touching[bi].append((f, False))

    found: list[Found] = []
    merged_ids: set[int] = set()
    names = person_name_words(b.doc for b in blocks)  # surnames the tagger may take for nouns ("Mills vowed …")
    for bi, block in enumerate(blocks):
        indirect = reported_speech(
            block, finder.quoted[bi], used_by_block.get(bi, set()), finder.quotations[bi], trace, parsed.text, names
        )
        for item in indirect:
            item.paragraph = bi
        # the partial quotations a reported clause holds are part of it
        kept, merged = _without_partials_inside(quotes_by_block[bi], indirect)
        merged_ids.update(id(f) for f in merged)
        if trace.enabled:
            for f in merged:
                lo, hi = f.quotation or (f.start, f.end)
                into = next((r for r in indirect if r.start <= lo and hi <= r.end), f)  # f: a fragment like it
                trace.merge(
                    "statements",
                    parsed.text[f.start : f.end],
                    f.start,
                    f.end,
                    "statements.partial_in_reported_clause",
                    into=parsed.text[into.start : into.end],
                    reason="the quotation is part of the reported clause",
                    proposed_by=f.rule,
                )
        found.extend(kept)
        found.extend(indirect)
        # "according to" gives nothing in a sentence that already holds a statement or its cue
        ranges = [(f.start, f.end) if whole else (f.anchor, f.anchor + 1) for f, whole in touching[bi]]
        ranges = [r for (f, _), r in zip(touching[bi], ranges, strict=True) if id(f) not in merged_ids]
        ranges += [(f.start, f.end) for f in indirect] + [(f.anchor, f.anchor + 1) for f in indirect]
        turn = turns.get(bi)
        if turn is not None:  # the whole turn is the speaker's, whatever was reported inside it
            turn.paragraph = bi
            if trace.enabled:
                trace.propose("statements", parsed.text[turn.start : turn.end], turn.start, turn.end, turn.rule)
            found.append(turn)
            ranges.append((turn.start, turn.end))
        for item in according_to(block, finder.quoted[bi], Intervals(ranges), trace, parsed.text):
            item.paragraph = bi
            found.append(item)
            ranges.append((item.start, item.end))
        # nouns of speech and transcript labels, where nothing else reported the words
        taken = Intervals(ranges)
        label = transcript_label(block) if turn is None else None
        unnamed = questions_put_to(block, finder.quoted[bi]) + reportedly_clauses(block, finder.quoted[bi])
        unnamed += passive_reports(block, finder.quoted[bi])
        unnamed += calls_for_someone_to(block, finder.quoted[bi])
        unnamed += questions_asked_about(block, finder.quoted[bi])
        for item in speech_noun_clauses(block, finder.quoted[bi]) + ([label] if label is not None else []) + unnamed:
            if taken.overlaps(item.start, item.end):
                continue
            item.paragraph = bi
            if trace.enabled:
                trace.propose("statements", parsed.text[item.start : item.end], item.start, item.end, item.rule)
            found.append(item)
    body_names = frozenset(t.text for b in blocks for t in b.doc if t.ent_type_ in ("PERSON", "ORG", "NORP"))
    for block in parsed.zone_blocks(HEADLINE):
        for item in headline_statements(block, body_names):
            item.zone, item.paragraph = HEADLINE, -10  # never the speaker "before" a body quotation
            if trace.enabled:
                trace.propose("statements", parsed.text[item.start : item.end], item.start, item.end, item.rule)
            found.append(item)
    found.sort(key=lambda f: (f.start, f.end))

    resolver = SpeakerResolver(parsed, result)
    # a statement's tokens come from its block, which is not always the paragraph it starts in (a quotation running
    # over paragraphs is read with the reporting clause's block): the quotation mask must be that block's
    mask_of_block = {id(block): mask for block, mask in zip(blocks, finder.quoted, strict=True)}
    resolver.note_subjects(blocks, finder.quoted)
    previous: tuple[str, str, int, str] | None = None  # speaker text, key, paragraph, cue of the last statement
    tags = Intervals([(m.start(), m.end()) for m in MARKUP.finditer(parsed.text)])
    for item in found:
        if in_markup(item, tags):
            if trace.enabled:
                text = parsed.text[item.start : item.end]
                trace.drop("statements", text, item.start, item.end, in_markup.rule_id, "markup", proposed_by=item.rule)
            continue
        if item.zone == BODY and item.block is not None:
            _own_source(item, mask_of_block[id(item.block)], names, trace, parsed.text)
        speaker, key, cue = "", "", item.cue_text
        named = ""  # the antecedent's words when the speaker is a relative pronoun ("Ana Ruiz" of "who")
        if item.from_context and item.subject is None and item.block is not None and item.zone == BODY:
            quoted = mask_of_block[id(item.block)]
            source = according_to_source(item.block, quoted, item.start, item.end)
            own = (according_to_source.rule_id, "according to")  # “…,” according to X: X's words
            if source is None:
                source = name_before_colon(item.block, quoted, item.start)
                own = (name_before_colon.rule_id, ":")  # Lena Holt: “…”
            if source is None:
                # Ana Ruiz released the following statement: “…” (in the same paragraph or as the next one)
                colon, mask = colon_before(item.block, item.start), quoted
                if colon is None and item.kind == "direct" and _opens_paragraph(item) and item.paragraph > 0:
                    colon, mask = colon_ending(blocks[item.paragraph - 1]), finder.quoted[item.paragraph - 1]
                source = subject_of_colon_clause(colon, mask) if colon is not None else None
                if source is not None and colon.doc is not item.block.doc:
                    item.block = blocks[item.paragraph - 1]  # the speaker's tokens are the paragraph before's
                own = (subject_of_colon_clause.rule_id, source.head.text if source is not None else "")
            if source is None and item.kind == "direct":
                source = subject_of_sentence_before(item.block, quoted, item.start)
                # Maria Lopez walked out. “…”: her words, not the last speaker's
                own = (subject_of_sentence_before.rule_id, source.head.text if source is not None else "")
            if source is not None:  # the quotation names its own source: not the last speaker's words
                item.subject, item.subject_span, item.from_context = source, noun_phrase(source), False
                item.rule, item.cue_text = own
                cue = item.cue_text
                if trace.enabled:
                    trace.propose("statements", parsed.text[item.start : item.end], item.start, item.end, item.rule)
        if item.subject is not None and item.block is not None and item.zone == BODY:
            quoted = mask_of_block[id(item.block)]
            source = account_of_partial_quote(item.rule, item.block, quoted, item.start, item.end)
            if source is not None:  # a fragment of a clause with no reporting verb, according to X: X's account
                item.subject, item.subject_span, item.cue = source, noun_phrase(source), None
                item.rule, item.cue_text = account_of_partial_quote.rule_id, "according to"
                cue = item.cue_text
        if item.rule in NOUN_RULES and item.subject is None and item.block is not None:
            noun = next((t for t in item.block.doc if item.block.offset + t.idx == item.anchor), None)
            maker = maker_of_claim(noun) if noun is not None else None
            if maker is not None:  # "Lopez repeated claims that …": the claims are hers
                span = noun_phrase(maker)
                # not "… on Tuesday", nor the claim itself when the name was read as its verb ("Lopez charges …")
                cut = next((c.i for c in maker.rights if c.dep_ in ("prep", "dobj", "ccomp", "acl", "relcl")), None)
                if span is not None and cut is not None:
                    span = (span[0], cut)
                item.subject, item.subject_span, item.rule = maker, span, maker_of_claim.rule_id
        if item.rule == speech_noun_object.rule_id and item.subject is not None:
            actor = actor_behind_owner(item.subject)
            if actor is not None:  # "Lopez stepped up her attacks on …": Lopez, as the sentence names her
                item.subject, item.subject_span, item.rule = actor, noun_phrase(actor), actor_behind_owner.rule_id
        doer = doer_behind_expletive_it(item.subject) if item.subject is not None else None
        if doer is not None:  # "The mayor will find it hard to repeat …": the mayor, not "it"
            item.subject, item.subject_span, item.rule = doer, noun_phrase(doer), doer_behind_expletive_it.rule_id
        if item.subject is not None and item.block is not None and item.subject_span is not None:
            issuer = issuer_of_document(item.subject)
            if issuer is not None:  # "She released a letter that says …": she speaks through it
                item.subject, item.subject_span = issuer, noun_phrase(issuer)
            found_speaker = resolver.resolve(item.block, item.subject, item.subject_span)
            speaker, key, category = found_speaker.text, found_speaker.key, found_speaker.category
            if found_speaker.rule and trace.enabled:  # a speaker rule said who a pronoun or possessive is
                event = trace.propose("statements", parsed.text[item.start : item.end], item.start, item.end, item.rule)
                event.decided_by, event.reason = found_speaker.rule, f"speaker {speaker!r} is {key}"
            if item.rule == headline_colon_person.rule_id and not headline_colon_person(category, key):
                if trace.enabled:
                    text = parsed.text[item.start : item.end]
                    reason = "the name before the colon is no person of the article"
                    trace.drop("statements", text, item.start, item.end, item.rule, reason, proposed_by=item.rule)
                continue
            if item.zone == BODY:
                # later pronouns may point back to this speaker: a name or noun phrase, or what a pronoun with no
                # actor behind it stands for ("a US official ... he added")
                # (not the last speaker once more, named before this quotation: already a referent there)
                again = item.rule == subject_of_sentence_before.rule_id and previous is not None and key == previous[1]
                if not again and speaker.lower() not in PRONOUNS and possessive_speaker(item.subject) is None:
                    resolver.add_referent(Referent(item.anchor, speaker, key, category))
                elif not again and found_speaker.refers_to and key not in resolver.entities:
                    resolver.add_referent(Referent(item.anchor, found_speaker.refers_to, key, category))
            relative = relative_pronoun(item.subject, item.cue) if issuer is None else None
            if relative is not None:
                named = speaker
                speaker = relative.text  # "Ana Ruiz, who said …": the words at the reporting clause
        elif item.from_context and previous is not None and item.paragraph - previous[2] <= 2:
            speaker, key = previous[0], previous[1]
            cue = cue or previous[3]
        if is_scare_quote(item, speaker):
            if trace.enabled:
                trace.drop(
                    "statements",
                    parsed.text[item.start : item.end],
                    item.start,
                    item.end,
                    is_scare_quote.rule_id,
                    "a quoted fragment with no speaker",
                    proposed_by=item.rule,
                )
            continue
        quote = parsed.text[item.start : item.end]
        if not quote.strip():
            continue
        result.statements.append(
            Statement(
                speaker=speaker or "unknown",
                quote=quote,
                kind=item.kind,
                cue=cue or "unattributed",
                start=item.start,
                end=item.end,
                speaker_key=key,
                addressee=item.addressee,
                rule=item.rule,
                zone=item.zone,
            )
        )
        if speaker and item.zone == BODY:
            # a continuation names its speaker as this one did; it has no "who" of its own, so it takes the name
            previous = (named or speaker, key, item.paragraph, cue)
