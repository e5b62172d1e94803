"""Store fixtures: a fresh SQLite store per test, one PostgreSQL cluster per session."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from depesha.store import open_store
from depesha.store.fixtures import make_corpus

from .pg import create_database, make_cluster

NAMES = itertools.count()


@pytest.fixture
def sqlite_store(tmp_path: Path):
    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def pg_cluster():
    with make_cluster() as url:
        yield url


@pytest.fixture
def pg_store(pg_cluster: str):
    store = open_store(create_database(pg_cluster, f"depesha_{next(NAMES)}"))
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest):
    """Each test using it runs on both databases."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return make_corpus(300, seed=7)
