"""Statements: quotations and reported speech, each with its speaker, cue and kind.

The articles are short texts written for these tests (plus a few expectations read off the seed article).
Each test article is parsed once; actors are extracted first, as in the pipeline, so that speakers resolve.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pytest

from tidynews.articles import Article, read_article, split_zones
from tidynews.extract.actors import extract_actors
from tidynews.extract.common import ArticleExtraction, Statement
from tidynews.extract.statements import extract_statements, find_quotations
from tidynews.nlp import load_nlp, parse_articles

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_450532c52fe375e5.txt"


def _extract(article: Article) -> ArticleExtraction:
    (parsed,) = list(parse_articles([article], load_nlp()))
    result = ArticleExtraction(article.article_id)
    extract_actors(parsed, result)
    extract_statements(parsed, result)
    for s in result.statements:
        assert article.text[s.start : s.end] == s.quote, s  # every span points at its quote
    return result


@cache
def extract(text: str) -> ArticleExtraction:
    """Statements of an article given as text (first line the headline)."""
    blocks = split_zones(text)
    sha = hashlib.sha256(text.encode()).hexdigest()
    return _extract(Article("t", "t.txt", sha, "utf-8", text, text[blocks[0].start : blocks[0].end], blocks))


def statements(text: str) -> list[Statement]:
    return extract(text).statements


def reported_triples(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, quote) of each statement of a one-paragraph article with the text given."""
    return [(s.speaker, s.cue, s.quote) for s in statements(f"Report\n\n{text}\n")]


def one(text: str, quote_start: str) -> Statement:
    """The statement whose quote starts with `quote_start`."""
    found = [s for s in statements(text) if s.quote.startswith(quote_start)]
    assert len(found) == 1, [s.quote for s in statements(text)]
    return found[0]


def key_of(text: str, name: str) -> str:
    return next(e.key for e in extract(text).actors if e.name == name)


def assert_speaker(text: str, s: Statement, name: str) -> None:
    """The statement is attributed to the actor `name`: its speaker_id is that actor's. The actor must exist: a
    speaker the actors table misses is a failure here, not a reason for a weaker check."""
    keys = [e.key for e in extract(text).actors if e.name == name or name in e.aliases]
    assert keys, f"no actor {name!r} in {[e.name for e in extract(text).actors]}"
    assert s.speaker_key == keys[0], (s.speaker, s.speaker_key)


# --- quotation marks -----------------------------------------------------------------------------------


def test_apostrophes_are_not_quotation_marks():
    text = "There’s no plan for the workers’ pensions, and the unions' anger at Kovac’s firm is growing, it's said."
    assert find_quotations(text) == []


def test_single_quotes_inside_double_quotes_are_one_quotation():
    text = "“My father said ‘never sell the farm’ and I never did,” the farmer said."
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "My father said ‘never sell the farm’ and I never did,"


def test_a_quotation_that_reopens_without_closing_is_one_quotation():
    text = 'Coach Amir Haddad said: "We played well. "The referee was poor."'
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == 'We played well. "The referee was poor.'


def test_a_quotation_left_open_at_the_paragraph_end_is_marked_unclosed():
    (q,) = find_quotations("“We will stay here all winter. Nobody can move us.")
    assert q.unclosed


def test_a_closing_mark_that_opens_a_paragraph_opens_its_quotation():
    text = "”The harbour wall will not last another winter,” the engineer said."
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "The harbour wall will not last another winter,"
    assert not q.unclosed


def test_a_closing_mark_that_opens_a_paragraph_with_an_ellipsis_opens_its_quotation():
    text = "” … and the ferry will stop running in March,” the mayor wrote."
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "… and the ferry will stop running in March,"


# --- direct and partial quotations ------------------------------------------------------------------------

CURLY = """Town to rebuild bridge

Mayor Elena Duarte spoke on Monday after the flood.

“We will rebuild the bridge by spring,” Duarte said.

“The river took everything,” she told reporters. “But the people of this town do not give up.”

Union leader Rosa Marin called the council’s pay offer “an insult to every nurse in the region”.
"""


def test_curly_direct_quote_with_the_speaker_after_it():
    s = one(CURLY, "We will rebuild")
    assert s.quote == "We will rebuild the bridge by spring,"
    assert (s.kind, s.cue) == ("direct", "said")
    assert_speaker(CURLY, s, "Elena Duarte")


def test_pronoun_speaker_and_addressee():
    s = one(CURLY, "The river took")
    assert (s.kind, s.cue, s.addressee) == ("direct", "told", "reporters")
    assert_speaker(CURLY, s, "Elena Duarte")


def test_a_quotation_standing_alone_belongs_to_the_speaker_before_it():
    s = one(CURLY, "But the people")
    assert s.kind == "direct"
    assert_speaker(CURLY, s, "Elena Duarte")


def test_partial_quote_inside_the_writers_sentence_is_the_reported_object_with_it():
    s = one(CURLY, "the council’s pay offer")
    assert s.quote == "the council’s pay offer “an insult to every nurse in the region”"
    assert (s.kind, s.cue) == ("partial", "called")
    assert_speaker(CURLY, s, "Rosa Marin")


STRAIGHT = """Port reopens after storm

"The harbour is safe again," said Mr Tomasz Nowak, the port director.

Farmer Joan Pike said: "Rain came too late for the wheat."

"The vote was fair," Electoral commissioner Hugo Brandt said, "and the result stands."

The minister said the plan was 'dead in the water'.

'We are not moving,' said resident Olu Bello.
"""


def test_straight_quotes_and_said_mr_smith_inversion():
    s = one(STRAIGHT, "The harbour is safe")
    assert s.quote == "The harbour is safe again,"
    assert (s.kind, s.cue) == ("direct", "said")
    assert s.speaker == "Mr Tomasz Nowak"  # the apposition "the port director" is not part of the name


def test_speaker_and_colon_before_the_quote():
    s = one(STRAIGHT, "Rain came")
    assert (s.quote, s.kind) == ("Rain came too late for the wheat.", "direct")
    assert_speaker(STRAIGHT, s, "Joan Pike")


def test_a_quote_split_by_he_said_is_two_statements():
    first, second = one(STRAIGHT, "The vote was fair"), one(STRAIGHT, "and the result")
    assert first.quote == "The vote was fair,"
    assert second.quote == "and the result stands."
    assert_speaker(STRAIGHT, first, "Hugo Brandt")
    assert_speaker(STRAIGHT, second, "Hugo Brandt")


