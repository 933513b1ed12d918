"""What a figure counts and what happened to it: the `counts` and `event` columns of the figures table.

Owns reading the counted noun from the dependency parse ("80,000 residents", "thousands of farmers", "the death toll
rose to 84") and the event from the verbs and nouns listed in `figure_events.csv` ("killing 5 people" -> killed).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidynews.extract.figure_lexicon import (
    CARE_VERBS,
    DEATH_WORDS,
    EXPERIENCE_VERBS,
    FATAL_ADJECTIVES,
    FATAL_ADVERBS,
    GUNFIRE_WORDS,
    HOSPITAL_CONDITIONS,
    HOSPITAL_WORDS,
    MONTHS,
    OUTCOME_EVENTS,
    TIME_UNITS,
    TOTAL_NOUNS,
    TRANSPORT_VERBS,
    load_events,
)
from tidynews.extract.figure_numbers import Candidate

# --- what is counted, and what happened ----------------------------------------------------------


def span_root(doc: Doc, cand: Candidate) -> Token:
    """The token of the figure that attaches it to the rest of the sentence (its head lies outside the figure).

    Examples: in "$50m grant" the root is "m" or "50", whose head "grant" is outside.
    """
    inside = range(cand.first, cand.last + 1)
    outside = [t for t in doc[cand.first : cand.last + 1] if t.head.i not in inside or t.head.i == t.i]
    nouny = [t for t in outside if t.head.pos_ in ("NOUN", "PROPN") and t.head.i not in inside]
    return (nouny or outside or [doc[cand.last]])[0]


def noun_with_compounds(token: Token, figure_tokens: range = range(0)) -> str:
    """A noun with the word noun compounded right before it: "deals" in "trade deals" -> "trade deals"."""
    parts = [
        c
        for c in token.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == token.i - 1 and c.is_alpha and c.i not in figure_tokens
    ]
    return " ".join([p.text for p in parts] + [token.text])


def of_object(token: Token) -> Token | None:
    """The noun of "X of Y" hanging on token: "thousands of farmers" -> farmers; "five of the soldiers" -> soldiers."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.lower_ not in MONTHS:
                return pobj
    return None


def counted_noun(doc: Doc, cand: Candidate) -> Token | None:
    """The noun the figure counts, read from the parse.

    Examples: "more than 80,000 residents of the north" -> residents (head of nummod);
    "thousands of farmers" -> farmers ("X of Y"); "$40 million of contracts" -> contracts; "a 20% rise" -> rise.
    """
    inside = set(range(cand.first, cand.last + 1))
    for t in doc[cand.first : cand.last + 1]:
        obj = of_object(t)
        if obj is not None and obj.i not in inside:
            return obj
    root = span_root(doc, cand)
    head = root.head
    if head.i in inside or head.i == root.i:
        return None
    if head.lower_ in TIME_UNITS and any(
        c.lower_ in ("last", "this", "next", "previous", "every", "each", "per") for c in head.children if c.i > root.i
    ):
        return total_counted(head)  # a misparse: "rose to 4,300 last year" does not count years
    if (
        root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "nounmod", "npadvmod", "appos", "dep")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i > root.i
        and head.lower_ not in MONTHS
    ):
        obj = of_object(head) if head.lower_ in ("%", "percent", "cent", "times") else None
        return obj or head
    if head.pos_ in ("NOUN",) and head.i > root.i and head.lower_ in ("times",):
        return None
    # "more than 80,000 of them": the number heads an "of" phrase ("0.7 of a percentage point" is its own unit)
    obj = of_object(root)
    return (obj if obj is not None and obj.i not in inside else None) or total_counted(root)


def total_counted(root: Token) -> Token | None:
    """What a total counts when the figure is its value: "the number of migrants rose to 1,200" -> migrants,
    "bringing the death toll to 84" -> toll (shown with its compound: "death toll"), "the toll stood at 30".
    """
    t = root
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "at"):
        t = t.head
    if t.dep_ not in ("prep", "attr", "dobj", "npadvmod") or t.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = t.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "dobj") and child.lower_ in TOTAL_NOUNS and child.i != root.i:
            # a bare "total" says nothing; "the death toll" does
            return of_object(child) or (child if child.lower_ == "toll" else None)
    return None


