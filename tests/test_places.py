"""Places: names resolved to one place each, with country code, type and gazetteer ids.

Sentences written for these tests (other outlets, continents and conventions), plus the seed article.
"""

from __future__ import annotations

import pytest

from tidynews.articles import Article, split_zones
from tidynews.extract.common import ArticleExtraction
from tidynews.extract.places import extract_places, resolve_country, resolve_place, resolve_places
from tidynews.nlp import parse_articles
from tidynews.paths import SEEDS_DIR


def extract(body: str, headline: str = "Test story") -> ArticleExtraction:
    """Run the places extractor on an article made of a headline and body lines."""
    text = f"{headline}\n\n{body}\n"
    article = Article("t", "t.txt", "", "utf-8", text, headline, split_zones(text))
    parsed = next(parse_articles([article]))
    result = ArticleExtraction("t")
    extract_places(parsed, result)
    for m in result.place_mentions:
        assert parsed.text[m.start : m.end] == m.text
    return result


def rows(body: str, headline: str = "Test story") -> dict[str, dict]:
    """The places table of one article, by place name."""
    return {r["name"]: r for r in resolve_places([extract(body, headline)])}


# --- resolving a name --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the United States", "US"),
        ("The United States", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("America", "US"),
        ("the U.K.", "GB"),
        ("Britain", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("the Philippines", "PH"),
        ("the Netherlands", "NL"),
        ("Burma", "MM"),
        ("Congo", "CD"),
        ("Republic of Congo", "CG"),
        ("the State of Israel", "IL"),
    ],
)
def test_country_names_and_short_forms(name, code):
    assert resolve_country(name) == code


@pytest.mark.parametrize("name", ["IN", "CAN", "French", "Lebanese", "Hezbollah", "Blinken"])
def test_codes_and_adjectives_are_not_countries(name):
    assert resolve_country(name) is None


def test_one_id_for_every_spelling_of_a_country():
    ids = {resolve_place(n).place_id for n in ["the United States", "The United States", "US", "U.S.", "America"]}
    assert ids == {"us"}


def test_country_row_has_geonames_id_and_a_point_inside_the_country():
    france = resolve_place("France")
    assert (france.place_id, france.type, france.country_code) == ("fr", "country", "FR")
    assert france.geonames_id == 3017382
    # metropolitan France lies between 42 and 51.5 N, 5 W and 8.5 E
    assert 42 < france.latitude < 51.5 and -5 < france.longitude < 8.5


def test_states_provinces_and_counties_have_points():
    kentucky = resolve_place("Kentucky")
    assert (kentucky.place_id, kentucky.geonames_id) == ("us-ky", 6254925)
    assert 36.5 < kentucky.latitude < 39.2 and -89.6 < kentucky.longitude < -81.9
    ontario = resolve_place("Ontario")
    assert (ontario.type, ontario.country_code) == ("region", "CA")
    county = resolve_place("Laurel County")
    assert (county.type, county.country_code, county.place_id) == ("region", "US", "laurel-county-us-ky")


def test_divisions_outside_the_us_and_counties_have_geonames_ids():
    ontario = resolve_place("Ontario")  # a curated region: its GeoNames division gives it an id and a point
    assert ontario.geonames_id == 6093943
    assert 41.7 < ontario.latitude < 56.9 and -95.2 < ontario.longitude < -74.3
    tamil_nadu = resolve_place("Tamil Nadu")
    assert tamil_nadu.geonames_id is not None
    assert 8 < tamil_nadu.latitude < 13.6 and 76 < tamil_nadu.longitude < 80.4
    county = resolve_place("Laurel County")  # a second-level division of Kentucky
    assert county.geonames_id is not None and county.geonames_id != resolve_place("Kentucky").geonames_id
    assert 36.5 < county.latitude < 39.2 and -89.6 < county.longitude < -81.9


def test_a_small_town_of_the_gazetteer_resolves_with_its_point():
    # Hazard, Kentucky has about 5,000 people: not in a gazetteer of cities of 15,000
    town = resolve_place("Hazard", hints=[resolve_place("Kentucky")])
    assert (town.type, town.country_code, town.admin1) == ("city", "US", "KY")
    assert 37 < town.latitude < 37.5


def test_a_bare_name_is_the_big_city_not_a_district_of_that_name():
    # GeoNames has a second-level division named Cambridge (Western Australia) whose towns, joined by point, sum to
    # more people than the English city; a reader of "talks in Cambridge" means the city
    place = resolve_place("Cambridge")
    assert (place.type, place.country_code) == ("city", "GB")
    assert place.geonames_id is not None


def test_a_name_is_the_town_of_the_state_the_story_names():
    town = resolve_place("Richmond", us_state_codes={"KY"}, article_countries={"US"})
    assert (town.country_code, town.admin1) == ("US", "KY")
    assert resolve_place("Richmond", article_countries={"US"}).admin1 == "VA"


def test_countries_win_over_same_named_towns():
    assert resolve_place("Lebanon").place_id == "lb"
    assert resolve_place("Jordan").place_id == "jo"
    assert resolve_place("Georgia").place_id == "ge"


