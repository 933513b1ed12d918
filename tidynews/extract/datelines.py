"""Datelines: the one reader of a wire dateline at the start of a paragraph, for every extractor.

A dateline is the all-capital place (or places, joined by '/') a story was filed from, optionally followed by a
comma and the state, province or country ("KYIV, Ukraine", "SPRINGFIELD, Ill.", "HALIFAX, N.S."), optionally a
date ("WASHINGTON, Jan 5") and a news agency in brackets ("(AP)", "(Reuters)"), then a dash or an em dash.

API: `read_dateline(text)` -> a `Dateline` or None. Offsets are into `text` (the paragraph): `places` the spans
of the capitalised places, `area` the span of the name after the comma, `agency` the agency inside the brackets,
and `end` where the story proper starts (after the dash and its spaces), so a quote reader can skip it and an
actor reader can tell that the city is no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’ /-]*[A-Z.])"
    rf"(?:,\s*(?!{_MONTH})(?P<area>[A-Z][\w.'’ -]{{1,30}}?))?"
    rf"(?:,\s*(?P<date>{_MONTH}))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\)\s*)?"
    r"(?:--|[-—–])\s+"
)


@dataclass(frozen=True)
class Dateline:
    """Where the parts of a dateline are in the paragraph (character offsets, end exclusive)."""

    places: tuple[tuple[int, int], ...]  # 'KYIV'; 'WASHINGTON' and 'BEIJING' of 'WASHINGTON/BEIJING'
    area: tuple[int, int] | None  # 'Ukraine' of 'KYIV, Ukraine (AP) —'
    agency: tuple[int, int] | None  # 'AP' of '(AP)'
    end: int  # the first character of the story after the dateline

    @property
    def place_end(self) -> int:
        """The end of the place part (city and area), before any date, agency or dash."""
        return max(e for _, e in (*self.places, *([self.area] if self.area else [])))


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text`, or None.

    "KYIV, Ukraine (AP) — Russian forces..." -> places ((0, 4),), area (6, 13), agency (15, 17), end 21.
    """
    match = DATELINE.match(text)
    if match is None:
        return None
    places = []
    for part in re.finditer(r"[^/]+", match.group("city")):
        name = part.group().strip()
        if len(name) >= 3:
            start = match.start("city") + part.start() + (len(part.group()) - len(part.group().lstrip()))
            places.append((start, start + len(name)))
    if not places:
        return None
    area = match.span("area") if match.group("area") else None
    if area is not None:
        area = (area[0], area[0] + len(match.group("area").rstrip()))
    agency = match.span("agency") if match.group("agency") else None
    return Dateline(tuple(places), area, agency, match.end())
