"""Actors: people and organisations, resolved within an article and across the corpus.

Sentences written for these tests (other outlets' conventions: "Mr Smith", "Smith, 45, a teacher,",
"Dr. Jane Roe", "Sen. Ron Wyden, D-Ore."), plus a few expectations read off the seed article.
"""

from __future__ import annotations

import pytest

from tidynews.articles import Article, split_zones
from tidynews.extract.actors import extract_actors, resolve_actors
from tidynews.extract.actors.names import org_parts, surname_variants
from tidynews.extract.common import ArticleExtraction, Entity
from tidynews.nlp import parse_articles
from tidynews.paths import SEEDS_DIR


def extract(body: str, headline: str = "Officials meet as talks resume", article_id: str = "t") -> ArticleExtraction:
    """Actors of a small article: a headline line, then the body paragraphs."""
    text = headline + "\n\n" + body + "\n"
    article = Article(article_id, f"{article_id}.txt", "", "utf-8", text, headline, split_zones(text))
    parsed = next(parse_articles([article]))
    result = ArticleExtraction(article_id)
    extract_actors(parsed, result)
    for m in result.actor_mentions:
        assert text[m.start : m.end] == m.text
    return result


def by_name(result: ArticleExtraction) -> dict[str, Entity]:
    return {e.name: e for e in result.actors}


def mentions_of(result: ArticleExtraction, name: str) -> list[str]:
    key = by_name(result)[name].key
    return [m.text for m in result.actor_mentions if m.key == key]


# --- people -----------------------------------------------------------------------------------


def test_title_full_name_surname_and_role_reference_are_one_person():
    r = extract(
        "Health Minister Maria Gallant visited the hospital on Monday. "
        "Gallant said the wards were full.\n\nThe health minister promised more nurses by spring."
    )
    people = [e for e in r.actors if e.type == "person"]
    assert [p.name for p in people] == ["Maria Gallant"]
    assert people[0].role == "Health Minister"
    assert mentions_of(r, "Maria Gallant") == ["Maria Gallant", "Gallant", "health minister"]


def test_surname_that_is_an_english_word_is_found_again():
    r = extract("Police chief Tom Brown spoke to residents. Later Brown toured the flooded street with Rice.")
    assert "Brown" in mentions_of(r, "Tom Brown")
    assert "Tom Brown" in by_name(r) and "Brown" not in by_name(r)


def test_age_and_apposition_give_the_role():
    r = extract("Jane Okafor, 52, a nurse, said the ward had no power. Ms Okafor added that staff stayed.")
    jane = by_name(r)["Jane Okafor"]
    assert jane.role == "nurse"
    assert "Ms Okafor" in mentions_of(r, "Jane Okafor")


def test_apposition_with_an_organisation():
    r = extract("Carla Moss, policy director of the campaign group Open Fields, said the plan was unlawful.")
    assert by_name(r)["Carla Moss"].role == "policy director of the campaign group Open Fields"


def test_honorific_surname_alone_keeps_the_honorific():
    r = extract("Mr Haddad, who runs a bakery, said prices had doubled. Mr Haddad said he would stay.")
    assert "Mr Haddad" in by_name(r)


def test_judges_keep_their_style():
    r = extract("On Monday Lord Justice Penrose and Mr Justice Carver ruled that the case could go ahead.")
    assert {"Lord Justice Penrose", "Mr Justice Carver"} <= set(by_name(r))


def test_doctor_with_a_full_name():
    r = extract("Dr. Jane Roe said the vaccine was safe. Roe said more trials would follow.")
    assert "Jane Roe" in by_name(r)
    assert len([e for e in r.actors if e.type == "person"]) == 1


def test_us_senator_with_party_and_state_tag():
    r = extract("Sen. Ron Wyden, D-Ore., said the bill would fail in the Senate.")
    wyden = by_name(r)["Ron Wyden"]
    assert wyden.role == "Sen."
    assert not any("D-Ore" in e.name for e in r.actors)


def test_possessive_and_bracketed_first_name():
    r = extract("The deal was backed by Prime Minister [Anna] Kowalski's cabinet, officials said.")
    assert "Anna Kowalski" in by_name(r)
    assert not any("'s" in e.name for e in r.actors)


def test_names_with_particles():
    r = extract(
        "Foreign Minister Ahmed Bou Saleh met Dutch envoy Pieter van der Berg in Beirut. "
        "Bou Saleh said the talks were useful.\n\nVan der Berg said he would return in May."
    )
    people = sorted(e.name for e in r.actors if e.type == "person")
    assert people == ["Ahmed Bou Saleh", "Pieter van der Berg"]
    assert by_name(r)["Pieter van der Berg"].country_code == "NL"


def test_surname_variants():
    assert surname_variants(["Saleh", "al-Aruri"]) == ["al-Aruri", "Aruri"]
    assert surname_variants(["Abdallah", "Bou", "Habib"]) == ["Bou Habib", "Habib"]


def test_demonym_in_title_sets_the_country():
    r = extract("Kenyan President John Mwangi called on donors to act. Mwangi spoke in Nairobi.")
    mwangi = by_name(r)["John Mwangi"]
    assert (mwangi.role, mwangi.country_code) == ("Kenyan President", "KE")


def test_secretary_of_state_is_a_title_not_an_organisation():
    r = extract("US Secretary of State Mary Brown met the Kenyan foreign minister in Nairobi on Friday.")
    assert "State" not in by_name(r)
    brown = by_name(r)["Mary Brown"]
    assert (brown.role, brown.country_code) == ("US Secretary of State", "US")


# --- organisations ----------------------------------------------------------------------------


def test_curated_organisations_and_their_types():
    r = extract(
        "The IDF said it had struck a Hezbollah post. Al Jazeera reported that al-Qaeda "
        "had claimed an earlier attack, while NATO called for calm."
    )
    names = by_name(r)
    assert names["Israel Defense Forces"].type == "government"
    assert names["Hezbollah"].type == "armed_group"
    assert names["al-Qaeda"].type == "armed_group"
    assert names["Al Jazeera"].type == "media"
    assert names["NATO"].type == "organization"


