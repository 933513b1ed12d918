"""Actors across articles: one person or organisation however each article spelled or typed it, and two entities
kept apart when a short name could be either. The articles and names are written for these tests."""

from __future__ import annotations

from test_actors import extract

from tidynews.extract.actors import resolve_actors
from tidynews.extract.actors.grouping import given_name_spelling, person_key
from tidynews.extract.common import ArticleExtraction, Entity


def _article(article_id: str, *actors: Entity) -> ArticleExtraction:
    result = ArticleExtraction(article_id)
    result.actors = list(actors)
    return result


def _person(name: str, kind: str = "person") -> Entity:
    return Entity(name.lower().replace(" ", "-"), name, kind)


def test_a_name_typed_person_in_most_articles_is_one_person_also_where_it_was_typed_organisation():
    first = _article("a", _person("Tomas Ferreira"))
    second = _article("b", _person("Tomas Ferreira"))
    listed = _article("c", _person("Tomas Ferreira", "organization"))
    rows, mapping = resolve_actors([first, second, listed])
    ids = {mapping[(aid, "tomas-ferreira")] for aid in "abc"}
    assert len(ids) == 1
    assert {r["actor_id"]: r["type"] for r in rows}[ids.pop()] == "person"


def test_a_name_typed_both_ways_in_as_many_articles_stays_two_actors():
    person = _article("a", _person("Harbour Lights"))
    band = _article("b", _person("Harbour Lights", "organization"))
    _, mapping = resolve_actors([person, band])
    assert mapping[("a", "harbour-lights")] != mapping[("b", "harbour-lights")]


def test_given_names_spelled_two_ways_are_one_key():
    assert given_name_spelling("Aleksander") == given_name_spelling("Alexander")
    assert given_name_spelling("Marc") == given_name_spelling("Mark")
    assert given_name_spelling("Andrey") == given_name_spelling("Andrei")
    assert given_name_spelling("Allan") == given_name_spelling("Alan")
    assert given_name_spelling("José") == given_name_spelling("Jose")
    assert given_name_spelling("Anna") != given_name_spelling("Anne")
    # the surname is kept as written: two families, not one
    assert person_key(["Marc", "Dubois"]) == person_key(["Mark", "Dubois"])
    assert person_key(["Mark", "Dubois"]) != person_key(["Mark", "Duboys"])


def test_a_given_name_spelled_two_ways_in_one_article_is_one_person():
    r = extract("Aleksander Novak spoke first. Alexander Novak later denied the report, and Anna Novak agreed.")
    names = {m.text: m.key for m in r.actor_mentions}
    assert names["Aleksander Novak"] == names["Alexander Novak"]
    assert names["Anna Novak"] != names["Alexander Novak"]


def test_a_given_name_spelled_two_ways_across_articles_is_one_person_and_the_surname_joins_it():
    first = _article("a", _person("Marc Dubois"))
    second = _article("b", _person("Mark Dubois"))
    third = _article("c", _person("Dubois"))
    _, mapping = resolve_actors([first, second, third])
    assert mapping[("a", "marc-dubois")] == mapping[("b", "mark-dubois")] == mapping[("c", "dubois")]


def test_a_surname_alone_is_the_person_most_articles_name_in_full():
    tom = [_article(f"tom{i}", _person("Tom Garrow")) for i in range(4)]
    mary = _article("mary", _person("Mary Garrow"))
    alone = _article("alone", _person("Garrow"))
    _, mapping = resolve_actors([*tom, mary, alone])
    assert mapping[("alone", "garrow")] == mapping[("tom0", "tom-garrow")]
    assert mapping[("mary", "mary-garrow")] != mapping[("tom0", "tom-garrow")]


def test_a_surname_alone_stays_apart_when_no_full_name_dominates():
    tom = [_article(f"tom{i}", _person("Tom Garrow")) for i in range(3)]
    mary = _article("mary", _person("Mary Garrow"))
    alone = _article("alone", _person("Garrow"))
    _, mapping = resolve_actors([*tom, mary, alone])
    assert mapping[("alone", "garrow")] not in {mapping[("tom0", "tom-garrow")], mapping[("mary", "mary-garrow")]}


def test_a_word_glued_before_a_full_name_of_the_corpus_is_not_another_person():
    plain = _article("a", _person("Ana Ruiz"))
    glued = _article("b", _person("Unseeded Ana Ruiz"))
    rows, mapping = resolve_actors([glued, plain])
    assert mapping[("a", "ana-ruiz")] == mapping[("b", "unseeded-ana-ruiz")]
    assert {r["actor_id"]: r["name"] for r in rows}[mapping[("a", "ana-ruiz")]] == "Ana Ruiz"


def test_a_given_name_before_a_full_name_is_a_fuller_name_of_someone_else():
    ann = _article("a", _person("Ann Ruiz"))
    mary_ann = _article("b", _person("Mary Ann Ruiz"))
    mary = _article("c", _person("Mary Lopez"))
    _, mapping = resolve_actors([ann, mary_ann, mary])
    assert mapping[("a", "ann-ruiz")] != mapping[("b", "mary-ann-ruiz")]


def test_a_state_body_named_without_its_country_is_the_body_of_the_articles_country():
    peru = extract(
        "Floods hit Peru on Monday, and Congress voted emergency funds for the Peruvian army.", article_id="pe"
    )
    again = extract("Peru's president met Peruvian farmers, and Congress debated the aid.", article_id="pe2")
    chile = extract("Chile's president asked Congress for funds, and Chilean farmers protested.", article_id="cl")
    assert {e.name: e.country_code for e in peru.actors}["Congress"] == "PE"
    _, mapping = resolve_actors([peru, again, chile])
    ids = {
        aid: {mapping[(aid, m.key)] for m in r.actor_mentions if m.text == "Congress"}
        for aid, r in (("pe", peru), ("pe2", again), ("cl", chile))
    }
    assert ids["pe"] == ids["pe2"] and len(ids["pe"]) == 1
    assert ids["cl"] and not ids["cl"] & ids["pe"]


