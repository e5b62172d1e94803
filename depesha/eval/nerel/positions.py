"""The core's rule-based positions (doc.positions) as evidence for the model's WORKS_AS / WORKPLACE candidates,
and the core's syntax rules as evidence against some of them."""

from __future__ import annotations

from ...doc import Doc, Token
from ...extractors.position_link import QUOTES, relatives
from ...extractors.position_predicate import in_case_of
from ...extractors.relations_model import Link, Mention, head_of

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
    """Same-sentence candidates, with the probability of those a core position states raised to `floor` and of
    those the core's rules refute (`refuted`) set to 0."""
    stated = supported(doc, mentions)
    out = []
    for relation, a, b, p in same:
        if relation == "WORKS_AS" and refuted(doc, mentions, a, b):
            p = 0.0
        elif (relation, a, b) in stated:
            p = max(p, floor)
        out.append((relation, a, b, p))
    return out


def refuted(doc: Doc, mentions: list[Mention], person: Mention, title: Mention, reach: int = 8) -> bool:
    """A name after a title that the core's rules say does not hold it: the title follows a kinship noun and the
    name is not in its case ("дочь капитана Ханна"; also the titles listed after it), or the name is the
    genitive complement of a nominative title ("тренер Дадашева")."""
    if person.sent != title.sent or not 0 <= person.first - title.last <= reach:
        return False
    tokens = doc.sents[title.sent].tokens
    a, b = tokens[head_of(tokens, person)], tokens[head_of(tokens, title)]
    if a.rel == "nmod" and a.head_id in {t.id for t in tokens[title.first:title.last + 1]} \
            and b.feats.get("Case") == "Nom":
        return True
    return b.feats.get("Case") != "Nom" and kin_before(tokens, title, mentions) and not in_case_of(b, a)


def kin_before(tokens: list[Token], title: Mention, mentions: list[Mention]) -> bool:
    """A kinship noun before the title, past adjectives, quotes and the titles listed before it."""
    listed = [m for m in mentions if m.type == "PROFESSION" and m.sent == title.sent and m.last < title.first]
    index = title.first - 1
    while index >= 0:
        inside = next((m for m in listed if m.first <= index <= m.last), None)
        if inside is not None:
            index = inside.first - 1
        elif tokens[index].pos == "ADJ" or tokens[index].text in QUOTES or tokens[index].text.lower() in (",", "и"):
            index -= 1
        else:
            return (tokens[index].lemma or "").lower() in relatives()
    return False
