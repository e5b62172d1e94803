"""Record checks before a transaction: a malformed record is refused whole, with the field and the reason."""

from __future__ import annotations

import copy

import pytest

from depesha.errors import StoreError
from depesha.store.fixtures import make_record
from depesha.store.prepare import check_record

RECORD = make_record(visit=True)


def broken(change) -> dict:
    record = copy.deepcopy(RECORD)
    change(record)
    return record


@pytest.mark.parametrize("change, message", [
    (lambda r: r["events"][0].update(date=20250101), "event v1: `date` should be a string, got 20250101"),
    (lambda r: r["events"][0].update(countries="KZ"), "event v1: `countries` should be a list of strings"),
    (lambda r: r["events"][0].update(participants=[1, 2]), "event v1: `participants` should be a list of strings"),
    (lambda r: r["events"][0].update(evidence="0-10"), "event v1: `evidence` should be a list of [start, stop]"),
    (lambda r: r["entities"][0].update(mentions="x"), "entity e1: `mentions` should be a list of [start, stop]"),
    (lambda r: r["entities"][0].update(country=7), "entity e1: `country` should be a string"),
    (lambda r: r["positions"][0].update(organization=["e2"]), "`organization` should be a string"),
    (lambda r: r["article"].update(published=2025), "article: `published` should be a string"),
    (lambda r: r["article"].update(dateline="Астана"), "article: `dateline` should be an object"),
    (lambda r: r["article"]["dateline"].update(date=[2025]), "dateline: `date` should be a string"),
    (lambda r: r.update(events={"v1": {}}), "`events` should be a list, got dict"),
    (lambda r: r["events"][0].update(evidence=[[0, 10 ** 9]]), "outside the text"),
    (lambda r: r["entities"].append(dict(r["entities"][0])), "entity id 'e1' given twice"),
    (lambda r: r["entities"][0].update(mentions=None), "entity e1: `mentions` should be a list, got None"),
    (lambda r: r["positions"][0].update(person=["e1"]), "position: `person` should be an entity id"),
    (lambda r: r["events"][0].update(initiator=["e1"]), "`initiator` should be"),
])
def test_store_check_refuses_malformed_fields(change, message):
    with pytest.raises(StoreError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_record(broken(change))


@pytest.mark.parametrize("change", [
    lambda r: r["events"][0].update(date=None, kind=None, topics=None),   # nulls are absent values
    lambda r: r.pop("positions"),
    lambda r: r["article"].update(dateline=None),
    lambda r: r["events"][0].update(related=["v9"], extra={"any": 1}),      # fields the store does not read
])
def test_store_check_accepts_absent_and_unknown_fields(change):
    check_record(broken(change))
