"""The one country resolver (tidynews.extract.countries)."""

import pytest

from tidynews.extract.countries import (
    clean_place_text,
    country_code,
    country_name,
    country_names,
    country_or_demonym_code,
    demonym_code,
    fold,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("France", "FR"),
        ("the United States", "US"),
        ("U.S.", "US"),
        ("Britain's", "GB"),
        ("United Kingdom", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Russian Federation", "RU"),
        ("Congo", "CD"),  # plain Congo: the Democratic Republic, as wire services write it
        ("DRC", "CD"),
        ("Republic of Congo", "CG"),
        ("Congo-Brazzaville", "CG"),
        ("Kosovo", "XK"),
    ],
)
def test_country_code_of_names_and_aliases(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["IN", "CAN", "Paris", "Springfield", "French", ""])
def test_country_code_is_empty_for_what_names_no_country(name):
    assert country_code(name) == ""


def test_demonyms_resolve_only_through_the_demonym_functions():
    assert demonym_code("French") == "FR"
    assert demonym_code("Congolese") == "CD"
    assert country_or_demonym_code("French") == "FR"
    assert country_or_demonym_code("Israel's") == "IL"
    assert country_or_demonym_code("Martian") == ""


def test_canonical_names():
    assert country_name("GB") == "United Kingdom"
    assert country_name("RU") == "Russia"
    assert country_name("TR") == "Turkey"
    assert country_name("ZZ") == "ZZ"


def test_names_table_is_folded():
    names = country_names()
    assert names["cote d'ivoire"] == "CI"
    assert all(k == fold(k) for k in names)


def test_clean_place_text_and_fold():
    assert clean_place_text("another Middle East") == "Middle East"
    assert clean_place_text("South Sudan’s") == "South Sudan"
    assert clean_place_text("parts of the U.S.") == "U.S."
    assert fold("  São   Tomé ") == "sao tome"
