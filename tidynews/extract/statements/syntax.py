"""Syntax of attribution: what the dependency parse says about a reporting verb, shared by the statements passes.

Owns: `Found` (a statement before its speaker is resolved), whether a token is a reporting verb (`is_cue`), its
subject (`subject_of`), the speaker's noun phrase (`noun_phrase`), the addressee, the cue's words, what the verb
reports (`complement_span`, second that-clauses, `outer_reporting_verb`) and trimming a clause to its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import (
    OBJECT_CUES,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    QUESTION_CUES,
    QUOTE_CUES,
    REPORT_CUES,
    RESEARCH_CUES,
    RESEARCH_NOUNS,
    SPEAKER_NOUNS,
    SUBJECT_DEPS,
)
from tidynews.nlp import ParsedBlock


@dataclass
class Found:
    """A statement found in the text, with what is known of its speaker before resolution."""

    start: int  # article offsets of the quote
    end: int
    kind: str
    block: ParsedBlock | None = None
    cue: Token | None = None
    cue_text: str = ""
    subject: Token | None = None  # head of the speaker's noun phrase
    subject_span: tuple[int, int] | None = None  # token range [i, j) of the speaker in the block
    addressee: str = ""
    from_context: bool = False  # the speaker is the one of the statement before
    anchor: int = 0  # article offset where the attribution is (for pronoun resolution)
    paragraph: int = 0  # index of the paragraph the statement starts in
    rule: str = ""  # id of the rule that found it (tidynews.extract.rules)
    zone: str = "body"
    # a quoted fragment widened to the words around it: the article offsets of the quotation itself
    quotation: tuple[int, int] | None = None
    joined: bool = False  # it took in a coordinated quotation before it (statements.coordinated_quotations)


def is_cue(token: Token, cues: set[str]) -> bool:
    """A reporting verb: "said", "told", "warned"… (a verb, by its lemma)."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues


def has_clause_subject(clause: Token) -> bool:
    """Whether a clause's verb has a subject of its own, "it"/"there" included: a clause, not a fragment."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def name_of_owner(owner: Token) -> tuple[int, int]:
    """The token range of a possessor's noun phrase without its possessive ending ("Ana Ruiz's" -> "Ana Ruiz")."""
    lo, hi = noun_phrase(owner)
    if hi - lo > 1 and owner.doc[hi - 1].dep_ == "case":
        hi -= 1
    return lo, hi