def _verb_event(verb: Token, role: str) -> str:
    """The event of a verb in the lexicon for the counted noun's role ("object" or "subject"), or ""."""
    events = load_events()
    lemma = verb.lemma_.lower()
    allowed = {
        "object": ("object", "any"),
        "subject": ("subject", "any"),
        "passive": ("object", "any", "passive"),
    }
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj"]  # "shot and killed himself"
    if role == "subject" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for v in verbs for c in v.children):
        role = "passive"  # "a man shot and killed himself": the subject is also the victim
    for r in allowed[role]:
        if (lemma, r) in events:
            return _outcome(verb, events[(lemma, r)])
    if (verb.lower_, "adjective") in events and role in ("passive", "subject"):
        return _outcome(verb, events[(verb.lower_, "adjective")])  # "injured passengers", "the wounded soldiers"
    if role == "subject" and lemma in EXPERIENCE_VERBS:
        return _experienced(verb)
    return ""


REFLEXIVES = ("himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself")


def _outcome(verb: Token, event: str) -> str:
    """What a verb of means ("shot", "stabbed", "wounded") did, when its clause says: the outcome, else `event`.

    Examples: "shot and killed", "shot dead", "shot to death", "fatally shot", "mortally wounded" -> killed;
    "shot and wounded" -> wounded; "were shot" -> shot (`event_of` decides whether that is wounded).
    """
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in FATAL_ADVERBS:
            return "killed"
        if child.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp") and child.lower_ == "dead":
            return "killed"  # "shot dead"
        if child.dep_ == "prep" and child.lower_ == "to" and any(c.lower_ == "death" for c in child.children):
            return "killed"  # "shot to death", "beaten to death"
    if event in OUTCOME_EVENTS:
        return event
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "ADJ") and not _has_subject(child):
            then = _verb_event(child, "passive")
            if then in OUTCOME_EVENTS:
                return then  # "shot and killed", "shot and wounded"
    return event


def _has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own: "one of them died" in "four were shot and one of them died"
    does; "killed" in "were shot and killed" does not."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _experienced(verb: Token) -> str:
    """The event of a subject who suffers a listed noun: "suffered injuries" -> injured, "sustained gunshot wounds"
    -> wounded, "suffering from a gunshot wound" -> wounded, "suffered fatal injuries" -> killed."""
    events = load_events()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children]  # "from"
    for child in objects:
        if child.dep_ in ("dobj", "pobj") and (child.lemma_.lower(), "noun") in events:
            if any(c.lower_ in FATAL_ADJECTIVES for c in child.children if c.dep_ == "amod"):
                return "killed"
            return events[(child.lemma_.lower(), "noun")]
    return ""


def _state_event(verb: Token, noun: Token | None = None) -> str:
    """The event of a verb + a state adjective: "12 people are missing", "five were dead", "two hikers were found
    dead", "the blast left 12 people injured" (the adjective right after the counted noun)."""
    events = load_events()
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp") and (child.lower_, "adjective") in events:
            if child.dep_ == "attr" and verb.lemma_ not in ("be", "remain", "become"):
                continue
            return events[(child.lower_, "adjective")]
    after = noun.doc[noun.i + 1] if noun is not None and noun.i + 1 < len(noun.doc) else None
    if after is not None and after.dep_ in ("acl", "amod", "oprd", "xcomp", "ccomp") and verb.lemma_ != "be":
        return events.get((after.lower_, "adjective"), "")
    return ""


