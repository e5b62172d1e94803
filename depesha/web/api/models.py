"""API schemas (the OpenAPI document is built from them); table rows stay in depesha.store."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Participant(Open):
    id: int
    type: str
    name: str
    country: str | None = None


class Report(Open):
    article: str = Field(description="article id")
    event: str = Field(description="event id inside the article's record (v1, v2...)")
    evidence: list[list[int]] = Field(description="[start, stop] offsets into the article text")
    trigger: str | None = None
    source: str | None = None
    published: str | None = None
    duplicate: bool = Field(description="the article republishes another one")


class Event(Open):
    id: int
    category: str
    kind: str | None = None
    date: str | None = None
    mode: str | None = None
    place: str | None = None
    countries: list[str]
    outcome: str | None = None
    summary: str | None = None
    articles: int = Field(description="articles reporting it, near-duplicates not counted")
    participants: list[Participant] = []
    topics: list[str] = []
    reports: list[Report] = []
    followups: list[dict[str, Any]] | None = None


class Article(Open):
    id: str
    source: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    dup_of: str | None = Field(None, description="id of the article this one republishes")


class Entity(Open):
    id: int
    type: str
    name: str
    country: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0


class EventPage(BaseModel):
    items: list[Event]
    next: str | None = Field(None, description="cursor of the next page; null on the last one")


class ArticlePage(BaseModel):
    items: list[Article]
    next: str | None = None


class EntityPage(BaseModel):
    items: list[Entity]
    next: str | None = None


class ArticleIn(BaseModel):
    """Either raw `text` to extract, or a `record` already extracted by depesha."""

    text: str | None = Field(None, description="the article: plain text or HTML (with html=true)")
    html: bool = False
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    record: dict[str, Any] | None = Field(None, description="a depesha/1 record")


class IngestResult(BaseModel):
    article: str
    status: str = Field(description="stored, or skipped when already stored")
    dup_of: str | None = None
