"""The UI in headless Chromium against `depesha serve` on a local port, over a store of the sample articles."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(os.environ.get("DEPESHA_SHARED", ROOT.parent / "shared")) / "seed" / "kazakhstan-mexico-2025-11-28.txt"
SHOTS = Path(os.environ.get("DEPESHA_SCREENSHOTS", ROOT / "test-artifacts" / "screenshots"))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-token-93ab"
READ_TOKEN = "browser-read-token-2e7f"
HOSTILE = ("Москва, 2 декабря. Министр иностранных дел России Сергей Лавров провел встречу с министром "
           "иностранных дел Турции Хаканом Фиданом.\n<script>window.pwned = 1</script>"
           '<img src=x onerror="window.pwned = 2"> Стороны обсудили <b>торговлю</b>.')
UPLOADED = ("Ташкент, 4 декабря. Министр иностранных дел Узбекистана Бахтиёр Саидов провел переговоры "
            "с министром иностранных дел Киргизии Жээнбеком Кулубаевым. Стороны обсудили водное хозяйство.")


# SERVER


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_store(path: Path) -> None:
    import depesha
    from depesha.store import open_store

    files = sorted((ROOT / "samples").glob("*.txt")) + ([SEED] if SEED.exists() else [])
    records = [depesha.extract(file.read_text(encoding="utf-8"), source=file.name) for file in files]
    records.append(depesha.extract(HOSTILE, source="hostile.txt", published="2025-12-02"))
    store = open_store(str(path))
    with store.writer() as writer:
        writer.add_many(records)
    store.close()


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"depesha serve exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "ui.db"
    build_store(db)
    return db


@contextmanager
def serving(db: Path, read_token: str = "") -> Iterator[str]:
    """`depesha serve` over `db` on a free port, with the write token and maybe a read token."""
    port = free_port()
    env = {**os.environ, "DEPESHA_API_TOKEN": TOKEN, "DEPESHA_READ_TOKEN": read_token}
    process = subprocess.Popen([sys.executable, "-m", "depesha.cli.main", "serve", "--db", str(db), "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/static/favicon.svg", process)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def server(store_db: Path) -> Iterator[str]:
    with serving(store_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server: str) -> Iterator:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
    context.add_cookies([{"name": "depesha_lang", "value": "en", "url": server}])   # assertions read English labels
    page = context.new_page()
    page.errors = []  # console errors and CSP violations: there must be none
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def shoot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def seed_meeting(page) -> None:
    """Overview -> KZ–MX pair -> the meeting of 2025-11-28 (the seed)."""
    page.goto("/")
    page.get_by_role("link", name="KZ–MX").first.click()
    page.wait_for_url("**/pairs/KZ-MX")
    page.locator("#pair-events li", has_text="2025-11-28").get_by_role("link", name="meeting").first.click()
    page.wait_for_url("**/events/*")


# TESTS


def test_browser_follow_links(page) -> None:
    seed_meeting(page)
    assert page.locator("h1").inner_text().startswith("Consult meeting")
    page.locator(".report h3 a").first.click()
    page.wait_for_url("**/articles/a*")
    assert page.locator(".article-text").inner_text().startswith("Астана")
    assert page.errors == []


@pytest.mark.skipif(not SEED.exists(), reason="the seed article lives in ../shared")
def test_browser_seed_evidence(page) -> None:
    seed_meeting(page)
    evidence = page.locator(".report").first.locator('mark[data-role~="evidence"]').all_inner_texts()
    assert "встреча групп дружбы" in "".join(evidence)
    page.locator('.report mark[data-role~="participant"]').first.hover()
    assert page.locator("#mark-info").inner_text().startswith("participant:")
    page.locator('.report mark[data-role="evidence"]').first.focus()
    assert page.locator("#mark-info").inner_text().startswith("evidence of meeting")
    shoot(page, "event")


def test_browser_filter(page) -> None:
    page.goto("/")
    page.get_by_label("Country", exact=True).fill("KZ")
    page.locator("select[name=category]").select_option("CONSULT")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/?*")
    assert "country=KZ" in page.url and "category=CONSULT" in page.url
    categories = page.locator("#latest .cat").all_inner_texts()
    assert categories and set(categories) == {"Consult"}
    assert all("KZ" in item for item in page.locator("#latest .event-head").all_inner_texts())
    page.wait_for_selector("#timeline[data-ready]")
    shoot(page, "overview-filtered")


def test_browser_upload(page) -> None:
    page.goto("/upload")
    page.locator("#text").fill(UPLOADED)
    page.get_by_role("button", name="Extract (preview)").click()
    page.wait_for_selector("#preview-h")
    shoot(page, "upload-preview")
    assert TOKEN not in page.content()
    page.get_by_label("Write token").fill(TOKEN)
    page.get_by_role("button", name="Store this article").click()
    page.wait_for_url("**/articles/a*")
    assert "Stored." in page.inner_text("main") and TOKEN not in page.content()
    stored = page.url.split("/articles/")[1].split("?")[0]
    page.goto("/search?q=водное хозяйство")
    assert page.locator(f'#hits a[href="/articles/{stored}"]').count() == 1


def test_browser_hostile_inert(page) -> None:
    page.goto("/search?q=торговлю")
    page.locator("#hits a").first.click()
    page.wait_for_url("**/articles/a*")
    assert "<script>window.pwned = 1</script>" in page.locator(".article-text").inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator(".article-text script, .article-text img").count() == 0
    shoot(page, "article-hostile")


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_every_page(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 860})
    suffix = "laptop" if width > 600 else "phone"
    seed_meeting(page)
    event = page.url
    shoot(page, f"event-{suffix}")
    person = page.locator(".people a").first.get_attribute("href")
    article = page.locator(".report h3 a").first.get_attribute("href")
    for name, url, ready in [("overview", "/", "#timeline[data-ready]"), ("pair", "/pairs/KZ-MX", "#timeline[data-ready]"),
                             ("network", "/network", "#network[data-ready]"),
                             ("network-people", "/network?level=people", "#network[data-ready]"),
                             ("person", person, "h1"), ("article", article, ".article-text"), ("event", event, "h1"),
                             ("search", "/search?q=встреча", "#hits"), ("upload", "/upload", "form"),
                             ("events", "/events", "#events-list"), ("commitments", "/commitments", "#commitments"),
                             ("country", "/countries/KZ", "#timeline[data-ready]")]:
        page.goto(url)
        page.wait_for_selector(ready)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{name} scrolls sideways"
        shoot(page, f"{name}-{suffix}")
    assert page.errors == []


def test_browser_keyboard(page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_browser_read_token(browser, store_db: Path) -> None:
    """With DEPESHA_READ_TOKEN: the login form, then pages and their charts (fetch sends the cookie), then log out."""
    with serving(store_db, READ_TOKEN) as base:
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 860})
        context.add_cookies([{"name": "depesha_lang", "value": "en", "url": base}])
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and "401" not in message.text
                and errors.append(message.text))
        try:
            response = page.goto("/pairs/KZ-MX")
            assert response is not None and response.status == 401
            assert "need the read token" in page.inner_text("main")
            shoot(page, "login")
            page.get_by_label("Read token").fill("wrong")
            page.get_by_role("button", name="Log in").click()
            assert page.locator("main .error").inner_text() == "wrong token"
            page.get_by_label("Read token").fill(READ_TOKEN)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url("**/pairs/KZ-MX")
            page.wait_for_selector("#timeline[data-ready]")  # the chart's JSON came through with the cookie
            assert "depesha_read" not in page.evaluate("document.cookie")   # HttpOnly: scripts cannot read it
            assert READ_TOKEN not in page.content()
            page.goto("/network")
            page.wait_for_selector("#network[data-ready]")
            page.get_by_role("button", name="Log out").click()
            page.wait_for_url("**/login")
            assert page.goto("/").status == 401
            assert errors == []
        finally:
            context.close()


def test_browser_chart_hover_and_pages_without_console_errors(page) -> None:
    """Hovering the timeline shows its tooltip with no CSP violation; the undated count is stated; the pair
    page states its total; the category chips take the generated colours."""
    page.goto("/")
    page.wait_for_selector("#timeline[data-ready]")
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    for step in range(8):
        page.mouse.move(box["x"] + box["width"] * (0.1 + 0.1 * step), box["y"] + box["height"] * 0.7)
        page.wait_for_timeout(60)
    assert page.errors == []                     # ECharts' HTML tooltip broke the CSP with inline styles
    assert re.search(r"(events have no date|events are dated)", page.locator('[data-undated-for="timeline"]').inner_text())
    colour = page.locator('.cat[data-category="CONSULT"]').first.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(26, 95, 168)"          # #1a5fa8, categories.tsv
    page.goto("/pairs/KZ-MX")
    page.wait_for_selector("#timeline[data-ready]")
    assert re.search(r"of \d+, newest first", page.locator("#pair-count").inner_text())
    shoot(page, "pair-colours")
    page.goto("/events")
    page.locator("#facet-category a", has_text="Consult").first.click()   # a facet filters the table
    page.wait_for_url("**/events?category=CONSULT")
    shoot(page, "events-facet", full_page=False)
    assert set(page.locator("#events-list .cat").all_inner_texts()) == {"Consult"}
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "depesha-events.csv"
    assert page.errors == []


@pytest.mark.parametrize("level", ["countries", "people"])
def test_browser_network_keeps_every_node_on_the_canvas(page, level: str) -> None:
    page.goto(f"/network?level={level}&ties=150")
    page.wait_for_selector("#network[data-ready]")
    outside = page.evaluate("""() => {
        const element = document.getElementById("network");
        const data = echarts.getInstanceByDom(element).getModel().getSeriesByIndex(0).getData();
        const out = [];
        for (let i = 0; i < data.count(); i++) {
            const [x, y] = data.getItemLayout(i);
            if (x < 0 || y < 0 || x > element.clientWidth || y > element.clientHeight) out.push(data.getName(i));
        }
        return [data.count(), out];
    }""")
    count, off = outside
    assert count > 1 and off == []
    box = page.locator("#network").bounding_box()
    assert box is not None
    for step in range(6):
        page.mouse.move(box["x"] + box["width"] * (0.2 + 0.12 * step), box["y"] + box["height"] * 0.5)
        page.wait_for_timeout(60)
    shoot(page, f"network-{level}-ties", full_page=False)
    assert page.errors == []


# THE WORLD MAP

REGION_PIXEL = """(code) => {
    const element = document.getElementById("map");
    const series = echarts.getInstanceByDom(element).getModel().getSeriesByIndex(0);
    const geo = series.coordinateSystem;
    const [x, y] = geo.dataToPoint(geo.getRegion(code).getCenter());
    const box = element.getBoundingClientRect();
    return [box.left + x, box.top + y];
}"""


def hover_region(page, code: str) -> list[float]:
    """Move the pointer onto the centre of a country's outline; returns the page coordinates used."""
    x, y = page.evaluate(REGION_PIXEL, code)
    page.mouse.move(x - 20, y)
    page.mouse.move(x, y)
    page.wait_for_timeout(120)
    return [x, y]


