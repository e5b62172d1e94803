"""The core's rule-based positions (doc.positions) as evidence for the model's WORKS_AS / WORKPLACE candidates."""

from __future__ import annotations

from ..doc import Doc
from ..extractors.relations_model import Link, Mention

PLACES = ("ORGANIZATION", "COUNTRY", "CITY")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def nearest(mentions: list[Mention], spans: list[list[int]], types: tuple[str, ...], anchor: Mention) -> Mention | None:
    """The mention of `types` in the anchor's sentence that overlaps one of `spans`, nearest to the anchor."""
    found = [m for m in mentions if m.type in types and m.sent == anchor.sent
             and any(overlaps((m.start, m.stop), (start, stop)) for start, stop in spans)]
    return min(found, key=lambda m: abs(m.start - anchor.start), default=None)


def supported(doc: Doc, mentions: list[Mention]) -> set[tuple[str, Mention, Mention]]:
    """(relation, arg1, arg2) that a position of the core states: person -> title, title -> its organisation."""
    entities = {entity.id: entity for entity in doc.entities}
    out = set()
    for position in doc.positions:
        if len(position.evidence) != 2 or position.person not in entities:
            continue
        span = (position.evidence[0], position.evidence[1])
        title = next((m for m in mentions if m.type == "PROFESSION" and overlaps((m.start, m.stop), span)), None)
        if title is None:
            continue
        person = nearest(mentions, entities[position.person].mentions, ("PERSON",), title)
        if person is not None:
            out.add(("WORKS_AS", person, title))
        org = entities.get(position.organization or "")
        place = nearest(mentions, org.mentions, PLACES, title) if org else None
        if place is not None:
            out.add(("WORKPLACE", title, place))
    return out


def boost(doc: Doc, mentions: list[Mention], same: list[Link], floor: float = 0.99) -> list[Link]:
    """Same-sentence candidates, with the probability of those a core position states raised to `floor`."""
    stated = supported(doc, mentions)
    return [(r, a, b, max(p, floor) if (r, a, b) in stated else p) for r, a, b, p in same]
