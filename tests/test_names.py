"""Person names to the nominative, with natasha's case and gender as context."""

from __future__ import annotations

import pytest

from depesha.doc import Token
from depesha.extractors.names import normalize_name

NAMES = [
    ("Клаудией Шейнбаум", "Ins", "Fem", "Клаудия Шейнбаум"),
    ("Алмурата Турганбекова", "Gen", "Masc", "Алмурат Турганбеков"),
    ("Жаркынбеку Амантайулы", "Dat", "Masc", "Жаркынбек Амантайулы"),
    ("Педро Васкесом Гонсалесом", "Ins", "Masc", "Педро Васкес Гонсалес"),
    ("Марибель Мартинес Руис", "Nom", "Fem", "Марибель Мартинес Руис"),
    ("Айгерим Сатпаевой", "Ins", "Fem", "Айгерим Сатпаева"),
    ("Ли Вэем", "Ins", "Masc", "Ли Вэй"),
    ("Сергея Лаврова", "Gen", "Masc", "Сергей Лавров"),
    ("Марии Захаровой", "Gen", "Fem", "Мария Захарова"),
    ("Токаевым", "Ins", "Masc", "Токаев"),
    ("Хавьером Мендосой Ортисом", "Ins", "Masc", "Хавьер Мендоса Ортис"),
    ("Реджепу Тайипу Эрдогану", "Dat", "Masc", "Реджеп Тайип Эрдоган"),
    # natasha's case is wrong: the words rule it out
    ("Дашнямом Ганбаатаром", "Nom", "Masc", "Дашням Ганбаатар"),
    ("Алисии Рамирес Кастро", "Nom", "Masc", "Алисия Рамирес Кастро"),
    ("Айгерим Сатпаевой", "Acc", "Masc", "Айгерим Сатпаева"),
    # a guess does not undo natasha's oblique case: pymorphy guesses "Озтюрка" as a nominative name
    ("Мехмета Озтюрка", "Gen", "Masc", "Мехмет Озтюрк"),
    ("Мехмета Озтюрка", "Acc", "Masc", "Мехмет Озтюрк"),
]


@pytest.mark.parametrize("written, case, gender, expected", NAMES)
def test_normalize_name(written, case, gender, expected):
    tokens = [Token(0, 0, word, feats={"Case": case, "Gender": gender}) for word in written.split()]
    assert normalize_name(tokens)[0] == expected