def _is_passive(verb: Token) -> bool:
    """Whether a verb is passive or a past participle on a noun: "were killed", "men detained at a checkpoint"."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )


def event_of(doc: Doc, cand: Candidate, counted: Token | None, death_in_article: bool = True) -> str:
    """What the sentence says happened to what the figure counts, from the event lexicon; "" when nothing.

    Being shot is a gunshot wound: a count of people shot is `wounded` unless its sentence says the shots killed
    ("shot and killed", "fatally shot" -> killed) or that some of them died ("five were shot, two fatally": five
    stay `shot`, two are `killed`).
    "the shooting of three men" stays `shot` (news writes it of deaths too) unless the article says nobody died
    (`death_in_article` False: no death word in its body).
    Examples: "three people were shot on Saturday" -> wounded; "five were shot, two fatally" -> shot and killed.
    """
    root = span_root(doc, cand)
    if any(c.dep_ == "advmod" and c.lower_ in FATAL_ADVERBS for c in root.children):
        return "killed"  # "two fatally", "one of them fatally"
    event = _event_of(doc, cand, counted)
    counts_events = counted is not None and (counted.lemma_.lower(), "noun") in load_events()  # "one shooting"
    shooting_of = _of_a_noun(counted or root) and death_in_article  # "the shooting of three men"
    if event == "shot" and not counts_events and not _death_in_sentence(doc, cand) and not shooting_of:
        return "wounded"
    if not event and not _death_in_sentence(doc, cand):
        event = _care_event(counted if counted is not None else root)
    if event in ("", "taken") and _taken_to_hospital(counted if counted is not None else root):
        # "two men were taken to a hospital"; not "... where they were pronounced dead"
        return "" if _death_in_sentence(doc, cand) else "hospitalised"
    if not event and counted is not None:
        return load_events().get((counted.lemma_.lower(), "state_noun"), "")  # "two bodies were found" -> dead
    return event


def _care_event(anchor: Token) -> str:
    """The event of a person hit by gunfire or in a hospital's care: "two people were struck by gunfire" -> wounded,
    "three were treated for gunshot wounds" -> wounded, "two men are in critical condition" -> injured."""
    t = anchor
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    verb = t.head
    if t.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return ""
    events = load_events()
    lemma = verb.lemma_.lower()
    for prep in verb.children:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "agent" and lemma in ("strike", "hit", "graze"):
            if any(o.lower_ in GUNFIRE_WORDS for o in objects):
                return "wounded"  # "struck by gunfire", "hit by a stray bullet"
        if prep.dep_ == "prep" and prep.lower_ == "for" and lemma in CARE_VERBS:
            for o in objects:
                if (o.lemma_.lower(), "noun") in events:
                    return events[(o.lemma_.lower(), "noun")]  # "treated for gunshot wounds"
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for o in objects:
                if o.lower_ == "condition" and any(c.lower_ in HOSPITAL_CONDITIONS for c in o.children):
                    return "injured"  # "in critical condition"
    return ""


def _taken_to_hospital(anchor: Token) -> bool:
    """Whether what is counted was carried to a hospital: the subject of a passive ("two men were taken to a
    hospital", "both were rushed to Mercy Medical Center") or the object ("friends drove two victims to hospital")
    of a transport verb with "to" + a hospital word."""
    t = anchor
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    verb = t.head
    if t.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in TRANSPORT_VERBS:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for place in prep.children:
                words = [c.lower_ for c in place.lefts if c.dep_ == "compound"][-1:] + [place.lower_]
                if place.dep_ == "pobj" and (place.lower_ in HOSPITAL_WORDS or " ".join(words) in HOSPITAL_WORDS):
                    return True
    return False


def _with_wounds(prep: Token) -> str:
    """The event of "with" + an event noun: "with gunshot wounds" / "with a gunshot wound" -> wounded, "with injuries"
    -> injured."""
    if prep.dep_ != "prep" or prep.lower_ != "with":
        return ""
    events = load_events()
    for pobj in prep.children:
        if pobj.dep_ == "pobj" and pobj.tag_ in ("NNS", "NN") and (pobj.lemma_.lower(), "noun") in events:
            return events[(pobj.lemma_.lower(), "noun")]
    return ""


def _wounds_in(verb: Token) -> str:
    """ "with" + wounds anywhere in the verb's own clause: "officers found three men on a porch with stab wounds"."""
    todo = list(verb.children)
    while todo:
        t = todo.pop()
        if event := _with_wounds(t):
            return event
        if t.pos_ not in ("VERB", "AUX"):
            todo.extend(t.children)
    return ""


def _clause_event(verb: Token) -> str:
    """The event of a clause hanging on the verb of the counted subject: "were recovering after being shot" ->
    wounded (via shot), "arrived after suffering injuries" -> injured, "were reported to have been grazed" -> wounded.
    """
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
    clauses += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]  # "after ..."
    for child in clauses:
        if child.pos_ != "VERB":
            continue
        if child.lemma_.lower() in EXPERIENCE_VERBS:
            return _experienced(child)
        if any(c.dep_ == "auxpass" for c in child.children):
            return _verb_event(child, "passive")
    return ""