@pytest.mark.parametrize(
    ("name", "place_id", "kind", "code"),
    [
        ("Gaza", "gaza-strip-ps", "region", "PS"),
        ("the Gaza Strip", "gaza-strip-ps", "region", "PS"),
        ("another Middle East", "middle-east", "region", ""),
        ("Southeast Asia", "southeast-asia", "region", ""),
        ("the South China Sea", "south-china-sea", "other", ""),
        ("Crimea", "crimea-ua", "region", "UA"),
        ("Catalonia", "catalonia-es", "region", "ES"),
        ("Kashmir", "kashmir", "region", ""),
        ("Scotland", "scotland-gb", "region", "GB"),
        ("Texas", "us-tx", "region", "US"),
        ("New York state", "us-ny", "region", "US"),
    ],
)
def test_regions_seas_and_states(name, place_id, kind, code):
    place = resolve_place(name)
    assert (place.place_id, place.type, place.country_code) == (place_id, kind, code)


@pytest.mark.parametrize(
    ("name", "written", "code"),
    [
        ("northern Israel", "northern Israel", "IL"),
        ("southern Lebanon", "southern Lebanon", "LB"),
        ("eastern Ukraine", "eastern Ukraine", "UA"),
        ("eastern Congo", "eastern Congo", "CD"),
        ("north-east Nigeria", "north-east Nigeria", "NG"),
        ("the northern Gaza Strip", "northern Gaza Strip", "PS"),
    ],
)
def test_direction_word_makes_a_region_of_the_country(name, written, code):
    place = resolve_place(name)
    assert (place.name, place.type, place.country_code) == (written, "region", code)


def test_direction_word_does_not_break_names_that_contain_one():
    assert resolve_place("South Korea").place_id == "kr"
    assert resolve_place("North Carolina").place_id == "us-nc"
    assert resolve_place("Eastern Europe").place_id == "eastern-europe"
    assert resolve_place("South Africa").place_id == "za"


def test_cities_get_country_coordinates_and_geonames_id():
    lagos = resolve_place("Lagos")
    assert (lagos.type, lagos.country_code) == ("city", "NG")
    assert 6 < lagos.latitude < 7 and 3 < lagos.longitude < 4
    assert lagos.geonames_id is not None
    assert resolve_place("Tel Aviv").country_code == "IL"


def test_washington_and_new_york_are_the_cities():
    washington = resolve_place("Washington")
    assert (washington.type, washington.country_code) == ("city", "US")
    assert 38 < washington.latitude < 40  # the capital, not the state in the north-west
    assert resolve_place("New York").type == "city"


def test_spelling_variants_of_a_city_but_not_translations():
    assert resolve_place("Misrata").country_code == "LY"
    assert resolve_place("Kiev").place_id == resolve_place("Kyiv").place_id
    assert resolve_place("Casablanca").country_code == "MA"
    white_house = resolve_place("White House")  # GeoNames lists it as a translation of Casablanca
    assert white_house is None or white_house.country_code != "MA"
    assert resolve_place("MoD") is None


def test_place_after_a_comma_chooses_between_namesakes():
    from tidynews.extract.places import hint_places

    assert resolve_place("Paris", hints=hint_places("Texas")).admin1 == "TX"
    assert resolve_place("Paris").country_code == "FR"


# --- finding names in articles --------------------------------------------------------------------------


def test_one_row_per_place_in_an_article():
    table = rows(
        "The United States and Britain signed the accord. Officials in the U.S. said the U.K. would follow.\n\n"
        "The US envoy later flew to Brussels."
    )
    assert table["United States"]["place_id"] == "us"
    assert set(table["United States"]["aliases"].split(" | ")) >= {"U.S.", "US"}
    assert table["United Kingdom"]["country_code"] == "GB"
    assert table["Brussels"]["country_code"] == "BE"
    assert len(table) == 3


def test_gaza_and_the_gaza_strip_are_one_place():
    table = rows("Aid trucks entered the Gaza Strip on Sunday.\n\nThe UN said food was running out in Gaza.")
    gaza = [r for r in table.values() if r["place_id"] == "gaza-strip-ps"]
    assert len(gaza) == 1


def test_direction_word_before_a_country_in_a_sentence():
    table = rows("Rockets were fired at northern Israel from southern Lebanon overnight.")
    assert table["northern Israel"]["country_code"] == "IL"
    assert table["southern Lebanon"]["type"] == "region"


def test_city_then_country_after_a_comma():
    table = rows("The conference opened in Lagos, Nigeria, on Tuesday.")
    assert table["Lagos"]["country_code"] == "NG"
    assert table["Nigeria"]["type"] == "country"


def test_city_then_us_state_makes_georgia_the_state():
    table = rows("The rally was held in Atlanta, Georgia, last week.")
    assert table["Georgia"]["place_id"] == "us-ga"
    assert table["Atlanta"]["country_code"] == "US"


def test_georgia_alone_is_the_country():
    table = rows("Protesters gathered outside parliament in Georgia as the vote neared.")
    assert table["Georgia"]["place_id"] == "ge"


