"""The last pass over an article's events: countries of participants and organisations, the main event's
article-wide participants and topics, and the rule that cooperation needs an international actor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doc import Doc, Event
from ..extractors.countries import dateline_country
from .roles import countries_in, orgs_in, subjects
from .topics import find_topics

if TYPE_CHECKING:
    from .build import Builder

INTERNATIONAL = ("REQUEST", "AGREE", "SUPPORT", "REJECT", "ACCUSE")


def finish(doc: Doc, builder: Builder) -> None:
    """Participants' countries, article-wide participants and topics of the main meeting; events of
    cooperation need an international actor."""
    people = {entity.id: entity for entity in doc.entities if entity.type == "person"}
    main = builder.main
    if main is not None:
        first = main.evidence[0][0]
        for sent in doc.sents:
            if sent.start < first:
                continue
            added = [entity.id for entity in subjects(doc, sent) if entity.id not in main.participants]
            main.participants += added
            if added:
                main.countries += [iso for iso in countries_in(doc, sent.start, sent.stop) if iso not in main.countries]
        main.topics = find_topics(doc.tokens)
    for event in builder.events:
        for person in event.participants:
            country = people[person].country if person in people else None
            if country and country not in event.countries:
                event.countries.append(country)
        for start, stop in event.evidence[:1]:
            for org in orgs_in(doc, start, stop):
                if org.country and org.country not in event.countries and org.sector != "IGO":
                    event.countries.append(org.country)
        if (event.category == "SUPPORT" and event.kind == "signing" or event.kind == "talks") and main is not None \
                and len(event.countries) < 2:
            event.countries += [iso for iso in main.countries if iso not in event.countries]
        if event is not main:
            event.topics = find_topics(scope_tokens(doc, event))
        if event.category in ("CONSULT", "AGREE") and len(event.countries) > 1 and "diplomatic" not in event.topics:
            event.topics.append("diplomatic")
    doc.events = builder.events
    builder.events = [event for event in builder.events if international(doc, event, people)]
    renamed = {event.id: f"v{number}" for number, event in enumerate(builder.events, 1)}
    for event in builder.events:  # ids stay v1, v2, ... without gaps
        event.id = renamed[event.id]
        event.related = [renamed[id] for id in event.related if id in renamed]


def home_country(doc: Doc) -> str | None:
    """The country of the dateline's place, else the most mentioned country."""
    counts: dict[str, int] = {}
    for mention in doc.geo:
        counts[mention.iso] = counts.get(mention.iso, 0) + 1
    return dateline_country(doc) or (max(counts, key=lambda iso: counts[iso]) if counts else None)


def international(doc: Doc, event: Event, people: dict) -> bool:
    """REQUEST/AGREE/SUPPORT/REJECT/ACCUSE need an international actor: two countries, a foreign official or an
    international organisation ("Мы рекомендуем жителям..." is not diplomacy)."""
    if event.category not in INTERNATIONAL or len(event.countries) > 1:
        return True
    if (event.countries or event.participants) and any(len(other.countries) > 1 for other in doc.events
                                                       if other.id in event.related):
        return True
    home = home_country(doc)
    if any(people[person].country not in (None, home) for person in event.participants if person in people):
        return True
    if any(iso != home for iso in event.countries):
        return True
    return any(org.sector == "IGO" for start, stop in event.evidence for org in orgs_in(doc, start, stop))


def scope_tokens(doc: Doc, event: Event) -> list:
    """Tokens of the event's sentences and of the sentence before the first one."""
    starts = [span[0] for span in event.evidence]
    sents = doc.sents
    chosen = set()
    for index, sent in enumerate(sents):
        if any(sent.start <= start < sent.stop for start in starts):
            chosen.add(index)
            if index:
                chosen.add(index - 1)
    return [token for index in sorted(chosen) for token in sents[index].tokens]
