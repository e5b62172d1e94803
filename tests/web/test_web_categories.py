"""One colour and pattern per PLOVER category everywhere, undated events counted beside a real time axis, and
lists that state their true total and page."""

import re

import pytest

from depesha.web.categories import QUADS, categories, order
from depesha.web.pages.data import fill_buckets


def test_sixteen_categories_each_with_its_own_colour_and_a_quad_class():
    found = categories()
    assert len(found) == 16
    assert len({c.colour for c in found.values()}) == 16
    assert {c.quad for c in found.values()} == set(QUADS)
    assert order(["SANCTION", "XYZ", "AGREE", "REQUEST"]) == ["AGREE", "REQUEST", "SANCTION", "XYZ"]


def test_category_css_has_one_rule_per_category_with_the_data_files_colour(client):
    response = client.get("/charts/categories.css")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    rules = dict(re.findall(r'\.cat\[data-category="(\w+)"\] \{ color: (#[0-9a-f]{6});', response.text))
    assert rules == {code: c.colour for code, c in categories().items()}


@pytest.mark.parametrize("url", ["/charts/timeline.json", "/charts/pairs/KZ-MX.json"])
def test_timeline_styles_every_series_and_counts_the_undated(client, url):
    data = client.get(url).json()
    assert set(data["styles"]) == set(data["series"])
    for code, look in data["styles"].items():
        assert look["color"] == categories()[code].colour
    drawn = sum(sum(counts) for counts in data["series"].values())
    assert drawn + data["undated"] == data["total"] > 0
    assert "" not in data["buckets"]
    assert list(data["series"]) == order(list(data["series"]))


@pytest.mark.parametrize(("buckets", "interval", "expected"), [
    (["2025-11", "2026-02"], "month", ["2025-11", "2025-12", "2026-01", "2026-02"]),
    (["1945-05", "2025-11"], "month", None),                      # 967 months: too many bars, use years
    (["1945", "2025"], "year", [str(year) for year in range(1945, 2026)]),
    (["2025-11-24", "2025-12-08"], "week", ["2025-11-24", "2025-12-01", "2025-12-08"]),
])
def test_fill_buckets_makes_a_real_time_axis(buckets, interval, expected):
    assert fill_buckets(buckets, interval) == expected


def test_pair_page_states_its_true_total_and_pages(client):
    data = client.get("/charts/pairs/KZ-MX.json").json()
    page = client.get("/pairs/KZ-MX").text
    assert f'{data["total"]} event' in page
    assert re.search(rf'1–\d+ of {data["total"]}, newest first', page)
    assert client.get("/pairs/KZ-MX?page=abc").status_code == 200
    assert re.search(rf"1–\d+ of {data['total']}", client.get("/pairs/KZ-MX?page=99999").text)  # the last page


def test_category_chip_names_its_quad_class(client):
    page = client.get("/pairs/KZ-MX").text
    assert 'data-category="CONSULT" data-quad="verbal cooperation" title="CONSULT · verbal cooperation">Consult</span>' in page


def test_event_table_pages_facets_and_downloads(client):
    page = client.get("/events").text
    total = int(re.search(r'id="events-total">(\d+) event', page).group(1))
    assert total > 0
    categories_total = sum(int(n) for n in re.findall(
        r'<li><a href="\?category=\w+"[^>]*>.*?</a> <span class="n">(\d+)</span>', page))
    assert categories_total == total                              # the category facet counts every event once
    csv_lines = client.get("/events.csv").text.strip().splitlines()
    assert csv_lines[0].startswith("id,date,category") and len(csv_lines) == total + 1
    jsonl = client.get("/events.jsonl", params={"country": "MX"}).text.strip().splitlines()
    mx = int(re.search(r'id="events-total">(\d+) event', client.get("/events?country=MX").text).group(1))
    assert len(jsonl) == mx and all("MX" in line for line in jsonl)


def test_event_table_facet_link_filters(client):
    page = client.get("/events", params={"category": "CONSULT"}).text
    assert 'href="?category=CONSULT" aria-current="true"' in page
    heads = re.findall(r'<span class="cat" data-category="(\w+)"', page.split('id="events-list"')[1])
    assert heads and set(heads) == {"CONSULT"}
    by_name = client.get("/events", params={"country": "Казахстана"}).text     # a name in any case is a country
    by_code = client.get("/events", params={"country": "KZ"}).text
    count = re.compile(r'id="events-total">(\d+) event')
    assert count.search(by_name).group(1) == count.search(by_code).group(1) != "0"
    assert client.get("/events", params={"country": "Атлантида"}).status_code == 400


def test_person_page_states_its_true_total(client, ids):
    page = client.get(f"/people/{ids['person']}").text
    total = int(re.search(r'Events attended <span class="sub">(\d+)</span>', page).group(1))
    assert total > 0 and re.search(rf"1–\d+ of {total}, newest first", page)


