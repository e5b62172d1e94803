"""Doc -> NEREL-style BRAT entities and relations, from the trained span and relation model."""

from __future__ import annotations

from ...doc import Doc
from ...extractors.relations_model import Mention, RelationModel, load, split_lines
from .gold import BratEntity, BratRelation
from .positions import boost


def predict(doc: Doc, model: RelationModel | None = None) -> tuple[list[BratEntity], list[BratRelation]]:
    """BRAT entities (offsets into `doc.text`) and the relations between them, over sentences cut at line breaks.

    The model's candidate links are decoded after raising those the core's positions state (doc.positions).
    """
    model = model or load()
    doc = split_lines(doc)
    mentions = model.mentions(doc)
    ids: dict[Mention, str] = {}
    entities = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.stop, m.type)):
        ids[mention] = f"T{len(ids) + 1}"
        entities.append(BratEntity(ids[mention], mention.type, mention.start, mention.stop,
                                   doc.text[mention.start:mention.stop]))
    links = model.relations(doc, mentions, lambda same: boost(doc, mentions, same))
    relations = [BratRelation(f"R{n}", relation, ids[a], ids[b]) for n, (relation, a, b, _) in enumerate(links, 1)]
    return entities, relations
