"""Reporting clauses set into the clause they report: "The budget, the mayor said, will cut waiting times." and
"As the harbour master noted, the ferries are often late." (the content is the main clause around or beside them).

Owns the rules `statements.reported_clause_around_cue`, `statements.reported_subject_hung_on_cue`,
`statements.reported_clause_continued_after_cue`,
`statements.reported_clause_resumed_after_cue`,
`statements.relative_clause_cue`, `statements.as_cue_clause` (with its drop `statements.as_clause_of_time`) and
`statements.reported_clause_split_by_cue`; `reported.complement_span` tries them after the clausal complement forms.
Each returns the token range of the reported clause, or None.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import SUBJECT_DEPS
from tidynews.extract.statements.syntax import is_speaker_like, subject_before_inserted_clause, trim

PARENTHESIS_MARKS = {",", "—", "–", "--"}
# any subject a clause may have, an expletive "there"/"it" included
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"csubjpass", "expl"}


def own_clause(verb: Token) -> tuple[int, int]:
    """The token range of the reporting clause itself ("the mayor said"), without the marks that set it off."""
    doc = verb.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    while lo < verb.i and doc[lo].text in PARENTHESIS_MARKS:
        lo += 1
    while hi - 1 > verb.i and (doc[hi - 1].text in PARENTHESIS_MARKS or doc[hi - 1].text in (".", "!", "?")):
        hi -= 1
    return lo, hi


def _set_off(verb: Token) -> bool:
    """Whether the reporting clause of `verb` is set off by commas or dashes on both sides."""
    doc = verb.doc
    lo, hi = own_clause(verb)
    return lo > 0 and hi < len(doc) and doc[lo - 1].text in PARENTHESIS_MARKS and doc[hi].text in PARENTHESIS_MARKS


@register_rule("statements.reported_clause_around_cue")
def reported_clause_around_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech around a reporting clause set off by commas inside it: "The budget, the mayor said, will cut
    waiting times." -> the whole clause (the inserted "the mayor said" lies inside the span).

    Example: The new budget, the mayor said, will cut waiting times at the clinic.
    """
    head = verb.head
    if head.dep_ in ("aux", "auxpass") and head.head.i > head.i:
        head = head.head  # "Even then, he said, he's learned …" with "said" hung on the auxiliary "'s"
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "mark") for c in verb.children):
        return None
    if not _set_off(verb) or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if head.left_edge.i >= own_clause(verb)[0] - 1:
        return None  # nothing of the reported clause before the inserted one: "But, he said, …" is read elsewhere
    return trim(verb.doc, head.left_edge.i, head.right_edge.i + 1)


@register_rule("statements.reported_clause_continued_after_cue")
def reported_clause_continued_after_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech around a reporting clause set off by commas, where the parser hung the reporting clause on the
    part after it and made that part a clause of its own: "She hoped, he said, that the vote would pass." ("that …"
    a complement of "hoped") or "It is a loan, they say, that will be repaid." (the relative clause taken for a
    conjunct) -> the whole clause (the inserted reporting clause lies inside the span).

    Example: The mayor hoped, he said, that the council would back away from the plan now.
    """
    head = verb.head
    if verb.dep_ != "parataxis" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "mark", "dobj") for c in verb.children) or not _set_off(verb):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    lo = own_clause(verb)[0]
    outer = head.head
    if head.left_edge.i < lo - 1 or outer.i >= lo - 1 or outer.pos_ not in ("VERB", "AUX"):
        return None
    if head.dep_ == "ccomp":
        if any(c.dep_ == "mark" and c.lower_ != "that" for c in head.children):
            return None  # "…, she said, whether …": a question of its own
    elif head.dep_ == "conj":
        subject = next((c for c in head.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
        if subject is None or subject.tag_ not in ("WDT", "WP") or any(c.dep_ == "cc" for c in head.children):
            return None  # "The vote was close, she said, and the count goes on": two clauses, not one
    else:
        return None
    return trim(verb.doc, outer.left_edge.i, outer.right_edge.i + 1)


@register_rule("statements.reported_subject_hung_on_cue")
def reported_subject_hung_on_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech around a reporting clause set off by commas, whose subject the parser hung on the reporting
    verb as a second subject: "Riders, the mayor suggested, do not want a second toll." parsed with "Riders" and
    "the mayor" both subjects of "suggested" -> the whole clause (the inserted "the mayor suggested" lies inside).

    Only when the reported clause after the reporting clause has no subject of its own (the first subject is
    then its subject) and the two subjects are apart by exactly one comma or dash.
    Example: Members, the treasurer suggested, don’t have to pay for the new hall themselves.
    """
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    reported_subject = subject_before_inserted_clause(verb)
    if reported_subject is None or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in head.children):
        return None
    if any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_ not in ADDRESSEE_OBJECT_VERBS:
        return None  # "One army, a group of exiles called Ginbot 7, was …": a naming verb, no reporting clause
    doc = verb.doc
    hi = own_clause(verb)[1]
    if hi >= len(doc) or doc[hi].text not in PARENTHESIS_MARKS or head.right_edge.i <= hi:
        return None
    return trim(doc, min(reported_subject.left_edge.i, head.left_edge.i), head.right_edge.i + 1)


