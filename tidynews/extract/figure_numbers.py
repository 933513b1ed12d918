"""Finding the number itself: the `finds` rules of the figures table and the `Candidate` they propose.

Each finder is a registered rule (`figures.digits`, `figures.number_words`, `figures.vague_amount`,
`figures.multiplier`, `figures.temperature`, `figures.twin`, `figures.parent_of`, `figures.compound_adjective`,
`figures.strength`, `figures.temperature_range`; `figures.the_victims` lives in figure_victims.py);
`find_number_cores` walks a parsed line and gives every candidate number, with the id of the rule that found it.
Units, qualifiers, rejections and events are other modules' work.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidynews.extract.figure_lexicon import (
    CURRENCY_PREFIXED,
    CURRENCY_SUBUNITS,
    CURRENCY_SYMBOLS,
    DIGITS,
    DIGITS_WITH_SUFFIX,
    FIXED_COMPOUNDS,
    FOLD_WORDS,
    IRREGULAR_PLURALS,
    MEASURE_UNITS,
    METRE_CUES,
    MULTIPLIER_DETERMINERS,
    MULTIPLIER_WORDS,
    PARENT_WORDS,
    PERCENT_WORDS,
    PERSON_SINGULARS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SIGNED_TEMPERATURE,
    SMALL_NUMBERS,
    TEMPERATURE_NOUNS,
    TEMPERATURE_UNITS,
    TENS,
    VAGUE_AMOUNTS,
    WEATHER_WORDS,
    load_events,
)
from tidynews.extract.figure_victims import HarmedGroup, coordinated_people, read_the_victims, remember_last_group
from tidynews.extract.rules import register_rule

# --- number cores ---------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A number being built: token range [first, last] of the number and its unit words, value, unit, counts."""

    first: int
    last: int
    value: float
    kind: str  # digits | words | vague | multiplier | compound | parent
    unit: str = ""
    counts: str = ""
    qualifier: str = "exact"
    qualifier_first: int = -1  # first token of the qualifier phrase, when there is one
    rule: str = ""  # id of the `finds` rule that proposed it: the figure's `rule`
    noun: int = -1  # token of the counted noun, when the finder knows it ("a man": man)
    range_partner: bool = False  # took its unit from the other end of a range: "10" in "10-15%"


def word_number_value(words: list[str]) -> float | None:
    """The value of a run of number words, or None when it is not a number.

    Examples: "two hundred and fifty" -> 250, "twenty-three" -> 23, "a dozen" -> 12, "half a million" -> 500000,
    "four and a half" -> 4.5.
    """
    words = [w for w in words if w != "-"]
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("a", "an") and i == 0:
            current = 1
        elif w == "and" and words[i + 1 : i + 3] == ["a", "half"]:
            current += 0.5
            i += 2
            seen = True
        elif w == "half" and words[i + 1 : i + 2] in (["a"], ["an"]):
            current = 0.5
            i += 1
        elif w == "and":
            pass
        elif w in SMALL_NUMBERS or w in TENS:
            current += SMALL_NUMBERS.get(w, TENS.get(w, 0))
            seen = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif w == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
        i += 1
    return total + current if seen else None


def is_number_word(token: Token) -> bool:
    """A word that can start or continue a number: "five", "twenty", "hundred", "dozen"."""
    w = token.lower_
    return w in SMALL_NUMBERS or w in TENS or w in SCALES or w == "dozen"


@register_rule("figures.number_words")
def read_word_number(doc: Doc, i: int) -> tuple[int, float] | None:
    """The number written in words that starts at token i: (last token index, value), or None.

    Examples: "Twenty-three people" -> tokens 0..2, 23; "a dozen soldiers" -> tokens 0..1, 12;
    "half a million" -> 500000; "three and a half times" -> 3.5 (the caller takes "times").
    Example: Twenty-three people were rescued from the flooded village.
    """
    t = doc[i]
    w = t.lower_
    j = i
    if w in ("a", "an"):
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("dozen", "hundred", "thousand", "million", "billion"):
            j = i + 1
        else:
            return None
    elif w == "half":
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in SCALES:
            j = i + 2
        else:
            return None
    elif not (w in SMALL_NUMBERS or w in TENS):
        return None
    # continue while the next token extends the number: "-three", " hundred", " and fifty", " and a half"
    while j + 1 < len(doc):
        nxt = doc[j + 1]
        if nxt.text == "-" and j + 2 < len(doc) and is_number_word(doc[j + 2]) and not doc[j].whitespace_:
            j += 2
        elif is_number_word(nxt) and nxt.lower_ not in ("one",) and _continues_number(doc[j], nxt):
            j += 1
        elif (
            nxt.lower_ == "and"
            and j + 2 < len(doc)
            and is_number_word(doc[j + 2])
            and doc[j].lower_ in ("hundred", "thousand", "million")
        ):
            j += 2
        elif nxt.lower_ == "and" and j + 3 < len(doc) and doc[j + 2].lower_ == "a" and doc[j + 3].lower_ == "half":
            j += 3
        else:
            break
    value = word_number_value([doc[k].lower_ for k in range(i, j + 1)])
    return (j, value) if value is not None else None


