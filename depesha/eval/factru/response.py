"""Map a depesha Doc to factRuEval responses: track 1 mentions and track 3 facts."""

from __future__ import annotations

from ...doc import Doc, Entity
from ..offsets import OffsetMap
from .format import FactLines, Mention
from .locorg import is_locorg
from .refine_facts import refined_facts
from .spans import refine_mentions

ENTITY_TAGS = {"person": "per", "organization": "org"}
NER_TAGS = {"PER": "per", "ORG": "org"}
CONSULT_KINDS = {"meeting", "talks", "visit", "phone_call"}


# TRACK 1


def place_tag(doc: Doc, start: int, stop: int) -> str:
    return "locorg" if is_locorg(doc, start, stop) else "loc"


def overlaps(start: int, stop: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < stop for a, b in taken)


def doc_mentions(doc: Doc, refine: bool = True) -> list[Mention]:
    """Every entity mention with its tag (a place's role gives loc or locorg), plus natasha's person and
    place spans no entity took; then factRuEval's conventions."""
    mentions: list[Mention] = []
    for entity in doc.entities:
        roles = entity.roles or [""] * len(entity.mentions)
        for (start, stop), role in zip(entity.mentions, roles, strict=False):
            if entity.type == "organization":
                tag = "loc" if role == "place" else "org"
            else:
                tag = ENTITY_TAGS.get(entity.type) or ("locorg" if role == "organization" else "loc")
            mentions.append((tag, start, stop))
    taken = [(start, stop) for _, start, stop in mentions]
    claimed = len(mentions)
    for span in doc.ner:
        # the core's choice stands for organisations it left out (СМИ, шаттл «Дискавери»)
        if span.type != "ORG" and not overlaps(span.start, span.stop, taken):
            tag = NER_TAGS.get(span.type) or place_tag(doc, span.start, span.stop)
            mentions.append((tag, span.start, span.stop))
    return refine_mentions(doc, mentions, claimed) if refine else mentions


# TRACK 3


def where_name(doc: Doc, organization: str | None, country: str | None) -> str:
    entity = doc.entity(organization) if organization else None
    if entity is not None:
        return entity.name
    place = next((e for e in doc.entities if e.type == "country" and e.country == country), None) if country else None
    return place.name if place else ""


def position_text(doc: Doc, title: str, text: str) -> str:
    return text or title


def doc_facts(doc: Doc, refine: bool = True) -> list[FactLines]:
    """Occupation facts from positions, Meeting facts from CONSULT events between persons."""
    if refine:
        return refined_facts(doc)
    facts: list[FactLines] = []
    for position in doc.positions:
        person = doc.entity(position.person)
        if person is None:
            continue
        args = [("who", person.name), ("position", position_text(doc, position.title, position.text)),
                ("where", where_name(doc, position.organization, position.country))]
        facts.append(("occupation", args))
    for event in doc.events:
        if event.category != "CONSULT" or event.kind not in CONSULT_KINDS:
            continue
        people = [e for e in map(doc.entity, event.participants) if isinstance(e, Entity) and e.type == "person"]
        if len(people) >= 2:
            facts.append(("meeting", [("participant", person.name) for person in people]))
    return facts


# OFFSETS


def to_raw(mentions: list[Mention], doc: Doc, raw: str) -> list[Mention]:
    """Shift offsets from the cleaned doc.text to the original text."""
    table = OffsetMap(doc.text, raw)
    return [(tag, table.start(start), table.stop(stop)) for tag, start, stop in mentions]
