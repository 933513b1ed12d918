"""Figures: numbers that count or measure something. Sentences written for these tests, plus the seed article."""

from __future__ import annotations

import csv
import json

import pytest

from tidynews.articles import BODY, Article, Block, split_zones
from tidynews.extract.common import ArticleExtraction, Figure
from tidynews.extract.figures import extract_figures, figures_of_block, word_number_value
from tidynews.extract.rules import RULES, Trace, rules_for
from tidynews.nlp import ParsedArticle, ParsedBlock, load_nlp, parse_articles
from tidynews.paths import DATA_DIR, SEEDS_DIR


def figures(sentence: str) -> list[Figure]:
    """The figures of one body line."""
    doc = load_nlp()(sentence)
    found = figures_of_block(ParsedBlock(Block(0, len(sentence), BODY), doc))
    for f in found:
        assert sentence[f.start : f.end] == f.text
    return found


def one(sentence: str) -> Figure:
    found = figures(sentence)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def values(sentence: str) -> list[float]:
    return [f.value for f in figures(sentence)]


# --- numbers as written ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "text"),
    [
        ("Officials said 4,500 homes were without power.", 4500, "4,500"),
        ("The clinic treated 37 patients on Monday.", 37, "37"),
        ("Turnout was 62.5 per cent in the city.", 62.5, "62.5 per cent"),
        ("The company laid off 1.2 million workers last year.", 1_200_000, "1.2 million"),
        ("The ministry has set aside 2.5bn for new hospitals.", 2_500_000_000, "2.5bn"),
        ("Ministers approved a £4bn package for the railways.", 4_000_000_000, "£4bn"),
        ("The charity received a $50m grant from the foundation.", 50_000_000, "$50m"),
        ("Brussels imposed a €12m fine on the carmaker.", 12_000_000, "€12m"),
        ("The deal is worth US$4 billion to the port operator.", 4_000_000_000, "US$4 billion"),
        ("Unemployment rose to 7.3% in March.", 7.3, "7.3%"),
        ("Sales fell 12 per cent over the summer.", 12, "12 per cent"),
        ("Inflation slowed to 1.85% from a year earlier.", 1.85, "1.85%"),
        ("Twenty-three miners were rescued from the shaft.", 23, "Twenty-three"),
        ("Five firefighters were treated for smoke inhalation.", 5, "Five"),
        ("A dozen protesters chained themselves to the gates.", 12, "A dozen"),
        ("The museum holds a hundred paintings by the artist.", 100, "a hundred"),
        ("Organisers expect two hundred and fifty runners.", 250, "two hundred and fifty"),
        ("The plan would move half a million residents.", 500_000, "half a million"),
        ("Two thousand volunteers signed up in a week.", 2000, "Two thousand"),
    ],
)
def test_number_forms(sentence, value, text):
    f = one(sentence)
    assert f.value == pytest.approx(value)
    assert f.text == text


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Ministers approved a £4bn package for the railways.", "GBP"),
        ("The charity received a $50m grant from the foundation.", "USD"),
        ("Brussels imposed a €12m fine on the carmaker.", "EUR"),
        ("The deal is worth US$4 billion to the port operator.", "USD"),
        ("He was fined 500 euros by the court.", "EUR"),
        ("Unemployment rose to 7.3% in March.", "percent"),
        ("Sales fell 12 per cent over the summer.", "percent"),
        ("The fire spread over a 40km stretch of forest.", "km"),
        ("Customs officers seized 3 tonnes of cocaine.", "tonnes"),
        ("The lake covers 3,000 square kilometres.", "km2"),
    ],
)
def test_units(sentence, unit):
    assert [f.unit for f in figures(sentence)] == [unit]


def test_word_number_values():
    assert word_number_value(["twenty", "-", "three"]) == 23
    assert word_number_value(["four", "and", "a", "half"]) == 4.5
    assert word_number_value(["a", "dozen"]) == 12
    assert word_number_value(["three", "million"]) == 3_000_000
    assert word_number_value(["red"]) is None


# --- multipliers: figures with unit "times" ---------------------------------------------------------


def test_multipliers_are_ratios():
    f = one("Rents in the capital are now three and a half times higher than in 2010.")
    assert (f.value, f.unit, f.text) == (3.5, "times", "three and a half times")
    f = one("The city spends 12 times as much on roads as on buses.")
    assert (f.value, f.unit) == (12, "times")
    f = one("Analysts expect the bill to triple that amount by next spring.")
    assert (f.value, f.unit) == (3, "times")
    f = one("The report found a threefold rise in complaints.")
    assert (f.value, f.unit) == (3, "times")


def test_double_and_triple_as_adjectives_are_not_multipliers():
    assert figures("He was convicted of a triple murder and accused of double standards.") == []


# --- vague amounts: lower bound, at_least -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "counts"),
    [
        ("Thousands of workers marched through the capital.", 1000, "workers"),
        ("Hundreds of homes were flooded overnight.", 100, "homes"),
        ("Dozens of shops were looted.", 12, "shops"),
        ("Tens of thousands of fans filled the square.", 10_000, "fans"),
        ("Several thousand pilgrims camped outside the city.", 1000, "pilgrims"),
        ("A few hundred residents stayed behind.", 100, "residents"),
        ("Hundreds of thousands of people lost power.", 100_000, "people"),
    ],
)
def test_vague_amounts_are_lower_bounds(sentence, value, counts):
    f = one(sentence)
    assert (f.value, f.qualifier, f.counts) == (value, "at_least", counts)