def _continues_number(previous: Token, nxt: Token) -> bool:
    """Whether two number words are one number ("twenty three", "two hundred") and not a list ("two, three")."""
    p, n = previous.lower_, nxt.lower_
    if n in SCALES or n == "dozen":
        return True
    return p in TENS and n in SMALL_NUMBERS and SMALL_NUMBERS[n] < 10


@register_rule("figures.digits")
def read_digits(doc: Doc, i: int) -> tuple[int, float, str] | None:
    """Digits at token i, with a scale after them: (last token, value, unit from a glued suffix) or None.

    Examples: "80,000" -> 80000; "1.2 million" -> 1200000; "2.5bn" -> 2500000000; "5km" -> 5 with unit km.
    Example: The factory employs 80,000 workers across the region.
    """
    text = doc[i].text
    unit = ""
    if text.endswith("-") and doc[i + 1 : i + 2].text.lower() in ("or", "to", "and"):
        text = text[:-1]  # "5- or 6-inch": the first number of a suspended range
    m = DIGITS_WITH_SUFFIX.match(text)
    if DIGITS.match(text):
        value = float(text.replace(",", ""))
    elif m:
        value = float(m.group(1).replace(",", ""))
        suffix = m.group(2).lower()
        if suffix in ("bn", "b", "tn", "trn", "mn", "mln") or (suffix in ("m", "k") and _money_before(doc, i)):
            value *= SCALE_ABBREVIATIONS[suffix]
        elif suffix == "%" or suffix in PERCENT_WORDS:
            unit = "percent"  # "7.3%", "3.5pc"
        elif m.group(2) in ("C", "F"):
            unit = TEMPERATURE_UNITS[suffix]  # "42C in Seville"
        elif suffix in MEASURE_UNITS:
            unit = MEASURE_UNITS[suffix]  # "5kW", "20sqm", "13.5kWh"
        elif m.group(2) in CURRENCY_SUBUNITS:
            value, unit = value / 100, CURRENCY_SUBUNITS[m.group(2)]  # "45p" is 0.45 GBP
        elif suffix == "m" and glued_m_is_metres(doc, i, i):
            unit = "m"
        elif suffix == "m":
            value *= 1e6  # "1.2m people", "up from 3.9m"
        else:
            return None  # "2nd", "1990s", "10am", "B52": not a count
    else:
        return None
    j = i
    glued = doc[i + 1] if i + 1 < len(doc) and not doc[i].whitespace_ else None
    if (
        glued is not None
        and glued.is_alpha
        and glued.lower_.rstrip(".") not in SCALE_ABBREVIATIONS
        and glued.lower_ not in MEASURE_UNITS
        and glued.lower_ not in PERCENT_WORDS
    ):
        return None  # a code or a time split by the tokenizer: "4K", "5G", "10am"
    if not unit and j + 1 < len(doc):
        nxt = doc[j + 1].lower_
        if nxt in SCALES and nxt != "hundred" or nxt == "hundred":
            value *= SCALES[nxt]
            j += 1
        elif nxt.rstrip(".") in SCALE_ABBREVIATIONS and not doc[j].whitespace_:
            nxt = nxt.rstrip(".")
            if nxt == "k" and not _money_before(doc, i):
                return None  # "4K": a code, not thousands
            elif nxt == "m" and not _money_before(doc, i) and glued_m_is_metres(doc, i, j + 1):
                unit = "m"
                j += 1
            else:
                value *= SCALE_ABBREVIATIONS[nxt]
                j += 1
    return j, value, unit


