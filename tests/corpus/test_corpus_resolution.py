"""Entity resolution: name parsing by example, and precision/recall floors on the labelled pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from depesha.corpus.evaluate import load_pairs, score_pairs
from depesha.corpus.names import PersonName, fold, parse_person

PAIRS = Path(__file__).parent / "resolution_pairs.tsv"
FLOORS = {"precision": 0.97, "recall": 0.90}  # resolution must stay conservative: precision first


@pytest.mark.parametrize("name, expected", [
    ("Ерлан Турганбеков", PersonName("turganbekov", "e", "erlan")),
    ("Турганбеков Ерлан", PersonName("turganbekov", "e", "erlan")),
    ("Yerlan Turganbekov", PersonName("turganbekov", "e", "erlan")),
    ("Турганбекову Е.", PersonName("turganbekov", "e", None)),
    ("Турганбекова", PersonName("turganbekov", None, None)),
    ("Амантайулы Жаркынбек", PersonName("amantauli", "z", "zarkinbek")),
    ("Zharkynbek Amantayuly", PersonName("amantauli", "z", "zarkinbek")),
    ("К.-Ж. Токаев", PersonName("tokaev", "k", None)),
    ("президент Касым-Жомарт Токаев", PersonName("tokaev", "k", "kasimzomart")),
    ("Лавров Сергей Викторович", PersonName("lavrov", "s", "sergei")),
    ("г-н Фидан", PersonName("fidan", None, None)),
])
def test_corpus_parse_person(name, expected):
    assert parse_person(name) == expected


@pytest.mark.parametrize("a, b", [("Жээнбек", "Zheenbek"), ("Ерлан", "Yerlan"), ("Кулубаев", "Kulubayev"),
                                  ("Щукин", "Shchukin"), ("Цой", "Tsoi")])
def test_corpus_fold(a, b):
    assert fold(a) == fold(b)


def test_corpus_resolution_pairs():
    pairs = load_pairs(PAIRS)
    score = score_pairs(pairs)
    report = "\n".join(f"{kind}: {p.a.name} | {p.b.name} ({p.note})" for kind, p in score.errors)
    assert len(pairs) >= 80 and {p.label for p in pairs} == {"same", "diff"}
    assert score.precision >= FLOORS["precision"], report
    assert score.recall >= FLOORS["recall"], report
