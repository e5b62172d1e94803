"""One NEREL text through depesha end to end: raw text -> Doc -> BRAT entities/relations in raw offsets."""

from __future__ import annotations

from difflib import SequenceMatcher

from .nerel_gold import BratEntity, BratRelation
from .nerel_predict import predict


def offset_map(text: str, raw: str) -> list[int]:
    """For each offset of `text` (and its end), the offset in `raw` it came from."""
    if text == raw:
        return list(range(len(text) + 1))
    mapping = [-1] * (len(text) + 1)
    for block in SequenceMatcher(None, text, raw, autojunk=False).get_matching_blocks():
        for n in range(block.size + 1):
            mapping[block.a + n] = block.b + n
    last = 0
    for i, value in enumerate(mapping):
        last = mapping[i] = value if value >= 0 else last
    return mapping


def run_doc(raw: str, stats: dict[str, int]) -> tuple[list[BratEntity], list[BratRelation]]:
    """Predictions for one raw text; counts in `stats` the documents whose cleaned text differs."""
    import depesha

    doc = depesha.extract_doc(depesha.Article(text=raw))
    entities, relations = predict(doc)
    if doc.text != raw:
        stats["text_changed"] = stats.get("text_changed", 0) + 1
        mapping = offset_map(doc.text, raw)
        for entity in entities:
            entity.start, entity.stop = mapping[entity.start], mapping[entity.stop]
            entity.text = raw[entity.start:entity.stop]
    return entities, relations