def _of_a_noun(token: Token) -> bool:
    """Whether a token hangs on a noun by "of": "three men" in "the shooting of three men"."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN")


def _death_in_sentence(doc: Doc, cand: Candidate) -> bool:
    """Whether the sentence of the figure says someone died ("killed", "dead", "fatally"...), outside the figure.

    "both" points back to a pair named before, so the sentence before counts too: "He shot and killed two men.
    Both were shot in the head." (they were not wounded).
    """
    sentence = doc[cand.first].sent
    start = sentence.start
    if doc[cand.first].lower_ == "both" and start > 0:
        start = doc[start - 1].sent.start
    return any(t.lower_ in DEATH_WORDS for t in doc[start : sentence.end] if not cand.first <= t.i <= cand.last)


def _event_of(doc: Doc, cand: Candidate, counted: Token | None) -> str:
    """What the sentence says happened to what the figure counts, read from the parse and the event lexicon.

    Examples: "killing some 1,200 people" -> killed; "80,000 residents who have been displaced" -> displaced;
    "Over 300,000 Uyghurs have fled" -> fled; "the shooting of three unarmed men" -> shot; "seven deaths" -> died;
    "the government pledged $50m" -> pledged. "Five gunmen killed two guards": the gunmen get no event.
    """
    events = load_events()
    if counted is not None and counted.lower_ in TIME_UNITS:
        return ""  # a duration is not what things happen to: "spend £1.5bn over five years"
    anchor = counted if counted is not None else span_root(doc, cand)
    nouns = [anchor] + ([of_object(anchor)] if of_object(anchor) is not None else [])
    if event := next((e for noun in nouns if (e := _modifier_event(noun))), ""):
        return event
    if counted is not None and (counted.lemma_.lower(), "noun") in events:
        return events[(counted.lemma_.lower(), "noun")]  # "five deaths", "20 arrests"
    if counted is not None and counted.lower_ in TOTAL_NOUNS:
        for child in counted.children:  # "the death toll rose to 84"
            if child.dep_ == "compound" and (child.lemma_.lower(), "noun") in events:
                return events[(child.lemma_.lower(), "noun")]
    return _climbing_event(cand, anchor)


def _modifier_event(noun: Token) -> str:
    """The event a noun's own modifiers give it: "displaced Israelis", "men detained at a checkpoint", "residents
    who have been displaced", "people who fled", "two men with gunshot wounds", "three men found in a parked van
    with gunshot wounds"; "" when none does."""
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.pos_ in ("VERB", "ADJ"):
            role = "passive" if _is_passive(child) or child.dep_ == "amod" else "subject"
            if (
                child.dep_ == "relcl"
                and role == "subject"
                and not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in child.children)
            ):
                continue
            event = _verb_event(child, role)
            if event:
                return event
        if event := _with_wounds(child) or (
            _with_wounds(next((c for c in child.children if c.dep_ == "prep"), child))
            if child.dep_ == "acl" and child.tag_ == "VBG"
            else ""
        ):
            return event
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in EXPERIENCE_VERBS:
            if event := _experienced(child):
                return event  # "a boy suffering from a gunshot wound"
    return ""


def _climbing_event(cand: Candidate, anchor: Token) -> str:
    """The event read by climbing from the counted noun to the verb it hangs on (through conjuncts, "of" phrases
    and qualifiers parsed as prepositions), and from that verb's lexicon entry, state or clauses."""
    events = load_events()
    t = anchor
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return ""
        if t.dep_ == "conj":
            t = head
            continue
        if head.dep_ == "agent":
            return ""  # "shot by two officers": the officers did it
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ == "CD":
            if not cand.first <= head.head.i <= cand.last:
                return ""  # "shot one of two intruders": what happened to the one did not happen to the two
            t = head.head  # the figure is the part: "one of two intruders" -> climb from "one"
            continue
        if t.dep_ == "pobj" and head.lower_ in ("over", "about", "around", "some", "nearly", "than", "to", "by"):
            # "kidnapping over 240": a qualifier parsed as a preposition
            t = head
            if t.head.pos_ in ("VERB", "AUX"):
                return _verb_event(t.head, "object")
            continue
        if t.dep_ == "pobj" and head.lower_ == "of":
            owner = head.head.lemma_.lower()  # "the killing of 5 people", "the bodies of two men"
            if any(c.lower_ in ("attempted", "attempt") for c in head.head.children):
                return ""  # "the attempted murder of two people": they were not murdered
            if (owner, "noun") in events or (owner, "state_noun") in events:
                return events.get((owner, "noun")) or events[(owner, "state_noun")]
        if head.pos_ in ("VERB", "AUX"):
            if head.dep_ in ("aux", "auxpass") and head.head.pos_ == "VERB":
                head = head.head  # "two men remained hospitalized": the subject hangs on "remained"
            if t.dep_ == "nsubjpass":
                return _verb_event(head, "passive") or _state_event(head, t) or _clause_event(head)
            if t.dep_ in ("dobj", "attr", "npadvmod", "oprd"):
                if t.dep_ != "dobj":
                    return _verb_event(head, "object")
                return _verb_event(head, "object") or _state_event(head, t) or _state_event(head, anchor)
            if t.dep_ == "nsubj":
                return _verb_event(head, "subject") or _state_event(head) or _clause_event(head) or _wounds_in(head)
            return ""
        t = head
        in_figure = cand.first <= t.i <= cand.last  # "Thousands of Israelis were evacuated": climb past "Thousands"
        if (
            t.pos_ in ("NOUN", "PROPN")
            and t.dep_ not in ("compound", "nmod", "appos")
            and t.lower_ not in TOTAL_NOUNS
            and not in_figure
        ):
            return ""
    return ""
