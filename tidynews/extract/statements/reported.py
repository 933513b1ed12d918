"""Pass 2 of statements: reported speech, a reporting verb outside quotation marks with what it reports; and
"according to X".

Owns the forms of a reported complement (each a `finds` rule: `statements.reported_that_clause`,
`statements.reported_clause_before_cue`, `statements.reported_clause_parsed_as_object`, `statements.reported_object`,
`statements.second_that_clause`, `statements.research_finding`, `statements.according_to`), the predicates that
reject a reporting verb (`drops` rules, tried in order in `REJECTIONS`), and the choice between a reported clause
and a quotation around it (`statements.quotation_is_the_statement`). A reported clause that quotes some of the
speaker's words is one statement of kind "partial", the quotation inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Token

from tidynews.extract.rules import NULL_TRACE, Trace, register_rule
from tidynews.extract.statements.cues import (
    clause_after_apposition,
    gerund_subject_clause,
    is_asked_participle,
    is_phrasal_cue,
    is_question_cue,
    is_reporting_verb,
    made_clear,
    own_complement,
    participle_act_cut,
    reported_question,
    reporting_clause_as_conjunct,
    reports_clause_beside_quotation,
    request_with_infinitive,
    short_answer,
    speakers_next_act,
    that_clause_after_adverbial,
    what_x_said_was,
)
from tidynews.extract.statements.inserted import (
    INSERTED_CLAUSE_FORMS,
    is_as_clause_of_time,
    is_as_put_it,
    own_clause,
    reported_clause_split_by_cue,
)
from tidynews.extract.statements.lexicon import (
    BACKGROUND_PREPOSITIONS,
    CLAUSE_ONLY_CUES,
    INFINITIVE_THAT_REPORTS,
    NEEDS_SPEAKER_SUBJECT,
    OBJECT_COMPLEMENT_DEPS,
    OBJECT_COMPLEMENT_PREPS,
    OBJECT_CUES,
    OBJECT_TO_CUES,
    QUOTE_CUES,
    REPORT_CUES,
    SUBJECT_DEPS,
    TERMS_OF_SPEAKING,
    TOPIC_CUES,
    TOPIC_PREPS,
)
from tidynews.extract.statements.nouns import DOCUMENT_NOUNS, speaker_of_document
from tidynews.extract.statements.quotation_marks import Quotation
from tidynews.extract.statements.syntax import (
    Found,
    addressee_of,
    cue_text,
    depth,
    is_cue,
    is_inverted_after_clause,
    is_name_tagged_as_noun,
    is_second_that_clause,
    is_speaker_act_after_clause,
    is_speaker_like,
    noun_phrase,
    other_speaker_cut,
    outer_reporting_verb,
    reports_a_finding,
    second_clause_cut,
    subject_left_unattached,
    subject_of,
    trim,
)
from tidynews.nlp import ParsedBlock

CLOSERS = (",", "”", '"', "’", "'")

# --- what a reporting verb reports: one rule per form of the complement ------------------------------------------


@register_rule("statements.reported_that_clause")
def reported_that_clause(verb: Token, ccomp: Token) -> tuple[int, int] | None:
    """Reported speech: a reporting verb with its clausal complement after it, "X said (that) CLAUSE".

    A second that-clause or a second reporting verb of the same speaker ends the clause ("said A and that B").
    Example: The mayor said that the bridge would reopen in May.
    """
    doc = verb.doc
    lo, hi = ccomp.left_edge.i, ccomp.right_edge.i + 1
    if verb.lemma_ in CLAUSE_ONLY_CUES:
        # "said at least $40 million … of contracts had been signed": the clause's subject parsed as an object
        stray = [
            c
            for c in verb.children
            if verb.i < c.i < ccomp.i and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "of"))
        ]
        lo = min([lo] + [c.left_edge.i for c in stray])
    cut = second_clause_cut(ccomp)
    if cut is not None:
        hi = min(hi, cut)  # "said A and that B" / "said A and added that B": A alone
    background = _background_as_clause(ccomp)
    if background is not None:
        hi = min(hi, background)
    contrast = other_speaker_cut(ccomp)
    if contrast is not None:
        hi = min(hi, contrast)  # "said A, while 22 percent said B": A alone; B is a statement of its own
    act = participle_act_cut(ccomp)
    if act is not None:
        hi = min(hi, act)  # "said A, calling B …": the speaker's next act
    return trim(doc, lo, hi)


def _background_as_clause(clause: Token) -> int | None:
    """Where a reported clause stops before a closing ", as …" clause: the writer's background, not the speaker's
    words ("told the envoy there is a window for a deal, as the attacks continued" -> "there is a window for a
    deal"), or None."""
    doc = clause.doc
    for child in clause.children:
        if child.dep_ != "advcl" or child.i < clause.i or child.right_edge.i < clause.right_edge.i - 1:
            continue
        lo = child.left_edge.i
        if lo > 0 and doc[lo - 1].text == "," and doc[lo].lower_ == "as" and doc[lo].dep_ == "mark":
            return lo - 1
    return None


@register_rule("statements.reported_clause_before_cue")
def reported_clause_before_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech before its reporting clause: "CLAUSE, X said." (the clause parsed as the verb's complement,
    or the reporting clause parsed as a parenthesis of the clause), with nothing after the reporting clause.

    Example: Two ferries sailed through the strait, the coastguard said.
    """
    doc = verb.doc
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if ccomp is not None:
        # "The talks failed, the minister said": only after a comma or a closing mark, with nothing after; a second
        # clause before the verb is part of what was said ("A -- but B, he said")
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        own = [c.left_edge.i for c in verb.children if c.i < verb.i and c not in clauses and not c.is_punct]
        attribution_start = min(own + [verb.i])
        before = attribution_start - 1
        while before > 0 and doc[before].is_space:
            before -= 1  # "…on Sunday,  Obama said": a double space is a token of its own
        if attribution_start == 0 or doc[before].text not in CLOSERS:
            return None
        # what follows may only be whom it was told to ("…, the minister told the union")
        if any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp") for c in verb.children) or any(
            c.i > verb.i and c.dep_ == "dobj" and verb.lemma_ != "tell" for c in verb.children
        ):
            return None
        lo = min(c.left_edge.i for c in clauses) if clauses else ccomp.left_edge.i
        hi = max(c.right_edge.i for c in clauses) + 1 if clauses else ccomp.right_edge.i + 1
        return trim(doc, lo, min(hi, attribution_start))
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if is_inverted_after_clause(verb, subjects) and not any(
        c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children
    ):
        # "The plan … appeals to older voters, said Ana Ruiz": the clause's subject parsed as a second subject
        return trim(doc, verb.sent.start, verb.i)
    if (
        (verb.dep_ in ("ccomp", "parataxis") or reporting_clause_as_conjunct(verb))
        and verb.head.i < verb.i
        and verb.left_edge.i > 0
        and doc[verb.left_edge.i - 1].text in CLOSERS
        and all(t.is_punct for t in doc[verb.right_edge.i + 1 : verb.head.right_edge.i + 1])
        and subject_of(verb) is not None
    ):
        return trim(doc, verb.head.left_edge.i, verb.left_edge.i)
    return None


@register_rule("statements.reported_clause_parsed_as_object")
def reported_clause_parsed_as_object(verb: Token) -> tuple[int, int] | None:
    """Reported speech whose clause the parser took for a long noun object of a verb that takes none ("say").

    Example: Critics say the plan to close the clinics unfair and rushed.
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if verb.lemma_ in CLAUSE_ONLY_CUES and obj is not None and obj.right_edge.i - obj.left_edge.i >= 3:
        return trim(verb.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None


@register_rule("statements.reported_object")
def reported_object(verb: Token) -> tuple[int, int] | None:
    """What a verb like deny, describe, call on, urge or warn reports as its object or prepositional complement:
    "denied any role in the leak", "called on the council to act" (not "called a meeting", not "is challenging
    Senator Ruiz for her seat").

    "referring to …" and "pointed to …" report the object of "to".
    Example: The union called on the council to reopen the library.
    """
    if verb.lemma_ in OBJECT_TO_CUES:
        describes = any(t.dep_ == "prep" and t.lower_ == "as" for t in verb.subtree)  # "referred to X as Y"
        if (
            verb.lemma_ == "refer"
            and not describes
            and not (verb.tag_ == "VBG" and is_cue(verb.head, QUOTE_CUES | REPORT_CUES))
        ):
            return None  # "the minister was referring to …" explains a quotation; "…, she said, referring to …" reports
        comps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1]
        comps += [c for c in verb.children if comps and c.dep_ == "prep" and c.lower_ == "as" and c.i > comps[0].i]
    elif verb.lemma_ in OBJECT_CUES:
        comps = [
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ in OBJECT_COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in OBJECT_COMPLEMENT_PREPS))
        ]
    else:
        return None
    if verb.lemma_ == "call" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in comps):
        return None  # "called a meeting": not speech
    if verb.lemma_ == "attack" and any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in comps):
        return None  # "attacked Trudeau for …": an attack on a named person quotes none of its words
    if verb.lemma_ == "challenge" and any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in comps):
        if not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS) for c in verb.children
        ):
            return (
                None  # "is challenging Senator Ruiz for her seat": a race, not words ("challenged X to debate" reports)
            )
    if verb.lemma_ in TOPIC_CUES:
        comps = [c for c in comps if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]  # not "spoke for five minutes"
    comps = [c for c in comps if not _is_terms_of_speaking(c)]  # "spoke on condition of anonymity": how, not what
    if not comps:
        return None
    lo = min(c.left_edge.i for c in comps)
    hi = max(c.right_edge.i for c in comps) + 1
    if verb.lemma_ == "call":
        on = next((c for c in comps if c.dep_ == "prep" and c.lower_ in ("on", "for")), None)
        if on is not None:
            lo = on.i + 1
    first = verb.doc[lo]
    if first.dep_ == "prep" and first.head.i == verb.i:
        lo += 1  # "talked about the harbour", "warned of a storm": what was said is the object of the preposition
    return trim(verb.doc, lo, hi)