def test_few_several_and_couple_are_not_figures():
    assert figures("Several villagers and a few soldiers waited a couple of days.") == []


# --- qualifiers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier", "text"),
    [
        ("More than 300 flights were cancelled at the airport.", "more_than", "More than 300"),
        ("Over 2,000 teachers joined the strike.", "more_than", "Over 2,000"),
        ("At least 17 passengers were injured in the crash.", "at_least", "At least 17"),
        ("Some 400 families were evacuated from the valley.", "approximate", "Some 400"),
        ("About 60 inmates escaped from the prison.", "approximate", "About 60"),
        ("Roughly 9,000 tickets were sold.", "approximate", "Roughly 9,000"),
        ("Nearly 700 nurses signed the letter.", "less_than", "Nearly 700"),  # a little under 700
        ("An estimated 15,000 people attended the rally.", "approximate", "An estimated 15,000"),
        ("Up to 40 patients could be moved.", "at_most", "Up to 40"),
        ("No more than 12 visitors are allowed inside.", "at_most", "No more than 12"),
        ("Fewer than 90 students passed the test.", "less_than", "Fewer than 90"),
        ("Less than 5% of the budget went on repairs.", "less_than", "Less than 5%"),
        ("Under 200 seats remain for the final.", "less_than", "Under 200"),
        ("The village has 212 houses.", "exact", "212"),
    ],
)
def test_qualifiers(sentence, qualifier, text):
    f = one(sentence)
    assert (f.qualifier, f.text) == (qualifier, text)


# --- what is counted -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("More than 300 flights were cancelled at the airport.", "flights"),
        ("Police arrested 14 demonstrators outside parliament.", "demonstrators"),
        ("Three of the hostages were released on Friday.", "hostages"),
        ("The storm destroyed 40 fishing boats.", "fishing boats"),
        ("Ministers approved a £4bn package for the railways.", "package"),
        ("The union called a 24-hour strike.", "hours"),
        ("The 27-member bloc agreed new sanctions.", "members"),
        ("The minister began a four-nation tour of Africa.", "nations"),
        ("Father-of-three Mr Okafor, a bus driver, was among the victims.", "children"),
        ("The deal had been under negotiation for more than 10 years.", "years"),
        ("Twin explosions rocked the market.", "explosions"),
    ],
)
def test_counted_noun(sentence, counts):
    assert one(sentence).counts == counts


def test_elided_noun_comes_from_previous_figure():
    found = figures("The gunmen shot dead 30 villagers and wounded at least 45, most of them women.")
    assert [(f.value, f.counts) for f in found] == [(30, "villagers"), (45, "villagers")]


def test_money_without_a_noun_counts_the_currency():
    f = one("The firm said it would invest at least $200 billion, officials said.")
    assert (f.value, f.unit, f.counts, f.qualifier) == (200_000_000_000, "USD", "dollars", "at_least")


# --- events ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The earthquake killed at least 2,000 people in the region.", "killed"),
        ("Soldiers opened fire, killing 12 protesters.", "killed"),
        ("Forty passengers were injured when the train derailed.", "injured"),
        ("Some 3,000 residents who were displaced by the floods remain in shelters.", "displaced"),
        ("More than 500 families fled the fighting.", "fled"),
        ("Police detained 26 suspects overnight.", "detained"),
        ("Gunmen kidnapped 80 pupils from the school.", "kidnapped"),
        ("Donors pledged $2bn at the conference.", "pledged"),
        ("The council cut 300 jobs.", "cut"),
        ("Nine deaths were reported in the north.", "died"),
        ("The inquiry examined the shooting of three unarmed men.", "shot"),
        ("Evacuated villagers, some 900 in all, waited for buses.", ""),
        ("The 14 ministers met on Monday.", ""),
    ],
)
def test_events(sentence, event):
    assert one(sentence).event == event


def test_attackers_get_no_victim_event():
    found = figures("Five gunmen killed two guards at the bank.")
    assert [(f.value, f.counts, f.event) for f in found] == [(5, "gunmen", ""), (2, "guards", "killed")]