@register_rule("figures.currency_prefix")
def read_currency_prefixed(doc: Doc, i: int) -> tuple[int, float, str] | None:
    """Money written with its currency code or symbol glued before the digits: (last token, value, ISO code) or None.

    Reads: "AUD1.5m" -> 1500000 AUD; "RM30" -> 30 MYR; "Rs500" -> 500 INR; "NZ$40" -> 40 NZD; "HK$3m" -> 3000000 HKD.
    Example: The firm lost AUD1.5m in the quarter.
    """
    match = CURRENCY_PREFIXED.match(doc[i].text)
    if not match or match.group(1).lower() not in CURRENCY_SYMBOLS:
        return None
    code, digits, suffix = match.groups()
    if code.isalpha() and not (code.isupper() or code in ("Rs",)):
        return None  # "ab12": a code, not money
    value, j = float(digits.replace(",", "")), i
    scale = suffix.lower()
    if scale and scale not in SCALE_ABBREVIATIONS:
        return None
    glued = doc[i + 1].lower_.rstrip(".") if i + 1 < len(doc) and not doc[i].whitespace_ else ""
    if not scale and glued in SCALE_ABBREVIATIONS:
        scale, j = glued, i + 1  # "AUD1.5" + "m", "NZ$3" + "m." at the end of a sentence
    elif not scale and i + 1 < len(doc) and doc[i + 1].lower_ in SCALES:
        value, j = value * SCALES[doc[i + 1].lower_], i + 1  # "RM30 million"
    if scale:
        value *= SCALE_ABBREVIATIONS[scale]
    return j, value, CURRENCY_SYMBOLS[code.lower()]


@register_rule("figures.temperature")
def read_temperature(doc: Doc, i: int) -> tuple[int, int, float, str] | None:
    """A temperature starting at token i: (first token, last token, value, unit) or None.

    The unit is "celsius" or "fahrenheit" when written, "degrees" when not; a "minus" or a minus sign before the
    number makes it negative. Examples: "reach 41C" -> 41 celsius; "a high of 38°C" -> 38 celsius; "104 degrees
    Fahrenheit" -> 104 fahrenheit; "minus 12C" and "-12C" -> -12 celsius; "30 degrees" -> 30 degrees;
    "a 40-degree day" -> 40 degrees. Whether a bare "degrees" is a temperature is `in_weather_context`'s call.
    Example: Temperatures are expected to reach 41C in the south on Friday.
    """
    match = SIGNED_TEMPERATURE.match(doc[i].text)
    if match:
        sign, digits, glued = match.groups()
        value, last = float(digits.replace(",", "")), i
    elif (words := read_word_number(doc, i)) is not None:
        sign, glued = "", None
        last, value = words
    else:
        return None
    if glued:
        unit = TEMPERATURE_UNITS.get(glued.lower(), "degrees")  # "38°" alone says no scale
        if glued == "°":
            unit, last = _temperature_unit_after(doc, last, unit)
    else:
        if sign:
            return None  # "-5" with no unit after is no temperature we can read
        unit, last = _temperature_unit_after(doc, last, "")
    if not unit:
        return None
    first = i
    if sign:
        value = -value
    elif i > 0 and doc[i - 1].lower_ == "minus":
        value, first = -value, i - 1
    elif (
        i > 0
        and doc[i - 1].text in ("-", "−", "–")
        and not doc[i - 1].whitespace_
        and (i < 2 or doc[i - 2].whitespace_)
    ):
        value, first = -value, i - 1  # "- 5C" split by the tokenizer, but not the range "30-35C"
    return first, last, value, unit


def _temperature_unit_after(doc: Doc, j: int, unit: str) -> tuple[str, int]:
    """The temperature unit written after the number (or bare degree sign) at token j, and its last token.

    Examples: "38 °C" -> celsius; "104 degrees Fahrenheit" -> fahrenheit; "30 degrees" -> degrees; "a 40-degree day"
    -> degrees; "38° F" and "38°" -> fahrenheit / the `unit` given. ("", j) when no temperature unit follows.
    """
    k = j + 1
    if k >= len(doc):
        return unit, j
    word = doc[k].lower_.rstrip(".")
    if doc[k].text == "°" and not unit:
        unit, j, k = "degrees", k, k + 1
        if k >= len(doc):
            return unit, j
        word = doc[k].lower_.rstrip(".")
    if word in ("°c", "°f") or (doc[k].text.rstrip(".") in ("C", "F") and unit == "degrees" and not doc[j].whitespace_):
        return TEMPERATURE_UNITS[word], k
    if word == "-" and not doc[j].whitespace_ and doc[k + 1 : k + 2].text.lower() == "degree":
        return "degrees", k + 1
    if word in ("degrees", "degree"):
        scale = doc[k + 1].text.rstrip(".") if k + 1 < len(doc) else ""
        if scale.lower() in ("celsius", "centigrade", "fahrenheit") or scale in ("C", "F"):
            return TEMPERATURE_UNITS[scale.lower()], k + 1
        return "degrees", k
    return unit, j


