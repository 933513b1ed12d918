"""Figures: numbers that count or measure something, with what they count and what happened to it.

How a figure is found, in order (each step is a named function below):

1. `find_number_cores` walks the tokens of each body line and finds the number itself: digits ("80,000", "3.75"),
   digits with a scale ("1.2 million", "2.5bn", "$50m"), number words ("five", "twenty-three", "a dozen",
   "two hundred and fifty", "half a million"), vague amounts ("thousands", "tens of thousands"), "twin",
   multipliers ("12 times", "three and a half times", "double that figure", "threefold"), compound adjectives
   ("the 30-member alliance", "a six-nation tour") and "mother-of-three".
2. `widen_with_money_and_units` takes in the currency before it ("£", "US$") and the scale, percent sign, currency
   word, measure unit or "times" after it.
3. `not_a_figure` drops years, dates, times, ages (also as thresholds: "65 or older"), ranks ("number two",
   "No 10"), labels and names ("World War Two", "Article 50", "iPhone 15", "page 14"), reference codes
   ("[nL1N1JQ1I4]", "4K"), phone and street numbers, scores ("won 3-1"), "N in M" ratios and fixed compounds
   ("two-state"); `is_pronoun_one` drops "one" as a pronoun. Photo positions ("(2nd R)") are ordinals and
   captions, so never read.
4. `widen_with_qualifier` takes in "more than", "some", "at least", "up to"... and sets `qualifier`.
5. `counted_noun` reads what is counted from the dependency parse; `event_of` reads what happened to it.

The word lists (number words, scales, currencies, units, qualifiers, months, label words...) are data, in
`tidynews/data/figure_words.csv` (list,word,value); the event verbs and nouns are in `tidynews/data/figure_events.csv`.

Documented decisions (the gold standard leaves these open; these are the rules this module follows):
- Vague plural amounts ("thousands", "hundreds of", "dozens", "tens of thousands") ARE figures: the value is the
  scale word's own value (1000, 100, 12, 10000) and the qualifier is `at_least`; so are "several thousand" and
  "a few hundred". "a few", "several", "a couple of", "many" alone are not figures: they give no number.
- Multipliers ("12 times", "three and a half times", "double that figure", "threefold") ARE figures with unit "times":
  they measure a ratio.
- Durations ("more than 40 years", "four years earlier") ARE figures: they count years. Ages are not.
- Ages used as thresholds are not figures ("will be 65 or older", "people aged 65 and over", "the over-65s",
  "those 18 and under", "children under five", "adults over 70", "anyone older than 80", "75 years or older",
  "the voting age to 16"); the count of those people is ("2 million people aged 65 and over" -> 2,000,000 people).
  "over"/"under" + number is an age only after a group of people and when the number counts no noun of its own
  ("over 70 miners", "under five years" stay figures). See `is_age_threshold`.
- Percentage points have the unit "percentage points" however written: "0.7 percentage points", "a 0.7 percentage
  point rise", "a 0.7-percentage-point rise", "0.7 of a percentage point" -> 0.7.
- Compound adjectives ("the 30-member alliance", "a six-nation tour", "a 10-year plan") ARE figures: they count the
  noun inside the compound ("members", "nations", "years"), except ages ("28-year-old") and fixed expressions
  ("two-state solution", "one-sided", "two-way"); with a unit ("a 10-mile fence") the noun is the `unit`.
- "N-plus" and "N+" are `more_than`.
- The word "one" (and "a"/"an") counts only with a scale ("one million"), a qualifier ("at least one soldier") or an
  event ("one person was killed"): otherwise it is a pronoun or article ("one of the biggest", "only one result").
- `event` is the past-participle label of the event from `tidynews/data/figure_events.csv` ("killing", "kill" and
  "were killed" all give "killed"), only for verbs and nouns listed there: what happened to the counted thing,
  not any verb of the sentence.
- Money with no counted noun counts the currency itself ("$40 million" counts "dollars").
- A figure with no noun of its own takes the noun of a range partner ("60-70 people") or of the figure before it
  in the same sentence ("killing 1,200 people and kidnapping over 240" -> people); a total takes what it totals
  ("the number of migrants rose to 1,200" -> migrants; "the death toll rose to 84" -> death toll).
- Temperatures ARE figures (measures): "reach 41C", "a high of 38°C", "104F", "104 degrees Fahrenheit",
  "minus 12C", "-5C" -> the value (negative after "minus" or a minus sign), unit "celsius"/"fahrenheit", or
  "degrees" when the scale is not written; `counts` is the temperature noun of the sentence ("temperatures",
  "high", "lows"), else "temperature". A bare "30 degrees" is a temperature only in a weather sentence
  ("forecasters", "heat", "temperatures"...) or when negative; otherwise it stays a measure with unit "degrees"
  ("spun through 360 degrees" counts nothing; "a 30-degree angle" counts "angle"). The first number of a range
  ("30-35C") is a temperature too. See `read_temperature`.
- Fractions ("half", "a third", "two-thirds", "one in five") are not figures: they are shares of another number.
- Scores ("won 3-1") are not figures; ranges ("60-70 people") are two figures.
- Only the body zone is read: headlines, standfirsts and captions repeat the body or describe photos.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from tidynews.articles import BODY
from tidynews.extract.common import ArticleExtraction, Figure
from tidynews.nlp import ParsedArticle, ParsedBlock
from tidynews.paths import DATA_DIR

EVENTS_PATH = DATA_DIR / "figure_events.csv"

# --- lexicon --------------------------------------------------------------------------------------

WORDS_PATH = DATA_DIR / "figure_words.csv"


@lru_cache(maxsize=1)
def load_word_lists() -> dict[str, dict[str, str]]:
    """The word lists of `tidynews/data/figure_words.csv`: list name -> {word: value}.

    Example rows: "small_number,five,5", "currency_symbol,£,GBP", "qualifier,more than,more_than", "month,sept,".
    """
    lists: dict[str, dict[str, str]] = {}
    with open(WORDS_PATH, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lists.setdefault(row["list"], {})[row["word"]] = row["value"]
    return lists


def _numbers(name: str) -> dict[str, float]:
    """A word list whose values are numbers: _numbers("scale")["million"] == 1e6."""
    return {w: float(v) for w, v in load_word_lists()[name].items()}


def _words(name: str) -> set[str]:
    """A word list as a set: "sept" in _words("month")."""
    return set(load_word_lists()[name])


SMALL_NUMBERS = _numbers("small_number")  # one .. nineteen
TENS = _numbers("tens")  # twenty .. ninety
SCALES = _numbers("scale")  # hundred, thousand, million ...
SCALE_ABBREVIATIONS = _numbers("scale_abbreviation")  # "2.5bn", "$50m", "3tn"
VAGUE_AMOUNTS = _numbers("vague_amount")  # "thousands" -> 1000 (a lower bound)
MULTIPLIER_WORDS = _numbers("multiplier")  # "double that figure"
FOLD_WORDS = _numbers("fold")  # "threefold"
CURRENCY_SYMBOLS = load_word_lists()["currency_symbol"]  # "£" -> GBP, "US$" -> USD
CURRENCY_WORDS = load_word_lists()["currency_word"]  # "euros" -> EUR
CURRENCY_NAMES = load_word_lists()["currency_name"]  # what money with no noun counts: USD -> dollars
MEASURE_UNITS = load_word_lists()["measure_unit"]  # "kilometres" -> km
QUALIFIER_PHRASES = load_word_lists()["qualifier"]  # "more than" -> more_than
IRREGULAR_PLURALS = load_word_lists()["irregular_plural"]  # "man" -> "men"
AREA_WORDS = _words("area_word")  # "sq km", "square miles"
PERCENT_WORDS = _words("percent_word")
MONTHS = _words("month")
WEEKDAYS = _words("weekday")
TIME_WORDS = _words("time_word")  # after a clock time: "am", "GMT", "o'clock"
TIME_UNITS = _words("time_unit")  # durations: years, months, days ...
AGE_CUES = _words("age_cue")  # "aged 28"
AGE_GROUP_WORDS = _words("age_group_word")  # people an age threshold follows: "adults over 70", "those 18 and under"
AGE_BOUND_WORDS = _words("age_bound_word")  # after "N and/or": "65 or older", "18 and under", "65 and over"
RANK_CUES = _words("rank_cue")  # "number two", "No. 1"
LABEL_WORDS = _words("label_word")  # make the number after them a label: "Article 50", "Flight 17"
FIXED_COMPOUNDS = _words("fixed_compound")  # number compounds that count nothing: "two-state", "one-sided"
PERSON_NOUNS = _words("person_noun")  # an age in commas can follow them: "her father, 81,"
PARENT_WORDS = _words("parent_word")  # "mother-of-three"
MULTIPLIER_DETERMINERS = _words("multiplier_determiner")  # "quadruple that figure", "double the amount"
METRE_CUES = _words("metre_cue")  # "8m high": a glued m is metres
TEMPERATURE_UNITS = load_word_lists()["temperature_unit"]  # "c", "°c", "celsius" -> celsius
TEMPERATURE_NOUNS = _words("temperature_noun")  # what a temperature counts: "temperatures", "a high", "lows"
WEATHER_WORDS = _words("weather_word")  # make a bare "30 degrees" a temperature rather than an angle
TOTAL_NOUNS = _words("total_noun")  # "the number of X", "the death toll"


MAX_QUALIFIER_WORDS = max(len(p.split()) for p in QUALIFIER_PHRASES)

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# Digits with an abbreviation glued on: "2.5bn", "4bn", "5km", "20%".
DIGITS_WITH_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z%°/]+)$")
# A temperature as one token: "41C", "-5C", "−12C", "38°", "104F." (sentence-final), or bare digits "-5".
SIGNED_TEMPERATURE = re.compile(r"^([-−–]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(°?[CF]|°)?\.?$")
TIME_OF_DAY = re.compile(r"^\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)$|^\d{1,2}:\d{2}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_events() -> dict[tuple[str, str], str]:
    """The event lexicon: (lemma, role) -> event label. Roles: object, subject, any, passive, noun.

    Example row: "kill,killed,object" — "killing 5 people" and "5 people were killed" give "killed".
    """
    with open(EVENTS_PATH, encoding="utf-8", newline="") as f:
        return {(row["word"], row["role"]): row["event"] for row in csv.DictReader(f)}


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


def word_number_value(words: list[str]) -> float | None:
    """The value of a run of number words, or None when it is not a number.

    Example: "two hundred and fifty" -> 250, "twenty-three" -> 23, "a dozen" -> 12, "half a million" -> 500000,
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