def statement_of_tokens(
    block: ParsedBlock, span: tuple[int, int], cue: Token, speaker: Token | None, rule: str
) -> Found:
    """The statement of the tokens `span` of the block, reported by `cue` (a verb, a speech noun, "reportedly"),
    by `speaker` (its noun phrase without a possessive 's; None: unknown)."""
    doc = block.doc
    lo, hi = span
    return Found(
        block.offset + doc[lo].idx,
        block.offset + doc[hi - 1].idx + len(doc[hi - 1].text),
        "indirect",
        block=block,
        cue_text=cue.text,
        subject=speaker,
        subject_span=name_of_owner(speaker) if speaker is not None else None,
        anchor=block.offset + cue.idx,
        rule=rule,
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, following conjunctions and participles up to the verb that has one.

    Example: "The court opened the door by saying checks were lax." -> saying -> court.
    """
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and before is not None and before.dep_ in ("dobj", "pobj"):
        if before.pos_ in ("NOUN", "PROPN") and is_speaker_like(before):
            return before  # "footage of the senator asking …", "heard the mayor saying …": the one seen speaking
    outer = outer_reporting_verb(verb) or closing_participle_host(verb)
    if outer is not None:
        verb = outer  # "Ms Novak said the talks went well and added that …": added -> said -> Ms Novak
    if verb.tag_ == "VBN" and verb.dep_ == "advcl":
        from tidynews.extract.statements.inserted import source_of_as_participle  # inserted.py imports this module

        source = source_of_as_participle(verb)
        if source is not None:
            return source  # "As reported by the Post, …": the agent of the passive participle
    node = verb
    for _ in range(8):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        subj = subjects[0] if subjects else None
        if len(subjects) == 2 and subjects[0].tag_ in ("WP", "WDT") and node.dep_ == "relcl":
            subj = subjects[1]  # "which union leaders said could …": the leaders speak
        if is_inverted_after_clause(node, subjects):
            subj = subjects[1]  # "The plan … appeals to voters, said Ana Ruiz": the clause's subject hung on said
        if node.i == verb.i and subject_before_inserted_clause(node) is not None:
            subj = subjects[1]  # "Riders, the mayor suggested, do …": the reported clause's subject hung on suggested
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head  # "Smith, who said …" -> Smith
            return subject_after_clause(subj)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            # "footage of the senator asking, “…”": the person the participle describes speaks; "a rumour saying" no one
            return node.head if node.i == verb.i and node.tag_ == "VBG" and is_speaker_like(node.head) else None
        # "was quick to point out": from the adjective to the verb it complements
        walk = ("conj", "advcl", "pcomp", "prep", "xcomp") + (("pobj", "dobj", "acomp") if node.i != verb.i else ())
        if node.dep_ not in walk or node.head.i == node.i:
            break
        node = node.head
    if verb.dep_ in ("ROOT", "ccomp", "parataxis"):
        # "said Okafor": an inverted subject parsed as an object
        after = [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("dobj", "npadvmod", "attr", "appos")
            and c.ent_type_ not in ("DATE", "TIME")  # "said Thursday morning": when, not who
        ]
        if after and after[0].pos_ in ("PROPN", "NOUN"):
            return after[0]
        inverted = inverted_subject_of_next_clause(verb)
        if inverted is not None:
            return inverted
        # "The 52-year-old added …": a subject parsed as a modifier of the verb
        before = [
            c for c in verb.children if c.i < verb.i and c.dep_ not in ("aux", "advmod", "punct", "cc", "neg", "det")
        ]
        if before and all(c.dep_ in ("amod", "npadvmod", "dep", "nmod", "compound") for c in before):
            if before[-1].pos_ in ("NOUN", "PROPN", "ADJ") and before[-1].i == verb.i - 1:
                return before[-1]
    return None


FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}


@register_rule("statements.subject_left_unattached")
def subject_left_unattached(verb: Token) -> Token | None:
    """The subject of a finite reporting verb that the parser attached elsewhere (to an opening phrase, an apposition
    or the clause before): the noun phrase right before the verb, past adverbs ("also", "later") and one apposition
    between commas, when it can speak (a name, a speaker noun, a people or body pronoun); None otherwise.

    Example: Senator Early said the new ferry would sail in June.
    """
    if verb.tag_ not in FINITE_VERB_TAGS or verb.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp", "pcomp"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ == "ADV" or doc[i].is_space):
        i -= 1  # "… also said", "… later said"
    apposition = i > 0 and doc[i].text == ","
    if apposition:
        opening = next((j for j in range(i - 1, max(-1, i - 12), -1) if doc[j].text in (",", "(", "—", "–")), None)
        if opening is None or doc[opening].text != ",":
            return None
        i = opening - 1  # "Lena Marsh, 44, said": the name before the apposition
    if i < 0:
        return None
    head = doc[i]
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME") or not is_speaker_like(head):
        return None
    if apposition and head.ent_type_ == "GPE":
        return None  # "Ben Ode, a Dover, Del., pastor, said": a place inside the apposition, not the speaker
    return head


def closing_participle_host(verb: Token) -> Token | None:
    """The reporting verb whose reported clause a participle of speaking closes after a comma (", calling …",
    ", noting …"): the participle is that speaker's next act, so it has that verb's subject; or None.

    Example: "Ms Vidal said the fare was fair, calling the old one a scandal." -> calling -> said -> Ms Vidal.
    """
    if not is_participle_after_comma(verb) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    node = verb.head
    for _ in range(6):
        if node.right_edge.i != verb.right_edge.i or node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.i < node.i and is_cue(node.head, QUOTE_CUES | REPORT_CUES):
            return node.head
        node = node.head
    return None


def inverted_subject_of_next_clause(verb: Token) -> Token | None:
    """The speaker right after an inverted reporting verb that the parser took as the subject of the clause after a
    comma: "“…,” said Dana Whitlow, half joking." (Whitlow as subject of "joking").

    Example: "It is over," said Marek Nowak, smiling at the crowd.
    """
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.i == 0 or not any(t.is_quote or t.text == "," for t in doc[verb.i - 2 : verb.i]):
        return None
    first = doc[verb.i + 1]
    if first.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    head = first
    while head.dep_ in ("compound", "amod", "det", "nmod") and head.head.i > head.i and head.head.i - first.i <= 6:
        head = head.head
    clause = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("PROPN", "NOUN") or clause.i <= head.i:
        return None
    comma = next((t.i for t in doc[head.i + 1 : clause.i] if t.text == ","), None)
    if (
        clause.head.i != verb.i
        or comma is None
        or any(t.head.i != head.i and t.head.head.i != head.i for t in doc[head.i + 1 : comma])
    ):
        return None  # the name (with its apposition) ends at a comma before the clause
    return head


def is_inverted_after_clause(verb: Token, subjects: list[Token]) -> bool:
    """Whether a verb with two subjects is an inverted reporting clause after the reported clause ("…, said Ana
    Ruiz"): the parser hung the reported clause's subject on the verb as well."""
    return (
        len(subjects) == 2
        and subjects[0].i < verb.i < subjects[1].i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and subjects[1].i - verb.i <= 4
    )


def subject_before_inserted_clause(verb: Token) -> Token | None:
    """The subject of the reported clause when the parser hung it on an inserted reporting verb as a first subject
    ("Riders, the mayor suggested, do …": Riders and mayor both subjects of suggested), else None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return None
    first, speaker = subjects
    doc = verb.doc
    mark = first.right_edge.i + 1
    if first.left_edge.i != verb.left_edge.i or mark + 1 != speaker.left_edge.i:
        return None
    return first if doc[mark].text in (",", "—", "–", "--") else None


def subject_after_clause(subj: Token) -> Token:
    """Repair "After the mayor left Tarnow, a group of traders agreed …", where the parser takes the object of the
    opening clause (Tarnow) as the subject and the real subject as its apposition."""
    doc = subj.doc
    if subj.i > 0 and doc[subj.i - 1].pos_ == "VERB" and doc[subj.i - 1].dep_ == "advcl":
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
        if appos is not None and doc[appos.left_edge.i - 1].text == ",":
            return appos
    return subj


def noun_phrase(head: Token) -> tuple[int, int]:
    """The token range of the noun phrase headed by `head`, without appositions and relative clauses.

    Example: "Helen Marsh, policy director of Fairwatch, said" -> "Helen Marsh".
    """
    drop = {"appos", "relcl", "acl", "punct", "advmod", "cc"}
    keep = [head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.left_edge.i > 0 and head.doc[child.left_edge.i - 1].text not in ",(—–":
            keep.extend(t.i for t in child.subtree)  # "US envoy Amos Hochstein": a name, not a parenthesis
            continue
        if child.dep_ in drop and not (child.dep_ == "cc" and any(c.dep_ == "conj" for c in head.children)):
            continue
        if child.dep_ == "conj":
            keep.extend(t.i for t in child.subtree if t.dep_ not in ("appos", "relcl"))
        else:
            keep.extend(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep) + 1
    # the kept tokens must be contiguous with the head: stop at a comma or dash between them
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].text in {",", "(", "—", "–", ";"} or (doc[i].is_quote and doc[i].dep_ != "case"):
            lo = i + 1
            break
    for i in range(head.i + 1, hi):
        if doc[i].text in {",", "(", "—", "–", ";", ")"} or (doc[i].is_quote and doc[i].dep_ != "case"):
            if not any(c.dep_ == "conj" and c.i > i for c in head.children):
                hi = i
                break
    if lo > 0 and doc[lo - 1].dep_ == "det" and doc[lo - 1].head.i == head.head.i and head.head.i > head.i:
        lo -= 1  # "The 52-year-old added": the article was attached to the verb
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].lower_ in ("but", "and") or doc[lo].pos_ == "ADV"):
        lo += 1
    if head.ent_type_ == "PERSON" and lo > 0 and doc[lo - 1].pos_ == "ADP" and doc[lo].lower_ in ("the", "a", "an"):
        # "After the verdict Helen Marsh said": the object of the preposition was parsed into the name
        name_start = head.i
        while name_start > lo and doc[name_start - 1].ent_type_ == "PERSON":
            name_start -= 1
        lo = name_start
    return lo, hi


def addressee_of(verb: Token) -> str:
    """Whom a statement is addressed to: the object of "tell", or "to X" after another reporting verb.

    Example: "Gallant told US envoy Hochstein that …" -> "US envoy Hochstein".
    """
    for child in verb.children:
        if child.i < verb.i:
            continue
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            lo, hi = noun_phrase(child)
            return verb.doc[lo:hi].text
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and verb.lemma_ != "tell":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                lo, hi = noun_phrase(obj)
                return verb.doc[lo:hi].text
    return ""


def cue_text(verb: Token) -> str:
    """The reporting verb with its particle or preposition: "said", "called on", "pointed out"."""
    words = [verb.text]
    for child in verb.children:
        if child.i == verb.i + 1 and (child.tag_ == "RP" or (verb.lemma_ == "call" and child.lower_ in ("on", "for"))):
            words.append(child.text)
    return " ".join(words)


@register_rule("statements.research_finding")
def reports_a_finding(verb: Token) -> bool:
    """A finding reported by research or a named source: "found"/"showed" whose subject is research (a study,
    report, survey, analysis, poll, review, researchers, scientists, data) or a named person or body; the
    complement is read as for any reporting verb ("Police found a body in the river" is no statement).

    Example: A survey by the council found that most tenants paid more.
    """
    if not is_cue(verb, RESEARCH_CUES) or verb.tag_ == "VBG":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in RESEARCH_NOUNS or subj.lower_ in RESEARCH_NOUNS:
        return True
    return subj.ent_type_ in ("PERSON", "ORG") and subj.pos_ == "PROPN"


def is_speaker_like(head: Token) -> bool:
    """Whether a subject can be a speaker: a name, a pronoun for people or bodies, or a speaker noun; or a noun
    named by an apposition that is one ("The town's longest-serving councillor, Arne Holt, …")."""
    return _names_a_speaker(head) or any(c.dep_ == "appos" and _names_a_speaker(c) for c in head.children)


def person_name_words(docs: Iterable[Doc]) -> frozenset[str]:
    """The words of the article's person names (tokens of a PERSON entity): "Ada Grimes" gives Ada and Grimes."""
    return frozenset(t.text for doc in docs for t in doc if t.ent_type_ == "PERSON" and t.is_alpha)


def is_name_tagged_as_noun(head: Token, names: frozenset[str]) -> bool:
    """Whether a subject is a name the tagger took for a common noun: a capitalised bare noun ("Grimes", "Mills")
    with no determiner, possessor or modifier that the article uses in a person's name elsewhere, in a sentence whose
    verb is written in lower case (so not a headline in title case)."""
    if head.pos_ != "NOUN" or head.text not in names or not head.head.text[:1].islower():
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in head.children)


def _names_a_speaker(head: Token) -> bool:
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if head.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL:
        return True
    return head.pos_ == "PROPN" or head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS


def depth(token: Token) -> int:
    """How many heads lie between a token and the root of its sentence."""
    d = 0
    while token.head.i != token.i and d < 50:
        token = token.head
        d += 1
    return d


def outer_reporting_verb(verb: Token) -> Token | None:
    """The reporting verb whose speaker a subjectless reporting verb shares when the parser has hung it on the
    reported clause instead of on the first reporting verb ("and added that …", ", adding that …"), or None.

    Example: "Ms Vidal said sales had risen and added that prices would fall." -> added hangs on "risen", the
    complement of said: its speaker is the subject of said.
    """
    act_after_clause = is_speaker_act_after_clause(verb)
    if not (act_after_clause or is_cue(verb, QUOTE_CUES | REPORT_CUES)) or any(
        c.dep_ in SUBJECT_DEPS for c in verb.children
    ):
        return None
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.doc[verb.left_edge.i - 1].text == ","
    if verb.dep_ != "conj" and not participle:
        return None
    if not reports_its_own_clause(verb) and not act_after_clause:
        return None  # "said A and denied any role": an object, not a second reported clause; one statement
    clause = verb.head
    if is_cue(clause, QUOTE_CUES | REPORT_CUES):
        return None  # "said Jones denied it and insisted …": insisted is Jones's
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "said A and that B, adding that C": from B to A
    if clause.dep_ != "ccomp" or clause.i > verb.i or is_cue(clause, QUOTE_CUES | REPORT_CUES):
        return None
    outer = clause.head
    if act_after_clause and outer.tag_ != verb.tag_:
        return None  # "says the plan would fail and called …": not the tense of the reporting verb either
    return outer if is_cue(outer, QUOTE_CUES | REPORT_CUES) and outer.i < clause.i else None


@register_rule("statements.speaker_act_after_reported_clause")
def is_speaker_act_after_clause(verb: Token) -> bool:
    """A reporting verb joined by "and" to a reported clause under a modal or another auxiliary, or in the tense of
    the reporting verb rather than the clause's, in a finite tense the clause cannot share: the speaker's own next act
    ("called the plan …", "said she earns … and asked how …"), a statement of its own, not part of what was reported.

    Example: Senator Omar Bell said the fuel tax would hurt farmers, and called the plan a gift to oil firms.
    """
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    if not is_cue(verb, QUOTE_CUES | REPORT_CUES | OBJECT_CUES | QUESTION_CUES):
        return False
    clause = verb.head
    if clause.i > verb.i:
        return False
    # "would hurt …, and called": a past tense cannot hang on "would"; "would hurt … and call" (bare) still could
    if any(c.tag_ == "MD" and c.i < clause.i for c in clause.children):
        return True
    return cannot_share_clause_tense(verb, clause)


def cannot_share_clause_tense(verb: Token, clause: Token) -> bool:
    """Whether a finite verb joined by "and" to a reported clause cannot continue that clause: the clause has an
    auxiliary a finite verb cannot share ("had been inspected and vowed …", "was undergoing … and vowed …"), or the
    verb is in the tense of the reporting verb, not of the clause ("said she earns … and asked …").

    Example: "The chief said the bridge had been inspected and vowed to reopen it." -> vowed is the chief's act.
    """
    # not "do": "said it did not know of the strike but described …" reads as one report
    if any(
        c.dep_ in ("aux", "auxpass") and c.i < clause.i and c.tag_ != "TO" and c.lemma_ != "do" for c in clause.children
    ):
        return True
    outer = clause.head if clause.dep_ == "ccomp" else None
    return (
        outer is not None
        and outer.i < clause.i
        and clause.tag_ in ("VBD", "VBZ", "VBP")
        and (clause.tag_ != verb.tag_ and outer.tag_ == verb.tag_)
    )


def reports_its_own_clause(verb: Token) -> bool:
    """Whether a reporting verb reports a clause or a quotation of its own ("warned that …", "added: “…”"),
    rather than a noun object ("denied any role", "described him as …").

    Example: "The firm said it was sorry and stressed that no data was lost." -> stressed: yes.
    """
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True
    doc = verb.doc
    nxt = verb.i + 1
    while nxt < len(doc) and (doc[nxt].tag_ == "RP" or doc[nxt].dep_ == "advmod"):
        nxt += 1
    return nxt < len(doc) and doc[nxt].text in (":", ",") and nxt + 1 < len(doc) and doc[nxt + 1].is_quote


def is_second_that_clause(conj: Token) -> bool:
    """Whether a clause conjoined to a reported clause is a second one under the same verb ("… and that …").

    Example: "The agency said fares would rise and that services would be cut." -> "services would be cut".
    """
    return conj.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" and c.i < conj.i for c in conj.children)


def second_clause_cut(clause: Token) -> int | None:
    """The token index where a reported clause stops because a second statement starts inside its parse: the
    "and"/"but" before a second that-clause, or before a reporting verb of the same speaker.

    Example: "The mayor said the road was safe and that repairs would start." -> the clause ends before "and".
    """
    for conj in clause.children:
        if conj.dep_ not in ("conj", "advcl") or conj.i < clause.i:
            continue
        if is_second_that_clause(conj) or outer_reporting_verb(conj) is not None:
            # a quotation mark is no link: 'said the fire was “out of control” and that …' keeps its quote
            links = [
                c.i for c in clause.children if c.dep_ in ("cc", "punct") and not c.is_quote and clause.i < c.i < conj.i
            ]
            return min([conj.left_edge.i] + links)
    return None


CONTRAST_MARKS = {"while", "whereas"}


def other_speaker_cut(clause: Token) -> int | None:
    """The token index where a reported clause stops before ", while/whereas …", ", compared with …" or a closing noun
    phrase (", double the number who …") that holds another speaker's reporting verb: that is the writer's contrast
    with a second statement, not the first speaker's words (the second reporting verb then gives its own statement),
    or None.

    Example: "Most said the fare was fair, while 22 percent said it was too high." -> "the fare was fair".
    """
    doc = clause.doc
    for child in clause.children:
        lo = child.left_edge.i
        if child.i < clause.i or lo == 0 or doc[lo - 1].text != ",":
            continue
        first = doc[lo]
        contrast = child.dep_ in ("advcl", "conj") and first.lower_ in CONTRAST_MARKS and first.dep_ == "mark"
        compared = first.lower_ == "compared" and first.i == child.i
        # "said A, double the number who said B": a closing phrase of the writer's that holds another statement
        closing = child.right_edge.i == clause.right_edge.i and child.dep_ in ("appos", "npadvmod", "dobj", "attr")
        if not (contrast or compared or closing):
            continue
        if any(_is_other_speakers_verb(t) for t in child.subtree):
            return lo - 1
    return None


def _is_other_speakers_verb(token: Token) -> bool:
    """A reporting verb of REPORT_CUES with a subject of its own (a noun, a number or a relative "who")."""
    return is_cue(token, REPORT_CUES) and any(c.dep_ == "nsubj" for c in token.children)


DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?\s*[-—–]+\s*")


def _is_edge_punct(token: Token) -> bool:
    """Punctuation that may be cut from the ends of a clause: not a quotation mark, a per cent sign or a bracket."""
    return token.is_space or (token.is_punct and not token.is_quote and token.text not in {"%", ")", "]"})


def is_to_infinitive(verb: Token) -> bool:
    """Whether a verb has its own infinitive "to" ("to resign" in "called for the council to resign")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_participle_after_comma(token: Token) -> bool:
    """Whether a token is a participle that opens a phrase of its own right after a comma (", calling …",
    ", noting …"), hung on the clause before as an adverbial clause, a conjunct or a complement."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "conj", "xcomp")
        and token.left_edge.i == token.i
        and token.i > 0
        and token.doc[token.i - 1].text == ","
    )


