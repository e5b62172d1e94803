"""Write the fuzz corpus (bad, odd and hostile inputs) into a directory: python tests/fuzz/make_corpus.py DIR."""

from __future__ import annotations

import bz2
import gzip
import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "02-uz-kz-presidents-phone.txt"
SEED = 20260317

# A fictional report, written for these tests.
TEXT = ("АСТАНА, 17 марта. Министр иностранных дел Казахстана Айгерим Сатпаева провела переговоры с министром "
        "иностранных дел Венгрии Иштваном Фаркашем. Стороны обсудили сотрудничество в энергетике и подготовку "
        "заседания межправительственной комиссии.")
PARAGRAPHS = "".join(f"<p>{TEXT}</p>\n" for _ in range(3))

READ, ERROR, SKIP, ANY = "read", "error", "skip", "any"


@dataclass
class Case:
    """One input of the corpus and what `depesha extract` must do with it."""

    name: str                                  # file name in the corpus (may hold a newline or an escape code)
    make: Callable[[Path], None]               # writes the input at the given path
    expect: str                                # READ, ERROR (named with `says`), SKIP (non-regular) or ANY
    says: str = ""                             # a warning of the record (READ) or the reason of the error line

    @property
    def jsonl(self) -> bool:
        return ".jsonl" in self.name


def sample() -> bytes:
    return SAMPLE.read_bytes()


def write(data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data() if callable(data) else data)


