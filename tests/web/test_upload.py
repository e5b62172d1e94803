"""Upload: preview without storing, storing needs the token (never echoed), size limit."""

from __future__ import annotations

import pytest

from .conftest import TOKEN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TEXT = ("Астана, 3 декабря. Министр иностранных дел Казахстана Мурат Нуртлеу провел встречу с послом Мексики "
        "Хорхе Лосоей. Стороны обсудили развитие торгово-экономического сотрудничества. <b>bold?</b>")


def test_upload_form(client) -> None:
    html = client.get("/upload").text
    assert 'enctype="multipart/form-data"' in html and TOKEN not in html


def test_upload_preview_does_not_store(client) -> None:
    response = client.post("/upload", data={"text": TEXT, "source": "test", "published": "2025-12-03"})
    assert response.status_code == 200
    assert "Preview: not stored yet" in response.text and 'name="token"' in response.text
    assert "&lt;b&gt;bold?&lt;/b&gt;" in response.text and TOKEN not in response.text
    article = response.text.split("Article ")[1].split(" ")[0]
    assert client.get(f"/articles/{article}").status_code == 404


def test_upload_store_needs_token(client) -> None:
    response = client.post("/upload/store", data={"text": TEXT, "token": "wrong"})
    assert response.status_code == 403 and "wrong" not in response.text.split("wrong token")[0][-50:]


def test_upload_store(client) -> None:
    response = client.post("/upload/store", data={"text": TEXT + " store", "token": TOKEN}, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "Stored." in page.text and TOKEN not in page.text


def test_upload_file(client) -> None:
    files = {"file": ("note.txt", ("Москва, 1 декабря. " + TEXT).encode("cp1251"), "text/plain")}
    response = client.post("/upload", data={"text": ""}, files=files)
    assert response.status_code == 200 and "Нуртлеу" in response.text


@pytest.mark.parametrize(("data", "status"), [
    ({"text": "x" * 1_000_001}, 413),
    ({"text": "   "}, 400),
])
def test_upload_refused(client, data: dict, status: int) -> None:
    assert client.post("/upload", data=data).status_code == status
