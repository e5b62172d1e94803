"""A small versioned migration runner: each migration runs once, in order, in its own transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, text

from . import schema

log = logging.getLogger(__name__)


@dataclass
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


# MIGRATIONS

V1_TABLES = ["depesha_meta", "articles", "lsh", "entities", "article_entities", "mentions", "positions",
             "clusters", "events", "cluster_countries", "cluster_entities", "cluster_topics", "followups"]


def create_v1(conn: Connection) -> None:
    tables = [schema.metadata.tables[name] for name in V1_TABLES]
    schema.metadata.create_all(conn, tables=tables)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE article_fts USING fts5(lemmas, content='', tokenize='unicode61')"
        )
    else:
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('russian', coalesce(title, '') || ' ' || text)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX articles_tsv ON articles USING gin (tsv)")


def index_countries_v2(conn: Connection) -> None:
    """The overview's pairs count groups events by their countries: an index lets it read only the index."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS clusters_countries ON clusters (countries)")


def index_sources_v3(conn: Connection) -> None:
    """The event table's source filter, its order by number of reports and its facets: indexes on the articles'
    source, the clusters' report counts and the columns the facets group by."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS articles_source ON articles (source)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS clusters_articles ON clusters (articles, date, id)")
    # the facets of a filtered table group its events by category, kind and countries: read from the index only
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS clusters_facets ON clusters (category, kind, countries)")


MIGRATIONS = [
    Migration(1, "articles, entities, events, clusters, follow-ups, full-text index", create_v1),
    Migration(2, "index of events by their countries (overview page at 100k articles)", index_countries_v2),
    Migration(3, "indexes for the event table: articles by source, events by reports, facet columns",
              index_sources_v3),
]
LATEST = MIGRATIONS[-1].version


# RUNNER


def current_version(engine: Engine) -> int:
    """0 for an empty database, else the version of the last migration applied."""
    if "depesha_meta" not in inspect(engine).get_table_names():
        return 0
    with engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM depesha_meta WHERE key = 'version'")).scalar()
    return int(value or 0)


def upgrade(engine: Engine, target: int = LATEST) -> list[Migration]:
    """Apply the migrations above the current version up to `target`; returns those applied."""
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current_version(engine) or migration.version > target:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(text("DELETE FROM depesha_meta WHERE key = 'version'"))
            conn.execute(text("INSERT INTO depesha_meta (key, value) VALUES ('version', :v)"), {"v": str(migration.version)})
        log.info("applied migration %d: %s", migration.version, migration.name)
        applied.append(migration)
    return applied