def read_word_number(doc: Doc, i: int) -> tuple[int, float] | None:
    """The number written in words that starts at token i: (last token index, value), or None.

    Example: "Twenty-three people" -> tokens 0..2, 23; "a dozen soldiers" -> tokens 0..1, 12;
    "half a million" -> 500000; "three and a half times" -> 3.5 (the caller takes "times").
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


def read_digits(doc: Doc, i: int) -> tuple[int, float, str] | None:
    """Digits at token i, with a scale after them: (last token, value, unit from a glued suffix) or None.

    Example: "80,000" -> 80000; "1.2 million" -> 1200000; "2.5bn" -> 2500000000; "5km" -> 5 with unit km.
    """
    text = doc[i].text
    unit = ""
    m = DIGITS_WITH_SUFFIX.match(text)
    if DIGITS.match(text):
        value = float(text.replace(",", ""))
    elif m:
        value = float(m.group(1).replace(",", ""))
        suffix = m.group(2).lower()
        if suffix in ("bn", "b", "tn", "trn", "mn", "mln") or (suffix in ("m", "k") and _money_before(doc, i)):
            value *= SCALE_ABBREVIATIONS[suffix]
        elif suffix == "%":
            unit = "percent"
        elif m.group(2) in ("C", "F"):
            unit = TEMPERATURE_UNITS[suffix]  # "42C in Seville"
        elif suffix in MEASURE_UNITS:
            unit = MEASURE_UNITS[suffix]
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


def read_temperature(doc: Doc, i: int) -> tuple[int, int, float, str] | None:
    """A temperature starting at token i: (first token, last token, value, unit) or None.

    The unit is "celsius" or "fahrenheit" when written, "degrees" when not; a "minus" or a minus sign before the
    number makes it negative. Examples: "reach 41C" -> 41 celsius; "a high of 38°C" -> 38 celsius; "104 degrees
    Fahrenheit" -> 104 fahrenheit; "minus 12C" and "-12C" -> -12 celsius; "30 degrees" -> 30 degrees;
    "a 40-degree day" -> 40 degrees. Whether a bare "degrees" is a temperature is `in_weather_context`'s call.
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

    Example: "38 °C" -> celsius; "104 degrees Fahrenheit" -> fahrenheit; "30 degrees" -> degrees; "a 40-degree day"
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

    Example: "It will be 30 degrees in London by Thursday, forecasters said" -> True (forecasters);
    "The skater spun through 360 degrees" -> False (an angle).
    """
    return any(t.lower_ in WEATHER_WORDS for t in doc[i].sent)


def temperature_noun(doc: Doc, cand: Candidate) -> str:
    """What a temperature counts: the temperature noun of its sentence nearest before it (else after), or
    "temperature".

    Example: "Temperatures are expected to reach 41C" -> temperatures; "a high of 38C" -> high; "It was 104F in
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