@register_rule("statements.reported_clause_resumed_after_cue")
def reported_clause_resumed_after_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech that goes on after a reporting clause set into it after its main verb: "The ferry is safe,
    she said, but only in summer." -> the whole sentence (the inserted "she said" lies inside the span).

    The reporting clause is parsed as a parenthesis of the clause before it; what follows its closing comma is
    more of the reported clause, unless it is a participle of the speaker's own ("…, she said, adding that …").
    Example: The ferry is safe, the harbour master said, but only in the summer months.
    """
    head = verb.head
    if verb.dep_ != "parataxis" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "mark", "dobj") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    doc = verb.doc
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text not in PARENTHESIS_MARKS:
        return None
    close = verb.i + 1
    while close < len(doc) and doc[close].dep_ in ("advmod", "npadvmod") and doc[close].head.i == verb.i:
        close += 1  # "she said later,"
    if close >= len(doc) - 1 or doc[close].text not in PARENTHESIS_MARKS:
        return None
    rest = [t for t in doc[close + 1 : verb.sent.end] if not t.is_punct]
    if len(rest) < 2 or any(t.head.i == verb.i and t.tag_ == "VBG" for t in rest):
        return None  # "…, she said, adding that …": a second statement, not more of the first
    if head.left_edge.i >= subj.left_edge.i - 1:
        return None
    return trim(doc, head.left_edge.i, rest[-1].i + 1)


FRONTED_DEPS = {"prep", "advcl", "npadvmod", "advmod", "mark"}
# What may follow the reporting verb inside its commas: when and where it was said, and to whom.
CLOSING_DEPS = ("advmod", "npadvmod", "prep", "dobj")


@register_rule("statements.reported_clause_split_by_cue")
def reported_clause_split_by_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech split by a reporting clause set off by commas, with a part of it on each side that the parser
    hung on the reporting verb: "There is a risk, the farmers said, that the quota will hurt the harbour." (a clause
    before and a that-clause after) or "After the storm, the harbour master said, most boats stayed in port." (an
    opening adverbial parsed as the verb's own) -> the whole clause (the inserted reporting clause lies inside).

    Example: There is a real risk, the farmers said, that the new quota will empty the harbour.
    """
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text not in PARENTHESIS_MARKS:
        return None
    after = verb.i + 1
    while after < len(doc) and doc[after].head.i == verb.i and doc[after].dep_ in CLOSING_DEPS:
        if doc[after].dep_ == "dobj" and verb.lemma_ not in ADDRESSEE_OBJECT_VERBS:
            break  # "she told reporters," is still an inserted clause; "he denied the claim," is not
        after = doc[after].right_edge.i + 1  # "she said later,", "he observed this week,", "she wrote in a post,"
    if after >= len(doc) - 1 or doc[after].text not in PARENTHESIS_MARKS:
        return None
    before = [c for c in verb.children if c.i < subj.left_edge.i - 1 and not c.is_punct]
    if not before:
        return None
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(ccomps) == 2 and ccomps[0] in before and ccomps[1].i > after:
        # "There is a risk, X said, that …": the same clause on both sides of the reporting clause
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in ccomps[1].children):
            return None
        return trim(doc, ccomps[0].left_edge.i, ccomps[1].right_edge.i + 1)
    if ccomps or any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and c.i > after) for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.i <= after or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ not in FRONTED_DEPS for c in before) or any(c.lower_ in ("as", "if", "when") for c in before):
        return None  # only an opening adverbial ("At times last year,") before the speaker; not "As X said"
    if not any(c.dep_ in CLAUSE_SUBJECT_DEPS and c.i > after for c in head.children):
        return None  # the clause after the reporting clause has its own subject ("replacing him would be …" too)
    return trim(doc, head.left_edge.i, head.right_edge.i + 1)


