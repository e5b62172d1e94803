"""The public functions: `extract(text)` for one article, `make_pipeline()` for many."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .doc import Article, Doc
from .pipeline import Pipeline


@lru_cache(maxsize=1)
def make_pipeline() -> Pipeline:
    """The default pipeline, built once per process (natasha's models load here)."""
    from .stages import default_stages

    return Pipeline(default_stages())


def extract_doc(article: Article, pipeline: Pipeline | None = None) -> Doc:
    """Run the whole pipeline on one Article and return the filled Doc."""
    pipeline = pipeline or make_pipeline()
    return pipeline(Doc(raw=article.text, article=article))


def extract(text: str, published: str | None = None, **meta: Any) -> dict[str, Any]:
    """Extract the record of one article.

    Args:
        text: the article, plain text (optional `key value` header lines) or HTML (`html=True`).
        published: ISO publication date, used to infer years of relative dates.
        **meta: other Article fields (source, title, url, agency, html).

    Returns:
        The record described in docs/schema.md: schema, article, entities, positions, events.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if meta.get("html"):
        from .read.html import parse_html

        meta.pop("html")
        article = parse_html(text, meta.pop("source", None) or "<html>", published=published, **meta)
    else:
        from .read.text import parse_text

        article = parse_text(text, meta.pop("source", None) or "<text>", published=published, **meta)
    return extract_doc(article).as_record()
