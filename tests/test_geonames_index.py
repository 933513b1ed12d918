"""The GeoNames index's country points: the centroid of a country's main territory, averaged with the rounded
point."""

import math

from tidynews.extract import geonames_index


def _square(x0: float, y0: float, side: float) -> list[list[float]]:
    return [[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side], [x0, y0]]


def test_largest_part_centroid_ignores_small_islands() -> None:
    # a 10-degree square mainland centred on (lat 45, lon -95) and a far small island, as a MultiPolygon
    outline = {
        "features": [
            {
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[_square(-160.0, 19.0, 1.0)], [_square(-100.0, 40.0, 10.0)]],
                }
            }
        ]
    }
    lat, lon = geonames_index._largest_part_centroid(outline)
    assert math.isclose(lat, 45.0) and math.isclose(lon, -95.0)


def test_largest_part_centroid_of_a_polygon_either_winding() -> None:
    clockwise = list(reversed(_square(10.0, -20.0, 4.0)))
    outline = {"features": [{"geometry": {"type": "Polygon", "coordinates": [clockwise]}}]}
    lat, lon = geonames_index._largest_part_centroid(outline)
    assert math.isclose(lat, -18.0) and math.isclose(lon, 12.0)


def test_largest_part_centroid_of_no_outline() -> None:
    assert geonames_index._largest_part_centroid({}) is None


def test_country_point_lies_inside_the_main_territory() -> None:
    # the middle of the contiguous United States lies in Kansas, between 37 and 40 N and 94.6 and 102 W
    lat, lon = geonames_index._country_points()["US"]
    assert 37.0 < lat < 40.0 and -102.0 < lon < -94.6