def in_weather_context(doc: Doc, i: int) -> bool:
    """Whether the sentence of token i talks about the weather, so that a bare "30 degrees" is a temperature.

    Examples: "It will be 30 degrees in London by Thursday, forecasters said" -> True (forecasters);
    "The skater spun through 360 degrees" -> False (an angle).
    """
    return any(t.lower_ in WEATHER_WORDS for t in doc[i].sent)


def temperature_noun(doc: Doc, cand: Candidate) -> str:
    """What a temperature counts: the temperature noun of its sentence nearest before it (else after), or
    "temperature".

    Examples: "Temperatures are expected to reach 41C" -> temperatures; "a high of 38C" -> high; "It was 104F in
    Phoenix" -> temperature.
    """
    sentence = doc[cand.first].sent
    # a capital at the sentence start makes spaCy call "Lows" a proper noun
    found = [
        t
        for t in sentence
        if t.lower_ in TEMPERATURE_NOUNS and (t.tag_ in ("NN", "NNS") or (t.i == sentence.start and t.pos_ == "PROPN"))
    ]
    nouns = [t for t in found if t.i < cand.first][-1:] or found[:1]
    return nouns[0].lower_ if nouns else "temperature"


@register_rule("figures.temperature_range")
def spread_temperature_to_range_partner(doc: Doc, found: list[Candidate]) -> None:
    """The first number of a temperature range is a temperature too: "highs of 30-35C", "between 3 and 5C".

    Examples: "highs of 30-35C" -> 30 and 35, both celsius, both counting highs.
    Example: Highs of 30-35C are forecast for the weekend.
    """
    for before, after in zip(found, found[1:], strict=False):
        between = {t.lower_ for t in doc[before.last + 1 : after.first]}
        if (
            after.kind == "temperature"
            and before.kind in ("digits", "words")
            and not before.unit
            and between
            and between <= {"-", "–", "to", "and"}
        ):
            before.kind, before.unit, before.counts = "temperature", after.unit, after.counts
            before.rule = spread_temperature_to_range_partner.rule_id


def glued_m_is_metres(doc: Doc, first: int, m_token: int) -> bool:
    """Whether an "m" glued to digits without a currency is metres, not millions.

    Metres: "a 50m fall", "the wall is 8m high", "a 100m-long tunnel"; millions: "4.5m passengers", "up from 3.9m".
    """
    after = doc[m_token + 1] if m_token + 1 < len(doc) else None
    if after is not None and (after.lower_ in METRE_CUES or after.text == "-" or after.tag_ == "NN"):
        return True
    return first > 0 and doc[first - 1].lower_ in ("a", "an", "the") and not (after is not None and after.tag_ == "NNS")


def _money_before(doc: Doc, i: int) -> bool:
    """Whether a currency symbol stands right before token i: "$" in "$50m"."""
    return i > 0 and doc[i - 1].lower_ in CURRENCY_SYMBOLS


@register_rule("figures.vague_amount")
def read_vague_amount(doc: Doc, i: int) -> tuple[int, float] | None:
    """A plural scale word used as an amount: (last token, lower-bound value) or None.

    Examples: "thousands of farmers" -> 1000; "tens of thousands" -> 10000; "hundreds of thousands" -> 100000;
    "dozens of homes" -> 12. "scores" counts only before "of" ("scores of people", not "test scores").
    Example: Thousands of farmers marched on the capital.
    """
    w = doc[i].lower_
    if w in ("several", "few") and doc[i + 1 : i + 2] and doc[i + 1].lower_ in SCALES:
        return i + 1, SCALES[doc[i + 1].lower_]  # "several thousand", "(a) few hundred"
    if (
        w == "tens"
        and doc[i + 1 : i + 2]
        and doc[i + 1].lower_ == "of"
        and doc[i + 2 : i + 3]
        and doc[i + 2].lower_ in VAGUE_AMOUNTS
    ):
        return i + 2, 10 * VAGUE_AMOUNTS[doc[i + 2].lower_]
    if w not in VAGUE_AMOUNTS:
        return None
    if w == "scores" and not (doc[i + 1 : i + 2] and doc[i + 1].lower_ == "of"):
        return None
    if doc[i + 1 : i + 2] and doc[i + 1].lower_ == "of" and doc[i + 2 : i + 3] and doc[i + 2].lower_ in VAGUE_AMOUNTS:
        return i + 2, VAGUE_AMOUNTS[w] * VAGUE_AMOUNTS[doc[i + 2].lower_]  # "hundreds of thousands"
    return i, VAGUE_AMOUNTS[w]


