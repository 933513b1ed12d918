"""Statements reported by nouns: "issued a statement saying …", "the mayor's warning that …", "claims that …".

Owns the rules `statements.document_saying` (who speaks through a statement, letter or post), `statements.
speech_noun_clause` and `statements.speech_noun_object`.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import words
from tidynews.extract.statements.syntax import Found, is_speaker_like, is_to_infinitive, statement_of_tokens, trim
from tidynews.nlp import ParsedBlock

DOCUMENT_NOUNS = words("statement_nouns", "document")  # statement, letter, post, tweet, memo, release …
SPEECH_NOUNS = words("statement_nouns", "speech_act")  # claim, warning, promise, allegation …
NOUNS_WITH_OBJECT = words("statement_words", "speech_noun_with_object")  # criticism, call, attack, pledge …
NOUNS_WITH_TOPIC = words("statement_words", "speech_noun_with_topic")  # remarks, questions, allegations …
TOPIC_PREPOSITIONS = {"of", "about", "on", "for", "against", "over"}
NOUNS_MADE = words("statement_words", "speech_noun_made")  # statement, remarks, questions, speech, allegations …
SPEECH_MAKING_VERBS = words("statement_words", "speech_making_verb")  # make, give, issue, raise, voice …
AGENT_PREPOSITIONS = {"by", "from"}  # "criticism of the toll by the union": who made it, not what it said
OBJECT_PREPOSITIONS = {"of", "for", "on", "against", "about"}


@register_rule("statements.document_saying")
def speaker_of_document(verb: Token) -> Token | None:
    """Who speaks through a statement, letter or post that "says" something: "The ministry issued a statement
    saying …" -> the ministry (the subject of the verb the document is the object of, or its owner); people
    "saying" something speak for themselves ("voters saying they want …").

    Example: The ministry issued a statement saying the old bridge would reopen in May.
    """
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN"):
        return None
    noun = verb.head
    if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.lower_ in DOCUMENT_NOUNS:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if noun.dep_ in ("dobj", "pobj"):
            governor = noun.head if noun.dep_ == "dobj" else noun.head.head
            subj = next((c for c in governor.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
        return noun
    return noun if verb.tag_ == "VBG" and is_speaker_like(noun) and noun.pos_ in ("NOUN", "PROPN") else None


@register_rule("statements.speech_noun_clause")
def speech_noun_clauses(block: ParsedBlock, quoted: list[bool]) -> list[Found]:
    """A noun of speech with its that-clause: "the mayor's warning that the pier would collapse", "claims that the
    ferry was unsafe"; the speaker is the owner ("the mayor's") or the agent ("by the union"), else unknown.

    Example: The mayor's warning that the old pier would collapse was ignored.
    """
    doc = block.doc
    out = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or quoted[noun.i]:
            continue
        if not (lemma in SPEECH_NOUNS or noun.lower_ in SPEECH_NOUNS or lemma in NOUNS_WITH_OBJECT):
            item = speech_noun_made(block, noun, quoted)  # "made remarks about …": a noun said only when made
            if item is not None:
                out.append(item)
            continue
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.i > noun.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                and not any(t.dep_ == "nsubj" and t.lower_ == "that" for t in c.children)
            ),
            None,
        )
        if clause is None:
            item = speech_noun_object(block, noun, quoted)
            if item is None:
                item = speech_noun_made(block, noun, quoted)
            if item is None:
                item = speech_noun_topic(block, noun, quoted)
            if item is not None:
                out.append(item)
            continue
        span = trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
        if span is None or any(quoted[i] for i in range(*span)):
            continue
        speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
        if speaker is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        lo, hi = span
        out.append(statement_of_tokens(block, (lo, hi), noun, speaker, speech_noun_clauses.rule_id))
    return out


def _owner(noun: Token) -> Token | None:
    """The possessor of a noun when it can speak: "her", "the mayor's", "Lopez's" (not "the plan's")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.tag_ == "PRP$":
        return owner if owner.lower_ in ("his", "her", "their", "its", "our", "my") else None
    return owner if is_speaker_like(owner) else None


@register_rule("statements.speech_noun_object")
def speech_noun_object(block: ParsedBlock, noun: Token, quoted: list[bool]) -> Found | None:
    """A noun of speech with its owner and what it is about: "her criticism of the toll", "the mayor's call for a
    recount", "his pledge to cut fares" -> the object of the preposition or the infinitive; the owner is the speaker
    (word list speech_noun_with_object; without an owner who can speak, nothing: "the call for help").

    Example: The mayor's criticism of the new toll was sharp.
    """
    if noun.lemma_.lower() not in NOUNS_WITH_OBJECT or noun.tag_ not in ("NN", "NNS"):
        return None
    owner = _owner(noun)
    if owner is None:
        return None
    doc = block.doc
    comp = next(
        (
            c
            for c in noun.children
            if c.i > noun.i
            and (
                (c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS and any(g.dep_ == "pobj" for g in c.children))
                or (c.dep_ in ("acl", "relcl") and is_to_infinitive(c))
            )
        ),
        None,
    )
    if comp is None or any(doc[i].dep_ == "prep" for i in range(noun.i + 1, comp.left_edge.i)):
        return None
    if comp.dep_ == "prep":
        pobj = next(g for g in comp.children if g.dep_ == "pobj")
        lo, hi = pobj.left_edge.i, pobj.right_edge.i + 1
    else:
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    if hi <= lo or any(quoted[i] for i in range(lo, hi)):
        return None
    return statement_of_tokens(block, (lo, hi), noun, owner, speech_noun_object.rule_id)