def test_head_of_the_overview_and_an_html_page_for_a_dead_link(client):
    assert client.head("/").status_code == 200
    page = client.get("/no/such/page", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "No such page." in page.text
    api = client.get("/api/no-such-thing")
    assert api.status_code == 404 and api.json()["error"]["code"] == "http_error"


def test_event_page_shows_related_events_both_ways_and_the_initiator(client):
    proposal = client.get("/api/events", params={"kind": "proposal", "limit": 1}).json()
    items = proposal.get("items") or proposal.get("events") or []
    assert items, proposal
    event = items[0]
    page = client.get(f"/events/{event['id']}").text
    related = re.findall(r'Same occasion: .*?<a href="/events/(\d+)">', page)
    assert related, "the proposal made at a meeting shows that meeting"
    back = client.get(f"/events/{related[0]}").text
    assert f'href="/events/{event["id"]}"' in back.split('id="related"')[1]     # and the meeting shows it
    initiator = re.search(r'<dd id="initiator" lang="ru">(.*?)</dd>', page).group(1)
    assert initiator != "—" and "/people/" in initiator


def test_search_offers_people_and_countries_and_the_person_filter(client, ids):
    page = client.get("/search", params={"q": "Кошанова"}).text        # any case of the surname
    hits = page.split('id="entity-hits"')[1].split("</ul>")[0]
    assert f'href="/people/{ids["person"]}"' in hits
    assert 'href="/countries/KZ"' in client.get("/search", params={"q": "Казахстан"}).text
    person = client.get(f"/people/{ids['person']}").text
    total = re.search(r'Events attended <span class="sub">(\d+)</span>', person).group(1)
    assert re.search(r'Articles <span class="sub">[1-9]\d*</span>', person)
    table = client.get("/events", params={"person": "Кошанов"}).text
    assert re.search(r'id="events-total">(\d+) event', table).group(1) == total


def test_organisation_filter_from_search(client):
    hits = client.get("/search", params={"q": "парламент"}).text
    link = re.search(r'href="(/events\?organization=\d+)"', hits)
    if link is None:
        pytest.skip("no organisation named 'парламент' in the fixture store")
    page = client.get(link.group(1)).text
    assert 'name="organization"' in page and re.search(r'id="events-total">\d+ event', page)


def test_a_javascript_url_is_text_and_no_server_path_is_served(client, hostile_id):
    page = client.get(f"/articles/{hostile_id}").text
    assert "javascript:window.pwned=3" in page and 'href="javascript:' not in page
    article = client.get(f"/api/articles/{hostile_id}").json()
    listing = client.get("/api/articles", params={"limit": 100}).json()["items"]
    served = str(article) + str(listing)
    assert "/srv/secret" not in served and "path" not in article and "path" not in article["record"]["article"]


def test_static_files_are_compressed_and_cached(client):
    response = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "max-age" in response.headers["cache-control"]
    assert len(response.content) > 900_000 and response.num_bytes_downloaded < 500_000


def test_network_draws_the_strongest_ties_with_clickable_countries(client):
    few = client.get("/charts/network.json", params={"ties": "5"}).json()
    many = client.get("/charts/network.json", params={"ties": "300"}).json()
    assert len(few["edges"]) == min(5, many["all_ties"]) and few["ties"] == 5
    weights = [edge["events"] for edge in many["edges"]]
    assert weights == sorted(weights, reverse=True) and few["edges"][0]["events"] == weights[0]
    assert all(node["href"] == f"/countries/{node['id']}" for node in many["nodes"])
    ends = {end for edge in few["edges"] for end in (edge["source"], edge["target"])}
    assert {node["id"] for node in few["nodes"]} == ends                    # no node without a tie


@pytest.mark.parametrize(("weighted", "kz_ru", "am_by"), [(False, 2, 1), (True, 1 + 1 / 4, 1 / 4)])
def test_country_ties_weigh_a_multilateral_event_by_its_size(weighted, kz_ru, am_by):
    from depesha.web.pages.data import pair_counts

    pairs = pair_counts([("AM BY KG KZ RU", 1), ("KZ RU", 1)], weighted)   # a summit of five, a bilateral meeting
    assert pairs[("KZ", "RU")] == kz_ru and pairs[("AM", "BY")] == am_by and len(pairs) == 10


def test_people_network_cache_follows_the_store(tmp_path):
    from depesha.store import open_store
    from depesha.store.filters import EventFilter
    from depesha.store.fixtures import make_corpus
    from depesha.web.pages import data

    records = make_corpus(60, seed=3, people=12, duplicates=0)
    store = open_store(str(tmp_path / "s.db"))
    with store.writer() as writer:
        writer.add_many(records[:30])
    with store.read() as conn:
        before = data.people_links(conn, EventFilter(), limit=300)
        assert data.people_links(conn, EventFilter(), limit=300) is before        # served from the cache
    with store.writer() as writer:
        writer.add_many(records[30:])
    with store.read() as conn:
        after = data.people_links(conn, EventFilter(), limit=300)
        data.LINK_CACHE.clear()
        fresh = data.person_link_rows(conn, EventFilter(), 300)
    store.close()
    assert after == fresh and sum(link["events"] for link in after) > sum(link["events"] for link in before)


def test_commitments_page_with_initiator_outcome_and_followups(client):
    page = client.get("/commitments").text
    total = int(re.search(r'id="commitments-total">(\d+)<', page).group(1))
    assert total > 0 and re.search(rf"1–\d+ of {total}, newest first", page)
    open_ = int(re.search(r'id="commitments-total">(\d+)<', client.get("/commitments?status=open").text).group(1))
    done = client.get("/commitments?status=followed").text
    followed = int(re.search(r'id="commitments-total">(\d+)<', done).group(1))
    assert open_ + followed == total
    if followed:
        assert re.search(r"Followed up on .*? by <a href=\"/events/\d+\">\w+</a>: a \w+ between [A-Z]{2} and [A-Z]{2}", done)
        assert " -> " not in done                                        # the rule in words, not its raw string
    assert 'Initiator: <a href="/people/' in page


def test_event_page_states_its_reports_and_the_first(client, ids):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    dated = [item for item in events if any(r.get("published") for r in item.get("reports", []))]
    assert dated
    many = max(dated, key=lambda item: len(item["reports"]))
    page = client.get(f"/events/{many['id']}").text
    reports = re.search(r'<dd id="reports-count">(\d+) article', page).group(1)
    assert int(reports) == len(many["reports"])
    first = min(r["published"] for r in many["reports"] if r.get("published"))
    assert f"first on {first} by" in page


@pytest.mark.parametrize("facet", ["kind", "topic"])
def test_event_table_kind_and_topic_facets_filter(client, facet):
    page = client.get("/events").text
    value, n = re.search(rf'id="facet-{facet}"><li><a href="\?{facet}=(\w+)"[^>]*>.*?</a> <span class="n">(\d+)</span>',
                         page).groups()
    filtered = client.get("/events", params={facet: value}).text
    assert re.search(r'id="events-total">(\d+) event', filtered).group(1) == n


def test_event_table_downloads_plover_one_line_per_event(client):
    import json

    total = int(re.search(r'id="events-total">(\d+) event', client.get("/events?country=MX").text).group(1))
    lines = client.get("/events.plover.jsonl", params={"country": "MX"}).text.strip().splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == total
    assert len({row["depesha"]["event"] for row in rows}) == total
    assert all(row["event"] and any((a or {}).get("code") == "MEX" for a in row["actor"] + row["recipient"])
               for row in rows)


def test_country_page_counterparts_people_and_timeline(client):
    page = client.get("/countries/kz").text
    total = int(re.search(r'id="country-total">(\d+) event', page).group(1))
    table = client.get("/events", params={"country": "KZ"}).text
    assert re.search(r'id="events-total">(\d+) event', table).group(1) == str(total)
    assert 'href="/pairs/KZ-MX"' in page.split('id="counterparts"')[1]
    assert "Kazakhstan" in page and 'data-src="/charts/timeline.json?country=KZ"' in page
    assert client.get("/countries/XX").status_code == 404


def test_event_table_country_facet_counts_each_event_once(tmp_path):
    """Without a filter the country facet counts events, not the (country, date) rows of an event whose reports gave
    it different dates: each count is the event table's total for that country."""
    from fastapi.testclient import TestClient

    from depesha.store import open_store
    from depesha.store.fixtures import PEOPLE, make_record
    from depesha.web.app import create_app
    from depesha.web.config import Settings

    store = open_store(str(tmp_path / "s.db"))
    with store.writer() as writer:   # two reports of one meeting, a day apart: one event, two dates
        writer.add_many([make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28", source="a"),
                         make_record(PEOPLE[0], PEOPLE[3], date="2025-11-29", source="b", agency="Trend")])
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM cluster_countries").scalar() > 2 * len(
            {code for (codes,) in conn.exec_driver_sql("SELECT countries FROM clusters") for code in codes.split()})
    store.close()
    with TestClient(create_app(Settings(db=str(tmp_path / "s.db")))) as client:
        client.cookies.set("depesha_lang", "en")
        page = client.get("/events").text
        facet = re.findall(r'<li><a href="/events\?country=(\w\w)"[^>]*>.*?</a> <span class="n">(\d+)</span>', page)
        assert len(facet) >= 2
        for code, n in facet:
            filtered = client.get("/events", params={"country": code}).text
            assert int(re.search(r'id="events-total">(\d+) event', filtered).group(1)) == int(n), code


