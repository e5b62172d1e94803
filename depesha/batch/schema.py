"""Parquet tables of a batch run: one row per article, entity, position, event and failure.

A record (`depesha.extract` output) is flattened into rows keyed by `article_id`, with `ord`
keeping the order of lists; `assemble_record` rebuilds the identical record from the rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

# TABLES: (column, type, description); types are Spark SQL types, nested in angle brackets

STR = "string"
INT = "int"
SPAN = "array<int>"
SPANS = "array<array<int>>"
STRS = "array<string>"

KEYS = [
    ("article_id", STR, "the article's id, `a` + 16 hex digits (record `article.id`)"),
    ("ord", INT, "position of the item in its list in the record, from 0"),
]

# fields added to the record after this schema: kept as JSON, so no output ever loses data
EXTRA = ("extra", STR, "JSON object of the item's fields that have no column yet (normally null)")

ARTICLES = [
    ("article_id", STR, "record `article.id`"),
    ("input_id", STR, "where the input came from: `path`, `path:line` (JSONL), `path@offset` (WARC)"),
    ("schema", STR, "record schema version, `depesha/1`"),
    ("source", STR, "`article.source`"),
    ("published", STR, "`article.published`, ISO date"),
    ("dateline", "struct<place:string,date:string,agency:string>", "`article.dateline`"),
    ("attribution", STR, "`article.attribution`"),
    ("title", STR, "`article.title`"),
    ("language", STR, "`article.language`"),
    ("url", STR, "`article.url`"),
    ("path", STR, "`article.path`"),
    ("text", STR, "`article.text`, the text every offset points into"),
    ("warnings", STRS, "record `warnings`"),
    ("extra", STR, "JSON of record fields with no column yet: `{\"article\": {...}, \"record\": {...}}`"),
]

ENTITIES = KEYS + [
    ("id", STR, "entity id within the article"),
    ("type", STR, "person | organization | country | location"),
    ("name", STR, "normalised name"),
    ("country", STR, "ISO 3166-1 alpha-2"),
    ("mentions", SPANS, "[start, stop] character offsets of every mention"),
    ("gender", STR, "persons: masc | fem"),
    ("sector", STR, "organisations: PLOVER sector"),
    ("canonical", STR, "gazetteer id of a known body, e.g. `KZ:LEG:mazhilis`"),
    ("roles", STRS, "per mention: `place` or `organization` (a place acting as a body, a body's seat)"),
    EXTRA,
]

POSITIONS = KEYS + [
    ("person", STR, "entity id of the person"),
    ("title", STR, "the post, e.g. `посол`"),
    ("organization", STR, "entity id of the body"),
    ("country", STR, "ISO 3166-1 alpha-2"),
    ("evidence", SPAN, "[start, stop] of the phrase"),
    ("text", STR, "the phrase as written"),
    EXTRA,
]

EVENTS = KEYS + [
    ("id", STR, "event id within the article"),
    ("category", STR, "PLOVER category"),
    ("kind", STR, "meeting, talks, visit, ..."),
    ("date", STR, "ISO date, as precise as `date_precision`"),
    ("date_precision", STR, "day | month | year"),
    ("mode", STR, "online | in_person | phone"),
    ("place", STR, "where"),
    ("countries", STRS, "ISO codes"),
    ("participants", STRS, "entity ids"),
    ("initiator", STR, "entity id"),
    ("topics", STRS, "topic labels"),
    ("outcome", STR, "proposed | supported | agreed | rejected"),
    ("related", STRS, "ids of related events"),
    ("evidence", SPANS, "[start, stop] spans stating the event"),
    ("trigger", STR, "the trigger word as written"),
    ("summary", STR, "the sentence or clause"),
    EXTRA,
]

FAILURES = [
    ("input_id", STR, "the failing input: `path`, `path:line`, `path@offset`"),
    ("stage", STR, "read | extract"),
    ("error", STR, "error type and message"),
]

TABLES = {"articles": ARTICLES, "entities": ENTITIES, "positions": POSITIONS, "events": EVENTS,
          "failures": FAILURES}
LISTS = ["entities", "positions", "events"]   # record keys flattened into tables of the same name
ARTICLE_FIELDS = ["id", "source", "published", "dateline", "attribution", "title", "language", "url",
                  "path", "text"]
DATELINE_FIELDS = ["place", "date", "agency"]
RECORD_FIELDS = ["schema", "article", "entities", "positions", "events", "warnings"]


def names(table: str) -> list[str]:
    return [name for name, _, _ in TABLES[table]]


def item_names(table: str) -> list[str]:
    """Columns that come from the record's list items (without `article_id`, `ord`, `extra`)."""
    return names(table)[len(KEYS):-1]