# a word of letters as a quotation's words are counted ("Meet", "the", "Press"; not numbers or marks)
LETTER_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def letter_words(text: str) -> list[str]:
    """The words of a text that start with a letter, as a quotation's words are counted for titles and names."""
    return LETTER_WORD.findall(text)


def is_capitalised_name(words: list[str]) -> bool:
    """A few words (one to six), every one capitalised: a name or a title ("Green Corridor"), not a sentence."""
    return 0 < len(words) <= 6 and all(w[0].isupper() for w in words)


def trim(doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop punctuation, a leading "that", a dangling "but"/"and" and a dateline ("WASHINGTON (Reuters) - ")."""
    if lo == 0:
        dateline = DATELINE.match(doc[0 : min(len(doc), 16)].text)
        if dateline:
            while lo < hi and doc[lo].idx < dateline.end():
                lo += 1
    while lo < hi and (_is_edge_punct(doc[lo]) or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
        lo += 1
    while hi > lo and _is_edge_punct(doc[hi - 1]):
        hi -= 1
    while hi > lo and doc[hi - 1].is_quote and not any(t.is_quote for t in doc[lo : hi - 1]):
        hi -= 1  # a stray closing mark
    while hi > lo and (_is_edge_punct(doc[hi - 1]) or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return (lo, hi) if hi - lo >= 2 else None