def complement_span(verb: Token) -> tuple[int, int, str] | None:
    """The token range of what a reporting verb reports and the id of the rule that read it, or None.

    "X said (that) CLAUSE" -> the clause; "CLAUSE, X said." -> the clause before; for verbs like
    deny / describe / call on / urge: their objects ("denied any role", "called on Israel to …").
    """
    for special in (made_clear, reported_question, what_x_said_was, short_answer):
        span = special(verb)
        if span is not None:
            return (*span, special.rule_id)
    ccomp = own_complement(verb)
    if ccomp is not None:
        if ccomp.i < verb.i:
            span, rule = reported_clause_before_cue(verb), reported_clause_before_cue.rule_id
            if span is None:
                span, rule = reported_clause_split_by_cue(verb), reported_clause_split_by_cue.rule_id
            after = clause_after_apposition(verb) if span is None else None
            if after is not None:
                span, rule = reported_that_clause(verb, after), reported_that_clause.rule_id
        else:
            span, rule = reported_that_clause(verb, ccomp), reported_that_clause.rule_id
        return (*span, rule) if span is not None else None
    forms = (
        that_clause_after_adverbial,
        gerund_subject_clause,
        reported_clause_parsed_as_object,
        reported_clause_before_cue,
        *INSERTED_CLAUSE_FORMS,
        request_with_infinitive,
    )
    for form in (*forms, reported_object):
        span = form(verb)
        if span is not None:
            return (*span, form.rule_id)
    return None