def test_demonyms_and_organisations_are_not_places():
    table = rows("French and Lebanese officials met Hezbollah envoys, the Kenyan foreign minister said in Nairobi.")
    assert set(table) == {"Nairobi"}


def test_all_caps_dateline_city_gets_its_usual_spelling():
    table = rows("JAKARTA (Reuters) - The president of the Maldives said on Monday he would visit Japan.")
    assert table["Jakarta"]["country_code"] == "ID"
    assert {"Maldives", "Japan"} <= set(table)


def test_possessive_and_determiners_are_not_part_of_the_name():
    table = rows("South Sudan’s oil exports worried another Middle East partner of the United States.")
    assert "South Sudan" in table and "Middle East" in table
    assert not any("’s" in name or name.startswith("another") for name in table)


def test_natural_feature_tagged_as_a_person():
    table = rows("The hikers crossed the Taebaek Range on Monday.")
    assert any(r["name"].endswith("Range") and r["type"] == "other" for r in table.values()), table


def test_person_named_like_a_country_is_not_a_place():
    table = rows("Chad Johnson and Jordan Smith scored for the visitors.")
    assert "Chad" not in table and "Jordan" not in table


def test_mentions_point_at_the_name_without_determiner():
    result = extract("Talks resumed in the Philippines.")
    mention = next(m for m in result.place_mentions if m.key == "ph")
    assert mention.text == "Philippines"


# --- the seed article ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_places() -> dict[str, dict]:
    from tidynews.articles import read_articles

    read = read_articles(SEEDS_DIR)
    articles = read.articles if hasattr(read, "articles") else read
    parsed = next(parse_articles(articles[:1]))
    result = ArticleExtraction(parsed.article.article_id)
    extract_places(parsed, result)
    return {r["place_id"]: r for r in resolve_places([result])}


def test_seed_places(seed_places):
    # read off the seed: Gallant meets the US envoy in Tel Aviv about Hezbollah attacks on northern Israel
    for place_id in ["il", "lb", "us", "tel-aviv-il", "gaza-strip-ps", "northern-israel-il", "middle-east"]:
        assert place_id in seed_places, sorted(seed_places)
    assert seed_places["tel-aviv-il"]["country_code"] == "IL"
    assert seed_places["gaza-strip-ps"]["country_code"] == "PS"


def test_seed_has_no_people_or_groups_as_places(seed_places):
    names = {r["name"] for r in seed_places.values()}
    assert not names & {"Hezbollah", "Hamas", "Blinken", "Gallant", "Hochstein"}
    assert all(r["type"] != "other" for r in seed_places.values())


# --- names spaCy tags wrongly or not at all -------------------------------------------------------------


def test_wire_dateline_city_is_a_place_even_when_untagged():
    table = rows("KYIV, Ukraine (AP) — Shelling resumed overnight, officials said.")
    assert table["Kyiv"]["country_code"] == "UA"
    assert table["Ukraine"]["type"] == "country"


def test_capital_tagged_as_a_person_after_a_locative_word():
    table = rows("The minister flew from Paris to Dakar and then to Buenos Aires for the summit.")
    assert table["Dakar"]["country_code"] == "SN"
    assert table["Buenos Aires"]["country_code"] == "AR"


def test_lower_case_area_word_makes_a_region():
    table = rows("Drones struck the Donetsk region overnight, and fighting continued in Helmand province.")
    assert table["Donetsk region"]["type"] == "region" and table["Donetsk region"]["country_code"] == "UA"
    assert table["Helmand"]["country_code"] == "AF"


def test_georgia_is_the_state_when_the_article_names_a_city_there():
    table = rows("Georgia lawmakers met on Monday.\n\nThe session in Atlanta lasted until midnight.")
    assert table["Georgia"]["place_id"] == "us-ga"


def test_washington_state_is_the_state():
    table = rows("Wildfires spread across Washington state on Sunday.")
    assert table["Washington"]["place_id"] == "us-wa"


def test_unknown_place_placed_by_the_text_is_kept_in_that_country():
    table = rows("Rockets landed near Kfar Zorvan, Israel, near Metula, Israel, and in Bint Jbeil, Lebanon.")
    assert (table["Kfar Zorvan"]["type"], table["Kfar Zorvan"]["country_code"]) == ("other", "IL")
    assert (table["Metula"]["type"], table["Metula"]["country_code"]) == ("city", "IL")  # 1,600 people
    assert table["Bint Jbeil"]["country_code"] == "LB"
    assert table["Lebanon"]["place_id"] == "lb"


def test_small_foreign_namesake_town_is_not_guessed():
    # 'Whitehall' is a town in Ohio in the gazetteer; in a British story it is the seat of government
    assert resolve_place("Whitehall", article_countries={"GB"}) is None
    assert resolve_place("Whitehall", article_countries={"US"}).country_code == "US"
    # a big city needs no anchor; a namesake of comparable size in a country the story names wins
    assert resolve_place("Tripoli", article_countries={"FR"}).country_code == "LY"
    assert resolve_place("Tripoli", article_countries={"LB"}).country_code == "LB"