def test_single_quotes_as_the_only_quotation_marks():
    partial = one(STRAIGHT, "the plan was")
    assert (partial.quote, partial.kind, partial.speaker) == (
        "the plan was 'dead in the water'",
        "partial",
        "The minister",
    )
    direct = one(STRAIGHT, "We are not moving")
    assert direct.quote == "We are not moving,"
    assert_speaker(STRAIGHT, direct, "Olu Bello")


PARAGRAPHS = """Library will close on Sundays

The town library will close on Sundays from next month to save money.

Council leader Ravi Patel said:

“We have no money left for the library. Something had to give.

“Nobody wanted this, least of all the staff,” he added.

— We will fight this decision, the head librarian said.

— The building is ours, — said reader Ana Lima, — and we will keep it open.
"""


def test_quotation_in_the_paragraph_after_smith_said_colon_running_over_two_paragraphs():
    s = one(PARAGRAPHS, "We have no money")
    # one statement from the first opening mark to the closing mark in the next paragraph
    assert s.quote.endswith("least of all the staff,")
    assert "\n\n“Nobody wanted this" in s.quote
    assert s.kind == "direct"
    assert_speaker(PARAGRAPHS, s, "Ravi Patel")


def test_quotes_that_open_with_a_dash():
    s = one(PARAGRAPHS, "We will fight")
    assert (s.quote, s.speaker, s.cue) == ("We will fight this decision,", "the head librarian", "said")
    first, second = one(PARAGRAPHS, "The building is ours"), one(PARAGRAPHS, "and we will keep")
    assert first.quote == "The building is ours,"
    assert second.quote == "and we will keep it open."
    assert (first.speaker, second.speaker) == ("reader Ana Lima", "reader Ana Lima")


@pytest.mark.xfail(strict=True, reason="actors: no actor for a name inside a dash paragraph ('said reader Ana Lima')")
def test_dash_quotes_resolve_to_the_actor():
    first, second = one(PARAGRAPHS, "The building is ours"), one(PARAGRAPHS, "and we will keep")
    assert_speaker(PARAGRAPHS, first, "Ana Lima")
    assert_speaker(PARAGRAPHS, second, "Ana Lima")


def test_names_and_scare_quotes_are_not_statements():
    text = "Plan published\n\nThe so-called “peace plan” was published on Monday under the “Green Future” banner.\n"
    assert statements(text) == []


def test_a_headline_statement_has_the_headline_zone_and_captions_give_none():
    text = (
        "Mayor says ‘we will rebuild’\n\n"
        "Mayor calls for ‘patience’ as waters recede\n\n"
        "Mayor Hana Sato visits the flooded street on May 2, 2025. (Ken Ito/Reuters)\n\n"
        "The water has gone down, officials said.\n"
    )
    got = [(s.quote, s.speaker, s.zone) for s in statements(text)]
    assert got == [("we will rebuild", "Mayor", "headline"), ("The water has gone down", "officials", "body")]


@pytest.mark.parametrize(
    "headline, quote, speaker, rule",
    [
        ("Harbour Chief: New Ferries Will Run From June", "New Ferries Will Run From June", "Harbour Chief", "colon"),
        ("Farmers to Ministry: Water Prices Are Too High", "Water Prices Are Too High", "Farmers", "colon"),
        ("Senator Okafor Says Budget Talks Have Stalled", "Budget Talks Have Stalled", "Senator Okafor", "cue"),
        ("Teachers Warn of Strike Over Pay", "of Strike Over Pay", "Teachers", "cue"),
        ("Ferry plan 'a fantasy' - Harbour Chief", "Ferry plan 'a fantasy'", "Harbour Chief", "dash_speaker"),
        ("'We will not pay' - Harbour Chief", "We will not pay", "Harbour Chief", "dash_speaker"),
        ("Dock Strike Will End Soon, Union Leaders Say", "Dock Strike Will End Soon", "Union Leaders", "cue_after"),
        ("Ferry fares will rise in June, officials say", "Ferry fares will rise in June", "officials", "cue_after"),
        (
            "Grain Prices ‘Out Of Control,’ Farmers Tell Ministry",
            "Grain Prices ‘Out Of Control,’",
            "Farmers",
            "cue_after",
        ),
        (
            "Angry Farmers Slam Minister As A ‘Reckless Gambler.’",
            "Minister As A ‘Reckless Gambler.’",
            "Angry Farmers",
            "quoted_words",
        ),
        ("Dock Workers Rip Port Chief: ‘You Should Resign.’", "You Should Resign.", "Dock Workers", "colon"),
        ("Angry Parents March To ‘Keep Our Pools Open’", "To ‘Keep Our Pools Open’", "Angry Parents", "quoted_words"),
        ("The Latest: Union leaders say ‘no retreat’ on pay", "‘no retreat’ on pay", "Union leaders", "cue"),
    ],
)
def test_headline_statements(headline, quote, speaker, rule):
    (s,) = statements(f"{headline}\n\nThe ferries were late again on Monday.\n")
    assert (s.quote, s.speaker, s.zone, s.rule) == (quote, speaker, "headline", f"statements.headline_{rule}")


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Storm Hits the Coast",  # a label before the colon
        "Night Over the Harbour: A Photo Essay",  # no name, body or speaker noun before the colon
        "City Transport Rules Face Test in Court",  # "Rules" belongs to the subject
        "Mayor to Tell Council of Plans",  # not said yet
        "Clerk Explains the Budget Sheet",  # a topic, not a claim
        "Singer performs in a new video of ‘The Long Road’",  # a title in a headline in sentence case
        "Harbour ‘Blue Line’ Plan Wins Approval",  # a quoted name before any verb, no speaker
        "Ferry fares rise again, the harbour report says it all",  # "says" does not end the headline
    ],
)
def test_headlines_that_report_no_statement(headline):
    assert statements(f"{headline}\n\nThe ferries were late again on Monday.\n") == []


# --- reported speech --------------------------------------------------------------------------------------

REPORTED = """Clinics to close as budget is cut

The health ministry said on Tuesday that 14 clinics would close.

Police chief Maria Santos said the ring road would reopen on Friday.

Finance Minister Karl Weber told parliament that taxes would not rise this year.

The bakery will shut in June, according to the union.

The weather agency warned that the river could flood again within days.

The company denied the claims of the dismissed workers.

The bishop called on the government to protect the refugees.

A senior police official said the suspect had fled across the border.

France has warned that it will block the trade deal.

Two trucks collided on the bridge on Monday, the police said.
"""


