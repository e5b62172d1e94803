"""The world map (/map and /charts/map.json): counts against the store, counterpart mode, links, errors, the outline."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from depesha.store import open_store
from depesha.store.fixtures import PEOPLE, article_id, make_record
from depesha.web.pages.worldmap import OUTLINE

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_world_map.py"


def store_counts(db: Path, focus: str | None = None, category: str | None = None, since: str | None = None) -> Counter:
    """Events per country (or per counterpart of `focus`, the focus's own total under its code), read from the
    clusters table directly."""
    counts: Counter[str] = Counter()
    rows = sqlite3.connect(db).execute("SELECT countries, category, date FROM clusters").fetchall()
    for countries, cat, date in rows:
        codes = set(countries.split())
        if (focus and focus not in codes) or (category and cat != category) or (since and not (date and date >= since)):
            continue
        counts.update(codes)
    return counts


def json_counts(data: dict) -> Counter:
    return Counter({row["code"]: row["events"] for row in data["countries"]})


# COUNTS


@pytest.mark.parametrize("params", [{}, {"category": "CONSULT"}, {"since": "2025-06-01"},
                                    {"category": "AGREE", "since": "2025-01-01"}])
def test_map_counts_equal_the_store(client, web_db, params):
    data = client.get("/charts/map.json", params=params).json()
    expected = store_counts(web_db, **params)
    assert json_counts(data) == expected and expected
    assert data["focus"] is None
    assert [row["events"] for row in data["countries"]] == sorted(expected.values(), reverse=True)


@pytest.mark.parametrize("focus", ["KZ", "MX", "RU"])
def test_map_counterparts(client, web_db, focus):
    data = client.get("/charts/map.json", params={"country": focus}).json()
    expected = store_counts(web_db, focus=focus)
    assert data["focus"]["code"] == focus and data["total"] == expected.pop(focus) > 0
    assert json_counts(data) == expected
    assert all(row["href"] == "/pairs/" + "-".join(sorted([focus, row["code"]])) for row in data["countries"])


def test_map_counterparts_by_name(client):
    """The country filter takes a name in any case, as on the other pages."""
    assert client.get("/charts/map.json?country=Казахстана").json()["focus"]["code"] == "KZ"


@pytest.mark.parametrize("params, href", [
    ({}, "/events?country={code}"),
    ({"category": "CONSULT"}, "/events?category=CONSULT&country={code}"),
    ({"since": "2025-01-01", "topic": "diplomatic"}, "/events?since=2025-01-01&topic=diplomatic&country={code}"),
])
def test_map_click_keeps_filters(client, params, href):
    rows = client.get("/charts/map.json", params=params).json()["countries"]
    assert rows and all(row["href"] == href.format(code=row["code"]) for row in rows)


def test_map_names_every_country(client):
    names = client.get("/charts/map.json").json()["names"]
    assert names["KZ"] == "Kazakhstan" and names["MC"] == "Monaco" and len(names) == 199


# THE PAGE


def table_rows(html: str) -> list[tuple[str, str, int]]:
    """(href, code, events) of each row of the page's table."""
    body = html.split('id="map-table"')[1].split("</table>")[0]
    return [(href, code, int(n)) for href, code, n in re.findall(
        r'<tr><td>\d+</td><td><a href="([^"]+)">.*?<span class="cc">(\w\w)</span></a>.*?</td><td>(\d+)</td></tr>', body)]


@pytest.mark.parametrize("url", ["/map", "/map?country=KZ", "/map?category=CONSULT&since=2025-06-01"])
def test_map_page_table_matches_json(client, url):
    html = client.get(url).text
    data = client.get(url.replace("/map", "/charts/map.json")).json()
    assert table_rows(html.replace("&amp;", "&")) == [(row["href"], row["code"], row["events"]) for row in data["countries"]]
    assert 'data-src="/charts/map.json' in html and 'data-outline="/static/vendor/world-110m.geo.json"' in html


def test_map_page_counterpart_header(client, web_db):
    html = client.get("/map?country=KZ").text
    total = store_counts(web_db, focus="KZ")["KZ"]
    assert "Counterparts of" in html and f"{total} events of" in html and 'href="/map">all countries' in html


def test_map_in_the_nav(client):
    assert '<a href="/map" aria-current="page">Map</a>' in client.get("/map").text
    assert '<a href="/map">Map</a>' in client.get("/").text


@pytest.mark.parametrize("query, message", [
    ("country=ZZ", "unknown country code"),
    ("since=2025-13-01", "bad date"),
    ("category=NOPE", "unknown category"),
])
def test_map_bad_filter(client, query, message):
    page = client.get(f"/map?{query}")
    assert page.status_code == 400 and message in page.text and "<!doctype html>" in page.text
    chart = client.get(f"/charts/map.json?{query}")
    assert chart.status_code == 400 and message in chart.json()["error"]["message"]


# SMALL STATES, REPEATED DATES


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """Events between KZ and Singapore (no outline at 1:110m), and two KZ-MX reports of different dates (the
    country link table then holds each event once per date)."""
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    singapore = copy.deepcopy(make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28", source="kz-sg"))
    singapore["article"]["text"] += "\nСингапур."
    singapore["article"]["id"] = article_id(singapore["article"]["text"])
    for event in singapore["events"]:
        event["countries"] = ["KZ", "SG"]
    records = [singapore, make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28", source="a"),
               make_record(PEOPLE[0], PEOPLE[3], date="2025-11-30", source="b")]
    path = tmp_path_factory.mktemp("map") / "small.db"
    store = open_store(str(path))
    with store.writer() as writer:
        writer.add_many(records)
    store.close()
    with TestClient(create_app(Settings(db=str(path)))) as client:
        client.cookies.set("depesha_lang", "en")
        yield client, path


def test_map_small_state_in_the_table(small_store):
    client, _ = small_store
    data = client.get("/charts/map.json").json()
    rows = {row["code"]: row for row in data["countries"]}
    assert rows["SG"]["outline"] is False and rows["KZ"]["outline"] is True and rows["SG"]["events"] > 0
    html = client.get("/map").text
    assert ("/events?country=SG", "SG", rows["SG"]["events"]) in table_rows(html)
    assert html.count("not on the map") == 1


@pytest.mark.parametrize("query", ["", "?country=KZ", "?country=MX", "?since=2025-01-01"])
def test_map_counts_each_event_once(small_store, query):
    """Whatever dates its reports gave an event, it counts once (as in the event table's total)."""
    client, path = small_store
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) > count(DISTINCT cluster) FROM cluster_countries").fetchone()[0]  # the trap
    data = client.get("/charts/map.json" + query).json()
    counts = json_counts(data)
    if data["focus"]:
        counts[data["focus"]["code"]] = data["total"]
    events = client.get("/api/events" + (query or "?") + "&limit=500").json()["items"]
    assert counts == Counter(code for event in events for code in set(event["countries"]))
# THE OUTLINE


@pytest.fixture(scope="module")
def outline():
    return json.loads(OUTLINE.read_text(encoding="utf-8"))


def test_outline_keys(outline):
    from depesha.data import COUNTRY_NUMERIC, load_table
    from depesha.store.filters import known_countries

    keys = [feature["properties"]["name"] for feature in outline["features"]]
    assert keys == sorted(set(keys))
    assert set(keys) <= known_countries() | {row[0] for row in load_table(COUNTRY_NUMERIC, 2)}
    assert {"KZ", "RU", "MX", "XK", "CY", "SO", "GL"} <= set(keys) and not {"AQ", "SG", "MC"} & set(keys)


def test_outline_is_small_and_quantized(outline):
    assert OUTLINE.stat().st_size < 300_000
    text = OUTLINE.read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{3}", text)                 # two decimals at most
    for feature in outline["features"]:
        polygons = feature["geometry"]["coordinates"]
        polygons = polygons if feature["geometry"]["type"] == "MultiPolygon" else [polygons]
        assert all(ring[0] == ring[-1] and len(ring) >= 4 for polygon in polygons for ring in polygon)


def test_outline_no_stripe_across_the_map(outline):
    """No edge jumps across the 180th meridian (drawn flat, it would cross the whole world)."""
    for feature in outline["features"]:
        polygons = feature["geometry"]["coordinates"]
        polygons = polygons if feature["geometry"]["type"] == "MultiPolygon" else [polygons]
        rings = [ring for polygon in polygons for ring in polygon]
        assert all(abs(b[0] - a[0]) <= 180 for ring in rings for a, b in zip(ring, ring[1:], strict=False)), feature["properties"]


def test_outline_licence_next_to_it():
    text = (OUTLINE.parent / "world-110m.LICENSE").read_text(encoding="utf-8")
    assert "public domain" in text and "ISC" in text and "world-atlas 2.0.2" in text


def test_outline_served_with_the_static_cache(client):
    response = client.get("/static/vendor/world-110m.geo.json")
    assert response.status_code == 200 and response.headers["cache-control"] == "public, max-age=86400"


# THE BUILD SCRIPT (on a hand-made topology: the real source needs npm)


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_world_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOPOLOGY = {
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [[[0, 0], [2, 0], [0, 4]],        # (10,20) (11,20) (11,21)
             [[2, 4], [-2, 0], [0, -4]]],     # (11,21) (10,21) (10,20)
    "objects": {"countries": {"geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "398", "properties": {"name": "Kazakhstan"}},
        {"type": "Polygon", "arcs": [[~1, ~0]], "id": None, "properties": {"name": "Kosovo"}},
        {"type": "Polygon", "arcs": [[0, 1]], "id": "010", "properties": {"name": "Antarctica"}},
    ]}},
}