def test_acronym_defined_in_brackets_is_the_same_organisation():
    r = extract("The Kenya Wildlife Service (KWS) said two lions had escaped. KWS rangers found them near a school.")
    orgs = [e for e in r.actors if e.type != "person"]
    assert len(orgs) == 1 and orgs[0].name == "Kenya Wildlife Service"
    assert "KWS" in orgs[0].aliases


def test_ministry_spellings_are_one_organisation():
    r = extract("The Ministry of Defence declined to comment. Later the Defence Ministry said the base was safe.")
    orgs = [e for e in r.actors if e.type == "government"]
    assert len(orgs) == 1


def test_country_and_state_body():
    r = extract("The Kenyan government said it would send aid, and the Ugandan military closed the border.")
    names = by_name(r)
    assert names["Kenyan government"].country_code == "KE"
    assert names["Ugandan military"].type == "government"


def test_nationalities_religions_and_countries_are_not_actors():
    r = extract("Shiite pilgrims and French officials travelled to Iraq, where Kurdish leaders met them.")
    assert r.actors == []


def test_agreements_are_not_actors():
    r = extract(
        "Both countries ratified the Geneva Convention on refugees and joined the Coral Sea "
        "Partnership (CSP) trade agreement. CSP members meet in June."
    )
    assert r.actors == []


def test_photo_credit_is_not_an_actor():
    body = (
        "The minister toured the site on Monday.\n\n"
        "Rescue workers search the rubble in the old town on Monday. (Lena Park/Reuters)"
    )
    r = extract(body)
    assert "Lena Park" not in by_name(r)


def test_org_normal_form():
    assert org_parts("U.S. Senate") == ("US", "senate")
    assert org_parts("Commerce Department") == ("", "commerce")
    assert org_parts("Ministry of Defence") == org_parts("Defense Ministry") == ("", "defense")


# --- across the corpus ------------------------------------------------------------------------


def test_surname_joins_the_full_name_elsewhere_in_the_corpus():
    a = extract("President Joe Biden said the bill would pass.", article_id="a")
    b = extract("Biden said the bill would pass this week, aides said.", article_id="b")
    rows, mapping = resolve_actors([a, b])
    people = [r for r in rows if r["type"] == "person"]
    assert [p["name"] for p in people] == ["Joe Biden"]
    assert mapping[("a", a.actors[0].key)] == mapping[("b", b.actors[0].key)] == "joe-biden"


def test_ministries_of_two_stories_stay_apart_without_a_country():
    a = extract("The Defense Ministry said three soldiers were hurt.", article_id="a")
    b = extract("The Ministry of Defence said the drill was over.", article_id="b")
    rows, _ = resolve_actors([a, b])
    assert sorted(r["name"] for r in rows) == ["Defense Ministry", "Ministry of Defence"]


def test_country_form_joins_the_bare_form():
    a = extract("The US State Department said the embassy would reopen.", article_id="a")
    b = extract("A State Department spokesman said the embassy would reopen.", article_id="b")
    rows, mapping = resolve_actors([a, b])
    assert len(rows) == 1 and rows[0]["country_code"] == "US"


# --- the seed article -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> ArticleExtraction:
    from tidynews.articles import read_article

    path = sorted(SEEDS_DIR.glob("*.txt"))[0]
    parsed = next(parse_articles([read_article(path, SEEDS_DIR)]))
    result = ArticleExtraction(parsed.article.article_id)
    extract_actors(parsed, result)
    return result


def test_seed_gallant_is_one_actor_with_every_mention(seed):
    gallant = by_name(seed)["Yoav Gallant"]
    assert gallant.role == "Defense Minister"
    texts = mentions_of(seed, "Yoav Gallant")
    assert "Gallant" in texts and "defense minister" in texts
    assert not any(e.name in {"Gallant", "Defense", "State"} for e in seed.actors)


def test_seed_organisations_spacy_misses(seed):
    names = by_name(seed)
    assert names["Israel Defense Forces"].type == "government"
    assert names["Islamic State"].type == "armed_group"
    assert names["Hezbollah"].type == "armed_group"


def test_seed_people_roles_and_credits(seed):
    names = by_name(seed)
    assert "Joe Biden" in names
    assert (names["Emmanuel Macron"].role, names["Emmanuel Macron"].country_code) == ("French President", "FR")
    assert names["Matthew Miller"].role == "State Department spokesman"
    assert not {"Ariel Hermoni", "Hasan Fneich", "Saul Loeb"} & set(names)


def test_dateline_place_is_not_an_actor():
    r = extract("LAGOS (Reuters) - The central bank raised rates on Monday, Reuters reported.")
    assert "LAGOS" not in by_name(r)
    assert by_name(r)["Reuters"].type == "media"


def test_surname_that_is_a_month_or_verb_is_not_matched():
    r = extract("Home Secretary Ann May will speak in May. Will the plan pass? May said it would.")
    texts = mentions_of(r, "Ann May")
    assert texts == ["Ann May", "May"]


def test_events_are_not_actors():
    r = extract("Brexit dominated the debate as Ramadan began.")
    assert r.actors == []


def test_lower_case_public_body_needs_two_specific_words():
    r = extract("The case was sent to the river flood authority, the local planning authority said.")
    assert [e.name for e in r.actors] == ["river flood authority"]
    assert r.actors[0].type == "government"


def test_shouting_headline_is_not_an_acronym():
    r = extract("The plan was dropped on Monday.", headline="WHO WILL PAY FOR THE FLOODS?")
    assert r.actors == []


def test_armed_group_from_its_description():
    r = extract("The Northern Shield Movement, a rebel alliance, said it had withdrawn from the hills.")
    assert by_name(r)["Northern Shield Movement"].type == "armed_group"


