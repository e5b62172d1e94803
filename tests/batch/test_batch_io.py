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


def test_batch_read_hostile_jsonl_lines_fail_one_by_one(tmp_path):
    """A line nested 100,000 deep, a number of 5,000 digits and a lone surrogate fail each on their own line; the
    lines after them are still read (the issue saw the job abort, or the rest of the file dropped with exit 0)."""
    import json

    good = json.dumps({"text": "Министр иностранных дел Казахстана прибыл в Мехико с официальным визитом.",
                       "published": "2025-11-28"}, ensure_ascii=False)
    lines = [good, "[" * 100_000 + "]" * 100_000, '{"text": "a", "n": ' + "9" * 5000 + "}", good.replace("Мехико", "Бишкек")]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_input(str(path), "jsonl"))
    kinds = [kind for kind, *_ in items]
    assert kinds.count("article") == 2 and len(items) == 4
    failures = [item for item in items if item[0] != "article"]
    assert [str(item[1]).rsplit(":", 1)[1] for item in failures] == ["2", "3"]
    assert "nested too deeply" in str(failures[0][2]) and "digits" in str(failures[1][2])
