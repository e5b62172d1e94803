"""Web fixtures: a store of hand-made records (fast) with one hostile article, and an in-process client."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from depesha.store import open_store  # noqa: E402
from depesha.store.fixtures import PEOPLE, article_id, make_corpus, make_record  # noqa: E402

TOKEN = "test-write-token-5f1c"
SCRIPT = "<script>window.pwned = 1</script>"
IMG = '<img src=x onerror="window.pwned = 2">'


def make_hostile(record: dict[str, Any]) -> dict[str, Any]:
    """The record with HTML/JS appended to its text, put in its title and in an entity name."""
    article = record["article"]
    article["text"] += f"\n{SCRIPT} {IMG}"
    article["id"] = article_id(article["text"])
    article["title"] = f"{SCRIPT} hostile"
    article["url"] = "javascript:window.pwned=3"
    article["path"] = "/srv/secret/feeds/hostile.txt"
    record["entities"][0]["name"] = IMG
    return record


@pytest.fixture(scope="session")
def web_records() -> list[dict[str, Any]]:
    kz, mx = PEOPLE[0], PEOPLE[3]
    records = [make_record(kz, mx, date="2025-11-28", source="kz-mx-1"),
               make_record(mx, kz, date="2025-12-05", visit=True, source="kz-mx-2")]
    hostile = make_hostile(make_record(PEOPLE[5], PEOPLE[6], date="2025-10-01", source="hostile"))
    return records + [hostile] + make_corpus(30, seed=11)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, web_records: list[dict[str, Any]]) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = open_store(str(path))
    with store.writer() as writer:
        writer.add_many(web_records)
    store.close()
    return path


@pytest.fixture(scope="session")
def client(web_db: Path):
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    with TestClient(create_app(Settings(db=str(web_db), api_token=TOKEN))) as client:
        client.cookies.set("depesha_lang", "en")   # the assertions of these tests are written against the English labels
        yield client


@pytest.fixture(scope="session")
def hostile_id(web_records: list[dict[str, Any]]) -> str:
    return web_records[2]["article"]["id"]


@pytest.fixture(scope="session")
def ids(web_db: Path) -> dict[str, object]:
    """Ids of one KZ-MX event, one person and one article of the web store, for page URLs."""
    db = sqlite3.connect(web_db)
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "event": one("SELECT id FROM clusters WHERE countries = 'KZ MX' ORDER BY date, id"),
        "person": one("SELECT id FROM entities WHERE type = 'person' AND name = 'Ерлан Кошанов'"),
        "article": one("SELECT id FROM articles WHERE source = 'kz-mx-1'"),
    }
