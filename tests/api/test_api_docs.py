"""docs/api.md and docs/store.md document every route, setting and command (as datasette's test_docs)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def api_routes() -> list[str]:
    from depesha.web.app import create_app

    return sorted({f"{method} {route.path}" for route in create_app().routes
                   if getattr(route, "path", "").startswith("/api")
                   for method in getattr(route, "methods", ()) if method != "HEAD"})


def test_api_docs_every_route():
    pytest.importorskip("fastapi")
    text = (DOCS / "api.md").read_text()
    missing = [route for route in api_routes() if f"`{route}`" not in text]
    assert not missing, f"undocumented in docs/api.md: {missing}"


def test_api_docs_every_setting():
    from depesha.web.config import SETTINGS, setting_names

    text = (DOCS / "api.md").read_text()
    assert len(SETTINGS) == len(setting_names())
    assert [name for name in setting_names() if f"`{name}`" not in text] == []


@pytest.mark.parametrize("module", ["depesha.cli.store", "depesha.cli.query"])
def test_store_docs_every_command(module):
    import importlib

    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(module).register(subparsers)
    text = (DOCS / "store.md").read_text()
    commands = list(subparsers.choices)
    assert commands and [name for name in commands if f"depesha {name}" not in text] == []
    for name, sub in subparsers.choices.items():
        assert sub.description and "examples:" in (sub.epilog or ""), name
