"""Autocomplete: /charts/suggest.json offers people, organisations and countries as the reader types."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("q, kind, expected", [
    ("Кошан", "person", "Ерлан Кошанов (KZ)"),
    ("кошано", "person", "Ерлан Кошанов (KZ)"),         # case aside
    ("koshan", "person", "Ерлан Кошанов (KZ)"),         # Latin spelling folds to the same key
    ("Ер Кош", "person", "Ерлан Кошанов (KZ)"),         # given name first
    ("Лосо", "person", "Хорхе Лосоя (MX)"),
    ("Каз", "country", "Kazakhstan (KZ)"),
    ("казахстанск", "country", "Kazakhstan (KZ)"),       # an adjective
    ("Мехико", "country", "Mexico (MX)"),              # a capital
    ("mx", "country", "Mexico (MX)"),
])
def test_suggest_offers(client, q, kind, expected):
    response = client.get("/charts/suggest.json", params={"q": q, "kind": kind})
    assert response.status_code == 200
    items = response.json()["items"]
    assert expected in [item["label"] for item in items]
    assert all(item["kind"] == kind for item in items)


@pytest.mark.parametrize("q, kind", [
    ("Кошан", "country"),         # a person is not offered as a country
    ("Иван Кошан", "person"),     # the given name does not fit
    ("Л", "person"),              # one letter: nothing yet
    ("zz", "country"),            # no such code
])
def test_suggest_offers_nothing(client, q, kind):
    assert client.get("/charts/suggest.json", params={"q": q, "kind": kind}).json()["items"] == []


def test_suggest_links_and_values(client):
    items = client.get("/charts/suggest.json", params={"q": "Кошан"}).json()["items"]
    person = next(item for item in items if item["kind"] == "person")
    assert person["value"] == "Ерлан Кошанов" and person["href"] == f"/people/{person['id']}"
    assert client.get(person["href"]).status_code == 200
    filtered = client.get("/events", params={"person": person["value"]})   # the value is what the filter takes
    assert filtered.status_code == 200 and 'id="events-total">0 event' not in filtered.text


@pytest.mark.parametrize("params, status", [
    ({"q": "x" * 61}, 400),
    ({"q": "Кошан", "kind": "planet"}, 400),
    ({"q": "'; DROP TABLE entities; --"}, 200),
])
def test_suggest_bad_input(client, params, status):
    response = client.get("/charts/suggest.json", params=params)
    assert response.status_code == status and response.headers["content-type"].startswith("application/json")


def test_suggest_inputs_are_marked(client):
    assert 'data-suggest="person"' in client.get("/events").text
    assert 'data-suggest="country"' in client.get("/events").text
    assert 'data-suggest="person,organization,country"' in client.get("/search").text


@pytest.mark.parametrize("q, expected", [
    ("казахстана", "МИД Казахстана"),                      # case aside, Cyrillic too
    ("Мажил", "Мажилис Парламента Казахстана"),
    ("парламента", "Мажилис Парламента Казахстана"),      # a later word of the name
    ("100%", None),                                        # LIKE's wildcards are taken literally
])
def test_suggest_organizations(client, q, expected):
    names = [item["value"] for item in client.get("/charts/suggest.json", params={"q": q, "kind": "organization"}).json()["items"]]
    assert (expected in names) if expected else names == []