def test_town_of_name_is_a_place_not_a_person():
    r = extract("Troops recaptured the town of Wadi Karam on Friday, officials said.")
    assert "Wadi Karam" not in by_name(r)


def test_country_after_the_title_head_names_the_organisation_not_the_person():
    r = extract("Dr. Leila Haddad, president of the Lebanese Medical Society, said clinics were full.")
    haddad = by_name(r)["Leila Haddad"]
    assert haddad.role == "president of the Lebanese Medical Society"
    assert haddad.country_code == ""


def test_generic_army_of_two_stories_stays_apart():
    a = extract("The Syrian army said it had retaken the town.", article_id="a")
    b = extract("Soldiers from the Army were sent to help, the council said.", article_id="b")
    rows, _ = resolve_actors([a, b])
    army_rows = [r for r in rows if "army" in r["name"].lower()]
    assert len(army_rows) == 2


def test_name_with_an_age_is_a_person_and_a_year_is_not_an_age():
    r = extract("Okafor, 51, wrote on Twitter that he had no plans. In Paris, 2019, it rained.")
    assert by_name(r)["Okafor"].type == "person"
    assert by_name(r)["Twitter"].type == "organization"
    assert "Paris" not in by_name(r)


def test_title_as_apposition_before_the_name():
    r = extract("The firm's chief executive, Dana Whitfield, sold shares worth $4bn this week.")
    assert by_name(r)["Dana Whitfield"].role == "chief executive"  # a common noun's possessive is no title


def test_title_glued_to_a_name_in_an_org_span():
    r = extract("He spoke with US Secretary of Defense Carl Jensen on Monday. Mr. Ortiz told Jensen it was fine.")
    jensen = by_name(r)["Carl Jensen"]
    assert (jensen.role, jensen.country_code) == ("US Secretary of Defense", "US")
    assert not any(e.type != "person" for e in r.actors)


def test_generic_council_joins_the_named_council_and_a_city_is_no_person():
    r = extract(
        "Leeds City Council approved the budget on Monday.\n\nCouncil leader Amy Shaw said cuts would "
        "follow, as Leeds struggles with costs."
    )
    councils = [e for e in r.actors if e.type == "government"]
    assert [c.name for c in councils] == ["Leeds City Council"]
    assert "Leeds" not in by_name(r)
    assert by_name(r)["Amy Shaw"].role == "Council leader"


def test_name_after_a_party_possessive_is_a_member():
    r = extract("Labour's Daren Hale said the rise would hit the poorest families hardest.")
    assert by_name(r)["Daren Hale"].type == "person"


def test_a_list_of_titled_people_is_no_apposition():
    r = extract(
        "The talks were attended by Army chief Gen. Omar Said, Kenya's envoy to the UN Ruth Wanjiru, and others."
    )
    assert by_name(r)["Omar Said"].role == "Army chief Gen."
    assert by_name(r)["Ruth Wanjiru"].role == "Kenya's envoy to the UN"


# --- company legal forms, possessive names, local bodies, junk, cue phrases ----------------------


def test_company_with_and_without_its_legal_form_is_one_actor():
    r = extract(
        "Shares in Pelham Foods Holdings Plc fell 6% on Tuesday. Pelham Foods Holdings said sales were flat, "
        "and a Pelham Foods spokesman blamed the weather."
    )
    orgs = [e for e in r.actors if e.type != "person"]
    assert [o.name for o in orgs] == ["Pelham Foods Holdings Plc"]
    assert {"Pelham Foods Holdings", "Pelham Foods"} <= orgs[0].aliases


def test_legal_forms_are_stripped_for_the_short_form():
    from tidynews.extract.actors.names import company_core, strip_legal_suffix

    assert strip_legal_suffix("Tarvo Inc.") == "Tarvo"
    assert strip_legal_suffix("Kallisto Ltd") == "Kallisto"
    assert strip_legal_suffix("Norbrand Corp.") == "Norbrand"
    assert strip_legal_suffix("Vellinger AG") == "Vellinger"
    assert strip_legal_suffix("Maritel SA") == "Maritel"
    assert strip_legal_suffix("Dunmore NV") == "Dunmore"
    assert strip_legal_suffix("Ashgrove LLC") == "Ashgrove"
    assert strip_legal_suffix("Kaltbach GmbH") == "Kaltbach"
    assert strip_legal_suffix("Brennock Limited") == "Brennock"
    assert strip_legal_suffix("Corran Holdings, Inc.") == "Corran Holdings"
    assert strip_legal_suffix("SA") == "SA"
    assert strip_legal_suffix("City of London Corporation") == "City of London Corporation"  # a body, not a form
    assert company_core("Pelham Holdings Plc") == "Pelham"
    assert company_core("Ministry of Defence") == "Ministry of Defence"


def test_company_short_form_in_another_story_joins_the_full_form():
    a = extract("Tarvo Inc. said it would open two plants next year.", article_id="a")
    b = extract("Shares in Tarvo rose after Tarvo said it would hire 300 workers.", article_id="b")
    rows, _ = resolve_actors([a, b])
    assert [(row["name"], row["type"]) for row in rows] == [("Tarvo Inc.", "organization")]
    assert rows[0]["aliases"] == "Tarvo"


def test_party_and_union_names_with_a_possessive_apostrophe():
    r = extract(
        "The Labourers’ Party won nine seats, the Citizens' Reform Party won four and the People's "
        "Renewal Party kept its majority.\n\nLeaders of the Growers' Union met the Nurses’ Association and "
        "the Seamen’s Union on Friday."
    )
    names = {e.name for e in r.actors}
    assert {
        "Labourers’ Party",
        "Citizens' Reform Party",
        "People's Renewal Party",
        "Growers' Union",
        "Nurses’ Association",
        "Seamen’s Union",
    } <= names
    assert not names & {"Labourers", "Growers", "Nurses", "Party", "Union"}


