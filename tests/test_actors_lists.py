"""Actors in numbered team lists and in tennis draws written as running text (sentences written for these tests)."""

from __future__ import annotations

from test_actors import extract


def _types(body: str, headline: str) -> dict[str, tuple[str, str]]:
    r = extract(body, headline=headline)
    return {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}


def test_numbered_team_list_gives_players_substitutes_and_the_team():
    types = _types(
        "Castleford - 15 - Piet Okoro (Lars Wirth, 70), 14 - Tomas Brandt, 13 - Joost van der Berg; "
        "12 - Mary Sand (captain), 11 - Jan Holt.",
        headline="RUGBY UNION - TEAMS",
    )
    rule = "actors.numbered_player_in_lineup"
    for name in ("Piet Okoro", "Lars Wirth", "Tomas Brandt", "Joost van der Berg", "Mary Sand", "Jan Holt"):
        assert types[name] == (rule, "person"), name
    assert types["Castleford"] == (rule, "organization")
    assert "Jan Holt." not in types


def test_substitutes_numbered_inside_brackets_and_a_national_side():
    types = _types(
        "Norway - 1 - Piet Okoro; 2 - Lars Wirth (14 - Ana Ruiz 87th), 5 - Tomas Brandt, 4 - Sancho (Becerra 46th)",
        headline="SOCCER - TEAMS",
    )
    for name in ("Piet Okoro", "Lars Wirth", "Ana Ruiz", "Tomas Brandt", "Sancho", "Becerra"):
        assert types[name][1] == "person", name
    assert "Norway" not in types  # a national side is a place in CoNLL's convention, left to the places table


def test_two_numbered_names_are_no_list():
    types = _types("Ratings: Baa1 - Valdora Bank, 2 - Castleford Rovers", headline="RATINGS")
    assert all(rule != "actors.numbered_player_in_lineup" for rule, _ in types.values())


def test_a_draw_written_as_running_text_gives_its_players():
    types = _types(
        "Women's singles, third round Anna Kowalska (Poland) beat Lena Holtz (Austria) 6-3 6-2 "
        "Ines Pereira (Brazil) beat 9 - Nadia Petrova (Russia) 6-1 6-1",
        headline="TENNIS - RESULTS",
    )
    for name in ("Anna Kowalska", "Lena Holtz", "Ines Pereira", "Nadia Petrova"):
        assert types[name][1] == "person", name
    assert types["Ines Pereira"][0] == "actors.player_with_team_in_brackets"


def test_clubs_with_a_score_after_beat_are_no_draw():
    types = _types(
        "Castleford Rovers (Norway) beat 2-1 Valdora City (Malta) in the first round match in the rain on Tuesday.",
        headline="SOCCER - CUP",
    )
    assert all(rule != "actors.player_with_team_in_brackets" for rule, _ in types.values())