@pytest.mark.parametrize(
    "quote, speaker, cue",
    [
        ("14 clinics would close", "The health ministry", "said"),
        ("the ring road would reopen on Friday", "Police chief Maria Santos", "said"),
        ("taxes would not rise this year", "Finance Minister Karl Weber", "told"),
        ("The bakery will shut in June", "the union", "according to"),
        ("the river could flood again within days", "The weather agency", "warned"),
        ("the claims of the dismissed workers", "The company", "denied"),
        ("the government to protect the refugees", "The bishop", "called on"),
        ("the suspect had fled across the border", "A senior police official", "said"),
        ("it will block the trade deal", "France", "warned"),
        ("Two trucks collided on the bridge on Monday", "the police", "said"),
    ],
)
def test_reported_speech(quote, speaker, cue):
    s = one(REPORTED, quote)
    assert (s.quote, s.kind, s.speaker, s.cue) == (quote, "indirect", speaker, cue)


def test_reported_speech_resolves_named_speakers_and_keeps_anonymous_ones_unresolved():
    assert_speaker(REPORTED, one(REPORTED, "the ring road"), "Maria Santos")
    assert one(REPORTED, "taxes would").addressee == "parliament"
    assert one(REPORTED, "the suspect").speaker_key == ""
    assert one(REPORTED, "it will block").speaker_key == ""  # a country speaks: the name is kept as written


def test_no_statement_from_questions_or_denials_of_speech():
    text = "Talks go on\n\nThe minister did not say whether talks would resume. She was asked how the talks went.\n"
    assert statements(text) == []


# --- speakers ----------------------------------------------------------------------------------------------

SPEAKERS = """Hospital wards full, minister says

Health Minister Tariq Aziz visited the city hospital on Monday with nurses.

The health minister said the wards were full every night.

Aziz said the staff needed more money.

His office said the minister would return on Friday.

He said the new wing would open in the autumn.
"""


@pytest.mark.parametrize(
    "quote, speaker",
    [
        ("the wards were full", "The health minister"),  # a role description
        ("the staff needed", "Aziz"),  # a bare surname
        ("the minister would return", "His office"),  # an office speaks for its head: text kept as written
        ("the new wing", "He"),  # a pronoun: kept as written; speaker_key says who it is
    ],
)
def test_speakers_resolve_to_the_actor(quote, speaker):
    s = one(SPEAKERS, quote)
    assert s.speaker == speaker
    assert s.speaker_key == key_of(SPEAKERS, "Tariq Aziz")  # the actors must know him: he is named in full


# --- the seed article --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> ArticleExtraction:
    return _extract(read_article(SEED, SEED.parent))


def seed_statement(seed: ArticleExtraction, quote_start: str) -> Statement:
    (s,) = [s for s in seed.statements if s.quote.startswith(quote_start)]
    return s


def test_seed_partial_quote_told_to_the_envoy(seed):
    s = seed_statement(seed, "there is “a short window")
    # the reported clause with the quoted words in it; the closing ", as the … group continued …" is the writer's
    assert s.quote == "there is “a short window of time for diplomatic understandings” to be reached with Hezbollah"
    assert (s.kind, s.cue, s.speaker_key) == ("partial", "told", "yoav-gallant")
    assert s.addressee.startswith("US special envoy")


def test_seed_direct_quote_said_to_hochstein(seed):
    s = seed_statement(seed, "There is only one possible result")
    assert (s.kind, s.speaker, s.speaker_key, s.addressee) == ("direct", "Gallant", "yoav-gallant", "Hochstein")


def test_seed_his_office_and_a_country_and_an_anonymous_official(seed):
    office = seed_statement(seed, "Gallant reflected")
    assert (office.speaker, office.speaker_key) == ("his office", "yoav-gallant")
    israel = seed_statement(seed, "if the international community")
    assert (israel.speaker, israel.kind, israel.cue) == ("Israel", "indirect", "warned")
    official = seed_statement(seed, "the attack bore the hallmarks")
    assert (official.speaker, official.speaker_key) == ("A US official", "")


def test_seed_headline_gives_the_clause_around_its_quoted_fragment_and_captions_none(seed):
    text = SEED.read_text(encoding="utf-8")
    body_start = text.index("Defense Minister Yoav Gallant told")
    assert all(s.start >= body_start for s in seed.statements if s.zone == "body")
    (headline,) = [s for s in seed.statements if s.zone == "headline"]  # "Gallant tells … there’s a ‘short window’"
    title = text.splitlines()[0]
    # what the headline says Gallant told the envoy: its words from "there’s" to the end, quoted fragment and all
    told = title[title.index("there’s") :]
    assert (headline.quote, headline.kind, headline.speaker) == (told, "partial", "Gallant")
    assert headline.start == text.index(told)
    assert all(s.zone in ("headline", "body") for s in seed.statements)  # captions and the dek give none


BRITISH = """Nurses vote to strike

Nurses in the north have voted to strike for the first time, their union said on Monday.

Union director Megan Rhys said: 'The nurses' patience has run out. Our members' pay has fallen for years.

'We never wanted this,' she said.

The regional health board's chief executive, Owen Prydderch, 58, said the offer was fair.

The 58-year-old added that the board had no more money.
"""


def test_single_quotation_with_plural_possessives_running_over_two_paragraphs():
    s = one(BRITISH, "The nurses")
    assert (
        s.quote == "The nurses' patience has run out. Our members' pay has fallen for years.\n\n'We never wanted this,"
    )
    assert s.kind == "direct"
    assert_speaker(BRITISH, s, "Megan Rhys")


def test_a_name_in_apposition_and_an_age_description_resolve_to_the_person():
    chief = one(BRITISH, "the offer was fair")
    assert chief.speaker == "The regional health board's chief executive"
    age = one(BRITISH, "the board had no more money")
    assert age.speaker == "The 58-year-old"
    assert chief.speaker_key == age.speaker_key == key_of(BRITISH, "Owen Prydderch")