def test_names_that_begin_with_the():
    table = rows("The judges met in The Hague on Monday.")
    assert table["The Hague"]["country_code"] == "NL"
    assert [m.text for m in extract("The judges met in The Hague on Monday.").place_mentions] == ["The Hague"]


def test_georgia_is_the_state_next_to_other_us_states():
    table = rows("The hurricane hit Florida and Georgia before moving north.")
    assert table["Georgia"]["place_id"] == "us-ga"


def test_georgia_stays_the_country_when_its_capital_is_named():
    table = rows("Protests in Tbilisi spread across Georgia while Texas held its primary.")
    assert table["Georgia"]["place_id"] == "ge"


def test_reef_tagged_as_a_facility_is_a_natural_feature():
    table = rows("Coast guard vessels were blocked near Second Thomas Shoal in the South China Sea.")
    shoal = next(r for r in table.values() if r["name"].endswith("Shoal"))
    assert shoal["type"] == "other"


def test_georgia_stays_the_country_when_only_washington_reacts():
    table = rows("Georgia's parliament passed the law on Tuesday, and Washington condemned the vote.")
    assert table["Georgia"]["place_id"] == "ge"


def test_cities_tagged_as_people_in_a_list_after_a_locative_word():
    table = rows("Troops operated in Khan Younis and Rafah overnight.")
    assert table["Khan Younis"]["country_code"] == "PS"
    assert table["Rafah"]["country_code"] == "PS"


def test_mid_size_us_namesake_needs_the_us_in_the_story():
    # 'Westminster' is also a Colorado city of 100,000 in the gazetteer; here it is Parliament
    assert resolve_place("Westminster", article_countries={"GB"}) is None
    assert resolve_place("Westminster", article_countries={"US"}).country_code == "US"


def test_ap_state_abbreviation_after_a_city_chooses_the_city():
    result = resolve_places([extract("Plants in Springfield, Ill., and Springfield, Mo., will close.")])
    springfields = {r["place_id"]: r for r in result if r["name"] == "Springfield"}
    assert len(springfields) == 2  # two cities, two ids
    latitudes = sorted(round(r["latitude"]) for r in springfields.values())
    assert latitudes == [37, 40]  # Springfield, Missouri is at 37.2 N; Springfield, Illinois at 39.8 N


def test_wire_dateline_with_a_us_state_abbreviation():
    table = rows("FERGUSON, Mo. (Reuters) - Protesters gathered again on Tuesday night.")
    assert table["Ferguson"]["country_code"] == "US"


def test_country_name_placed_in_a_us_state_is_the_town():
    from tidynews.extract.places import hint_places

    town = resolve_place("Lebanon", hints=hint_places("Pa."))
    assert (town.type, town.country_code) == ("city", "US")
    assert resolve_place("Lebanon").place_id == "lb"


def test_people_named_like_features_are_not_places():
    table = rows("Critics panned the new film by Michael Bay, while Ricki Lake hosted the show in Chicago.")
    assert set(table) == {"Chicago"}


def test_a_list_of_places_is_not_a_city_and_its_country():
    table = rows("London, Berlin and Paris said the deal was fair.")
    assert table["London"]["country_code"] == "GB"
    table = rows("London, Germany and France said the deal was fair.")
    assert table["London"]["country_code"] == "GB"


def test_dateline_with_two_cities():
    table = rows("WASHINGTON/BEIJING (Reuters) - The two governments agreed on Friday to resume talks.")
    assert table["Washington"]["country_code"] == "US"
    assert table["Beijing"]["country_code"] == "CN"


def test_small_town_after_a_locative_word_is_kept_without_its_country():
    table = rows("In Hartlepool, Labour held the seat with a smaller majority.")
    assert table["Hartlepool"]["country_code"] == "GB"


def test_area_word_inside_the_entity():
    from tidynews.extract.places import Candidate, resolve_candidate

    text = "the Kherson region"
    place, rule, _ = resolve_candidate(text, Candidate(0, len(text), "entity", area_word="region"), set(), set())
    assert rule == "places.entity"
    assert (place.name, place.type, place.country_code) == ("Kherson region", "region", "UA")


# --- sub-national units named with their kind --------------------------------------------------------


def test_unknown_unit_with_its_kind_is_a_region_of_the_article_country():
    found = rows(
        "Floods hit Peru on Monday. Rivers burst their banks in Zorvanta province and in the province of "
        "Quellmayo, officials in Peru said."
    )
    assert found["Zorvanta"]["type"] == "region" and found["Zorvanta"]["country_code"] == "PE"
    assert "Zorvanta province" in found["Zorvanta"]["aliases"]
    assert found["Quellmayo"]["country_code"] == "PE"
    assert "province of Quellmayo" in found["Quellmayo"]["aliases"]


def test_unit_takes_the_country_named_in_its_sentence():
    found = rows("Kenya and Uganda share the lake. Herders in Tarbeni county, Uganda, lost cattle. Kenya sent aid.")
    assert found["Tarbeni"]["country_code"] == "UG"


def test_unit_without_a_country_keeps_an_empty_code():
    found = rows("Heavy snow fell in Vostrel prefecture on Tuesday, closing roads.")
    assert found["Vostrel"]["type"] == "region" and found["Vostrel"]["country_code"] == ""


