"""When the event read for a figure does not hold: the `drops` rules of a figure's event, one named predicate each.

`event_of` (figure_events.py) reads what happened to what a figure counts. These rules reject that reading, keeping
the figure: the sentence denies the event ("three passengers were not hurt"), the number counts shots rather than
people ("shot four times"), or what is counted cannot be a casualty (money, a measure, "three homes were hit").
`event_rejected_by` tries them in order and returns the first that rejects; `figures_of_block` then empties the
event and records the rejection in the trace (the figure itself stays, as "kept").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from tidynews.extract.figure_events import span_root
from tidynews.extract.figure_lexicon import (
    ATTEMPT_WORDS,
    CASUALTY_EVENTS,
    DEATH_WORDS,
    NOT_VICTIMS,
    OTHER_INCIDENT_CUES,
    SEVERAL_INCIDENTS_CUES,
    load_events,
)
from tidynews.extract.figure_numbers import Candidate
from tidynews.extract.rules import register_rule

NEGATIONS = ("not", "n't", "never")


def _event_words(verb: Token) -> set[str]:
    """The words of a verb that can carry an event: its lemma and form, and a state adjective after it."""
    words = {verb.lemma_.lower(), verb.lower_}
    words |= {c.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")}
    return words


def _carries(verb: Token, event: str) -> bool:
    """Whether the event lexicon gives `event` to this verb (or the state adjective after it)."""
    events = load_events()
    return any(label == event and word in _event_words(verb) for (word, _), label in events.items())


def _is_negated(verb: Token, event: str) -> bool:
    """Whether the verb is denied. A death denied with a place or time ("did not die in custody", "did not die at
    the scene") says where or when it did not happen, not that nobody died: news writes it of people who died later.
    """
    if not any(c.dep_ == "neg" and c.lower_ in NEGATIONS for c in verb.children):
        return False
    return not (event in DEATH_WORDS and any(c.dep_ == "prep" for c in verb.children))


@register_rule("figures.negated_event", kind="drops")
def is_negated_event(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:
    """An event the sentence denies: "three passengers were not hurt", "two children who weren't injured".

    Only the verb that carries the event counts ("three injured men did not go to hospital" keeps injured); "five
    did not die in custody" keeps died (they died elsewhere).
    Example: Three other passengers were not hurt in the crash.
    """
    if not event:
        return False
    anchor = counted if counted is not None else span_root(doc, cand)
    modifiers = [c for c in anchor.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX", "ADJ")]
    if any(_is_negated(m, event) and _carries(m, event) for m in modifiers):
        return True  # "two children who were not injured"
    verb = _event_verb(anchor)
    return verb is not None and _is_negated(verb, event) and _carries(verb, event)


def _event_verb(anchor: Token) -> Token | None:
    """The first verb above a counted noun (through auxiliaries): "were shot" for "two men were shot"."""
    t = anchor
    for _ in range(5):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.head if t.dep_ in ("aux", "auxpass") and t.head.pos_ == "VERB" else t
    return None


@register_rule("figures.attempted_event", kind="drops")
def is_attempted_event(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:
    """A casualty only tried, planned or threatened: "tried to kill two neighbours", "an attempt to shoot three
    officers", "threatened to kill both".

    What someone tried to do to people did not (or not yet) happen to them: the figure stays, without the event.
    The verbs and nouns of trying are data (`attempt_word` in figure_words.csv).
    Example: The man tried to kill two neighbours with a shotgun.
    """
    if event not in CASUALTY_EVENTS:
        return False
    verb = _event_verb(counted if counted is not None else span_root(doc, cand))
    while verb is not None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "tried to rob and kill": the attempt governs both
    return (
        verb is not None
        and verb.dep_ in ("xcomp", "acl")
        and verb.head.lemma_.lower() in ATTEMPT_WORDS
        and any(_carries(verb, label) for label in CASUALTY_EVENTS)
    )


@register_rule("figures.shots_not_victims", kind="drops")
def is_count_of_shots(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:  # noqa: ARG001
    """A casualty event on "N times": "shot four times" counts the shots that hit one person, not people hurt.

    Example: The teenager was shot three times in the leg.
    """
    return event in CASUALTY_EVENTS and cand.unit == "times"


@register_rule("figures.casualty_of_a_thing", kind="drops")
def is_casualty_of_a_thing(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:  # noqa: ARG001
    """A casualty event on money, a measure or a thing: "two parked cars were shot", "deputies executed three warrants".

    Only people (and animals) are killed, wounded or shot in the sense of a casualty count; the things that a
    shooting hits are listed in `figure_words.csv` (list `not_a_victim`).
    Example: Two parked cars were shot during the robbery.
    """
    if event not in CASUALTY_EVENTS:
        return False
    if cand.unit and cand.unit != "times":
        return True  # money or a measure: "$1,000", "20 miles"
    return counted is not None and counted.lemma_.lower() in NOT_VICTIMS


CLAUSE_BREAKS = (",", ";", ":", "—", "–", "(", ")", '"', "“", "”")


def _cue_in_clause(doc: Doc, cand: Candidate, cues: set[str]) -> bool:
    """Whether one of the cue phrases is in the figure's clause: in its sentence with no comma, dash or bracket
    between, or opening the sentence ("In the past year, three people were shot")."""
    sentence = doc[cand.first].sent
    words = [t.lower_ for t in sentence]
    for cue in cues:
        parts = cue.split()
        for k in range(len(words) - len(parts) + 1):
            if words[k : k + len(parts)] != parts:
                continue
            first, last = sentence.start + k, sentence.start + k + len(parts) - 1
            between = doc[last + 1 : cand.first] if last < cand.first else doc[cand.last + 1 : first]
            if k <= 1 or not any(t.text in CLAUSE_BREAKS for t in between):
                return True
    return False


@register_rule("figures.several_incidents", kind="drops")
def is_sum_of_incidents(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:  # noqa: ARG001
    """A casualty count summed over several incidents or a period: "four men were wounded in separate shootings",
    "12 people were shot over the weekend", "the 40 people killed so far this year".

    A round-up or a running total is not the count of one incident; the figure stays, without the casualty event.
    A single victim is one incident, whatever the cue ("left a resident wounded over the weekend").
    The cues are data (`several_incidents_cue` in figure_words.csv); they must be in the figure's clause.
    Example: Four men were wounded in separate shootings on Saturday.
    """
    if cand.value < 2:
        return False  # "a robbery left a resident wounded over the weekend": one victim is one incident
    return event in CASUALTY_EVENTS and _cue_in_clause(doc, cand, SEVERAL_INCIDENTS_CUES)


@register_rule("figures.other_incident", kind="drops")
def is_other_incident(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> bool:  # noqa: ARG001
    """A casualty count of another incident than the one reported: "four others were hurt in a separate
    shooting", "three people were hurt in another shooting".

    The figure stays, without the casualty event. Cues: `other_incident_cue` in figure_words.csv.
    Example: Four other people were hurt in a separate shooting across town on Sunday.
    """
    return event in CASUALTY_EVENTS and _cue_in_clause(doc, cand, OTHER_INCIDENT_CUES)


# The order matters: the first rule that rejects the event names why.
EVENT_DROP_RULES: tuple[Callable[[Doc, Candidate, Token | None, str], bool], ...] = (
    is_count_of_shots,
    is_casualty_of_a_thing,
    is_negated_event,
    is_attempted_event,
    is_other_incident,
    is_sum_of_incidents,
)


def event_rejected_by(doc: Doc, cand: Candidate, counted: Token | None, event: str) -> str:
    """The id of the first rule that rejects the event read for a figure, or "" when the event holds."""
    for rule in EVENT_DROP_RULES:
        if rule(doc, cand, counted, event):
            return rule.rule_id  # type: ignore[attr-defined]
    return ""