# --- not figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2019 and amended in 2021.",  # years
        "Funding covers the period 2014-2020.",  # year range
        "Talks began in mid-2019 and stalled in the 1990s style.",  # years, decades
        "The attack happened on October 7 at a festival.",  # date
        "The vote is due on 14 March, officials said.",  # date, day first
        "Voting closes on Sept. 9 in most states.",  # abbreviated month
        "The strike began at 10:30 and ended at 4pm.",  # times
        "The curfew starts at 0600 GMT.",  # time with zone
        "Mr Haddad, 34, a teacher, was detained at the border.",  # age in commas
        "The driver, aged 52, was not hurt.",  # aged
        "A 19-year-old student was arrested.",  # N-year-old
        "She became a minister at the age of 31.",  # age of
        "The striker scored his fourth goal of the season.",  # ordinal word
        "She finished 2nd in the race.",  # ordinal digits
        "The group's number two was killed in the strike.",  # rank
        "He was the world's No. 1 for three years.",  # rank; "three years" is a figure
        "The ship sank during World War Two.",  # name
        "The leader flew home on Marine One.",  # name
        "The court ruled under Article 50 of the treaty.",  # label
        "Call the hotline on 0800 555 0199 for advice.",  # phone number
        "The agency said so in a statement. [nK3Z9QP7T2]",  # reference code
        "It is one of the biggest ports in Europe.",  # pronoun "one"
        "There is only one way out of the crisis.",  # "one" as an article
        "The one who called was never found.",  # pronoun
        "The talks ended in a two-state solution.",  # fixed compound
        "Her father, 81, and her mother, 79, still farm the land.",  # ages after kin nouns
        "The victims were aged between 18 and 25.",  # age range
        "A 3,000-year-old statue was found in the desert.",  # age of a thing
        "United won 2-0 at home and drew 1-1 away.",  # scores
        "Cleaners on zero-hours contracts walked out.",  # "zero" is not a count
        "Analysts gave the deal a 50-50 chance.",  # odds
        "Pensioners aged over 75 get a free licence.",  # age bound
        "A spokesman for No 10 declined to comment.",  # Downing Street
        "One in four children lives in a poor household.",  # ratio
        "Leaders of the Group of 20 met in Osaka.",  # club name
        "The new iPhone 15 and a 4K screen went on sale.",  # product names and codes
        "The M6 was closed between junctions 4 and 5 after a crash.",  # road labels
        "The letter was sent to 10 Downing Street on Friday.",  # street number
        "The quote appears on page 12 of the report.",  # page label
        "The shooting happened in the 4600 block of Elm Avenue.",  # address block
        "Anyone with information should call (555) 937-8377.",  # phone numbers
        "Tips can be left at 555-123-4567 or online.",
        "Call the tip line at 1-800-423-TIPS.",
        "She can be reached at 546-6249.",
        "Police were called to 9834 Mustang Circle.",  # house number
        "The crash closed County Road 133 for an hour.",  # road name
    ],
)
def test_not_figures(sentence):
    found = [(f.value, f.text) for f in figures(sentence)]
    if "three years" in sentence:
        assert found == [(3, "three")]
    else:
        assert found == []


def test_one_counts_with_an_event_or_qualifier():
    assert one("One soldier was killed in the ambush.").event == "killed"
    assert one("At least one person was injured.").qualifier == "at_least"
    assert one("The bill would cost one million pounds.").value == 1_000_000


def test_counted_years_are_figures_but_year_dates_are_not():
    assert values("Roughly 2000 people attended the vigil in 2018.") == [2000]


# --- zones and the seed ------------------------------------------------------------------------------


def test_only_the_body_zone():
    text = (
        "Storm kills 12 in coastal towns\n\nThe storm killed 12 people overnight.\n\n"
        "Rescuers search a house in the town, March 3, 2024. (Jane Roe/Agency)\n"
    )
    article = Article("t", "t.txt", "", "utf-8", text, "Storm kills 12 in coastal towns", split_zones(text))
    parsed = next(parse_articles([article]))
    result = ArticleExtraction("t")
    extract_figures(parsed, result)
    assert [(f.value, f.text, f.counts, f.event) for f in result.figures] == [(12, "12", "people", "killed")]


@pytest.fixture(scope="module")
def seed_figures() -> list[Figure]:
    from tidynews.articles import read_articles

    read = read_articles(SEEDS_DIR)
    articles = read.articles if hasattr(read, "articles") else read
    parsed: ParsedArticle = next(parse_articles(articles[:1]))
    result = ArticleExtraction(parsed.article.article_id)
    extract_figures(parsed, result)
    for f in result.figures:
        assert parsed.text[f.start : f.end] == f.text
    return result.figures


def test_seed_article_figures(seed_figures):
    by_text = {f.text: f for f in seed_figures}
    residents = by_text["more than 80,000"]
    assert (residents.value, residents.qualifier, residents.counts, residents.event) == (
        80000,
        "more_than",
        "residents",
        "displaced",
    )
    killed = by_text["some 1,200"]
    assert (killed.qualifier, killed.counts, killed.event) == ("approximate", "people", "killed")
    kidnapped = by_text["over 240"]
    assert (kidnapped.value, kidnapped.counts, kidnapped.event) == (240, "people", "kidnapped")
    assert by_text["at least 84"].counts == "people"


def test_seed_article_non_figures(seed_figures):
    texts = {f.text for f in seed_figures}
    # the date "October 7", the year in captions, "his fourth", "number two" and "(2nd R)" are not figures
    assert not texts & {"7", "2024", "2022", "fourth", "two Saleh", "2nd"}
    assert all(f.value not in (7, 2022, 2023, 2024) for f in seed_figures)


def test_range_shares_its_counted_noun():
    found = figures("Witnesses said 30-40 cars were set alight.")
    assert [(f.value, f.counts) for f in found] == [(30, "cars"), (40, "cars")]


def test_over_a_duration_after_an_amount_is_a_preposition():
    found = figures("The council will spend £80m over four years on schools.")
    assert [(f.value, f.qualifier, f.text) for f in found] == [(80_000_000, "exact", "£80m"), (4, "exact", "four")]
    assert one("The siege lasted over three months.").qualifier == "more_than"


def test_glued_temperature():
    f = one("Temperatures hit 45C in the capital on Sunday.")
    assert (f.value, f.unit, f.counts) == (45, "celsius", "temperatures")


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "counts", "text"),
    [
        ("Temperatures are expected to reach 41C in Cordoba on Friday.", 41, "celsius", "temperatures", "41C"),
        ("Forecasters predict a high of 38°C in the capital.", 38, "celsius", "high", "38°C"),
        ("Thermometers in Tucson hit 104F on Sunday.", 104, "fahrenheit", "temperature", "104F"),
        ("It was 104 degrees Fahrenheit in the shade.", 104, "fahrenheit", "temperature", "104 degrees Fahrenheit"),
        ("The mercury fell to minus 12C in the valley.", -12, "celsius", "temperature", "minus 12C"),
        ("Lows of -5C are forecast for the hills.", -5, "celsius", "lows", "-5C"),
        ("It will be 30 degrees in Leeds by Thursday, forecasters said.", 30, "degrees", "temperature", "30 degrees"),
        ("Temperatures could top 40 degrees Celsius this week.", 40, "celsius", "temperatures", "40 degrees Celsius"),
        ("The night brought a low of 3C.", 3, "celsius", "low", "3C"),
        ("Shepherds worked on in minus ten degrees.", -10, "degrees", "temperature", "minus ten degrees"),
    ],
)
def test_temperatures(sentence, value, unit, counts, text):
    f = one(sentence)
    assert (f.value, f.unit, f.counts, f.text) == (value, unit, counts, text)


