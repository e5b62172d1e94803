"""Hostile values for the API fuzz test: ids, cursors, dates, filters, tokens, content types and POST bodies."""

from __future__ import annotations

import copy
import json
import random
from typing import Any
from urllib.parse import quote

from depesha.store.filters import dump_cursor, known_countries
from depesha.store.fixtures import PEOPLE, article_id, make_record


class Raw(str):
    """A value already percent-encoded for a URL (invalid UTF-8, a stray %), sent as is."""


def encode(value: str) -> str:
    return value if isinstance(value, Raw) else quote(value, safe="")


# QUERY AND PATH VALUES

NUMBERS = ["0", "-1", "1", "2", "3", str(2**63 - 1), str(2**63), str(-2**63 - 1), str(10**30), "9" * 10_000,
           "1.5", "1e3", "0x10", " 1", "001", "٣", "²", "+1"]
WORDS = ["", "abc", "Ёж", "Лавров", "Кошанов", "\x00", "a" * 10_000, "../../etc/passwd", "<script>alert(1)</script>",
         "' OR 1=1 --", '"', "*", "AND", "NOT", "NEAR(", "%", "_", "😀", "\u200b", "\ufeff", "x\ny", "\\",
         Raw("%00"), Raw("%ED%A0%80"), Raw("%FF%FE"), Raw("%"), Raw("%zz"), Raw("%C0%AF")]
DATES = ["0001-01-01", "9999-12-31", "99999999999", "2025-02-30", "2025-13", "2025-00-10", "2025", "2025-11",
         "2025-11-28", "2025-11-28T10:00:00", "-2025", "0000", "yesterday", "٢٠٢٥", "2025-1-1", "10000-01-01"]
CURSORS = [dump_cursor(10**30), dump_cursor(2**63), dump_cursor(-1), dump_cursor("x"), dump_cursor(1, 2),
           dump_cursor("2025-11-28", 10**30), dump_cursor("2025-11-28", "abc"), dump_cursor("9999-12-31", 1),
           dump_cursor("2025", 1, 2), dump_cursor(""), "====", "a", "!!!", "MQ", "\x00", "Ёж" * 500]
ALL_COUNTRIES = sorted(known_countries())
COUNTRIES = ["KZ", "kz", "XX", "Казахстан", "KZ,MX", "K", "KZZ", " MX "]
TOKENS = [None, "", "Bearer", "Bearer ", "Bearer wrong", "Basic dGVzdA==", "Bearer " + "x" * 10_000,
          "Bearer токен".encode(), "Bearer \xe9t\xe9".encode("latin-1"), "Bearer test-token-but-longer"]
CONTENT_TYPES = [None, "application/json", "text/plain", "application/x-www-form-urlencoded",
                 "multipart/form-data; boundary=zz", "application/json; charset=koi8-r", "application/xml", "*/*"]
BY_NAME = {"since": DATES, "until": DATES, "cursor": CURSORS, "next": CURSORS, "country": COUNTRIES,
           "limit": NUMBERS, "page": NUMBERS, "ties": NUMBERS, "id": NUMBERS + WORDS, "a": COUNTRIES, "b": COUNTRIES,
           "code": COUNTRIES + WORDS, "slug": ["KZ-MX", "MX-KZ", "KZ-KZ", "KZ-XX", "KZ", "KZ-MX-RU", ""] + WORDS}
ANY = NUMBERS + WORDS + DATES + COUNTRIES


def value_for(rng: random.Random, name: str) -> str:
    """A hostile value, most often one of the kind the parameter expects."""
    pool = BY_NAME.get(name, ANY) if rng.random() < 0.8 else ANY
    return rng.choice(pool)


def query_string(rng: random.Random, names: list[str]) -> str:
    """0-4 parameters of the route (or unknown ones), sometimes a country 70 times or a parameter repeated."""
    parts = []
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(names) if names and rng.random() < 0.85 else rng.choice(["zzz", "", "limit", "x" * 300])
        parts.append(f"{quote(name)}={encode(value_for(rng, name))}")
    roll = rng.random()
    if roll < 0.06:
        parts += [f"country={code}" for code in rng.sample(ALL_COUNTRIES, 70)]
    elif roll < 0.10:
        parts += [f"{rng.choice(names or ['q'])}={encode(value_for(rng, 'q'))}"] * 50
    elif roll < 0.12:
        parts.append("q=" + "word+" * 2_000)
    return "&".join(parts)


# POST BODIES


def record(rng: random.Random) -> dict[str, Any]:
    a, b = rng.sample(PEOPLE, 2)
    return make_record(a, b, date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")


def rehash(value: dict[str, Any]) -> dict[str, Any]:
    value["article"]["id"] = article_id(value["article"]["text"])
    return value


def set_path(value: dict[str, Any], path: str, item: Any) -> dict[str, Any]:
    keys = path.split(".")
    target: Any = value
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(keys[-1])] = item
    else:
        target[keys[-1]] = item
    return value