def test_nationality_or_direction_before_region_is_no_unit():
    found = rows("Fighting went on in the Kurdish region and in the Northern region of Ghana.")
    assert "Kurdish" not in found and "Northern" not in found


def test_kind_of_a_known_country_or_region_stays_that_place():
    found = rows("Envoys flew to the state of Israel, then toured the region of Tuscany.")
    assert found["Israel"]["type"] == "country" and found["Israel"]["country_code"] == "IL"
    assert found["Tuscany"]["country_code"] == "IT"


def test_kind_word_that_modifies_a_noun_makes_no_unit():
    found = rows("Turnout rose in Republican county seats, and Velder state senators met on Monday.")
    assert "Republican" not in found and "Velder" not in found


def test_curated_one_word_region_with_its_kind_is_found():
    found = rows("Monsoon rains flooded Pakistan. Sindh province was worst hit.")
    assert found["Sindh"]["country_code"] == "PK"


def test_department_of_an_unknown_name_is_no_place():
    found = rows("Staff at the department of Justice in Peru walked out, and the department of Fisheries closed.")
    assert set(found) == {"Peru"}


def test_region_spanning_countries_is_no_unit():
    found = rows("Militants in the Sahel region attacked troops in Niger, and ships left the Gulf region.")
    assert "Sahel" not in found and "Gulf" not in found


# --- the rules: every one documented, every example fires ------------------------------------------------------


def _rule_ids_fired(example: str) -> set[str]:
    from tidynews.extract.rules import Trace

    text = f"Report\n\n{example}\n"
    article = Article("t", "t.txt", "", "utf-8", text, "Report", split_zones(text))
    parsed = next(parse_articles([article]))
    result = ArticleExtraction("t", trace=Trace())
    extract_places(parsed, result)
    fired = {m.rule for m in result.place_mentions}
    fired |= {e.proposed_by for e in result.trace.events} | {e.decided_by for e in result.trace.events}
    return fired


def _place_rules():
    import tidynews.extract.places  # noqa: F401  (registers the rules)
    from tidynews.extract.rules import rules_for

    return rules_for("places")


@pytest.mark.parametrize("rule", _place_rules(), ids=lambda r: r.id)
def test_every_place_rule_example_fires(rule):
    assert rule.example and rule.description
    assert rule.id in _rule_ids_fired(rule.example)


def test_every_mention_names_its_rule():
    result = extract("NAIROBI, Kenya (Reuters) - Aid arrived in Mombasa and the province of Marenco, officials said.")
    assert result.place_mentions
    by_text = {m.text: m.rule for m in result.place_mentions}
    assert by_text["NAIROBI"] == "places.dateline"
    assert by_text["Mombasa"] == "places.entity"
    assert by_text["Marenco"] == "places.unit_region"


def test_trace_says_why_a_name_was_dropped():
    from tidynews.extract.rules import Trace

    text = "Report\n\nJordan Henderson scored twice on Saturday.\n"
    article = Article("t", "t.txt", "", "utf-8", text, "Report", split_zones(text))
    result = ArticleExtraction("t", trace=Trace())
    extract_places(next(parse_articles([article])), result)
    dropped = [e for e in result.trace.events if e.outcome == "dropped"]
    assert [(e.text, e.decided_by) for e in dropped] == [("Jordan Henderson", "places.drop_person_name")]
    assert not result.place_mentions


# --- issue 11: places inside names, abbreviations, towns of the story, streets ----------------------------------