DASHES = """Farmers block roads

Farmers blocked roads across the country on Monday in protest at a rise in diesel tax.

— We cannot survive at these prices, said Jan Wozniak, a dairy farmer. — If nothing changes, we will be gone.

— The government of Poland will pay for this.

Volkswagen will close its plant in Osnabrueck next year, the company said on Tuesday.
"""


def test_dash_quote_with_the_reporting_clause_inside_the_paragraph():
    first, second = one(DASHES, "We cannot survive"), one(DASHES, "If nothing changes")
    assert first.quote == "We cannot survive at these prices,"
    assert second.quote == "If nothing changes, we will be gone."
    assert_speaker(DASHES, first, "Jan Wozniak")
    assert_speaker(DASHES, second, "Jan Wozniak")


def test_a_dash_paragraph_after_a_dash_quotation_goes_on_with_its_speaker():
    s = one(DASHES, "The government of Poland")
    assert_speaker(DASHES, s, "Jan Wozniak")


def test_the_company_said_resolves_to_the_company_named_before():
    s = one(DASHES, "Volkswagen will close")
    assert (s.speaker, s.kind) == ("the company", "indirect")
    assert s.speaker_key == key_of(DASHES, "Volkswagen")


def test_a_list_in_dash_paragraphs_is_not_a_quotation():
    text = "What changes\n\nThe council published its plan on Monday.\n\n— Bins collected weekly.\n\n— Fees rise.\n"
    assert statements(text) == []


def test_a_forgotten_closing_mark_ends_the_quotation_before_its_reporting_clause():
    text = "Pool to close\n\n“The pool will shut for the summer, the council said.\n\nSwimmers were angry.\n"
    s = one(text, "The pool")
    assert (s.quote, s.speaker, s.cue) == ("The pool will shut for the summer,", "the council", "said")


def test_figures_and_closing_marks_stay_in_reported_clauses():
    text = (
        "Mortgage rates fall\n\nMortgage rates fell again in May, the lender Nationwide said.\n\n"
        "Analysts told the BBC the figures made a cut in June “almost certain”. The average deal costs 5.4%, it said.\n"
    )
    assert one(text, "the figures made").quote == "the figures made a cut in June “almost certain”"
    assert one(text, "The average deal").quote == "The average deal costs 5.4%"


def test_a_relative_clause_reports_for_the_noun_it_describes():
    text = "Bridge to close\n\nThe engineer, who said the bridge was unsafe, resigned on Friday.\n"
    s = one(text, "the bridge was unsafe")
    assert (s.speaker, s.kind, s.cue) == ("who", "indirect", "said")  # the speaker as written at the reporting verb


def test_the_subject_after_an_opening_clause_is_the_speaker():
    text = (
        "Market traders\n\nAfter the mayor left Tarnow, a group of local market traders backing a rival "
        "claim agreed to “keep fighting” for the old square.\n"
    )
    s = one(text, "to “keep fighting” for the old square")  # the fragment with its complement
    assert s.kind == "partial" and s.speaker.startswith("a group of local market traders")


def test_an_unnamed_official_is_not_the_named_one_with_that_role():
    text = (
        "Ministry answers\n\nMinistry spokesman Lars Berg said the plan was ready.\n\n"
        "A ministry spokesman said later that the plan had been delayed.\n"
    )
    s = one(text, "the plan had been delayed")
    assert (s.speaker, s.speaker_key) == ("A ministry spokesman", "")


# --- second reported clauses, possessive roles, background gerunds -----------------------------------------

CONJOINED = """Shipyard sale stalls

Economists at Nordbank said inflation had peaked but warned that wages would keep rising.

The harbour master denied the allegations and insisted that the cranes were safe.

Captain Elena Ruiz said the crew was exhausted and added that the owners had ignored warnings.

The shipyard’s lawyer said the evidence was thin, adding that the judge had erred.

The port authority said fees would rise next year and that small boats would be exempt.

Transport officials said they gave the town “every possible help” and that engineers would inspect the quay on Friday.
"""


@pytest.mark.parametrize(
    "quote, speaker, cue",
    [
        ("inflation had peaked", "Economists at Nordbank", "said"),
        ("wages would keep rising", "Economists at Nordbank", "warned"),
        ("the allegations", "The harbour master", "denied"),
        ("the cranes were safe", "The harbour master", "insisted"),
        ("the crew was exhausted", "Captain Elena Ruiz", "said"),
        ("the owners had ignored warnings", "Captain Elena Ruiz", "added"),
        ("the evidence was thin", "The shipyard’s lawyer", "said"),
        ("the judge had erred", "The shipyard’s lawyer", "adding"),
        ("fees would rise next year", "The port authority", "said"),
        ("small boats would be exempt", "The port authority", "said"),
        ("engineers would inspect the quay on Friday", "Transport officials", "said"),
    ],
)
def test_a_second_reported_clause_is_a_second_statement_of_the_same_speaker(quote, speaker, cue):
    s = one(CONJOINED, quote)
    assert (s.quote, s.kind, s.speaker, s.cue) == (quote, "indirect", speaker, cue)


def test_the_first_clause_before_a_second_that_clause_keeps_its_partial_quote():
    (s,) = [s for s in statements(CONJOINED) if "every possible help" in s.quote]
    assert "engineers" not in s.quote and s.speaker == "Transport officials" and s.cue == "said"


def test_a_conjoined_verb_with_only_a_noun_object_stays_in_the_first_statement():
    text = "Payment row\n\nThe agency said it had no record of the transfer and denied any wrongdoing.\n"
    (s,) = statements(text)
    assert s.quote == "it had no record of the transfer and denied any wrongdoing" and s.cue == "said"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Strike vote\n\nThe dockers’ union’s general secretary, Maria Lindqvist, said the strike would go ahead."
            "\n\n“We have no choice,” she told reporters.\n",
            "Maria Lindqvist",
        ),
        (
            "Profits slide\n\nThe brewery's chief executive, Tom Hallam, said: “We will cut costs.”\n\n"
            "He told analysts that no brewery would close.\n",
            "Tom Hallam",
        ),
        ("Rates\n\nThe bank's new chief economist, Ines Duarte, warned that inflation would rise.\n", "Ines Duarte"),
    ],
)
def test_a_possessive_role_before_a_name_in_apposition_resolves_to_the_person(text, name):
    found = statements(text)
    assert found, text
    for s in found:
        assert s.speaker_key == key_of(text, name), (s.quote, s.speaker, s.speaker_key)


