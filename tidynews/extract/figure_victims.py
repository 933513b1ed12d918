"""Groups of victims named before: the `figures.the_victims` finder and what it needs.

News names a group of victims once, with a number ("he fired at two teenagers") or as people joined by "and" ("a
woman and a man"), and calls them "the victims" after that; what happened to them is often told only then ("The
victims were treated for gunshot wounds"). `read_the_victims` gives "the victims" the size of the last such group
within three sentences before, in its paragraph or at the end of the paragraphs before (`HarmedGroup` carries it
from one body line to the next).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from tidynews.extract.figure_lexicon import (
    ATTACK_WORDS,
    CASUALTY_EVENTS,
    PERPETRATOR_WORDS,
    PERSON_SINGULARS,
    load_events,
)
from tidynews.extract.rules import register_rule

if TYPE_CHECKING:
    from tidynews.extract.figure_numbers import Candidate


PATIENT_PREPOSITIONS = ("of", "on", "at")  # "the murder of two men", "fired on two women", "shot at three boys"


def _is_person_plural(noun: Token) -> bool:
    """A plural noun for people who can be victims: "men", "victims", "people" (not "suspects", "gunmen")."""
    lemma = noun.lemma_.lower()
    if noun.tag_ != "NNS" or lemma in PERPETRATOR_WORDS:
        return False
    return lemma in PERSON_SINGULARS or noun.lower_ in ("people", "victims")


def _is_harmed(noun: Token) -> bool:
    """Whether harm is done (or tried) to the noun: the object or passive subject of a casualty or attack verb ("shot
    two men", "two men were wounded", "tried to gun down two people"), "the murder of ...", "fired on ...". Not the
    subject of an active verb, nor people arrested or charged ("five teens were arrested")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        word = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in PATIENT_PREPOSITIONS:
        word = noun.head.head  # "the murder of two men", "fired on a woman and a man"
    else:
        return False
    lemma = word.lemma_.lower()
    if lemma in ATTACK_WORDS:
        return True
    events = load_events()
    return any(label in CASUALTY_EVENTS for (w, _), label in events.items() if w in (lemma, word.lower_))


@dataclass
class HarmedGroup:
    """The last group of harmed people named in the paragraphs read so far, for "the victims" in the next paragraph:
    its size (0: none) and how many sentences came after the one that named it."""

    size: int = 0
    sentences_since: int = 0


LOOKBACK_SENTENCES = 3  # "the victims" points back at most this many sentences


@register_rule("figures.coordinated_victims")
def coordinated_people(doc: Doc) -> list[tuple[int, int, int, int]]:
    """People joined by "and", the first with "a"/"an": "a man and a woman were killed" counts two, when they were
    hurt or killed.

    News often counts victims by naming each ("a man and his son were shot", "a woman, her sister and a
    neighbour"); the article counts them all. The figure's text is the whole phrase, its value the number of people,
    what it counts "people"; like the single victim, it is kept only with a casualty event
    (`figures.article_without_event`). Not "a man or a woman". Returns (first token, last token, count, first
    noun) for each group.
    Example: A man and a woman were killed when gunmen opened fire on their car.
    """
    groups: list[tuple[int, int, int, int]] = []
    for t in doc:
        head = t.head
        if t.lower_ not in ("a", "an") or t.dep_ != "det" or head.i <= t.i or head.dep_ in ("conj", "appos"):
            continue
        if groups and groups[-1][0] <= t.i <= groups[-1][1]:
            continue  # inside a list already read: "a teacher, a pupil and a driver"
        people = [head] + [c for c in head.conjuncts if c.i > head.i]
        if len(people) == 1:
            # the small model parses the middle of "a teacher, a pupil and a driver" as an apposition
            listed = [c for c in head.children if c.dep_ == "appos" and _is_indefinite_person(c) and c.conjuncts]
            people += [listed[0], *listed[0].conjuncts] if listed else []
        if len(people) == 1 and head.i + 1 < len(doc) and doc[head.i + 1].text == ",":
            # "a teacher, a pupil and a driver were killed": the first two parsed as two subjects of the verb
            siblings = [c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i]
            people += [p for s in siblings[:1] if _is_indefinite_person(s) and s.conjuncts for p in (s, *s.conjuncts)]
        if len(people) < 2 or not all(p.tag_ == "NN" and p.lemma_.lower() in PERSON_SINGULARS for p in people):
            continue
        if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for p in people for c in p.children):
            continue  # "a man or a woman": one person
        groups.append((t.i, max(p.i for p in people), len(people), head.i))
    return groups


