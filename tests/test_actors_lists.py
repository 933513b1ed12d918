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


# --- one organisation, several spellings (sentences written for these tests) ---------------------


def _actor_of(r, text: str) -> str:
    return next(m.key for m in r.actor_mentions if m.text == text)


def test_a_curated_organisation_in_the_other_spelling_or_with_its_legal_form_is_that_organisation():
    r = extract(
        "The North Atlantic Treaty Organisation met in Brussels on Monday. NATO said the talks went well. "
        "Shares in Microsoft Corp. rose 2 percent after Microsoft said sales were up.",
        headline="Talks end",
    )
    assert _actor_of(r, "North Atlantic Treaty Organisation") == _actor_of(r, "NATO")
    assert _actor_of(r, "Microsoft Corp.") == _actor_of(r, "Microsoft")


def test_the_last_two_words_of_a_club_are_the_club():
    r = extract(
        "The Milltown White Hawks beat the Arden Rovers 5-3 on Saturday. The White Hawks have won nine straight games.",
        headline="Baseball",
    )
    assert _actor_of(r, "Milltown White Hawks") == _actor_of(r, "White Hawks")


def test_a_unit_named_after_its_company_and_tagged_as_a_person_is_the_company():
    r = extract(
        "Torvald said on Monday its profit rose. Torvald chairman Piet Okoro said demand was strong in Asia. "
        "Torvald expects more growth. Torvald Cables, a unit, will open a plant in Brazil.",
        headline="Torvald profit up",
    )
    types = {e.key: e.type for e in r.actors}
    assert types[_actor_of(r, "Torvald Cables")] == "organization"
    assert _actor_of(r, "Torvald Cables") == _actor_of(r, "Torvald")
    assert types[_actor_of(r, "Piet Okoro")] == "person"


def test_a_person_named_in_full_before_the_surname_tagged_organisation_stays_a_person():
    r = extract("Dissident Wang Lei was detained on Monday. Wang had written to the court. Wang said he would appeal.")
    assert {e.key: e.type for e in r.actors}[_actor_of(r, "Wang Lei")] == "person"


def _tagged(body: str, tags: dict[str, str]) -> list:
    """Candidates for the given names of a parsed body, with the kinds a tagger might have given them."""
    from tidynews.articles import Article, split_zones
    from tidynews.extract.actors.names import make_candidate
    from tidynews.nlp import parse_articles

    text = "Report\n\n" + body + "\n"
    parsed = next(parse_articles([Article("t", "t.txt", "", "utf-8", text, "Report", split_zones(text))]))
    out = []
    for block in parsed.blocks:
        used: set[int] = set()
        for name, kind in sorted(tags.items(), key=lambda t: -len(t[0])):  # longest names first
            words = name.split()
            for at in range(len(block.doc)):
                here = set(range(at, at + len(words)))
                if [t.text for t in block.doc[at : at + len(words)]] == words and not here & used:
                    used |= here
                    out.append(make_candidate(block, at, at + len(words), kind, "spacy"))
    return sorted(out, key=lambda c: c.start)


def test_a_first_name_tagged_organisation_after_the_full_name_is_the_person():
    from tidynews.extract.actors.grouping import settle_kinds_by_spelling

    cands = _tagged(
        "Sukarni Wirawan spoke to supporters in the capital. Later Sukarni said the party would fight on.",
        {"Sukarni Wirawan": "person", "Sukarni": "org"},
    )
    settle_kinds_by_spelling(cands)
    assert [(c.name, c.kind) for c in cands] == [("Sukarni Wirawan", "person"), ("Sukarni", "person")]


def test_an_acronym_tagged_person_that_abbreviates_an_organisation_is_that_organisation():
    from tidynews.extract.actors.grouping import settle_kinds_by_spelling

    cands = _tagged(
        "Fighters of the Kurdish Popular Movement clashed with troops. A KPM commander said they held the pass.",
        {"Kurdish Popular Movement": "org", "KPM": "person"},
    )
    settle_kinds_by_spelling(cands)
    assert [c.kind for c in cands] == ["org", "org"]


def test_lower_case_words_after_a_name_describe_it_and_are_no_part_of_it():
    import spacy
    from spacy.tokens import Doc

    from tidynews.extract.actors.names import clean_span

    vocab = spacy.blank("en").vocab

    def cleaned(words: list[str], spaces: list[bool]) -> str:
        doc = Doc(vocab, words=words, spaces=spaces)
        start, end = clean_span(doc, 0, len(doc))
        return doc[start:end].text

    assert cleaned(["Kestrel", "Press", "news", "agency"], [True, True, True, False]) == "Kestrel Press"
    assert cleaned(["Liberal", "Union", "party"], [True, True, False]) == "Liberal Union party"  # its own head word
    assert cleaned(["Somchai", "Wongsa", "-", "arun"], [True, False, False, False]) == "Somchai Wongsa-arun"