def test_temperature_range_both_ends():
    found = figures("Highs of 30-35C are forecast for the coast.")
    assert [(f.value, f.unit, f.counts) for f in found] == [(30, "celsius", "highs"), (35, "celsius", "highs")]


def test_degrees_outside_weather_are_angles():
    f = one("The skater spun through 360 degrees.")
    assert (f.value, f.unit, f.counts) == (360, "degrees", "")
    f = one("The ramp rises at a 30-degree angle.")
    assert (f.value, f.unit, f.counts) == (30, "degrees", "angle")


def test_active_take_is_not_an_event_but_passive_held_is():
    assert one("The film took $90m in its opening weekend.").event == ""
    assert one("Some 130 people are still being held in the tunnels.").event == "held"


def test_strength_counts_the_noun_after():
    f = one("A 3,500-strong peacekeeping force will be deployed.")
    assert (f.value, f.text, f.counts) == (3500, "3,500-strong", "peacekeeping force")


def test_glued_m_is_millions_unless_it_measures():
    found = figures("The port handled 6.2m containers last year, up from 5.8m.")
    assert [(f.value, f.text, f.unit) for f in found] == [(6_200_000, "6.2m", ""), (5_800_000, "5.8m", "")]
    f = one("The climber survived a 40m fall.")
    assert (f.value, f.unit) == (40, "m")


def test_age_range_after_aged():
    assert values("The academy takes 800 pupils aged 11 to 16.") == [800]


@pytest.mark.parametrize(
    ("sentence", "counts", "event"),
    [
        ("The number of asylum seekers rose to 4,300 last year.", "asylum seekers", "rose"),
        ("The latest strike brought the death toll to 57.", "death toll", "died"),
        ("Eleven climbers are missing after the avalanche.", "climbers", "missing"),
        ("Three miners remain unaccounted for.", "miners", "missing"),
        ("Divers recovered 14 bodies from the river.", "bodies", "recovered"),
        ("Exports fell by 4.2% in May.", "", "fell"),
        ("At least 60 shells were fired at the village.", "shells", ""),
        ("Thousands of villagers have been evacuated from the coast.", "villagers", "evacuated"),
        ("Dozens of activists were detained at the rally.", "activists", "detained"),
    ],
)
def test_totals_states_and_rates(sentence, counts, event):
    f = one(sentence)
    assert (f.counts, f.event) == (counts, event)


def test_twice_as():
    f = one("Rents in the city are twice as high as a decade ago.")
    assert (f.value, f.unit) == (2, "times")


def test_measure_compounds_give_a_unit_and_the_noun_measured():
    f = one("Workers are building a 12-mile wall along the river.")
    assert (f.value, f.unit, f.counts) == (12, "miles", "wall")
    f = one("A 6.1-magnitude earthquake shook the island.")
    assert (f.value, f.unit, f.counts) == (6.1, "magnitude", "earthquake")


def test_elided_noun_over_a_long_clause():
    found = figures("Police said 23 protesters were arrested during clashes in the city, bringing the total to 140.")
    assert [(f.value, f.counts) for f in found] == [(23, "protesters"), (140, "protesters")]


def test_plus_is_a_lower_bound():
    found = figures("The fire destroyed 200-plus homes and 300+ cars.")
    assert [(f.value, f.text, f.qualifier, f.counts) for f in found] == [
        (200, "200-plus", "more_than", "homes"),
        (300, "300+", "more_than", "cars"),
    ]


def test_parent_of_spans_the_compound():
    f = one("Mother-of-four Mrs Adeyemi, a nurse, was among the victims.")
    assert (f.value, f.text, f.counts) == (4, "Mother-of-four", "children")


# --- ages used as thresholds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "By 2050 a third of the islanders will be 65 or older.",
        "The bus pass is free for people aged 65 and over.",
        "The over-65s queued outside the pharmacy before dawn.",
        "Entry to the museum is free for those 18 and under.",
        "The nurses vaccinated children under five in the valley.",
        "Adults over 70 were told to avoid crowded trains.",
        "Anyone older than 80 qualifies for the winter grant.",
        "Patients 75 years or older are screened every spring.",
        "Drivers 70 and over must renew their licences.",
        "Women over 40 years of age were invited for a scan.",
        "Children younger than 12 must travel with an adult.",
        "Turnout among 18- to 24-year-olds fell sharply.",
        "Parliament lowered the voting age to 16.",
        "The under-21 side lost in the final.",
    ],
)
def test_age_thresholds_are_not_figures(sentence):
    assert figures(sentence) == [], [f.text for f in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value", "counts"),
    [
        ("About 2 million people aged 65 and over live on their own.", 2_000_000, "people"),
        ("Nearly 400,000 Canadians over 80 still drive.", 400_000, "Canadians"),
        ("The ward admitted 35 children under five last winter.", 35, "children"),
        ("The town has 12,000 residents who are 60 or older.", 12_000, "residents"),
    ],
)
def test_count_of_an_age_group_is_a_figure_but_the_age_is_not(sentence, value, counts):
    f = one(sentence)
    assert f.value == pytest.approx(value)
    assert f.counts == counts


