"""Batch input reading: every kind of input gives articles, failures or skips, never an exception."""

from __future__ import annotations

import pytest

from depesha.batch.io import list_inputs, read_input


def kinds(corpus: list[str]) -> list[tuple[str, str, str]]:
    """(file name, reader, item kind) for every item read."""
    out = []
    for path, kind in list_inputs(corpus):
        for item in read_input(path, kind):
            out.append((path.rsplit("/", 1)[-1], kind, item[0]))
    return out


EXPECTED = [
    ("01-visit.txt", "text", "article"),
    ("02-phone.txt", "text", "article"),
    ("03-weather.txt", "text", "article"),
    ("04-page.html", "text", "article"),
    ("05-empty.txt", "text", "skipped"),
    ("feed.jsonl", "jsonl", "article"),
    ("feed.jsonl", "jsonl", "failure"),       # malformed line
    ("feed.jsonl.gz", "jsonl", "article"),
    ("feed.jsonl.bz2", "jsonl", "article"),
    ("empty.jsonl", "jsonl", "skipped"),
    ("news.warc.gz", "warc", "article"),
    ("news.warc.gz", "warc", "article"),
    ("news.warc.gz", "warc", "failure"),      # broken record
]


def test_batch_read_corpus(corpus):
    assert kinds(corpus) == EXPECTED


@pytest.mark.parametrize("name, expected", [
    ("missing.jsonl", ("failure", "no such file")),
    ("big.txt", ("failure", "too large")),
    ("binary.txt", ("failure", "binary content")),
])
def test_batch_read_bad_inputs(tmp_path, name, expected):
    (tmp_path / "big.txt").write_text("Текст. " * 100, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    [(path, kind)] = list_inputs([str(tmp_path / name)])
    [item] = list(read_input(path, kind, max_bytes=200))
    assert (item[0], item[2][: len(expected[1])]) == expected


def test_batch_read_jsonl_ids(corpus):
    [(path, kind)] = list_inputs([corpus[1]])
    assert [item[1] for item in read_input(path, kind)] == [f"{path}:1", f"{path}:2"]