@register_rule("statements.second_that_clause")
def further_that_clauses(verb: Token) -> list[tuple[int, int]]:
    """A second (third …) that-clause of the same reporting verb is a second statement of the same speaker.

    Example: Officials said the dam held and that no one was hurt.
    """
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return []
    out = []
    conjs = [c for c in clause.children if is_second_that_clause(c) and c.i > clause.i]
    for k, conj in enumerate(conjs):
        lo = conj.left_edge.i
        hi = conjs[k + 1].left_edge.i if k + 1 < len(conjs) else conj.right_edge.i + 1
        # stop before a later "and"/"but" that begins something else on the same clause
        cut = second_clause_cut(conj)
        span = trim(verb.doc, lo, min(hi, cut) if cut is not None else hi)
        if span is not None:
            out.append(span)
    return out


class _Covered:
    """Token ranges of a paragraph already reported, for "is this verb inside one?" in O(1): a mark per token."""

    def __init__(self, n_tokens: int):
        self.mask = bytearray(n_tokens)

    def add(self, lo: int, hi: int) -> None:
        self.mask[lo:hi] = b"\x01" * (hi - lo)

    def __contains__(self, i: int) -> bool:
        return bool(self.mask[i])


# --- why a reporting verb reports nothing: the drops rules, tried in this order ------------------------------------


