"""The public JSON record of one Doc (schema documented in docs/schema.md)."""

from __future__ import annotations

from typing import Any

from ..doc import Doc

SCHEMA = "depesha/1"


def format_article(doc: Doc) -> dict[str, Any]:
    article = doc.article
    return {
        "id": doc.id,
        "source": doc.source,
        "published": doc.published,
        "dateline": {"place": doc.dateline.place, "date": doc.dateline.date, "agency": doc.dateline.agency},
        "attribution": doc.attribution,
        "title": doc.title,
        "language": doc.language,
        "url": article.url if article else None,
        "path": article.source if article else None,
        "text": doc.text,
    }


def format_record(doc: Doc) -> dict[str, Any]:
    """The record: schema, article, entities, positions, events, warnings."""
    return {
        "schema": SCHEMA,
        "article": format_article(doc),
        "entities": [entity.as_json() for entity in doc.entities],
        "positions": [position.as_json() for position in doc.positions],
        "events": [event.as_json() for event in doc.events],
        "warnings": list(doc.warnings),
    }
