"""What a sentence says of an act: the destination of a visit, the bodies acting, an act only intended."""

from __future__ import annotations

import pytest

from depesha.corpus.acts import bodies, destination, place_country, unrealised


@pytest.mark.parametrize("text, expected", [
    ("пригласил министра посетить Бишкек с официальным визитом", "KG"),
    ("Министр прибыл в Душанбе с рабочим визитом.", "TJ"),
    ("Глава ведомства прибыл в казахстанскую столицу.", "KZ"),
    ("провел в китайской столице переговоры", "CN"),
    ("предложил посетить Казахстан в удобное время", "KZ"),
    ("провели переговоры по пограничным вопросам", None),
    ("в российском парламенте", None),                     # an adjective without "столица" is no destination
])
def test_corpus_acts_destination(text, expected):
    assert destination(text) == expected


def test_corpus_acts_destination_after_a_word():
    text = "В Астане министр пригласил коллегу посетить Ташкент"
    assert destination(text) == "KZ" and destination(text, 3) == "UZ"


@pytest.mark.parametrize("text, expected", [
    ("прошли переговоры министерств обороны Франции и Марокко", {"defence"}),
    ("Глава МИД Японии и министр иностранных дел Монголии", {"foreign"}),
    ("делегация Мажилиса Парламента Казахстана", {"legislature"}),
    ("делегация министерства промышленности и торговли Испании", {"economy"}),
    ("обсудили торговлю и экономическое сотрудничество", set()),   # sectors count only after a ministry word
    ("в связи с визитом", set()),
])
def test_corpus_acts_bodies(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("стороны вновь заявили о намерении провести переговоры", True),
    ("министр выразил готовность продолжить консультации", True),
    ("визит перенесен на осень", True),
    ("Министр прибыл с визитом по приглашению коллеги.", False),
    ("Стороны провели переговоры и подписали протокол.", False),
])
def test_corpus_acts_unrealised(text, expected):
    assert unrealised(text) is expected


@pytest.mark.parametrize("place, expected", [("Душанбе", "TJ"), ("Казахстан", "KZ"), (None, None), ("Давос", None)])
def test_corpus_acts_place_country(place, expected):
    assert place_country(place) == expected
