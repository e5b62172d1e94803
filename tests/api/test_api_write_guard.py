"""Writes to the API: the token and the size are checked before the body is read (issue #17)."""

import pytest

from depesha.web.guard import BODY_LIMIT

from .conftest import TOKEN, make_client

HUGE = b"x" * (BODY_LIMIT + 1)


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 401),
    ({"Authorization": f"Bearer {TOKEN}"}, 413),
])
def test_a_huge_body_is_refused_before_it_is_parsed(db, headers, status):
    with make_client(db, api_token=TOKEN) as client:
        response = client.post("/api/articles", content=HUGE, headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == status
    assert response.json()["error"]["code"] in ("unauthorized", "too_large")


def test_a_body_without_length_is_counted_as_it_arrives(db):
    def chunks():
        for _ in range(BODY_LIMIT // 65536 + 2):
            yield b"x" * 65536

    with make_client(db, api_token=TOKEN) as client:
        response = client.post("/api/articles", content=chunks(),
                               headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 413


def test_writes_disabled_without_a_token_configured(db):
    with make_client(db) as client:
        response = client.post("/api/articles", json={"text": "Текст."})
    assert response.status_code == 403 and response.json()["error"]["code"] == "ingest_disabled"


def test_a_normal_post_still_works(db):
    with make_client(db, api_token=TOKEN) as client:
        response = client.post("/api/articles", json={"text": "Астана, 2 декабря. Министр иностранных дел Казахстана"
                                                             " встретился с послом Японии."},
                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