def test_country_before_a_possessive_party_is_not_part_of_its_name():
    r = extract("Ghana's Farmers’ Alliance said the price was too low.")
    assert "Farmers’ Alliance" in by_name(r)


def test_lower_case_local_bodies_named_with_a_place():
    r = extract(
        "Bradwell city council said the bins would be collected on Friday. The Dorset county council and "
        "the Kano state government did not reply.\n\nLater the city council said it had run out of money."
    )
    names = by_name(r)
    assert {"Bradwell city council", "Dorset county council", "Kano state government"} <= set(names)
    assert all(names[n].type == "government" for n in names)
    assert mentions_of(r, "Bradwell city council") == ["Bradwell city council", "city council"]


def test_sentence_adverb_is_no_part_of_a_local_body_name():
    r = extract("Yesterday Hexham town council voted to close the library.")
    assert [e.name for e in r.actors] == ["Hexham town council"]


def test_sentence_adverb_is_no_part_of_a_possessive_union_name():
    r = extract("Yesterday Dairymen’s Union members blocked the road.")
    assert "Dairymen’s Union" in by_name(r)
    assert not any(e.name.startswith("Yesterday") for e in r.actors)


def test_capitalised_common_nouns_at_sentence_start_are_not_actors():
    r = extract(
        "Households are struggling with higher bills. Tenants said the heating had failed. "
        "“Pensioners cannot pay,” she said. Shopkeepers warned of closures."
    )
    assert r.actors == []


def test_superlative_descriptions_are_not_actors():
    r = extract("Birchley is the largest local authority in Europe, and the biggest lender in the town cut its rates.")
    assert not any("largest" in e.name or "biggest" in e.name for e in r.actors)


def test_firm_after_analysts_at_or_a_spokesperson_for_is_an_organisation():
    r = extract(
        "Analysts at Barclays said growth would slow, while economists at Nomura disagreed. "
        "Strategists at Jefferies were cautious.\n\nA spokesperson for Vodafone declined to comment, "
        "and the outlook was cut, according to Moody's."
    )
    names = by_name(r)
    for firm in ("Barclays", "Nomura", "Jefferies", "Vodafone", "Moody's"):
        assert names[firm].type == "organization", firm
    assert "Moody" not in names


def test_officials_from_a_country_is_no_organisation():
    r = extract("Officials from Kenya and a spokesman for Mr Otieno met on Monday.")
    assert "Kenya" not in by_name(r)
    assert all(e.type == "person" for e in r.actors)


# --- lower-case ministries and acronyms without the place word --------------------------------------


def test_lowercase_ministry_is_a_government_actor_and_the_ministry_is_a_mention():
    r = extract(
        "The interior ministry said on Sunday that 14 protesters were held in Valdora.\n\n"
        "The ministry did not say when they would be freed."
    )
    ministry = by_name(r)["interior ministry"]
    assert ministry.type == "government"
    assert mentions_of(r, "interior ministry") == ["interior ministry", "ministry"]


def test_country_adjective_or_the_countrys_before_a_lowercase_ministry():
    r = extract("The Chilean defence ministry denied the report. The country's health ministry said clinics were open.")
    names = by_name(r)
    assert names["Chilean defence ministry"].country_code == "CL"
    assert names["health ministry"].type == "government"
    assert "country's health ministry" not in names


def test_the_ministry_stays_nobodys_when_two_ministries_are_named():
    r = extract(
        "The foreign ministry in Valdora summoned the envoy. The finance ministry froze his accounts. "
        "The ministry gave no reason."
    )
    assert {"foreign ministry", "finance ministry"} <= set(by_name(r))
    assert "ministry" not in mentions_of(r, "foreign ministry") + mentions_of(r, "finance ministry")


def test_same_or_new_ministry_is_no_name():
    r = extract("Officials moved to the new ministry last year, and the same ministry later closed.")
    assert not any("ministry" in e.name for e in r.actors)


def test_acronym_of_a_name_without_its_leading_place_word():
    r = extract(
        "Volunteers from the Tasmania State Emergency Service answered 300 calls for help. "
        "The SES said more rain was due on Friday."
    )
    orgs = [e for e in r.actors if e.type != "person"]
    assert [o.name for o in orgs] == ["Tasmania State Emergency Service"]
    assert "SES" in orgs[0].aliases


def test_acronym_of_the_whole_name_with_a_country_first():
    r = extract("Rangers of the Uganda Wildlife Authority tracked the herd. UWA said it had moved west.")
    assert "UWA" in by_name(r)["Uganda Wildlife Authority"].aliases


def test_ministry_in_a_capital_takes_that_country():
    r = extract("The foreign ministry in Montevideo summoned the ambassador on Tuesday.")
    assert by_name(r)["foreign ministry"].country_code == "UY"


def test_place_abbreviation_spacy_leaves_out_stays_in_the_name():
    r = extract("Crews from the NSW Rural Fire Service fought the blaze overnight. The RFS said it was contained.")
    service = by_name(r)["NSW Rural Fire Service"]
    assert "RFS" in service.aliases
    assert "Rural Fire Service" not in by_name(r)


def test_headline_ministry_without_the():
    r = extract("Officials said clinics were short of staff.", headline="Fisheries ministry warns of empty nets")
    assert by_name(r)["Fisheries ministry"].type == "government"


def test_the_countrys_ministry_takes_the_country_the_article_is_about():
    r = extract("Floods swept across Bolivia on Monday. The country's water ministry said 40 towns were cut off.")
    assert by_name(r)["water ministry"].country_code == "BO"


def test_two_countries_ministries_stay_apart_across_the_corpus():
    bare = extract("The foreign ministry said little on Monday.", article_id="a")
    peru = extract("The foreign ministry in Lima summoned the envoy.", article_id="b")
    chile = extract("The foreign ministry in Santiago summoned the envoy.", article_id="c")
    rows, _ = resolve_actors([bare, peru, chile])
    codes = sorted(r["country_code"] for r in rows)
    assert "CL" in codes and "PE" in codes and len(rows) >= 2


