"""The vocabulary of figures: word lists and event verbs read from `tidynews/data/`, and the number-shaped regexes.

Owns `figure_words.csv` (list, word, value, reason, example: number words, scales, currencies, units, qualifiers,
months, label words...) and `figure_events.csv` (word, event, role, reason, example: what happened to what is
counted), each checked against the Table Schema beside it (`<name>.schema.json`). Every other figures module reads
its words from here; no word list is written in code.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

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
FATAL_ADVERBS = _words("fatal_adverb")  # "fatally shot", "two fatally": killed
FATAL_ADJECTIVES = _words("fatal_adjective")  # "suffered fatal injuries": killed
DEATH_WORDS = _words("death_word")  # in a sentence, say that someone died: a count of people shot stays "shot"
OUTCOME_EVENTS = _words("outcome_event")  # what a shooting or an attack did: "shot and killed" -> killed
EXPERIENCE_VERBS = _words("experience_verb")  # the subject suffers the noun: "suffered injuries" -> injured
CURRENCY_CODES = set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values()) | set(CURRENCY_NAMES)  # ISO 4217
CURRENCY_SUBUNITS = load_word_lists()["currency_subunit"]  # "45p": a hundredth of GBP
SLASH_RATES = load_word_lists()["slash_rate"]  # "50 km/h", "30 m/s": the unit after the slash
VOLUME_WORDS = _words("volume_word")  # "cubic metres" -> m3
RATE_WORDS = load_word_lists()["rate_word"]  # "miles per hour", "per cent a year"
UNIT_SUBSTANCES = load_word_lists()["unit_substance"]  # "tonnes CO2"
STREET_WORDS = _words("street_word")  # a number before "<Name> Street" is a house number
PERPETRATOR_WORDS = _words("perpetrator_word")  # who did it: "two suspects" are not "the victims" named later
PERSON_SINGULARS = _words("person_singular")  # "a man was killed": the article counts one
CASUALTY_EVENTS = OUTCOME_EVENTS | _words("casualty_means")  # the events of a count of people killed or hurt
SEVERAL_INCIDENTS_CUES = _words("several_incidents_cue")  # "in separate shootings", "so far this year": a sum
OTHER_INCIDENT_CUES = _words("other_incident_cue")  # "in a separate shooting": another incident than the one reported
TRANSPORT_VERBS = _words("transport_verb")  # "two men were taken to a hospital": hospitalised
HOSPITAL_WORDS = _words("hospital_word")  # where "taken to" makes a count hospitalised
GUNFIRE_WORDS = _words("gunfire_word")  # "two were struck by gunfire": wounded
HOSPITAL_CONDITIONS = _words("hospital_condition")  # "two men are in critical condition": injured
CARE_VERBS = _words("care_verb")  # "three were treated for gunshot wounds": wounded
ATTACK_WORDS = _words("attack_word")  # "fired on two men": harm aimed at them, whatever came of it
ATTEMPT_WORDS = _words("attempt_word")  # "tried to kill two men": the event did not happen
NOT_VICTIMS = _words("not_a_victim")  # things a shooting hits: "three homes were hit" is no casualty count


MAX_QUALIFIER_WORDS = max(len(p.split()) for p in QUALIFIER_PHRASES)

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# Digits with an abbreviation glued on: "2.5bn", "4bn", "5km", "20%".
DIGITS_WITH_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z%°/]+)$")
# A temperature as one token: "41C", "-5C", "−12C", "38°", "104F." (sentence-final), or bare digits "-5".
SIGNED_TEMPERATURE = re.compile(r"^([-−–]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(°?[CF]|°)?\.?$")
# A currency code or symbol glued before digits, with a scale or nothing after: "AUD1.5", "RM30", "Rs500", "NZ$40".
CURRENCY_PREFIXED = re.compile(r"^([A-Za-z]{1,3}\$?|[$£€¥₹₩₪₦₱₽₫฿])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z]*)$")
TIME_OF_DAY = re.compile(r"^\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)$|^\d{1,2}:\d{2}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_events() -> dict[tuple[str, str], str]:
    """The event lexicon: (lemma, role) -> event label. Roles: object, subject, any, passive, noun.

    Example row: "kill,killed,object" — "killing 5 people" and "5 people were killed" give "killed".
    """
    with open(EVENTS_PATH, encoding="utf-8", newline="") as f:
        return {(row["word"], row["role"]): row["event"] for row in csv.DictReader(f)}
