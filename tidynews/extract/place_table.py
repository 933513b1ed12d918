"""The places table: one row per place across the corpus, from the places and mentions of every article.

Owns the choice of each place's displayed name (the form the articles write most for a city, the canonical name
for countries and curated regions). tidynews.extract.places finds and resolves the mentions.
"""

from __future__ import annotations

from collections import Counter

from tidynews.extract.common import ArticleExtraction, Entity
from tidynews.extract.countries import fold
from tidynews.extract.gazetteer import cities_named, curated_regions


def _display_form(written: str) -> str:
    """'JAKARTA' (a dateline) -> 'Jakarta'; other forms as written."""
    return written.title() if written.isupper() and len(written) > 3 else written


def _is_name_of(written: str, place: Entity) -> bool:
    """True when a written form may stand as the name of the place: for a city, a spelling the gazetteer lists
    for that very city ('Misrata' for Misratah, not 'Hague' for The Hague)."""
    if place.type != "city" or place.geonames_id is None:
        return True
    return any(c["geonameid"] == place.geonames_id for c in cities_named().get(fold(written), []))


def resolve_places(extractions: list[ArticleExtraction]) -> list[dict]:
    """One row per place across the corpus; the place_id is already corpus-wide.

    Countries and curated regions keep their canonical name; cities and 'northern Israel' style regions take
    the form the articles write most often ('Misrata', not GeoNames' 'Misratah'), the gazetteer name breaking ties.
    """
    merged: dict[str, Entity] = {}
    forms: dict[str, Counter] = {}
    for ex in extractions:
        for ent in ex.places:
            cur = merged.setdefault(ent.key, ent)
            cur.aliases |= ent.aliases
        for m in ex.place_mentions:
            forms.setdefault(m.key, Counter())[_display_form(m.text)] += 1
    rows = []
    for key, e in sorted(merged.items()):
        name = e.name
        is_curated = fold(e.name) in curated_regions() or e.type == "country" or e.geonames_id and e.type == "region"
        counts = Counter({f: n for f, n in forms.get(key, Counter()).items() if _is_name_of(f, e)})
        if not is_curated and counts:
            name = max(counts, key=lambda f: (counts[f], f == e.name))
        rows.append(
            {
                "place_id": key,
                "name": name,
                "type": e.type,
                "country_code": e.country_code,
                "latitude": e.latitude,
                "longitude": e.longitude,
                "geonames_id": e.geonames_id,
                "aliases": " | ".join(sorted(a for a in e.aliases if a != name)),
            }
        )
    return rows