def _is_indefinite_person(noun: Token) -> bool:
    """A singular noun for a person with "a"/"an": "a pupil"."""
    has_article = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    return has_article and noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_SINGULARS


def _last_group(doc: Doc, start: int, end: int, found: list[Candidate]) -> tuple[int, int]:
    """The last group of harmed people named in tokens [start, end): (its first token, its size), or (-1, 0).

    A group is a number counting people harm was done to ("tried to kill two men") or indefinite people joined by
    "and" ("fired on a woman and a man")."""
    best_at, best_size = -1, 0
    for cand in found:
        noun = doc[cand.last].head if doc[cand.last].dep_ == "nummod" else None
        if cand.kind not in ("digits", "words") or not start <= cand.first < end or cand.unit or noun is None:
            continue
        if cand.value >= 2 and cand.value == int(cand.value) and _is_person_plural(noun) and _is_harmed(noun):
            best_at, best_size = cand.first, int(cand.value)
    for first, last, size, noun in coordinated_people(doc):
        if start <= first and last < end and _is_harmed(doc[noun]) and first > best_at:
            best_at, best_size = first, size
    return best_at, best_size


def _group_before(doc: Doc, i: int, found: list[Candidate], before: HarmedGroup) -> int:
    """The size of the last group of harmed people before token `i`, within the three sentences before (in this
    paragraph, or at the end of the paragraphs before: `before`). 0 when there is none."""
    earliest, back = doc[i].sent.start, 0
    while back < LOOKBACK_SENTENCES and earliest > 0:
        earliest, back = doc[earliest - 1].sent.start, back + 1
    _, size = _last_group(doc, earliest, i, found)
    if size or earliest > 0:
        return size
    sentences_here = sum(1 for s in doc.sents if s.start < doc[i].sent.start)  # sentences before i's, in this line
    return before.size if before.sentences_since + sentences_here < LOOKBACK_SENTENCES else 0


def remember_last_group(doc: Doc, found: list[Candidate], memory: HarmedGroup) -> None:
    """Carry the last harmed group of a paragraph to the next (or count the sentences since the one before)."""
    at, size = _last_group(doc, 0, len(doc), found)
    sentences = list(doc.sents)
    if size:
        memory.size = size
        memory.sentences_since = sum(1 for s in sentences if s.start > doc[at].sent.start)
    else:
        memory.sentences_since += len(sentences)


@register_rule("figures.the_victims")
def read_the_victims(
    doc: Doc, i: int, found: list[Candidate], before: HarmedGroup | None = None
) -> tuple[int, int] | None:
    """ "the victims" (or "the men", "the women"...) with no number, after a count of the people it points back to:
    that count. "He fired on a woman and a man. The victims were treated for gunshot wounds." -> 2 wounded.

    News names the group once, with a number or as people joined by "and", then calls them "the victims"; what
    happened to them is often told only then. The group must be the ones something was done to (an object, "the
    murder of two men", "fired on ..."), within the three sentences before, not the doers ("Two men robbed a shop.
    The victims ..." finds nothing). Kept, like "the victim", only with a casualty event
    (`figures.definite_without_casualty`). Returns the token of the noun and the count, or None.
    Example: Police said he fired at two teenagers outside a shop. The victims were treated for gunshot wounds.
    """
    t = doc[i]
    if t.lower_ != "the" or t.dep_ != "det" or t.head.i != i + 1:
        return None
    noun = t.head
    if not _is_person_plural(noun) or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    if any(c.dep_ in ("nummod", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
        return None  # "the victims' families", "the victims of the fire"
    size = _group_before(doc, i, found, before or HarmedGroup())
    return (noun.i, size) if size else None