def dump_extra(data: dict[str, Any], known: Iterable[str]) -> str | None:
    extra = {key: value for key, value in data.items() if key not in set(known)}
    return json.dumps(extra, ensure_ascii=False) if extra else None


def load_extra(value: str | None) -> dict[str, Any]:
    return json.loads(value) if value else {}


def ddl(table: str) -> str:
    """Spark DDL of a table, e.g. for `spark.read.schema(ddl("events"))`."""
    return ", ".join(f"`{name}` {kind}" for name, kind, _ in TABLES[table])


def spark_schema(table: str) -> Any:
    """The pyspark StructType of a table."""
    from pyspark.sql.types import StructType

    return StructType.fromDDL(ddl(table))


# FLATTEN


def flatten_record(record: dict[str, Any], input_id: str) -> dict[str, list[tuple]]:
    """A record -> rows (tuples in column order) for articles, entities, positions, events."""
    article = record["article"]
    article_id = article["id"]
    dateline = article.get("dateline") or {}
    row = [article_id, input_id, record["schema"]]
    for name in ARTICLE_FIELDS[1:]:
        row.append(tuple(dateline.get(key) for key in DATELINE_FIELDS) if name == "dateline" else article.get(name))
    extra = {"article": dump_extra(article, ARTICLE_FIELDS), "record": dump_extra(record, RECORD_FIELDS)}
    extra_json = json.dumps({key: json.loads(value) for key, value in extra.items() if value},
                            ensure_ascii=False) if any(extra.values()) else None
    rows: dict[str, list[tuple]] = {"articles": [(*row, list(record.get("warnings") or []), extra_json)]}
    for table in LISTS:
        columns = item_names(table)
        rows[table] = [(article_id, ord, *(item.get(name) for name in columns), dump_extra(item, columns))
                       for ord, item in enumerate(record.get(table) or [])]
    return rows


# ASSEMBLE


def assemble_record(article: dict[str, Any], items: dict[str, Iterable[dict[str, Any]]]) -> dict[str, Any]:
    """Rows of one article (as dicts, e.g. `Row.asDict(True)`) -> the record they came from."""
    fields = {name: article[name] for name in ARTICLE_FIELDS[1:]}
    dateline = fields["dateline"] or {}
    if isinstance(dateline, (tuple, list)):   # as flattened, before Spark made a struct of it
        dateline = dict(zip(DATELINE_FIELDS, dateline, strict=True))
    fields["dateline"] = {key: dateline.get(key) for key in DATELINE_FIELDS}
    extra = load_extra(article.get("extra"))
    record: dict[str, Any] = {"schema": article["schema"],
                              "article": {"id": article["article_id"], **fields, **extra.get("article", {})}}
    for table in LISTS:
        rows = sorted(items.get(table) or [], key=lambda row: row["ord"])
        record[table] = [{**{name: row[name] for name in item_names(table)}, **load_extra(row.get("extra"))}
                         for row in rows]
    record["warnings"] = list(article["warnings"] or [])
    record.update(extra.get("record", {}))
    return record
