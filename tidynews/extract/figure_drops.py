"""What is not a figure: the `drops` rules of the figures table, one named predicate each.

Years, dates, clock times, ages (also as thresholds), ranks, labels and names, bracketed codes, phone and street
numbers, fixed compounds, scores, "N in M" ratios, club names and the pronoun "one". `not_a_figure` tries them in
order and returns the first that rejects a candidate; each is a registered rule (`figures.year`, `figures.age`...)
so `tidynews explain` can say which one dropped a number, and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from tidynews.extract.figure_lexicon import (
    AGE_BOUND_WORDS,
    AGE_CUES,
    AGE_GROUP_WORDS,
    CURRENCY_SYMBOLS,
    DEATH_WORDS,
    DIGITS,
    FIXED_COMPOUNDS,
    LABEL_WORDS,
    MONTHS,
    OUTCOME_EVENTS,
    PERCENT_WORDS,
    PERSON_NOUNS,
    RANK_CUES,
    SMALL_NUMBERS,
    STREET_WORDS,
    TENS,
    TIME_OF_DAY,
    TIME_UNITS,
    TIME_WORDS,
    UNIT_SUBSTANCES,
    WEEKDAYS,
)
from tidynews.extract.figure_numbers import Candidate
from tidynews.extract.rules import register_rule

# --- what is not a figure -------------------------------------------------------------------------


@register_rule("figures.year", kind="drops")
def is_year(doc: Doc, cand: Candidate) -> bool:
    """A four-digit year, alone or in a range: "in 2022", "2015-2020", "the 2024 elections", "since 1991".

    Examples: "the plan for the period 2015-2020" -> not a figure. "2000 people" stays a figure.
    Example: Sales have doubled since 2019.
    """
    t = doc[cand.first]
    if cand.kind != "digits" or cand.unit or cand.last != cand.first or not re.fullmatch(r"\d{4}", t.text):
        return False
    if not 1800 <= int(t.text) <= 2100:
        return False
    previous = doc[cand.first - 1].lower_ if cand.first > 0 else ""
    nxt = doc[cand.first + 1] if cand.first + 1 < len(doc) else None
    counts_a_plural = (
        nxt is not None
        and nxt.tag_ == "NNS"
        and previous
        not in ("in", "since", "by", "of", "until", "from", "the", "mid", "early", "late", "'s", "’s", "-", "–")
    )
    return not counts_a_plural


@register_rule("figures.date_part", kind="drops")
def is_date_part(doc: Doc, cand: Candidate) -> bool:
    """A day of the month next to a month name: "October 7", "7 October", "Sept. 9", "the 3rd of May".

    Examples: "the massacres of October 7" -> not a figure.
    Example: The ferry sank on October 7 near the port.
    """
    if cand.kind != "digits" or cand.unit or cand.value > 31 or cand.value != int(cand.value):
        return False
    before = [doc[k].lower_.rstrip(".") for k in range(max(0, cand.first - 2), cand.first)]
    after = [doc[k].lower_.rstrip(".") for k in range(cand.last + 1, min(len(doc), cand.last + 3))]
    if before and before[-1] in MONTHS:
        return True
    if after and (after[0] in MONTHS or after[:2] and after[0] == "of" and len(after) > 1 and after[1] in MONTHS):
        return True
    return bool(before) and before[-1] in WEEKDAYS


@register_rule("figures.time_of_day", kind="drops")
def is_time_of_day(doc: Doc, cand: Candidate) -> bool:
    """A clock time: "10:30", "10am", "10 a.m.", "0900 GMT", "at 5 o'clock".

    Examples: "the strike began at 0300 GMT" -> not a figure.
    Example: The strike began at 0300 GMT.
    """
    t = doc[cand.first]
    if TIME_OF_DAY.match(t.text):
        return True
    nxt = doc[cand.last + 1].lower_ if cand.last + 1 < len(doc) else ""
    if nxt in TIME_WORDS and cand.kind in ("digits", "words") and not cand.unit:
        if nxt in ("hours", "local", "hrs"):
            return bool(re.fullmatch(r"\d{4}", t.text))  # "1400 hours", "0900 local time"; "48 hours" is a duration
        return True
    return bool(re.fullmatch(r"\d{1,2}\.\d{2}", t.text)) and nxt in ("am", "pm")


@register_rule("figures.age", kind="drops")
def is_age(doc: Doc, cand: Candidate) -> bool:
    """An age: "Mr Okafor, 34,", "aged 34", "at the age of 34", "a 34-year-old", "34 years old", "Smith (34)".

    Examples: "Mother-of-three Ms Jones, 41, a nurse" -> 41 is not a figure.
    Example: The driver, Tom Ellis, 34, was arrested.
    """
    if cand.kind not in ("digits", "words") or cand.unit:
        return False
    before = [doc[k].lower_ for k in range(max(0, cand.first - 4), cand.first)]
    after = [doc[k].lower_ for k in range(cand.last + 1, min(len(doc), cand.last + 5))]
    if _is_years_old(after):
        return True  # "28 years old", "a 28-year-old", also for things: "a 2,000-year-old temple"
    if after[:1] and after[0] in ("-", "–", "to", "and", "or") and _is_years_old(_after_range_partner(doc, cand)):
        return True  # the first age of "18- to 24-year-olds", "18 to 24 year olds"
    if cand.value > 120:
        return False
    if before[-1:] and before[-1] in AGE_CUES or before[-2:] == ["age", "of"]:
        return True
    if "aged" in before[-4:-1] and before[-1] in ("to", "and", "-", "–", "between", "from", "over", "under"):
        return True  # "aged between 18 and 25"
    if "age" in before and before[-1] in ("to", "from", "at", "is", "was", "be"):
        return True  # "raise the voting age to 16", "the voting age was lowered to 16", "the pension age is 67"
    # "Name, 28," : a bare number in commas (or brackets) right after a person
    if before and before[-1] in (",", "(") and after[:1] in ([","], [")"], ["."], []) and cand.first >= 2:
        person = doc[cand.first - 2]
        return person.pos_ == "PROPN" or person.ent_type_ == "PERSON" or person.lower_ in PERSON_NOUNS
    return False


UNITS_OF_AGE = ("year", "years", "month", "months", "week", "weeks", "day", "days")


def _is_years_old(after: list[str]) -> bool:
    """Whether the words after a number make it an age: "years old", "-year-old", "-year-olds", "year olds"."""
    words = [w for w in after if w not in ("-", "–")]
    return bool(words) and words[0] in UNITS_OF_AGE and words[1:2] in (["old"], ["olds"])


def _after_range_partner(doc: Doc, cand: Candidate) -> list[str]:
    """The words after the second number of a range that starts with cand ("18 to 24 year olds" -> [year, olds]).

    The tokenizer may glue "to" to the number ("18-to-24-year-olds" gives "to-24"); that counts as the partner.
    """
    for k in range(cand.last + 1, min(len(doc), cand.last + 4)):
        text = doc[k].text.lower()
        if DIGITS.match(text) or text in SMALL_NUMBERS or text in TENS or re.fullmatch(r"to-\d+", text):
            return [t.lower_ for t in doc[k + 1 : k + 5]]
        if text not in ("-", "–", "to", "and", "or"):
            return []
    return []


def _is_age_group(token: Token) -> bool:
    """Whether a word names people an age threshold can describe: "adults", "those", "anyone", "Britons", "women".

    A plural proper noun counts: before "over 80" it is nearly always a nationality or a people.
    """
    return (
        token.lower_ in AGE_GROUP_WORDS
        or (token.tag_ == "NNS" and token.lemma_.lower() in PERSON_NOUNS)
        or token.tag_ == "NNPS"  # "Britons over 80", "Americans under 30"
        or (token.ent_type_ == "NORP" and token.tag_ == "NNS")
    )


def _could_be_age(doc: Doc, cand: Candidate) -> bool:
    """A whole number from 1 to 120, written in digits or words, with no unit: the only numbers that can be ages."""
    return (
        cand.kind in ("digits", "words")
        and not cand.unit
        and cand.qualifier == "exact"
        and 1 <= cand.value <= 120
        and cand.value == int(cand.value)
    )


def _years_of_age_after(doc: Doc, last: int) -> int:
    """The last token of "years" or "years of age" right after a number at `last`, or `last` when there is none.

    Examples: in "75 years of age or older" it is the token "age"; in "75 or older" it is "75" itself.
    """
    if doc[last + 1 : last + 2].text.lower() not in ("years", "year"):
        return last
    if doc[last + 2 : last + 4].text.lower() == "of age":
        return last + 3
    return last + 1


def is_age_with_bound_after(doc: Doc, cand: Candidate) -> bool:
    """An age made a threshold by "and/or older/over/under..." after it: the people above or below it, not a count.

    Examples: "citizens will be 65 or older", "those 18 and under", "patients 75 years or older", "people aged 65 and
    over" (the last one is already an age after "aged"). "older"/"younger" always mean an age; "over"/"under"/"up"
    do after a group of people, a form of "be" or "years": "5 or more rooms" and "scores of 90 and above" stay apart.
    """
    if not _could_be_age(doc, cand):
        return False
    end = _years_of_age_after(doc, cand.last)
    if doc[end + 1 : end + 2].text.lower() not in ("and", "or"):
        return False
    bound = doc[end + 2 : end + 3].text.lower()
    if bound not in AGE_BOUND_WORDS:
        return False
    if bound in ("older", "younger") or end > cand.last:
        return True
    previous = doc[cand.first - 1] if cand.first > 0 else None
    return previous is not None and (_is_age_group(previous) or previous.lemma_ == "be")


def _counts_noun_after(doc: Doc, cand: Candidate) -> bool:
    """Whether the number counts the noun right after it: "over three sites", "under five years" (not "of age").

    A verb misread as a noun does not count: in "anyone older than 80 qualifies" or "those under 25 pay" the
    parser finds no verb in the sentence at all, which is how the misreading shows.
    """
    after = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in TIME_UNITS:  # a duration unless "of age" or "old" follows: "women over 40 years of age"
        return (
            doc[cand.last + 2 : cand.last + 4].text.lower() != "of age"
            and doc[cand.last + 2 : cand.last + 3].text != "old"
        )
    if after.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in after.sent)


def is_age_after_comparative(doc: Doc, cand: Candidate) -> bool:
    """An age after "over", "under", "older than"...: the people above or below it, when the number counts nothing.

    Examples: "children under five", "adults over 70", "anyone older than 80", "residents aged over 60";
    but "over 70 people were arrested" (no group before "over") and "jailed for under five years" count.
    """
    if not _could_be_age(doc, cand):
        return False
    if _counts_noun_after(doc, cand):
        return False  # "jailed for under five years", "50 people over three sites": the number counts
    before = [t.lower_ for t in doc[max(0, cand.first - 2) : cand.first]]
    if before[-2:] in (["older", "than"], ["younger", "than"]):
        return True
    if before[-1:] and before[-1] in ("over", "under", "above", "below") and cand.first >= 2:
        return _is_age_group(doc[cand.first - 2])
    return False


@register_rule("figures.age_threshold", kind="drops")
def is_age_threshold(doc: Doc, cand: Candidate) -> bool:
    """An age used as a threshold ("65 or older", "children under five", "anyone older than 80"): not a figure.

    The count of those people stays a figure: in "2 million people aged 65 and over" only 2 million is one.
    Example: The vaccine is offered to adults over 70 first.
    """
    return is_age_with_bound_after(doc, cand) or is_age_after_comparative(doc, cand)


@register_rule("figures.rank", kind="drops")
def is_rank(doc: Doc, cand: Candidate) -> bool:
    """A rank, not a count: "Hamas number two", "the world's No. 1", "number-two official".

    Examples: "slain Hamas number two Saleh al-Aruri" -> not a figure.
    Example: The party's number two resigned on Monday.
    """
    k = cand.first - 1
    while k >= 0 and doc[k].text in ("-", "."):
        k -= 1
    return k >= 0 and doc[k].lower_ in RANK_CUES and cand.kind in ("digits", "words")


@register_rule("figures.score", kind="drops")
def is_score(doc: Doc, cand: Candidate) -> bool:
    """A sports score or a vote tally written N-M with nothing counted after it: "won 3-1", "a 2-2 draw".

    Examples: "Chelsea won 3-1 at home" -> not figures; "60-70 people were missing" keeps both numbers.
    Example: Rovers won 3-1 at home on Saturday.
    """
    if cand.kind != "digits" or cand.unit or cand.first != cand.last:
        return False
    i = cand.first

    def is_small(k: int) -> bool:
        return 0 <= k < len(doc) and re.fullmatch(r"\d{1,2}", doc[k].text) is not None

    def dash(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text in ("-", "–") and not doc[k].whitespace_

    if is_small(i) and dash(i + 1) and is_small(i + 2) and not doc[i].whitespace_:
        end = i + 2
    elif is_small(i) and dash(i - 1) and is_small(i - 2) and not doc[i - 2].whitespace_:
        end = i
    else:
        return False
    if doc[end].text == doc[end - 2].text:
        return True  # "a 50-50 chance": odds
    after = doc[end + 1] if end + 1 < len(doc) else None
    return after is None or (after.pos_ not in ("NOUN", "PROPN") and after.lower_ not in PERCENT_WORDS)


@register_rule("figures.fixed_compound", kind="drops")
def is_fixed_compound(doc: Doc, cand: Candidate) -> bool:
    """A number glued into a fixed expression that counts nothing: "two-state solution", "one-sided", "two-way".

    Examples: "the talks ended in a two-state solution" -> not a figure.
    Example: Both sides still back a two-state solution.
    """
    j = cand.last
    return (
        j + 2 < len(doc)
        and doc[j + 1].text in ("-", "–")
        and not doc[j].whitespace_
        and doc[j + 2].lower_ in FIXED_COMPOUNDS
    )


@register_rule("figures.label_or_name", kind="drops")
def is_label_or_name(doc: Doc, cand: Candidate) -> bool:
    """A number that is part of a name or a label: "World War Two", "Marine One", "Article 50", "G7", "F-16".

    Examples: "a bunker built before World War Two" -> not a figure.
    Example: The bunker was built before World War Two.
    """
    t = doc[cand.first]
    previous = doc[cand.first - 1] if cand.first > 0 else None
    if previous is not None and previous.lower_ in LABEL_WORDS and previous.text[0].isupper():
        return True
    nxt = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    if previous is not None and previous.lower_ in LABEL_WORDS and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
        return True  # "on page 14", "between junctions 10 and 11"
    if (
        cand.first >= 3
        and doc[cand.first - 1].lower_ in ("and", "to", "-", "–", "or")
        and DIGITS.match(doc[cand.first - 2].text)
        and doc[cand.first - 3].lower_ in LABEL_WORDS
    ):
        return True  # the second label of "junctions 10 and 11"
    if (
        previous is not None
        and previous.text == "-"
        and cand.first > 1
        and doc[cand.first - 2].is_alpha
        and doc[cand.first - 2].text[0].isupper()
        and not previous.whitespace_
    ):
        return True  # "F-16", "Su-27", "COVID-19"
    if (
        cand.kind == "words"
        and t.text[0].isupper()
        and not t.is_sent_start
        and previous is not None
        and previous.text[:1].isupper()
        and previous.pos_ == "PROPN"
    ):
        return True  # "World War Two", "Marine One"
    if (
        cand.kind == "digits"
        and previous is not None
        and previous.pos_ == "PROPN"
        and any(c.isupper() for c in previous.text)
        and previous.lower_ not in MONTHS
        and previous.lower_ not in CURRENCY_SYMBOLS
        and not cand.unit
        and previous.ent_type_ not in ("GPE", "NORP", "PERSON")
        and t.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")
    ):
        return True  # "Boeing 737", "Resolution 1701", "Apollo 11"
    return False


@register_rule("figures.street_number", kind="drops")
def is_street_number(doc: Doc, cand: Candidate) -> bool:
    """A house number: digits before a street name ("he lived at 221 Baker Street" -> not a figure).

    Example: He lived at 221 Baker Street for a decade.
    """
    if cand.kind != "digits" or cand.unit:
        return False
    for k in range(cand.last + 1, min(len(doc), cand.last + 5)):
        if doc[k].lower_.rstrip(".") in STREET_WORDS and doc[k].text[0].isupper():
            return all(doc[m].text[:1].isupper() for m in range(cand.last + 1, k))
        if not doc[k].text[:1].isupper():
            return False
    return False


@register_rule("figures.bracket_code", kind="drops")
def is_in_brackets_code(doc: Doc, cand: Candidate) -> bool:
    """A number inside a square-bracketed reference code or a photo position: "[nL1N1JQ1I4]", "(2nd R)".

    Examples: "the navy said. [nX7Q2LM4RB]" -> nothing from the brackets.
    Example: The agency revised its data [17] on Monday.
    """
    previous = doc[cand.first - 1] if cand.first > 0 else None
    nxt = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    if previous is not None and previous.text == "[" and nxt is not None and nxt.text == "]":
        return True
    if cand.rule == "figures.currency_prefix":
        return False  # "AUD1.5m": a currency code, not a reference code
    return any(
        re.search(r"[A-Za-z]\d", t.text) and t.lower_ not in UNIT_SUBSTANCES for t in doc[cand.first : cand.last + 1]
    )


@register_rule("figures.phone_number", kind="drops")
def is_phone_number(doc: Doc, cand: Candidate) -> bool:
    """A phone number or code: digit groups with a leading zero or plus, "020 7946 0958", "+44 20 7946 0958".

    Examples: "call 0800 555 0199" -> not a figure.
    Example: Witnesses were asked to call 0800 555 0199.
    """
    t = doc[cand.first]
    if cand.kind not in ("digits", "compound") or (cand.unit and cand.kind == "digits"):
        return False
    if re.fullmatch(r"0\d+", t.text):
        return True
    neighbours = [doc[k] for k in (cand.first - 1, cand.last + 1) if 0 <= k < len(doc)]
    if any(re.fullmatch(r"\+?\d{2,}", n.text) and (n.text.startswith(("0", "+"))) for n in neighbours):
        return True
    start, end = t.idx, doc[cand.last].idx + len(doc[cand.last])
    for match in NORTH_AMERICAN_PHONE.finditer(doc.text, max(0, start - 20), min(len(doc.text), end + 20)):
        if match.start() <= start and end <= match.end():
            return True
    for match in LOCAL_PHONE.finditer(doc.text, max(0, start - 10), min(len(doc.text), end + 10)):
        cue = doc.text[max(0, match.start() - 40) : match.start()].lower()
        if match.start() <= start and end <= match.end() and any(w in cue.split() for w in PHONE_CUES):
            return True
    return False


# "(209) 937-8377", "304-845-1611", "1-800-423-TIPS", "352.343.2101"; a seven-digit "546-6249" only after a cue
NORTH_AMERICAN_PHONE = re.compile(
    r"(?<![\w$.,])(?:\+?1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.](?:\d{4}|[A-Z]{4})(?![\w-])"
)
LOCAL_PHONE = re.compile(r"(?<![\w$.,-])\d{3}-\d{4}(?![\w-])")
PHONE_CUES = ("call", "called", "calling", "at", "reached", "contact", "phone", "line", "hotline", "number", "tel")


@register_rule("figures.block_number", kind="drops")
def is_block_number(doc: Doc, cand: Candidate) -> bool:
    """The number of a city block in an address: "the 4600 block of Main Street" (US police reports).

    Example: The shooting happened in the 4600 block of Elm Avenue.
    """
    after = doc[cand.last + 1 : cand.last + 3]
    return cand.kind == "digits" and not cand.unit and after.text.lower() == "block of"


@register_rule("figures.article_without_event", kind="drops")
def is_article_without_event(doc: Doc, cand: Candidate, event: str) -> bool:  # noqa: ARG001
    """ "a"/"an" (or "both") before a person who was not hurt or killed: an article, not a count of victims.

    Example: A teacher opened the meeting on Monday.
    """
    return cand.kind == "indefinite" and event not in OUTCOME_EVENTS and event != "shot"


@register_rule("figures.definite_without_casualty", kind="drops")
def is_definite_without_casualty(doc: Doc, cand: Candidate, event: str, death_in_article: bool) -> bool:  # noqa: ARG001
    """ "the" before a person who did not die (or, in a report that tells of a death, was not hurt either): an
    article, not a count of victims.

    A report of a death names its victim again and again ("the victim was shot", "the man was taken to hospital");
    only a death counts there. Where nobody died, "the victim was shot in the leg" counts one wounded.
    Example: The suspect was arrested on Tuesday.
    """
    if cand.kind != "definite":
        return False
    if event in OUTCOME_EVENTS and event in DEATH_WORDS:
        return False
    return death_in_article or not (event in OUTCOME_EVENTS or event == "shot")


@register_rule("figures.pronoun_one", kind="drops")
def is_pronoun_one(doc: Doc, cand: Candidate, has_event: bool) -> bool:
    """ "one" (or "a dozen"-less "a") that is a pronoun or an article, not a count.

    Examples: "one of the biggest exporters", "there is only one possible result" -> not figures;
    "at least one soldier was killed" -> a figure (qualifier), "killing one person" -> a figure (event).
    Example: It is one of the biggest ports in the region.
    """
    if cand.kind != "words" or cand.value != 1 or cand.first != cand.last:
        return False
    return cand.qualifier == "exact" and not has_event


@register_rule("figures.ratio_part", kind="drops")
def is_ratio_part(doc: Doc, cand: Candidate) -> bool:
    """A number of an "N in M" ratio: "one in four children", "nine in ten voters" (a share, not a count).

    Examples: "One in four children lives in poverty" -> neither 1 nor 4 is a figure.
    Example: Nine in ten voters said they would take part.
    """
    if cand.kind not in ("digits", "words") or cand.unit:
        return False

    def is_num(k: int) -> bool:
        return 0 <= k < len(doc) and (
            DIGITS.match(doc[k].text) is not None or doc[k].lower_ in SMALL_NUMBERS or doc[k].lower_ in TENS
        )

    after_in = doc[cand.last + 1 : cand.last + 2].text.lower() == "in" and is_num(cand.last + 2)
    before_in = cand.first >= 2 and doc[cand.first - 1].lower_ == "in" and is_num(cand.first - 2)
    return after_in or before_in


@register_rule("figures.group_name", kind="drops")
def is_group_name(doc: Doc, cand: Candidate) -> bool:
    """The number of a club's name: "the Group of 20", "the Group of Seven" (the G20, the G7).

    Examples: "leaders of the Group of 20 met in Osaka" -> not a figure.
    Example: Leaders of the Group of 20 met in the capital.
    """
    return cand.first >= 2 and doc[cand.first - 1].lower_ == "of" and doc[cand.first - 2].text in ("Group", "Club")


# The order matters: the first rule that rejects a number names why (a year before a date part, an age before a
# label). The pronoun rule is not here: it needs the event, read later (see figures_of_block).
DROP_RULES: tuple[Callable[[Doc, Candidate], bool], ...] = (
    is_year,
    is_date_part,
    is_time_of_day,
    is_age,
    is_age_threshold,
    is_rank,
    is_label_or_name,
    is_in_brackets_code,
    is_phone_number,
    is_fixed_compound,
    is_score,
    is_ratio_part,
    is_group_name,
    is_street_number,
    is_block_number,
)


def not_a_figure(doc: Doc, cand: Candidate) -> str:
    """The id of the first `drops` rule that rejects the number, or "" when it is a figure."""
    for rule in DROP_RULES:
        if rule(doc, cand):
            return rule.rule_id  # type: ignore[attr-defined]
    return ""
