"""The Store: one engine for reads, one write connection at a time (as datasette's Database)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from depesha.errors import StoreError

from . import migrate

DEFAULT_DB = "depesha.db"
CACHE_KB = 65_536   # SQLite page cache per connection (64 MB)


def make_url(url: str) -> str:
    """'depesha.db' or 'sqlite:///depesha.db' -> SQLite; 'postgresql://...' -> PostgreSQL via psycopg 3."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+", "sqlite:")):
        return url
    if "://" in url:
        raise StoreError(f"unsupported database URL {url!r}: expected a file path, sqlite:/// or postgresql://")
    return "sqlite:///" + str(Path(url))


def set_sqlite_pragmas(dbapi_connection: Any, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


@lru_cache(maxsize=64)
def adapt_sql(dialect: str, sql: str) -> str:
    """Queries are written with '?' placeholders; psycopg wants '%s'."""
    if dialect == "sqlite":
        return sql
    return sql.replace("%", "%%").replace("?", "%s")


@dataclass
class Store:
    """A depesha database: SQLite file or PostgreSQL server, same schema, same queries."""

    url: str
    engine: Engine
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def sql(self, sql: str) -> str:
        return adapt_sql(self.dialect, sql)

    def version(self) -> int:
        return migrate.current_version(self.engine)

    def upgrade(self) -> list[migrate.Migration]:
        return migrate.upgrade(self.engine)

    def writer(self, **options: Any):  # -> depesha.store.writer.Writer
        from .writer import Writer

        return Writer(self, **options)

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str = DEFAULT_DB, *, create: bool = True, upgrade: bool = False) -> Store:
    """Open a store; an empty database gets the schema when `create`, an old one needs `upgrade`.

    Raises:
        StoreError: bad URL, unreachable server, or a schema older (or newer) than this depesha.
    """
    full = make_url(url)
    path = full.removeprefix("sqlite:///")
    if not create and full.startswith("sqlite:///") and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}: create one with `depesha ingest ... --db {url}`")
    options: dict[str, Any] = {}
    if full.startswith("sqlite"):
        options["connect_args"] = {"check_same_thread": False, "timeout": 60}
    try:
        engine = create_engine(full, **options)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", set_sqlite_pragmas)
        store = Store(url, engine)
        version = store.version()
    except StoreError:
        raise
    except Exception as error:  # driver errors: refused connection, bad file...
        raise StoreError(f"cannot open {url}: {error}") from error
    if version > migrate.LATEST:
        raise StoreError(f"{url} has schema version {version}, newer than this depesha ({migrate.LATEST})")
    database = store.engine.url.database if store.dialect == "sqlite" else None
    if version < migrate.LATEST and (create or upgrade) and database and database != ":memory:":
        from .lock import writer_lock

        with writer_lock(database):  # another process may be creating this store: wait for it, then look again
            version = store.version()
            if (version == 0 and create) or (upgrade and version < migrate.LATEST):
                store.upgrade()
                version = migrate.LATEST
    elif (version == 0 and create) or (upgrade and version < migrate.LATEST):
        store.upgrade()
        version = migrate.LATEST
    if version < migrate.LATEST:
        raise StoreError(f"{url} has schema version {version}, run `depesha db upgrade --db {url}`")
    return store
