"""The one dateline reader (tidynews.extract.datelines)."""

import pytest

from tidynews.extract.datelines import read_dateline


def parts(text):
    d = read_dateline(text)
    assert d is not None, text
    return (
        [text[s:e] for s, e in d.places],
        text[slice(*d.area)] if d.area else None,
        text[slice(*d.agency)] if d.agency else None,
        text[d.end :],
        text[: d.place_end],
    )


def test_city_area_and_agency():
    assert parts("KYIV, Ukraine (AP) — Shelling went on overnight.") == (
        ["KYIV"],
        "Ukraine",
        "AP",
        "Shelling went on overnight.",
        "KYIV, Ukraine",
    )


def test_city_alone_with_agency_and_hyphen():
    assert parts("NAIROBI (Reuters) - The talks resumed.") == (
        ["NAIROBI"],
        None,
        "Reuters",
        "The talks resumed.",
        "NAIROBI",
    )


def test_two_cities_joined_by_a_slash():
    assert parts("WASHINGTON/BEIJING (Reuters) - Trade talks stalled.")[0] == ["WASHINGTON", "BEIJING"]


def test_state_abbreviation_after_the_city():
    assert parts("SPRINGFIELD, Ill. — The governor signed the bill.")[:2] == (["SPRINGFIELD"], "Ill.")
    assert parts("ST. JOHN'S, N.L. -- Fog closed the port.")[:2] == (["ST. JOHN'S"], "N.L.")


def test_a_date_is_no_area():
    got = parts("LONDON, Jan 5 (Reuters) - Shares fell.")
    assert got[:3] == (["LONDON"], None, "Reuters")
    assert got[3] == "Shares fell."


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Leeds said on Monday that roads would close.",
        "US - China talks resume",
        "A (Reuters) - report",
        "",
    ],
)
def test_no_dateline(text):
    assert read_dateline(text) is None
