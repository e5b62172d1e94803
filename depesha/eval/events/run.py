"""Run depesha over the gold's documents and reduce each record to what the event rules compare."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .gold import GoldDoc
from .score import DocPrediction, Predicted, PredictedPerson


def reduce_record(record: dict[str, Any]) -> DocPrediction:
    """A depesha record (the JSON of `depesha extract`) as predicted events and people."""
    names = {entity["id"]: entity.get("name") or "" for entity in record.get("entities", [])}
    events = [Predicted(event["category"], sorted(set(event.get("countries") or [])), event.get("date") or None,
                        event.get("mode"), [names.get(person, "") for person in event.get("participants") or []])
              for event in record.get("events", [])]
    titles: dict[str, list[tuple[str, str | None]]] = {}
    for position in record.get("positions", []):
        titles.setdefault(position["person"], []).append((position.get("title") or "", position.get("country")))
    people = [PredictedPerson(entity.get("name") or "", titles.get(entity["id"], []), entity.get("country"))
              for entity in record.get("entities", []) if entity.get("type") == "person"]
    return DocPrediction(events, people)


def predict(docs: Iterable[GoldDoc], failed: list[str]) -> Iterator[tuple[GoldDoc, DocPrediction]]:
    """(gold, prediction) per document; a document depesha fails on gets an empty prediction and is listed."""
    from ... import extract_doc, make_pipeline
    from ...doc import Article
    from ...export.record import format_record

    pipeline = make_pipeline()
    for gold in docs:
        try:
            record = format_record(extract_doc(Article(text=gold.text, source=gold.id), pipeline))
            yield gold, reduce_record(record)
        except Exception:  # noqa: BLE001 - one bad document must not stop the evaluation
            failed.append(gold.id)
            yield gold, DocPrediction()