def mentions(body: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (place_id, rule) for one article."""
    return {m.text: (m.key, m.rule) for m in extract(body).place_mentions}


def test_a_state_inside_an_organisation_name_is_a_place_mention():
    assert mentions("Officers of the Ohio Department of Health met on Friday.")["Ohio"] == ("us-oh", "places.embedded")
    found = mentions("The Kentucky State Police closed the highway on Sunday.")
    assert found["Kentucky"] == ("us-ky", "places.embedded")


def test_a_place_after_of_in_an_organisation_name_is_a_mention_but_not_in_a_hyphen_compound():
    found = mentions("The Bank of Zambia raised its main rate, and the Trans-Pacific talks stalled.")
    assert found["Zambia"] == ("zm", "places.embedded")
    assert "Pacific" not in found


def test_a_team_tagged_as_a_place_gives_its_city():
    found = mentions("Birmingham City beat Norwich City 2-1 on Saturday.")
    assert found["Birmingham"] == ("birmingham-gb", "places.embedded")
    assert found["Norwich"] == ("norwich-gb", "places.embedded")


def test_a_town_institution_gives_the_town_when_the_story_names_its_state():
    found = mentions("Slidell Police arrested two men in Louisiana on Monday.")
    assert found["Slidell"] == ("slidell-us", "places.embedded_town")
    assert "EU" not in mentions("The EU Council met in Brussels, Belgium, on Monday.")
    # with no state or country of the town in the story, the name is left to the organisation
    assert "Lincoln" not in mentions("The Lincoln Fire Department said on Monday that it would hire staff.")


def test_an_untagged_town_before_a_civic_word_is_a_mention_when_the_story_names_the_town():
    found = [
        (m.text, m.rule) for m in extract("Rain fell on Dubuque, Iowa, on Monday. (Photo: Dubuque PD)").place_mentions
    ]
    assert ("Dubuque", "places.embedded_story_town") in found
    assert "Dubuque" not in mentions("Rain fell on Monday. (Photo: Dubuque PD)")


def test_a_team_city_abroad_is_its_city_but_a_word_named_party_is_no_town():
    found = mentions("Fans in Ontario, Canada, cheered as the Memphis Grizzlies lost to the Buffalo Bisons.")
    assert found["Buffalo"] == ("buffalo-us", "places.embedded")
    assert "Independence" not in mentions("Rain fell in Ontario, Canada, and the UK Independence Party met.")


def test_two_countries_joined_by_a_hyphen_inside_a_name_are_both_mentions():
    found = mentions("Members of the Chile-Peru Friendship Group met on Monday.")
    assert found["Chile"] == ("cl", "places.embedded")
    assert found["Peru"] == ("pe", "places.embedded")
    assert "Pacific" not in mentions("The Trans-Pacific Partnership talks stalled on Monday.")


def test_a_team_tagged_as_a_person_or_named_after_a_world_city_that_is_a_first_name_gives_its_city():
    found = mentions("The win lifted Preston Rovers above Norwich Wanderers on Saturday.")
    assert found["Preston"][1] == "places.embedded"
    assert found["Norwich"] == ("norwich-gb", "places.embedded")
    found = mentions("The Philadelphia Eagles beat the Houston Texans, and the Dallas Cowboys lost.")
    assert found["Houston"][0].startswith("houston") and found["Houston"][0].endswith("-us")
    assert "Dallas" in found
    # a person's name is no team: a first name that is also a city, then a surname ending in 's'
    assert not {"Houston", "Mary", "Elizabeth"} & set(
        mentions("Whitney Houston, Mary Travers and Elizabeth Myles sang.")
    )


def test_a_province_abbreviation_tagged_alone_closes_a_name():
    found = mentions("Claims go to WorkSafe BC by phone.")
    assert found["BC"][1] == "places.embedded"
    assert "BC" not in mentions("BC said on Monday that it would appeal.")


def test_a_town_the_story_names_gives_a_mention_at_the_start_of_its_bodies_names():
    story = extract("Rain fell on Dubuque, Iowa, on Monday. Staff of the Dubuque Energy Group went home.")
    found = [(m.text, m.key, m.rule) for m in story.place_mentions if m.rule == "places.embedded_story_town"]
    assert found == [("Dubuque", "dubuque-us", "places.embedded_story_town")]
    # a town the story does not name on its own gives no mention from a body's name
    assert "Dubuque" not in mentions("Staff of the Dubuque Energy Group went home on Monday.")
    # the first word of a longer town's name is no town of its own ('Morgan' of 'Morgan Hill')
    assert "Morgan" not in mentions("Crews in Morgan Hill, California, worked late. The Morgan Hill Times said so.")


def test_a_country_adjective_starting_an_organisation_name_gives_the_country():
    found = mentions("Soldiers of the Ghanaian Army and the Portuguese Red Cross reached the camp on Monday.")
    assert found["Ghanaian"] == ("gh", "places.embedded_demonym")
    assert found["Portuguese"] == ("pt", "places.embedded_demonym")
    found = mentions("A reporter for the BBC Turkish Service spoke to the South African Weather Service.")
    assert found["Turkish"] == ("tr", "places.embedded_demonym")
    assert found["South African"] == ("za", "places.embedded_demonym")


def test_a_continent_adjective_starting_an_organisation_name_gives_the_continent():
    found = mentions("The African Development Bank and the Asian Games committee met on Monday.")
    assert found["African"] == ("africa", "places.embedded_demonym")
    assert found["Asian"] == ("asia", "places.embedded_demonym")
    assert "African" not in mentions("The state's African-American Heritage Commission met on Monday.")


def test_a_country_adjective_qualifying_another_word_or_alone_gives_no_place():
    found = mentions(
        "Members of the Native American Rights Fund and the European Chemicals Agency met French diplomats."
    )
    assert not {"American", "European", "French"} & set(found)
    assert "American" not in mentions("The African-American Heritage Society opened a museum.")
    assert "Omani" not in mentions("Doctors at the Omani Hospital treated the wounded overnight.")


def test_state_abbreviation_after_a_town_is_a_mention_of_the_state():
    found = mentions("The plant in Lexington, Ky., will close, and a second one in Charleston, W.Va., will not.")
    assert found["Ky."] == ("us-ky", "places.state_abbreviation")
    assert found["W.Va."] == ("us-wv", "places.state_abbreviation")
    assert found["Lexington"][0].endswith("-us") or "-us-" in found["Lexington"][0]


def test_a_dateline_after_a_headline_run_into_the_paragraph():
    found = mentions("Council votes on new budget. SPRINGFIELD, Ill. -- The city council voted on Monday.")
    assert found["SPRINGFIELD"][1] == "places.dateline"
    assert found["Ill."] == ("us-il", "places.state_abbreviation")


def test_a_town_tagged_as_an_organisation_is_the_town_of_the_story_state():
    table = rows("Storms hit Ohio on Monday, and Lancaster declared an emergency.")
    assert (table["Lancaster"]["country_code"], table["Lancaster"]["type"]) == ("US", "city")
    assert 39.5 < table["Lancaster"]["latitude"] < 40  # Lancaster, Ohio, not Pennsylvania or England


def test_a_surname_of_a_person_of_the_story_is_not_taken_for_a_town():
    found = mentions("Ann Nelson, a nurse in Ohio, said Nelson would not run again.")
    assert "Nelson" not in found and "Ann Nelson" not in found


def test_a_seat_of_government_is_no_place():
    assert mentions("Officials at the White House met envoys from Ohio.").keys() == {"Ohio"}


def test_a_street_lies_in_the_town_of_the_story():
    table = rows("Police in Gainesville, Florida, closed Darby Street on Monday.")
    street = table["Darby Street"]
    assert (street["type"], street["country_code"]) == ("other", "US")
    assert abs(street["latitude"] - table["Gainesville"]["latitude"]) < 0.01


def test_a_world_city_name_in_a_story_about_a_state_with_a_namesake_is_the_town():
    table = rows("Voters in Texas went to the polls. In Paris, the mayor won a second term.")
    assert (table["Paris"]["country_code"], table["Paris"]["latitude"] < 40) == ("US", True)


def test_a_country_name_is_the_namesake_town_near_the_story_other_towns():
    # Tyler and Jacksonville, Texas lie beside Palestine, Texas
    found = mentions("Crews from Tyler and Jacksonville helped Palestine restore power on Monday.")
    assert found["Palestine"] == ("palestine-us", "places.country_or_namesake_town")


def test_a_country_name_in_a_story_about_a_state_stays_the_country_with_no_town_near():
    # a Texas town is named China, but a Texas story speaks of the country
    found = mentions("Farmers in Houston, Texas, said exports to China fell in March.")
    assert found["China"][0] == "cn"


def test_a_state_abbreviation_inside_an_agency_name():
    found = mentions("The S.C. Department of Revenue mailed the refunds on Monday.")
    assert found["S.C."] == ("us-sc", "places.embedded")


def test_the_first_part_of_a_person_name_split_by_the_tagger_is_no_town():
    found = mentions("Officials in Myanmar met Aung San Suu Kyi, the country's leader, on Monday.")
    assert "Aung San" not in found and found["Myanmar"][0] == "mm"


def test_a_river_or_lake_takes_the_country_the_story_is_set_in():
    ex = extract(
        "Volunteers cleared rubbish from the Tenmile Creek and the Harlow River near Akron, Ohio, on Saturday."
    )
    river = next(m for m in ex.place_mentions if m.text == "Harlow River")
    assert river.rule == "places.feature_in_story_country"
    assert next(p for p in ex.places if p.key == river.key).country_code == "US"


def test_a_sea_keeps_no_country_in_a_story_set_in_one():
    ex = extract("Ships crossed the Red Sea on Monday, port officials in Cairo said.")
    sea = next(m for m in ex.place_mentions if m.text == "Red Sea")
    assert next(p for p in ex.places if p.key == sea.key).country_code == ""


def test_a_town_with_namesakes_is_the_one_near_the_other_towns_of_the_story():
    # Gainesville, Florida is the most populous namesake; Denton and Sherman lie beside Gainesville, Texas
    table = rows("GAINESVILLE — Police in Denton and Sherman searched for the driver on Monday.")
    town = table["Gainesville"]
    assert town["country_code"] == "US" and 33 < town["latitude"] < 34 and -98 < town["longitude"] < -96.5
    found = mentions("GAINESVILLE — Police in Denton and Sherman searched for the driver on Monday.")
    assert found["GAINESVILLE"][1] == "places.nearby_namesake"


def test_towns_far_apart_keep_their_usual_reading():
    # no other town of the story lies near a smaller namesake: each keeps its most populous reading
    table = rows("Talks in Richmond and Norfolk ended on Monday.")
    assert 37 < table["Richmond"]["latitude"] < 38 and 36.5 < table["Norfolk"]["latitude"] < 37.2


def test_a_province_abbreviation_inside_a_name_or_after_a_town():
    assert mentions("The Small Business BC office opened in Nelson on Monday.")["BC"] == (
        "british-columbia-ca",
        "places.embedded",
    )
    assert mentions("Police in Windsor, Ont., said the road was closed.")["Windsor"][0] == "windsor-ca"


def test_the_last_word_of_a_building_name_is_no_division():
    # 'Centre' is also the name of a first-level division (in France and Burkina Faso)
    assert "Centre" not in mentions("Fans packed the Rogers Centre in Toronto on Friday.")


def test_a_direction_word_before_a_state_in_a_story_about_us_states():
    found = mentions("Rain fell across north Georgia on Tuesday, forecasters in Atlanta said.")
    assert found["north Georgia"][0] == "north-georgia-us"
    assert mentions("Fighting flared in north Georgia near Tbilisi.")["north Georgia"][0] == "north-georgia-ge"


def test_a_province_abbreviation_split_from_its_full_stop_places_the_town():
    # spaCy splits 'Ont.' into 'Ont' and '.': the abbreviation still places London in Canada and is a mention
    found = mentions("Police in London, Ont., said a truck hit a bus on Monday.")
    assert found["London"][0] == "london-ca"
    assert found["Ont."] == ("ontario-ca", "places.state_abbreviation")
    assert mentions("Snow closed schools in Kingston, Ont. on Tuesday.")["Kingston"][0] == "kingston-ca"


def test_a_state_name_is_the_state_not_a_city_called_after_it_in_full():
    assert mentions("Tornadoes hit Oklahoma on Monday.")["Oklahoma"][0] == "us-ok"
    assert mentions("Tornadoes hit Oklahoma City on Monday.")["Oklahoma City"][0] == "oklahoma-city-us"
    # a world city keeps its short name
    assert mentions("Traders in New York sold shares on Monday.")["New York"][0] == "new-york-city-us"


def test_a_country_abbreviation_is_never_a_town_near_the_story():
    # a French commune is spelled 'Us' and lies near Paris and Versailles; 'US' is still the country
    found = mentions("Ministers met in Paris and Versailles on Monday, and the US sent an envoy.")
    assert found["US"][0] == "us"


def test_a_town_and_a_county_of_the_story_are_the_namesakes_lying_together():
    # Paris lies in the Henry County of Tennessee; the story names no state
    found = mentions("A Paris woman was hurt on Sunday, Henry County deputies said.")
    assert found["Paris"] == ("paris-us-4647963", "places.town_in_county")
    assert found["Henry County"] == ("henry-county-us-tn", "places.town_in_county")
    table = rows("A Paris woman was hurt on Sunday, Henry County deputies said.")
    assert 35.5 < table["Paris"]["latitude"] < 37 and -89.5 < table["Paris"]["longitude"] < -87.5
    # a country's name that is also a town's: the town of the county the story names
    assert mentions("The Palestine council met on Monday, Anderson County officials said.")["Palestine"][0] == (
        "palestine-us"
    )
    # the state the story names wins over a pair lying elsewhere
    found = mentions("Officials in Paris and Lyon said on Monday that Henry County in Georgia would get a twin town.")
    assert found["Paris"][0] == "paris-fr" and found["Henry County"][0] == "henry-county-us-ga"


def test_a_region_named_by_a_direction_takes_the_point_of_its_whole():
    table = rows("Shelling hit northern Israel and the Golan on Monday.")
    israel = resolve_place("Israel")
    assert table["northern Israel"]["latitude"] == israel.latitude
    assert table["northern Israel"]["longitude"] == israel.longitude
    assert table["northern Israel"]["geonames_id"] is None


def test_the_holy_see_is_the_state_once():
    found = [(m.text, m.key) for m in extract("The Holy See said on Monday that the Pope would travel.").place_mentions]
    assert found == [("Holy See", "va")]


def test_a_one_word_province_inside_a_name_is_a_place_mention():
    assert mentions("The Manitoba Hydro board met in Winnipeg on Monday.")["Manitoba"] == (
        "manitoba-ca",
        "places.embedded",
    )
    # a one-word region of no country inside a name is an adjective
    assert "Pacific" not in mentions("Officers of the Pacific Fleet sailed on Monday.")


def test_a_town_tagged_as_an_organisation_near_the_story_towns_is_a_place():
    found = mentions("Crews from Leeds and Bradford joined Dewsbury firefighters on Monday.")
    assert found["Dewsbury"] == ("dewsbury-gb", "places.town_of_the_story")


def test_a_dateline_with_an_agency_and_no_dash_after_a_joined_headline():
    found = mentions("Talks end  QUETTA, May 3 (APP): The governor opened a school on Monday.")
    assert found["QUETTA"] == ("quetta-pk", "places.dateline")
    assert mentions("Army retakes town. BEIRUT (AP) The army said on Monday it held the hills.")["BEIRUT"] == (
        "beirut-lb",
        "places.dateline",
    )
    # an acronym and its expansion in brackets is no dateline
    assert "NATO" not in mentions("NATO (the alliance) met in Brussels on Monday.")


def test_a_state_inside_a_name_sets_the_country_of_the_story_streets():
    found = mentions("Staff of the Oregon State Library met on Vane Street on Monday.")
    assert found["Vane Street"] == ("vane-street-us", "places.street")


def test_a_piece_of_a_longer_place_name_is_not_a_place_inside_it():
    # spaCy tags 'the Western Australia' as an organisation here; 'Australia' is part of the state's name
    found = mentions("Crews were sent to the New South Wales coast and the Western Australia outback on Monday.")
    assert "South Wales" not in found
    assert "Wales" not in found
    assert found["New South Wales"][0] == "new-south-wales-au"
    # a place that is the whole name of something else still counts ('the Ohio Department of Health')
    assert mentions("Staff of the West Virginia Department of Health met.")["West Virginia"][0] == "us-wv"
