"""Track 3 refinements: occupation values as written in the text, one fact per person and place, tight meetings."""

from __future__ import annotations

import re

from ..doc import Doc, Entity, Event, Position, Sent, Token
from ..events.parties import core_people
from .factru_format import FactLines
from .factru_values import normalize_value

KEEP_WITHOUT_WHERE = False   # measured: facts without a place cost more precision than they add recall
MEETING_KINDS = {"meeting", "talks"}
PLACE_TYPES = {"country", "location"}
PARENS = re.compile(r"\([^)]*\)?")


# OCCUPATION


def mentions_in(doc: Doc, start: int, stop: int, types: set[str]) -> list[tuple[int, int, Entity]]:
    found = [(a, b, e) for e in doc.entities if e.type in types for a, b in e.mentions if start <= a and b <= stop]
    return sorted(found, key=lambda item: item[0])


def title_tokens(doc: Doc, position: Position) -> list[Token]:
    """The title as written: as many words of the evidence as the title has, stopping at names and quotes."""
    start, stop = evidence(position)
    wanted = max(1, sum(1 for word in position.title.split() if word.isalpha() or "-" in word))
    names = [(a, b) for a, b, _ in mentions_in(doc, start, stop, {"organization", "country", "location", "person"})]
    orgs = [a for a, _, _ in mentions_in(doc, start, stop, {"organization"})]
    words: list[Token] = []
    for token in doc.tokens:
        if token.start < start or token.stop > stop or len(words) >= wanted:
            continue
        inside_name = any(a <= token.start < b for a, b in names)
        if inside_name or not (token.text.isalpha() or "-" in token.text) or (words and token.text.isupper()):
            break
        if words and token.pos == "ADJ" and leads_to(doc, token, orgs):
            break
        words.append(token)
    return words


def leads_to(doc: Doc, token: Token, starts: list[int]) -> bool:
    """Only adjectives between this token and the start of an organisation mention."""
    following = [t for t in doc.tokens if t.start >= token.start]
    for item in following:
        if item.start in starts:
            return True
        if item.pos != "ADJ":
            return False
    return False


def tidy(text: str) -> str:
    """No parenthesised parts, no edge punctuation: 'фронта (ОФДД), ' -> 'фронта'."""
    return PARENS.sub(" ", text).strip(" ,.;«»\"-—–")


def evidence(position: Position) -> tuple[int, int]:
    return (position.evidence[0], position.evidence[1]) if len(position.evidence) >= 2 else (0, 0)


def where_value(doc: Doc, position: Position, title_stop: int) -> tuple[str, str]:
    """(value, key): an organisation named in the evidence with the words between title and name
    ('московского отделения движения «Солидарность»'), else a place as written, else entity names."""
    start, stop = evidence(position)
    org = doc.entity(position.organization) if position.organization else None
    found = mentions_in(doc, start, stop, {"organization"})
    if org is not None:
        found = [item for item in found if item[2].id == org.id] or found
    if found:
        a, b, entity = found[0]
        begin = title_stop if 0 < title_stop <= a else a
        people = [x for x, _, _ in mentions_in(doc, b, stop, {"person"})]
        end = min([stop, *people])
        return tidy(doc.text[begin:end]), entity.id
    places = mentions_in(doc, start, stop, PLACE_TYPES)
    if places:
        a, b, entity = places[0]
        return doc.text[a:b], entity.id
    if org is not None:
        return org.name, org.id
    place = next((e for e in doc.entities if e.type == "country" and e.country == position.country), None)
    return (place.name, place.id) if place and position.country else ("", "")


def person_value(person: Entity) -> str:
    """First and last word: 'Реджеп Тайип Эрдоган' -> 'Реджеп Эрдоган' (gold persons have no middle names)."""
    words = person.name.split()
    return " ".join([words[0], words[-1]]) if len(words) > 2 else person.name


def occupation_facts(doc: Doc) -> list[FactLines]:
    facts: list[FactLines] = []
    seen: set[tuple[str, str]] = set()
    for position in doc.positions:
        person = doc.entity(position.person)
        if person is None or person.type != "person":
            continue
        title = title_tokens(doc, position)
        where, where_key = where_value(doc, position, title[-1].stop if title else 0)
        key = (normalize_value(person_value(person)), where_key)
        if key in seen or (not where and not KEEP_WITHOUT_WHERE):
            continue
        seen.add(key)
        written = " ".join(token.text for token in title) or position.text or position.title
        facts.append(("occupation", [("who", person_value(person)), ("position", written), ("where", where)]))
    return facts


# MEETING


def trigger_place(doc: Doc, event: Event) -> tuple[Sent, int] | None:
    """The sentence of the event's first evidence and the index of its trigger word in it."""
    if not event.evidence or not event.trigger:
        return None
    start, stop = event.evidence[0]
    word = event.trigger.split()[0]
    for sent in doc.sents:
        if sent.start <= start < sent.stop or start <= sent.start < stop:
            for number, token in enumerate(sent.tokens):
                if token.text == word and start <= token.start < stop:
                    return sent, number
    return None


def meeting_people(doc: Doc, event: Event) -> list[Entity]:
    """Persons syntactically attached to the trigger: subject, object, "с"/"между" partners."""
    found = trigger_place(doc, event)
    if found is None:
        return []
    sent, number = found
    return core_people(doc, sent, number)


def meeting_facts(doc: Doc) -> list[FactLines]:
    facts: list[FactLines] = []
    groups: list[set[str]] = []
    for event in doc.events:
        if event.category != "CONSULT" or event.kind not in MEETING_KINDS:
            continue
        people = meeting_people(doc, event)
        ids = {person.id for person in people}
        if len(ids) < 2 or any(ids <= group for group in groups):
            continue
        groups.append(ids)
        facts.append(("meeting", [("participant", person_value(person)) for person in people]))
    return facts


def refined_facts(doc: Doc) -> list[FactLines]:
    return occupation_facts(doc) + meeting_facts(doc)
