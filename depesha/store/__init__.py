"""The corpus store: articles, resolved entities and clustered events in SQLite or PostgreSQL."""

from .store import DEFAULT_DB, Store, make_url, open_store
from .writer import Outcome, Summary, Writer

__all__ = ["DEFAULT_DB", "Outcome", "Store", "Summary", "Writer", "make_url", "open_store"]