@register_rule("figures.multiplier")
def read_multiplier_word(doc: Doc, i: int) -> tuple[int, float] | None:
    """A word that multiplies: "quadruple that figure", "double the amount", "a threefold rise".

    Examples: "perhaps quadruple that figure" -> 4 (unit "times"). "double standards", "a triple murder" are not.
    Example: The final bill could be triple that figure, officials warned.
    """
    w = doc[i].lower_
    if w in FOLD_WORDS:
        return i, FOLD_WORDS[w]
    if w == "twice" and doc[i + 1 : i + 2] and doc[i + 1].lower_ == "as":
        return i, 2  # "twice as high"
    if w in MULTIPLIER_WORDS and doc[i + 1 : i + 2] and doc[i + 1].lower_ in MULTIPLIER_DETERMINERS:
        return i, MULTIPLIER_WORDS[w]
    return None


@register_rule("figures.twin")
def read_twin(doc: Doc, i: int) -> tuple[int, float] | None:
    """ "twin" before a plural noun counts two: "twin blasts", "twin suicide bombings". "Twin Towers" is a name.

    Examples: "twin explosions near the port killed at least 30 people" -> 2, counts explosions.
    Example: Twin blasts shook the market on Tuesday.
    """
    t = doc[i]
    if t.lower_ != "twin" or (t.text[0].isupper() and not t.is_sent_start):
        return None
    nxt = next((doc[k] for k in range(i + 1, min(i + 4, len(doc))) if doc[k].pos_ in ("NOUN", "PROPN")), None)
    if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
        return None
    return i, 2


@register_rule("figures.parent_of")
def read_parent_of(doc: Doc, i: int) -> int | None:
    """A number in "mother-of-three", "father of four": it counts children. Returns the first token of the
    hyphenated compound (so the figure's text is "Mother-of-three"), or None.

    Examples: "Mother-of-three Ms Smith, a nurse, ..." -> 3, counts children.
    Example: Mother-of-three Ann Lee said she had waited all night.
    """
    k = i - 1
    while k >= 0 and doc[k].text == "-":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return None
    hyphenated = doc[k + 1].text == "-"
    k -= 1
    while k >= 0 and doc[k].text == "-":
        k -= 1
    if k >= 0 and doc[k].lower_ in PARENT_WORDS:
        return k if hyphenated else i
    return None


@register_rule("figures.compound_adjective")
def compound_noun_after(doc: Doc, j: int) -> Token | None:
    """The noun glued to a number by a hyphen: "30-member", "six-nation", "10-year" -> member, nation, year.

    Examples: "the 30-member alliance" -> "member". "28-year-old" and "two-state solution" give None (age, fixed
    phrase).
    Example: The 30-member alliance met in the capital.
    """
    if j + 2 >= len(doc) or doc[j + 1].text not in ("-", "–") or doc[j].whitespace_ or doc[j + 1].whitespace_:
        return None
    noun = doc[j + 2]
    if not noun.is_alpha or noun.lower_ in FIXED_COMPOUNDS or is_number_word(noun) or noun.tag_ not in ("NN", "NNS"):
        return None
    if noun.lower_ == "percentage":
        return None  # "a 0.7-percentage-point rise": a unit, taken by `percentage_points_after`
    if noun.lower_ in ("year", "month", "week", "day") and doc[j + 3 : j + 5].text.lower() in ("-old", "- old"):
        return None
    if doc[j + 3 : j + 4] and doc[j + 3].text == "-" and doc[j + 4 : j + 5] and doc[j + 4].lower_ in ("old", "olds"):
        return None
    return noun