@pytest.mark.parametrize(
    "text",
    [
        "Club in debt\n\nThe club raised ticket prices after admitting it had overspent on wages.\n",
        "Jobs cut\n\nThe mayor cut 40 jobs despite saying the budget was safe.\n",
        "Coach quits\n\nThe coach left the club without saying he was unhappy.\n",
        "Fees\n\nThe college, in spite of claiming it was solvent, closed two campuses.\n",
    ],
)
def test_a_reporting_gerund_after_a_preposition_is_background_not_a_statement(text):
    assert statements(text) == []


def test_by_saying_still_reports_what_the_subject_said():
    text = "Tax row\n\nThe minister ended the row by saying the fuel tax would be scrapped.\n"
    s = one(text, "the fuel tax")
    assert (s.speaker, s.cue) == ("The minister", "saying")


# --- findings of research, and partial quotes that are the predicate ----------------------------------------

FINDINGS = """Sleep study divides doctors

Volunteers who napped after lunch saw no gain in memory, the study found.

A report by the regulator found that water bills had doubled in a decade.

The survey showed that most parents backed the later school start.

Cycling to work had fallen by a fifth, the analysis concluded.

The researchers estimated that the glacier would vanish by 2060.

Dr Hana Brenner found that the vaccine halved hospital stays.

Police found a rucksack near the bus station on Sunday.

The footage showed that the gate had been left open.
"""


@pytest.mark.parametrize(
    "quote, speaker, cue",
    [
        ("Volunteers who napped after lunch saw no gain in memory", "the study", "found"),
        ("water bills had doubled in a decade", "A report by the regulator", "found"),
        ("most parents backed the later school start", "The survey", "showed"),
        ("Cycling to work had fallen by a fifth", "the analysis", "concluded"),
        ("the glacier would vanish by 2060", "The researchers", "estimated"),
        ("the vaccine halved hospital stays", "Dr Hana Brenner", "found"),
    ],
)
def test_research_findings_are_indirect_statements(quote, speaker, cue):
    s = one(FINDINGS, quote)
    assert (s.quote, s.kind, s.speaker, s.cue) == (quote, "indirect", speaker, cue)


def test_found_and_showed_with_other_subjects_are_not_statements():
    quotes = [s.quote for s in statements(FINDINGS)]
    assert not any("rucksack" in q or "gate" in q for q in quotes), quotes


def test_a_partial_quote_that_is_the_predicate_is_one_statement_with_its_subject():
    text = "Moorland blaze\n\nThe fire chief said the blaze was “out of control” and that crews were exhausted.\n"
    found = [(s.quote, s.kind, s.cue) for s in statements(text)]
    assert found == [
        ("the blaze was “out of control”", "partial", "said"),
        ("crews were exhausted", "indirect", "said"),
    ]


def test_a_long_subject_before_a_quoted_predicate_is_one_partial_statement():
    text = "Moorland blaze\n\nThe fire chief said the blaze on the north slope was “beyond anything we have seen”.\n"
    (s,) = statements(text)
    quote = "the blaze on the north slope was “beyond anything we have seen”"
    assert (s.quote, s.kind, s.speaker) == (quote, "partial", "The fire chief")


def test_a_clause_inside_a_quotation_gives_the_quotation_only():
    text = "Pier\n\nThe harbour master said the pier was “safe. Nobody needs to worry about it.”\n"
    (s,) = statements(text)
    assert (s.quote, s.kind, s.speaker) == ("safe. Nobody needs to worry about it.", "partial", "The harbour master")


def test_a_closing_as_clause_of_background_is_not_part_of_the_reported_clause():
    text = "Ferry\n\nThe operator told the council that fares would rise in May, as fuel prices kept climbing.\n"
    (s,) = statements(text)
    assert (s.quote, s.cue) == ("fares would rise in May", "told")


# --- the rules: every statements rule's own example fires; no input crashes ------------------------------------


def test_every_statement_names_a_registered_rule():
    from tidynews.extract.rules import RULES

    for text in (CONJOINED, BRITISH, DASHES, PARAGRAPHS):
        for s in statements(text):
            assert s.rule in RULES and RULES[s.rule].kind == "finds", s


def test_an_honorific_alone_as_speaker_does_not_crash():
    # "The Prof." is an honorific and nothing else: no actor, no IndexError
    text = "Bridge review\n\nThe Prof. says the old bridge is still safe for lorries.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker, s.speaker_key) == ("the old bridge is still safe for lorries", "The Prof.", "")


@pytest.mark.parametrize("name", ["statement_verbs", "statement_nouns", "statement_words"])
def test_statement_word_lists_match_their_table_schema(name):
    import csv
    import json

    from frictionless import Resource, Schema

    from tidynews.paths import DATA_DIR

    schema = Schema.from_descriptor(json.loads((DATA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))
    report = Resource(path=f"{name}.csv", schema=schema, basepath=str(DATA_DIR)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])[:5]
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        assert {"word", "value", "reason", "example"} <= set(next(csv.reader(f)))


# --- a reporting clause set into what it reports ---------------------------------------------------------------

INSERTED = """Ferries late again

The harbour, local fishermen say, has been silting up for years.

Otherwise, Ms. Ortiz said, the two islands may simply lose their ferries.

As the harbour master noted, the boats are often late in winter.

The timetable is out of date, as one skipper told reporters.

The new pier, as one skipper put it, is a monument to waste.

The island school will close, the minister told the parents on Monday.
"""


@pytest.mark.parametrize(
    "quote, speaker, rule",
    [
        ("The harbour, local fishermen say, has been silting up for years", "local fishermen", "around_cue"),
        ("Otherwise, Ms. Ortiz said, the two islands may simply lose their ferries", "Ms. Ortiz", "around_cue"),
        ("the boats are often late in winter", "the harbour master", "as"),
        ("The timetable is out of date", "one skipper", "as"),
        ("The new pier, as one skipper put it, is a monument to waste", "one skipper", "as"),
        ("The island school will close", "the minister", "before_cue"),
    ],
)
def test_a_reporting_clause_set_into_or_beside_what_it_reports(quote, speaker, rule):
    s = one(INSERTED, quote[:12])
    rule_id = {
        "around_cue": "statements.reported_clause_around_cue",
        "as": "statements.as_cue_clause",
        "before_cue": "statements.reported_clause_before_cue",
    }[rule]
    assert (s.quote, s.speaker, s.kind, s.rule) == (quote, speaker, "indirect", rule_id)


