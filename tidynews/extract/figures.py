"""Figures: numbers that count or measure something, with what they count and what happened to it.

How a figure is found, in order (each step is a named function below):

1. `find_number_cores` walks the tokens of each body line and finds the number itself: digits ("80,000", "3.75"),
   digits with a scale ("1.2 million", "2.5bn", "$50m"), number words ("five", "twenty-three", "a dozen",
   "two hundred and fifty", "half a million"), vague amounts ("thousands", "tens of thousands"), "twin",
   multipliers ("12 times", "three and a half times", "double that figure", "threefold"), compound adjectives
   ("the 30-member alliance", "a six-nation tour"), "mother-of-three", money with a glued currency code ("AUD1.5m",
   "RM30") and a single victim ("a man was killed"). Each finder is a registered rule (figure_numbers.py).
2. `widen_with_money_and_units` takes in the currency before it ("£", "US$") and the scale, percent sign, currency
   word, measure unit or "times" after it, and a rate or substance after a unit ("miles per hour", "tonnes CO2 a year").
3. `not_a_figure` drops years, dates, times, ages (also as thresholds: "65 or older"), ranks ("number two",
   "No 10"), labels and names ("World War Two", "Article 50", "iPhone 15", "page 14"), reference codes
   ("[nL1N1JQ1I4]", "4K"), phone numbers, house and block numbers ("the 4600 block of"), scores ("won 3-1"),
   "N in M" ratios and fixed compounds ("two-state"); `is_pronoun_one` drops "one" as a pronoun. Each is a
   registered `drops` rule (figure_drops.py). Photo positions ("(2nd R)") are ordinals and captions, so never read.
4. `share_range_units` gives both ends of a range one unit ("10-15%", "from 10 to 15 dollars", "$10-15 million").
5. `widen_with_qualifier` takes in "more than", "some", "at least", "up to"... and sets `qualifier`.
6. `counted_noun` reads what is counted from the dependency parse; `event_of` reads what happened to it
   (figure_events.py); `event_rejected_by` drops an event that does not hold (figure_event_drops.py).

The word lists (number words, scales, currencies, units, qualifiers, months, label words...) are data, in
`tidynews/data/figure_words.csv` (list, word, value, reason, example); the event verbs and nouns are in
`tidynews/data/figure_events.csv`; each has a Table Schema beside it (figure_lexicon.py).

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
  in the same sentence ("wounding 300 soldiers and capturing over 50" -> soldiers); a total takes what it totals
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
- Qualifiers map onto the schema's enum: "more than", "over", "higher than" -> more_than; "at least", "no fewer
  than" -> at_least; "up to", "as many as", "as much as", "a maximum of" -> at_most (the value is the ceiling);
  "less than", "under", "lower than", "just under", "just shy of" -> less_than; "nearly", "almost" -> less_than as
  well (the value falls a little short of the number; the enum has no "approximately, below", and less_than keeps
  the direction, which a researcher bounding a count needs); "some", "about", "around" -> approximate.
- Casualties: being shot is a gunshot wound, so a count of people shot is `wounded` unless the clause says the
  shots killed ("shot and killed", "shot dead", "shot to death", "fatally shot", "mortally wounded" -> killed) or the
  sentence says some died ("five were shot, two fatally": five stay `shot`, two are `killed`). "the shooting of
  three men" stays `shot` (news writes it of deaths too) unless no word of the article's body says anyone died.
  "found dead", "the bodies of", "left two dead" -> dead; "taken/rushed to a hospital" -> hospitalised (not when
  the sentence says they died there); "struck by gunfire", "treated for gunshot wounds" -> wounded; "in critical
  condition" -> injured; "left three injured", "suffered injuries", "with gunshot
  wounds" -> injured / wounded; "suffered fatal injuries" -> killed; "the attempted murder of two people" -> no
  event. What happens to "one of two intruders" does not happen to the two; the agent of a passive ("shot by two
  officers") gets no event.
- A single victim is a figure: news writes one victim without a number ("a man was killed", "another woman was
  wounded"), and the article's count of the dead or hurt must include it. The figure is the article word ("a",
  value 1) with the person as `counts`; only casualty events keep it ("a man was arrested" is no figure), and not
  when the person only describes something else ("the family of a soldier killed in 2010").
- An event the figure's own verb denies is no event ("three passengers were not hurt" -> no event, the figure
  stays); "shot four times" counts shots, not people (no casualty event); money, measures and things a shooting
  hits ("two cars were shot", "executed three warrants") take no casualty event (figure_event_drops.py).
- The casualty event is that of the incident reported: a count summed over several incidents or a period ("four
  men were wounded in separate shootings", "nine shot over the weekend", "killed so far this year") or set in
  another incident ("two more were wounded in a separate shooting") keeps its figure but loses the event; the cue
  must be in the figure's clause, and one victim is always one incident.
- "the" + a person who died counts one too ("the victim was pronounced dead"): a report of a death names its victim
  without "a" after the first line; in a report where nobody died, "the victim was shot in the leg" counts one
  wounded. Not when the person is someone's ("the wife of a man shot by police", "the victim's mother").
- "both" counts two people when they were hurt or killed ("both men were shot", "both were killed"); like the
  single victim, only with a casualty event, and not in "both men and women".
- "the victims" (also "the men", "the women"...) with no number counts the last group of harmed people named within
  the three sentences before ("he fired at two teenagers ... The victims were treated for gunshot wounds" -> 2
  wounded; "fired on a woman and a man" is a group of 2); the group must be the ones harm was done or tried to, not
  the doers or people arrested; kept like "the victim" (figure_victims.py). The figure's text is "the".
- People joined by "and", the first with "a"/"an", count together ("a man and a woman were killed" -> 2, text "a man
  and a woman", counts "people"), kept only with a casualty event, like the single victims it holds (which stay).
- A casualty only tried, planned or threatened ("tried to kill two neighbours", "an attempt to shoot three
  officers") is no event: the figure stays without it (`figures.attempted_event`).
- Money: ISO 4217 codes whether the currency is a symbol, a code glued or spaced before the number ("US$5m",
  "AUD1.5m", "RM30", "Rs 500") or a word after it ("5 million euros", "20 ringgit"); "45p" is 0.45 GBP. A rate on
  money keeps the code ("$20 a day" is USD); a rate on a measure joins the unit ("90 miles per hour",
  "2 per cent a year" -> "percent per year"), but not "5 percent a year ago".
- Units: a slash rate joins the unit ("50 km/h" -> "km per hour", "30 m/s" -> "m per second"); "cubic" makes a
  volume ("40 cubic metres" -> m3); "3.5pc" is percent.
- Ranges and alternatives are two figures sharing one unit and one counted noun ("5- or 6-inch hail", "10-15%");
  "$10-15 million" scales the first end too, unless it is larger than the second's digits ("900 to 1.2 million").
- Addresses and phone numbers are not figures: "the 4600 block of Main Street", "221 Baker Street", "9834 Mustang
  Circle", "County Road 133", "(555) 937-8377", "555-123-4567", "1-800-423-TIPS", "call 546-6249".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidynews.articles import BODY
from tidynews.extract.common import ArticleExtraction, Figure
from tidynews.extract.figure_drops import (
    is_article_without_event,
    is_definite_without_casualty,
    is_pronoun_one,
    not_a_figure,
)
from tidynews.extract.figure_event_drops import event_rejected_by
from tidynews.extract.figure_events import counted_noun, event_of, noun_with_compounds
from tidynews.extract.figure_lexicon import CURRENCY_NAMES, DEATH_WORDS
from tidynews.extract.figure_numbers import Candidate, HarmedGroup, find_number_cores, word_number_value
from tidynews.extract.figure_units import (
    share_range_units,
    widen_with_money_and_units,
    widen_with_plus,
    widen_with_qualifier,
)
from tidynews.extract.rules import NULL_TRACE, RULES, Trace
from tidynews.nlp import ParsedArticle, ParsedBlock

TABLE = "figures"

__all__ = ["extract_figures", "figures_of_block", "word_number_value"]


# --- the table ------------------------------------------------------------------------------------


def figures_of_block(
    parsed_block: ParsedBlock,
    trace: Trace = NULL_TRACE,
    death_in_article: bool = True,
    harmed_before: HarmedGroup | None = None,
) -> list[Figure]:
    """All figures of one body line, with block-relative offsets turned into article offsets.

    `trace` records each candidate number: the rule that proposed it and, when dropped, the rule that dropped it.
    `death_in_article`: whether the article's body says anyone died (see `event_of`).
    `harmed_before`: the last group of harmed people of the lines before, updated with this line's ("the victims").

    Examples: "Twin blasts killed at least 84 people." -> [2 blasts, 84 people (at_least, killed)].
    """
    doc = parsed_block.doc
    figures: list[tuple[Candidate, Figure, Token | None]] = []
    outer, trace = trace, (Trace() if trace.enabled else NULL_TRACE)  # this line's events, put in reading order below
    kept: list[Candidate] = []
    for cand in find_number_cores(doc, harmed_before):
        widen_with_money_and_units(doc, cand)
        if cand.kind != "temperature" and (rejected_by := not_a_figure(doc, cand)):
            _trace_drop(trace, parsed_block, cand, rejected_by)
            continue
        kept.append(cand)
    share_range_units(doc, kept)  # after the drops: "by 2030 to 32 percent" is no range
    for cand in kept:
        widen_with_plus(doc, cand)
        if cand.qualifier == "exact" and cand.kind not in ("indefinite", "definite"):
            widen_with_qualifier(doc, cand)
        elif cand.kind == "vague":
            widen_with_qualifier(doc, cand)
            cand.qualifier = "at_least" if cand.qualifier == "exact" else cand.qualifier
        if cand.noun >= 0:
            counted = doc[cand.noun]
        elif cand.counts or cand.range_partner:
            counted = None  # a range end takes what the other end counts (inherit_elided_counts)
        else:
            counted = counted_noun(doc, cand)
        figure_tokens = range(cand.first, cand.last + 1)
        counts = cand.counts or (noun_with_compounds(counted, figure_tokens) if counted is not None else "")
        event = event_of(doc, cand, counted, death_in_article)
        if event and (event_rejected := event_rejected_by(doc, cand, counted, event)):
            _trace_drop(trace, parsed_block, cand, event_rejected, what=f"event {event!r} of ")
            event = ""
        if is_pronoun_one(doc, cand, bool(event)):
            _trace_drop(trace, parsed_block, cand, is_pronoun_one.rule_id)
            continue
        if is_article_without_event(doc, cand, event):
            _trace_drop(trace, parsed_block, cand, is_article_without_event.rule_id)
            continue
        if is_definite_without_casualty(doc, cand, event, death_in_article):
            _trace_drop(trace, parsed_block, cand, is_definite_without_casualty.rule_id)
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
        last_text = doc[cand.last].text.rstrip(".") if strip_full_stop else doc[cand.last].text
        if cand.first == cand.last and last_text.endswith("-"):
            last_text = last_text[:-1]  # "5-" of "5- or 6-inch"
        end = doc[cand.last].idx + len(last_text)
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
                    rule=cand.rule,
                ),
                counted,
            )
        )
        if trace.enabled:
            trace.propose(TABLE, doc.text[start:end], parsed_block.offset + start, parsed_block.offset + end, cand.rule)
    inherit_elided_counts(doc, figures)
    outer.events.extend(sorted(trace.events, key=lambda e: e.start))
    return [f for _, f, _ in figures]


def _trace_drop(trace: Trace, parsed_block: ParsedBlock, cand: Candidate, rule_id: str, what: str = "") -> None:
    """Record a candidate number dropped by the `drops` rule `rule_id`, with the rule's own description as why.

    `what` names a part of the candidate dropped instead of the whole ("event 'injured' of "): the figure stays.
    """
    if not trace.enabled:
        return
    doc = parsed_block.doc
    start, end = doc[cand.first].idx, doc[cand.last].idx + len(doc[cand.last])
    where = (parsed_block.offset + start, parsed_block.offset + end)
    why = RULES[rule_id].description.split(":", 1)[0]  # "A four-digit year, alone or in a range"
    trace.drop(TABLE, what + doc.text[start:end], *where, rule_id, why, proposed_by=cand.rule)


def inherit_elided_counts(doc: Doc, figures: list[tuple[Candidate, Figure, Token | None]]) -> None:
    """A figure whose noun is left out takes the noun of the figure before it in the same sentence.

    Examples: "wounding some 300 soldiers and capturing over 50" -> 50 counts soldiers.
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

    Examples: "more than 80,000 residents" -> value 80000, qualifier more_than, counts residents.
    """
    blocks = list(parsed.zone_blocks(BODY))
    death_in_article = any(t.lower_ in DEATH_WORDS for b in blocks for t in b.doc)
    harmed = HarmedGroup()
    for parsed_block in blocks:
        result.figures.extend(figures_of_block(parsed_block, result.trace, death_in_article, harmed))