@pytest.mark.parametrize(
    ("sentence", "value", "counts"),
    [
        ("Over 70 miners were trapped underground.", 70, "miners"),
        ("The judge sent him to prison for under five years.", 5, "years"),
        ("Guards questioned the men over two days.", 2, "days"),
        ("The charity employs 50 people over three sites.", 3, "sites"),
        ("She worked 40 years or more at the mill.", 40, "years"),
        ("The inn has 5 rooms or more for guests.", 5, "rooms"),
    ],
)
def test_over_and_under_before_a_counted_noun_stay_figures(sentence, value, counts):
    found = figures(sentence)
    assert any(f.value == pytest.approx(value) and f.counts == counts for f in found), [
        (f.text, f.counts) for f in found
    ]


def test_one_in_n_with_an_age_group_is_no_figure():
    assert figures("One in four islanders aged over 65 lives alone.") == []
    assert figures("Nine in ten growers backed the levy.") == []


# --- percentage points -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Bread prices saw a 0.7 percentage point rise in June.", "0.7 percentage point"),
        ("Bread prices saw a 0.7-percentage-point rise in June.", "0.7-percentage-point"),
        ("Bread prices saw a 0.7 percentage-point rise in June.", "0.7 percentage-point"),
        ("The jobless rate climbed 0.7 percentage points.", "0.7 percentage points"),
        ("The jobless rate climbed by 0.7 of a percentage point.", "0.7 of a percentage point"),
    ],
)
def test_percentage_points_are_one_unit(sentence, text):
    f = one(sentence)
    assert f.value == pytest.approx(0.7)
    assert f.unit == "percentage points"
    assert f.text == text
    assert f.counts in ("", "rise")


# --- rules, trace and data files ---------------------------------------------------------------------


def _figures_with_trace(body: str) -> ArticleExtraction:
    """Figures of a small article: the headline "Report", then `body` as its only paragraph, with a trace."""
    text = f"Report\n\n{body}\n"
    article = Article("r", "r.txt", "", "utf-8", text, "Report", split_zones(text))
    result = ArticleExtraction("r", trace=Trace())
    extract_figures(next(parse_articles([article])), result)
    return result


@pytest.mark.parametrize(
    "body, event",
    [
        ("He was jailed for the shooting of two men outside a bar.\n\nBoth are recovering at home.", "wounded"),
        ("He was jailed for the shooting of two men outside a bar.\n\nOne of them died a week later.", "shot"),
    ],
)
def test_the_shooting_of_people_is_a_wound_when_the_article_says_nobody_died(body, event):
    found = [f for f in _figures_with_trace(body).figures if f.counts == "men"]
    assert [(f.value, f.event) for f in found] == [(2, event)]


@pytest.mark.parametrize("rule", rules_for("figures"), ids=lambda r: r.id)
def test_every_figures_rule_fires_on_its_own_example(rule):
    assert rule.example_zone == "body"
    result = _figures_with_trace(rule.example)
    if rule.kind == "finds":
        assert rule.id in {f.rule for f in result.figures}
    else:
        assert rule.id in {e.decided_by for e in result.trace.events if e.outcome == "dropped"}


def test_every_figure_names_a_registered_rule():
    result = _figures_with_trace("Since 2019, 1,200 soldiers and twenty-three nurses have left; thousands stayed.")
    assert [(f.text, f.rule) for f in result.figures] == [
        ("1,200", "figures.digits"),
        ("twenty-three", "figures.number_words"),
        ("thousands", "figures.vague_amount"),
    ]
    assert all(f.rule in RULES and RULES[f.rule].kind == "finds" for f in result.figures)


def test_trace_shows_who_proposed_and_who_dropped():
    result = _figures_with_trace("The ferry, built in 1998, carried 40 passengers on May 3.")
    events = [(e.text, e.proposed_by, e.outcome, e.decided_by) for e in result.trace.events]
    assert events == [
        ("1998", "figures.digits", "dropped", "figures.year"),
        ("40", "figures.digits", "kept", ""),
        ("3", "figures.digits", "dropped", "figures.date_part"),
    ]
    assert all(e.reason for e in result.trace.events if e.outcome == "dropped")


@pytest.mark.parametrize("name", ["figure_words", "figure_events"])
def test_word_lists_match_their_table_schema(name):
    from frictionless import Resource, Schema

    schema = Schema.from_descriptor(json.loads((DATA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))
    resource = Resource(path=f"{name}.csv", schema=schema, basepath=str(DATA_DIR))
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])[:5]
    header = next(csv.reader(open(DATA_DIR / f"{name}.csv", encoding="utf-8")))
    assert {"word", "reason", "example"} <= set(header)