@register_rule("statements.negated_or_passive_cue", kind="drops")
def is_negated_or_passive(verb: Token) -> bool:
    """A negated or passive reporting verb reports no statement: "did not say", "was told".

    Example: The minister did not say the talks had failed.
    """
    return any(c.dep_ in ("neg", "nsubjpass", "auxpass") for c in verb.children)


REPORTING_INFINITIVE_HEADS = frozenset({"go", "continue", "keep"}) | INFINITIVE_THAT_REPORTS


@register_rule("statements.cue_under_infinitive", kind="drops")
def is_under_infinitive(verb: Token) -> bool:
    """A reporting verb in an infinitive complement reports nothing yet: "declined to say", "hard to say"
    ("went on to say", "continued to say", "kept saying", "took to the radio to say", "used the speech to call for"
    still report: words in the data list infinitive_that_reports).

    Example: The company declined to say the plant would close.
    """
    return verb.dep_ == "xcomp" and verb.head.lemma_ not in REPORTING_INFINITIVE_HEADS


@register_rule("statements.cue_as_modifier", kind="drops")
def is_modifier(verb: Token) -> bool:
    """A reporting verb that modifies a noun: "the said agreement", "a statement saying …" (a statement is no
    speaker).

    Example: A rumour saying the pool would close spread through the town.
    """
    return verb.dep_ in ("amod", "acl", "compound")


@register_rule("statements.background_participle", kind="drops")
def is_background_participle(verb: Token) -> bool:
    """A reporting gerund after a preposition of time or concession is background (something said before, or not
    said), not a statement the article reports: "after admitting …", "despite saying …" ("by saying" still reports).

    Example: The council raised fees after admitting it faces a shortfall.
    """
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp":
        prep = verb.head
        if prep.lower_ in BACKGROUND_PREPOSITIONS:
            return True
        return prep.lower_ == "of" and prep.head.lower_ == "spite"
    if verb.dep_ == "advcl":
        return any(c.dep_ in ("mark", "prep") and c.lower_ in BACKGROUND_PREPOSITIONS for c in verb.children)
    return False


@register_rule("statements.wh_object_of_cue", kind="drops")
def has_wh_object(verb: Token) -> bool:
    """A reporting verb whose object is a wh-word before it reports no clause of its own: "what he said",
    "asked how he had voted".

    Example: Nobody knows what the senator said at the dinner.
    """
    return any(
        c.tag_ in ("WRB", "WP", "WDT") and c.dep_ != "nsubj" and c.i < verb.i and not _is_when_or_where(c)
        for c in verb.children
    )


def _is_when_or_where(wh: Token) -> bool:
    """ "when she said …", "where officials reported …": a wh-adverb of time or place sets the scene of a statement;
    it is not what was said."""
    return wh.dep_ == "advmod" and wh.lower_ in ("when", "whenever", "where")


@register_rule("statements.not_said_yet", kind="drops")
def is_not_said_yet(verb: Token) -> bool:
    """A reporting verb with a modal of the future or of possibility reports nothing said yet: "will ask", "may
    announce", "could say" ("would" is left alone: "he would later say" is past).

    Example: The mayor will ask the council to approve the new bridge.
    """
    return any(c.dep_ == "aux" and c.lower_ in NOT_YET_MODALS for c in verb.children)


NOT_YET_MODALS = {"will", "'ll", "shall", "may", "might", "could", "should", "can", "must"}


