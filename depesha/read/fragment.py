"""HTML fragments (paragraphs without <html> or <body>): the visible text, tags stripped by the standard library."""

from __future__ import annotations

import re
from html.parser import HTMLParser

FRAGMENT = re.compile(r"\s*<(p|div|span|article|section|h[1-6]|br|b|i|em|strong|a|ul|ol|li|table|blockquote)\b",
                      re.I)
BLOCKS = {"p", "div", "br", "li", "tr", "article", "section", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = {"script", "style", "template", "noscript"}
SPACES = re.compile(r"[ \t]+")
BLANKS = re.compile(r"\n\s*\n\s*")


def looks_like_fragment(text: str) -> bool:
    """Text that starts with a common body tag (`<p>`, `<div>`...) and closes one: markup, not prose."""
    return bool(FRAGMENT.match(text[:200])) and "</" in text


class TextParser(HTMLParser):
    """Collects the text outside scripts and styles; block tags become line breaks. Iterative: any depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.hidden += tag in HIDDEN
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """The fragment's text: paragraphs on their own lines, runs of spaces and blank lines squeezed."""
    parser = TextParser()
    parser.feed(html)
    parser.close()
    text = SPACES.sub(" ", "".join(parser.parts))
    return BLANKS.sub("\n\n", text).strip()
