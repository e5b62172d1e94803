"""The default pipeline's stages, in order: read -> clean -> annotate -> extract -> events."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .clean import clean_text, detect_language, find_attribution, parse_dateline
from .doc import Dateline, Doc, content_id
from .errors import ReadError
from .pipeline import Stage


def env_int(name: str, default: int) -> int:
    """A positive whole number from the environment; the default (with a warning) when it is not one."""
    value = os.environ.get(name, "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    if value:
        import logging

        logging.getLogger("depesha").warning("%s=%r is not a positive whole number: using %d", name, value[:40], default)
    return default


# Longest cleaned text read (characters): cost is linear, about 0.08 ms a character with the models, so this keeps an
# article under 10 s; longer texts (transcripts, dumps) are refused by name, never cut silently.
MAX_CHARS = env_int("DEPESHA_MAX_CHARS", 100_000)

if TYPE_CHECKING:
    from .annotate.natasha import NatashaAnnotator


def clean_doc(doc: Doc) -> Doc:
    """Stage `clean`: cleaned text, language, dateline, attribution, id and metadata.

    Raises:
        ReadError: the text is longer than MAX_CHARS characters.
    """
    article = doc.article
    doc.text = clean_text(doc.raw)
    if len(doc.text) > MAX_CHARS:
        source = (article.source if article is not None else None) or "article"
        raise ReadError(source, f"too long: {len(doc.text):,} characters of text, at most {MAX_CHARS:,}"
                                " (DEPESHA_MAX_CHARS)")
    doc.id = content_id(doc.text)
    if article is not None:
        doc.published, doc.title, doc.source = article.published, article.title, article.agency
        doc.warnings.extend(w for w in article.warnings if w not in doc.warnings)
    doc.language = detect_language(doc.text)
    doc.dateline = parse_dateline(doc.text, doc.published) or Dateline()
    if doc.dateline.agency:
        doc.source = doc.dateline.agency if not doc.source or doc.source == doc.dateline.agency else doc.source
    found = find_attribution(doc.text)
    if found:
        doc.attribution, start, stop = found
        doc.attribution_span = [start, stop]
    return doc


def annotate_doc(doc: Doc) -> Doc:
    """Stage `annotate`: natasha on Russian text; other languages keep a bare token list."""
    if doc.language == "ru":
        return annotator()(doc)
    from .annotate.plain import annotate_plain

    return annotate_plain(doc)


@lru_cache(maxsize=1)
def annotator() -> NatashaAnnotator:
    """The natasha annotator, built once per process."""
    from .annotate.natasha import NatashaAnnotator

    return NatashaAnnotator()


def default_stages() -> list[Stage]:
    from .coref.stage import extract_coref
    from .events.build import extract_events
    from .events.learned import extract_learned_events
    from .extractors.entities import extract_entities
    from .extractors.positions import extract_positions

    annotator()  # load the models now, once per process
    return [
        Stage("clean", clean_doc, requires=("raw",), assigns=("text", "id", "language", "dateline", "attribution")),
        Stage("annotate", annotate_doc, requires=("text", "language"), assigns=("tokens", "sents", "ner")),
        Stage("entities", extract_entities, requires=("tokens", "ner"), assigns=("entities", "geo", "bodies")),
        Stage("coref", extract_coref, requires=("tokens",), assigns=("coref",)),
        Stage("positions", extract_positions, requires=("entities",), assigns=("positions",)),
        Stage("events", extract_events, requires=("entities", "positions", "dateline"), assigns=("events",)),
        Stage("learned events", extract_learned_events, requires=("events",), assigns=("events",)),
    ]