def test_name_before_a_kind_of_area_is_a_place_not_an_actor():
    r = extract("Heavy snow fell in Vostrel prefecture on Tuesday.", headline="Snow closes roads in Vostrel prefecture")
    assert "Vostrel" not in by_name(r)


# --- rules, trace and data files (issue 8) ------------------------------------------------------------


def extract_traced(body: str, headline: str = "Officials meet as talks resume") -> tuple[ArticleExtraction, list]:
    from tidynews.extract.rules import Trace

    text = headline + "\n\n" + body + "\n"
    article = Article("t", "t.txt", "", "utf-8", text, headline, split_zones(text))
    parsed = next(parse_articles([article]))
    result = ArticleExtraction("t", trace=Trace())
    extract_actors(parsed, result)
    return result, [e for e in result.trace.events if e.table == "actors"]


def test_every_mention_names_the_rule_that_found_it():
    from tidynews.extract.rules import RULES

    r = extract("Mr Okafor met officials of the French government. Okafor said the UN would send aid.")
    rules = {m.text: m.rule for m in r.actor_mentions}
    assert rules["Okafor"] in {"actors.titled_person", "actors.entity_person", "actors.known_name_repeated"}
    assert rules["French government"] == "actors.state_body"
    assert rules["UN"] == "actors.organisation_lexicon"
    assert all(m.rule in RULES and RULES[m.rule].kind == "finds" for m in r.actor_mentions)


def test_trace_says_why_a_name_is_missing_and_what_was_merged():
    _, events = extract_traced("Talks on Brexit stalled. The United Nations called for calm, and the UN sent food.")
    dropped = {e.text: e.decided_by for e in events if e.outcome == "dropped"}
    assert dropped.get("Brexit") == "actors.not_a_name"
    merges = [(e.text, e.decided_by, e.into) for e in events if e.outcome == "merged"]
    assert ("UN", "actors.organisation_alias", "United Nations") in merges


def test_curated_names_are_matched_as_whole_words_only():
    r = extract("The UN-backed council met. Officials of the UNHCR said the UN would pay.")
    found = sorted((m.start, m.text) for m in r.actor_mentions if m.rule == "actors.organisation_lexicon")
    assert [text for _, text in found] == ["UNHCR", "UN"]


def test_titles_are_one_list_for_every_extractor():
    from tidynews.extract.titles import honorifics, honorifics_before_surname, is_honorific, title_kinds

    assert title_kinds("Gen.") >= {"rank"} and "head" in title_kinds("Minister")
    assert is_honorific("Dr.") and not is_honorific("Minister") and not title_kinds("Okafor")
    assert {"mr", "sheikh", "rev"} <= honorifics() and "mr" in honorifics_before_surname()
    assert "sheikh" not in honorifics_before_surname()


# --- results lines (issue 12) ---------------------------------------------------------------------------


def test_teams_of_a_score_line_are_organisations_and_scorers_people():
    r = extract("Arden Rovers 2 (Okoro 17th, Barnes 60th) Castleford 1 (Whitlow 88th)")
    found = {m.text: m.rule for m in r.actor_mentions}
    assert found["Arden Rovers"] == found["Castleford"] == "actors.team_in_score_line"
    assert {found["Okoro"], found["Barnes"], found["Whitlow"]} == {"actors.scorer_in_score_line"}
    types = {e.name: e.type for e in r.actors}
    assert types["Castleford"] == "organization" and types["Okoro"] == "person"


def test_a_country_in_a_score_line_is_its_national_team_and_no_actor():
    r = extract("Portugal 3 Arden Rovers 0")
    assert [m.text for m in r.actor_mentions] == ["Arden Rovers"]


def test_standings_and_fixture_lines_name_teams_and_players():
    r = extract("Castleford 5 3 1 1 9 4 10\n\nArden Rovers v Millbrook Town\n\nD. Marsh 57.2 10 165 6 27.50")
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    assert types["Castleford"] == ("actors.team_in_standings_line", "organization")
    assert types["Millbrook Town"] == ("actors.team_in_fixture_line", "organization")
    assert types["D. Marsh"] == ("actors.team_in_standings_line", "person")


def test_a_sentence_with_numbers_is_no_results_line():
    r = extract("Arden Rovers signed 2 players and Castleford sold 1 in the summer.")
    assert all(m.rule not in {"actors.team_in_score_line", "actors.team_in_standings_line"} for m in r.actor_mentions)


# --- headlines in capitals (issue 12) ---------------------------------------------------------------------


def test_a_name_in_a_capitals_headline_is_found_from_the_body():
    r = extract(
        "Castleford manager Piet Okoro praised his players after the win on Saturday.",
        headline="FOOTBALL - OKORO HAILS CASTLEFORD SPIRIT",
    )
    headline = [(m.text, m.rule) for m in r.actor_mentions if m.zone == "headline"]
    assert ("OKORO", "actors.known_name_repeated") in headline
    assert next(e for e in r.actors if "OKORO" in mentions_of(r, e.name)).name == "Piet Okoro"


def test_capitals_headline_words_named_nowhere_else_are_no_actors():
    r = extract("Farmers in the north said the rain came too late for the wheat.", headline="STORM DELAYS HARVEST")
    assert [m.text for m in r.actor_mentions if m.zone == "headline"] == []


def test_two_names_joined_by_a_dash_or_v_are_two_candidates():
    r = extract("Piet Okoro - Lars Wirth (Valdora) won the pairs race.")
    assert {"Piet Okoro", "Lars Wirth"} <= {m.text for m in r.actor_mentions}
    assert all(" - " not in m.text for m in r.actor_mentions)


def test_time_zones_and_nationalities_are_no_actors():
    r = extract("Trading closed at 1600 GMT, a Sri Lankan dealer told Reuters.")
    assert {m.text for m in r.actor_mentions} == {"Reuters"}


