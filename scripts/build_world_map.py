"""Build depesha/web/static/vendor/world-110m.geo.json, the world map's outline, from Natural Earth's 1:110m countries.

Source: the npm package world-atlas 2.0.2 (ISC; the data is Natural Earth, public domain), file countries-110m.json
(TopoJSON keyed by ISO 3166-1 numeric codes). sha256 of the tarball world-atlas-2.0.2.tgz:
032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97; of countries-110m.json:
2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py /tmp/package/countries-110m.json           # rewrite the committed file
    python scripts/build_world_map.py /tmp/package/countries-110m.json --check   # exit 1 if it differs

The output is GeoJSON with one feature per code, `properties.name` = our ISO alpha-2 code (numeric -> alpha-2 from
depesha/data/country_numeric.tsv), coordinates rounded to 0.01 degree with repeated points dropped, features in code
order: the same input gives the same bytes. Three outlines have no numeric code: Kosovo is drawn as XK (our
user-assigned code), N. Cyprus and Somaliland as parts of CY and SO (countries.tsv follows UN membership).
Antarctica is left out (no events, a third of the map's height); rings across the 180th meridian (Chukotka, Fiji)
are cut there into one ring on each side, so that a flat map draws no stripe across the world.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from depesha.data import COUNTRY_NUMERIC, load_table  # noqa: E402

OUTPUT = ROOT / "depesha" / "web" / "static" / "vendor" / "world-110m.geo.json"
SOURCE_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}   # outlines without a numeric code
LEFT_OUT = {"010"}                                                   # Antarctica
DIGITS = 2

Ring = list[tuple[float, float]]


# TOPOJSON


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Delta-encoded quantized arcs -> absolute (longitude, latitude) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch(ring: list[int], arcs: list[Ring]) -> Ring:
    """One ring from its arc indexes (~i is arc i reversed); each arc after the first starts where the last ended."""
    points: Ring = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def quantize(ring: Ring) -> list[list[float]]:
    """Points rounded to DIGITS decimals, a point equal to the one before dropped; a ring keeps at least 4 points."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else [[round(x, DIGITS), round(y, DIGITS)] for x, y in ring]


def close(ring: list[list[float]]) -> list[list[float]]:
    """The ring without repeated points, ending where it starts."""
    out = [point for i, point in enumerate(ring) if i == 0 or point != ring[i - 1]]
    return out if out[0] == out[-1] else [*out, out[0]]


def split_antimeridian(ring: list[list[float]]) -> list[list[list[float]]]:
    """A ring that crosses the 180th meridian (Chukotka, Fiji) -> one ring on each side, closed along the meridian:
    drawn flat, the crossing would be a stripe across the whole map."""
    crossings = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if not crossings:
        return [ring]
    if len(crossings) != 2:
        raise ValueError(f"a ring crosses the 180th meridian {len(crossings)} times, expected 2")
    parts, part = [], [ring[0]]
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if abs(x1 - x0) > 180:
            side = 180.0 if x0 > 0 else -180.0
            unwrapped = x1 + 360 if x0 > 0 else x1 - 360
            y = round(y0 + (side - x0) / (unwrapped - x0) * (y1 - y0), DIGITS) if unwrapped != x0 else y0
            parts.append([*part, [side, y]])
            part = [[-side, y]]
        part.append([x1, y1])
    first, middle, last = [*parts, part]
    return [close(middle), close(last + first[1:])]


def polygons(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[list[list[float]]]]:
    """A Polygon or MultiPolygon as a list of polygons (rings of points); a polygon across the 180th meridian
    (no holes there) becomes two."""
    shapes = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    out = []
    for shape in shapes:
        rings = [quantize(stitch(ring, arcs)) for ring in shape]
        halves = split_antimeridian(rings[0])
        out.extend([[half] for half in halves] if len(halves) > 1 else [rings])
    return out


# GEOJSON


def load_numeric() -> dict[str, str]:
    """ISO numeric code -> alpha-2, from depesha/data/country_numeric.tsv."""
    return {numeric: iso2 for iso2, numeric in load_table(COUNTRY_NUMERIC, 2)}


def build(topology: dict[str, Any], numeric: dict[str, str]) -> dict[str, Any]:
    """Features keyed by alpha-2 (outlines of one code merged into one MultiPolygon), in code order."""
    arcs = decode_arcs(topology)
    shapes: dict[str, list[Any]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        key = geometry.get("id")
        if key in LEFT_OUT:
            continue
        code = numeric[key] if key is not None else BY_NAME[geometry["properties"]["name"]]
        shapes.setdefault(code, []).extend(polygons(geometry, arcs))
    features = [{"type": "Feature", "properties": {"name": code},
                 "geometry": {"type": "MultiPolygon", "coordinates": shapes[code]} if len(shapes[code]) > 1
                 else {"type": "Polygon", "coordinates": shapes[code][0]}} for code in sorted(shapes)]
    return {"type": "FeatureCollection", "features": features}


def dump(collection: dict[str, Any]) -> str:
    """Compact JSON, one feature a line (readable diffs)."""
    lines = [json.dumps(feature, separators=(",", ":"), ensure_ascii=True) for feature in collection["features"]]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="countries-110m.json of world-atlas 2.0.2")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    args = parser.parse_args()
    raw = args.source.read_bytes()
    if hashlib.sha256(raw).hexdigest() != SOURCE_SHA256:
        print(f"{args.source}: not the countries-110m.json of world-atlas 2.0.2 (sha256 differs)", file=sys.stderr)
        return 2
    text = dump(build(json.loads(raw), load_numeric()))
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.name}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT.name}: {text.count(chr(10)) - 1} features, {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
