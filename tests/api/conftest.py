"""A TestClient over a small store filled from hand-made records (reads open, POST behind a token)."""

from __future__ import annotations

from pathlib import Path

import pytest

from depesha.store import open_store
from depesha.store.fixtures import PEOPLE, make_record
from depesha.store.link import link_followups

TOKEN = "test-token"
RECORDS = [
    make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28"),
    make_record(PEOPLE[1], PEOPLE[3], date="2026-02-03", proposal=False, visit=True),
    make_record(PEOPLE[5], PEOPLE[6], date="2024-01-15"),
]


def fill(url: str) -> None:
    store = open_store(url)
    with store.writer() as writer:
        writer.add_many(RECORDS)
        link_followups(writer)
    store.close()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "api.db")
    fill(url)
    return url


def make_client(db: str, **settings):
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    return TestClient(create_app(Settings(db=db, **settings)))


@pytest.fixture
def client(db: str):
    pytest.importorskip("fastapi")
    with make_client(db, api_token=TOKEN) as client:
        yield client