def test_a_quotation_ending_in_a_nested_quotation_takes_the_reporting_clause_after_it():
    text = "Ferries\n\n“She asked me, ‘Why is the boat late again?’” Ana Ruiz told reporters.\n"
    s = one(text, "She asked me")
    assert (s.speaker, s.cue, s.rule) == ("Ana Ruiz", "told", "statements.quote_cue_after")


# --- more reporting verbs: phrasal cues, questions, objects and topics ----------------------------------------

MORE_CUES = """Harbour row

The harbour master pointed out that the ferry was older than the bridge.

The mayor made it clear that the old pier would not reopen.

Councillor Ines Duarte asked the engineers whether the pier was safe.

The opposition leader criticized the plan to sell the harbour.

The fishermen's union accused the council of neglecting the port.

The minister spoke about the new harbour at length.
"""


@pytest.mark.parametrize(
    "quote, speaker, rule",
    [
        ("the ferry was older than the bridge", "The harbour master", "phrasal_cue"),
        ("the old pier would not reopen", "The mayor", "made_clear"),
        ("whether the pier was safe", "Councillor Ines Duarte", "reported_question"),
        ("the plan to sell the harbour", "The opposition leader", "reported_object"),
        ("the council of neglecting the port", "The fishermen's union", "reported_object"),
        ("the new harbour", "The minister", "reported_object"),
    ],
)
def test_more_reporting_verbs(quote, speaker, rule):
    s = one(MORE_CUES, quote)
    assert (s.quote, s.speaker, s.kind, s.rule) == (quote, speaker, "indirect", f"statements.{rule}")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will ask the council to approve the new bridge.",  # not said yet
        "The three ministers spoke for nearly ten minutes.",  # a duration, not a topic
        "Nobody knows what the senator said at the dinner.",  # a wh-object: no clause of its own
        'Ferry users were angry. <tweet author="ferrywatch" text="The ferry is late again">',  # markup
    ],
)
def test_no_statement_from_what_is_not_said(text):
    assert statements(f"Report\n\n{text}\n") == []


# --- nouns of speech and transcript labels ---------------------------------------------------------------------

NOUNS = """Pier closed

The harbour board issued a statement saying the old pier would close in June.

Residents saying they had been ignored marched to the town hall.

The mayor's warning that the pier would collapse was ignored for years.

HARBOUR MASTER: The ferries will run again from Monday morning.

Note: The ferries run every hour in summer.
"""


@pytest.mark.parametrize(
    "quote, speaker, rule",
    [
        ("the old pier would close in June", "The harbour board", "document_saying"),
        ("they had been ignored", "Residents", None),  # (the parse may take it as a plain reported clause)
        ("the pier would collapse", "The mayor", "speech_noun_clause"),
        ("The ferries will run again from Monday morning.", "HARBOUR MASTER", "transcript_label"),
    ],
)
def test_statements_reported_by_nouns_and_labels(quote, speaker, rule):
    s = one(NOUNS, quote)
    assert (s.quote, s.speaker) == (quote, speaker)
    assert rule is None or s.rule == f"statements.{rule}"


def test_a_page_label_is_no_speaker():
    assert not any(s.quote.startswith("The ferries run every hour") for s in statements(NOUNS))


# --- pronouns agree in sex with the person they point back to --------------------------------------------------


def test_she_skips_a_man_named_just_before_for_the_woman_before_him():
    text = (
        "Council race\n\nSofia Marquez said she would not run for the council again.\n\n"
        "Daniel Okafor, the party treasurer, said he was surprised by the news.\n\n"
        "“It is finished,” she said."
    )
    s = one(text, "It is finished")
    assert_speaker(text, s, "Sofia Marquez")


def test_he_skips_a_woman_called_mrs_for_the_man_before_her():
    text = (
        "Shop lease\n\nPeter Lindqvist said he had signed the lease on Tuesday.\n\n"
        "Mrs. Halvorsen opened the shop an hour later.\n\n"
        "“The rent is fair,” he said."
    )
    s = one(text, "The rent is fair")
    assert_speaker(text, s, "Peter Lindqvist")


def test_she_with_only_men_before_it_is_left_unresolved():
    text = "Council race\n\nDaniel Okafor said he was surprised by the news.\n\n“It is finished,” she said."
    s = one(text, "It is finished")
    assert s.speaker_key == ""


# --- the speaker is never a word of the quotation itself ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, quote_start, speaker",
    [
        (
            "Debate\n\n“My reaction, that was a mistake,” the former party strategist said on Friday.",
            "My reaction",
            "the former party strategist",
        ),
        (
            "Debate\n\n“The campaign is in trouble. Deep trouble,” said Maria Delgado, a county party chair.",
            "The campaign",
            "Maria Delgado",
        ),
    ],
)
def test_a_noun_inside_the_quotation_is_not_its_speaker(text, quote_start, speaker):
    assert one(text, quote_start).speaker == speaker


# --- a quotation signed by a name after a dash -------------------------------------------------------------------


def test_a_quotation_signed_after_a_dash_belongs_to_the_name():
    text = (
        "Voices from the valley\n\nResidents gathered by the river on Sunday.\n\n"
        "“The town deserves better than a ferry.” ― Rosa Almeida\n"
        "“Nobody asked us about the plan.”― Tomas Ferreira\n"
        "“It will bring the tourists back.” — Ines Duarte, a baker."
    )
    assert_speaker(text, one(text, "The town deserves"), "Rosa Almeida")
    assert_speaker(text, one(text, "Nobody asked us"), "Tomas Ferreira")
    assert_speaker(text, one(text, "It will bring"), "Ines Duarte")
    assert {s.cue for s in statements(text)} == {"―", "—"}


def test_words_after_a_dash_that_are_no_name_sign_nothing():
    text = "Bridge\n\nThe mayor spoke on Monday.\n\n“We will build it,” the mayor said — and the crowd cheered."
    assert one(text, "We will build it").speaker == "the mayor"


# --- a reported clause that goes on after the reporting clause set into it ----------------------------------------


def test_a_reported_clause_goes_on_after_the_inserted_reporting_clause():
    text = "Ferry\n\nThe ferry is safe, the harbour master said, but only in the summer months.\n"
    (s,) = statements(text)
    assert s.quote == "The ferry is safe, the harbour master said, but only in the summer months"
    assert (s.kind, s.cue, s.speaker) == ("indirect", "said", "the harbour master")