def flips(data: bytes, count: int, seed: int) -> bytes:
    """`count` seeded random bytes of `data` XORed with a random non-zero value."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        at = rng.randrange(len(out))
        out[at] ^= rng.randrange(1, 256)
    return bytes(out)


def body_flip(data: bytes) -> bytes:
    """One Cyrillic continuation byte of the body damaged: a few bad bytes in otherwise good UTF-8."""
    at = data.rindex("Президент".encode()) + 3
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1:]


def one_line(size: int) -> bytes:
    """A text of one line and no full stop, about `size` bytes: the worst case for per-sentence costs."""
    words = TEXT.replace(".", "").split()
    out: list[str] = []
    while sum(len(word) * 2 + 1 for word in out) < size:
        out.extend(words)
    return " ".join(out).encode("utf-8")


def bomb(path: Path) -> None:
    """A .bz2 of a few kB that inflates to 200 MB, past any size limit."""
    with bz2.open(path, "wb") as out:
        for _ in range(200):
            out.write(b" " * 1_000_000)


def big(path: Path) -> None:
    """20 MB of text (sample articles over and over), past the default 1 MB limit."""
    chunk = sample() * 4
    with path.open("wb") as out:
        for _ in range(20_000_000 // len(chunk) + 1):
            out.write(chunk)


def jsonl(*lines: str, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"


GOOD = json.dumps({"text": TEXT, "published": "2026-03-17"}, ensure_ascii=False)


def warc_garbage() -> bytes:
    return b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n" + flips(b"x" * 300, 200, SEED)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def loop(path: Path) -> None:
    path.symlink_to(path.name)


def deep_html() -> bytes:
    return ("<html><body>" + "<div>" * 10_000 + TEXT + "</div>" * 10_000 + "</body></html>").encode()


def xhtml() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>Переговоры</title></head><body><article>{PARAGRAPHS}</article></body></html>").encode()


CASES = [
    # empty, binary, damaged UTF-8
    Case("empty.txt", write(b""), ERROR, "empty input"),
    Case("whitespace.txt", write(b"  \n\t\r\n  \n"), ERROR, "empty input"),
    Case("binary.bin", write(lambda: random.Random(SEED).randbytes(4096)), ERROR, "binary content"),
    Case("truncated-utf8.txt", write(lambda: sample()[:-1] if sample()[-2] < 0x80 else sample()[:1001]), ANY),
    Case("cut-in-a-letter.txt", write(lambda: sample()[: sample().rindex("Президент".encode()) + 5]), READ,
         "invalid UTF-8"),
    Case("a-few-bad-bytes.txt", write(lambda: body_flip(sample())), READ, "invalid UTF-8"),
    *[Case(f"mutated-{count}-{seed}.txt", write(lambda count=count, seed=seed: flips(sample(), count, seed)), ANY)
      for count in (1, 5, 40, 400) for seed in (1, 2, 3)],
    Case("stray-nul.txt", write(lambda: sample()[:300] + b"\x00\x00" + sample()[300:]), READ, "NUL byte"),
    Case("mostly-nul.txt", write(lambda: b"\x00" * 3000 + sample()), ERROR, "binary content"),
    # legacy and wide encodings
    Case("cp1251.txt", write(lambda: sample().decode().encode("cp1251")), READ),
    Case("koi8r.txt", write(lambda: sample().decode().encode("koi8-r")), READ),
    Case("utf16-le-bom.txt", write(lambda: sample().decode().encode("utf-16")), READ),
    Case("utf16-be-bom.txt", write(lambda: b"\xfe\xff" + sample().decode().encode("utf-16-be")), READ),
    Case("utf32-le-bom.txt", write(lambda: sample().decode().encode("utf-32")), READ),
    Case("utf32-be-bom.txt", write(lambda: b"\x00\x00\xfe\xff" + sample().decode().encode("utf-32-be")), READ),
    Case("utf16-le-no-bom.txt", write(lambda: sample().decode().encode("utf-16-le")), READ, "no byte order mark"),
    Case("utf32-be-no-bom.txt", write(lambda: sample().decode().encode("utf-32-be")), READ, "no byte order mark"),
    Case("utf8-bom.txt", write(lambda: b"\xef\xbb\xbf" + sample()), READ),
    # compressed
    Case("corrupt.txt.gz", write(lambda: b"\x1f\x8b\x08\x00" + flips(b"\x00" * 200, 150, SEED)), ERROR, "cannot read"),
    Case("truncated.txt.gz", write(lambda: gzip.compress(sample() * 3)[:600]), ERROR, "cannot read"),
    Case("corrupt.txt.bz2", write(lambda: b"BZh9" + flips(b"\x00" * 200, 150, SEED)), ERROR, "cannot read"),
    Case("truncated.txt.bz2", write(lambda: bz2.compress(sample() * 3)[:600]), ERROR, "cannot read"),
    Case("good.txt.gz", write(lambda: gzip.compress(sample())), READ),
    Case("bomb.txt.bz2", bomb, ERROR, "too large"),
    Case("truncated.jsonl.gz", write(lambda: gzip.compress(jsonl(*[GOOD] * 50))[:700]), ANY),
    # size
    Case("twenty-mb.txt", big, ERROR, "too large"),
    Case("one-line-150k.txt", write(lambda: one_line(150_000)), READ),           # ~80,000 characters: read
    Case("one-line-240k.txt", write(lambda: one_line(240_000)), ERROR, "too long"),  # ~130,000: over DEPESHA_MAX_CHARS
    # HTML
    Case("nested-10000.html", write(deep_html), ERROR, "no article text"),
    Case("scripts-only.html", write(b"<html><head><script>var a = 1;</script></head><body><script>"
                                    b"document.write('x')</script><style>p {}</style></body></html>"), ERROR,
         "no article text"),
    Case("fragment.html", write(PARAGRAPHS.encode()), READ),
    Case("xhtml.xhtml", write(xhtml), READ),
    Case("unclosed.html", write(("<html><body><p>" + TEXT + "<div><b>" + TEXT).encode()), ANY),
    # JSONL
    Case("feed-bom.jsonl", write(jsonl(GOOD, GOOD.replace("Венгрии", "Турции"), bom=True)), READ),
    Case("feed-bad.jsonl", write(jsonl(
        GOOD, '{"text": "обрыв', "[1, 2]", '"строка"', "null", "42", '{"text": 5}', '{"text": ["а"]}',
        '{"html": {"a": 1}}', '{"text": "' + "я" * 600_000 + '"}', "[" * 100_000, '{"n": ' + "9" * 5000 + "}",
        json.dumps({"text": TEXT, "title": 7, "published": "0001-01-01", "id": [1]}, ensure_ascii=False),
        json.dumps({"text": TEXT + " \ud800"}))), ANY),
    # WARC
    Case("garbage.warc", write(warc_garbage), ERROR, "broken WARC record"),
    Case("random.warc.gz", write(lambda: flips(b"\x00" * 2000, 1500, SEED)), ERROR, "WARC"),
    # names and special files
    Case("new\nline.txt", write(lambda: sample()), READ),
    Case("esc-\x1b[31mred\x1b[0m.txt", write(b""), ERROR, "empty input"),
    Case("title-\x1b]0;owned\x07.txt", write(lambda: sample()), READ),
    Case("fifo.txt", fifo, SKIP, "not a regular file (a FIFO)"),
    Case("loop.txt", loop, ERROR, "cannot read"),
]

# The JSONL lines of feed-bad.jsonl that must be errors, and their reasons.
BAD_LINES = {2: "malformed JSON", 3: "expected a JSON object, got list", 4: "expected a JSON object, got str",
             5: "expected a JSON object, got NoneType", 6: "expected a JSON object, got int",
             7: "no non-empty", 8: "no non-empty", 9: "no non-empty", 10: "too large", 11: "nested too deeply",
             12: "malformed JSON"}


def make_corpus(folder: Path) -> list[Case]:
    """Write every case into `folder` (created); the cases, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.make(folder / case.name)
    return CASES


if __name__ == "__main__":
    made = make_corpus(Path(sys.argv[1]))
    print(f"{len(made)} inputs written to {sys.argv[1]}")
