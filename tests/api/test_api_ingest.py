"""POST /api/articles: behind DEPESHA_API_TOKEN, idempotent, bad records refused."""

from __future__ import annotations

import copy
import json

import pytest

from depesha.store.fixtures import PEOPLE, article_id, make_record

from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_api_ingest_record(client):
    record = make_record(PEOPLE[7], PEOPLE[8], date="2025-05-05")
    response = client.post("/api/articles", json={"record": record}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json() == {"article": record["article"]["id"], "status": "stored", "dup_of": None}
    again = client.post("/api/articles", json={"record": record}, headers=AUTH).json()
    assert again["status"] == "skipped"
    assert len(client.get("/api/relations/TR/UZ").json()["items"]) == 2


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "unauthorized"),
    ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    ({"Authorization": TOKEN}, 401, "unauthorized"),
])
def test_api_ingest_needs_token(client, headers, status, code):
    response = client.post("/api/articles", json={"record": make_record()}, headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_api_ingest_disabled_without_token(db):
    with make_client(db) as client:
        response = client.post("/api/articles", json={"record": make_record()}, headers=AUTH)
    assert response.status_code == 403 and "DEPESHA_API_TOKEN" in response.json()["error"]["message"]


def posted(text: str = "abc", id: str | None = None, date: str | None = None, **article) -> dict:
    """A body with a record of `text` (id computed from it unless given) and one event."""
    event = {"id": "v1", "category": "CONSULT", "evidence": [[0, 99]] if text == "abc" else [[0, 1]], "date": date}
    return {"record": {"article": {"id": id or article_id(text), "text": text, **article}, "events": [event]}}


@pytest.mark.parametrize("body, code, message", [
    ({}, "bad_parameter", "expected `text` or `record`"),
    (posted(), "bad_record", "span [0, 99] outside the text (length 3)"),
    (posted("xyz", id="a1"), "bad_record", "record.article.id 'a1' is not the id of its text: expected 'a"),
    (posted("xyz", id=article_id("abc")), "bad_record", "is not the id of its text"),
    (posted("xyz", published="9999-12-31"), "bad_parameter", "record.article.published: bad date '9999-12-31'"),
    (posted("xyz", published="2025-02-30"), "bad_parameter", "expected an ISO date (YYYY-MM-DD) between 1800 and 2200"),
    (posted("xyz", date="99999999999"), "bad_record", "record event v1: bad date '99999999999'"),
    (posted("xyz", date="2025-13"), "bad_record", "record event v1: bad date '2025-13'"),
    (posted("xyz", title="\ud800"), "bad_text", "record.article.title holds a lone UTF-16 surrogate"),
    ({"text": "Визит", "title": "\udfff"}, "bad_text", "title holds a lone UTF-16 surrogate"),
    ({"text": "Визит", "published": "99999999999"}, "bad_parameter", "published: bad date '99999999999'"),
    ({"text": " \n\t "}, "unreadable_article", "the article cannot be read: empty article"),
    ({"text": "Визит министра\x00 в Астану"}, "unreadable_article", "binary content, not text"),
    ({"text": "<script>alert(1)</script>", "html": True}, "unreadable_article", "no article text found in the HTML"),
    ({"text": "<p>один</p>", "html": True}, "unreadable_article", "no article text found in the HTML"),
])
def test_api_ingest_bad_body(client, body, code, message):
    content = json.dumps(body)   # ASCII JSON: a lone surrogate goes as the escape \\ud800, as a client would send it
    response = client.post("/api/articles", content=content, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == code and message in response.json()["error"]["message"]


def test_api_ingest_forged_id_does_not_take_the_real_article(client):
    """A record claiming another text's id is refused; the real article is then stored under its id."""
    real = make_record(PEOPLE[9], PEOPLE[10], date="2025-06-01")
    forged = copy.deepcopy(real)
    forged["article"]["text"] = forged["article"]["text"].replace("Бербок", "Бербак")
    assert client.post("/api/articles", json={"record": forged}, headers=AUTH).status_code == 400
    response = client.post("/api/articles", json={"record": real}, headers=AUTH)
    assert response.json() == {"article": real["article"]["id"], "status": "stored", "dup_of": None}
    stored = client.get(f"/api/articles/{real['article']['id']}").json()
    assert stored["record"]["article"]["text"] == real["article"]["text"]


@pytest.mark.parametrize("with_record", [False, True], ids=["text", "text beside a record"])
def test_api_ingest_text_over_the_article_limit(client, with_record):
    body = {"text": "а" * 600_000, **({"record": make_record(PEOPLE[1], PEOPLE[9])} if with_record else {})}
    response = client.post("/api/articles", json=body, headers=AUTH)   # the text is stored as the raw input either way
    assert response.status_code == 413 and "1,200,000 bytes, at most 1,000,000" in response.json()["error"]["message"]


@pytest.mark.slow
def test_api_ingest_text_is_extracted(client):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "samples" / "01-kz-tr-minister-visit.txt").read_text()
    response = client.post("/api/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201 and response.json()["status"] == "stored"
    assert client.get("/api/relations/KZ/TR").json()["items"]


def test_api_ingest_waits_for_another_writer_then_answers_503(client, db, monkeypatch):
    import subprocess
    import sys

    from depesha.web.api.routes import articles

    monkeypatch.setattr(articles, "WRITE_WAIT", 0.3)
    hold = ("import sys, time; from depesha.store import lock; lock.acquire(sys.argv[1]); print('locked', flush=True);"
            " time.sleep(20)")
    child = subprocess.Popen([sys.executable, "-c", hold, db], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        response = client.post("/api/articles", json={"record": make_record(PEOPLE[3], PEOPLE[4])}, headers=AUTH)
        assert response.status_code == 503 and response.json()["error"]["code"] == "store_busy"
        assert "another depesha process is writing" in response.json()["error"]["message"]
    finally:
        child.kill()
        child.wait()
    response = client.post("/api/articles", json={"record": make_record(PEOPLE[3], PEOPLE[4])}, headers=AUTH)
    assert response.status_code == 201, response.text
