"""One NEREL text through depesha end to end: raw text -> Doc -> BRAT entities/relations in raw offsets."""

from __future__ import annotations

from ..offsets import OffsetMap
from .gold import BratEntity, BratRelation
from .predict import predict


def run_doc(raw: str, stats: dict[str, int]) -> tuple[list[BratEntity], list[BratRelation]]:
    """Predictions for one raw text; counts in `stats` the documents whose cleaned text differs."""
    import depesha

    doc = depesha.extract_doc(depesha.Article(text=raw))
    entities, relations = predict(doc)
    if doc.text != raw:
        stats["text_changed"] = stats.get("text_changed", 0) + 1
        to_raw(entities, OffsetMap(doc.text, raw), raw)
    return entities, relations


def to_raw(entities: list[BratEntity], table: OffsetMap, raw: str) -> None:
    """Move entities from the cleaned text's offsets to the raw text's (in place), through its offset map."""
    for entity in entities:
        entity.start, entity.stop = table.start(entity.start), table.stop(entity.stop)
        entity.text = raw[entity.start:entity.stop]
