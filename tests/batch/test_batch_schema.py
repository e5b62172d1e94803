"""Parquet rows: a record flattens into table rows and assembles back into the identical record."""

from __future__ import annotations

from pathlib import Path

import pytest

from depesha.batch.schema import TABLES, assemble_record, flatten_record, item_names, names

DOCS = Path(__file__).parent.parent.parent / "docs" / "batch.md"

EMPTY = {
    "schema": "depesha/1",
    "article": {"id": "a0000000000000001", "source": "x.txt", "published": None,
                "dateline": {"place": None, "date": None, "agency": None}, "attribution": None, "title": None,
                "language": "ru", "url": None, "path": "x.txt", "text": "Дождь."},
    "entities": [], "positions": [], "events": [], "warnings": [],
}
FULL = {
    "schema": "depesha/1",
    "article": {"id": "a00000000000000ff", "source": "ТАСС", "published": "2025-03-01",
                "dateline": {"place": "Москва", "date": "2025-03-01", "agency": "ТАСС"}, "attribution": "МИД",
                "title": "Т", "language": "ru", "url": "https://x.test/1", "path": "f.jsonl:3", "text": "Текст статьи."},
    "entities": [
        {"id": "e1", "type": "person", "name": "Иван Петров", "country": "RU", "mentions": [[0, 5], [9, 12]],
         "gender": "masc", "sector": None, "canonical": None, "roles": []},
        {"id": "e2", "type": "organization", "name": "МИД", "country": "RU", "mentions": [[6, 9]],
         "gender": None, "sector": "GOV", "canonical": "RU:GOV:mid", "roles": ["organization"]},
    ],
    "positions": [{"person": "e1", "title": "министр", "organization": "e2", "country": "RU",
                   "evidence": [0, 9], "text": "министр"}],
    "events": [
        {"id": "v2", "category": "CONSULT", "kind": "talks", "date": "2025-03", "date_precision": "month",
         "mode": None, "place": "Москва", "countries": ["RU", "KZ"], "participants": ["e1"], "initiator": "e1",
         "topics": ["trade"], "outcome": None, "related": ["v1"], "evidence": [[0, 13], [20, 30]],
         "trigger": "переговоры", "summary": "Текст статьи."},
        {"id": "v1", "category": "ENGAGE", "kind": "visit", "date": None, "date_precision": None, "mode": None,
         "place": None, "countries": [], "participants": [], "initiator": None, "topics": [], "outcome": None,
         "related": [], "evidence": [], "trigger": "", "summary": ""},
    ],
    "warnings": ["no dateline"],
}


FUTURE = {**FULL, "article": {**FULL["article"], "lang_score": 0.98}, "version": 2,
          "entities": [{**FULL["entities"][0], "wikidata": "Q1"}, FULL["entities"][1]],
          "events": [{**FULL["events"][0], "confidence": 0.7}, FULL["events"][1]]}


def as_dicts(table: str, rows: list[tuple]) -> list[dict]:
    return [dict(zip(names(table), row, strict=True)) for row in rows]


@pytest.mark.parametrize("record, counts", [
    (EMPTY, {"articles": 1, "entities": 0, "positions": 0, "events": 0}),
    (FULL, {"articles": 1, "entities": 2, "positions": 1, "events": 2}),
    (FUTURE, {"articles": 1, "entities": 2, "positions": 1, "events": 2}),   # fields with no column yet
])
def test_batch_schema_round_trip(record, counts):
    rows = flatten_record(record, "in:1")
    assert {table: len(items) for table, items in rows.items()} == counts
    [article] = as_dicts("articles", rows["articles"])
    assert article["input_id"] == "in:1" and article["article_id"] == record["article"]["id"]
    items = {table: list(reversed(as_dicts(table, rows[table]))) for table in ("entities", "positions", "events")}
    assert assemble_record(article, items) == record      # order restored from `ord`


def test_batch_schema_matches_record_keys(pipeline_record):
    """Every key of a real record has a column: a new field in the contract must reach the schema."""
    rows = flatten_record(pipeline_record, "t")
    assert set(pipeline_record) == {"schema", "article", "entities", "positions", "events", "warnings"}
    assert set(pipeline_record["article"]) | {"article_id", "input_id", "schema", "warnings", "extra"} == set(names("articles")) | {"id"}
    for table in ("entities", "positions", "events"):
        assert pipeline_record[table], f"the sample has no {table}"
        assert set(pipeline_record[table][0]) == set(item_names(table))
    assert [row[-1] for table in rows for row in rows[table]] == [None] * sum(map(len, rows.values())), "extra used"
    assert assemble_record(as_dicts("articles", rows["articles"])[0],
                           {table: as_dicts(table, rows[table]) for table in ("entities", "positions", "events")}) == pipeline_record


@pytest.mark.parametrize("table", sorted(TABLES))
def test_batch_schema_documented(table):
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in names(table) if f"`{name}`" not in text.split(f"### {table}")[1].split("###")[0]]
    assert missing == []
