"""Readers: encodings, header lines, JSONL lines, bad inputs named and skipped."""

from __future__ import annotations

import gzip
import json

import pytest

from depesha.errors import ReadError
from depesha.read import Failure, load_articles, parse_headers, parse_jsonl_line, parse_text_bytes

TEXT = "МОСКВА, 12 марта. /ТАСС/. Министр иностранных дел России встретился с послом Казахстана."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r"])
def test_encodings(encoding):
    article = parse_text_bytes(TEXT.encode(encoding), "x.txt")
    assert article.text == TEXT


def test_headers():
    meta, body = parse_headers("date 2025-11-29 Рассказать друзьям\n\nТекст.")
    assert meta == {"published": "2025-11-29"}
    assert body.startswith("Рассказать друзьям")
    meta, body = parse_headers("date 2026-03-12\ntitle Визит министра\nurl https://example.org/a\n\nТекст.")
    assert meta == {"published": "2026-03-12", "title": "Визит министра", "url": "https://example.org/a"}
    assert body.strip() == "Текст."


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 3, "binary"),
    (("x" * 2000).encode(), "too large"),
])
def test_bad_bytes(data, reason):
    with pytest.raises(ReadError) as error:
        parse_text_bytes(data, "bad.txt", max_bytes=1000)
    assert reason in str(error.value)
    assert "bad.txt" in str(error.value)


@pytest.mark.parametrize("line, reason", [
    ('{"text": "Текст"', "malformed JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"title": "без текста"}', "no non-empty"),
])
def test_bad_jsonl_line(line, reason):
    with pytest.raises(ReadError) as error:
        parse_jsonl_line(line, "feed.jsonl:3")
    assert reason in str(error.value) and "feed.jsonl:3" in str(error.value)


def test_jsonl_metadata():
    article = parse_jsonl_line(json.dumps({"id": "7", "text": TEXT, "published": "2026-03-12T10:00:00",
                                           "url": "https://example.org", "source": "ТАСС"}), "feed.jsonl:1")
    assert (article.published, article.url, article.agency, article.source) == \
        ("2026-03-12", "https://example.org", "ТАСС", "feed.jsonl:1#7")


def test_load_articles_goes_on_after_failures(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"text": TEXT}), "{broken", json.dumps({"text": TEXT + " Ещё."})]
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as file:
        file.write("\n".join(lines))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT.encode("utf-8").decode("utf-8"), encoding="cp1251")
    items = list(load_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    failures = [item for item in items if isinstance(item, Failure)]
    articles = [item for item in items if not isinstance(item, Failure)]
    assert len(articles) == 4
    assert sorted(f.reason.split(":")[0] for f in failures) == ["empty input", "malformed JSON", "no such file"]
    assert any(f.source.endswith("feed.jsonl.gz:2") for f in failures)


LONG = (TEXT + " ") * 30


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1:]


@pytest.mark.parametrize("name, data, warning", [
    ("one flipped bit in UTF-8", flip(LONG.encode("utf-8"), 101), "invalid UTF-8"),
    ("cut inside a character", (LONG + "Казахстан").encode("utf-8")[:-1], "invalid UTF-8"),
    ("stray NUL bytes", LONG.encode("utf-8")[:50] + b"\x00\x00" + LONG.encode("utf-8")[50:], "NUL bytes dropped"),
])
def test_damaged_utf8_stays_russian_and_says_so(name, data, warning):
    article = parse_text_bytes(data, "damaged.txt")
    assert article.text.count("Министр") >= 29, name          # not mojibake from cp1251 or koi8-r
    assert any(warning in item for item in article.warnings), article.warnings


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_encodings_are_not_taken_for_damaged_utf8(encoding):
    article = parse_text_bytes(LONG.encode(encoding), "old.txt")
    assert article.text == LONG and article.warnings == []


def test_mostly_nul_is_still_binary():
    with pytest.raises(ReadError, match="binary"):
        parse_text_bytes(b"\x00" * 500 + TEXT.encode("utf-8"), "nul.bin")


def test_repairs_reach_the_record_warnings():
    import depesha
    from depesha.read import load_articles  # noqa: F401 - the reader the CLI uses

    article = parse_text_bytes(flip(LONG.encode("utf-8"), 101), "damaged.txt")
    record = depesha.extract_doc(article).as_record()
    assert any("invalid UTF-8" in item for item in record["warnings"])


@pytest.mark.parametrize("line, reason", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": "Текст", "n": ' + "9" * 5000 + "}", "malformed JSON"),
])
def test_hostile_jsonl_lines_are_errors_not_crashes(line, reason):
    with pytest.raises(ReadError, match=reason):
        parse_jsonl_line(line, "feed.jsonl:7")


def test_lone_surrogates_and_impossible_dates_are_repaired_and_said():
    line = json.dumps({"text": TEXT + " \ud800", "title": "Визит \udfff", "published": "0001-01-01"})
    article = parse_jsonl_line(line, "feed.jsonl:8")
    assert article.published is None
    assert "\ufffd" in article.text and "\ufffd" in article.title
    article.text.encode("utf-8")
    assert any("surrogate" in w for w in article.warnings) and any("0001-01-01" in w for w in article.warnings)


def test_a_feed_with_hostile_lines_still_stores_the_good_ones(tmp_path):
    import subprocess
    import sys

    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"text": TEXT, "published": "2025-03-12"}, ensure_ascii=False)
    odd = json.dumps({"text": TEXT.replace("России", "Турции") + " \ud800", "published": "0001-01-01"})
    feed.write_text("\n".join([good, "[" * 100_000, odd, '{"n": ' + "9" * 5000 + "}"]) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "depesha.cli.main", "ingest", str(feed), "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0, done.stderr          # two lines failed: said, counted, non-zero exit
    assert "Traceback" not in done.stderr
    assert "2 stored" in done.stdout + done.stderr or "stored 2" in done.stdout + done.stderr, done.stdout + done.stderr


def test_a_bomb_is_cut_at_the_limit(tmp_path):
    import bz2
    import resource

    bomb = tmp_path / "bomb.txt.bz2"
    with bz2.open(bomb, "wb") as out:
        for _ in range(200):
            out.write(b"\x20" * 1_000_000)          # 200 MB of spaces in a few hundred bytes
    assert bomb.stat().st_size < 5_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failures = [item for item in load_articles([str(bomb)], max_bytes=1_000_000) if isinstance(item, Failure)]
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before     # kB on Linux
    assert len(failures) == 1 and "too large" in failures[0].reason
    assert grown < 100_000


def test_an_overlong_jsonl_line_fails_alone(tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"text": TEXT}, ensure_ascii=False)
    feed.write_text("\n".join([good, json.dumps({"text": "я" * 600_000}, ensure_ascii=False), good]) + "\n",
                    encoding="utf-8")
    items = list(load_articles([str(feed)], max_bytes=1_000_000))
    assert [type(item).__name__ for item in items] == ["Article", "Failure", "Article"]
    assert items[1].source.endswith(":2") and "too large" in items[1].reason
