"""Reading hardened (#17): wide encodings, HTML fragments, XHTML, FIFOs, escaped names, over-long sentences."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from depesha.annotate.chunk import group_sents, split_tokens
from depesha.cli.common import error_line, printable
from depesha.errors import ReadError
from depesha.read import Failure, load_articles, parse_text_bytes

TEXT = "МОСКВА, 17 марта. Министр иностранных дел России встретился с послом Казахстана.\nСтороны обсудили визит."


@pytest.mark.parametrize("data, warning", [
    (TEXT.encode("utf-16"), None),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), None),
    (TEXT.encode("utf-32"), None),
    (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), None),
    (TEXT.encode("utf-16-le"), "no byte order mark: read as UTF-16-LE"),
    (TEXT.encode("utf-32-be"), "no byte order mark: read as UTF-32-BE"),
    (b"\xef\xbb\xbf" + TEXT.encode(), None),
])
def test_wide_encodings(data, warning):
    article = parse_text_bytes(data, "wide.txt")
    assert article.text == TEXT
    assert article.warnings == ([warning] if warning else [])


@pytest.mark.parametrize("data", [
    b"\xff\xfe" + bytes(range(256)) * 8,              # a UTF-16 BOM before garbage
    b"\x00\x01\x02\x03" * 600,
])
def test_a_bom_does_not_make_garbage_text(data):
    with pytest.raises(ReadError, match="binary|decode|not valid"):
        parse_text_bytes(data, "junk.bin")


@pytest.mark.parametrize("html, expected", [
    (f"<p>{TEXT}</p>", TEXT),
    ("<div><p>Первый абзац.</p><script>var x;</script><p>Второй &laquo;абзац&raquo;.</p></div>",
     "Первый абзац.\n\nВторой «абзац»."),
    ("<p>" + "<b>" * 5000 + "Глубоко." + "</b>" * 5000 + "</p>", "Глубоко."),
])
def test_html_fragments_are_read_without_tags(html, expected):
    assert parse_text_bytes(html.encode(), "fragment.html").text == expected


def test_xhtml_with_an_xml_declaration_is_a_page():
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Визит'
            f"</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    article = parse_text_bytes(page.encode(), "page.xhtml")
    assert "<" not in article.text and "Министр иностранных дел" in article.text


def test_a_fifo_in_a_directory_is_skipped_not_waited_for(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(load_articles([str(tmp_path)]))
    assert [type(item).__name__ for item in items] == ["Article", "Failure"]
    assert items[1] == Failure(str(tmp_path / "pipe.txt"), "not a regular file (a FIFO): skipped")


@pytest.mark.parametrize("source, reason, line", [
    ("a.txt", "empty input", "error: a.txt: empty input"),
    ("new\nline.txt", "empty input", "error: new\\nline.txt: empty input"),
    ("red\x1b[31m.txt", "binary", "error: red\\x1b[31m.txt: binary"),
    ("title\x1b]0;x\x07.txt", "bad \x9b byte", "error: title\\x1b]0;x\\x07.txt: bad \\x9b byte"),
    ("Москва.txt", "пусто", "error: Москва.txt: пусто"),
])
def test_error_lines_escape_control_characters(source, reason, line):
    assert error_line(source, reason) == line
    assert printable(line) == line


def tokens(*texts: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=text) for text in texts]


@pytest.mark.parametrize("words, limit, sizes", [
    ("а б в", 3, [3]),
    ("а б в г", 3, [3, 1]),
    ("а б , в г д е", 4, [3, 4]),                    # cut after the comma in the second half of the window
    ("а , б в г д е", 4, [4, 3]),                    # a comma in the first half: a hard cut
    ("а " * 1000, 200, [200] * 5),
])
def test_split_tokens(words, limit, sizes):
    pieces = split_tokens(tokens(*words.split()), limit)
    assert [len(piece) for piece in pieces] == sizes
    assert [token.text for piece in pieces for token in piece] == words.split()


def test_an_over_long_sentence_keeps_exact_offsets(pipeline):
    import depesha

    text = "Министр иностранных дел Казахстана провел переговоры с послом Турции, " * 60
    doc = depesha.extract_doc(depesha.Article(text=text.strip() + ".", source="long.txt"), pipeline)
    assert len(doc.sents) > 1 and max(len(sent.tokens) for sent in doc.sents) <= 200
    assert all(doc.text[token.start:token.stop] == token.text for token in doc.tokens)
    assert all(doc.text[span.start:span.stop] == span.text for span in doc.ner)
    assert doc.sents[0].start == 0 and doc.sents[-1].stop == len(doc.text)


def sents(*sizes: int) -> list[SimpleNamespace]:
    """Sentences of the given token counts, each 10 characters long and one character apart."""
    return [SimpleNamespace(start=11 * k, stop=11 * k + 10, tokens=[None] * size) for k, size in enumerate(sizes)]


@pytest.mark.parametrize("sizes, limit, windows", [
    ((3, 3, 3), 10, [(0, 32)]),
    ((3, 3, 3), 6, [(0, 21), (22, 32)]),
    ((12, 1, 1), 10, [(0, 10), (11, 32)]),        # one sentence over the limit is a window of its own
    ((), 10, []),
])
def test_group_sents(sizes, limit, windows):
    assert group_sents(sents(*sizes), limit) == windows


@pytest.mark.parametrize("line, kept", [
    ("Мы используем файлы cookie.", False),
    ("Читайте также: визит министра", False),
    ("Министр заявил, что сайт использует cookies, " + "и стороны обсудили визит. " * 20, True),
])
def test_a_long_line_is_never_boilerplate(line, kept):
    from depesha.clean import clean_text

    assert (clean_text("Текст статьи.\n" + line) != "Текст статьи.") == kept


def test_text_longer_than_max_chars_is_refused_by_name(monkeypatch):
    """A cleaned text over DEPESHA_MAX_CHARS (cost is linear: 100,000 characters take about 8 s) is refused with a
    reader's error naming its source, never cut silently."""
    import depesha
    from depesha import stages
    from depesha.errors import ReadError

    monkeypatch.setattr(stages, "MAX_CHARS", 50)
    with pytest.raises(ReadError, match=r"too long: 51 characters of text, at most 50") as caught:
        depesha.extract("Министр иностранных дел Казахстана прибыл в Мехико.", source="long.txt")
    assert caught.value.source == "long.txt"
    monkeypatch.setattr(stages, "MAX_CHARS", 100)
    assert depesha.extract("Министр иностранных дел Казахстана прибыл в Мехико.")["article"]["id"]