def spread_temperature_to_range_partner(doc: Doc, found: list[Candidate]) -> None:
    """The first number of a temperature range is a temperature too: "highs of 30-35C", "between 3 and 5C".

    Example: "highs of 30-35C" -> 30 and 35, both celsius, both counting highs.
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


def read_vague_amount(doc: Doc, i: int) -> tuple[int, float] | None:
    """A plural scale word used as an amount: (last token, lower-bound value) or None.

    Example: "thousands of farmers" -> 1000; "tens of thousands" -> 10000; "hundreds of thousands" -> 100000;
    "dozens of homes" -> 12. "scores" counts only before "of" ("scores of people", not "test scores").
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


def read_multiplier_word(doc: Doc, i: int) -> tuple[int, float] | None:
    """A word that multiplies: "quadruple that figure", "double the amount", "a threefold rise".

    Example: "perhaps quadruple that figure" -> 4 (unit "times"). "double standards", "a triple murder" are not.
    """
    w = doc[i].lower_
    if w in FOLD_WORDS:
        return i, FOLD_WORDS[w]
    if w == "twice" and doc[i + 1 : i + 2] and doc[i + 1].lower_ == "as":
        return i, 2  # "twice as high"
    if w in MULTIPLIER_WORDS and doc[i + 1 : i + 2] and doc[i + 1].lower_ in MULTIPLIER_DETERMINERS:
        return i, MULTIPLIER_WORDS[w]
    return None


