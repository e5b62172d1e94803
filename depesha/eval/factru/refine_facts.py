"""Track 3 refinements: one occupation fact per person, place and title (values in factru_occupation_*), tight meetings."""

from __future__ import annotations

from ...doc import Doc, Entity, Event, Position, Sent
from ...events.parties import core_people
from .format import FactLines
from .occupation_title import evidence, mentions_in, title_tokens
from .occupation_where import where_value
from .values import normalize_value, same_value

KEEP_WITHOUT_WHERE = False   # measured: facts without a place cost more precision than they add recall
MEETING_KINDS = {"meeting", "talks"}
NOT_JOBS = {"чемпион мира", "чемпион"}     # titles the core keeps that factRuEval never counts as occupations


# OCCUPATION


def person_value(person: Entity) -> str:
    """First and last word: 'Реджеп Тайип Эрдоган' -> 'Реджеп Эрдоган' (gold persons have no middle names)."""
    words = person.name.split()
    return " ".join([words[0], words[-1]]) if len(words) > 2 else person.name


def occupation_facts(doc: Doc) -> list[FactLines]:
    facts: list[FactLines] = []
    seen: set[tuple[str, str, str]] = set()
    previous: tuple[Position, str, str] | None = None
    spans: list[Position] = []
    for position in doc.positions:
        person = doc.entity(position.person)
        if person is None or person.type != "person" or position.title in NOT_JOBS:
            continue
        title = title_tokens(doc, position)
        where, where_key = where_value(doc, position, title[-1].stop if title else 0)
        if not where and previous and stacked(doc, previous[0], position):
            where, where_key = previous[1], previous[2]     # "представитель вооружённых сил | полковник X"
        if not where:
            where, where_key = bracketed_body(doc, position)
        previous = (position, where, where_key)
        key = (normalize_value(person_value(person)), normalize_value(where), position.title)
        if seen_before(key, seen) or nested(position, spans) or (not where and not KEEP_WITHOUT_WHERE):
            continue
        seen.add(key)
        spans.append(position)
        written = " ".join(token.text for token in title) or position.text or position.title
        facts.append(("occupation", [("who", person_value(person)), ("position", written), ("where", where)]))
    return facts


def seen_before(key: tuple[str, str, str], seen: set[tuple[str, str, str]]) -> bool:
    """The same fact again, up to a spelling variant of the name or the place ("Сааакашвили")."""
    return key in seen or any(title == key[2] and same_value(who, key[0]) and same_value(where, key[1])
                              for who, where, title in seen)


def nested(position: Position, taken: list[Position]) -> bool:
    """A title inside the phrase of one already taken for the same person ("полпреда | президента")."""
    start, stop = evidence(position)
    return any(other.person == position.person and evidence(other)[0] <= start and stop <= evidence(other)[1]
               for other in taken)


def stacked(doc: Doc, first: Position, second: Position) -> bool:
    """The second title follows the first one's phrase directly, for the same person."""
    return first.person == second.person and not doc.text[evidence(first)[1]:evidence(second)[0]].strip()


def bracketed_body(doc: Doc, position: Position) -> tuple[str, str]:
    """"архиепископ Лонгин Клинский (РПЦ МП)": the organisation in brackets right after the person's name."""
    person = doc.entity(position.person)
    stop = evidence(position)[1]
    after = [b for a, b in person.mentions if a >= stop] if person else []
    if not after:
        return "", ""
    end = min(after)
    text = doc.text[end:end + 80]
    if not text.lstrip().startswith("("):
        return "", ""
    close = text.find(")")
    orgs = mentions_in(doc, end, end + close, {"organization"}) if close > 0 else []
    return (doc.text[orgs[0][0]:orgs[0][1]], orgs[0][2].id) if orgs else ("", "")


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