# --- casualties: killed, wounded and the single victim ----------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Two men were shot and killed outside a bar on Friday.", [(2, "killed")]),
        ("Police said three people were shot to death in the home.", [(3, "killed")]),
        ("Two teenagers were fatally shot on Sunday.", [(2, "killed")]),
        ("Two women were fatally wounded in the attack.", [(2, "killed")]),
        ("Two hikers were found dead near the trail.", [(2, "dead")]),
        ("The bodies of three men were found in a field.", [(3, "dead")]),
        ("Officers found two bodies inside the car.", [(2, "dead")]),
        ("The shooting left two men dead and four wounded.", [(2, "dead"), (4, "wounded")]),
        ("A shooting that left five people injured closed the road.", [(5, "injured")]),
        ("Three people were shot on Main Street on Saturday night.", [(3, "wounded")]),
        ("Two people who were shot on Sunday are expected to survive.", [(2, "wounded")]),
        ("Five people were shot, two fatally.", [(5, "shot"), (2, "killed")]),
        ("Four people suffered non-life-threatening injuries.", [(4, "injured")]),
        ("Six miners suffered fatal injuries in the collapse.", [(6, "killed")]),
        ("Officers found two men with gunshot wounds.", [(2, "wounded")]),
        ("Two other victims were grazed by bullets.", [(2, "wounded")]),
        ("The gunman is accused of shooting two people.", [(2, "wounded")]),
        ("Police have identified two men shot and killed on Sunday.", [(2, "killed")]),
        ("Two women were also shot, but their injuries are not life-threatening.", [(2, "wounded")]),
        ("Police are investigating one shooting in the park.", [(1, "shot")]),  # counts shootings, not people
        ("Four people went to hospital after suffering minor injuries in the crash.", [(4, "injured")]),
        ("Two teenagers are recovering in hospital after being shot near a school.", [(2, "wounded")]),
        ("Two bystanders were reported to have been grazed by stray rounds.", [(2, "wounded")]),
        ("The fight left one man in critical condition and three others hurt.", [(3, "injured")]),
        ("Deputies found two men sitting in a truck with gunshot wounds.", [(2, "wounded")]),
        ("He was convicted of the attempted murder of two people.", [(2, "")]),
        ("Three teenagers were shot and one of the teenagers was killed.", [(3, "shot"), (1, "killed")]),
        ("The farmer fatally shot one of two intruders.", [(1, "killed"), (2, "")]),
        ("The gunman was shot and killed by two deputies.", [(1, "killed"), (2, "")]),  # the gunman died
        ("Two men remained hospitalized on Tuesday.", [(2, "hospitalised")]),
        ("Two cyclists were taken to a hospital after the crash.", [(2, "hospitalised")]),
        ("Friends drove three victims to St Mary's Medical Center.", [(3, "hospitalised")]),
        ("Two men were taken to a hospital, where they were pronounced dead.", [(2, "")]),
        ("Two suspects were taken to the police station.", [(2, "taken")]),
        ("Two bystanders were struck by gunfire outside the store.", [(2, "wounded")]),
        ("Two parked cars were hit by bullets.", [(2, "")]),
        ("Two hikers were struck by a falling tree.", [(2, "")]),  # not gunfire
        ("Three workers were treated for minor injuries.", [(3, "injured")]),
        ("Two passengers remain in critical condition.", [(2, "injured")]),
    ],
)
def test_casualty_events(sentence, expected):
    assert [(f.value, f.event) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Three other passengers were not hurt in the crash.", [(3, "")]),
        ("Two children in the back seat weren't injured.", [(2, "")]),
        ("Two children who were not hurt were taken to relatives.", [(2, "")]),
        ("Three injured men did not go to hospital.", [(3, "injured")]),  # the denied verb is not the event's
        ("Two people were injured, but not seriously.", [(2, "injured")]),
        ("Two other prisoners did not die in police custody.", [(2, "died")]),  # they died elsewhere
        ("Two other prisoners did not die.", [(2, "")]),
        ("The teenager was shot four times in the chest.", [(4, "")]),  # shots, not people
        ("At least three homes and two cars were shot.", [(3, ""), (2, "")]),
        ("Deputies executed three search warrants on Friday.", [(3, "")]),
        ("Four men were wounded in separate shootings on Saturday.", [(4, "")]),  # a round-up
        ("Nine people were shot over the weekend across the county.", [(9, "")]),
        ("Over the past three winters, at least four men have been fatally shot by the river.", [(3, ""), (4, "")]),
        ("Three more teenagers were wounded in a separate shooting on Friday.", [(3, "")]),  # another incident
        ("Two men were shot on Friday, and arrests were made over the weekend.", [(2, "wounded")]),  # not its clause
        ("A robbery left a clerk wounded over the weekend.", [(1, "wounded")]),  # one victim is one incident
        ("The man tried to kill two neighbours with a shotgun.", [(2, "")]),  # only tried
        ("She was charged with attempting to shoot three deputies.", [(3, "")]),
        ("An attempt to kill four prison guards failed.", [(4, "")]),
        ("He had threatened to shoot five coworkers.", [(5, "")]),
        ("The gang robbed and tried to kill two drivers.", [(2, "")]),
        ("Two men were killed when robbers tried to rob the shop.", [(2, "killed")]),  # the attempt is another verb
        ("The gunman killed two clerks before trying to flee.", [(2, "killed")]),
    ],
)
def test_events_that_do_not_hold_are_dropped(sentence, expected):
    assert [(f.value, f.event) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Both men were shot outside the bar.", [("Both", "men", "wounded")]),
        ("Both were killed when the car hit a tree.", [("Both", "", "killed")]),
        ("The gunman shot both victims before fleeing.", [("both", "victims", "wounded")]),
        ("Both men were arrested on Friday.", []),  # no casualty: an article, not a count
        ("Both men and women were injured in the crush.", []),  # a conjunction, not a pair
        (
            "He shot and killed two guards. Both were shot in the back.",
            [("two", "guards", "killed"), ("Both", "", "shot")],
        ),
        ("Both cars were damaged in the crash.", []),  # not people
    ],
)
def test_both_counts_two_victims(sentence, expected):
    found = figures(sentence)
    assert [(f.text, f.counts, f.event) for f in found] == expected
    assert all(f.value == 2 for f in found)
    assert [f.rule for f in found if f.text.lower() == "both"] == ["figures.both"] * len(
        [f for f in found if f.text.lower() == "both"]
    )


