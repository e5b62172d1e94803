"""Datelines of the common agency styles, attribution phrases and text cleaning, as tables."""

from __future__ import annotations

import pytest

from depesha.clean import clean_text, detect_language, find_attribution, parse_dateline

DATELINES = [
    # text, published, (place, date, agency)
    ("МОСКВА, 12 марта. /ТАСС/. Президент России", "2026-03-12", ("Москва", "2026-03-12", "ТАСС")),
    ("МОСКВА, 12 мар – РИА Новости. Глава МИД", "2026-03-13", ("Москва", "2026-03-12", "РИА Новости")),
    ("Москва. 12 марта. INTERFAX.RU - Глава МИД", "2026-03-12", ("Москва", "2026-03-12", "Интерфакс")),
    ("АСТАНА. KAZINFORM – Глава государства", "2026-03-12", ("Астана", None, "Kazinform")),
    ("Астана, 12 марта 2026, 14:05 — Kazinform. Глава", None, ("Астана", "2026-03-12", "Kazinform")),
    ("Баку, Азербайджан, 12 марта. /Trend/ Президент", "2026-03-12", ("Баку", "2026-03-12", "Trend")),
    ("МИНСК, 12 марта (БелТА) – Президент", "2026-03-12", ("Минск", "2026-03-12", "БелТА")),
    ("Астана. 28 ноября. KAZAKHSTAN TODAY - Состоялась", "2025-11-29", ("Астана", "2025-11-28", "KAZAKHSTAN TODAY")),
    # the year goes back when day-month lies after the publication date
    ("МОСКВА, 30 декабря. /ТАСС/. Итоги", "2026-01-02", ("Москва", "2025-12-30", "ТАСС")),
]


@pytest.mark.parametrize("text, published, expected", DATELINES)
def test_dateline(text, published, expected):
    dateline = parse_dateline(text, published)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == expected
    assert text[dateline.stop:][:1].isupper()


@pytest.mark.parametrize("text", [
    "Президент России заявил, что переговоры продолжатся.",
    "В Москве прошла встреча министров.",
    "",
])
def test_no_dateline(text):
    assert parse_dateline(text, "2026-03-12") is None


@pytest.mark.parametrize("text, source", [
    ("Встреча прошла онлайн, сообщает пресс-служба МИД РК.", "пресс-служба МИД РК"),
    ("Стороны обсудили торговлю, сообщили в пресс-службе правительства.", "пресс-служба правительства"),
    ("Визит продлится два дня, передает корреспондент агентства.", "корреспондент агентства"),
    ("Итоги подвели в Минске, сообщили корреспонденту БелТА в Министерстве иностранных дел Беларуси.",
     "Министерство иностранных дел Беларуси"),
    ("Как сообщили Trend в МИД Азербайджана, предложение внес министр.", "МИД Азербайджана"),
    ("Об этом сообщила в среду пресс-служба главы государства.", "пресс-служба главы государства"),
    ("Об этом сообщила пресс-служба правительства. Итог подвел министр, сообщает ТАСС.", "пресс-служба правительства"),
    ("Рост составил 2%, сообщает ТАСС.", "ТАСС"),
    ("По данным министерства обороны, учения завершились.", "министерства обороны"),
])
def test_attribution(text, source):
    found = find_attribution(text)
    assert (found[0] if found else None) == source
    if found:
        assert found[0].split()[-1] == text[found[1]:found[2]].split()[-1]


@pytest.mark.parametrize("raw, clean", [
    ("Рассказать друзьям\n\nТекст статьи.", "Текст статьи."),
    ("Текст.\n\n\n\n\nЕщё текст.", "Текст.\n\nЕщё текст."),
    ("Текст\u00a0с\u00a0пробелами и мяг\u00adким переносом.", "Текст с пробелами и мягким переносом."),
    ("„Кавычки“ и текст.\nПоделиться", "«Кавычки» и текст."),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize("text, language", [
    ("Президент Казахстана провёл переговоры.", "ru"),
    ("The president of Kazakhstan held talks in Astana.", "en"),
    ("12345 67890", "und"),
])
def test_language(text, language):
    assert detect_language(text) == language