# (path in the record, value): one mutation each; the id is recomputed unless the mutation is the id
MUTATIONS: list[tuple[str, Any]] = [
    ("article.id", "a1"), ("article.id", None), ("article.id", 1), ("article.id", "a" * 10_000),
    ("article.id", article_id("другой текст")), ("article.text", None), ("article.text", 5), ("article.text", ""),
    ("article.published", "9999-12-31"), ("article.published", "0001-01-01"), ("article.published", "99999999999"),
    ("article.published", "2025-02-30"), ("article.published", 20251128), ("article.published", ["2025"]),
    ("article.title", "\ud800"), ("article.title", "x" * 100_000), ("article.title", {"a": 1}),
    ("article.dateline", "Москва"), ("article.dateline", {"date": 5}), ("article", []), ("article", None),
    ("entities.0.mentions", [[0, 10**30]]), ("entities.0.mentions", [[-1, 2]]), ("entities.0.mentions", [[1.5, 2]]),
    ("entities.0.mentions", [["a", "b"]]), ("entities.0.mentions", [[5, 1]]), ("entities.0.mentions", "0-5"),
    ("entities.0.id", None), ("entities.0.id", 7), ("entities.0.type", "\ud800"), ("entities.0.name", ""),
    ("entities.1.id", "e1"), ("entities", {"e1": {}}), ("entities", [None, 1, "x"]),
    ("events.0.date", "99999999999"), ("events.0.date", "9999-12-31"), ("events.0.date", "0001-01-01"),
    ("events.0.date", "2025-02-30"), ("events.0.date", 10**30), ("events.0.date", "2025-13"),
    ("events.0.category", None), ("events.0.category", "X" * 1000), ("events.0.evidence", [[0, 2**63]]),
    ("events.0.participants", [1, 2]), ("events.0.participants", ["nobody"]), ("events.0.initiator", 5),
    ("events.0.countries", ["XX", "KZ"] * 40), ("events.0.countries", [None]), ("events.0.id", None),
    ("events", "none"), ("positions", [{"person": "e404", "title": "посол"}]), ("positions", [{"person": 1}]),
    ("schema", "depesha/99"), ("schema", None),
]

MALFORMED = [b"", b"{", b"}", b"null", b"[]", b'"text"', b"1", b"{}", b'{"text": 1}', b'{"text": null}',
             b'{"record": []}', b'{"record": "x"}', b'{"record": null, "text": ""}', b'{"text": NaN}',
             b'{"text": "a", "html": "maybe"}', b'{"text": "\xff\xfe\xfd"}', b"\xff\xfe{\x00}\x00",
             b'{"text": 1' + b"0" * 5_000 + b"}", b"[" * 100_000 + b"]" * 100_000,
             b'{"record": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_001, b'{"text": "a"' + b" " * 100_000 + b"}",
             b'{"text": "\\ud800\\udfff\\ud800"}', b'{"text": "abc", "text": "def"}', "{\"текст\": 1}".encode("koi8-r")]

TEXTS = ["", "   \n\t", "Визит\x00 министра", "<script>alert(1)</script>", "<p>x</p>", "\ufeff", "\x00" * 100,
         "published: 9999-12-31\n\nМинистр прибыл.", "\ud800", "а" * 1_000_001]
GOOD_TEXT = "Министр иностранных дел Казахстана встретился в Астане с послом Мексики {}."


def article_body(rng: random.Random) -> bytes:
    """A JSON body for POST /api/articles: malformed, a mutated record, a good record, or a text to read."""
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(MALFORMED)
    if roll < 0.7:
        path, item = rng.choice(MUTATIONS)
        value = copy.deepcopy(record(rng))
        try:
            set_path(value, path, item)
        except (IndexError, KeyError, TypeError):
            pass
        if path != "article.id" and isinstance(value.get("article"), dict) and isinstance(value["article"].get("text"), str):
            rehash(value)
        return json.dumps({"record": value}).encode()
    if roll < 0.8:
        return json.dumps({"record": record(rng)}).encode()
    if roll < 0.82:   # a text to extract: natasha runs (the first time loads its models, ~5 s)
        return json.dumps({"text": GOOD_TEXT.format(rng.randint(1, 10**6)), "published": rng.choice(DATES)}).encode()
    body: dict[str, Any] = {"text": rng.choice(TEXTS), "html": rng.random() < 0.3}
    for key in rng.sample(["published", "title", "source", "url"], rng.randint(0, 2)):
        body[key] = rng.choice(DATES + WORDS[:8] + ["\ud800"])
    return json.dumps(body).encode()


def form_body(rng: random.Random) -> tuple[bytes, str]:
    """A body for the page forms (/login, /upload, /upload/store) and its content type."""
    fields = {name: rng.choice(WORDS[:12] + ["test-token", "/", "//evil.example", "\x00"])
              for name in rng.sample(["token", "next", "text", "published", "source", "x"], rng.randint(0, 4))}
    roll = rng.random()
    if roll < 0.4:
        return "&".join(f"{quote(k)}={quote(v)}" for k, v in fields.items()).encode(), "application/x-www-form-urlencoded"
    if roll < 0.8:
        parts = [f'--zz\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields.items()]
        data = rng.choice([b"", b"\x00\x01\x02" * 100, "Визит".encode("cp1251"), b"x" * 1_100_000])
        file = (b'--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
                b"Content-Type: text/plain\r\n\r\n" + data + b"\r\n") if rng.random() < 0.5 else b""
        return "".join(parts).encode("utf-8", "surrogatepass") + file + b"--zz--\r\n", "multipart/form-data; boundary=zz"
    return rng.choice(MALFORMED), rng.choice([ct or "text/plain" for ct in CONTENT_TYPES])
