"""The pages in Russian and English: the catalogue, plural forms, the ?lang switch and its cookie, labels per page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from depesha.data import COUNTRIES, COUNTRY_NAMES_EN, load_table
from depesha.web.i18n import (
    COOKIE,
    category_label,
    country_label,
    load_messages,
    plural,
    plural_form,
    switch_links,
    t,
    use,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "depesha" / "web" / "templates"
RU = ["событие", "события", "событий"]
EN = ["event", "events"]


@pytest.fixture
def fresh(web_db: Path):
    """A client with no language cookie yet (the session's `client` reads English)."""
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    with TestClient(create_app(Settings(db=str(web_db)))) as client:
        yield client


def get(client, url: str, lang: str):
    """The page in `lang` through ?lang= (added to the URL's own parameters)."""
    return client.get(url + ("&" if "?" in url else "?") + f"lang={lang}", headers={"Accept": "text/html"})


# CATALOGUE


def test_i18n_catalogue_loads_with_both_languages() -> None:
    found = load_messages()
    assert len(found) > 150
    assert all(texts["en"] and texts["ru"] for texts in found.values())


def test_i18n_catalogue_refuses_a_key_twice(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text("a\tA\tА\na\tB\tБ\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        load_messages(path)
    path.write_text("a\tA\n", encoding="utf-8")
    with pytest.raises(ValueError, match="English and Russian"):
        load_messages(path)


def test_i18n_every_key_used_in_templates_exists() -> None:
    """Keys written out in the templates (t("..."), plural(n, "..."), noun(n, "...")); keys built from data
    ("nav." ~ label, "role." ~ type) are covered by rendering every page in both languages below."""
    used = set()
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([a-z_.]+)"\s*[,)]', text))
        used |= set(re.findall(r'\b(?:plural|noun)\([^()]*(?:\([^()]*\))?[^()]*,\s*"([a-z_.]+)"\)', text))
    assert len(used) > 100
    assert sorted(used - set(load_messages())) == []


def test_i18n_placeholders_match_between_languages() -> None:
    for key, texts in load_messages().items():
        assert set(re.findall(r"{(\w+)}", texts["en"])) == set(re.findall(r"{(\w+)}", texts["ru"])), key


def test_i18n_plural_nouns_have_their_forms() -> None:
    for key, texts in load_messages().items():
        if key.startswith("n."):
            assert len(texts["en"].split("|")) == 2 and len(texts["ru"].split("|")) == 3, key


def test_i18n_unknown_key() -> None:
    with pytest.raises(KeyError):
        t("no.such.key")
    assert t("role.ship", default="ship") == "ship"


# PLURALS


@pytest.mark.parametrize(("n", "ru", "en"), [
    (0, "событий", "events"),
    (1, "событие", "event"),
    (2, "события", "events"),
    (4, "события", "events"),
    (5, "событий", "events"),
    (11, "событий", "events"),
    (12, "событий", "events"),
    (14, "событий", "events"),
    (21, "событие", "events"),
    (22, "события", "events"),
    (25, "событий", "events"),
    (101, "событие", "events"),
    (111, "событий", "events"),
    (112, "событий", "events"),
    (1000, "событий", "events"),
    (1.5, "события", "events"),
])
def test_i18n_plural_form(n: float, ru: str, en: str) -> None:
    assert plural_form(n, RU, "ru") == ru
    assert plural_form(n, EN, "en") == en


def test_i18n_plural_from_the_catalogue() -> None:
    with use("ru"):
        assert [plural(n, "n.article") for n in (1, 3, 7)] == ["1 статья", "3 статьи", "7 статей"]
    with use("en"):
        assert [plural(n, "n.article") for n in (1, 3)] == ["1 article", "3 articles"]


# LABELS


def test_i18n_every_country_has_an_english_name() -> None:
    codes = [row[0] for row in load_table(COUNTRIES, 6)]
    english = dict(load_table(COUNTRY_NAMES_EN, 2))
    assert codes == list(english)            # same countries, same order
    assert all(re.fullmatch(r"[A-Z][A-Za-z .,'()-]+", name) for name in english.values())
    assert len(set(english.values())) == len(english)


@pytest.mark.parametrize(("code", "ru", "en"), [
    ("KZ", "Казахстан", "Kazakhstan"),
    ("AE", "ОАЭ", "United Arab Emirates"),
    ("GB", "Великобритания", "United Kingdom"),
    ("XX", "XX", "XX"),
])
def test_i18n_country_label(code: str, ru: str, en: str) -> None:
    with use("ru"):
        assert country_label(code) == ru
    with use("en"):
        assert country_label(code) == en


def test_i18n_category_label() -> None:
    with use("ru"):
        assert category_label("CONSULT") == "Консультации"
    with use("en"):
        assert category_label("CONSULT") == "Consult"
    assert category_label("PARTY") == "PARTY"


# SWITCH AND COOKIE


@pytest.mark.parametrize(("path", "query", "links"), [
    ("/", "", [("ru", "/?lang=ru"), ("en", "/?lang=en")]),
    ("/events", "country=KZ&page=2", [("ru", "/events?country=KZ&page=2&lang=ru"),
                                      ("en", "/events?country=KZ&page=2&lang=en")]),
    ("/events", "lang=en&category=AID", [("ru", "/events?category=AID&lang=ru"), ("en", "/events?category=AID&lang=en")]),
    ("/search", "q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2", [("ru", "/search?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2&lang=ru"),
                                                            ("en", "/search?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2&lang=en")]),
    ("//evil.example/x", "", [("ru", "/evil.example/x?lang=ru"), ("en", "/evil.example/x?lang=en")]),  # not off-site
])
def test_i18n_switch_links_keep_other_parameters(path: str, query: str, links: list[tuple[str, str]]) -> None:
    assert switch_links(path, query) == links


def test_i18n_default_is_russian(fresh) -> None:
    response = fresh.get("/")
    assert '<html lang="ru">' in response.text and ">Обзор</h1>" in response.text
    assert "set-cookie" not in response.headers


def test_i18n_lang_sets_the_cookie_and_it_is_kept(fresh) -> None:
    response = fresh.get("/events?lang=en&country=KZ")
    assert '<html lang="en">' in response.text and "<h1>Events <span" in response.text
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=en;") and "Path=/" in cookie and "SameSite=Lax" in cookie
    later = fresh.get("/commitments")                      # no ?lang: the cookie keeps English
    assert '<html lang="en">' in later.text and "<h1>Commitments <span" in later.text
    assert "set-cookie" not in later.headers
    assert '<html lang="ru">' in fresh.get("/?lang=ru").text
    assert '<html lang="ru">' in fresh.get("/map").text


def test_i18n_unknown_lang_is_ignored(fresh) -> None:
    response = fresh.get("/?lang=de")
    assert '<html lang="ru">' in response.text and "set-cookie" not in response.headers


def test_i18n_header_switch_keeps_the_filters(fresh) -> None:
    html = fresh.get("/events?country=KZ&category=CONSULT").text
    assert 'href="/events?country=KZ&amp;category=CONSULT&amp;lang=en" hreflang="en" lang="en">EN</a>' in html
    assert 'hreflang="ru" lang="ru" aria-current="true">RU</a>' in html


# PAGES


PAGES = ["/", "/events", "/commitments", "/countries/KZ", "/events/{event}", "/pairs/KZ-MX", "/people/{person}",
         "/network", "/network?level=people", "/map", "/map?country=KZ", "/articles/{article}", "/search?q=Кошанов",
         "/upload", "/nope", "/?since=2025-13"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_i18n_every_page_renders_in_both_languages(fresh, ids, url: str, lang: str) -> None:
    """Every key a page builds from data exists (else a 500); <html lang> and the nav follow the language."""
    response = get(fresh, url.format(**ids), lang)
    assert response.status_code in (200, 400, 404)
    assert f'<html lang="{lang}">' in response.text
    assert (">Обзор</a>" if lang == "ru" else ">Overview</a>") in response.text


@pytest.mark.parametrize(("url", "ru", "en"), [
    ("/", ["Самые активные пары стран", "Последние события", "Консультации", "Применить"],
          ["Most active country pairs", "Latest events", "Consult", "Apply"]),
    ("/events", ["Сначала новые", "Скачать все", "Категория"], ["Newest first", "Download all", "Category"]),
    ("/commitments", ["невыполненные", "Инициатор"], ["not followed up", "Initiator"]),
    ("/countries/KZ", ["Партнёры", "Казахстан"], ["Counterparts", "Kazakhstan"]),
    ("/events/{event}", ["Факты", "Участники", "встреча"], ["Facts", "Participants", "meeting"]),
    ("/pairs/KZ-MX", ["Персоны KZ", "Невыполненные обязательства", "5 событий"], ["People of KZ", "Open commitments", "5 events"]),
    ("/people/{person}", ["Варианты имени", "Должности"], ["Name variants", "Positions over time"]),
    ("/network", ["Сеть стран", "Самые сильные связи"], ["Network of countries", "Strongest links"]),
    ("/map", ["События по странам", "Мексика"], ["Events per country", "Mexico"]),
    ("/articles/{article}", ["Извлечено", "Источник"], ["Extracted", "Source"]),
    ("/search?q=Кошанов", ["по запросу", "Слова (в любой форме)"], ["Words (any form)", "articles for"]),
    ("/upload", ["Загрузить статью", "Извлечь (просмотр)"], ["Upload an article", "Extract (preview)"]),
    ("/nope", ["Ошибка 404", "Такой страницы нет."], ["Error 404", "No such page."]),
])
def test_i18n_page_labels(fresh, ids, url: str, ru: list[str], en: list[str]) -> None:
    """Each language's labels appear, the other's do not (texts, names and evidence stay Russian in both)."""
    url = url.format(**ids)
    russian, english = get(fresh, url, "ru").text, get(fresh, url, "en").text
    for text in ru:
        assert text in russian, text
        assert text not in english, text
    for text in en:
        assert text in english, text
    for text in en[:2]:
        assert text not in russian, text


def test_i18n_article_text_stays_russian(fresh, ids) -> None:
    english = get(fresh, f"/events/{ids['event']}", "en").text
    assert "Ерлан Кошанов" in english and 'class="article-text" lang="ru"' in english


def test_i18n_login_page_in_both_languages(web_db: Path) -> None:
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    with TestClient(create_app(Settings(db=str(web_db), read_token="r-token-1"))) as client:
        assert "Для этих страниц нужен токен чтения" in client.get("/").text
        assert "These pages need the read token" in client.get("/?lang=en").text
        refused = client.post("/login", data={"token": "nope", "next": "/"}).text
        assert "wrong token" in refused                    # the cookie from ?lang=en is kept


# CHARTS


def test_i18n_chart_json_follows_the_cookie(fresh) -> None:
    fresh.cookies.set(COOKIE, "ru")
    timeline = fresh.get("/charts/timeline.json").json()
    assert timeline["styles"]["CONSULT"]["label"] == "Консультации" and timeline["text"]["total"] == "Всего"
    assert fresh.get("/charts/map.json").json()["names"]["KZ"] == "Казахстан"
    fresh.cookies.set(COOKIE, "en")
    pair = fresh.get("/charts/pairs/KZ-MX.json").json()
    assert pair["styles"]["CONSULT"]["label"] == "Consult" and pair["text"]["period"] == "Period"
    assert fresh.get("/charts/map.json").json()["names"]["KZ"] == "Kazakhstan"


@pytest.mark.parametrize("url", ["/events", "/charts/timeline.json", "/charts/map.json"])
def test_i18n_responses_vary_by_cookie(client, url: str) -> None:
    """The same URL reads in another language for another cookie: caches must key on it."""
    assert "cookie" in client.get(url).headers.get("vary", "").lower()
