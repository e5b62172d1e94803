"""Split an article text into segments by highlight spans; templates escape each segment and wrap marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(slots=True)
class Mark:
    """A span to highlight: `role` goes to data-role (evidence, person, country...), `title` to the tooltip."""

    start: int
    stop: int
    role: str
    title: str = ""
    href: str | None = None


@dataclass(slots=True)
class Segment:
    """A piece of text and the marks that cover all of it (none for plain text)."""

    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def roles(self) -> str:
        return " ".join(dict.fromkeys(mark.role for mark in self.marks))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(mark.title for mark in self.marks if mark.title))

    @property
    def href(self) -> str | None:
        return next((mark.href for mark in self.marks if mark.href), None)


def clip(marks: list[Mark], size: int) -> list[Mark]:
    """Drop empty spans and spans outside the text: a stale offset must not break the page."""
    return [mark for mark in marks if 0 <= mark.start < mark.stop <= size]


def split_marks(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece lists the marks covering it (overlaps allowed).

    >>> [(s.text, s.roles) for s in split_marks("ab cd", [Mark(0, 2, "x"), Mark(1, 5, "y")])]
    [('a', 'x'), ('b', 'x y'), (' cd', 'y')]
    """
    marks = clip(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.stop for m in marks)})
    segments: list[Any] = []
    for start, stop in pairwise(cuts):
        covering = [m for m in marks if m.start <= start and stop <= m.stop]
        if segments and not covering and not segments[-1].marks:
            segments[-1].text += text[start:stop]
        else:
            segments.append(Segment(text[start:stop], covering))
    return segments


def snippet_marks(snippet: dict, title: str = "match") -> list[Mark]:
    """The search match of a store snippet, as offsets into the snippet text."""
    match = snippet.get("match")
    if not match:
        return []
    return [Mark(match[0] - snippet["start"], match[1] - snippet["start"], "match", title)]