@register_rule("figures.strength")
def is_strength(doc: Doc, j: int) -> bool:
    """A number glued to "-strong": the size of a group ("a 1,200-strong force" -> 1200, counts force).

    Example: A 1,200-strong force was sent to the border.
    """
    return (
        j + 2 < len(doc) and doc[j + 1].text in ("-", "–") and not doc[j].whitespace_ and doc[j + 2].lower_ == "strong"
    )


def plural(word: str) -> str:
    """A simple English plural for a noun taken from a compound: "member" -> "members", "country" -> "countries"."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es" if not w.endswith("s") else w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def is_years_old_person(doc: Doc, token: Token) -> bool:
    """Whether a token is the "old" of "a 15-year-old" standing for a person (no noun after it)."""
    return (
        token.lower_ in ("old", "year-old")
        and token.i >= 2
        and doc[token.i - 2 : token.i].text.lower().replace(" ", "") in ("year-", "-year")
        or token.lower_.endswith("-year-old")
    ) and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")


@register_rule("figures.indefinite_article")
def read_indefinite_person(doc: Doc, i: int) -> int | None:
    """ "a", "an" or "another" before a singular noun for a person: one victim, when the person was hurt or killed.

    News writes a single victim without a number ("a man was killed", "another woman was wounded"); the article
    counts one. The figure is kept only with a casualty event (killed, wounded, shot...: `outcome_event` in
    figure_words.csv; `figures.article_without_event` drops the rest, so "a man was arrested" is no figure); its
    text is the article word, its noun the person ("a 15-year-old" is a person too; "another" alone takes the person
    of the figure before it: "one man was killed and another wounded"). Returns the token of the noun (-1 for
    "another" alone), or None.
    Example: A cyclist was injured when the van left the road.
    """
    t = doc[i]
    if t.lower_ == "another" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        return -1  # "one man was killed and another wounded": the person is the one before
    if t.lower_ not in ("a", "an", "another") or t.dep_ != "det":
        return None
    head = t.head
    if head.i > i and is_years_old_person(doc, head):
        return head.i  # "a 15-year-old was shot"
    if head.i <= i or head.tag_ != "NN" or head.lemma_.lower() not in PERSON_SINGULARS:
        return None
    owner = head.head.head if head.dep_ == "pobj" else None
    if owner is not None and owner.pos_ in ("NOUN", "PROPN") and (owner.lemma_.lower(), "noun") not in load_events():
        return None  # "the family of a civilian killed in 2003" describes the family; "the death of a man" counts
    return head.i


@register_rule("figures.both")
def read_both(doc: Doc, i: int) -> int | None:
    """ "both" for two people, when they were hurt or killed: "both men were killed", "both were shot".

    News often counts a pair with "both" rather than "two"; the article counts two. Like the single victim, the
    figure (text "both", value 2) is kept only with a casualty event (`figures.article_without_event` drops the
    rest: "both men were arrested"). "both" before a noun must be before people; "both ... and ..." is a
    conjunction, not a count. Returns the token of the noun (-1 when "both" stands alone), or None.
    Example: Both passengers were injured when the bus left the road.
    """
    t = doc[i]
    if t.lower_ != "both":
        return None
    if t.dep_ in ("det", "preconj") and any(c.dep_ == "conj" for c in t.head.children):
        return None  # "both men and women": a conjunction
    if t.dep_ == "det" and t.head.i > i and t.head.tag_ == "NNS":
        person = t.head.lemma_.lower() in PERSON_SINGULARS or t.head.lower_ in ("people", "victims")
        return t.head.i if person else None
    if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ in ("VERB", "AUX"):
        return -1  # "both were shot", "shot both": the pair was named before
    return None


@register_rule("figures.definite_victim")
def read_definite_person(doc: Doc, i: int) -> int | None:
    """ "the" before a singular noun for a person who died (or was hurt, in a report where nobody died): one victim.

    "the victim died at the scene", "the man found shot to death": the article counts one, as for "a man was killed".
    Kept only with a death event, or an injury in an article whose body says nobody died
    (`figures.definite_without_casualty` drops the rest: "the man was arrested", "the victim was shot" in a report
    of a death). Returns the token of the noun, or None.
    Example: The victim was pronounced dead at the scene.
    """
    t = doc[i]
    if t.lower_ != "the" or t.dep_ != "det":
        return None
    head = t.head
    if head.i <= i or head.tag_ != "NN" or head.lemma_.lower() not in PERSON_SINGULARS:
        return None
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children):
        return None  # "the wife of a man shot by police", "the victim's mother": what happened is another's
    return head.i


def find_number_cores(doc: Doc, memory: HarmedGroup | None = None) -> list[Candidate]:
    """Every number in a parsed line, before filtering: digits, words, vague amounts, multipliers, compounds.

    `memory` carries the last group of harmed people from the paragraphs before to this one, and on (for "the
    victims"); without it the line is read on its own.

    Examples: "Police said 12 people and a dozen officers were hurt" -> 12 (tokens 2..2) and 12 (tokens 5..6).
    """
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        cand = None
        temperature = read_temperature(doc, i)
        digits = read_digits(doc, i)
        if temperature and (temperature[3] != "degrees" or temperature[2] < 0 or in_weather_context(doc, i)):
            first, last, value, unit = temperature
            cand = Candidate(first, last, value, "temperature", unit=unit, rule=read_temperature.rule_id)
            cand.counts = temperature_noun(doc, cand)
        elif digits:
            last, value, unit = digits
            cand = Candidate(i, last, value, "digits", unit=unit, rule=read_digits.rule_id)
        elif (money := read_currency_prefixed(doc, i)) is not None:
            last, value, unit = money
            cand = Candidate(i, last, value, "digits", unit=unit, rule=read_currency_prefixed.rule_id)
        elif (words := read_word_number(doc, i)) is not None:
            cand = Candidate(i, words[0], words[1], "words", rule=read_word_number.rule_id)
        elif (vague := read_vague_amount(doc, i)) is not None:
            cand = Candidate(i, vague[0], vague[1], "vague", qualifier="at_least", rule=read_vague_amount.rule_id)
            if doc[i].lower_ == "few" and i > 0 and doc[i - 1].lower_ == "a":
                cand.first = i - 1  # "a few hundred"
        elif (mult := read_multiplier_word(doc, i)) is not None:
            cand = Candidate(i, mult[0], mult[1], "multiplier", unit="times", rule=read_multiplier_word.rule_id)
        elif (twin := read_twin(doc, i)) is not None:
            cand = Candidate(i, twin[0], twin[1], "words", rule=read_twin.rule_id)
        elif (person := read_indefinite_person(doc, i)) is not None:
            cand = Candidate(i, i, 1, "indefinite", rule=read_indefinite_person.rule_id, noun=person)
            if person >= 0 and is_years_old_person(doc, doc[person]):
                cand.counts = doc[i + 1 : person + 1].text  # "a 15-year-old" counts "15-year-old"
        elif (victim := read_definite_person(doc, i)) is not None:
            cand = Candidate(i, i, 1, "definite", rule=read_definite_person.rule_id, noun=victim)
        elif (pair := read_both(doc, i)) is not None:
            cand = Candidate(i, i, 2, "indefinite", rule=read_both.rule_id, noun=pair)
        elif (group := read_the_victims(doc, i, found, memory)) is not None:
            cand = Candidate(i, i, group[1], "definite", rule=read_the_victims.rule_id, noun=group[0])
        if cand is None:
            i += 1
            continue
        if cand.kind in ("digits", "words"):
            if (parent := read_parent_of(doc, cand.first)) is not None:
                cand.kind, cand.counts, cand.first = "parent", "children", parent
                cand.rule = read_parent_of.rule_id
            elif (noun := compound_noun_after(doc, cand.last)) is not None:
                cand.kind, cand.rule = "compound", compound_noun_after.rule_id
                if noun.lower_ in MEASURE_UNITS or cand.value != int(cand.value):
                    # "a 10-mile fence", "a 7.6-magnitude quake": a measure; what it measures comes from the parse
                    cand.unit = MEASURE_UNITS.get(noun.lower_, noun.lower_)
                else:
                    cand.counts = plural(noun.text)  # "the 30-member alliance" counts members
                cand.last += 2
            elif is_strength(doc, cand.last):
                cand.last += 2  # "a 1,200-strong force": what is counted is the noun after, read from the parse
                cand.rule = is_strength.rule_id
        found.append(cand)
        i = cand.last + 1
    spread_temperature_to_range_partner(doc, found)
    for first, last, size, noun in coordinated_people(doc):  # over the single victims they hold: "a man and a woman"
        rule = coordinated_people.rule_id
        found.append(Candidate(first, last, size, "indefinite", counts="people", rule=rule, noun=noun))
    found.sort(key=lambda c: c.first)
    if memory is not None:
        remember_last_group(doc, found, memory)
    return found
