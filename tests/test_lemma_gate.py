"""The lemma gate: words whose lemma can be a lexicon word, told without lemmatizing them."""

from __future__ import annotations

import pytest

from depesha.annotate.morph import LemmaGate, lexeme_forms, may_lemmatize_to, normal
from depesha.annotate.natasha import lemmatize

TARGETS = ("министр", "человек", "хороший", "стать", "елка", "принять")

GATE = [
    ("министра", True),       # a form of a target
    ("министрами", True),
    ("людей", True),          # suppletive forms are in the lexeme: человек
    ("лучшие", True),         # хороший
    ("стали", True),          # стать (and сталь)
    ("елкой", True),          # ёлка, written with е
    ("приняли", True),
    ("министр", True),        # a target itself
    ("мажлиса", True),        # unknown to the dictionary: guessed, so always asked
    ("экс-министра", True),   # hyphenated: parsed by parts
    ("я", True),              # single letters
    ("стола", False),         # known, and a form of no target's lexeme
    ("президента", False),
    ("принимали", False),     # принимать is another lexeme
]


@pytest.mark.parametrize("word, expected", GATE)
def test_gate(word, expected):
    assert LemmaGate(TARGETS)(word) is expected


def test_lexeme_forms():
    assert {"министр", "министра", "министрам", "министрах"} <= lexeme_forms("министр")
    assert "елки" in lexeme_forms("елка")


# natasha's lemma under a few tags: a word the gate stops lemmatizes to no target under any of them
TAGS = [("NOUN", {"Case": "Nom", "Number": "Sing"}), ("NOUN", {"Case": "Gen", "Number": "Plur"}),
        ("VERB", {"Tense": "Past", "Number": "Plur"}), ("ADJ", {"Case": "Nom", "Number": "Plur"}),
        ("PROPN", {}), ("X", {})]
WORDS = ["стола", "президента", "принимали", "министра", "людей", "лучшие", "стали", "елкой", "приняли",
         "Путина", "встречи", "визитом", "заявил", "страны", "Мажлиса"]


@pytest.mark.parametrize("word", WORDS)
def test_gate_is_exact(word):
    if LemmaGate(TARGETS)(normal(word)):
        return
    for pos, feats in TAGS:
        assert lemmatize(word, pos, tuple(sorted(feats.items()))) not in TARGETS


def test_may_lemmatize_to():
    assert may_lemmatize_to("Приняли", ("принять", "принимать"))
    assert not may_lemmatize_to("заявили", ("принять", "принимать"))