def read_twin(doc: Doc, i: int) -> tuple[int, float] | None:
    """ "twin" before a plural noun counts two: "twin blasts", "twin suicide bombings". "Twin Towers" is a name.

    Example: "twin blasts on Wednesday killed at least 84 people" -> 2, counts blasts.
    """
    t = doc[i]
    if t.lower_ != "twin" or (t.text[0].isupper() and not t.is_sent_start):
        return None
    nxt = next((doc[k] for k in range(i + 1, min(i + 4, len(doc))) if doc[k].pos_ in ("NOUN", "PROPN")), None)
    if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
        return None
    return i, 2


def read_parent_of(doc: Doc, i: int) -> int | None:
    """A number in "mother-of-three", "father of four": it counts children. Returns the first token of the
    hyphenated compound (so the figure's text is "Mother-of-three"), or None.

    Example: "Mother-of-three Ms Smith, a nurse, ..." -> 3, counts children.
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


def compound_noun_after(doc: Doc, j: int) -> Token | None:
    """The noun glued to a number by a hyphen: "30-member", "six-nation", "10-year" -> member, nation, year.

    Example: "the 30-member alliance" -> "member". "28-year-old" and "two-state solution" give None (age, fixed phrase).
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


def is_strength(doc: Doc, j: int) -> bool:
    """A number glued to "-strong": the size of a group. Example: "a 1,200-strong force" -> 1200, counts force."""
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