@register_rule("statements.relative_clause_cue")
def relative_clause_cue(verb: Token) -> tuple[int, int] | None:
    """Reported speech inside a relative clause whose relative word is the subject of what was said: "The strike,
    which union leaders said could last weeks, …" -> "which union leaders said could last weeks" (the reporting
    clause lies inside the span; the speaker is the subject of the verb, not the relative word).

    Example: The strike, which union leaders said could last weeks, began on Monday.
    """
    if verb.dep_ != "relcl" or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2 or subjects[0].tag_ not in ("WDT", "WP") or subjects[1].tag_ in ("WDT", "WP"):
        return None
    hi = verb.right_edge.i + 1
    if hi - verb.i < 3:
        return None  # "which leaders said": nothing after the verb
    return trim(verb.doc, subjects[0].i, hi)


@register_rule("statements.as_cue_clause")
def as_cue_clause(verb: Token) -> tuple[int, int] | None:
    """Reported speech beside an "as X said" clause: "As the harbour master noted, the ferries are often late." or
    "…, as he told reporters." -> the main clause; also "as X put it".

    Also a passive participle with its source: "As reported by the harbour master, …" (`source_of_as_participle`).
    Example: As the harbour master noted, the ferries are often late in winter.
    """
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or is_as_clause_of_time(verb):
        return None
    head = verb.head
    if verb.dep_ == "relcl" and head.dep_ in ("nsubj", "nsubjpass") and _set_off(verb):
        head = head.head  # "The pier, as one skipper put it, is …": parsed as a relative clause of the subject
    elif verb.dep_ != "advcl":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children) and source_of_as_participle(verb) is None:
        return None
    doc = verb.doc
    lo, hi = own_clause(verb)
    if verb.i < head.i and head.left_edge.i < lo - 1 and _set_off(verb):
        return trim(doc, head.left_edge.i, head.right_edge.i + 1)  # "The ferries, as one skipper put it, are …"
    if verb.i < head.i:
        return trim(doc, hi, head.right_edge.i + 1)
    return trim(doc, head.left_edge.i, lo)


def source_of_as_participle(verb: Token) -> Token | None:
    """The source of an opening passive "as" participle with no subject: "As reported by the Post, …" -> Post; "As
    stated in the council's report, …" -> report (a document speaks for its author)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.head.i < verb.i:
        return None  # only an opening one: "…, carrying out a mission as declared by X" modifies a phrase
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "in")), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


# Verbs of talking that in an "as" clause tell when, not what: "as he spoke", "as she talked to donors".
TALKING_VERBS = frozenset({"speak", "talk", "discuss", "thank", "chat"})
# Verbs whose object is the one spoken to, not what was said: "as he told reporters" still reports.
ADDRESSEE_OBJECT_VERBS = frozenset({"tell", "remind", "assure", "warn", "inform", "advise"})


@register_rule("statements.as_clause_of_time", kind="drops")
def is_as_clause_of_time(verb: Token) -> bool:
    """An "as" clause whose verb has its own object or topic tells when something happened, not what was said: "as
    the mayor spoke", "as she urged voters to stay home", "as he called for calm", "as she argued with rivals" ("as X
    noted", "as X put it", "as X told reporters", "as X pointed out with a chart" still report the clause beside them).

    Example: As the governor urged residents to stay indoors, the river kept rising.
    """
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    if verb.lemma_ in TALKING_VERBS:
        return True
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ not in ("it", "so") and verb.lemma_ not in ADDRESSEE_OBJECT_VERBS:
            return True
        if c.dep_ in ("prep", "prt") and (
            c.lower_ in ("about", "for", "against") or (c.lower_ == "on" and verb.lemma_ == "call")
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "with" and not _with_a_means(c):
            return True  # "as she argued with reporters": a meeting; "as he pointed out with a chart" still reports
    return False


def _with_a_means(prep: Token) -> bool:
    """Whether "with" takes a thing the speaker used ("with a chart", "with a photograph beside it"), not people met or
    argued with ("with reporters", "with her rivals", "with him")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and not is_speaker_like(o) for o in objects)


def is_as_put_it(verb: Token) -> bool:
    """ "as X put it": "put" with the object "it" in an as-clause reports like a reporting verb."""
    return (
        verb.lemma_ == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


# The order in which `reported.complement_span` tries these rules (after the clausal complement forms).
INSERTED_CLAUSE_FORMS = (
    as_cue_clause,
    reported_subject_hung_on_cue,
    reported_clause_around_cue,
    reported_clause_continued_after_cue,
    reported_clause_resumed_after_cue,
    reported_clause_split_by_cue,
    relative_clause_cue,
)
