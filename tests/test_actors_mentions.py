"""Actor mentions in running text: teams named by a place and a nickname, and other boundaries of names.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from tidynews.articles import Article, split_zones
from tidynews.extract.actors import extract_actors
from tidynews.extract.actors.drops import is_junk_name
from tidynews.extract.common import ArticleExtraction
from tidynews.nlp import parse_articles


def extract(body: str, headline: str = "Report") -> ArticleExtraction:
    text = headline + "\n\n" + body + "\n"
    article = Article("t", "t.txt", "", "utf-8", text, headline, split_zones(text))
    result = ArticleExtraction("t")
    extract_actors(next(parse_articles([article])), result)
    return result


def mentions(result: ArticleExtraction) -> list[tuple[str, str]]:
    """(text, actor type) of every mention, in order."""
    types = {e.key: e.type for e in result.actors}
    return [(m.text, types[m.key]) for m in result.actor_mentions]


def test_team_named_by_place_and_nickname_is_one_organisation():
    result = extract("Maya Ortiz homered as the Colorado Rockies beat the Houston Astros 5-2 on Tuesday.")
    found = mentions(result)
    assert ("Colorado Rockies", "organization") in found
    assert ("Houston Astros", "organization") in found
    assert not any(text in {"Colorado", "Rockies", "Houston"} for text, _ in found)


def test_nickname_alone_later_is_the_same_team():
    result = extract(
        "The Florida Marlins lost again on Tuesday. The Marlins have now lost five games in a row, their manager said."
    )
    ids = {m.text: m.key for m in result.actor_mentions}
    assert "Florida Marlins" in ids and "Marlins" in ids
    assert ids["Florida Marlins"] == ids["Marlins"]


def test_nickname_in_a_capitals_headline_is_found_from_the_body():
    result = extract(
        "Rookie Omar Lund pitched seven innings as the Florida Marlins beat the San Diego Padres 7-2 at home.",
        headline="BASEBALL - MARLINS BEAT PADRES",
    )
    headline = [m for m in result.actor_mentions if m.zone == "headline"]
    assert "MARLINS" in {m.text for m in headline}


def test_place_before_a_plural_that_is_no_team():
    found = mentions(extract("Ohio Democrats met in the state capital on Monday to choose a candidate."))
    assert not any("Democrats" in text for text, _ in found)
    found = mentions(extract("Tourists crowded the river at Colorado Springs on Sunday, police said."))
    assert not any("Springs" in text for text, _ in found)
    found = mentions(extract("Crowds filled the stadium at the Atlanta Olympics, organisers said on Sunday."))
    assert not any("Olympics" in text for text, _ in found)


def test_given_name_that_is_also_a_town_stays_a_person():
    found = mentions(extract("Team boss David Richards was furious with the drivers after the race on Sunday."))
    assert ("David Richards", "person") in found


def test_town_tagged_organisation_where_places_are_written_is_no_actor():
    found = mentions(
        extract("Refugees marched towards Tartu on Sunday. Police in Tartu said the road to Tartu airport was shut.")
    )
    assert not any("Tartu" in text for text, _ in found)


def test_town_named_company_after_shares_in_stays_an_organisation():
    found = mentions(extract("Investors bought shares in Tartu on Monday after Tartu said profits had doubled."))
    assert found == [("Tartu", "organization"), ("Tartu", "organization")]


def test_town_named_club_that_acts_stays_an_organisation():
    found = mentions(
        extract("His club Tartu announced on Tuesday that the captain would retire. Tartu finished third last season.")
    )
    assert found == [("Tartu", "organization"), ("Tartu", "organization")]


def test_person_before_a_fraction_is_no_photo_credit():
    found = mentions(extract("Finance Minister Lena Holt said the 30-year bond rose 3/32 on Monday, traders said."))
    assert ("Lena Holt", "person") in found


def test_name_and_agency_joined_by_a_slash_is_a_credit():
    found = mentions(extract("Firefighters cross the square on Monday. Lena Holt/Northern Wire Agency"))
    assert not any("Lena Holt" in text for text, _ in found)


def test_name_after_news_agency_is_the_agency():
    found = mentions(extract("The state news agency Kestrel said the talks would resume on Friday."))
    assert ("Kestrel", "organization") in found


def test_nationality_before_news_agency_is_no_agency():
    found = mentions(extract("The Kenyan news agency said 12 people died in the floods on Monday."))
    assert found == []


def test_temperature_scale_and_party_adjective_are_no_actors():
    # spaCy sometimes tags these PERSON or ORG ("35 Celsius", "a Republican"); the names themselves are rejected
    assert is_junk_name("Celsius", "person")
    assert is_junk_name("Republican", "org")
    assert not is_junk_name("Republican Party", "org")


def test_country_tagged_person_is_no_person():
    found = mentions(extract("The climber left for Nepal on Friday. Officials said Nepal would not change its policy."))
    assert not any("Nepal" in text for text, _ in found)


def test_agency_named_after_a_nationality_and_news_agency():
    found = mentions(extract("Police told the Kenyan news agency Kestrel that 12 people had died on Monday."))
    assert ("Kestrel", "organization") in found


def test_a_surname_after_a_lower_case_particle_stays_in_the_name():
    # spaCy's small model cuts both names before the particle (and calls the surname an organisation or a place)
    found = [m.text for m in extract("Lawyer Sandro dal Ferro told the agency his client was innocent.").actor_mentions]
    assert found == ["Sandro dal Ferro"]
    body = "Prime Minister Tavo wa Mbongo said on Thursday the vote would go ahead."
    assert [m.text for m in extract(body).actor_mentions] == ["Tavo wa Mbongo"]