def find_number_cores(doc: Doc) -> list[Candidate]:
    """Every number in a parsed line, before filtering: digits, words, vague amounts, multipliers, compounds.

    Example: "Police said 12 people and a dozen officers were hurt" -> 12 (tokens 2..2) and 12 (tokens 5..6).
    """
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        cand = None
        temperature = read_temperature(doc, i)
        digits = read_digits(doc, i)
        if temperature and (temperature[3] != "degrees" or temperature[2] < 0 or in_weather_context(doc, i)):
            first, last, value, unit = temperature
            cand = Candidate(first, last, value, "temperature", unit=unit)
            cand.counts = temperature_noun(doc, cand)
        elif digits:
            last, value, unit = digits
            cand = Candidate(i, last, value, "digits", unit=unit)
        elif (words := read_word_number(doc, i)) is not None:
            cand = Candidate(i, words[0], words[1], "words")
        elif (vague := read_vague_amount(doc, i)) is not None:
            cand = Candidate(i, vague[0], vague[1], "vague", qualifier="at_least")
            if doc[i].lower_ == "few" and i > 0 and doc[i - 1].lower_ == "a":
                cand.first = i - 1  # "a few hundred"
        elif (mult := read_multiplier_word(doc, i)) is not None:
            cand = Candidate(i, mult[0], mult[1], "multiplier", unit="times")
        elif (twin := read_twin(doc, i)) is not None:
            cand = Candidate(i, twin[0], twin[1], "words")
        if cand is None:
            i += 1
            continue
        if cand.kind in ("digits", "words"):
            if (parent := read_parent_of(doc, cand.first)) is not None:
                cand.kind, cand.counts, cand.first = "parent", "children", parent
            elif (noun := compound_noun_after(doc, cand.last)) is not None:
                cand.kind = "compound"
                if noun.lower_ in MEASURE_UNITS or cand.value != int(cand.value):
                    # "a 10-mile fence", "a 7.6-magnitude quake": a measure; what it measures comes from the parse
                    cand.unit = MEASURE_UNITS.get(noun.lower_, noun.lower_)
                else:
                    cand.counts = plural(noun.text)  # "the 30-member alliance" counts members
                cand.last += 2
            elif is_strength(doc, cand.last):
                cand.last += 2  # "a 1,200-strong force": what is counted is the noun after, read from the parse
        found.append(cand)
        i = cand.last + 1
    spread_temperature_to_range_partner(doc, found)
    return found


# --- units ----------------------------------------------------------------------------------------


def widen_with_money_and_units(doc: Doc, cand: Candidate) -> None:
    """Take in the currency before the number and the percent sign, currency word, unit or "times" after it.

    Example: "US$4 billion" -> USD; "12 per cent" -> percent; "50 euros" -> EUR; "3,000 sq km" -> km2;
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
    elif after[0] in MEASURE_UNITS:
        cand.last, cand.unit = j + 1, MEASURE_UNITS[after[0]]


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


# --- what is not a figure -------------------------------------------------------------------------


def is_year(doc: Doc, cand: Candidate) -> bool:
    """A four-digit year, alone or in a range: "in 2022", "2015-2020", "the 2024 elections", "since 1991".

    Example: "the plan for the period 2015-2020" -> not a figure. "2000 people" stays a figure.
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


def is_date_part(doc: Doc, cand: Candidate) -> bool:
    """A day of the month next to a month name: "October 7", "7 October", "Sept. 9", "the 3rd of May".

    Example: "the massacres of October 7" -> not a figure.
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


def is_time_of_day(doc: Doc, cand: Candidate) -> bool:
    """A clock time: "10:30", "10am", "10 a.m.", "0900 GMT", "at 5 o'clock".

    Example: "the strike began at 0300 GMT" -> not a figure.
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


def is_age(doc: Doc, cand: Candidate) -> bool:
    """An age: "Mr Okafor, 34,", "aged 34", "at the age of 34", "a 34-year-old", "34 years old", "Smith (34)".

    Example: "Mother-of-three Ms Jones, 41, a nurse" -> 41 is not a figure.
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

    Example: in "75 years of age or older" it is the token "age"; in "75 or older" it is "75" itself.
    """
    if doc[last + 1 : last + 2].text.lower() not in ("years", "year"):
        return last
    if doc[last + 2 : last + 4].text.lower() == "of age":
        return last + 3
    return last + 1


def is_age_with_bound_after(doc: Doc, cand: Candidate) -> bool:
    """An age made a threshold by "and/or older/over/under..." after it: the people above or below it, not a count.

    Example: "citizens will be 65 or older", "those 18 and under", "patients 75 years or older", "people aged 65 and
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

    Example: "children under five", "adults over 70", "anyone older than 80", "residents aged over 60";
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


def is_age_threshold(doc: Doc, cand: Candidate) -> bool:
    """An age used as a threshold ("65 or older", "children under five", "anyone older than 80"): not a figure.

    The count of those people stays a figure: in "2 million people aged 65 and over" only 2 million is one.
    """
    return is_age_with_bound_after(doc, cand) or is_age_after_comparative(doc, cand)


def is_rank(doc: Doc, cand: Candidate) -> bool:
    """A rank, not a count: "Hamas number two", "the world's No. 1", "number-two official".

    Example: "slain Hamas number two Saleh al-Aruri" -> not a figure.
    """
    k = cand.first - 1
    while k >= 0 and doc[k].text in ("-", "."):
        k -= 1
    return k >= 0 and doc[k].lower_ in RANK_CUES and cand.kind in ("digits", "words")


def is_score(doc: Doc, cand: Candidate) -> bool:
    """A sports score or a vote tally written N-M with nothing counted after it: "won 3-1", "a 2-2 draw".

    Example: "Chelsea won 3-1 at home" -> not figures; "60-70 people were missing" keeps both numbers.
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