@pytest.mark.parametrize("ring, points", [
    ([0, 1], [(10, 20), (11, 20), (11, 21), (10, 21), (10, 20)]),
    ([~1, ~0], [(10, 20), (10, 21), (11, 21), (11, 20), (10, 20)]),
])
def test_build_stitches_arcs(build, ring, points):
    assert build.stitch(ring, build.decode_arcs(TOPOLOGY)) == points


def test_build_keys_and_leaves_out(build):
    collection = build.build(TOPOLOGY, {"398": "KZ"})
    assert [feature["properties"]["name"] for feature in collection["features"]] == ["KZ", "XK"]
    assert collection["features"][0]["geometry"] == {
        "type": "Polygon", "coordinates": [[[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]]}
    assert build.dump(collection).count("\n") == 4       # header, one line a feature, footer


@pytest.mark.parametrize("ring, rings", [
    ([[0, 0], [1, 0], [1, 1], [0, 0]], [[[0, 0], [1, 0], [1, 1], [0, 0]]]),                # no crossing: as it was
    ([[178, 0], [-178, 0], [-178, 2], [178, 2], [178, 0]],                                   # across, back, closed
     [[[-180.0, 0], [-178, 0], [-178, 2], [-180.0, 2], [-180.0, 0]],
      [[180.0, 2], [178, 2], [178, 0], [180.0, 0], [180.0, 2]]]),
    ([[179, 0], [-180, 1], [-179, 2], [180, 3], [179, 0]],                                   # points on the meridian
     [[[-180.0, 1], [-179, 2], [-180.0, 3], [-180.0, 1]], [[180.0, 3], [179, 0], [180.0, 1], [180.0, 3]]]),
])
def test_build_splits_at_the_antimeridian(build, ring, rings):
    assert build.split_antimeridian(ring) == rings


@pytest.mark.parametrize("lang, with_words, some_label", [
    ("ru", "с участием", r"^\d+ событи(е|я|й)$"),
    ("en", "with", r"^\d+ events?$"),
])
def test_map_tooltip_words_follow_the_language(client, lang, with_words, some_label):
    """The tooltips' words come from the server in the page's language, with the plural form of each count."""
    import re

    data = client.get("/charts/map.json", params={"country": "KZ", "lang": lang}).json()
    assert with_words in data["text"]["with"] and "{label}" in data["text"]["in_all"]
    assert data["countries"] and all(re.match(some_label, row["label"]) for row in data["countries"])
    assert data["focus"]["label"].startswith(str(data["focus"]["events"]))
    client.get("/map", params={"lang": "en"})     # the session's client reads English