def test_a_name_before_a_players_role_or_after_played_for_is_a_club():
    r = extract(
        "Castleford midfielder Piet Okoro was sent off. Okoro, who played for Millbrook Town for five seasons, "
        "joined in May."
    )
    found = {m.text: m.rule for m in r.actor_mentions}
    assert found["Castleford"] == "actors.team_before_sports_role"
    assert found["Millbrook Town"] == "actors.team_after_sports_cue"
    assert {e.name: e.type for e in r.actors}["Castleford"] == "organization"


def test_a_country_before_a_players_role_is_no_club():
    r = extract("Portugal midfielder Piet Okoro was sent off in the second half.")
    assert "Portugal" not in {m.text for m in r.actor_mentions}


def test_the_players_of_a_cricket_batting_line_are_people():
    r = extract("T. Brandt c Okoro b Wirth 54\n\nL. Holt lbw b Wirth 7")
    found = {m.text: m.rule for m in r.actor_mentions}
    for name in ("T. Brandt", "Okoro", "L. Holt"):
        assert found[name] == "actors.player_in_scorecard"
    assert {e.type for e in r.actors} == {"person"}


# --- teams across articles: one club per competition ---------------------------------------------


def actor_ids_of(extractions: list[ArticleExtraction], name: str) -> list[str]:
    """The actor id of `name` in each article (in order), after corpus resolution."""
    _, ids = resolve_actors(extractions)
    return [ids[(r.article_id, by_name(r)[name].key)] for r in extractions]


def test_a_town_named_team_is_one_actor_per_sport_across_articles():
    rugby = extract("Millbrook 24 Castleford 12\n\nArden 30 Valdora 8", "RUGBY LEAGUE - WEEKEND RESULTS", "a")
    soccer = extract("Castleford 2 Millbrook 1\n\nValdora 0 Arden 3", "SOCCER - WEEKEND RESULTS", "b")
    rugby_again = extract("Castleford 5 4 0 1 120 60 8", "RUGBY LEAGUE - STANDINGS", "c")
    first, second, third = actor_ids_of([rugby, soccer, rugby_again], "Castleford")
    assert first == third and first != second


def test_a_town_named_team_in_two_competitions_of_one_article_is_two_actors():
    r = extract(
        "Premier League\n\nCastleford 3 Arden 2\n\nSecond Division\n\nCastleford 5 Valdora 1",
        "BASEBALL - RESULTS ON SUNDAY",
    )
    teams = [e for e in r.actors if e.name == "Castleford"]
    assert [getattr(e, "competition", None) for e in teams] == ["baseball|premier league", "baseball|second division"]


def test_a_group_heading_inside_a_league_is_not_another_competition():
    r = extract(
        "Northern League\n\nEastern Division\n\nCastleford 5 4 0 1 120 60 8\n\nWestern Division\n\n"
        "Arden 5 3 1 1 100 70 7",
        "BASEBALL - STANDINGS",
    )
    competitions = {e.name: getattr(e, "competition", None) for e in r.actors}
    assert competitions["Castleford"] == competitions["Arden"] == "baseball|northern league"


def test_a_team_read_without_a_heading_joins_the_one_team_of_its_name_in_that_sport():
    table = extract("Premier League\n\nCastleford 5 4 0 1 12 6 13", "SOCCER - STANDINGS", "a")
    story = extract(
        "Castleford midfielder Piet Okoro scored twice on Saturday as the leaders stayed top.",
        "SOCCER - LEADERS WIN AGAIN",
        "b",
    )
    first, second = actor_ids_of([table, story], "Castleford")
    assert first == second


def test_a_town_named_team_is_the_organisation_of_the_same_word_in_prose_only_when_one_sport_has_it():
    table = extract("Castleford 2 Millbrook 1", "SOCCER - RESULTS", "a")
    prose = ArticleExtraction("b", actors=[Entity("castleford", "Castleford", "organization")])
    _, ids = resolve_actors([table, prose])
    assert ids[("a", by_name(table)["Castleford"].key)] == ids[("b", "castleford")]
    rugby = extract("Castleford 24 Millbrook 10", "RUGBY LEAGUE - RESULTS", "c")
    _, ids = resolve_actors([table, prose, rugby])
    assert len({ids[("a", by_name(table)["Castleford"].key)], ids[("b", "castleford")]}) == 2


# --- a bare surname when the article calls a family member by the first name -------------------


def test_bare_surname_is_not_the_relative_called_by_first_name():
    r = extract(
        "Viktor Petrenko and his wife Olga Petrenko arrived in Kiev on Monday. Olga, 52, said the trip was "
        "private. Petrenko said he was pleased with the talks."
    )
    assert mentions_of(r, "Olga Petrenko") == ["Olga Petrenko", "Olga"]
    assert mentions_of(r, "Viktor Petrenko") == ["Viktor Petrenko", "Petrenko"]


def test_surname_only_person_is_not_the_full_named_relative_of_the_same_article():
    one = ArticleExtraction("a", actors=[Entity("p", "Luis Ruiz", "person")])
    two = ArticleExtraction("b", actors=[Entity("p", "Ana Ruiz", "person"), Entity("q", "Ruiz", "person")])
    _, ids = resolve_actors([one, two])
    assert ids[("b", "q")] == ids[("a", "p")] != ids[("b", "p")]


def test_a_team_named_in_the_plural_and_the_singular_is_one_actor():
    r = extract("The Arden Hornets signed two players. Arden Hornet captain Piet Okoro said the club was ready.")
    assert mentions_of(r, "Arden Hornets") == ["Arden Hornets", "Arden Hornet"]
    assert "Arden Hornet" not in by_name(r)


# --- tables and datelines (issue 12, third round) ----------------------------------------------------------