def is_fixed_compound(doc: Doc, cand: Candidate) -> bool:
    """A number glued into a fixed expression that counts nothing: "two-state solution", "one-sided", "two-way".

    Example: "the talks ended in a two-state solution" -> not a figure.
    """
    j = cand.last
    return (
        j + 2 < len(doc)
        and doc[j + 1].text in ("-", "–")
        and not doc[j].whitespace_
        and doc[j + 2].lower_ in FIXED_COMPOUNDS
    )


def is_label_or_name(doc: Doc, cand: Candidate) -> bool:
    """A number that is part of a name or a label: "World War Two", "Marine One", "Article 50", "G7", "F-16".

    Example: "a bunker built before World War Two" -> not a figure.
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


STREET_WORDS = {
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "boulevard",
    "drive",
    "place",
    "square",
    "terrace",
    "crescent",
    "close",
    "way",
    "highway",
}


def is_street_number(doc: Doc, cand: Candidate) -> bool:
    """A house number: digits before a street name. Example: "he lived at 221 Baker Street" -> not a figure."""
    if cand.kind != "digits" or cand.unit:
        return False
    for k in range(cand.last + 1, min(len(doc), cand.last + 5)):
        if doc[k].lower_.rstrip(".") in STREET_WORDS and doc[k].text[0].isupper():
            return all(doc[m].text[:1].isupper() for m in range(cand.last + 1, k))
        if not doc[k].text[:1].isupper():
            return False
    return False


def is_in_brackets_code(doc: Doc, cand: Candidate) -> bool:
    """A number inside a square-bracketed reference code or a photo position: "[nL1N1JQ1I4]", "(2nd R)".

    Example: "the navy said. [nX7Q2LM4RB]" -> nothing from the brackets.
    """
    previous = doc[cand.first - 1] if cand.first > 0 else None
    nxt = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    if previous is not None and previous.text == "[" and nxt is not None and nxt.text == "]":
        return True
    return any(re.search(r"[A-Za-z]\d", t.text) for t in doc[cand.first : cand.last + 1])


def is_phone_number(doc: Doc, cand: Candidate) -> bool:
    """A phone number or code: digit groups with a leading zero or plus, "020 7946 0958", "+44 20 7946 0958".

    Example: "call 0800 555 0199" -> not a figure.
    """
    t = doc[cand.first]
    if cand.kind != "digits" or cand.unit:
        return False
    if re.fullmatch(r"0\d+", t.text):
        return True
    neighbours = [doc[k] for k in (cand.first - 1, cand.last + 1) if 0 <= k < len(doc)]
    return any(re.fullmatch(r"\+?\d{2,}", n.text) and (n.text.startswith(("0", "+"))) for n in neighbours)


def is_pronoun_one(doc: Doc, cand: Candidate, has_event: bool) -> bool:
    """ "one" (or "a dozen"-less "a") that is a pronoun or an article, not a count.

    Example: "one of the biggest exporters", "there is only one possible result" -> not figures;
    "at least one soldier was killed" -> a figure (qualifier), "killing one person" -> a figure (event).
    """
    if cand.kind != "words" or cand.value != 1 or cand.first != cand.last:
        return False
    return cand.qualifier == "exact" and not has_event


def not_a_figure(doc: Doc, cand: Candidate) -> str:
    """The name of the rule that rejects the number, or "" when it is a figure (the pronoun rule comes later)."""
    for rule in (
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
    ):
        if rule(doc, cand):
            return rule.__name__
    return ""


# --- qualifier ------------------------------------------------------------------------------------


def widen_with_plus(doc: Doc, cand: Candidate) -> None:
    """Take in a "plus" after the number: it is a lower bound.

    Example: "200-plus cars" and "300+ cars" -> more_than, text "200-plus" / "300+".
    """
    j = cand.last
    if doc[j + 1 : j + 2].text == "+" and not doc[j].whitespace_:
        cand.last, cand.qualifier = j + 1, "more_than"
    elif doc[j + 1 : j + 3].text.lower() in ("-plus",) and not doc[j].whitespace_:
        cand.last, cand.qualifier = j + 2, "more_than"


def is_ratio_part(doc: Doc, cand: Candidate) -> bool:
    """A number of an "N in M" ratio: "one in four children", "nine in ten voters" (a share, not a count).

    Example: "One in four children lives in poverty" -> neither 1 nor 4 is a figure.
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