def test_a_dropped_event_is_traced_and_the_figure_kept():
    sentence = "Three other passengers were not hurt in the crash."
    doc = load_nlp()(sentence)
    trace = Trace()
    found = figures_of_block(ParsedBlock(Block(0, len(sentence), BODY), doc), trace)
    assert [(f.text, f.event) for f in found] == [("Three", "")]
    dropped = [e for e in trace.events if e.outcome == "dropped"]
    assert [(e.decided_by, e.text) for e in dropped] == [("figures.negated_event", "event 'injured' of Three")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A man was killed and a woman was wounded.", [("A", "man", "killed"), ("a", "woman", "wounded")]),
        ("A 25-year-old man was shot and killed on Friday.", [("A", "man", "killed")]),
        ("Another passenger was hurt when the bus braked.", [("Another", "passenger", "injured")]),
        ("Gunmen shot a guard at the gate.", [("a", "guard", "wounded")]),
        ("Police said a man shot and killed himself.", [("a", "man", "killed")]),
        ("A 16-year-old was shot near the school on Monday.", [("A", "16-year-old", "wounded")]),
        ("A 30-year-old woman suffering from a gunshot wound walked into the clinic.", [("A", "woman", "wounded")]),
        ("Deputies found a driver with a gunshot wound in the car park.", [("a", "driver", "wounded")]),
    ],
)
def test_a_single_victim_counts_one(sentence, expected):
    found = figures(sentence)
    assert [(f.text, f.counts, f.event) for f in found] == expected
    assert all(f.value == 1 and f.rule == "figures.indefinite_article" for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "A man was arrested on Tuesday.",  # not a casualty
        "A teacher opened the meeting.",
        "Police arrested a 19-year-old on Monday.",
        "The family of a soldier killed in 2010 met the minister.",  # describes the family
    ],
)
def test_an_article_is_no_figure_without_a_victim(sentence):
    assert [f.text for f in figures(sentence) if f.rule == "figures.indefinite_article"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("One man was killed and another wounded in the attack.", [(1, "man", "killed"), (1, "man", "wounded")]),
        ("The gunmen killed one guard and injured another.", [(1, "guard", "killed"), (1, "guard", "injured")]),
    ],
)
def test_another_alone_is_one_more_victim(sentence, expected):
    found = figures(sentence)
    assert [(f.value, f.counts, f.event) for f in found] == expected
    assert found[-1].text == "another" and found[-1].rule == "figures.indefinite_article"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("The victim was pronounced dead at the scene.", [("The", "victim", "dead")]),
        ("Police said the driver died in hospital on Sunday.", [("the", "driver", "died")]),
        ("The suspect was arrested on Tuesday.", []),  # nobody hurt: an article
        ("The brother of a woman fatally shot by deputies filmed the arrest.", []),  # it happened to the man
        ("The victim's mother said the family was in shock.", []),
        ("The man was shot in the leg on Friday.\n\nHe is expected to recover.", [("The", "man", "wounded")]),
        ("The man was shot in the leg on Friday.\n\nHe died on Sunday.", []),  # a report of a death: only it counts
    ],
)
def test_the_victim_counts_one(body, expected):
    found = [f for f in _figures_with_trace(body).figures if f.rule == "figures.definite_victim"]
    assert [(f.text, f.counts, f.event) for f in found] == expected
    assert all(f.value == 1 for f in found)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("He fired at two teenagers outside a shop.\n\nThe victims were treated for gunshot wounds.", (2, "wounded")),
        ("He fired on a woman and her son on Sunday. The victims suffered gunshot wounds.", (2, "wounded")),
        ("A gunman shot a clerk and a customer. The victims were rushed to a hospital.", (2, "hospitalised")),
        ("She was jailed for the attempted murder of two women. The victims suffered gunshot wounds.", (2, "wounded")),
        # the count is of the doers, of people arrested, or too far back: nothing to point to
        ("Two men robbed the shop on Friday. The victims were treated for gunshot wounds.", None),
        ("Deputies arrested three teenagers on Monday. The victims were treated for gunshot wounds.", None),
        ("Police said two suspects were shot at by a guard. The victims were treated for gunshot wounds.", None),
        (
            "He shot two men in May. He moved away. He found work. He married. The victims were treated for wounds.",
            None,
        ),
        (
            "He shot two men in May.\n\nHe moved. He found work.\n\nHe wed. The victims were treated for wounds.",
            None,
        ),
        ("The victims were treated for gunshot wounds.", None),
        ("He shot at two boys. The victims are expected to recover.", None),  # no casualty event: no count
    ],
)
def test_the_victims_take_the_count_of_the_group_named_before(body, expected):
    found = [f for f in _figures_with_trace(body).figures if f.rule == "figures.the_victims"]
    assert [(f.value, f.event) for f in found] == ([expected] if expected else [])
    assert all(f.text.lower() == "the" for f in found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A man and a woman were killed when gunmen opened fire on their car.", [("A man and a woman", 2, "killed")]),
        ("A woman and her son were shot outside their home.", [("A woman and her son", 2, "wounded")]),
        ("Gunmen shot a guard and a driver at the gate.", [("a guard and a driver", 2, "wounded")]),
        ("Police found a teacher, a pupil and a driver dead.", [("a teacher, a pupil and a driver", 3, "dead")]),
        ("A clerk, a customer and a guard were killed.", [("A clerk, a customer and a guard", 3, "killed")]),
        ("A man, a father of four, was killed.", []),  # an apposition: one man
        ("Police arrested a man and a woman on Monday.", []),  # not hurt
        ("A man or a woman was hurt, a witness said.", []),  # one person
        ("A man and his dog were found dead.", []),  # a dog is not a person of the list
    ],
)
def test_people_joined_by_and_count_together(sentence, expected):
    found = [f for f in figures(sentence) if f.rule == "figures.coordinated_victims"]
    assert [(f.text, f.value, f.event) for f in found] == expected
    assert all(f.counts == "people" for f in found)