@pytest.mark.parametrize("sort, key", [
    ("newest", lambda dates: dates == sorted(dates, reverse=True)),
    ("oldest", lambda dates: dates == sorted(dates)),
])
def test_event_table_sorts_by_date(client, sort, key):
    page = client.get("/events", params={"sort": sort}).text
    listing = page.split('id="events-list"')[1]
    dates = re.findall(r"<time>(\d{4}-[\d-]+)</time>", listing)
    assert len(dates) >= 5 and key(dates)
    assert f'<strong aria-current="true">{sort} first</strong>' in page


def test_event_table_sorts_by_reports_and_keeps_the_order_when_paging(client):
    page = client.get("/events", params={"sort": "reports", "category": "CONSULT"}).text
    assert "<strong aria-current=\"true\">most reported</strong>" in page
    assert 'name="sort" value="reports"' in page                      # the filter form keeps it
    assert client.get("/events", params={"sort": "bogus"}).status_code == 400


def test_event_table_person_and_source_facets_filter(client):
    page = client.get("/events").text
    person, name, n = re.search(r'id="facet-person"><li><a href="\?person=(\d+)"[^>]*>([^<]+)</a> <span class="n">(\d+)</span>',
                                page).groups()
    filtered = client.get("/events", params={"person": person}).text
    assert int(re.search(r'id="events-total">(\d+) event', filtered).group(1)) == int(n)
    source, m = re.search(r'id="facet-source"><li><a href="\?source=([^"]+)"[^>]*>[^<]+</a> <span class="n">(\d+)</span>',
                          page).groups()
    from urllib.parse import unquote_plus

    filtered = client.get("/events", params={"source": unquote_plus(source)}).text
    assert int(re.search(r'id="events-total">(\d+) event', filtered).group(1)) == int(m)