def is_group_name(doc: Doc, cand: Candidate) -> bool:
    """The number of a club's name: "the Group of 20", "the Group of Seven" (the G20, the G7).

    Example: "leaders of the Group of 20 met in Osaka" -> not a figure.
    """
    return cand.first >= 2 and doc[cand.first - 1].lower_ == "of" and doc[cand.first - 2].text in ("Group", "Club")


def widen_with_qualifier(doc: Doc, cand: Candidate) -> None:
    """Take in a qualifier phrase right before the number and set `qualifier`.

    Example: "more than 80,000 residents" -> more_than, text "more than 80,000"; "some 1,200" -> approximate;
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


# --- what is counted, and what happened ----------------------------------------------------------


def span_root(doc: Doc, cand: Candidate) -> Token:
    """The token of the figure that attaches it to the rest of the sentence (its head lies outside the figure).

    Example: in "$50m grant" the root is "m" or "50", whose head "grant" is outside.
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

    Example: "more than 80,000 residents of the north" -> residents (head of nummod);
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
    for r in allowed[role]:
        if (lemma, r) in events:
            return events[(lemma, r)]
    if (verb.lower_, "adjective") in events and role in ("passive", "subject"):
        return events[(verb.lower_, "adjective")]  # "injured passengers", "the wounded soldiers"
    return ""


def _state_event(verb: Token) -> str:
    """The event of "be" + a state adjective: "12 people are missing", "five were dead"."""
    events = load_events()
    if verb.lemma_ not in ("be", "remain", "become"):
        return ""
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd") and (child.lower_, "adjective") in events:
            return events[(child.lower_, "adjective")]
    return ""


