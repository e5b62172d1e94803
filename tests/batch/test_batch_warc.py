"""WARC reading: article records keep URL and crawl date; other records are skipped; broken ones fail."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("warcio")

from batch_corpus import PAGES, write_warc  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from depesha import Article  # noqa: E402
from depesha.read import Failure  # noqa: E402
from depesha.read.warc import iter_warc, load_warc, looks_russian  # noqa: E402

HTML = "<html><body><article><p>{}</p></article></body></html>"
TEXT = "Министр иностранных дел Чили прибыл в Лиму для переговоров с коллегой из Перу."


def make_warc(records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> io.BytesIO:
    """(type, status, content type, payload) records -> an in-memory WARC."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for index, (kind, status, mime, payload) in enumerate(records):
        http = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1") if kind == "response" else None
        record = writer.create_warc_record(f"https://x.test/{index}", kind, payload=io.BytesIO(payload),
                                           http_headers=http, warc_headers_dict={"WARC-Date": f"2025-01-0{index + 1}T10:00:00Z"},
                                           warc_content_type=None if http else mime)
        writer.write_record(record)
    buffer.seek(0)
    return buffer


def summary(items: list) -> list[tuple]:
    return [("article", item.url, item.published) if isinstance(item, Article) else ("failure", item.reason.split(":")[0])
            for item in items]


CASES = [
    ([("response", "200 OK", "text/html; charset=utf-8", HTML.format(TEXT).encode())],
     [("article", "https://x.test/0", "2025-01-01")]),
    ([("response", "200 OK", "text/html; charset=windows-1251", HTML.format(TEXT).encode("cp1251"))],
     [("article", "https://x.test/0", "2025-01-01")]),
    ([("response", "200 OK", "text/html", HTML.format(TEXT).encode("cp1251"))],      # no charset: guessed
     [("article", "https://x.test/0", "2025-01-01")]),
    ([("resource", "", "text/plain", TEXT.encode())], [("article", "https://x.test/0", "2025-01-01")]),
    ([("response", "404 Not Found", "text/html", HTML.format(TEXT).encode())], []),
    ([("response", "200 OK", "image/png", b"\x89PNG")], []),
    ([("request", "", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n")], []),
    ([("response", "200 OK", "text/html", b"   ")], [("failure", "empty payload")]),
    ([("response", "200 OK", "text/html", HTML.format("x" * 2000).encode()),
      ("response", "200 OK", "text/html", HTML.format(TEXT).encode())],
     [("failure", "too large"), ("article", "https://x.test/1", "2025-01-02")]),
]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("records, expected", CASES)
def test_warc_records(records, expected, gzip):
    assert summary(list(iter_warc(make_warc(records, gzip), "t.warc", max_bytes=1000))) == expected


def test_warc_broken_record_ends_file_keeps_earlier(tmp_path):
    path = tmp_path / "news.warc.gz"
    write_warc(path)
    items = list(load_warc(str(path)))
    assert [type(item).__name__ for item in items] == ["Article", "Article", "Failure"]
    assert [item.url for item in items[:2]] == [url for url, _, _, _ in PAGES]
    assert items[0].title == PAGES[0][2] and items[0].source == f"{path}@0"
    assert items[2].source.startswith(f"{path}@") and "broken WARC record" in items[2].reason


def test_warc_missing_file_is_failure(tmp_path):
    items = list(load_warc(str(tmp_path / "nope.warc.gz")))
    assert len(items) == 1 and isinstance(items[0], Failure) and "cannot read" in items[0].reason


@pytest.mark.parametrize("page, expected", [
    (HTML.format(TEXT), True),
    (HTML.format("The foreign minister of Chile arrived in Lima for talks."), False),
    ("<html><script>var a = 'long english javascript code here';</script><p>" + TEXT + "</p></html>", True),
    ("<html><p>Привет</p>" + "<p>english words here and there</p>" * 5 + "</html>", False),
    ("", False),
])
def test_warc_looks_russian(page, expected):
    assert looks_russian(page) is expected


def test_warc_keep_filters_before_extraction():
    english = HTML.format("The foreign minister of Chile arrived in Lima for talks with Peru.").encode()
    records = [("response", "200 OK", "text/html", english), ("response", "200 OK", "text/html", HTML.format(TEXT).encode())]
    items = list(iter_warc(make_warc(records), "t.warc", keep=looks_russian))
    assert summary(items) == [("article", "https://x.test/1", "2025-01-02")]