def test_a_club_named_with_its_town_or_a_prefix_is_the_team_of_a_results_table():
    from tidynews.extract.actors.results import TeamEntity

    table = _article(
        "table",
        TeamEntity("kestrel", "Kestrel", "organization", competition="soccer|league"),
        TeamEntity("athletic", "Athletic", "organization", competition="soccer|league"),
    )
    town = _article("town", Entity("kestrel-rotterdam", "Kestrel Rotterdam", "organization"))
    prefix = _article("prefix", Entity("fc-kestrel", "FC Kestrel", "organization"))
    # two clubs a word and a town make: the word alone is neither
    leeds = _article("leeds", Entity("athletic-leeds", "Athletic Leeds", "organization"))
    york = _article("york", Entity("athletic-york", "Athletic York", "organization"))
    _, mapping = resolve_actors([table, town, leeds, york])
    assert mapping[("town", "kestrel-rotterdam")] == mapping[("table", "kestrel")]
    assert mapping[("table", "athletic")] not in {
        mapping[("leeds", "athletic-leeds")],
        mapping[("york", "athletic-york")],
    }
    _, mapping = resolve_actors([table, prefix])
    assert mapping[("prefix", "fc-kestrel")] == mapping[("table", "kestrel")]


def test_a_company_named_with_a_town_is_not_a_club_of_the_same_word_without_a_results_table():
    plain = _article("a", Entity("kestrel", "Kestrel", "organization"))
    town = _article("b", Entity("kestrel-rotterdam", "Kestrel Rotterdam", "organization"))
    _, mapping = resolve_actors([plain, town])
    assert mapping[("a", "kestrel")] != mapping[("b", "kestrel-rotterdam")]


def test_a_party_named_without_its_country_is_the_party_of_the_articles_country():
    peru = extract("In Peru, the Socialist Party won ten seats, Peruvian officials said.", article_id="pe")
    chile = extract("In Chile, the Socialist Party lost two seats, Chilean officials said.", article_id="cl")
    assert {e.name: e.country_code for e in peru.actors}["Socialist Party"] == "PE"
    assert {e.name: e.country_code for e in chile.actors}["Socialist Party"] == "CL"
    _, mapping = resolve_actors([peru, chile])
    ids = {
        aid: {mapping[(aid, m.key)] for m in r.actor_mentions if m.text == "Socialist Party"}
        for aid, r in (("pe", peru), ("cl", chile))
    }
    assert ids["pe"] and ids["cl"] and not ids["pe"] & ids["cl"]


def test_a_player_read_as_a_team_in_one_table_is_the_person_other_articles_name():
    from tidynews.extract.actors.results import TeamEntity

    table = _article("table", TeamEntity("kofi-mensah", "Kofi Mensah", "organization", competition="cricket|"))
    profiles = [_article(f"p{i}", _person("Kofi Mensah")) for i in range(2)]
    rows, mapping = resolve_actors([table, *profiles])
    assert mapping[("table", "kofi-mensah")] == mapping[("p0", "kofi-mensah")]
    assert {r["actor_id"]: r["type"] for r in rows}[mapping[("p0", "kofi-mensah")]] == "person"


def test_a_team_of_two_results_tables_stays_a_team_when_prose_tags_it_a_person():
    from tidynews.extract.actors.results import TeamEntity

    tables = [
        _article(f"t{i}", TeamEntity("kestrel-rotterdam", "Kestrel Rotterdam", "organization", competition="soccer|"))
        for i in range(2)
    ]
    prose = [_article(f"p{i}", _person("Kestrel Rotterdam")) for i in range(3)]
    rows, mapping = resolve_actors([*tables, *prose])
    assert {r["actor_id"]: r["type"] for r in rows}[mapping[("t0", "kestrel-rotterdam")]] == "organization"


def test_a_franchise_tagged_person_is_the_franchise():
    tagged = _article("a", _person("Chicago Cubs"))
    named = _article("b", Entity("chicago-cubs", "Chicago Cubs", "organization"))
    rows, mapping = resolve_actors([tagged, named])
    assert mapping[("a", "chicago-cubs")] == mapping[("b", "chicago-cubs")]
    assert {r["actor_id"]: r["type"] for r in rows}[mapping[("a", "chicago-cubs")]] == "organization"


def test_a_name_typed_both_ways_in_as_many_articles_is_a_person_when_its_surname_is_a_person_alone():
    person = _article("a", _person("Tomas Ferreira"))
    listed = _article("b", _person("Tomas Ferreira", "organization"))
    alone = _article("c", _person("Ferreira"))
    rows, mapping = resolve_actors([person, listed, alone])
    assert mapping[("a", "tomas-ferreira")] == mapping[("b", "tomas-ferreira")] == mapping[("c", "ferreira")]
    assert {r["actor_id"]: r["type"] for r in rows}[mapping[("a", "tomas-ferreira")]] == "person"


def test_a_surname_shouted_in_a_headline_and_tagged_organisation_is_the_person():
    full = _article("a", _person("Tomas Ferreira"))
    shouted = _article("b", Entity("ferreira", "FERREIRA", "organization"))
    rows, mapping = resolve_actors([full, shouted])
    assert mapping[("b", "ferreira")] == mapping[("a", "tomas-ferreira")]