@pytest.mark.parametrize("size", [1, 4, 7, 100])
def test_event_table_oldest_pages_equal_one_sort(web_db, tmp_path, size):
    """Oldest first in two index reads (dated, then undated) pages exactly as one sort with the undated last."""
    import shutil
    import sqlite3

    from depesha.store import open_store
    from depesha.store.queries import fetch
    from depesha.web.pages import data

    copy = tmp_path / "undated.db"
    shutil.copy(web_db, copy)
    with sqlite3.connect(copy) as conn:   # some events without a date, both ways the store writes it
        conn.execute("UPDATE clusters SET date = '' WHERE id % 5 = 0")
        conn.execute("UPDATE clusters SET date = NULL WHERE id % 7 = 0")
    store = open_store(str(copy))
    with store.read() as conn:
        expected = [row[0] for row in fetch(conn, f"{data.EVENT_COLUMNS} WHERE 1 = 1 ORDER BY {data.ORDERS['oldest']}")]
        undated = fetch(conn, "SELECT count(*) FROM clusters WHERE date IS NULL OR date = ''")[0][0]
        pages = []
        for offset in range(0, len(expected) + size, size):
            pages += [row[0] for row in data.newest_rows(conn, ["1 = 1"], [], size, offset, "oldest")]
        whole = [row[0] for row in data.newest_rows(conn, ["1 = 1"], [], None, 0, "oldest")]
        newest = [row[0] for row in fetch(conn, f"{data.EVENT_COLUMNS} ORDER BY (NULLIF(c.date, '') IS NULL),"
                                                " c.date DESC, c.id DESC")]   # undated last, said outright
        newest_read = [row[0] for row in data.newest_rows(conn, ["1 = 1"], [], None, 0, "newest")]
    store.close()
    assert undated > 0 and len(expected) > 10
    assert pages == expected and whole == expected
    assert newest_read == newest          # descending, '' and NULL sort last by themselves


def test_event_table_country_facet_adds_a_second_country(client):
    """With a country chosen, the facet's other countries add themselves (a pair: both take part) with the count the
    pair has; the chosen one removes itself."""
    from urllib.parse import parse_qs, unquote

    page = client.get("/events", params={"country": "KZ"}).text
    facet = page.split('id="facet-country"')[1].split("</ul>")[0]
    removal = re.search(r'<a href="([^"]*)" aria-current="true"[^>]*>', facet).group(1)
    assert removal == "/events"                                          # nothing else was filtered
    href, n = re.search(r'<a href="/events\?([^"]*country=KZ%2C[A-Z]{2}[^"]*)"[^>]*>\+ .*?</a> <span class="n">(\d+)</span>',
                        facet).groups()
    pair = parse_qs(unquote(href))["country"][0]
    filtered = client.get("/events", params={"country": pair}).text
    assert int(re.search(r'id="events-total">(\d+) event', filtered).group(1)) == int(n)
    assert int(n) > 0 and pair.split(",")[0] == "KZ"
