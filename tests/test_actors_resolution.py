"""Actors across articles: one sports franchise written as a table's place, its full name and its nickname
(data/sports_teams.csv). The articles are written for these tests."""

from __future__ import annotations

from test_actors import extract

from tidynews.extract.actors import resolve_actors
from tidynews.extract.actors.franchises import franchise_by_full_name, franchise_by_nickname, franchise_by_place
from tidynews.extract.common import ArticleExtraction

STANDINGS = "\n\n".join(
    [
        "Standings after games played on Sunday:",
        "AMERICAN LEAGUE",
        "W L PCT GB",
        "CHICAGO 70 65 .519 -",
        "BOSTON 67 67 .500 2.5",
        "NATIONAL LEAGUE",
        "W L PCT GB",
        "ATLANTA 80 52 .606 -",
        "CHICAGO 62 73 .459 19",
    ]
)


def ids_of(result: ArticleExtraction, mapping: dict, text: str) -> set[str]:
    """The actor ids of the mentions written `text` in one article."""
    return {mapping[(result.article_id, m.key)] for m in result.actor_mentions if m.text == text}


def test_a_tables_place_the_full_name_and_the_nickname_are_one_actor_across_articles():
    table = extract(STANDINGS, headline="BASEBALL - STANDINGS AFTER SUNDAY'S GAMES", article_id="table")
    sox = extract(
        "The Chicago White Sox beat the Boston Red Sox 6-2 on Sunday. The White Sox have won four in a row.",
        headline="BASEBALL - WHITE SOX WIN AGAIN",
        article_id="sox",
    )
    cubs = extract(
        "The Atlanta Braves beat the Chicago Cubs 3-1 on Sunday. The Cubs have lost six games in a row.",
        headline="BASEBALL - BRAVES BEAT CUBS",
        article_id="cubs",
    )
    nickname = extract(
        "The Detroit Tigers lost 5-1 to the White Sox on Monday, their ninth defeat in a row.",
        headline="BASEBALL - TIGERS LOSE AGAIN",
        article_id="nickname",
    )
    rows, mapping = resolve_actors([table, sox, cubs, nickname])
    white_sox = ids_of(sox, mapping, "Chicago White Sox")
    assert len(white_sox) == 1
    assert ids_of(sox, mapping, "White Sox") == white_sox
    # the nickname alone, in an article that names another franchise of the sport in full
    assert ids_of(nickname, mapping, "White Sox") == white_sox
    cubs_ids = ids_of(cubs, mapping, "Chicago Cubs") | ids_of(cubs, mapping, "Cubs")
    assert len(cubs_ids) == 1 and cubs_ids != white_sox
    # the table's two CHICAGO rows: the American League one is the White Sox, the National League one the Cubs
    assert ids_of(table, mapping, "CHICAGO") == white_sox | cubs_ids
    assert ids_of(table, mapping, "BOSTON") == ids_of(sox, mapping, "Boston Red Sox")
    assert ids_of(table, mapping, "ATLANTA") == ids_of(cubs, mapping, "Atlanta Braves")
    names = {r["actor_id"]: r["name"] for r in rows}
    assert names[next(iter(white_sox))] == "Chicago White Sox"


def test_a_nickname_needs_its_sport_in_the_article():
    soccer = extract(
        "Rangers beat Celtic 2-0 in Glasgow on Saturday and Rangers lead the table.",
        headline="SOCCER - RANGERS WIN",
        article_id="soccer",
    )
    baseball = extract(
        "The Texas Rangers beat the Seattle Mariners 4-3 on Saturday.",
        headline="BASEBALL - RANGERS WIN",
        article_id="baseball",
    )
    _, mapping = resolve_actors([soccer, baseball])
    texas = ids_of(baseball, mapping, "Texas Rangers")
    assert len(texas) == 1
    glasgow = ids_of(soccer, mapping, "Rangers")
    assert glasgow and not glasgow & texas


def test_a_place_with_two_clubs_needs_the_league():
    assert franchise_by_place("New York", "baseball") is None
    assert franchise_by_place("NEW YORK", "baseball", "American League").value == "New York Yankees"
    assert franchise_by_place("New York", "baseball", "national league").value == "New York Mets"
    assert franchise_by_place("St Louis", "baseball").value == "St. Louis Cardinals"
    assert franchise_by_place("St Louis", "american football").value == "Los Angeles Rams"  # its earlier home
    assert franchise_by_place("Glasgow", "baseball") is None


def test_a_nickname_is_read_within_its_sport_and_a_former_name_gives_the_franchise():
    assert franchise_by_nickname("Giants", "baseball").value == "San Francisco Giants"
    assert franchise_by_nickname("Giants", "american football").value == "New York Giants"
    assert franchise_by_nickname("Sox", "baseball") is None
    assert franchise_by_full_name("CALIFORNIA ANGELS").value == "Los Angeles Angels"
    assert franchise_by_full_name("Castleford Rovers") is None


