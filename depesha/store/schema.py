"""The tables of the store, one schema for SQLite and PostgreSQL (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Dates are ISO strings ("2025-11-28"): they sort and compare the same way in both databases.

meta = Table(
    "depesha_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# ARTICLES

articles = Table(
    "articles", metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", String(17), nullable=False, unique=True),   # 'a' + 16 hex of sha256(text)
    Column("source", Text),
    Column("published", String(10)),
    Column("title", Text),
    Column("url", Text),
    Column("path", Text),
    Column("agency", Text),
    Column("attribution", Text),
    Column("dateline_place", Text),
    Column("dateline_date", String(10)),
    Column("language", String(8)),
    Column("text", Text, nullable=False),                      # never altered once stored
    Column("raw", Text),                                       # the input before cleaning, when known
    Column("raw_hash", String(16)),                            # sha256 of `raw`: skip known inputs before extracting
    Column("record", Text, nullable=False),                    # the extractor's record as JSON, without text
    Column("extractor", String(32)),
    Column("ingested_at", String(32), nullable=False),
    Column("dup_of", Integer),                                 # num of the article this one republishes
    Column("similarity", Float),
    Column("minhash", LargeBinary),
)
Index("articles_published", articles.c.published)
Index("articles_dup_of", articles.c.dup_of)
Index("articles_raw_hash", articles.c.raw_hash)

# Link tables have composite primary keys and no rowid in SQLite: one B-tree each instead of two.
lsh = Table(
    "lsh", metadata,
    Column("key", BigInteger, primary_key=True),               # one MinHash band of one article
    Column("article", Integer, ForeignKey("articles.num"), primary_key=True),
    sqlite_with_rowid=False,
)

# ENTITIES, resolved across articles

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),                       # resolution key, see depesha.corpus.names
    Column("skey", Text, nullable=False),                      # surname / head key for partial names
    Column("country", String(2)),
    Column("gender", String(8)),
    Column("sector", String(8)),
    Column("canonical", Text),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("articles", Integer, nullable=False, default=0),
)
Index("entities_key", entities.c.type, entities.c.key)
Index("entities_skey", entities.c.type, entities.c.skey)

article_entities = Table(
    "article_entities", metadata,
    Column("article", Integer, ForeignKey("articles.num"), primary_key=True),
    Column("local", String(16), primary_key=True),             # "e1" in the record
    Column("entity", Integer, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),                      # the name the extractor gave
    sqlite_with_rowid=False,
)
Index("article_entities_entity", article_entities.c.entity)

mentions = Table(
    "mentions", metadata,
    Column("article", Integer, ForeignKey("articles.num"), nullable=False),
    Column("entity", Integer, ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
)
Index("mentions_entity", mentions.c.entity)
Index("mentions_article", mentions.c.article)

positions = Table(
    "positions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.num"), nullable=False),
    Column("person", Integer, ForeignKey("entities.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("organization", Integer, ForeignKey("entities.id")),
    Column("country", String(2)),
    Column("date", String(10)),
    Column("start", Integer),
    Column("stop", Integer),
    Column("text", Text),
)
Index("positions_person", positions.c.person)
Index("positions_article", positions.c.article)

# EVENTS: one row per report in an article; clusters join the reports of one real event

clusters = Table(
    "clusters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("category", String(16), nullable=False),
    Column("kind", String(32)),
    Column("date", String(10)),
    Column("mode", String(16)),
    Column("place", Text),
    Column("countries", Text, nullable=False, default=""),     # sorted ISO2 codes, space separated
    Column("outcome", String(16)),
    Column("summary", Text),
    Column("articles", Integer, nullable=False, default=1),
)
Index("clusters_date", clusters.c.date)
Index("clusters_category_date", clusters.c.category, clusters.c.date)
Index("clusters_kind_date", clusters.c.kind, clusters.c.date)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.num"), nullable=False),
    Column("local", String(16), nullable=False),               # "v1" in the record
    Column("cluster", Integer, ForeignKey("clusters.id"), nullable=False),
    Column("category", String(16), nullable=False),
    Column("kind", String(32)),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("mode", String(16)),
    Column("place", Text),
    Column("countries", Text, nullable=False, default=""),
    Column("participants", Text, nullable=False, default=""),  # entity ids, space separated
    Column("initiator", Integer),
    Column("topics", Text, nullable=False, default=""),
    Column("outcome", String(16)),
    Column("evidence", Text, nullable=False),                  # JSON [[start, stop], ...] into the article text
    Column("trigger", Text),
    Column("summary", Text),
)
Index("events_article", events.c.article)
Index("events_cluster", events.c.cluster)

cluster_countries = Table(
    "cluster_countries", metadata,
    Column("country", String(2), primary_key=True),
    Column("date", String(10), primary_key=True),
    Column("cluster", Integer, ForeignKey("clusters.id"), primary_key=True),
    sqlite_with_rowid=False,
)
Index("cluster_countries_cluster", cluster_countries.c.cluster)

cluster_entities = Table(
    "cluster_entities", metadata,
    Column("entity", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("cluster", Integer, ForeignKey("clusters.id"), primary_key=True),
    sqlite_with_rowid=False,
)
Index("cluster_entities_cluster", cluster_entities.c.cluster)

cluster_topics = Table(
    "cluster_topics", metadata,
    Column("topic", String(32), primary_key=True),
    Column("cluster", Integer, ForeignKey("clusters.id"), primary_key=True),
    sqlite_with_rowid=False,
)
Index("cluster_topics_cluster", cluster_topics.c.cluster)

followups = Table(
    "followups", metadata,
    Column("commitment", Integer, ForeignKey("clusters.id"), primary_key=True),
    Column("event", Integer, ForeignKey("clusters.id"), primary_key=True),
    Column("rule", Text, nullable=False),                      # why: the expected kind and the shared countries
    Column("evidence", Text, nullable=False),                  # JSON: article id + offsets of the fulfilling report
)
Index("followups_event", followups.c.event)