def test_a_club_named_like_a_person_in_a_table_of_teams_is_a_team():
    rows = ["Castleford 5 4 1 0 12 3 13", "Millbrook 5 3 1 1 9 5 10", "Peter Blake 5 2 1 2 7 7 7"]
    rows += ["John Hollis 5 2 0 3 7 7 6", "Valdora 5 1 0 4 4 11 3", "Arden 5 0 1 4 2 8 1"]
    r = extract("\n\n".join(rows), headline="SOCCER - NORTHERN LEAGUE STANDINGS")
    types = {m.text: next(e.type for e in r.actors if e.key == m.key) for m in r.actor_mentions}
    assert types["Peter Blake"] == types["John Hollis"] == types["Castleford"] == "organization"


def test_a_table_of_players_keeps_its_players():
    rows = ["D. Marsh 57.2 10 165 6 27.50", "T. Brandt 40 8 120 4 30.00", "Castleford 12 3 40 1 40.00"]
    r = extract("\n\n".join(rows), headline="CRICKET - BOWLING AVERAGES")
    types = {m.text: next(e.type for e in r.actors if e.key == m.key) for m in r.actor_mentions}
    assert types["D. Marsh"] == types["T. Brandt"] == "person"


@pytest.mark.parametrize(
    "line, dateline",
    [
        ("SOUTHPORT 2024-05-02", True),
        ("SOUTHPORT, Kent May 2", True),
        ("NEW HAVEN May 2, 2024", True),
        ("SOUTHPORT 2 Millbrook 1", False),
        ("Southport said on May 2 it would sell.", False),
    ],
)
def test_a_dateline_on_a_line_of_its_own_is_no_actor(line: str, dateline: bool):
    from tidynews.extract.actors.drops import in_dateline
    from tidynews.extract.actors.names import make_candidate

    text = "Harbour report\n\n" + line + "\n"
    article = Article("d", "d.txt", "", "utf-8", text, "Harbour report", split_zones(text))
    block = next(b for b in next(parse_articles([article])).blocks if b.text.startswith(line.split()[0]))
    cand = make_candidate(block, 0, 1, "org", "spacy", rule="actors.entity_organisation")
    assert cand is not None and in_dateline(block, cand) is dateline


def test_an_innings_summary_names_both_teams_and_the_players_in_brackets():
    r = extract(
        "At Arden: Castleford 326 (T. Brandt 95 not out, L. Holt 54; P. Okoro 7-73) v Millbrook.\n\n"
        "Valdora 210-6 (M. Sand\n\n64, J. Reyes 51) v Arden Town.",
        headline="CRICKET - COUNTY SCORES",
    )
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    for team in ("Castleford", "Millbrook", "Valdora", "Arden Town"):
        assert types[team] == ("actors.innings_summary", "organization")
    for player in ("T. Brandt", "L. Holt", "P. Okoro", "M. Sand", "J. Reyes"):
        assert types[player] == ("actors.innings_summary", "person")


def test_the_team_after_a_riders_country_is_an_organisation():
    r = extract("1. Piet Okoro (Germany) Valdora Motors 1:52.318\n\n2. Lars Wirth (Austria) Arden Racing same time")
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    assert types["Valdora Motors"] == types["Arden Racing"] == ("actors.team_after_players_country", "organization")
    assert types["Piet Okoro"][1] == types["Lars Wirth"][1] == "person"
    assert "Germany" not in types


def test_an_organisation_written_as_one_word_of_its_name_is_one_actor():
    r = extract("Shares in Torvik Shipping fell. Torvik said its ships were idle.")
    assert mentions_of(r, "Torvik Shipping") == ["Torvik Shipping", "Torvik"]
    r = extract("Kestrel Airways cancelled flights on Monday. Kestrel said the strike would cost it money.")
    assert mentions_of(r, "Kestrel Airways") == ["Kestrel Airways", "Kestrel"]
    assert {e.type for e in r.actors} == {"organization"}


def test_a_word_two_organisations_share_or_a_persons_surname_stays_apart():
    r = extract("Shares in Arden Mining and Arden Foods fell. Arden said profits would fall.")
    assert mentions_of(r, "Arden Mining") == ["Arden Mining"] and mentions_of(r, "Arden Foods") == ["Arden Foods"]
    r = extract("Kestrel Airways hired pilot Tom Kestrel in May. Kestrel said he liked the job.")
    assert "Kestrel" in mentions_of(r, "Tom Kestrel")
    assert mentions_of(r, "Kestrel Airways") == ["Kestrel Airways"]


def test_a_name_that_opens_with_a_saints_title_is_no_person():
    r = extract("The board of St Millbrook met on Monday and St Millbrook said it would sell the ground.")
    assert {e.name: e.type for e in r.actors}["St Millbrook"] == "organization"


def test_the_desk_that_signs_a_wire_story_is_an_organisation():
    r = extract("Prices were steady, dealers said.\n\n-- Valdora Newsroom +44 20 7000 0000")
    found = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    assert found["Valdora Newsroom"][1] == "organization"
    assert found["Valdora Newsroom"][0] == "actors.news_desk"


def test_a_name_written_with_initials_is_the_full_name_in_the_article_and_across_articles():
    r = extract("Dan Marsh took four wickets on Friday. D. Marsh has now taken 40 this season.")
    assert mentions_of(r, "Dan Marsh") == ["Dan Marsh", "D. Marsh"]
    card = extract("T. Brandt c D. Marsh b Wirth 54", "CRICKET - SCORES", "card")
    story = extract("Dan Marsh took four wickets as Castleford won on Friday.", "Castleford win", "story")
    other = extract("Tom Marsh, a farmer, said the rain came too late.", "Rain too late", "other")
    _, ids = resolve_actors([card, story, other])
    assert ids[("card", by_name(card)["D. Marsh"].key)] == ids[("story", by_name(story)["Dan Marsh"].key)]
    assert ids[("other", by_name(other)["Tom Marsh"].key)] != ids[("story", by_name(story)["Dan Marsh"].key)]


