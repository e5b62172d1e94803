"""HTML pages: the article body and metadata, with trafilatura."""

from __future__ import annotations

from typing import Any

from ..doc import Article
from ..errors import ReadError

try:
    import trafilatura

    HAS_TRAFILATURA = True
except ImportError:  # pragma: no cover - the [html] extra is missing
    HAS_TRAFILATURA = False


def parse_html(html: str, source: str, **meta: str | None) -> Article:
    """Reduce an HTML page to its main text and metadata; broken markup is tolerated."""
    if not HAS_TRAFILATURA:
        raise ReadError(source, "HTML input needs the [html] extra: pip install 'depesha[html]'")
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    if document is None:
        raise ReadError(source, "no article text found in the HTML page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (data.get("text") or "").strip()
    if not text:
        raise ReadError(source, "no article text found in the HTML page")
    fields: dict[str, Any] = {
        "published": meta.get("published") or data.get("date"),
        "title": meta.get("title") or data.get("title"),
        "url": meta.get("url") or data.get("url"),
        "agency": meta.get("agency") or data.get("sitename"),
    }
    return Article(text=text, source=source, **fields)
