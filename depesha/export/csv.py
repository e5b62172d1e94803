"""Flat CSV rows: one row per event, with the article and participant names joined in."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

COLUMNS = ["article_id", "published", "source", "event_id", "category", "kind", "date", "mode", "place",
           "countries", "participants", "initiator", "topics", "outcome", "evidence", "summary"]


def event_rows(record: dict[str, Any]) -> list[dict[str, str]]:
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    article = record["article"]
    return [{
        "article_id": article["id"], "published": article.get("published") or "", "source": article.get("source") or "",
        "event_id": event["id"], "category": event["category"], "kind": event["kind"], "date": event.get("date") or "",
        "mode": event.get("mode") or "", "place": event.get("place") or "", "countries": ";".join(event["countries"]),
        "participants": ";".join(names.get(pid, pid) for pid in event["participants"]),
        "initiator": names.get(event.get("initiator") or "", ""), "topics": ";".join(event.get("topics", [])),
        "outcome": event.get("outcome") or "", "evidence": ";".join(f"{a}-{b}" for a, b in event["evidence"]),
        "summary": event.get("summary") or "",
    } for event in record["events"]]


def format_csv(records: Iterable[dict[str, Any]], header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    if header:
        writer.writeheader()
    for record in records:
        writer.writerows(event_rows(record))
    return buffer.getvalue()