def test_an_infinitive_after_the_inserted_reporting_clause_is_part_of_what_was_said():
    text = "Council\n\nIt is her job, she said, to warn the council about the flood risk.\n"
    (s,) = statements(text)
    assert s.quote == "It is her job, she said, to warn the council about the flood risk"


def test_a_participle_after_the_reporting_clause_is_a_second_statement_not_more_of_the_first():
    text = "Ferry\n\nThe ferry is safe, she said, adding that the crew is trained.\n"
    found = [(s.quote, s.cue) for s in statements(text)]
    assert found == [("The ferry is safe", "said"), ("the crew is trained", "adding")]


# --- verbs that report a noun object: attack, stress, express, refer to, point to ----------------------------------


def test_referring_to_after_a_quotation_reports_what_the_speaker_meant():
    text = "Pier\n\n“We will not close the pier,” Lind said, referring to the plan of the council.\n"
    found = [(s.quote, s.cue, s.speaker) for s in statements(text)]
    assert found == [("We will not close the pier,", "said", "Lind"), ("the plan of the council", "referring", "Lind")]


def test_objects_of_attack_express_and_point_to_are_what_was_said():
    cases = {
        "The senator attacked the budget as reckless.": ("the budget as reckless", "attacked"),
        "The mayor expressed concern about the flooding.": ("concern about the flooding", "expressed"),
        "The senator pointed to the drop in crime as proof.": ("the drop in crime as proof", "pointed"),
    }
    for sentence, expected in cases.items():
        (s,) = statements(f"Report\n\n{sentence}\n")
        assert (s.quote, s.cue) == expected


def test_attacks_and_pointing_by_things_that_cannot_speak_are_no_statements():
    for sentence in (
        "The storm attacked the coast at dawn.",
        "The road points to the north of the valley.",
        "The mayor was referring to the families who lost their homes in the flood.",  # explains, reports nothing
        "The senator attacked Ruth Okafor at the end of the debate.",  # an attack on a person quotes no words
    ):
        assert statements(f"Report\n\n{sentence}\n") == [], sentence


# --- who speaks: a person seen speaking, a time after the verb, "kept saying" ---------------------------------------


def test_the_person_seen_asking_in_footage_is_the_speaker_not_the_ad():
    text = "Ferry ad\n\nThe ad uses footage of Ana Lind asking, “Why is the ferry late again?”\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker) == ("Why is the ferry late again?", "Ana Lind")


def test_a_time_after_the_reporting_verb_is_not_the_speaker():
    text = (
        "Pier\n\n“The pier is old. It must be rebuilt,” Ana Lind, the engineer, said Thursday morning on local radio.\n"
    )
    (s,) = statements(text)
    assert s.speaker == "Ana Lind"


def test_kept_saying_reports_and_referred_to_as_describes():
    found = [(s.quote, s.cue) for s in statements("Pier\n\nThe senator kept saying the bridge was safe.\n")]
    assert found == [("the bridge was safe", "saying")]
    (s,) = statements("Pier\n\nThe mayor referred to the protesters as a small minority.\n")
    assert (s.quote, s.cue, s.speaker) == ("the protesters as a small minority", "referred", "The mayor")


def test_a_cue_inside_a_relative_clause_reports_the_relative_clause_of_its_own_subject():
    text = "Strike\n\nThe strike, which union leaders said could last weeks, began on Monday.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker, s.cue) == ("which union leaders said could last weeks", "union leaders", "said")
    (s,) = statements("Bridge\n\nThe mayor, who said the bridge was safe, left early.\n")
    assert (s.quote, s.speaker) == ("the bridge was safe", "who")


# --- the speaker's next act after a reported clause; the terms of speaking -----------------------------------------


def test_a_past_tense_cue_after_a_clause_under_would_is_the_speakers_own_second_statement():
    text = (
        "Fuel tax\n\nSenator Omar Bell said the fuel tax would hurt farmers, and called the plan a gift to oil firms.\n"
    )
    found = [(s.quote, s.cue, s.speaker) for s in statements(text)]
    assert found == [
        ("the fuel tax would hurt farmers", "said", "Senator Omar Bell"),
        ("the plan a gift to oil firms", "called", "Senator Omar Bell"),
    ]
    assert statements(text)[1].rule == "statements.speaker_act_after_reported_clause"


def test_a_bare_verb_after_would_stays_inside_the_reported_clause():
    text = "Plants\n\nThe mayor said the firm would cut jobs and close two plants.\n"
    assert [s.quote for s in statements(text)] == ["the firm would cut jobs and close two plants"]


def test_speaking_on_condition_of_anonymity_or_on_the_record_reports_nothing():
    for sentence in (
        "The aide spoke on condition of anonymity.",
        "Two officials spoke on the record at the hearing.",
        "The talks stalled, according to a diplomat who spoke on condition of anonymity.",
    ):
        quotes = [s.quote for s in statements(f"Report\n\n{sentence}\n")]
        assert not any("anonymity" in q or "record" in q for q in quotes), (sentence, quotes)
    (s,) = statements("Report\n\nThe mayor spoke about the ferry talks.\n")
    assert s.quote == "the ferry talks"


# --- a quotation closed by a full stop before "X said."; an inverted "…, said X" after a clause holding a quotation --


def test_a_sentence_that_is_only_the_reporting_clause_attributes_the_quotation_before_it():
    text = "Ferry\n\n“The ferry will sail again in May.” Lena Park said.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker, s.cue, s.kind) == ("The ferry will sail again in May.", "Lena Park", "said", "direct")
    assert s.rule == "statements.quote_then_bare_cue_sentence"
    (s,) = statements("Ferry\n\n“The port is closed.” The mayor later said.\n")
    assert (s.speaker, s.cue) == ("The mayor", "said")


def test_a_sentence_that_reports_something_of_its_own_does_not_attribute_the_quotation_before_it():
    text = "Ferry\n\nLena Park spoke first.\n\n“We will not give up.” She said the strike would go on.\n"
    found = {s.quote: s.cue for s in statements(text)}
    assert found.get("the strike would go on") == "said"
    assert found.get("We will not give up.") != "said"


