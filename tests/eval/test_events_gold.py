"""The event corpus in gold/events: every document checked against its text (quotes verbatim, ISO codes,
categories, dates, modes), the split sealed as the manifest drew it, and the agreement sample present."""

import json
from pathlib import Path

import pytest

from depesha.eval import default_data_dir
from depesha.eval.events.gold import attach_texts, check_doc, iso_codes, load_gold, resolve

GOLD = Path(__file__).resolve().parents[2] / "gold" / "events"


@pytest.fixture(scope="module")
def corpus():
    corpora, docs = load_gold(GOLD / "gold.json")
    missing = list(attach_texts(docs, resolve(corpora, [default_data_dir()])))
    if len(missing) == len(docs):
        pytest.skip(f"SKIPPED LOUDLY: the corpora of the event gold are absent under {default_data_dir()} "
                    "(set DEPESHA_SHARED_DATA): the gold was NOT checked against its texts")
    return docs, missing


@pytest.mark.slow
def test_every_document_has_its_text_and_passes_the_checker(corpus):
    docs, missing = corpus
    assert missing == []
    problems = [f"{doc.id}: {problem}" for doc in docs for problem in check_doc(doc, iso_codes())]
    assert problems == []


def test_split_is_the_sealed_one_of_the_manifest():
    manifest = json.loads((GOLD / "manifest.json").read_text(encoding="utf-8"))
    _, docs = load_gold(GOLD / "gold.json")
    split = {doc["id"]: doc["split"] for doc in manifest["docs"]}
    assert {doc.id: doc.split for doc in docs} == split
    assert sum(value == "test" for value in split.values()) == 120
    assert len(docs) >= 400


def test_corpus_shape_meets_the_issue():
    _, docs = load_gold(GOLD / "gold.json")
    by_corpus = {name: sum(doc.corpus == name for doc in docs) for name in ("rucoco", "nerel", "factru")}
    assert by_corpus["rucoco"] >= 250 and by_corpus["nerel"] >= 80
    assert sum(doc.negative for doc in docs) >= 0.2 * len(docs)
    assert sum(len(doc.events) for doc in docs) > 200


@pytest.mark.parametrize("field, value, problem", [
    ("category", "MEET", "unknown category"),
    ("countries", ["RU"], "two or more"),
    ("countries", ["US", "RU"], "sorted"),
    ("countries", ["RU", "ZZ"], "unknown ISO code ZZ"),
    ("date", "12.03.2010", "not YYYY-MM-DD"),
    ("mode", "video", "mode 'video'"),
    ("evidence", "не из этого текста", "not a verbatim quote"),
    ("evidence", "Министр " * 16, "not a verbatim quote"),
])
def test_checker_names_each_fault(field, value, problem):
    from depesha.eval.events.gold import parse_doc

    event = {"category": "CONSULT", "countries": ["JP", "RU"], "date": None, "mode": None, "participants": [],
             "evidence": "министры встретились в Токио"}
    doc = parse_doc("x", {"corpus": "c", "file": "f", "events": [event | {field: value}], "people": []})
    doc.text = "Вчера министры встретились в Токио."
    assert any(problem in line for line in check_doc(doc, iso_codes()))


def test_checker_accepts_a_good_document():
    from depesha.eval.events.gold import parse_doc

    event = {"category": "CONSULT", "countries": ["JP", "RU"], "date": "2010-03-12", "mode": "in_person",
             "participants": ["Сергей Лавров"], "evidence": "министры встретились в Токио"}
    doc = parse_doc("x", {"corpus": "c", "file": "f", "events": [event], "people": []})
    doc.text = "Вчера министры встретились в Токио."
    assert check_doc(doc, iso_codes()) == []