def _is_passive(verb: Token) -> bool:
    """Whether a verb is passive or a past participle on a noun: "were killed", "men detained at a checkpoint"."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )


def event_of(doc: Doc, cand: Candidate, counted: Token | None) -> str:
    """What the sentence says happened to what the figure counts, from the event lexicon; "" when nothing.

    Example: "killing some 1,200 people" -> killed; "80,000 residents who have been displaced" -> displaced;
    "Over 300,000 Uyghurs have fled" -> fled; "the shooting of three unarmed men" -> shot; "seven deaths" -> died;
    "the government pledged $50m" -> pledged. "Five gunmen killed two guards": the gunmen get no event.
    """
    events = load_events()
    if counted is not None and counted.lower_ in TIME_UNITS:
        return ""  # a duration is not what things happen to: "spend £1.5bn over five years"
    anchor = counted if counted is not None else span_root(doc, cand)
    nouns = [anchor] + ([of_object(anchor)] if of_object(anchor) is not None else [])
    for noun in nouns:
        # "displaced Israelis", "men detained at a checkpoint", "residents who have been displaced", "people who fled"
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
    if counted is not None and (counted.lemma_.lower(), "noun") in events:
        return events[(counted.lemma_.lower(), "noun")]  # "five deaths", "20 arrests"
    if counted is not None and counted.lower_ in TOTAL_NOUNS:
        for child in counted.children:  # "the death toll rose to 84"
            if child.dep_ == "compound" and (child.lemma_.lower(), "noun") in events:
                return events[(child.lemma_.lower(), "noun")]
    t = anchor
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return ""
        if t.dep_ == "conj":
            t = head
            continue
        if t.dep_ == "pobj" and head.lower_ in ("over", "about", "around", "some", "nearly", "than", "to", "by"):
            # "kidnapping over 240": a qualifier parsed as a preposition
            t = head
            if t.head.pos_ in ("VERB", "AUX"):
                return _verb_event(t.head, "object")
            continue
        if t.dep_ == "pobj" and head.lower_ == "of" and (head.head.lemma_.lower(), "noun") in events:
            return events[(head.head.lemma_.lower(), "noun")]  # "the killing of 5 people"
        if head.pos_ in ("VERB", "AUX"):
            if t.dep_ == "nsubjpass":
                return _verb_event(head, "passive")
            if t.dep_ in ("dobj", "attr", "npadvmod", "oprd"):
                return _verb_event(head, "object")
            if t.dep_ == "nsubj":
                return _verb_event(head, "subject") or _state_event(head)
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


# --- the table ------------------------------------------------------------------------------------


def figures_of_block(parsed_block: ParsedBlock) -> list[Figure]:
    """All figures of one body line, with block-relative offsets turned into article offsets.

    Example: "Twin blasts killed at least 84 people." -> [2 blasts, 84 people (at_least, killed)].
    """
    doc = parsed_block.doc
    figures: list[tuple[Candidate, Figure, Token | None]] = []
    for cand in find_number_cores(doc):
        widen_with_money_and_units(doc, cand)
        if cand.kind != "temperature" and not_a_figure(doc, cand):
            continue
        widen_with_plus(doc, cand)
        if cand.qualifier == "exact":
            widen_with_qualifier(doc, cand)
        elif cand.kind == "vague":
            widen_with_qualifier(doc, cand)
            cand.qualifier = "at_least" if cand.qualifier == "exact" else cand.qualifier
        counted = None if cand.counts else counted_noun(doc, cand)
        figure_tokens = range(cand.first, cand.last + 1)
        counts = cand.counts or (noun_with_compounds(counted, figure_tokens) if counted is not None else "")
        event = event_of(doc, cand, counted)
        if is_pronoun_one(doc, cand, bool(event)):
            continue
        if (
            cand.unit in ("km", "m", "miles", "kg", "tonnes")
            and counted is not None
            and counted.lower_ in ("away", "long")
        ):
            counts = ""
        first = cand.qualifier_first if cand.qualifier_first >= 0 else cand.first
        start = doc[first].idx
        strip_full_stop = cand.last > cand.first or cand.kind == "temperature"  # "reached 41C." ends the sentence
        end = doc[cand.last].idx + len(doc[cand.last].text.rstrip(".") if strip_full_stop else doc[cand.last])
        figures.append(
            (
                cand,
                Figure(
                    value=float(cand.value),
                    text=doc.text[start:end],
                    qualifier=cand.qualifier,
                    start=parsed_block.offset + start,
                    end=parsed_block.offset + end,
                    unit=cand.unit,
                    counts=counts,
                    event=event,
                ),
                counted,
            )
        )
    inherit_elided_counts(doc, figures)
    return [f for _, f, _ in figures]


def inherit_elided_counts(doc: Doc, figures: list[tuple[Candidate, Figure, Token | None]]) -> None:
    """A figure whose noun is left out takes the noun of the figure before it in the same sentence.

    Example: "killing some 1,200 people and kidnapping over 240" -> 240 counts people.
    Money with no noun counts its currency: "at least $40 million" -> dollars.
    """
    for n, (cand, fig, _) in enumerate(figures):
        if fig.counts:
            continue
        if n + 1 < len(figures):
            next_cand, following, _ = figures[n + 1]
            between = {t.lower_ for t in doc[cand.last + 1 : next_cand.first]}
            if following.counts and following.unit == fig.unit and between <= {"-", "–", "to", "and", "or"}:
                fig.counts = following.counts  # a range: "60-70 people", "between 10 and 15 houses"
                continue
        if cand.unit in CURRENCY_NAMES.keys():
            fig.counts = CURRENCY_NAMES[cand.unit]
            continue
        if cand.unit or n == 0:
            continue
        prev_cand, prev, _ = figures[n - 1]
        same_sentence = doc[prev_cand.first].sent.start == doc[cand.first].sent.start
        if same_sentence and prev.counts and not prev.unit and cand.first - prev_cand.last <= 25:
            fig.counts = prev.counts


def extract_figures(parsed: ParsedArticle, result: ArticleExtraction) -> None:
    """Figures of the body zone of an article, in reading order, into `result.figures`.

    Example: "more than 80,000 residents" -> value 80000, qualifier more_than, counts residents.
    """
    for parsed_block in parsed.zone_blocks(BODY):
        result.figures.extend(figures_of_block(parsed_block))