def _is_terms_of_speaking(prep: Token) -> bool:
    """ "on condition of anonymity", "on background", "on the record", "on the radio", "on behalf of …", "on
    Thursday": a preposition giving the terms, channel or day of speaking, not its topic."""
    if prep.dep_ != "prep" or prep.lower_ not in ("on", "under"):
        return False
    return any(
        c.dep_ == "pobj" and (c.lower_ in TERMS_OF_SPEAKING or c.ent_type_ in ("DATE", "TIME")) for c in prep.children
    )


@register_rule("statements.terms_of_speaking", kind="drops")
def speaks_only_on_terms(verb: Token) -> bool:
    """A verb like "spoke" whose only complement gives the terms of speaking reports nothing: "spoke on condition
    of anonymity", "spoke on the record" (the statement is elsewhere in the sentence, or not given).

    Example: The aide spoke on condition of anonymity.
    """
    if verb.lemma_ not in TOPIC_CUES or not any(_is_terms_of_speaking(c) for c in verb.children):
        return False
    return not any(
        c.i > verb.i and (c.dep_ in ("ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS))
        for c in verb.children
        if not _is_terms_of_speaking(c)
    )


REJECTIONS: tuple[tuple[Callable[[Token], bool], str], ...] = (
    (speaks_only_on_terms, "only the terms of speaking"),
    (is_negated_or_passive, "negated or passive"),
    (is_asked_participle, "the subject was asked, it did not ask"),
    (is_not_said_yet, "not said yet"),
    (is_under_infinitive, "under an infinitive"),
    (is_modifier, "modifies a noun"),
    (is_background_participle, "background after a preposition"),
)


@register_rule("statements.cue_inside_reported_clause", kind="drops")
def is_inside_reported_clause(verb: Token, taken: _Covered) -> bool:
    """A reporting verb inside a clause already reported by an outer one gives no second statement.

    Example: The mayor said the inspector told him the bridge was safe.
    """
    return verb.i in taken


@register_rule("statements.open_question", kind="drops")
def is_open_question(doc, lo: int, hi: int) -> bool:
    """A reported "whether"/"if" clause is an open question, not a statement.

    Example: The agency announced whether the dam had passed its inspection.
    """
    roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi]
    return doc[lo].lower_ in ("whether", "if") and any(doc[lo].head.i == r.i for r in roots)


@register_rule("statements.no_speaker", kind="drops")
def has_no_speaker(verb: Token, subj: Token | None, lo: int, hi: int, names: frozenset[str] = frozenset()) -> bool:
    """A reporting verb with no subject outside what it reports has no speaker; nor has a verb that needs one
    (vow, pledge, promise, threaten; "points to" an object) when its subject cannot speak ("the plan promises …").
    A surname the tagger took for a common noun can speak when the article names a person with it (`names`).

    Example: The new plan promises to cut waiting times.
    """
    if subj is None:
        return True
    own_lo, own_hi = own_clause(verb)
    if lo <= subj.i < hi and not (lo <= own_lo and own_hi <= hi and own_lo <= subj.i < own_hi):
        return True  # its subject is inside what it reports (unless the reporting clause is set into it)
    object_to = verb.lemma_ in OBJECT_TO_CUES and not any(c.dep_ == "ccomp" for c in verb.children)
    # "a bank it accused of …": in a relative clause the one accused stands outside what is reported
    speaking_pronoun = subj.lower_ in SPEAKING_PRONOUNS and verb.dep_ != "relcl"
    document = subj.lemma_.lower() in DOCUMENT_NOUNS  # "The letter accuses the board of …": its writer speaks
    return (verb.lemma_ in NEEDS_SPEAKER_SUBJECT or object_to) and not (
        is_speaker_like(subj) or speaking_pronoun or document or is_name_tagged_as_noun(subj, names)
    )


# Pronouns that stand for people or bodies as subjects of vow/accuse/praise: "we", "I", "it" (a body: "It accused the
# agency of …"), "some", "many", "others" (of a group just named).
SPEAKING_PRONOUNS = {"i", "we", "you", "it", "some", "many", "others", "both", "several", "few", "most"}


@register_rule("statements.quotation_is_the_statement", kind="drops")
def _quotation_is_the_statement_doc() -> None:
    """A reported clause is dropped for the quotation it lies in: the clause starts inside a quotation, or the
    quotation goes on with more words after the clause ends (the quotation is the statement).

    Example: The harbour master said the pier was “safe. Nobody needs to worry about it.”
    """


@register_rule("statements.partial_in_reported_clause", kind="merges")
def _partial_in_reported_clause_doc() -> None:
    """A quoted fragment inside a reported clause that is kept is part of that clause's statement.

    Example: The ministry said the envoy had been briefed on “the situation” at length.
    """


def reported_speech(
    block: ParsedBlock,
    quoted: list[bool],
    used: set[int],
    quotations: list[Quotation],
    trace: Trace = NULL_TRACE,
    text: str = "",
    names: frozenset[str] = frozenset(),
) -> list[Found]:
    """Reported speech in one paragraph: reporting verbs outside quotation marks with their complement.

    A quotation inside the complement is part of it: the complement, quotation and all, is one statement (kind
    "partial"); a complement that lies inside a quotation gives none. A verb that reports a second
    that-clause ("… and that …") gives a second statement.
    """
    doc = block.doc
    out: list[Found] = []
    taken = _Covered(len(doc))
    next_acts: dict[int, Token] = {}  # a speaker's next act cut from a reported clause -> the verb that reported it
    quotation_index = _QuotationIndex(quotations)

    def drop(verb: Token, rule: str, reason: str) -> None:
        if trace.enabled:
            sent = verb.sent
            lo, hi = block.offset + sent.start_char, block.offset + sent.end_char
            trace.drop("statements", text[lo:hi], lo, hi, rule, f"{verb.text!r}: {reason}")

    verbs = [
        t
        for t in doc
        if (is_reporting_verb(t) or is_as_put_it(t))
        and not quoted[t.i]
        and (t.i not in used or reports_clause_beside_quotation(t, quoted))
    ]
    verbs.sort(key=depth)
    for verb in verbs:
        by_document = speaker_of_document(verb)  # "a statement saying …": who speaks through it
        rejected = next((r for r in REJECTIONS if r[0](verb) and not (by_document and r[0] is is_modifier)), None)
        if rejected is not None:
            drop(verb, rejected[0].rule_id, rejected[1])
            continue
        if is_inside_reported_clause(verb, taken):
            drop(verb, is_inside_reported_clause.rule_id, "inside a clause already reported")
            continue
        if has_wh_object(verb) and not is_question_cue(verb) and what_x_said_was(verb) is None:
            drop(verb, has_wh_object.rule_id, "a wh-word is its object")
            continue
        if trace.enabled and is_as_clause_of_time(verb):  # as_cue_clause skips it; other forms may still report
            drop(verb, is_as_clause_of_time.rule_id, "an as clause of time, not of what was said")
        span = complement_span(verb)
        if span is None:
            continue
        lo, hi, rule = span
        act = speakers_next_act(verb, lo, hi, quoted)
        if act is not None and trim(doc, lo, act[0]) is not None:
            (lo, hi), next_acts[act[1].i] = trim(doc, lo, act[0]), verb  # "said A and warned B": A; B is its own
        if is_open_question(doc, lo, hi) and rule != reported_question.rule_id:
            drop(verb, is_open_question.rule_id, "an open question")
            continue
        subj = by_document if by_document is not None else subject_of(next_acts.get(verb.i, verb))
        unattached = subject_left_unattached(verb) if subj is None and lo > verb.i else None
        subj = unattached or subj
        if has_no_speaker(verb, subj, lo, hi, names):
            drop(verb, has_no_speaker.rule_id, "no subject that can speak")
            continue
        if verb.i in used:
            rule = reports_clause_beside_quotation.rule_id  # the cue of a quotation reports a clause of its own too
        elif by_document is not None:
            rule = speaker_of_document.rule_id
        elif verb.i in next_acts:
            rule = speakers_next_act.rule_id
        elif unattached is not None:
            rule = subject_left_unattached.rule_id
        elif reports_a_finding(verb):
            rule = reports_a_finding.rule_id
        elif is_speaker_act_after_clause(verb) and outer_reporting_verb(verb) is not None:
            rule = is_speaker_act_after_clause.rule_id
        elif rule == reported_that_clause.rule_id and not is_cue(verb, REPORT_CUES) and is_phrasal_cue(verb):
            rule = is_phrasal_cue.rule_id
        clauses = [(lo, hi, rule)] + [(a, b, further_that_clauses.rule_id) for a, b in further_that_clauses(verb)]
        for clause_lo, clause_hi, clause_rule in clauses:
            item = _indirect_statement(block, quotation_index, verb, subj, clause_lo, clause_hi)
            start, end = block.offset + doc[clause_lo].idx, block.offset + doc[clause_hi - 1].idx
            if item is None:
                if trace.enabled:
                    trace.propose("statements", text[start : end + len(doc[clause_hi - 1])], start, end, clause_rule)
                    trace.drop(
                        "statements",
                        text[start : end + len(doc[clause_hi - 1])],
                        start,
                        end + len(doc[clause_hi - 1]),
                        _quotation_is_the_statement_doc.rule_id,
                        "the quotation in it carries the claim",
                        proposed_by=clause_rule,
                    )
                continue
            item.rule = clause_rule
            if trace.enabled:
                trace.propose("statements", text[item.start : item.end], item.start, item.end, clause_rule)
            taken.add(clause_lo, clause_hi)
            out.append(item)
    return out


class _QuotationIndex:
    """The quotations of a paragraph (outermost, in text order, not overlapping), searchable by character range."""

    def __init__(self, quotations: list[Quotation]):
        self.quotations = quotations
        self.opens = [q.open_at for q in quotations]
        self.ends = [max(q.close_end, q.end) for q in quotations]
        self.ordered = all(a <= b for a, b in zip(self.ends, self.opens[1:], strict=False))

    def overlapping(self, start: int, end: int) -> list[Quotation]:
        """The quotations with characters in [start, end) (marks included), in text order."""
        if not self.ordered:
            return [q for q, o, e in zip(self.quotations, self.opens, self.ends, strict=True) if o < end and e > start]
        lo, hi = bisect.bisect_right(self.ends, start), bisect.bisect_left(self.opens, end)
        return self.quotations[lo:hi]

    def opening_within(self, start: int, end: int) -> list[Quotation]:
        """The quotations whose opening mark is in [start, end]."""
        lo, hi = bisect.bisect_left(self.opens, start), bisect.bisect_right(self.opens, end)
        if not self.ordered:
            return [q for q in self.quotations if start <= q.open_at <= end]
        return self.quotations[lo:hi]


def _indirect_statement(
    block: ParsedBlock, quotations: _QuotationIndex, verb: Token, subj: Token, lo: int, hi: int
) -> Found | None:
    """One reported clause (tokens `lo:hi`) of a reporting verb as a statement, or None when the clause lies inside a
    quotation (the quotation is the statement then). A clause that quotes some of the speaker's words is one
    statement of kind "partial", quotation and all: "called the offer “an insult”" -> the offer “an insult”."""
    doc = block.doc
    start_char, end_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    # quotations inside the complement
    inside = quotations.overlapping(start_char, end_char)
    if any(q.open_at < start_char - 1 for q in inside):
        return None  # the complement is part of a quotation: the quotation is the statement
    overhang = [q for q in inside if q.close_end > end_char]
    if overhang:
        # '… described him as a “brutal terrorist.”': the quotation closes after the clause's last word
        if any(block.text[end_char : q.end].strip(" .,;:!?") for q in overhang):
            return None
        end_char = max(q.close_end for q in overhang)
    quote_after = quotations.opening_within(end_char, end_char + 2)
    if quote_after and not inside and is_subject_and_copula_only(doc, lo, hi, []):
        # 'said the fire was' + “out of control”: the parse left the quoted predicate out of the clause
        inside = quote_after[:1]
        end_char = max(inside[0].close_end, inside[0].end)
    return Found(
        block.offset + start_char,
        block.offset + end_char,
        "partial" if inside else "indirect",  # the speaker's own words quoted inside the reported clause
        block=block,
        cue=verb,
        cue_text=cue_text(verb),
        subject=subj,
        subject_span=noun_phrase(subj),
        addressee=addressee_of(verb),
        anchor=block.offset + verb.idx,
    )


def is_subject_and_copula_only(doc, lo: int, hi: int, quotations: list[Quotation]) -> bool:
    """Whether the words of a reported clause outside its quotations are only a subject and auxiliaries or a
    copula: the quotation is the predicate, so it carries the claim and is the statement (a partial quote).

    'The chief said the fire was “out of control”.' -> "the fire was" is only subject + copula.
    """
    outside = [
        t
        for t in doc[lo:hi]
        if not t.is_punct and not any(q.open_at <= t.idx < max(q.close_end, q.end) for q in quotations)
    ]
    if not outside or outside[-1].pos_ != "AUX" and outside[-1].lemma_ != "be":
        return False
    subject = next((t for t in outside if t.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    subject_tokens = {t.i for t in subject.subtree}
    return all(t.i in subject_tokens or t.pos_ in ("AUX", "PART") or t.lemma_ == "be" for t in outside)


class Intervals:
    """Character ranges, asked "does any overlap [start, end)?" in O(log n): sorted starts, running maximum of ends."""

    def __init__(self, ranges: list[tuple[int, int]]):
        ranges = sorted(ranges)
        self.starts = [a for a, _ in ranges]
        self.max_end: list[int] = []
        best = -1
        for _, b in ranges:
            best = max(best, b)
            self.max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # ranges that start before `end`
        return k > 0 and self.max_end[k - 1] > start


@register_rule("statements.according_to")
def according_to(
    block: ParsedBlock, quoted: list[bool], covered: Intervals, trace: Trace = NULL_TRACE, text: str = ""
) -> list[Found]:
    """ "…, according to X.": the rest of the sentence is what X says.

    Skipped where the sentence already holds a statement ("… ,” Gallant said, according to his office.").
    Example: Talks on the new port will resume next week, according to the ministry.
    """
    doc = block.doc
    out = []
    for tok in doc:
        if tok.lower_ != "according" or quoted[tok.i] or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        sent = tok.sent
        s_start, s_end = block.offset + sent.start_char, block.offset + sent.end_char
        if covered.overlaps(s_start, s_end):
            if trace.enabled:
                trace.drop(
                    "statements",
                    text[s_start:s_end],
                    s_start,
                    s_end,
                    sentence_already_attributed.rule_id,
                    "the sentence already holds a statement",
                    proposed_by=according_to.rule_id,
                )
            continue
        phrase_lo, phrase_hi = tok.i, obj.right_edge.i + 1
        before = trim(doc, sent.start, phrase_lo)
        after = trim(doc, phrase_hi, sent.end)
        sides = [s for s in (before, after) if s is not None]
        if not sides:
            continue
        # the side that holds the sentence's main verb: "Prices rose, according to X, and wages fell" -> the first
        with_root = [s for s in sides if s[0] <= sent.root.i < s[1]]
        lo, hi = with_root[0] if with_root else max(sides, key=lambda s: s[1] - s[0])
        start, end = block.offset + doc[lo].idx, block.offset + doc[hi - 1].idx + len(doc[hi - 1].text)
        if any(quoted[i] for i in range(lo, hi)):
            if trace.enabled:
                trace.drop(
                    "statements",
                    text[start:end],
                    start,
                    end,
                    _quotation_is_the_statement_doc.rule_id,
                    "the clause holds a quotation",
                    proposed_by=according_to.rule_id,
                )
            continue
        if trace.enabled:
            trace.propose("statements", text[start:end], start, end, according_to.rule_id)
        out.append(
            Found(
                start,
                end,
                "indirect",
                block=block,
                cue_text="according to",
                subject=obj,
                subject_span=noun_phrase(obj),
                anchor=block.offset + tok.idx,
                rule=according_to.rule_id,
            )
        )
    return out


@register_rule("statements.sentence_already_attributed", kind="drops")
def sentence_already_attributed() -> None:
    """ "according to X" gives no statement where its sentence already holds one.

    Example: “Talks will resume,” the minister said, according to his office.
    """