def test_initials_match_the_given_names_in_order():
    from tidynews.extract.actors.names import initials_match

    assert initials_match(["D.", "Marsh"], ["Dan", "Marsh"])
    assert initials_match(["J.R.", "Okoro"], ["John", "Robert", "Okoro"])
    assert not initials_match(["D.", "Marsh"], ["Tom", "Marsh"])
    assert not initials_match(["D.", "Marsh"], ["Dan", "Marshall"])
    assert not initials_match(["Dan", "Marsh"], ["Dan", "Marsh"])


def test_a_player_with_a_countrys_abbreviation_in_brackets_is_a_person():
    r = extract("Lena Holt (U.S.) beat Marta Lindqvist (Sweden) 6-3 6-4")
    found = {m.text: m.rule for m in r.actor_mentions}
    assert found["Lena Holt"] == "actors.player_with_team_in_brackets"
    assert "U.S." not in found


def test_a_runner_with_a_time_after_the_country_is_a_person_and_a_club_with_a_score_is_not():
    r = extract("1. Piet Okoro (U.S.) 11.37\n\n2. Lena Marsh (Britain) 11.40")
    found = {m.text: m.rule for m in r.actor_mentions}
    assert found["Piet Okoro"] == found["Lena Marsh"] == "actors.player_with_team_in_brackets"
    r = extract("Arden Rovers (Valdora) 2 Millbrook Town (Peru) 1")
    assert all(m.rule != "actors.player_with_team_in_brackets" for m in r.actor_mentions)


def test_a_nationality_before_a_name_is_no_part_of_the_person():
    r = extract("American Lena Holt upstaged a field of champions on Friday.")
    assert [(m.text, by_name(r)["Lena Holt"].type) for m in r.actor_mentions] == [("Lena Holt", "person")]
    r = extract("Kenyan Piet Okoro won the 5,000 metres.")
    assert [m.text for m in r.actor_mentions] == ["Piet Okoro"]


def test_golfers_with_their_round_scores_are_people():
    r = extract(
        "134 Ana Ruiz 68 66, Lena Holt (Spain) 67 67, Mary Sand 70 64, Piet\n\nOkoro (Kenya) 69 65, Tomas Brandt 66 68",
        headline="GOLF - ARDEN OPEN SCORES",
    )
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    for player in ("Ana Ruiz", "Lena Holt", "Mary Sand", "Piet", "Okoro", "Tomas Brandt"):
        assert types[player] == ("actors.player_with_round_scores", "person")
    assert "Spain" not in types and "Kenya" not in types


def test_one_name_with_two_scores_and_nothing_before_it_is_not_read_as_a_golfer():
    r = extract("Castleford 65 70", headline="BASKETBALL - RESULTS")
    assert all(m.rule != "actors.player_with_round_scores" for m in r.actor_mentions)


def test_bowlers_with_their_figures_are_people_even_when_named_like_towns():
    r = extract("Bowling: Leeds 22-6-56-2, Wirth 14.3-4-45-1, Hull 17-0-91-0, Brandt", headline="CRICKET - SCORECARD")
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    for player in ("Leeds", "Wirth", "Hull", "Brandt"):
        assert types[player] == ("actors.bowler_with_figures", "person")


def test_the_teams_of_a_fixture_list_are_organisations():
    r = extract(
        "Postponed: Arden v Castleford, Millbrook Town v Valdora Rovers, Leeds v\n\nHull, Torvik v Kestrel City.",
        headline="SOCCER - FIXTURES",
    )
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    for team in ("Arden", "Castleford", "Millbrook Town", "Valdora Rovers", "Leeds", "Hull", "Torvik", "Kestrel City"):
        assert types[team] == ("actors.teams_in_fixture_list", "organization")
    assert "Postponed" not in types


def test_a_draw_of_players_with_their_countries_is_no_fixture_list():
    r = extract("Ana Ruiz (Spain) vs. Lena Holt (Austria), Mary Sand (Kenya) vs. Piet Okoro (Ghana)")
    types = {m.text: next(e.type for e in r.actors if e.key == m.key) for m in r.actor_mentions}
    assert all(m.rule != "actors.teams_in_fixture_list" for m in r.actor_mentions)
    assert types["Ana Ruiz"] == types["Piet Okoro"] == "person"


def test_the_clubs_of_a_cup_tie_with_their_countries_are_organisations():
    r = extract(
        "In Arden: Castleford Rovers (Norway) 2 Valdora City (Malta) 1\n\nCastleford Rovers win 3-1 on aggregate.",
        headline="SOCCER - CUP RESULTS",
    )
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    assert types["Castleford Rovers"] == types["Valdora City"] == ("actors.team_in_cup_tie_line", "organization")
    assert "Norway" not in types and "Malta" not in types


def test_a_team_and_its_scorers_with_minutes():
    r = extract("Castleford - Piet Okoro (12th), Lars Wirth (44th, penalty)", headline="SOCCER - SCORERS")
    types = {m.text: (m.rule, next(e.type for e in r.actors if e.key == m.key)) for m in r.actor_mentions}
    assert types["Castleford"] == ("actors.scorers_of_a_team", "organization")
    assert types["Piet Okoro"] == types["Lars Wirth"] == ("actors.scorers_of_a_team", "person")


def test_a_post_glued_before_a_name_at_a_sentence_start_is_no_part_of_the_person():
    import spacy
    from spacy.tokens import Doc

    from tidynews.extract.actors.names import title_glued_to_person

    vocab = spacy.blank("en").vocab

    def doc(words: list[str]) -> Doc:
        return Doc(vocab, words=words, pos=["PROPN"] * 3 + ["VERB", "PUNCT"], sent_starts=[True] + [False] * 4)

    # spaCy's ORG span "Spokesman Ruth Wanjiru": the person starts after the post
    assert title_glued_to_person(doc(["Spokesman", "Ruth", "Wanjiru", "said", "."]), 0, 3) == 1
    # a rank opening a name is not cut off it: "Major League Hockey" stays whole
    assert title_glued_to_person(doc(["Major", "League", "Hockey", "resumed", "."]), 0, 3) is None
