"""The records that flow through the pipeline: Article in, Doc out, facts inside."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .record import Record

Span = tuple[int, int]


def content_id(text: str) -> str:
    """The id of an article: 'a' + the first 16 hex digits of the SHA-256 of its cleaned text (UTF-8).

    >>> content_id("abc")
    'aba7816bf8f01cfea'
    """
    return "a" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ARTICLE


@dataclass(repr=False)
class Article(Record):
    """An input as read: raw text or HTML plus whatever metadata came with it."""

    text: str
    source: str | None = None       # where it came from: a path, "<stdin>", a JSONL line id, a WARC URL
    published: str | None = None    # ISO date from a header, HTML metadata or JSONL field
    title: str | None = None
    url: str | None = None
    agency: str | None = None       # publisher given by metadata (the dateline may find another)
    html: bool = False              # text is an HTML page still to be reduced to its body
    warnings: list[str] = field(default_factory=list)   # what reading had to repair (NUL bytes, bad UTF-8)


@dataclass(repr=False)
class Dateline(Record):
    """'Астана. 28 ноября. KAZAKHSTAN TODAY -': where, when and who sent the report."""

    place: str | None = None
    date: str | None = None
    agency: str | None = None
    start: int = 0
    stop: int = 0


# ANNOTATION


@dataclass(repr=False)
class Token(Record):
    """One token with its morphology and syntax, offsets into `Doc.text`."""

    start: int
    stop: int
    text: str
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    lemma: str = ""
    id: str = ""       # natasha's "sent_token" id, e.g. "1_4"
    head_id: str = ""
    rel: str = ""


@dataclass(repr=False)
class Sent(Record):
    start: int
    stop: int
    tokens: list[Token] = field(default_factory=list)


@dataclass(repr=False)
class NerSpan(Record):
    """A named-entity span from the tagger (PER, ORG, LOC), later refined by depesha."""

    start: int
    stop: int
    type: str
    text: str
    normal: str = ""


# FACTS


@dataclass(repr=False)
class Entity(Record):
    """A person, organisation, country or location, with every mention."""

    id: str
    type: str                      # person | organization | country | location
    name: str                      # normalised, nominative
    country: str | None = None     # ISO 3166-1 alpha-2
    mentions: list[list[int]] = field(default_factory=list)
    gender: str | None = None      # persons: masc | fem
    sector: str | None = None      # PLOVER sector for organisations: GOV, LEG, JUD, MIL, ...
    canonical: str | None = None   # gazetteer id for known bodies (e.g. "KZ:LEG:mazhilis")
    roles: list[str] = field(default_factory=list)  # countries, places: per mention, place | organization


@dataclass(repr=False)
class Position(Record):
    """A person holds a post ("посол"), possibly in a body, for a country."""

    person: str
    title: str
    organization: str | None = None
    country: str | None = None
    evidence: list[int] = field(default_factory=list)
    text: str = ""                 # the position phrase as written, e.g. "председатель комиссии по ..."


@dataclass(repr=False)
class Event(Record):
    """Who did what with whom, when, where and how, with the evidence spans."""

    id: str
    category: str                  # one of the 16 PLOVER categories
    kind: str                      # meeting, talks, visit, phone_call, signing, proposal, ...
    date: str | None = None
    date_precision: str | None = None   # day | month | year
    mode: str | None = None        # online | in_person | phone
    place: str | None = None
    countries: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    initiator: str | None = None
    topics: list[str] = field(default_factory=list)
    outcome: str | None = None     # proposed | supported | agreed | rejected
    related: list[str] = field(default_factory=list)
    evidence: list[list[int]] = field(default_factory=list)
    trigger: str = ""              # the word that triggered the event, as written
    summary: str = ""              # the sentence, or clause, that states it


# DOC


@dataclass(repr=False)
class Doc(Record):
    """One article as it moves through the pipeline; stages fill it in place."""

    text: str = ""
    raw: str = ""
    article: Article | None = None
    id: str = ""
    published: str | None = None
    title: str | None = None
    language: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    source: str | None = None
    attribution: str | None = None
    attribution_span: list[int] | None = None
    tokens: list[Token] = field(default_factory=list)
    sents: list[Sent] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    coref: list[list[list[int]]] = field(default_factory=list)   # chains of [start, stop] mentions, text order
    warnings: list[str] = field(default_factory=list)
    geo: list[Any] = field(default_factory=list)        # country mentions (names, adjectives, capitals)
    bodies: list[Any] = field(default_factory=list)     # organisation mentions with their gazetteer entry

    def entity(self, id: str) -> Entity | None:
        return next((entity for entity in self.entities if entity.id == id), None)

    def as_record(self) -> dict[str, Any]:
        """The public output contract (see docs/schema.md)."""
        from .export.record import format_record

        return format_record(self)