def watch_hover(page) -> None:
    page.evaluate("""() => echarts.getInstanceByDom(document.getElementById("map"))
                       .on("mouseover", (p) => { window.hovered = p.name; })""")


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_map(page, width: int) -> None:
    """Every country on the map; hovering shows its tooltip and clicking opens its events, with no console error."""
    page.set_viewport_size({"width": width, "height": 860})
    suffix = "laptop" if width > 600 else "phone"
    page.goto("/map")
    page.wait_for_selector("#map[data-ready]")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "map scrolls sideways"
    shoot(page, f"map-{suffix}")
    first = page.locator("#map-table tbody tr").first.locator(".cc").inner_text()
    watch_hover(page)
    box = page.locator("#map").bounding_box()
    assert box is not None
    for step in range(10):                       # sweep across the map: tooltips over land, sea and empty countries
        page.mouse.move(box["x"] + box["width"] * (0.05 + 0.09 * step), box["y"] + box["height"] * 0.35)
        page.wait_for_timeout(50)
    hover_region(page, first)
    assert page.evaluate("window.hovered") == first
    shoot(page, f"map-hover-{suffix}", full_page=False)
    assert page.errors == []
    page.mouse.click(*hover_region(page, first))
    page.wait_for_url(f"**/events?country={first}")
    heads = page.locator("#events-list .event-head").all_inner_texts()
    assert heads and all(first in head for head in heads)
    assert page.errors == []