def test_inverted_said_x_after_a_clause_holding_a_quotation_gives_the_clause_to_x():
    text = (
        "Storm\n\nCouple a storm with a “weak sea wall” and residents get nervous, said Lena Park, the harbour"
        " master.\n"
    )
    (s,) = statements(text)
    assert s.quote == "Couple a storm with a “weak sea wall” and residents get nervous"
    assert (s.speaker, s.cue) == ("Lena Park", "said")


def test_two_apostrophes_typed_for_a_double_quotation_mark_are_one_mark():
    text = "Pier\n\n''We will rebuild the pier,'' the mayor said. She called it ''a good day.''\n"
    found = [(s.quote, s.speaker) for s in statements(text)]
    assert found[0] == ("We will rebuild the pier,", "the mayor")
    quotes = find_quotations("She called it ''a good day.'' and left.")
    assert [(q.start, q.end, q.close_end) for q in quotes] == [(16, 27, 29)]


def test_a_cue_after_when_or_where_reports_its_clause_but_what_x_said_does_not():
    text = "Bridge\n\nThe row began in May, when the mayor said the bridge was unsafe.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker, s.cue) == ("the bridge was unsafe", "the mayor", "said")
    text = "Harbour\n\nThe fire started in the harbour, where officials reported that ten people were hurt.\n"
    (s,) = statements(text)
    assert (s.quote, s.speaker) == ("ten people were hurt", "officials")
    assert statements("Dinner\n\nNobody knows what the senator said at the dinner.\n") == []


def test_an_infinitive_of_purpose_after_took_to_or_used_reports_but_declined_to_does_not():
    (s,) = statements("Bridge\n\nThe mayor took to the radio to say the bridge was safe.\n")
    assert (s.quote, s.speaker, s.cue) == ("the bridge was safe", "The mayor", "say")
    (s,) = statements("Ferry\n\nThe senator used her speech to call for a new ferry.\n")
    assert (s.quote, s.speaker) == ("a new ferry", "The senator")
    assert statements("Bridge\n\nThe mayor refused to say the bridge was safe.\n") == []


def test_a_subject_named_by_an_apposition_can_speak():
    text = "Fees\n\nThe town's longest-serving councillor, Arne Holt, also decries the new parking fees.\n"
    (s,) = statements(text)
    assert (s.quote, s.cue) == ("the new parking fees", "decries")
    assert s.speaker_key == key_of(text, "Arne Holt")
    (s,) = statements("Fees\n\nThe town's longest-serving councillor, Arne Holt, has vowed to fight the fees.\n")
    assert s.quote == "to fight the fees"
    assert statements("Fees\n\nThe new plan, a thick binder, promises to cut the parking fees.\n") == []


def test_a_reported_clause_split_by_its_reporting_clause_is_one_statement():
    (s,) = statements("Quota\n\nThere is a risk, some farmers said, that the new quota would hurt the harbour.\n")
    assert (s.quote, s.speaker, s.cue) == (
        "There is a risk, some farmers said, that the new quota would hurt the harbour",
        "some farmers",
        "said",
    )
    text = "Bridge\n\nAt times last year, aides to the mayor said, the mere mention of the bridge made him angry.\n"
    (s,) = statements(text)
    assert s.quote == "At times last year, aides to the mayor said, the mere mention of the bridge made him angry"
    assert (s.speaker, s.cue) == ("aides to the mayor", "said")
    # "As X noted, …" keeps only the main clause
    (s,) = statements("Ferry\n\nAs the harbour master noted, the ferries are often late in winter.\n")
    assert s.quote == "the ferries are often late in winter"


def test_a_request_with_whom_it_asks_and_what_to_do_is_reported():
    (s,) = statements("Bridge\n\nThe mayor asked the council to approve the new bridge.\n")
    assert (s.quote, s.speaker, s.cue) == ("the council to approve the new bridge", "The mayor", "asked")
    (s,) = statements("Pier\n\nThe skipper asked the harbour board to keep the old pier open.\n")
    assert s.quote == "the harbour board to keep the old pier open"
    # no one asked to do anything: nothing reported
    assert statements("Ferry\n\nThe captain asked for a cup of tea.\n") == []


def test_an_if_clause_after_asked_and_its_object_is_the_question():
    (s,) = statements("Vote\n\nShe shook hands and asked workers if they planned to vote on Sunday.\n")
    assert (s.quote, s.speaker, s.cue) == ("if they planned to vote on Sunday", "She", "asked")
    # an if-clause that is a condition of the asking is no question
    assert statements("Storm\n\nThe skipper asked for help if the storm grew worse.\n") == []


def test_a_headline_name_and_colon_is_a_statement_only_when_the_name_is_a_person_of_the_article():
    body = (
        "\n\nMaria Lopez, the harbour master, said on Monday that the ferry would return in May."
        " Lopez has run the harbour for ten years.\n"
    )
    found = [(s.quote, s.speaker, s.zone) for s in statements("Lopez: The Ferry Will Sail Again in May" + body)]
    assert ("The Ferry Will Sail Again in May", "Lopez", "headline") in found
    assert [s for s in statements("Brexit: The Pound Falls Again" + body) if s.zone == "headline"] == []
    assert [s for s in statements("Lopez: A Life at Sea" + body) if s.zone == "headline"] == []  # no verb: a title


def test_what_x_said_was_that_reports_the_clause_after_was():
    (s,) = statements("Bridge\n\nWhat the mayor said was that the bridge would close in May.\n")
    assert (s.quote, s.speaker, s.cue) == ("the bridge would close in May", "the mayor", "said")
    assert statements("Bridge\n\nWhat the mayor said was a surprise.\n") == []
    assert statements("Dinner\n\nNobody knows what the senator said at the dinner.\n") == []


def test_headline_quoted_words_take_a_speaker_the_body_names():
    text = (
        "Ruiz Rips Port Plan As ‘A Reckless Gamble’\n\n"
        "Governor Maria Ruiz of Texas met the port's board in Austin on Monday.\n"
    )
    (s,) = [s for s in statements(text) if s.zone == "headline"]
    assert (s.quote, s.speaker, s.rule) == (
        "Port Plan As ‘A Reckless Gamble’",
        "Ruiz",
        "statements.headline_quoted_words",
    )


def test_headline_quoted_name_with_no_speaker_before_its_verb_is_no_statement():
    text = "Port Board Unveils ‘Blue Line’ Ferry Plan\n\nThe ferries were late again on Monday.\n"
    assert [s for s in statements(text) if s.zone == "headline"] == []
