"""Highlights: the text is cut at every span boundary, overlaps combine roles, bad spans are dropped."""

from __future__ import annotations

import pytest

from depesha.web.pages.highlight import Mark, snippet_marks, split_marks


def show(text: str, marks: list[Mark]) -> str:
    """'[x:ab] cd' style markup of the segments, to write expectations on one line."""
    return "".join(f"[{s.roles}:{s.text}]" if s.marks else s.text for s in split_marks(text, marks))


@pytest.mark.parametrize(("text", "marks", "etalon"), [
    ("abc", [], "abc"),
    ("abc", [Mark(0, 3, "e")], "[e:abc]"),
    ("ab cd", [Mark(0, 2, "x"), Mark(1, 5, "y")], "[x:a][x y:b][y: cd]"),
    ("ab cd ef", [Mark(0, 8, "evidence"), Mark(3, 5, "person")], "[evidence:ab ][evidence person:cd][evidence: ef]"),
    ("abc", [Mark(1, 1, "empty")], "abc"),
    ("abc", [Mark(2, 9, "outside"), Mark(-1, 2, "negative")], "abc"),
    ("a<b>c", [Mark(1, 4, "x")], "a[x:<b>]c"),
])
def test_highlight_split(text: str, marks: list[Mark], etalon: str) -> None:
    assert show(text, marks) == etalon


def test_highlight_keeps_text() -> None:
    text = "Встреча групп дружбы прошла онлайн."
    marks = [Mark(0, 20, "evidence", "evidence"), Mark(8, 13, "person", "p"), Mark(14, 30, "org")]
    assert "".join(s.text for s in split_marks(text, marks)) == text


def test_highlight_titles_and_links() -> None:
    [segment] = split_marks("Лавров", [Mark(0, 6, "participant", "participant: Лавров", "/people/3"),
                                       Mark(0, 6, "evidence", "evidence of meeting")])
    assert segment.title == "participant: Лавров; evidence of meeting"
    assert segment.href == "/people/3"


def test_highlight_snippet_offsets() -> None:
    snippet = {"text": "ные встречи прошли", "start": 100, "stop": 118, "match": [104, 111]}
    [mark] = snippet_marks(snippet)
    assert snippet["text"][mark.start:mark.stop] == "встречи"


@pytest.mark.parametrize(("buckets", "interval", "etalon"), [
    (["2025-10", "2026-01"], "month", ["2025-10", "2025-11", "2025-12", "2026-01"]),
    (["2025-11-24", "2025-12-08"], "week", ["2025-11-24", "2025-12-01", "2025-12-08"]),
    (["2025-11"], "month", ["2025-11"]),
])
def test_timeline_fill_buckets(buckets: list[str], interval: str, etalon: list[str]) -> None:
    from depesha.web.pages.data import fill_buckets

    assert fill_buckets(buckets, interval) == etalon