def test_browser_map_counterparts(page) -> None:
    """?country=KZ marks KZ and colours its counterparts; clicking one opens the pair's page."""
    page.goto("/map?country=KZ")
    page.wait_for_selector("#map[data-ready]")
    other = page.locator("#map-table tbody tr").first.locator(".cc").inner_text()
    watch_hover(page)
    hover_region(page, "KZ")
    assert page.evaluate("window.hovered") == "KZ"
    shoot(page, "map-counterparts", full_page=False)
    page.mouse.click(*hover_region(page, other))
    page.wait_for_url("**/pairs/" + "-".join(sorted(["KZ", other])))
    assert page.errors == []


def test_browser_autocomplete(page) -> None:
    """Typing in a filter fills its datalist from /charts/suggest.json, with no console error."""
    page.goto("/events")
    box = page.locator('input[name="country"]')
    box.fill("Казахст")
    page.wait_for_selector('input[name="country"][data-suggested]')
    options = page.locator(f'#{box.get_attribute("list")} option')
    offered = {options.nth(i).get_attribute("value"): options.nth(i).get_attribute("label") for i in range(options.count())}
    assert offered.get("KZ") in ("Казахстан (KZ)", "Kazakhstan (KZ)")     # in the page's language
    box.fill("KZ")
    page.locator("form.filters button[type=submit], form.filters input[type=submit]").first.click()
    page.wait_for_url("**/events?**country=KZ**")
    assert page.errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_language_switch(browser, server: str, width: int) -> None:
    """Russian by default; EN in the header keeps the filters, sets the cookie and the chart's legend follows it;
    RU switches back; no console error, no sideways scrolling."""
    suffix = "laptop" if width > 600 else "phone"
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 860})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto("/pairs/KZ-MX?interval=week")
        page.wait_for_selector("#timeline[data-ready]")
        assert page.evaluate("document.documentElement.lang") == "ru"
        assert page.locator("h2#timeline-h").inner_text() == "Контакты по категориям и неделям"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "ru scrolls sideways"
        shoot(page, f"lang-ru-{suffix}")
        page.locator("nav.langs").get_by_role("link", name="EN").click()
        page.wait_for_url("**/pairs/KZ-MX?interval=week&lang=en")
        page.wait_for_selector("#timeline[data-ready]")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator("h2#timeline-h").inner_text() == "Contacts by category per week"
        assert page.locator("[data-table-for=timeline] th").first.text_content() == "Period"   # the chart's JSON too
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "en scrolls sideways"
        shoot(page, f"lang-en-{suffix}")
        page.goto("/events")                                   # the cookie keeps English
        assert page.locator("h1").inner_text().startswith("Events")
        page.locator("nav.langs").get_by_role("link", name="RU").click()
        page.wait_for_url("**/events?lang=ru")
        assert page.locator("h1").inner_text().startswith("События")
        assert errors == []
    finally:
        context.close()