def test_a_nickname_taken_for_a_person_joins_its_franchise_as_an_organisation():
    from tidynews.extract.common import Entity

    report = ArticleExtraction("report")
    report.actors = [
        Entity("minnesota-twins", "Minnesota Twins", "organization"),
        Entity("brewers", "Brewers", "person"),
        Entity("ana-ruiz", "Ana Ruiz", "person"),
    ]
    profile = ArticleExtraction("profile")
    profile.actors = [Entity("milwaukee-brewers", "Milwaukee Brewers", "organization")]
    rows, mapping = resolve_actors([report, profile])
    assert mapping[("report", "brewers")] == mapping[("profile", "milwaukee-brewers")]
    row = next(r for r in rows if r["actor_id"] == mapping[("report", "brewers")])
    assert (row["name"], row["type"]) == ("Milwaukee Brewers", "organization")
    assert mapping[("report", "ana-ruiz")] != mapping[("report", "brewers")]


def _article(article_id: str, *actors) -> ArticleExtraction:
    result = ArticleExtraction(article_id)
    result.actors = list(actors)
    return result


def test_a_team_of_a_results_table_is_the_club_another_story_names_in_prose():
    from tidynews.extract.actors.results import TeamEntity
    from tidynews.extract.common import Entity

    table = _article("table", TeamEntity("castleford", "Castleford", "organization", competition="cricket|county"))
    report = _article("report", Entity("castleford", "Castleford", "organization"))
    # a motor racing team carries its sponsor's name: the company of a business story is not the team
    race = _article("race", TeamEntity("globex", "Globex", "organization", competition="|"))
    shares = _article("shares", Entity("globex", "Globex", "organization"))
    _, mapping = resolve_actors([table, report, race, shares])
    assert mapping[("table", "castleford")] == mapping[("report", "castleford")]
    assert mapping[("race", "globex")] != mapping[("shares", "globex")]


def test_a_name_two_sports_have_stays_apart_from_the_prose_organisation():
    from tidynews.extract.actors.results import TeamEntity
    from tidynews.extract.common import Entity

    rugby = _article("rugby", TeamEntity("arden", "Arden", "organization", competition="rugby union|premiership"))
    soccer = _article("soccer", TeamEntity("arden", "Arden", "organization", competition="soccer|first division"))
    report = _article("report", Entity("arden", "Arden", "organization"))
    _, mapping = resolve_actors([rugby, soccer, report])
    ids = {mapping[("rugby", "arden")], mapping[("soccer", "arden")], mapping[("report", "arden")]}
    assert len(ids) == 3


def test_a_club_named_alone_and_tagged_person_is_the_team_of_a_results_table():
    from tidynews.extract.actors.results import TeamEntity
    from tidynews.extract.common import Entity

    table = _article("table", TeamEntity("millbrook", "Millbrook", "organization", competition="cricket|county"))
    report = _article("report", Entity("millbrook", "Millbrook", "person"), Entity("okoro", "Okoro", "person"))
    # a surname of a person named in full somewhere in the corpus stays a person
    profile = _article("profile", Entity("piet-okoro", "Piet Okoro", "person"))
    results = _article("results", TeamEntity("okoro", "Okoro", "organization", competition="soccer|cup"))
    rows, mapping = resolve_actors([table, report, profile, results])
    assert mapping[("report", "millbrook")] == mapping[("table", "millbrook")]
    types = {r["actor_id"]: r["type"] for r in rows}
    assert types[mapping[("report", "millbrook")]] == "organization"
    assert types[mapping[("report", "okoro")]] == "person"
    assert mapping[("report", "okoro")] != mapping[("results", "okoro")]


def test_a_story_with_results_of_one_sport_names_no_club_of_another_sport():
    from tidynews.extract.actors.results import TeamEntity
    from tidynews.extract.common import Entity

    basketball = _article("basketball", TeamEntity("valdora", "Valdora", "organization", competition="basketball|cup"))
    soccer = _article(
        "soccer",
        TeamEntity("arden", "Arden", "organization", competition="soccer|first division"),
        Entity("valdora", "Valdora", "organization"),
    )
    _, mapping = resolve_actors([basketball, soccer])
    assert mapping[("basketball", "valdora")] != mapping[("soccer", "valdora")]


def test_a_club_of_a_story_of_its_own_sport_joins_its_team_also_read_under_a_headline_naming_no_sport():
    from tidynews.extract.actors.results import TeamEntity
    from tidynews.extract.common import Entity

    cup = _article("cup", TeamEntity("valdora", "Valdora", "organization", competition="basketball|"))
    again = _article("again", TeamEntity("valdora", "Valdora", "organization", competition="|"))
    report = _article(
        "report",
        TeamEntity("arden", "Arden", "organization", competition="basketball|"),
        Entity("valdora", "Valdora", "organization"),
    )
    _, mapping = resolve_actors([cup, again, report])
    assert mapping[("cup", "valdora")] == mapping[("again", "valdora")] == mapping[("report", "valdora")]
