"""Settings of the store CLI and the web API, read from `DEPESHA_*` environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

# (name, default, help): the single source for the environment, `--help` texts and docs/settings.md
SETTINGS = [
    ("db", "depesha.db", "database: an SQLite file path, sqlite:///path or postgresql://user@host/db"),
    ("api_token", "", "token required by POST /api/articles (ingest); empty disables writing through the API"),
    ("read_token", "", "when set, the API reads and the web pages require it too (Bearer header or /login)"),
    ("page_size", "50", "default page size of list endpoints and commands"),
    ("max_page_size", "500", "largest page size a client may ask for"),
    ("host", "127.0.0.1", "address `depesha serve` binds to"),
    ("port", "8000", "port of `depesha serve`"),
]


def env(name: str, default: str) -> str:
    return os.environ.get("DEPESHA_" + name.upper(), default)


@dataclass
class Settings:
    """Values from the environment (`DEPESHA_DB`, `DEPESHA_API_TOKEN`, ...), overridable by arguments."""

    db: str = field(default_factory=lambda: env("db", "depesha.db"))
    api_token: str = field(default_factory=lambda: env("api_token", ""))
    read_token: str = field(default_factory=lambda: env("read_token", ""))
    page_size: int = field(default_factory=lambda: int(env("page_size", "50")))
    max_page_size: int = field(default_factory=lambda: int(env("max_page_size", "500")))
    host: str = field(default_factory=lambda: env("host", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(env("port", "8000")))


def setting_names() -> list[str]:
    """Environment variable names of every setting."""
    return ["DEPESHA_" + item.name.upper() for item in fields(Settings)]