def _object_of(noun: Token, prepositions: set[str], infinitive: bool = True) -> tuple[int, int] | None:
    """The token range of what a noun of speech is about: the object of its first preposition right after it
    ("remarks about the toll") or of "to" before an infinitive ("a call to reopen the pier"; not when `infinitive` is
    False: "gave a speech to defend himself" is why, not what); not a day or time ("a speech on Monday")."""
    comp = next(
        (
            c
            for c in noun.children
            if c.i > noun.i
            and (
                (c.dep_ == "prep" and c.lower_ in prepositions and any(g.dep_ in ("pobj", "pcomp") for g in c.children))
                or (infinitive and c.dep_ in ("acl", "relcl") and is_to_infinitive(c))
            )
        ),
        None,
    )
    if comp is not None and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in comp.children):
        return None
    doc = noun.doc
    if comp is None or any(doc[i].dep_ == "prep" for i in range(noun.i + 1, comp.left_edge.i)):
        return None
    if comp.dep_ == "prep":
        pobj = next(g for g in comp.children if g.dep_ in ("pobj", "pcomp"))
        lo, hi = pobj.left_edge.i, pobj.right_edge.i + 1
    else:
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    for more in noun.rights:  # "accusations of favouritism | toward its clients": the parser hangs it on the noun
        if more.i == hi and more.dep_ == "prep" and more.lower_ not in AGENT_PREPOSITIONS:
            hi = more.right_edge.i + 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return (lo, hi) if hi > lo else None


@register_rule("statements.speech_noun_topic")
def speech_noun_topic(block: ParsedBlock, noun: Token, quoted: list[bool]) -> Found | None:
    """A noun of speech and what it is about, with no owner who speaks before it: "accusations of bias", "criticism of
    the toll", "praise for the crews" -> the object of the preposition; the speaker is the one who made them ("voiced
    criticism of", "by the union") or, when the sentence does not say, unknown (word list speech_noun_with_topic:
    nouns that news use for words said; not "attacks on", "calls for", "claims of", which are as often deeds,
    phone calls or lawsuits).

    Example: The council faced sharp criticism of its plan to close the old library.
    """
    lemma = noun.lemma_.lower()
    if noun.tag_ not in ("NN", "NNS") or not (lemma in NOUNS_WITH_TOPIC or noun.lower_ in NOUNS_WITH_TOPIC):
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "its remarks on …" of something that cannot speak, left to speech_noun_object
    span = _object_of(noun, TOPIC_PREPOSITIONS)
    if span is None or any(quoted[i] for i in range(*span)):
        return None
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPOSITIONS), None)
    speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return statement_of_tokens(block, span, noun, speaker, speech_noun_topic.rule_id)


@register_rule("statements.speech_noun_made")
def speech_noun_made(block: ParsedBlock, noun: Token, quoted: list[bool]) -> Found | None:
    """A noun of speech that someone makes, gives or raises, and what it is about: "made several statements on the
    toll", "raised questions about the contract", "gave a speech on housing" -> the object of the preposition; the
    speaker is the subject of that verb, and without one nothing (word lists speech_noun_made and speech_making_verb;
    "raised questions" is said, "faced questions" is not).

    Example: The senator made several angry remarks about the new ferry timetable.
    """
    lemma = noun.lemma_.lower()
    verb = noun.head
    if (
        noun.tag_ not in ("NN", "NNS")
        or noun.dep_ != "dobj"
        or not (lemma in NOUNS_MADE or noun.lower_ in NOUNS_MADE)
        or verb.lemma_.lower() not in SPEECH_MAKING_VERBS
        or any(c.dep_ == "neg" for c in verb.children)
    ):
        return None
    span = _object_of(
        noun, TOPIC_PREPOSITIONS, infinitive=lemma in NOUNS_WITH_OBJECT
    )  # "a call to act", not "a speech to …"
    if span is None:  # "made comments | about the toll": the parser hangs the preposition on the verb
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == noun.right_edge.i + 1), None)
        if prep is not None and prep.lower_ in TOPIC_PREPOSITIONS:
            span = _object_of(verb, {prep.lower_}, infinitive=False)
    if span is None or any(quoted[i] for i in range(*span)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return None  # "attacked him for raising questions about …": the maker is not the verb's to name
    return statement_of_tokens(block, span, noun, subject, speech_noun_made.rule_id)
