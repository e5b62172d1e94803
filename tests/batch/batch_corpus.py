"""Builds the batch test corpus from tests/data/batch: every input kind, plus broken and empty inputs."""

from __future__ import annotations

import bz2
import gzip
import io
import shutil
from pathlib import Path

DATA = Path(__file__).parent.parent / "data" / "batch"

PAGES = [
    ("https://news.example.test/warc/1", "2025-08-11T09:30:00Z", "Глава МИД Перу прибыл в Сеул",
     "СЕУЛ, 11 августа. Министр иностранных дел Перу Хорхе Мендоса прибыл в Сеул с официальным визитом. "
     "Он проведет переговоры с министром иностранных дел Республики Корея Ким Чон Хо."),
    ("https://news.example.test/warc/2", "2025-08-12T14:00:00Z", "Норвегия и Канада обсудили Арктику",
     "ОСЛО, 12 августа. Премьер-министр Норвегии провел в Осло консультации с министром иностранных дел "
     "Канады. Стороны обсудили сотрудничество в Арктике и рыболовство."),
]


def html_page(title: str, text: str) -> bytes:
    body = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p>"
    return (body + "<p>Подробности позже.</p></article></body></html>").encode("utf-8")


def write_warc(path: Path, broken: bool = True) -> None:
    """Two HTML responses, an image (not an article), then a record whose header is garbage."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    def response(url: str, date: str, payload: bytes, mime: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)

    for url, date, title, text in PAGES:
        response(url, date, html_page(title, text), "text/html; charset=utf-8")
    response("https://news.example.test/logo.png", "2025-08-12T14:00:01Z", b"\x89PNG\r\n", "image/png")
    data = buffer.getvalue()
    if broken:
        data += b"WARC/9.9 this is not a record header\r\n\r\n" + b"\x00garbage" * 20
    path.write_bytes(data)


def jsonl_rows() -> list[str]:
    return (DATA / "feed.jsonl").read_text(encoding="utf-8").splitlines()


def make_corpus(root: Path) -> list[str]:
    """Inputs of every kind, with one malformed JSONL line, one broken WARC record and empty files."""
    root.mkdir(parents=True, exist_ok=True)
    texts = root / "texts"
    shutil.copytree(DATA / "texts", texts)
    (texts / "05-empty.txt").write_bytes(b"")
    rows = jsonl_rows()
    (root / "feed.jsonl").write_text(rows[0] + "\n{\"text\": \"broken line\n\n", encoding="utf-8")
    with gzip.open(root / "feed.jsonl.gz", "wt", encoding="utf-8") as file:
        file.write(rows[1] + "\n")
    with bz2.open(root / "feed.jsonl.bz2", "wt", encoding="utf-8") as file:
        file.write(rows[2] + "\n")
    (root / "empty.jsonl").write_bytes(b"")
    write_warc(root / "news.warc.gz")
    return [str(texts), *(str(root / name) for name in
                          ["feed.jsonl", "feed.jsonl.gz", "feed.jsonl.bz2", "empty.jsonl", "news.warc.gz"])]