def test_a_range_is_no_phone_number():
    assert values("Between 300-1500 people attended the rally.") == [300, 1500]
    assert values("The 4600 members of the club voted.") == [4600]


# --- quantities: units, currencies, ranges, qualifiers ----------------------------------------------


@pytest.mark.parametrize(
    "sentence, value, unit, text",
    [
        ("The new turbine produces 5kW of power.", 5, "kW", "5kW"),
        ("Their first flat measured 20sqm.", 20, "m2", "20sqm"),
        ("The laptop ships with 300GB of storage.", 300, "GB", "300GB"),
        ("A second-class stamp now costs 45p.", 0.45, "GBP", "45p"),
        ("The merger is valued at 3.5bn euros.", 3.5e9, "EUR", "3.5bn euros"),
        ("The start-up raised US$5m from investors.", 5e6, "USD", "US$5m"),
        ("Concert tickets sell for A$20.", 20, "AUD", "A$20"),
        ("The miner lost AUD1.5m in the quarter.", 1.5e6, "AUD", "AUD1.5m"),
        ("A bowl of noodles costs RM30 at the airport.", 30, "MYR", "RM30"),
        ("Entry costs Rs 500 for adults.", 500, "INR", "Rs 500"),
        ("The regulator imposed a fine of 5 million euros.", 5e6, "EUR", "5 million euros"),
        ("Pickers earn 20 ringgit a day.", 20, "MYR", "20 ringgit"),
        ("Gusts reached 90 miles per hour on the coast.", 90, "miles per hour", "90 miles per hour"),
        ("The bypass has a limit of 80 km/h near the school.", 80, "km per hour", "80 km/h"),
        ("Gusts of 35 m/s tore roofs off.", 35, "m per second", "35 m/s"),
        ("The glacier retreats 4 cm/yr.", 4, "cm per year", "4 cm/yr"),
        ("Pay rose 2.8pc last year.", 2.8, "percent", "2.8pc"),
        ("The club was fined NZ$2m.", 2e6, "NZD", "NZ$2m"),
        ("The reservoir holds 40 million cubic metres of water.", 4e7, "m3", "40 million cubic metres"),
        ("The economy grew 2 per cent a year over the decade.", 2, "percent per year", "2 per cent a year"),
        ("The alloy is rated at 50 ksi.", 50, "ksi", "50 ksi"),
        ("The fibres are 10 μm thick.", 10, "μm", "10 μm"),
        ("The tractor has a 300 hp engine.", 300, "hp", "300 hp"),
        ("The home battery stores 13.5kWh.", 13.5, "kWh", "13.5kWh"),
        ("The field pumps 50,000 bpd of crude.", 50000, "barrels per day", "50,000 bpd"),
        ("The smelter emits 2 million tonnes CO2 a year.", 2e6, "tonnes CO2 per year", "2 million tonnes CO2 a year"),
        ("The kiln gave off 4 million tonnes CO2 a year ago.", 4e6, "tonnes CO2", "4 million tonnes CO2"),
    ],
)
def test_units_and_currencies(sentence, value, unit, text):
    found = one(sentence)
    assert (found.value, found.unit, found.text) == (pytest.approx(value), unit, text)


def test_rates_are_not_times_ago():
    assert one("Prices rose 5 percent a year ago.").unit == "percent"


@pytest.mark.parametrize(
    "sentence, ends",
    [
        ("Fares rose from 10 to 15 dollars.", [(10, "USD"), (15, "USD")]),
        ("The storm dropped 5- or 6-inch hail.", [(5, "in"), (6, "in")]),
        ("Rents rose 10-15% this year.", [(10, "percent"), (15, "percent")]),
        ("Sales were $10-15 million last year.", [(10e6, "USD"), (15e6, "USD")]),
        ("The count rose from 900 to 1.2 million.", [(900, ""), (1.2e6, "")]),
    ],
)
def test_ranges_give_both_ends_with_one_unit(sentence, ends):
    assert [(f.value, f.unit) for f in figures(sentence)] == [(pytest.approx(v), u) for v, u in ends]


def test_suspended_hyphen_is_not_in_the_text():
    assert [f.text for f in figures("Gardeners use 5- or 6-inch pots.")] == ["5", "6-inch"]


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("Up to 50 people were evacuated.", "at_most"),
        ("As many as 200 homes were damaged.", "at_most"),
        ("The bridge cost just under $2m.", "less_than"),
        ("Inflation was lower than 3% in May.", "less_than"),
        ("Almost 40 flights were cancelled.", "less_than"),
        ("Nearly 300 people attended.", "less_than"),
        ("Higher than 80 percent of voters took part.", "more_than"),
    ],
)
def test_bounds(sentence, qualifier):
    assert one(sentence).qualifier == qualifier
