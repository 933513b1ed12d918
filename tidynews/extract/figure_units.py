"""What stands around a number: its currency, unit, percent sign, "plus" and qualifier ("more than", "up to").

Owns widening a `Candidate` to take in these words and setting its `unit` and `qualifier`; the words themselves are
in `figure_words.csv` (lists currency_symbol, currency_word, measure_unit, qualifier...).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidynews.extract.figure_lexicon import (
    AREA_WORDS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MAX_QUALIFIER_WORDS,
    MEASURE_UNITS,
    PERCENT_WORDS,
    QUALIFIER_PHRASES,
    RATE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SLASH_RATES,
    TIME_UNITS,
    UNIT_SUBSTANCES,
    VOLUME_WORDS,
)
from tidynews.extract.figure_numbers import Candidate

# --- units ----------------------------------------------------------------------------------------


def widen_with_money_and_units(doc: Doc, cand: Candidate) -> None:
    """Take in the currency before the number and the percent sign, currency word, unit or "times" after it.

    Examples: "US$4 billion" -> USD; "12 per cent" -> percent; "50 euros" -> EUR; "3,000 sq km" -> km2;
    "three and a half times more" -> unit times.
    """
    if cand.first > 0 and doc[cand.first - 1].lower_ in CURRENCY_SYMBOLS:
        symbol = doc[cand.first - 1]
        # "$" must touch the number; "USD 5m" may have a space
        if not symbol.whitespace_ or symbol.lower_ in ("usd", "eur", "gbp", "chf", "jpy", "cny", "rs", "rs."):
            cand.first -= 1
            cand.unit = CURRENCY_SYMBOLS[symbol.lower_]
            return
    if cand.kind not in ("digits", "words"):
        return
    j = cand.last
    after = [t.lower_ for t in doc[j + 1 : j + 4]]
    if not after or cand.unit:
        return
    if after[0] in PERCENT_WORDS:
        cand.last, cand.unit = j + 1, "percent"
    elif after[:2] == ["per", "cent"]:
        cand.last, cand.unit = j + 2, "percent"
    elif (points_end := percentage_points_after(doc, j)) is not None:
        cand.last, cand.unit = points_end, "percentage points"
    elif after[0] in ("times", "fold") and (after[0] == "times" or doc[j + 1].text == "-"):
        cand.last, cand.unit = j + 1, "times"
    elif after[0] == "-" and after[1:2] == ["fold"]:
        cand.last, cand.unit = j + 2, "times"
    elif after[0] in CURRENCY_WORDS and not (after[0] == "pounds" and cand.value < 1000 and _weight_context(doc, j)):
        cand.last, cand.unit = j + 1, CURRENCY_WORDS[after[0]]
    elif after[0] in AREA_WORDS and after[1:2] and after[1] in MEASURE_UNITS:
        cand.last, cand.unit = j + 2, MEASURE_UNITS[after[1]] + "2"
    elif after[0] in VOLUME_WORDS and after[1:2] and after[1] in MEASURE_UNITS:
        cand.last, cand.unit = j + 2, MEASURE_UNITS[after[1]] + "3"  # "3 billion cubic metres" -> m3
    elif after[0] == "m" and after[1:2] == ["/"] and doc[j].whitespace_:
        cand.last, cand.unit = j + 1, "m"  # "30 m/s": a spaced "m" before a slash rate is metres, not million
    elif after[0] in MEASURE_UNITS:
        cand.last, cand.unit = j + 1, MEASURE_UNITS[after[0]]
    widen_with_rate_and_substance(doc, cand)


def widen_with_rate_and_substance(doc: Doc, cand: Candidate) -> None:
    """Take in "per hour", "a year" after a measure unit or percent, and a substance after a mass: one unit.

    Examples: "90 miles per hour" -> miles per hour; "50 km/h" -> km per hour; "2 per cent a year" -> percent per
    year; "5 litres per capita" -> litres per capita; "2 million tonnes CO2 a year" -> tonnes CO2 per year. Money
    keeps its ISO code: "$20 a day" stays USD; "5 percent a year ago" is no rate.
    """
    if not cand.unit or cand.unit in CURRENCY_CODES or cand.unit == "times":
        return
    j = cand.last
    after = [t.lower_ for t in doc[j + 1 : j + 4]]
    slashed = after[1].rstrip(".") if after[:1] == ["/"] and after[1:2] else ""
    if slashed in SLASH_RATES and not doc[j].whitespace_:
        cand.last, cand.unit = j + 2, f"{cand.unit} per {SLASH_RATES[slashed]}"  # "50 km/h" -> km per hour
    elif after[:1] and after[0] in ("per", "a", "an", "each") and after[1:2] and after[1] in RATE_WORDS:
        if after[0] in ("a", "an") and after[2:3] and after[2] in ("ago", "earlier", "later", "before", "after", "on"):
            return  # "rose 5 percent a year ago", "a year earlier": a time, not a rate
        cand.last, cand.unit = j + 2, f"{cand.unit} per {RATE_WORDS[after[1]]}"
    elif cand.unit == "tonnes" and after[:1] and after[0] in UNIT_SUBSTANCES:
        cand.last, cand.unit = j + 1, f"tonnes {UNIT_SUBSTANCES[after[0]]}"
        widen_with_rate_and_substance(doc, cand)  # "2 million tonnes CO2 a year" -> tonnes CO2 per year
    elif cand.unit == "tonnes" and after[:2] == ["of", "co2"]:
        cand.last, cand.unit = j + 2, "tonnes CO2"
        widen_with_rate_and_substance(doc, cand)


def _is_number(token: Token) -> bool:
    """Plain digits, perhaps after a currency sign: "15", "1,200", "$10", "2.5"."""
    return token.text.lstrip("$£€¥").replace(",", "").replace(".", "", 1).isdigit()


def _scale_of(doc: Doc, cand: Candidate) -> float:
    """The scale word of a figure ("15 million" -> 1e6, "15bn" -> 1e9), or 0 when it has none."""
    for t in doc[cand.first : cand.last + 1]:
        word = t.lower_.rstrip(".")
        if word in SCALES and word != "hundred":
            return SCALES[word]
        if word in SCALE_ABBREVIATIONS and t.i > cand.first and not doc[t.i - 1].whitespace_:
            return SCALE_ABBREVIATIONS[word]
    return 0


def share_range_units(doc: Doc, found: list[Candidate]) -> None:
    """The two ends of a range or an alternative share one unit: "from 10 to 15 dollars", "10-15%", "5- or 6-inch",
    "$10-15" (the currency of the first end, forwards, only across "-" or "to").

    Examples: "rents rose 10-15%" -> 10 percent and 15 percent; "5- or 6-inch hail" -> 5 in and 6 in.
    """
    for before, after in zip(found, found[1:], strict=False):
        between = [t.lower_ for t in doc[before.last + 1 : after.first]]
        if not between or not set(between) <= {"-", "–", "to", "or", "and"} or len(between) > 2:
            continue
        if before.kind not in ("digits", "words", "compound") or after.kind not in ("digits", "words", "compound"):
            continue
        if not before.unit and after.unit:
            before.unit, before.range_partner = after.unit, True
        elif before.unit in CURRENCY_CODES and not after.unit and set(between) <= {"-", "–", "to"}:
            after.unit, after.range_partner = before.unit, True
        scale = _scale_of(doc, after)
        bare = before.kind == "digits" and _is_number(doc[before.last])  # "10", "$10": no scale of its own
        if scale and bare and _is_number(doc[after.first]) and set(between) <= {"-", "–", "to"}:
            if before.value <= float(doc[after.first].text.lstrip("$£€¥").replace(",", "")):
                before.value *= scale  # "$10-15 million": 10 million; "from 900 to 1.2 million" keeps 900


def percentage_points_after(doc: Doc, j: int) -> int | None:
    """The last token of "percentage point(s)" right after the number at token j, or None.

    One unit, "percentage points", whether the words are plural, singular before a noun, hyphenated or a fraction:
    "rose 0.7 percentage points", "a 0.7 percentage point rise", "a 0.7-percentage-point rise",
    "by 0.7 of a percentage point" -> 0.7 percentage points.
    """
    k = j + 1
    if doc[k : k + 2].text.lower() in ("of a", "of one"):
        k += 2
    elif doc[k : k + 1].text == "-" and not doc[j].whitespace_:
        k += 1
    if doc[k : k + 1].text.lower() != "percentage":
        return None
    k += 1
    if doc[k : k + 1].text == "-" and not doc[k - 1].whitespace_:
        k += 1
    return k if doc[k : k + 1].text.lower() in ("point", "points") else None


def _weight_context(doc: Doc, j: int) -> bool:
    """Whether "pounds" after a number weighs ("50 pounds of cocaine") rather than pays."""
    return bool(doc[j + 2 : j + 3]) and doc[j + 2].lower_ == "of"


# --- qualifier ------------------------------------------------------------------------------------


def widen_with_plus(doc: Doc, cand: Candidate) -> None:
    """Take in a "plus" after the number: it is a lower bound.

    Examples: "200-plus cars" and "300+ cars" -> more_than, text "200-plus" / "300+".
    """
    j = cand.last
    if doc[j + 1 : j + 2].text == "+" and not doc[j].whitespace_:
        cand.last, cand.qualifier = j + 1, "more_than"
    elif doc[j + 1 : j + 3].text.lower() in ("-plus",) and not doc[j].whitespace_:
        cand.last, cand.qualifier = j + 2, "more_than"


def widen_with_qualifier(doc: Doc, cand: Candidate) -> None:
    """Take in a qualifier phrase right before the number and set `qualifier`.

    Examples: "more than 80,000 residents" -> more_than, text "more than 80,000"; "some 1,200" -> approximate;
    "up to 50" -> at_most; "fewer than 10" -> less_than; "at least $40 million" -> at_least.
    """
    for n in range(MAX_QUALIFIER_WORDS, 0, -1):
        first = cand.first - n
        if first < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[first : cand.first])
        if phrase in QUALIFIER_PHRASES:
            if phrase in ("over", "under") and _duration_preposition(doc, cand, first):
                return
            if (
                n == 1
                and phrase in ("over", "under", "above", "below", "some", "about", "around")
                and cand.kind == "vague"
            ):
                continue
            cand.qualifier = QUALIFIER_PHRASES[phrase]
            cand.qualifier_first = first
            return


def _duration_preposition(doc: Doc, cand: Candidate, over: int) -> bool:
    """Whether "over"/"under" before a duration means "across" ("spend £1.5bn over five years"), not "more than".

    It does after a noun or a number (the thing spread over the time); after a verb or "for" it is a qualifier
    ("lasted over five years", "for over 20 years").
    """
    nxt = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in TIME_UNITS or over == 0:
        return False
    before = doc[over - 1]
    return before.pos_ in ("NOUN", "PROPN", "NUM") or before.lower_ in ("m", "bn", "million", "billion")
