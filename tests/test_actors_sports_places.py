"""A town or county standing for its club in a sports story is that club (`actors.team_named_by_place`); the same
town outside a sports story, or written where news writes a place, stays a place; a country stays out.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from tests.test_actors_mentions import extract
from tidynews.extract.common import ArticleExtraction


def found(result: ArticleExtraction) -> dict[str, tuple[str, str]]:
    """text -> (actor type, rule) of the body's mentions (the last one of a text)."""
    types = {e.key: e.type for e in result.actors}
    return {m.text: (types[m.key], m.rule) for m in result.actor_mentions if m.zone != "headline"}


def texts(result: ArticleExtraction) -> list[str]:
    return [m.text for m in result.actor_mentions if m.zone != "headline"]


def test_county_that_beat_another_is_a_team():
    result = extract(
        "Dorset beat Norfolk by six wickets on Saturday to go top of the table.",
        headline="CRICKET - COUNTY ROUND-UP",
    )
    assert found(result)["Dorset"] == ("organization", "actors.team_named_by_place")
    assert found(result)["Norfolk"][0] == "organization"


def test_a_side_that_was_bowled_out_is_a_team():
    result = extract(
        "Cumbria were bowled out for 143 shortly after lunch on the second day.",
        headline="CRICKET - MINOR COUNTIES",
    )
    assert found(result).get("Cumbria") == ("organization", "actors.team_named_by_place")


def test_every_county_of_a_list_that_won_is_a_team():
    result = extract(
        "Dorset, Devon and Cumbria all won on the final day of the season.",
        headline="CRICKET - MINOR COUNTIES",
    )
    for county in ("Dorset", "Devon", "Cumbria"):
        assert found(result).get(county, ("", ""))[0] == "organization", county


def test_a_win_over_a_town_makes_it_a_team():
    result = extract(
        "The champions celebrated a comfortable win over Norwich in front of a full stadium.",
        headline="SOCCER - LEAGUE CUP",
    )
    assert found(result).get("Norwich", ("", ""))[0] == "organization"


def test_a_team_of_the_results_lines_is_a_team_in_prose_too():
    result = extract(
        "Worcester 2 Ipswich 1\n\nWorcester moved up to fifth place after the result, three points behind the leaders.",
        headline="SOCCER - RESULTS",
    )
    worcester = [m for m in result.actor_mentions if m.text == "Worcester"]
    assert len(worcester) == 2
    assert worcester[0].key == worcester[1].key


def test_a_place_outside_a_sports_story_stays_a_place():
    result = extract(
        "The governor won Ohio by a narrow margin and then travelled to Dayton on Wednesday.",
        headline="Governor wins state vote",
    )
    assert "Ohio" not in texts(result)


def test_a_country_in_a_sports_story_stays_out():
    result = extract(
        "England beat Norfolk by 40 runs in the warm-up match on Sunday.",
        headline="CRICKET - WARM-UP MATCH",
    )
    assert "England" not in texts(result)


def test_the_teams_town_written_as_a_place_is_the_place():
    result = extract(
        "Dorset beat Norfolk by six wickets on Saturday. Heavy rain had fallen in Dorset all week before the game.",
        headline="CRICKET - COUNTY ROUND-UP",
    )
    dorset = [m for m in result.actor_mentions if m.text == "Dorset"]
    assert len(dorset) == 1
    assert dorset[0].start < result.actor_mentions[-1].end


def test_the_ground_opening_a_results_line_is_no_team():
    result = extract(
        "At Taunton: Dorset beat Norfolk by an innings and 12 runs.",
        headline="CRICKET - MINOR COUNTIES",
    )
    assert "Taunton" not in texts(result)
    assert found(result).get("Dorset", ("", ""))[0] == "organization"


def test_the_teams_town_in_the_dateline_is_the_place():
    result = extract(
        "BRISTOL 2031-05-04\n\nBristol beat Norwich 2-0 on Saturday to stay second. Bristol have now won four games.",
        headline="SOCCER - FIRST DIVISION",
    )
    bristol = [m for m in result.actor_mentions if m.text.lower() == "bristol"]
    assert [m.text for m in bristol] == ["Bristol", "Bristol"]


def test_a_town_owning_a_player_is_his_club():
    result = extract("Norwich's Tomas Brandt scored twice in the second half.", headline="SOCCER - FIRST DIVISION")
    assert found(result).get("Norwich") == ("organization", "actors.team_named_by_place")
    assert found(result)["Tomas Brandt"][0] == "person"


def test_a_town_before_a_captains_title_is_his_club():
    result = extract(
        "The former Swindon and Luton skipper has signed a new contract.", headline="SOCCER - FIRST DIVISION"
    )
    assert found(result).get("Luton", ("", ""))[0] == "organization"


def test_a_town_after_a_league_description_is_the_club():
    result = extract(
        "Title hopefuls Cumbria were held to a draw, while second-placed Norfolk won easily.",
        headline="CRICKET - MINOR COUNTIES",
    )
    assert found(result).get("Cumbria") == ("organization", "actors.team_named_by_place")
